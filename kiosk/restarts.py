"""The kiosk service's starts, and the pause before the next one when it keeps failing.

The installed service (packaging/) restarts the kiosk after a crash or a hang (``Restart=always`` and the
watchdog). Debian 12's systemd (252) cannot lengthen the pause between restarts by itself (``RestartSteps=``
arrived in 254), so the service first runs ``kiosk backoff``: it notes the start in ``starts.json`` in the data
folder and waits the longer, the more short runs came before (a run is short when the next start came within ten
minutes of it, pause included): nothing for the first three starts, then 5 s, 10 s, 20 s… up to 5 minutes, and 5
minutes again after that until a run lasts. A kiosk that crashes at every start does not spin a village hall's
computer all night, and one that crashed once, or ran for an hour before crashing, is back at once::

    log = StartLog(data_dir() / "starts.json")
    pause = log.record()        # seconds to wait before this start
    log.recent(3600)            # how many starts in the last hour (``kiosk doctor``)

Times are counted on the clock since boot (``CLOCK_BOOTTIME``), with the boot's id, so a wrong or jumping wall
clock changes nothing; the wall-clock time is kept beside it only to be shown to a person. No Kivy here.
"""

from __future__ import annotations

import json
import logging
import time
from dataclasses import dataclass
from pathlib import Path

from kiosk.files import write_atomic

log = logging.getLogger(__name__)

SHORT = 600.0       # a run is short when the next start comes sooner than this after it
FREE = 3            # this many starts in a row come without a pause
FIRST_PAUSE = 5.0   # then 5 s, doubling…
LONGEST = 300.0     # …up to five minutes
KEPT = 50           # starts remembered (for the doctor), the newest ones


def pause_before(earlier: list[float], now: float) -> float:
    """Seconds to wait before a start at ``now``, given the earlier starts (seconds since boot, oldest first)."""
    short, later = 0, now
    for moment in reversed([moment for moment in earlier if moment <= now]):
        if later - moment >= SHORT:
            break
        short, later = short + 1, moment
    return 0.0 if short < FREE else min(FIRST_PAUSE * 2 ** (short - FREE), LONGEST)


@dataclass(frozen=True)
class Start:
    since_boot: float
    wall: float     # time.time() then: for people to read, never for counting


def boot_id() -> str:
    try:
        return Path("/proc/sys/kernel/random/boot_id").read_text().strip()
    except OSError:     # not Linux: every start looks like the same boot, which only errs towards pausing
        return "unknown"


def since_boot() -> float:
    clock = getattr(time, "CLOCK_BOOTTIME", time.CLOCK_MONOTONIC)
    return time.clock_gettime(clock)


class StartLog:
    def __init__(self, file: Path):
        self.file = file

    def starts(self) -> list[Start]:
        """This boot's starts, oldest first; a missing or damaged file is an empty list (and a damaged one is logged)."""
        try:
            data = json.loads(self.file.read_text(encoding="utf-8"))
            if data.get("boot") != boot_id():
                return []
            return [Start(float(a), float(b)) for a, b in data.get("starts", [])]
        except FileNotFoundError:
            return []
        except (OSError, ValueError, TypeError, AttributeError) as error:
            log.warning("%s cannot be read (%s): counting starts afresh", self.file, error)
            return []

    def record(self) -> float:
        """Note a start now; return the pause to make before it."""
        earlier, now = self.starts(), since_boot()
        pause = pause_before([start.since_boot for start in earlier], now)
        kept = [*earlier, Start(now + pause, time.time() + pause)][-KEPT:]
        data = {"boot": boot_id(), "starts": [[start.since_boot, start.wall] for start in kept]}
        try:
            write_atomic(self.file, json.dumps(data))
        except OSError as error:    # a full or read-only disk must not keep the kiosk from starting
            log.warning("the start could not be noted in %s: %s", self.file, error)
        return pause

    def recent(self, window: float = SHORT) -> int:
        """How many times the kiosk started in the last ``window`` seconds."""
        now = since_boot()
        return sum(1 for start in self.starts() if now - window <= start.since_boot <= now)
