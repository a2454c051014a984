"""Guided paths and book workshops: one ``paths/<id>.yaml`` file each, in a content root.

A facilitator picks a path and leads a group from exhibit to exhibit, with notes, discussion
prompts and a suggested duration for each step. A *tour* walks through the rooms; a
*workshop* builds a debate on one theme of the MES book "L'économie solidaire en
mouvement". The file name is the path's id. Example::

    # yaml-language-server: $schema=../_schemas/path.schema.json
    schema: 1
    kind: workshop                              # tour or workshop
    title: {fr: "Atelier : les monnaies locales", en: "Workshop: local currencies"}
    summary: {fr: ..., en: ...}
    audience: {fr: Un groupe de 10 à 20 personnes, en: A group of 10 to 20 people}
    steps:
      - exhibit: alternatives-monnaies-locales  # an exhibit folder of the same content root
        minutes: 20                             # suggested duration
        title: {fr: ..., en: ...}               # optional: the exhibit's title by default
        notes: {fr: ..., en: ...}               # for the facilitator
        prompts:                                # 1 to 8 open questions
          - {fr: "Qui décide de ce que finance notre monnaie ?", en: "Who decides what our currency funds?"}

Reading goes in layers, as for the collection: :func:`load_paths` (the ``paths`` folder) →
:func:`load_path` (one file) → :func:`~kiosk.content.yamldoc.load_document` (its text) →
:func:`path_from_dict` (its data), one loader per ``schema`` version. Paths are read after
the exhibits, because each step must name a valid exhibit: a path with an error is
skipped, like an exhibit, and never stops anything else.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Mapping

from kiosk.content.exhibit import MANIFEST, UNKNOWN_LANGUAGES, ExhibitManifest
from kiosk.content.fields import ID_HINT, ID_PATTERN, check_translations
from kiosk.content.findings import ERROR, ContentError, Finding, LoadResult
from kiosk.content.spec import (
    INVALID,
    Context,
    Field,
    Kind,
    LanguagePolicy,
    ListKind,
    NumberKind,
    ObjectKind,
    StrKind,
    TextKind,
    check_fields,
    did_you_mean,
)
from kiosk.content.text import LocalizedText
from kiosk.content.versions import SCHEMA_FIELD, load_version
from kiosk.content.yamldoc import Document, load_document

if TYPE_CHECKING:
    from kiosk.content.loader import ExhibitionContent

PATHS_FOLDER = "paths"
PATH_SUFFIX = ".yaml"
KINDS = ("tour", "workshop")


@dataclass(frozen=True)
class PathStep:
    """One stop of a path. ``title`` is the step's own title, else the exhibit's title."""

    exhibit: str
    minutes: float
    notes: LocalizedText
    prompts: tuple[LocalizedText, ...]
    title: LocalizedText


@dataclass(frozen=True)
class GuidedPath:
    """A checked guided tour or book workshop: its steps in the order the group takes them."""

    id: str
    kind: str
    title: LocalizedText
    summary: LocalizedText
    audience: LocalizedText | None
    steps: tuple[PathStep, ...]

    @property
    def total_minutes(self) -> float:
        return sum(step.minutes for step in self.steps)

    @property
    def exhibits(self) -> tuple[str, ...]:
        return tuple(step.exhibit for step in self.steps)


class PathContext(Context):
    """A context that also knows the exhibits of the content root: id → manifest, None when invalid."""

    def __init__(self, doc: Document, languages: LanguagePolicy, exhibits: Mapping[str, ExhibitManifest | None]):
        super().__init__(doc, languages)
        self.exhibits = exhibits


class ExhibitRefKind(Kind):
    """The id of an exhibit of the same content root; the exhibit must be valid."""

    expected = "an exhibit id"

    def check(self, value, path, ctx):
        if not isinstance(value, str):
            return self.wrong_type(value, path, ctx, "write the name of an exhibit folder, such as 'alternatives-amap'")
        exhibits = getattr(ctx, "exhibits", None)
        if exhibits is None or exhibits.get(value) is not None:
            return value
        if value in exhibits:
            ctx.error(path, f"the exhibit '{value}' is invalid: the kiosk skips it, and this path with it",
                      f"fix the errors that 'kiosk validate' shows for {value}/{MANIFEST} first")
        else:
            hint = did_you_mean(value, exhibits) or "use the name of an exhibit folder of this content folder"
            ctx.error(path, f"the exhibit '{value}' does not exist in this content folder", hint)
        return INVALID

    def schema(self):
        return {"type": "string", "pattern": ID_PATTERN}


STEP = ObjectKind("step", (
    Field("exhibit", ExhibitRefKind(), required=True, doc="The id (folder name) of an exhibit of this content root."),
    Field("minutes", NumberKind(1, 120, whole=False), required=True, doc="Suggested duration of the step, in minutes."),
    Field("title", TextKind(max_length=120), doc="The step's title; the exhibit's title when left out."),
    Field("notes", TextKind(max_length=3000), required=True,
          doc="For the facilitator: what to point at, how to start, what to watch for, timing."),
    Field("prompts", ListKind(TextKind(max_length=400), min_items=1, max_items=8), required=True,
          doc="Open questions that start the discussion, 1 to 8."),
))

PATH_FIELDS = (
    SCHEMA_FIELD,
    Field("kind", StrKind(choices=KINDS, meaning="a path kind"), required=True,
          doc="tour (a guided tour of the rooms) or workshop (a workshop on the book)."),
    Field("title", TextKind(headline=True, max_length=120), required=True),
    Field("summary", TextKind(max_length=600), required=True, doc="What the group does and takes away."),
    Field("audience", TextKind(max_length=200), doc="Who the path is for, e.g. a group of 10 to 20 people."),
    Field("steps", ListKind(STEP, min_items=1, max_items=30), required=True, doc="The steps, in order."),
)


def load_paths(root: Path, content: ExhibitionContent) -> list[LoadResult[GuidedPath]]:
    """Read every path file in ``root/paths``, judged against the exhibits already in ``content``."""
    return [load_path(file, content) for file in path_files(Path(root) / PATHS_FOLDER)]


def path_files(folder: Path) -> list[Path]:
    """The YAML files of a ``paths`` folder; names starting with '.' or '_' are left out."""
    try:
        entries = sorted(folder.iterdir())
    except OSError:
        return []
    return [e for e in entries if e.is_file() and e.suffix in (PATH_SUFFIX, ".yml") and not e.name.startswith((".", "_"))]


def load_path(file: Path, content: ExhibitionContent) -> LoadResult[GuidedPath]:
    """Read and check one path file; the result's group is its kind as written."""
    file = Path(file)
    misplaced = _misplaced(file)
    if misplaced:
        return LoadResult(file.stem, None, (misplaced,))
    try:
        doc = load_document(file)
    except ContentError as exc:
        return LoadResult(file.stem, None, (exc.finding,))
    path, findings = path_from_dict(doc, content)
    kind = doc.data.get("kind") if isinstance(doc.data, dict) else None
    findings = sorted(findings, key=lambda f: (f.line, f.column))
    return LoadResult(file.stem, path, tuple(findings), kind if isinstance(kind, str) else None)


def _misplaced(file: Path) -> Finding | None:
    if file.name == MANIFEST:
        return Finding(file, 0, 0, ERROR, f"'{PATHS_FOLDER}' is kept for guided paths and workshops: this exhibit is not read",
                       "rename the exhibit folder, e.g. to 'alternatives-paths'")
    if file.suffix != PATH_SUFFIX:
        return Finding(file, 0, 0, ERROR, f"path files end in '{PATH_SUFFIX}': this one is not read",
                       f"rename it to {file.stem}{PATH_SUFFIX}")
    return None


def path_from_dict(doc: Document, content: ExhibitionContent) -> tuple[GuidedPath | None, list[Finding]]:
    """Check parsed data; returns (path or None, findings)."""
    languages = content.collection.languages if content.collection else UNKNOWN_LANGUAGES
    ctx = PathContext(doc, languages, {result.id: result.item for result in content.results})
    if not isinstance(doc.data, dict):
        ctx.error((), "a path file should be a mapping (key: value lines) at the top level",
                  "start from the example in docs/content-format.md")
        return None, ctx.findings
    path_id = doc.file.stem
    if not re.match(ID_PATTERN, path_id):
        ctx.error((), f"the file name '{path_id}' is not a valid path id", ID_HINT)
    return load_version(doc.data, ctx, _LOADERS, path_id)


def _from_dict_v1(data: dict, path_id: str, ctx: PathContext) -> tuple[GuidedPath | None, list[Finding]]:
    values = check_fields(data, PATH_FIELDS, (), ctx)
    check_translations(ctx)
    if ctx.has_errors:
        return None, ctx.findings
    steps = tuple(_step(step, ctx.exhibits) for step in values["steps"])
    path = GuidedPath(path_id, values["kind"], values["title"], values["summary"], values["audience"], steps)
    return path, ctx.findings


def _step(values: dict, exhibits: Mapping[str, ExhibitManifest | None]) -> PathStep:
    exhibit = exhibits[values["exhibit"]]
    return PathStep(
        exhibit=values["exhibit"],
        minutes=values["minutes"],
        notes=values["notes"],
        prompts=tuple(values["prompts"]),
        title=values["title"] or exhibit.title,
    )


_LOADERS = {1: _from_dict_v1}
