"""Unpacking a verified bundle into a new folder, checking every byte against bundle.json.

    unpack_bundle(archive, verified, store / "incoming-1a2b3c", progress=print)

Each file is streamed: its SHA-256 is computed and its bytes counted while it is written,
and the copy stops as soon as a file grows past its declared size. Files, then folders,
are flushed to disk. ``bundle.json`` is kept inside the folder: it names the version.
"""

from __future__ import annotations

import hashlib
import os
import zipfile
import zlib
from pathlib import Path
from typing import Callable

from kiosk.bundles.checkpoint import checkpoint
from kiosk.bundles.manifest import AGAIN, MANIFEST, BundleError, damaged
from kiosk.bundles.signing import SIGNATURE
from kiosk.bundles.verify import VerifiedBundle
from kiosk.files import fsync_dir

CHUNK = 1024 * 1024
Progress = Callable[[int, int], None]
_READ_ERRORS = (zipfile.BadZipFile, zlib.error, EOFError, OSError)


def unpack_bundle(archive: zipfile.ZipFile, verified: VerifiedBundle, folder: Path,
                  progress: Progress | None = None) -> None:
    """Write every file of ``verified`` into the new folder ``folder``; raises BundleError."""
    folder.mkdir()
    folders, done = {folder}, 0
    for index, info in enumerate(verified.members):
        target = folder.joinpath(*info.filename.split("/"))
        folders.update(_make_parents(target, folder))
        done = _unpack_file(archive, info, verified, target, done, progress)
        if index == 0:
            checkpoint("unpacking")
    _write_new(folder / MANIFEST, verified.manifest_bytes)
    if verified.signature is not None:   # the live content says who signed it (kiosk fleet status, health.json)
        _write_new(folder / SIGNATURE, verified.signature)
    for path in sorted(folders, key=lambda p: len(p.parts), reverse=True):
        fsync_dir(path)
    fsync_dir(folder.parent)


def _make_parents(target: Path, folder: Path) -> list[Path]:
    target.parent.mkdir(parents=True, exist_ok=True)
    return [parent for parent in target.parents if parent.is_relative_to(folder)]


def _unpack_file(archive: zipfile.ZipFile, info: zipfile.ZipInfo, verified: VerifiedBundle, target: Path,
                 done: int, progress: Progress | None) -> int:
    """Copy one member to ``target``, checking its size and checksum; the bytes done so far."""
    expected = verified.manifest["files"][info.filename]
    digest, size = hashlib.sha256(), 0
    with _open_member(archive, info, verified.path) as source, _create(target) as out:
        while chunk := _read(source, verified.path):
            size += len(chunk)
            if size > expected["size"]:
                raise BundleError(_changed(verified.path, info.filename, "it is bigger than bundle.json says"),
                                  kind="damaged")
            digest.update(chunk)
            _write(out, chunk, target)
            done += len(chunk)
            if progress:
                progress(done, verified.total_bytes)
        _flush(out, target)
    if size != expected["size"] or digest.hexdigest() != expected["sha256"]:
        raise BundleError(_changed(verified.path, info.filename, "checksum differs"), kind="damaged")
    return done


def _changed(zip_path: Path, name: str, why: str) -> str:
    return f"{zip_path}: the file '{name}' was changed after the bundle was made ({why}): {AGAIN}"


def _open_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, zip_path: Path):
    try:
        return archive.open(info)
    except _READ_ERRORS as exc:
        raise BundleError(damaged(zip_path, exc), kind="damaged") from exc


def _read(source, zip_path: Path) -> bytes:
    try:
        return source.read(CHUNK)
    except _READ_ERRORS as exc:
        raise BundleError(damaged(zip_path, exc), kind="damaged") from exc


def _create(target: Path):
    try:
        return target.open("xb")
    except OSError as exc:
        raise BundleError(_disk_problem(target, exc), kind="disk") from exc


def _write(out, chunk: bytes, target: Path) -> None:
    try:
        out.write(chunk)
    except OSError as exc:
        raise BundleError(_disk_problem(target, exc), kind="disk") from exc


def _flush(out, target: Path) -> None:
    try:
        out.flush()
        os.fsync(out.fileno())
    except OSError as exc:
        raise BundleError(_disk_problem(target, exc), kind="disk") from exc


def _write_new(path: Path, data: bytes) -> None:
    with _create(path) as out:
        _write(out, data, path)
        _flush(out, path)


def _disk_problem(target: Path, exc: OSError) -> str:
    return (f"{target}: the kiosk's disk cannot be written ({exc.strerror or exc}): check that it has room and is "
            f"not read-only, then install again; the live content was not changed")
