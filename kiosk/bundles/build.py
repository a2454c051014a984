"""``kiosk bundle``: a content folder validated, then packed into a verified zip.

    result = build_bundle(Path("exhibits"), Path("/media/usb/KIOSK_CONTENT/expo.zip"), version="spring 2024")
    print(result.describe())    # wrote …/expo.zip: 87 files, 14.2 MB, version spring 2024

Content with errors is refused and nothing is written. Every file of the folder goes in,
except hidden names (starting with '.'), ``__pycache__`` and an old ``bundle.json`` at the
top; a symbolic link is refused. The zip is written to a temporary file beside the output,
flushed to disk, then renamed, so a full stick never leaves half a bundle under the name.
"""

from __future__ import annotations

import hashlib
import json
import os
import zipfile
from dataclasses import dataclass
from datetime import datetime, timezone
from importlib import metadata
from pathlib import Path

from kiosk.bundles import verify
from kiosk.bundles.manifest import FORMAT, MANIFEST, BundleError, BundleInfo, info_from_manifest
from kiosk.bundles.signing import SIGNATURE, signature_bytes
from kiosk.content.collection import COLLECTION_FILE
from kiosk.content.loader import ExhibitionContent, load_content
from kiosk.content.report import summarize
from kiosk.files import atomic_stream, format_size

CHUNK = 1024 * 1024
SKIPPED_FOLDERS = ("__pycache__",)


@dataclass(frozen=True)
class BuildResult:
    out: Path
    info: BundleInfo

    def describe(self) -> str:
        return (f"wrote {self.out}: {self.info.file_count} files, {format_size(self.info.total_bytes)}, "
                f"version {self.info.version}")


def build_bundle(content_path: Path, out: Path, version: str | None = None, signing_key=None) -> BuildResult:
    """Validate ``content_path`` and pack it into the bundle ``out``, signed with ``signing_key`` (an Ed25519
    private key, :mod:`kiosk.bundles.signing`) when given; raises :class:`BundleError`."""
    root, out = Path(content_path), Path(out)
    content = _valid_content(root)
    _check_output(root, out)
    try:
        files = content_files(root)
        _check_limits(root, files)
    except OSError as exc:
        raise BundleError(f"{exc.filename or root}: this cannot be read ({exc.strerror or exc}): check the file's "
                          f"permissions; nothing was written") from exc
    manifest = _manifest_base(content, version)
    _write_bundle(out, lambda stream: _write_zip(stream, root, files, manifest, signing_key))
    return BuildResult(out, info_from_manifest(manifest))


def _valid_content(root: Path) -> ExhibitionContent:
    if not (root / COLLECTION_FILE).is_file():
        raise BundleError(f"{root}: there is no {COLLECTION_FILE} here: give the content folder (the one that "
                          f"holds {COLLECTION_FILE}), not an exhibit folder; nothing was written")
    content = load_content(root)
    if not content.ok:
        lines = [finding.format() for finding in content.findings if finding.is_error]
        raise BundleError("\n".join([*lines, f"{root}: the content has errors, so nothing was written: "
                                     f"fix them (see 'kiosk validate {root}'), then make the bundle again"]))
    return content


def _check_output(root: Path, out: Path) -> None:
    if not out.parent.is_dir():
        raise BundleError(f"{out.parent}: this folder does not exist: create it, or write the bundle elsewhere")
    if out.parent.resolve().is_relative_to(root.resolve()):
        raise BundleError(f"{out}: the bundle would be inside the content folder it packs: write it elsewhere "
                          f"(for example on the USB stick)")


def content_files(root: Path) -> list[str]:
    """The relative paths (forward slashes, sorted) of every file that goes into a bundle of ``root``."""
    found = []
    for folder, folders, names in os.walk(root):
        here = Path(folder)
        folders[:] = [name for name in folders if _kept(name) and _real(here / name, root)]
        found.extend((here / name).relative_to(root).as_posix() for name in names
                     if _kept(name) and _real(here / name, root))
    return sorted(name for name in found if name not in (MANIFEST, SIGNATURE))


def _kept(name: str) -> bool:
    return not name.startswith(".") and name not in SKIPPED_FOLDERS


def _real(path: Path, root: Path) -> bool:
    """True for a real file or folder with a name a bundle can carry; raises otherwise."""
    relative = path.relative_to(root).as_posix()
    if path.is_symlink():
        raise BundleError(f"{root}: '{relative}' is a symbolic link, and a bundle holds only real files: replace "
                          f"the link with a copy of what it points to; nothing was written")
    if not (path.is_file() or path.is_dir()):
        raise BundleError(f"{root}: '{relative}' is not a regular file: remove it; nothing was written")
    if "\\" in relative or verify.CONTROL.search(relative) or not _utf8(relative):
        raise BundleError(f"{root}: the name '{relative!r}' cannot go into a bundle (backslash, control or "
                          f"unreadable characters): rename it; nothing was written")
    return True


def _utf8(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _check_limits(root: Path, files: list[str]) -> None:
    total = sum((root / name).stat().st_size for name in files)
    if len(files) + 1 > verify.MAX_FILES:
        raise BundleError(f"{root}: {len(files)} files, more than the {verify.MAX_FILES} a kiosk accepts: remove "
                          f"files you do not need; nothing was written")
    if total > verify.MAX_TOTAL_BYTES:
        raise BundleError(f"{root}: {format_size(total)} of files, more than the {format_size(verify.MAX_TOTAL_BYTES)} "
                          f"a kiosk accepts: make the pictures smaller; nothing was written")


def _manifest_base(content: ExhibitionContent, version: str | None) -> dict:
    summary = summarize(content)
    return {
        "format": FORMAT,
        **_titles(content),
        "version": version or datetime.now().strftime("%Y-%m-%d %H:%M"),
        "made": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "made_with": f"musee-kiosk {_kiosk_version()}",
        "summary": {"exhibits": summary.valid, "skipped": summary.skipped, "errors": summary.errors,
                    "warnings": summary.warnings, "paths": len(content.paths),
                    "languages": {code: round(share, 4) for code, share in summary.coverage.items()}},
    }


def _titles(content: ExhibitionContent) -> dict:
    title, languages = content.collection.title, content.collection.languages
    titles = {code: title.get(code) for code in languages.languages if title.has(code)}
    titles.update({code: title.translations[code] for code in sorted(title.languages()) if code not in titles})
    return {"title": titles, "title_default": title.get(languages.default)}


def _kiosk_version() -> str:
    try:
        return metadata.version("musee-kiosk")
    except metadata.PackageNotFoundError:
        return "dev"


def _write_zip(stream, root: Path, files: list[str], manifest: dict, signing_key=None) -> None:
    with zipfile.ZipFile(stream, "w", zipfile.ZIP_DEFLATED, strict_timestamps=False) as archive:
        manifest["files"] = {name: _add_file(archive, root, name) for name in files}
        data = (json.dumps(manifest, ensure_ascii=False, indent=1) + "\n").encode("utf-8")
        _write_member(archive, MANIFEST, data)
        if signing_key is not None:   # over the very bytes of bundle.json, which hold every file's hash
            _write_member(archive, SIGNATURE, signature_bytes(signing_key, data))


def _write_member(archive: zipfile.ZipFile, name: str, data: bytes) -> None:
    info = zipfile.ZipInfo(name, datetime.now().timetuple()[:6])
    info.compress_type, info.external_attr = zipfile.ZIP_DEFLATED, 0o644 << 16
    archive.writestr(info, data)


def _add_file(archive: zipfile.ZipFile, root: Path, name: str) -> dict:
    """Copy one file into the zip, hashing the very bytes written; its bundle.json entry."""
    path = root / name
    info = zipfile.ZipInfo.from_file(path, name, strict_timestamps=False)
    info.compress_type = zipfile.ZIP_DEFLATED
    expected, digest, size = info.file_size, hashlib.sha256(), 0
    with path.open("rb") as source, archive.open(info, "w") as target:
        while chunk := source.read(CHUNK):
            digest.update(chunk)
            target.write(chunk)
            size += len(chunk)
    if size != expected:
        raise BundleError(f"{path}: this file changed while the bundle was being made: wait until nobody edits the "
                          f"content, then make the bundle again; nothing was written")
    return {"sha256": digest.hexdigest(), "size": size}


def _write_bundle(out: Path, write) -> None:
    """Run ``write(stream)`` on a stream that becomes ``out`` only once it is whole and on disk."""
    started = False
    try:
        with atomic_stream(out) as stream:
            started = True
            write(stream)
    except OSError as exc:
        if not started:
            raise BundleError(f"{out}: the bundle cannot be written here ({exc.strerror or exc}): choose another "
                              f"place; nothing was written") from exc
        raise BundleError(f"{out}: the bundle could not be made ({exc.filename or out}: {exc.strerror or exc}): "
                          f"check that the disk or stick has room and is not read-only, and that the content can be "
                          f"read, then try again; nothing was written") from exc
