"""Loading a whole exhibition (a content root) or a single exhibit folder.

This is what both ``kiosk validate`` and the kiosk itself call::

    content = load_content(Path("exhibits"))
    content.exhibits          # the valid exhibits, in visit order
    content.skipped           # the invalid ones, with their findings, for the facilitator
    content.paths             # the valid guided tours and book workshops (paths/*.yaml)
    content.findings          # everything to tell the curator

A broken exhibit never stops the others from loading, and a broken path file never stops
anything: both are skipped, logged and reported.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field, replace
from pathlib import Path

from kiosk.content.collection import COLLECTION_FILE, Collection, load_collection
from kiosk.content.exhibit import MANIFEST, ExhibitManifest, load_exhibit
from kiosk.content.findings import ERROR, WARNING, Finding, LoadResult
from kiosk.content.guided_paths import KINDS, PATHS_FOLDER, GuidedPath, load_paths

log = logging.getLogger(__name__)
RESERVED_FOLDERS = (PATHS_FOLDER,)  # sub-folders of a content root that are not exhibits


@dataclass
class ExhibitionContent:
    """Everything read from a content root."""

    root: Path
    collection: Collection | None
    results: list[LoadResult[ExhibitManifest]] = field(default_factory=list)
    collection_findings: list[Finding] = field(default_factory=list)
    path_results: list[LoadResult[GuidedPath]] = field(default_factory=list)

    @property
    def exhibits(self) -> list[ExhibitManifest]:
        """The valid exhibits in visit order: by room, then ``order``, then id."""
        rooms = {room.id: i for i, room in enumerate(self.collection.rooms)} if self.collection else {}
        valid = [r.item for r in self.results if r.item is not None]
        return sorted(valid, key=lambda m: (rooms.get(m.room, len(rooms)), m.order, m.id))

    @property
    def skipped(self) -> list[LoadResult[ExhibitManifest]]:
        return [r for r in self.results if not r.valid]

    @property
    def findings(self) -> list[Finding]:
        found = list(self.collection_findings)
        for result in [*self.results, *self.path_results]:
            found.extend(result.findings)
        return found

    def count(self, severity: str) -> int:
        return sum(1 for f in self.findings if f.severity == severity)

    @property
    def ok(self) -> bool:
        return self.count(ERROR) == 0

    def exhibit(self, exhibit_id: str | None) -> ExhibitManifest | None:
        """The valid exhibit with this id, or None."""
        return next((r.item for r in self.results if r.id == exhibit_id and r.item is not None), None)

    def exhibits_in(self, room_id: str) -> list[ExhibitManifest]:
        return [m for m in self.exhibits if m.room == room_id]

    @property
    def paths(self) -> list[GuidedPath]:
        """The valid guided tours and workshops: tours first, then workshops, each by id."""
        valid = [r.item for r in self.path_results if r.item is not None]
        return sorted(valid, key=lambda p: (KINDS.index(p.kind), p.id))

    @property
    def skipped_paths(self) -> list[LoadResult[GuidedPath]]:
        return [r for r in self.path_results if not r.valid]

    def path(self, path_id: str | None) -> GuidedPath | None:
        """The valid path with this id, or None."""
        return next((r.item for r in self.path_results if r.id == path_id and r.item is not None), None)


def load_content(path: Path, registry=None) -> ExhibitionContent:
    """Load a content root, or a single exhibit folder (judged with its parent's collection)."""
    if registry is None:
        from kiosk.exhibit_types import default_registry
        registry = default_registry()
    path = Path(path)
    if (path / MANIFEST).is_file() and not (path / COLLECTION_FILE).is_file():
        return _load_single(path, registry)
    content = _load_collection_of(path)
    folders = exhibit_folders(path)
    content.results = [load_exhibit(folder, content.collection, registry) for folder in folders]
    _check_duplicate_ids(content)
    content.path_results = load_paths(path, content)
    _log_skipped(content)
    return content


def exhibit_folders(root: Path) -> list[Path]:
    """Sub-folders of ``root`` that are exhibits: names starting with '.' or '_', and ``paths``, are left out."""
    try:
        entries = sorted(root.iterdir())
    except OSError:
        return []
    return [e for e in entries if e.is_dir() and not e.name.startswith((".", "_")) and e.name not in RESERVED_FOLDERS]


def _load_collection_of(root: Path) -> ExhibitionContent:
    file = root / COLLECTION_FILE
    if not root.is_dir():
        return ExhibitionContent(root, None, collection_findings=[Finding(
            root, 0, 0, ERROR, "this folder does not exist", "give the path of a content folder, such as exhibits/")])
    if not file.is_file():
        hint = "copy collection.yaml from the bundled exhibits/ folder and edit it"
        if root.name == PATHS_FOLDER and (root.parent / COLLECTION_FILE).is_file():
            hint = "path files are checked with their content folder: validate the folder above this one"
        return ExhibitionContent(root, None, collection_findings=[Finding(
            file, 0, 0, ERROR, f"the content folder has no {COLLECTION_FILE}", hint)])
    collection, findings = load_collection(file)
    return ExhibitionContent(root, collection, collection_findings=findings)


def _load_single(folder: Path, registry) -> ExhibitionContent:
    parent = folder.resolve().parent
    content = ExhibitionContent(folder.parent, None)
    if (parent / COLLECTION_FILE).is_file():
        content.collection, _ = load_collection(parent / COLLECTION_FILE)
    else:
        content.collection_findings.append(Finding(
            folder / MANIFEST, 0, 0, WARNING, f"no {COLLECTION_FILE} beside this exhibit: its room and languages are not checked",
            "validate the whole content folder to check them"))
    content.results = [load_exhibit(folder, content.collection, registry)]
    return content


def _check_duplicate_ids(content: ExhibitionContent) -> None:
    seen: dict[str, str] = {}
    for i, result in enumerate(content.results):
        key = result.id.casefold()
        if key in seen:
            finding = Finding(content.root / result.id / MANIFEST, 0, 0, ERROR,
                              f"the exhibit id '{result.id}' is already used by the folder '{seen[key]}'",
                              "rename one of the folders: ids differ by more than capitals")
            content.results[i] = replace(result, item=None, findings=result.findings + (finding,))
        seen.setdefault(key, result.id)


def _log_skipped(content: ExhibitionContent) -> None:
    for result in content.skipped:
        first = next((f for f in result.findings if f.is_error), None)
        log.warning("exhibit %r skipped: %s", result.id, first.format(content.root.parent) if first else "invalid")
    for result in content.skipped_paths:
        first = next((f for f in result.findings if f.is_error), None)
        log.warning("path %r skipped: %s", result.id, first.format(content.root.parent) if first else "invalid")
