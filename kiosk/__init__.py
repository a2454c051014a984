"""Musée du Kapitalisme kiosk: a touchscreen app that shows exhibits from content folders.

Data flows one way: content folder → validated model (``kiosk.content``,
``kiosk.exhibit_types``) → view (``kiosk.gui`` and each type's ``view.py``, the only places
that import Kivy); visitor actions come back as events (``kiosk.events``) for the
statistics, the records and the session. The map is ``docs/architecture.md``; the
``kiosk`` command is ``kiosk.cli``.
"""

import os
import time

__version__ = "0.1.0"


def _process_start() -> float:
    """The monotonic-clock time at which this process was started (Linux); else now."""
    try:
        with open("/proc/self/stat", encoding="ascii") as stat:
            start_ticks = int(stat.read().rsplit(")", 1)[1].split()[19])
        age = time.clock_gettime(time.CLOCK_BOOTTIME) - start_ticks / os.sysconf("SC_CLK_TCK")
        return time.monotonic() - max(0.0, age)
    except (OSError, ValueError, IndexError, AttributeError):
        return time.monotonic()


STARTED = _process_start()  # for the "ready in X.XX s" line, measured from exec
