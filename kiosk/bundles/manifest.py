"""``bundle.json``: what a bundle holds, and the one error type of bundles.

A bundle is a zip of a content folder with ``bundle.json`` at its root::

    {"format": 1,
     "title": {"fr": "Musée du Kapitalisme", "en": "Museum of Kapitalism"},
     "title_default": "Musée du Kapitalisme",
     "version": "2024-05-01 14:30",
     "made": "2024-05-01T12:30:05+00:00",
     "made_with": "musee-kiosk 0.1.0",
     "summary": {"exhibits": 20, "skipped": 0, "errors": 0, "warnings": 1, "paths": 3,
                 "languages": {"fr": 1.0, "en": 0.95}},
     "files": {"origines-amap/exhibit.yaml": {"sha256": "9f86d0…", "size": 1234}, …}}

The same file stays inside the installed folder, where it names the live version::

    info = read_bundle_info(Path("expo.zip"))      # cheap: bundle.json and the zip directory
    info.describe()                                # '"Musée du Kapitalisme" version 2024-05-01 14:30 (made …)'
    live_info(Path("exhibits"))                    # the same for the live content, or None
"""

from __future__ import annotations

import json
import logging
import re
import zipfile
import zlib
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

log = logging.getLogger(__name__)

MANIFEST = "bundle.json"
FORMAT = 1
MAX_MANIFEST_BYTES = 16 * 1024 * 1024
_SHA256 = re.compile(r"^[0-9a-f]{64}$")
AGAIN = "make the bundle again with 'kiosk bundle'"


def N_(text: str) -> str:
    """Marks a text for translation (pybabel extracts ``N_``); the facilitator menu translates it when shown."""
    return text


# What went wrong, in one sentence the facilitator menu shows in its own language (``BundleError.kind``).
HEADLINES = {
    "damaged": N_("This bundle is damaged or was not copied completely: copy it to the stick again."),
    "unsafe": N_("This bundle holds files a kiosk does not accept: make it again with 'kiosk bundle'."),
    "not_a_bundle": N_("This file is not a kiosk bundle: make one with 'kiosk bundle'."),
    "newer": N_("This bundle was made by a newer version of the kiosk: update this kiosk first."),
    "no_room": N_("There is not enough free space on the kiosk's disk for this bundle."),
    "invalid_content": N_("The content in this bundle has errors: check it with 'kiosk validate', then make it again."),
    "disk": N_("The kiosk could not write the new content to its disk."),
    "busy": N_("Another installation is running: wait until it has finished."),
    "no_earlier": N_("There is no earlier version to go back to."),
    "unsigned": N_("This bundle is not signed by a key this kiosk trusts: ask the curator for a signed bundle."),
    "tampered": N_("This bundle was changed after it was signed: ask the curator for it again."),
}


class BundleError(Exception):
    """A bundle refused, or an install or rollback that cannot go on; ``str(e)`` is for the curator.

    ``kind`` says what went wrong in a word (a key of :data:`HEADLINES`), for a one-line
    explanation in the facilitator's language; the message itself keeps every detail.
    """

    def __init__(self, message: str, kind: str = "failed"):
        super().__init__(message)
        self.kind = kind

    def headline(self, gettext=N_) -> str:
        """One sentence in the facilitator's language, or "" for a kind without one."""
        return gettext(HEADLINES[self.kind]) if self.kind in HEADLINES else ""


@dataclass(frozen=True)
class BundleInfo:
    """What a bundle (or the live content installed from one) says about itself."""

    title: dict[str, str]
    title_default: str
    version: str
    made: datetime
    summary: dict = field(default_factory=dict)
    file_count: int = 0
    total_bytes: int = 0
    made_with: str = ""

    def describe(self) -> str:
        """``"Title" version V (made YYYY-MM-DD HH:MM)``, in local time."""
        return f'"{self.title_default}" version {self.version} (made {self.made_local})'

    @property
    def made_local(self) -> str:
        return self.made.astimezone().strftime("%Y-%m-%d %H:%M")


def read_bundle_info(zip_path: Path) -> BundleInfo:
    """What the bundle ``zip_path`` holds; raises :class:`BundleError` when it is damaged."""
    with open_bundle(zip_path) as archive:
        return info_from_manifest(read_manifest(archive, zip_path))


def live_info(target: Path) -> BundleInfo | None:
    """The live content's ``bundle.json``, or None when it was not installed from a bundle."""
    file = Path(target) / MANIFEST
    if not file.is_file():
        return None
    try:
        return info_from_manifest(parse_manifest(file.read_bytes(), file))
    except (OSError, BundleError) as exc:
        log.warning("the live content's %s cannot be read, so its version is unknown: %s", file, exc)
        return None


def open_bundle(zip_path: Path) -> zipfile.ZipFile:
    """The bundle opened as a zip; a missing or damaged file raises :class:`BundleError`."""
    path = Path(zip_path)
    if not path.is_file():
        raise BundleError(f"{path}: there is no such file: check the path of the bundle", kind="damaged")
    try:
        return zipfile.ZipFile(path)
    except (zipfile.BadZipFile, zlib.error, EOFError, ValueError) as exc:
        raise BundleError(damaged(path, exc), kind="damaged") from exc
    except OSError as exc:
        raise BundleError(f"{path}: the bundle cannot be read ({exc.strerror or exc}): copy it again",
                          kind="damaged") from exc


def damaged(zip_path: Path, reason) -> str:
    return f"{zip_path}: the bundle is damaged or was not copied completely ({reason}): copy it again"


def read_manifest(archive: zipfile.ZipFile, zip_path: Path) -> dict:
    """The checked content of the bundle's ``bundle.json``."""
    return parse_manifest(read_manifest_bytes(archive, zip_path), zip_path)


def read_manifest_bytes(archive: zipfile.ZipFile, zip_path: Path) -> bytes:
    """The bytes of the bundle's ``bundle.json``, not yet checked."""
    try:
        info = archive.getinfo(MANIFEST)
    except KeyError:
        raise BundleError(f"{zip_path}: this zip has no {MANIFEST}, so it is not a kiosk bundle: "
                          f"make one with 'kiosk bundle CONTENT_FOLDER -o FILE.zip'", kind="not_a_bundle") from None
    if info.file_size > MAX_MANIFEST_BYTES:
        raise BundleError(f"{zip_path}: its {MANIFEST} is far too big ({info.file_size} bytes): {AGAIN}",
                          kind="damaged")
    try:
        return archive.read(info)
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError) as exc:
        raise BundleError(damaged(zip_path, exc), kind="damaged") from exc


def parse_manifest(raw: bytes, source: Path) -> dict:
    """``raw`` read as a bundle.json of a format this kiosk knows, with every field checked."""
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise BundleError(f"{source}: {MANIFEST} cannot be read ({exc}): {AGAIN}", kind="damaged") from exc
    if not isinstance(data, dict):
        raise BundleError(f"{source}: {MANIFEST} is not a JSON object: {AGAIN}", kind="damaged")
    _check_format(data.get("format"), source)
    problem = _manifest_problem(data)
    if problem:
        raise BundleError(f"{source}: {MANIFEST} is not valid ({problem}): {AGAIN}", kind="damaged")
    return data


def _check_format(value, source: Path) -> None:
    if isinstance(value, int) and not isinstance(value, bool) and value > FORMAT:
        raise BundleError(f"{source}: this bundle was made by a newer kiosk (bundle format {value}): update the "
                          f"kiosk software, or make the bundle with the version this kiosk runs", kind="newer")
    if value != FORMAT:
        raise BundleError(f"{source}: {MANIFEST} has no known format (\"format\": {value!r}, expected {FORMAT}): "
                          f"{AGAIN}", kind="damaged")


def _manifest_problem(data: dict) -> str | None:
    """What is wrong with the fields of bundle.json, or None."""
    if not isinstance(data.get("title"), dict) or not all(isinstance(v, str) for v in data["title"].values()):
        return "'title' must map languages to texts"
    for key in ("title_default", "version", "made"):
        if not isinstance(data.get(key), str):
            return f"'{key}' must be a text"
    if _parse_time(data["made"]) is None:
        return f"'made' is not a date and time: {data['made']!r}"
    if not isinstance(data.get("summary", {}), dict):
        return "'summary' must be an object"
    files = data.get("files")
    if not isinstance(files, dict):
        return "'files' must map file names to their checksum and size"
    if MANIFEST in files:
        return f"'files' lists {MANIFEST} itself"
    return next((f"the entry of '{name}' in 'files' is wrong" for name, entry in files.items()
                 if not _file_entry_ok(entry)), None)


def _file_entry_ok(entry) -> bool:
    if not isinstance(entry, dict) or not isinstance(entry.get("sha256"), str):
        return False
    size = entry.get("size")
    return bool(_SHA256.match(entry["sha256"])) and isinstance(size, int) and not isinstance(size, bool) and size >= 0


def _parse_time(text: str) -> datetime | None:
    try:
        made = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    return made if made.tzinfo else made.replace(tzinfo=timezone.utc)


def info_from_manifest(data: dict) -> BundleInfo:
    """A :class:`BundleInfo` from a bundle.json already checked by :func:`parse_manifest`."""
    files = data["files"]
    return BundleInfo(title=dict(data["title"]), title_default=data["title_default"], version=data["version"],
                      made=_parse_time(data["made"]), summary=dict(data.get("summary", {})), file_count=len(files),
                      total_bytes=sum(entry["size"] for entry in files.values()),
                      made_with=str(data.get("made_with", "")))
