"""Checking a bundle before anything is written: damage, tampering, unsafe names, zip bombs, room.

    with open_bundle(Path("expo.zip")) as archive:
        verified = verify_bundle(archive, Path("expo.zip"), Path("exhibits"))
    verified.info.describe()

Every refusal raises :class:`~kiosk.bundles.manifest.BundleError` with a message for the
curator. The limits are module constants, so that a test can make them smaller.
"""

from __future__ import annotations

import re
import shutil
import stat
import zipfile
from dataclasses import dataclass
from pathlib import Path

from kiosk.bundles.manifest import (
    AGAIN,
    MANIFEST,
    BundleError,
    BundleInfo,
    info_from_manifest,
    parse_manifest,
    read_manifest_bytes,
)
from kiosk.bundles.signing import MAX_SIGNATURE_BYTES, SIGNATURE, PublicKey, check_signature
from kiosk.files import format_size

MAX_FILES = 5000  # members of the zip, bundle.json included
MAX_TOTAL_BYTES = 2 * 1024 ** 3  # declared size of everything once unpacked
MAX_RATIO = 100  # unpacked size / packed size, for members over RATIO_MIN_BYTES
RATIO_MIN_BYTES = 1024 * 1024
SPACE_MARGIN = 1.10  # free space needed beside the live content: the bundle plus 10 %
_DRIVE = re.compile(r"^[A-Za-z]:")
CONTROL = re.compile(r"[\x00-\x1f\x7f]")


@dataclass(frozen=True)
class VerifiedBundle:
    """A bundle that passed every check: its bundle.json and the zip entries of its files."""

    path: Path
    manifest: dict
    manifest_bytes: bytes
    members: tuple[zipfile.ZipInfo, ...]  # the files listed in bundle.json, sorted by name
    info: BundleInfo
    signature: bytes | None = None   # bundle.sig, checked (kiosk.bundles.signing); None: unsigned
    signer: PublicKey | None = None

    @property
    def total_bytes(self) -> int:
        return self.info.total_bytes


def verify_bundle(archive: zipfile.ZipFile, zip_path: Path, target: Path, trusted=()) -> VerifiedBundle:
    """Check the open bundle ``archive`` for an install at ``target``, signed by one of the ``trusted`` public keys
    when there are any; raises BundleError."""
    infos = archive.infolist()
    _check_count(infos, zip_path)
    _check_names(infos, zip_path)
    raw = read_manifest_bytes(archive, zip_path)
    manifest = parse_manifest(raw, zip_path)
    members = _listed_members(infos, manifest["files"], zip_path)
    _check_sizes(infos, manifest["files"], zip_path)
    signature = _read_signature(archive, zip_path)
    signer = check_signature(signature, raw, tuple(trusted), Path(zip_path))
    info = info_from_manifest(manifest)
    check_space(info.total_bytes, Path(target))
    return VerifiedBundle(Path(zip_path), manifest, raw, members, info, signature, signer)


def _read_signature(archive: zipfile.ZipFile, zip_path: Path) -> bytes | None:
    try:
        info = archive.getinfo(SIGNATURE)
    except KeyError:
        return None
    if info.file_size > MAX_SIGNATURE_BYTES:
        raise BundleError(f"{zip_path}: its {SIGNATURE} is {format_size(info.file_size)}, far more than a signature: "
                          f"the bundle is refused; ask the curator to sign it again", kind="tampered")
    return archive.read(info)


def _check_count(infos: list[zipfile.ZipInfo], zip_path: Path) -> None:
    if len(infos) > MAX_FILES:
        raise BundleError(f"{zip_path}: the bundle holds {len(infos)} files, more than the {MAX_FILES} a kiosk "
                          f"accepts, so it is refused: remove files you do not need, then {AGAIN}", kind="unsafe")


def name_problem(name: str) -> str | None:
    """What makes ``name`` unsafe to unpack (as 'a backslash', …), or None when it is safe."""
    path = name[:-1] if name.endswith("/") else name
    parts = path.split("/")
    checks = (
        (not path, "an empty name"),
        (bool(CONTROL.search(name)), "control characters"),
        ("\\" in name, "a backslash"),
        (name.startswith("/"), "an absolute path"),
        (bool(_DRIVE.match(name)), "a drive letter"),
        (".." in parts, "'..', which climbs out of the folder"),
        (any(part in ("", ".") for part in parts), "an empty part"),
    )
    return next((problem for failed, problem in checks if failed), None)


def _check_names(infos: list[zipfile.ZipInfo], zip_path: Path) -> None:
    seen: set[str] = set()
    for info in infos:
        problem = name_problem(info.orig_filename)
        if problem:
            raise BundleError(f"{zip_path}: the bundle holds a file named {info.orig_filename!r}, with {problem}; "
                              f"such a name could write outside the content folder, so the bundle is refused: {AGAIN}",
                              kind="unsafe")
        if stat.S_ISLNK(info.external_attr >> 16):
            raise BundleError(f"{zip_path}: '{info.filename}' in the bundle is a symbolic link, and bundles hold "
                              f"only real files, so it is refused: {AGAIN}", kind="unsafe")
        if info.filename in seen:
            raise BundleError(f"{zip_path}: the name '{info.filename}' appears twice in the bundle, so it was changed "
                              f"after it was made: {AGAIN}", kind="unsafe")
        seen.add(info.filename)
    _check_file_or_folder(seen, zip_path)


def _check_file_or_folder(names: set[str], zip_path: Path) -> None:
    files = {name for name in names if not name.endswith("/")}
    for name in sorted(files):
        parents = name.split("/")[:-1]
        clash = next((p for p in ("/".join(parents[:i]) for i in range(1, len(parents) + 1)) if p in files), None)
        if clash:
            raise BundleError(f"{zip_path}: '{clash}' is both a file and a folder in the bundle: {AGAIN}",
                              kind="unsafe")


def _listed_members(infos: list[zipfile.ZipInfo], files: dict, zip_path: Path) -> tuple[zipfile.ZipInfo, ...]:
    by_name = {info.filename: info for info in infos}
    extra = sorted(name for name, info in by_name.items()
                   if name not in (MANIFEST, SIGNATURE) and name not in files and not info.is_dir())
    if extra:
        raise BundleError(f"{zip_path}: the bundle holds '{extra[0]}', which its {MANIFEST} does not list, so it "
                          f"was changed after it was made: {AGAIN}", kind="damaged")
    missing = sorted(name for name in files if name not in by_name or by_name[name].is_dir())
    if missing:
        raise BundleError(f"{zip_path}: the file '{missing[0]}' is missing from the bundle ({MANIFEST} lists it"
                          f"{f' with {len(missing) - 1} more' if len(missing) > 1 else ''}): {AGAIN}", kind="damaged")
    return tuple(by_name[name] for name in sorted(files))


def _check_sizes(infos: list[zipfile.ZipInfo], files: dict, zip_path: Path) -> None:
    for info in infos:
        declared = files.get(info.filename, {}).get("size", info.file_size)
        if declared != info.file_size:
            raise BundleError(f"{zip_path}: the file '{info.filename}' was changed after the bundle was made "
                              f"(its size differs): {AGAIN}", kind="damaged")
    total = sum(info.file_size for info in infos)
    if total > MAX_TOTAL_BYTES:
        raise BundleError(f"{zip_path}: the bundle would unpack to {format_size(total)}, more than the "
                          f"{format_size(MAX_TOTAL_BYTES)} a kiosk accepts, so it is refused: make the pictures "
                          f"smaller, then {AGAIN}", kind="unsafe")
    for info in infos:
        _check_ratio(info, zip_path)


def _check_ratio(info: zipfile.ZipInfo, zip_path: Path) -> None:
    if info.file_size <= RATIO_MIN_BYTES or info.file_size <= MAX_RATIO * info.compress_size:
        return
    raise BundleError(f"{zip_path}: '{info.filename}' would unpack to {format_size(info.file_size)} from only "
                      f"{format_size(info.compress_size)} (more than {MAX_RATIO} times smaller): this is how a "
                      f"'zip bomb' looks, so the bundle is refused: {AGAIN} from the real content folder",
                      kind="unsafe")


def check_space(needed: int, target: Path) -> None:
    """Refuse when the disk of ``target`` has less free space than ``needed`` plus the margin."""
    folder = Path(target).absolute().parent
    free = shutil.disk_usage(folder).free
    wanted = int(needed * SPACE_MARGIN)
    if free < wanted:
        raise BundleError(f"{folder}: not enough free space on the kiosk's disk: the bundle needs "
                          f"{format_size(wanted)} (with a 10 % margin) and only {format_size(free)} are free: "
                          f"free some space, then install again", kind="no_room")
