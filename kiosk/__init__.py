"""Musée du Kapitalisme kiosk: a touchscreen app that shows exhibits from content folders.

The package is split so that data flows one way:

- ``kiosk.content``: reading and validating content folders (plain Python, no Kivy);
- ``kiosk.exhibit_types``: the registry of exhibit types, each with its model;
- ``kiosk.cli``: the ``kiosk`` command (validate, schema, new, run).
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
