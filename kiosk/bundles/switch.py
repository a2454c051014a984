"""The atomic switch: the live content path becomes a symbolic link to a version folder.

    point_link(Path("/srv/kiosk/exhibits"), version)     # a link (or nothing) is replaced in one rename
    old = swap_folder(Path("/srv/kiosk/exhibits"), version)   # a real folder is exchanged in one step

A link is replaced with ``os.replace`` of a new temporary link. A real folder cannot be
replaced by a rename, so on Linux ``renameat2(RENAME_EXCHANGE)`` exchanges it with a new
link in one step: the old folder ends up under the temporary name, and the caller moves it
into the version store. Temporary names are ``.NAME.swap-<random>`` beside the live path.
"""

from __future__ import annotations

import ctypes
import errno
import os
import secrets
import shlex
from pathlib import Path

from kiosk.files import fsync_dir

RENAME_EXCHANGE = 2
AT_FDCWD = -100
NOT_SUPPORTED = (errno.EINVAL, errno.ENOSYS, errno.ENOTSUP)


def swap_prefix(target: Path) -> str:
    return f".{target.name}.swap-"


def temporary_name(target: Path) -> Path:
    return target.parent / f"{swap_prefix(target)}{secrets.token_hex(6)}"


def point_link(target: Path, version: Path) -> None:
    """Make ``target`` (a link, or nothing yet) a link to ``version`` in one atomic rename."""
    link = _new_link(target, version)
    try:
        os.replace(link, target)
    except BaseException:
        link.unlink(missing_ok=True)
        raise
    fsync_dir(target.parent)


def swap_folder(target: Path, version: Path) -> Path:
    """Exchange the real folder ``target`` with a new link to ``version``; where the old folder is now."""
    link = _new_link(target, version)
    try:
        exchange(link, target)
    except BaseException:
        link.unlink(missing_ok=True)
        raise
    fsync_dir(target.parent)
    return link


def _new_link(target: Path, version: Path) -> Path:
    link = temporary_name(target)
    os.symlink(os.path.relpath(version, target.parent), link)
    return link


def exchange(first: Path, second: Path) -> None:
    """Swap two names in one step (Linux ``renameat2`` with ``RENAME_EXCHANGE``); raises OSError."""
    renameat2 = _renameat2()
    if renameat2 is None:
        raise OSError(errno.ENOSYS, "renameat2 is not available on this system")
    if renameat2(AT_FDCWD, os.fsencode(first), AT_FDCWD, os.fsencode(second), RENAME_EXCHANGE) != 0:
        code = ctypes.get_errno()
        raise OSError(code, os.strerror(code), str(second))


def _renameat2():
    try:
        function = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError):
        return None
    function.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    function.restype = ctypes.c_int
    return function


def can_exchange(target: Path) -> bool:
    """True when two names beside ``target`` can be exchanged atomically (tried on two links)."""
    first, second = temporary_name(target), temporary_name(target)
    os.symlink("first", first)
    try:
        os.symlink("second", second)
        exchange(first, second)
    except OSError as exc:
        if exc.errno in NOT_SUPPORTED:
            return False
        raise
    finally:
        first.unlink(missing_ok=True)
        second.unlink(missing_ok=True)
    return True


def folder_refusal(target: Path) -> str:
    """What to tell the curator when the real folder ``target`` cannot be swapped atomically."""
    name, folder = shlex.quote(target.name), shlex.quote(f"{target.name}-content")
    command = f"cd {shlex.quote(str(target.parent))} && mv {name} {folder} && ln -s {folder} {name}"
    return (f"{target} is a folder, and this system cannot swap a folder atomically: make {target} a symbolic link "
            f"to the folder ({command}) and install again; nothing was changed")
