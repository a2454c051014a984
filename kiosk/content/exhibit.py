"""``exhibit.yaml``: one exhibit, checked against the common fields and its type's fields.

Reading goes in layers, as for the collection: :func:`load_exhibit` (a folder) →
:func:`~kiosk.content.yamldoc.load_document` (its manifest's text) →
:func:`exhibit_from_dict` (its data), with one loader per ``schema`` version. Every
problem becomes a finding; an exhibit with an error is returned as ``None``, and the kiosk
skips it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kiosk.content.audio import Narration
from kiosk.content.easy_read import check_easy_read
from kiosk.content.collection import Collection
from kiosk.content.fields import COMMON_FIELDS, ID_HINT, ID_PATTERN, ImageRef, check_translations
from kiosk.content.findings import ContentError, Finding, LoadResult
from kiosk.content.spec import INVALID, Context, LanguagePolicy, TextUse, check_fields, did_you_mean
from kiosk.content.text import LocalizedText
from kiosk.content.versions import load_version
from kiosk.content.yamldoc import Document, load_document, read_text

MANIFEST = "exhibit.yaml"
BODY_FILE = re.compile(r"^body\.([a-z]{2,3}(?:-[A-Za-z0-9]{2,8})?)\.md$")
EASY_FILE = re.compile(r"^easy\.([a-z]{2,3}(?:-[A-Za-z0-9]{2,8})?)\.md$")
MAX_BODY_BYTES = 256 * 1024
UNKNOWN_LANGUAGES = LanguagePolicy("fr", (), ())  # no collection: judge only the default language


@dataclass(frozen=True)
class Link:
    url: LocalizedText  # one address, or one per language
    label: LocalizedText
    languages: tuple[str, ...] = ()  # the site's languages; () when not said

    def foreign_to(self, reader: str) -> str | None:
        """The site's language, when a reader of ``reader`` would land on a site in another one."""
        if not self.languages or reader in self.languages or reader in self.url.languages():  # its own page
            return None
        return self.languages[0]


@dataclass(frozen=True)
class ExhibitManifest:
    """A checked exhibit, ready to be shown. ``details`` is the type's own model."""

    id: str
    folder: Path
    type: str
    room: str
    order: int
    title: LocalizedText
    summary: LocalizedText
    body: LocalizedText | None
    images: tuple[ImageRef, ...]
    links: tuple[Link, ...]
    tags: tuple[str, ...]
    facilitator_notes: LocalizedText | None
    details: Any
    texts: tuple[TextUse, ...] = ()
    easy: LocalizedText | None = None   # the easy-read version of the summary and body (FALC), per language
    audio: tuple[tuple[str, Narration], ...] = ()   # (language, its reading), in the order written

    def image_path(self, file: str) -> Path:
        return self.folder / file

    def narration(self, languages) -> tuple[str, Narration] | None:
        """The reading in the first of ``languages`` that has one (the visitor's, then the fallbacks)."""
        readings = dict(self.audio)
        return next(((code, readings[code]) for code in languages if code in readings), None)


def load_exhibit(folder: Path, collection: Collection | None, registry) -> LoadResult[ExhibitManifest]:
    """Read and check the exhibit in ``folder``; the result's group is its room as written."""
    folder = Path(folder)
    file = folder / MANIFEST
    if not file.is_file():
        return LoadResult(folder.name, None, (Finding(
            file, 0, 0, "error", f"the folder '{folder.name}' has no {MANIFEST}",
            "copy exhibit.yaml from another exhibit, or start the folder name with '_' to keep it out"),))
    try:
        doc = load_document(file)
    except ContentError as exc:
        return LoadResult(folder.name, None, (exc.finding,))
    manifest, findings = exhibit_from_dict(doc, folder, collection, registry)
    room = doc.data.get("room") if isinstance(doc.data, dict) else None
    findings = sorted(findings, key=lambda f: (f.file != file, str(f.file), f.line, f.column))
    return LoadResult(folder.name, manifest, tuple(findings), room if isinstance(room, str) else None)


def exhibit_from_dict(doc: Document, folder: Path, collection: Collection | None, registry):
    """Check parsed data; returns (manifest or None, findings)."""
    languages = collection.languages if collection else UNKNOWN_LANGUAGES
    ctx = Context(doc, languages, folder)
    if not isinstance(doc.data, dict):
        ctx.error((), f"{MANIFEST} should be a mapping (key: value lines) at the top level",
                  "start from the example in docs/content-format.md")
        return None, ctx.findings
    if not re.match(ID_PATTERN, folder.name):
        ctx.error((), f"the folder name '{folder.name}' is not a valid exhibit id", ID_HINT)
    return load_version(doc.data, ctx, _LOADERS, folder, collection, registry)


def _from_dict_v1(data: dict, folder: Path, collection, registry, ctx: Context):
    exhibit_type = _exhibit_type(data, registry, ctx)
    if exhibit_type is None:
        check_fields(data, COMMON_FIELDS, (), ctx, extra_known=list(data))
        return None, ctx.findings
    values = check_fields(data, COMMON_FIELDS + exhibit_type.fields, (), ctx)
    _check_room(values["room"], collection, ctx)
    values["body"] = _merge_body_files(values["body"], folder, ctx)
    values["easy"] = _merge_body_files(values["easy"], folder, ctx, "easy", EASY_FILE)
    check_easy_read(values["easy"], folder, exhibit_type, ctx)
    _check_type_needs(values, exhibit_type, ctx)
    if exhibit_type.check:
        exhibit_type.check(values, ctx)
    check_translations(ctx)
    if ctx.has_errors:
        return None, ctx.findings
    return _manifest(values, folder, exhibit_type, ctx), ctx.findings


def _exhibit_type(data: dict, registry, ctx: Context):
    name = data.get("type")
    if name is None:
        ctx.error((), "'type' is missing in this file", f"add a line 'type: …' with one of: {', '.join(registry.names())}")
        return None
    exhibit_type = registry.get(name) if isinstance(name, str) else None
    if exhibit_type is None:
        known = ", ".join(registry.names())
        guess = did_you_mean(str(name), registry.names())
        broken = "; ".join(f"'{plugin}' ({error})" for plugin, error in sorted(registry.disabled.items()))
        failed = f" An installed plugin failed to load, so its types are missing: {broken}." if broken else ""
        ctx.error(("type",), f"unknown exhibit type '{name}'", f"{guess} known types: {known}.{failed}".strip())
    return exhibit_type


def _check_room(room, collection: Collection | None, ctx: Context) -> None:
    if collection is None or not isinstance(room, str) or collection.room(room):
        return
    room_ids = [r.id for r in collection.rooms]
    guess = did_you_mean(room, room_ids)
    ctx.error(("room",), f"the room '{room}' is not declared in collection.yaml",
              f"{guess} rooms: {', '.join(room_ids)}".strip())


def _merge_body_files(body, folder: Path, ctx: Context, field: str = "body", pattern=BODY_FILE):
    """Add ``body.<lang>.md`` files (or ``easy.<lang>.md``, for ``field`` "easy") to the field from the manifest."""
    files = {}
    for path in sorted(folder.glob(f"{field}.*.md")):
        match = pattern.match(path.name)
        if not match:
            continue
        language = match.group(1)
        if ctx.languages.languages and language not in ctx.languages.languages:
            ctx.findings.append(Finding(path, 0, 0, "warning", f"'{language}' is not one of the collection's languages",
                                        f"rename the file; languages are {', '.join(ctx.languages.languages)}"))
            continue
        if body and body.translations.get(language):
            ctx.error((field, language), f"the '{language}' {field} is given twice: here and in {path.name}",
                      "keep only one of them")
            continue
        try:
            files[language] = read_text(path, MAX_BODY_BYTES).strip()
        except ContentError as exc:
            ctx.findings.append(exc.finding)
    if not files or body is INVALID:
        return body
    merged = body.with_translations(files) if body else LocalizedText.of(files)
    ctx.texts = [use for use in ctx.texts if use.path != (field,)]
    if field == "body":   # an easy-read version is offered per language: none missing is a gap to report
        ctx.texts.append(TextUse((field,), merged, False))
    return merged


def _check_type_needs(values: dict, exhibit_type, ctx: Context) -> None:
    if exhibit_type.body_required and values["body"] is None:
        ctx.error((), f"a {exhibit_type.name} needs a body",
                  f"add body.{ctx.languages.default}.md beside exhibit.yaml, or a 'body:' field")
    images = values["images"]
    if images is not INVALID and len(images) < exhibit_type.min_images:
        ctx.error(("images",) if images else (), f"a {exhibit_type.name} needs at least {exhibit_type.min_images} images "
                  f"(it has {len(images)})", "add entries under 'images:'")


def _manifest(values: dict, folder: Path, exhibit_type, ctx: Context) -> ExhibitManifest:
    return ExhibitManifest(
        id=folder.name,
        folder=folder,
        type=exhibit_type.name,
        room=values["room"],
        order=values["order"],
        title=values["title"],
        summary=values["summary"],
        body=values["body"],
        images=tuple(ImageRef.from_values(image) for image in values["images"]),
        links=tuple(Link(link["url"], link["label"], tuple(link["language"] or ())) for link in values["links"]),
        tags=tuple(values["tags"]),
        facilitator_notes=values["facilitator_notes"],
        details=exhibit_type.build(values),
        texts=tuple(ctx.texts),
        audio=tuple(values["audio"].items()) if values["audio"] else (),
        easy=values["easy"] if values["easy"] is not INVALID else None,
    )


_LOADERS = {1: _from_dict_v1}
