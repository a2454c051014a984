"""Keeping the kiosk's resident memory flat over thousands of visitors (glibc only; elsewhere a no-op).

glibc raises its mmap threshold each time a large block is freed, up to 32 MiB, after
which big buffers (picture textures, llvmpipe's frame buffers) come from the main heap and
are kept there after they are freed: resident memory then swings by tens of MiB from one
visitor to the next. A fixed threshold keeps every big buffer in its own mapping, given
back to the system the moment it is freed; two arenas are enough for the kiosk's few
threads. ``trim_heap`` hands back what small blocks left free, between visitors::

    tune_heap()    # once, when the first frame is up
    trim_heap()    # after each visitor

``QuietCollector`` keeps Python's full garbage collections out of a visitor's taps. On the
kiosk's heap (Kivy, the content, the pictures' widgets) a full collection takes 100-230 ms
on a slow machine; left automatic, one lands now and then in the frame of a tap and the
screen answers late. The young generations are still collected automatically (a few ms
each); the full collection, which Python would have run after ``FULL_AFTER`` young ones,
waits until nobody has touched the screen for ``QUIET_SECONDS``, and is forced only past
``FORCE_AFTER`` (a visitor tapping without pause for minutes)::

    collector = QuietCollector()
    collector.start()                           # when the first frame is up
    collector.tick(now, last_touch)             # once a second
    collector.want()                            # a screen was dropped: collect when it is quiet
    collector.collect()                         # nobody is there: now
"""

from __future__ import annotations

import ctypes
import gc
import logging
import time

log = logging.getLogger(__name__)
M_MMAP_THRESHOLD = -3   # mallopt parameters, from glibc's malloc.h
M_ARENA_MAX = -8
# 64 KiB, not 256: a text's surface and a label's pixels (64-256 KiB) then leave no holes in the heap
# when freed. benchmarks/memory.py: PSS after the tour 281-285 MiB (three runs), against 292-306 at
# 256 KiB (two runs); no language switch measurably slower (in-process, within this machine's noise)
MMAP_THRESHOLD = 64 * 1024
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


FULL_AFTER = 10     # young collections before a full one: Python's own default (gc.get_threshold()[2])
FORCE_AFTER = 100   # ... and before one comes even in the middle of a visit
QUIET_SECONDS = 1.0
NEVER = 1 << 30     # a full-collection threshold Python never reaches


class QuietCollector:
    """Full garbage collections only when the screen has been left alone for a moment (see the module)."""

    def __init__(self, quiet_seconds: float = QUIET_SECONDS, clock=time.monotonic):
        self.quiet_seconds = quiet_seconds
        self.clock = clock
        self.wanted = False
        self.collections = 0    # full collections run by this collector
        self.forced = 0         # ... of which in the middle of a visit
        self._thresholds: tuple[int, int, int] | None = None

    def start(self) -> None:
        """From now on Python collects only the young generations by itself."""
        if self._thresholds is None:
            self._thresholds = gc.get_threshold()
            young, middle, _full = self._thresholds
            gc.set_threshold(young, middle, NEVER)

    def stop(self) -> None:
        """Give Python back its own full collections."""
        if self._thresholds is not None:
            gc.set_threshold(*self._thresholds)
            self._thresholds = None

    def want(self) -> None:
        """Something big was let go (a screen, its textures): collect at the next quiet moment."""
        self.wanted = True

    @staticmethod
    def pending() -> int:
        """Young-generation collections since the last full one (gc.get_count()[2])."""
        return gc.get_count()[2]

    def tick(self, now: float, last_touch: float) -> bool:
        """Collect if it is due and the screen has been quiet; True if it collected (never when stopped:
        Python then runs its own full collections)."""
        if self._thresholds is None:
            return False
        due = self.wanted or self.pending() >= FULL_AFTER
        if due and now - last_touch >= self.quiet_seconds:
            self.collect()
            return True
        if self.pending() >= FORCE_AFTER:
            self.forced += 1
            self.collect()
            return True
        return False

    def collect(self) -> None:
        """A full collection, then the freed memory back to the system."""
        started = self.clock()
        gc.collect()
        trim_heap()
        self.wanted = False
        self.collections += 1
        log.debug("full garbage collection in %.0f ms", (self.clock() - started) * 1000)
