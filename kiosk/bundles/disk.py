"""Small disk helpers for bundles: flushing to disk, and sizes people read.

    fsync_dir(Path("exhibits").parent)    # a rename in that folder survives a power cut
    format_size(4_400_000)                # '4.4 MB'
"""

from __future__ import annotations

import errno
import logging
import os
from pathlib import Path

log = logging.getLogger(__name__)
_UNSUPPORTED = (errno.EINVAL, errno.ENOTSUP, errno.EBADF)


def fsync_dir(folder: Path) -> None:
    """Flush a folder's entries (new, renamed or removed names) to disk."""
    handle = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    try:
        os.fsync(handle)
    except OSError as exc:
        if exc.errno not in _UNSUPPORTED:
            raise
        log.debug("this file system cannot flush the folder %s (%s)", folder, exc)
    finally:
        os.close(handle)


def format_size(size: int) -> str:
    """A size in bytes as people read it: '812 bytes', '4.4 MB', '1.2 GB'."""
    if size < 1000:
        return f"{size} bytes"
    for unit in ("kB", "MB", "GB"):
        size /= 1000
        if size < 1000 or unit == "GB":
            return f"{size:.1f} {unit}"
    return f"{size:.1f} GB"
