"""Exporting a facilitator's session records (polls, wall ideas, log) to a USB stick.

Workshops run in halls with no network, so the results go home on a stick. Plain Python,
no Kivy: the UI gathers what is exported (:mod:`kiosk.facilitator.export_data`), then::

    drives = removable_drives()                # or drive_at(folder_chosen_by_hand)
    data = collect(app.records, app.content, venue, language)
    try:
        folder = export_session(data, drives[0].mount_point)
    except ExportError as error:
        show(str(error))                       # or translate error.kind with error.details

Each export is a new folder ``kiosk-export-2024-05-18-1630/`` (``-2``, ``-3``… when that
name is taken: nothing is ever overwritten) holding ``polls.csv``, ``ideas.csv``,
``session-log.csv``, ``summary.html`` and one ``poll-<exhibit>.png`` per poll. Every file
is made in memory first, so the space needed is known before the stick is touched. They are
written into a hidden ``.kiosk-export-tmp-*`` folder, flushed to disk, and the folder is
renamed in one step: the stick shows a complete export or none. On failure the hidden folder
is removed (unless the stick is gone). The kiosk's own files are only read, never changed.
What the files hold, and how, is :mod:`kiosk.facilitator.export_files`; each is written with
:func:`kiosk.files.write_atomic`.
"""

from __future__ import annotations

import errno
import logging
import os
import re
import secrets
import shutil
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from kiosk.facilitator.export_data import ExportData
from kiosk.facilitator.export_files import render_files
from kiosk.files import format_size, fsync_dir, write_atomic

logger = logging.getLogger(__name__)

MOUNTS_FILE = Path("/proc/self/mounts")
SYS_ROOT = Path("/sys")
MEDIA_ROOTS = (Path("/media"), Path("/run/media"))
SYSTEM_FOLDERS = frozenset({"boot", "efi", "etc", "home", "opt", "snap", "srv", "usr", "var"})
PSEUDO_FILESYSTEMS = frozenset({
    "autofs", "binfmt_misc", "bpf", "cgroup", "cgroup2", "configfs", "debugfs", "devpts", "devtmpfs",
    "efivarfs", "fusectl", "hugetlbfs", "mqueue", "nsfs", "overlay", "proc", "pstore", "ramfs",
    "rpc_pipefs", "securityfs", "selinuxfs", "squashfs", "sysfs", "tmpfs", "tracefs",
})
TEMPORARY_PREFIX = ".kiosk-export-tmp-"
FILE_OVERHEAD = 4096  # bytes a file or folder may take beyond its content (one cluster)


# ---------------------------------------------------------------- finding the stick

@dataclass(frozen=True)
class Drive:
    mount_point: Path
    label: str
    free_bytes: int
    total_bytes: int


def removable_drives(mounts_file: Path = MOUNTS_FILE, sys_root: Path = SYS_ROOT, writable: bool = True) -> list[Drive]:
    """Removable drives (writable ones only, unless told): a removable block device, or anything under /media."""
    drives, seen = [], set()
    for device, point, fstype, options in _mounts(Path(mounts_file).read_text(errors="surrogateescape")):
        if point in seen or not _looks_removable(device, point, fstype, options - ({"ro"} if not writable else set()),
                                                 sys_root):
            continue
        drive = drive_at(point, writable)
        if drive is not None:
            seen.add(point)
            drives.append(drive)
    return drives


def drive_at(folder: Path, writable: bool = True) -> Drive | None:
    """A Drive for any (writable) folder: a stick or a folder chosen by hand; else None."""
    folder = Path(folder)
    try:
        if not folder.is_dir() or (writable and not os.access(folder, os.W_OK)):
            return None
        usage = shutil.disk_usage(folder)
    except OSError as error:
        logger.warning("Cannot use %s as an export drive: %s", folder, error)
        return None
    return Drive(folder, folder.name or str(folder), usage.free, usage.total)


def disk_of(device_name: str) -> str:
    """The disk holding a partition: "sdb1" → "sdb", "mmcblk0p1" → "mmcblk0", "nvme0n1p2" → "nvme0n1"."""
    match = re.fullmatch(r"((?:mmcblk|nvme\d+n|loop|md)\d+)(?:p\d+)?", device_name)
    return match[1] if match else re.sub(r"\d+$", "", device_name)


def _mounts(text: str):
    """(device, mount point, filesystem type, options) for each line of /proc/self/mounts."""
    for line in text.splitlines():
        fields = line.split()
        if len(fields) >= 4:
            point = re.sub(r"\\([0-7]{3})", lambda m: chr(int(m[1], 8)), fields[1])  # "\040" is a space
            yield fields[0], Path(point), fields[2], set(fields[3].split(","))


def _looks_removable(device: str, point: Path, fstype: str, options: set[str], sys_root: Path) -> bool:
    if fstype in PSEUDO_FILESYSTEMS or not device.startswith("/dev/") or "ro" in options:
        return False
    if any(root in point.parents for root in MEDIA_ROOTS):
        return True
    system = point == Path("/") or point.parts[1] in SYSTEM_FOLDERS  # a kiosk booted from a stick
    return not system and _removable_device(device, sys_root)


def _removable_device(device: str, sys_root: Path) -> bool:
    name = Path(os.path.realpath(device)).name
    for disk in (name, disk_of(name)):
        flag = sys_root / "block" / disk / "removable"
        if flag.is_file():
            return flag.read_text().strip() == "1"
    return False


# ---------------------------------------------------------------- errors

def N_(text: str) -> str:
    """Marks a text for translation (pybabel extracts ``N_``); the facilitator menu translates it when shown."""
    return text


MESSAGES = {
    "missing": N_("The USB stick is no longer there: plug it in again and retry. Nothing was lost on the kiosk."),
    "read_only": N_("The USB stick cannot be written to: it is read-only or locked (check the little switch on "
                    "its side), or use another stick. Nothing was lost on the kiosk."),
    "full": N_("The USB stick is full: this export needs {needed} but only {free} is free. Make room on it or "
               "use another stick. Nothing was lost on the kiosk."),
    "failed": N_("The export did not work ({reason}). Try again or use another stick. Nothing was lost on the kiosk."),
}


def export_message(kind: str, details: dict, gettext=N_, language: str | None = None) -> str:
    """The message for an error ``kind``: plain English, or translated by ``gettext`` (the menu's ``language``)."""
    values = {key: size_text(value, language) if key in ("needed", "free") else value for key, value in details.items()}
    return gettext(MESSAGES[kind]).format_map(values)


def size_text(size: int, language: str | None = None) -> str:
    """A size as the facilitator reads it in ``language`` (CLDR's units: "1,5 Go" in French), or in plain
    English for the log when no language is given: "1.5 GB"."""
    if language is None:
        return format_size(size)
    from babel import UnknownLocaleError
    from babel.units import format_unit

    value, unit = size, "byte"
    for bigger in ("kilobyte", "megabyte", "gigabyte", "terabyte"):
        if value < 1000:
            break
        value, unit = value / 1000, bigger
    try:
        return format_unit(value, f"digital-{unit}", length="short", locale=language,
                           format="#,##0" if unit == "byte" else "#,##0.0")
    except (UnknownLocaleError, ValueError):
        return format_size(size)


class ExportError(Exception):
    """An export that did not happen. ``kind``: "missing", "read_only", "full" or "failed"."""

    def __init__(self, kind: str, details: dict | None = None):
        self.kind = kind
        self.details = dict(details or {})
        super().__init__(export_message(kind, self.details))


def _error_for(error: OSError, destination: Path, needed: int, free: int) -> ExportError:
    """The ExportError a facilitator should see for an OSError met while writing to ``destination``."""
    logger.warning("Export to %s failed: %s", destination, error)
    details = {"folder": str(destination)}
    if error.errno in (errno.ENOSPC, errno.EDQUOT):
        return ExportError("full", {**details, "needed": needed, "free": _free_now(destination, free)})
    if error.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return ExportError("read_only", details)
    if error.errno in (errno.ENOENT, errno.ENODEV, errno.ENXIO) or not _still_there(destination):
        return ExportError("missing", details)
    return ExportError("failed", {**details, "reason": error.strerror or str(error)})


def _free_now(folder: Path, measured: int) -> int:
    """Free bytes at ``folder`` now (the export's leftovers removed), else as ``measured`` before."""
    try:
        return shutil.disk_usage(folder).free
    except OSError:
        return measured


def _still_there(folder: Path) -> bool:
    try:
        return folder.is_dir()
    except OSError:  # EIO and friends: a stick pulled out mid-way
        return False


# ---------------------------------------------------------------- writing to the stick

def export_session(data: ExportData, destination: Path) -> Path:
    """Write the export into a new dated folder in ``destination``; return that folder."""
    destination = Path(destination)
    try:
        files = render_files(data)
    except Exception as error:  # bad data or a bug: logged in full, the stick is not touched
        logger.exception("Could not prepare the export %r", data.title)
        raise ExportError("failed", {"folder": str(destination), "reason": str(error)}) from error
    needed = needed_bytes(files)
    free = _check_destination(destination, needed)
    return _write_export(files, destination, data.made, needed, free)


def needed_bytes(files: dict[str, bytes]) -> int:
    """The room the files take on a stick, with a cluster's slack for each and for their folder."""
    return sum(len(content) + FILE_OVERHEAD for content in files.values()) + FILE_OVERHEAD


def _check_destination(destination: Path, needed: int) -> int:
    """The free bytes at ``destination``, after refusing early a missing, read-only or too full one."""
    details = {"folder": str(destination)}
    if not _still_there(destination):
        raise ExportError("missing", details)
    if not os.access(destination, os.W_OK):
        raise ExportError("read_only", details)
    try:
        free = shutil.disk_usage(destination).free
    except OSError as error:
        raise _error_for(error, destination, needed, 0) from error
    if free < needed:
        raise ExportError("full", {**details, "needed": needed, "free": free})
    return free


def _write_export(files: dict[str, bytes], destination: Path, made: datetime, needed: int, free: int) -> Path:
    try:
        temporary = _make_temporary(destination)
    except OSError as error:
        raise _error_for(error, destination, needed, free) from error
    try:
        for name, content in files.items():
            write_atomic(temporary / name, content)
        return _publish(temporary, destination, made)
    except BaseException as error:
        _remove_temporary(temporary)
        if isinstance(error, OSError):
            raise _error_for(error, destination, needed, free) from error
        raise


def _make_temporary(destination: Path) -> Path:
    """A new hidden folder; unlike ``tempfile.mkdtemp`` it gets the usual permissions (umask)."""
    while True:
        temporary = destination / f"{TEMPORARY_PREFIX}{secrets.token_hex(4)}"
        try:
            os.mkdir(temporary)
            return temporary
        except FileExistsError:
            continue


def _publish(temporary: Path, destination: Path, made: datetime) -> Path:
    """Rename ``temporary`` to the first free ``kiosk-export-<date>[-n]`` name, in one step."""
    base = f"kiosk-export-{made:%Y-%m-%d-%H%M}"
    for number in range(1, 1000):
        final = destination / (base if number == 1 else f"{base}-{number}")
        if os.path.lexists(final):
            continue
        try:
            os.rename(temporary, final)
        except OSError as error:
            if error.errno not in (errno.EEXIST, errno.ENOTEMPTY):
                raise
            continue  # taken between the check and the rename
        fsync_dir(destination)
        return final
    raise ExportError("failed", {"folder": str(destination), "reason": f"too many folders named {base}"})


def _remove_temporary(temporary: Path) -> None:
    try:
        shutil.rmtree(temporary)
    except OSError as error:  # the stick is gone: the hidden folder stays, the error that matters follows
        logger.warning("Could not remove the unfinished export %s: %s", temporary, error)
