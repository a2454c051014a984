"""Keeping the kiosk's resident memory flat over thousands of visitors (glibc only; elsewhere a no-op).

glibc raises its mmap threshold each time a large block is freed, up to 32 MiB, after
which big buffers (picture textures, llvmpipe's frame buffers) come from the main heap and
are kept there after they are freed: resident memory then swings by tens of MiB from one
visitor to the next. A fixed threshold keeps every big buffer in its own mapping, given
back to the system the moment it is freed; two arenas are enough for the kiosk's few
threads. ``trim_heap`` hands back what small blocks left free, between visitors::

    tune_heap()    # once, when the first frame is up
    trim_heap()    # after each visitor
"""

from __future__ import annotations

import ctypes
import logging

log = logging.getLogger(__name__)
M_MMAP_THRESHOLD = -3   # mallopt parameters, from glibc's malloc.h
M_ARENA_MAX = -8
MMAP_THRESHOLD = 256 * 1024
ARENA_MAX = 2


def _libc():
    try:
        libc = ctypes.CDLL("libc.so.6")
        return libc if hasattr(libc, "mallopt") and hasattr(libc, "malloc_trim") else None
    except OSError:
        return None  # not glibc


def tune_heap() -> None:
    libc = _libc()
    if libc is not None and not (libc.mallopt(M_MMAP_THRESHOLD, MMAP_THRESHOLD) and libc.mallopt(M_ARENA_MAX, ARENA_MAX)):
        log.warning("could not tune the memory allocator; memory use may swing between visitors")


def trim_heap() -> None:
    libc = _libc()
    if libc is not None:
        libc.malloc_trim(0)
