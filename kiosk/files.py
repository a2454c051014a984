"""Writing files so that a power cut never leaves half of one.

Every file the kiosk writes for keeps (reports, bundles, exports, QR codes, the bundle
history, the settings) goes through here::

    write_atomic(out / "report.pdf", pdf_bytes)                      # rw-r--r--: a shared output
    write_atomic(data_dir() / "settings.json", text, mode=PRIVATE)   # rw-------: it holds the PIN's hash
    with atomic_stream(out / "expo.zip") as stream:                  # written as it is made
        make_zip(stream)
    fsync_dir(folder)                                                # a rename in that folder survives a power cut
    format_size(4_400_000)                                           # '4.4 MB'

The data goes to a temporary file beside the target (``.NAME.<random>.tmp``: the same
folder, so the rename never crosses file systems), is flushed to disk, gets its mode, then
replaces the target in one step (``os.replace``); the folder is flushed last so the new
name survives too. A reader sees the old file or the new one, never half of one. On any
failure the temporary file is removed, the target is left as it was, and the error goes on
to the caller. A kill between the two steps can leave a ``.NAME.*.tmp`` file: whoever
reads the folder may remove those (see :mod:`kiosk.visit.qr` and :mod:`kiosk.bundles.store`).

One mode policy: :data:`SHARED` (0644) for what people and other programs read,
:data:`PRIVATE` (0600) for secrets. The mode is set whatever the umask.
"""

from __future__ import annotations

import contextlib
import errno
import logging
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

log = logging.getLogger(__name__)

SHARED = 0o644
PRIVATE = 0o600
_UNSUPPORTED = (errno.EINVAL, errno.ENOTSUP, errno.EBADF)  # file systems that cannot flush a folder


def write_atomic(path: Path, data: bytes | str, mode: int = SHARED) -> None:
    """Replace ``path`` with ``data`` (text is written as UTF-8) in one step, flushed to disk."""
    with atomic_stream(path, mode) as stream:
        stream.write(data.encode("utf-8") if isinstance(data, str) else data)


@contextlib.contextmanager
def atomic_stream(path: Path, mode: int = SHARED) -> Iterator[BinaryIO]:
    """A binary stream (readable and seekable too, as zip files need) that becomes ``path`` on success.

    An exception in the ``with`` block, or while the file is put in place, removes the
    temporary file and goes on; ``path`` is then untouched.
    """
    path = Path(path)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "w+b") as stream:
            yield stream
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, path)
        fsync_dir(path.parent)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def fsync_dir(folder: Path) -> None:
    """Flush a folder's entries (new, renamed or removed names) to disk.

    A file system that cannot flush a folder (some FUSE and network ones) is logged and
    let be; elsewhere than POSIX (Windows flushes names with the files) this does nothing.
    """
    if os.name != "posix":
        return
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
    """A size in bytes as people read it on a stick's packaging (SI units): '812 bytes', '1.5 kB', '4.4 MB'."""
    if size < 1000:
        return f"{size} bytes"
    for unit in ("kB", "MB", "GB"):
        size /= 1000
        if size < 1000:
            break
    return f"{size:.1f} {unit}"
