"""``health.json``: how a kiosk is doing, written by the kiosk itself every minute, read by ``kiosk doctor``.

The running kiosk knows what no other program can (its screen, its renderer, its faulty exhibits, whether it is
asleep); the files know the rest (visits, restarts, free disk). Every minute the kiosk gathers the first on its
main loop (:class:`KioskState`, cheap) and a thread adds the second and writes the file atomically, so a reader
never sees half of it and a tap never waits for the disk::

    write_health(data_dir, health_record(state, data_dir))
    read_health(data_dir)        # the last one written, or None

The fleet (a later issue) carries the same file back to the coordinator. No Kivy here; no personal data in it.
"""

from __future__ import annotations

import json
import logging
import shutil
import time
from dataclasses import asdict, dataclass, field
from datetime import datetime
from pathlib import Path

from kiosk import __version__
from kiosk.files import write_atomic
from kiosk.opening import clock_plausible
from kiosk.restarts import StartLog
from kiosk.stats.query import last_visit, today_numbers
from kiosk.stats.store import StatsError

log = logging.getLogger(__name__)

HEALTH_FILE = "health.json"
INTERVAL = 60.0     # seconds between two writes
STALE = 5 * 60.0    # older than this, the kiosk is not running (or its loop is stuck)


@dataclass
class KioskState:
    """What only the running kiosk knows."""

    started: float                      # time.time() at start
    content_title: str
    content_version: str | None         # the installed bundle's version; None for a plain folder
    asleep: bool = False
    faults: dict[str, str] = field(default_factory=dict)   # exhibit id → what went wrong
    recording_errors: int = 0           # statistics events lost
    screen: dict = field(default_factory=dict)   # width, height, refresh_hz, renderer


def health_record(state: KioskState, data_dir: Path, now: float | None = None) -> dict:
    """``state`` with what the data folder says: visits, last visit, restarts, free disk."""
    now = time.time() if now is None else now
    record = {"written": datetime.fromtimestamp(now).isoformat(timespec="seconds"), "app_version": __version__,
              **asdict(state), "uptime_seconds": round(now - state.started),
              "clock_plausible": clock_plausible(datetime.fromtimestamp(now)),
              "restarts_last_hour": max(0, StartLog(data_dir / "starts.json").recent(3600) - 1),
              "free_disk_bytes": shutil.disk_usage(data_dir).free}
    try:
        record["visits_today"] = today_numbers(data_dir / "stats.db", now=now).visits
        last = last_visit(data_dir / "stats.db")
        record["last_visit"] = datetime.fromtimestamp(last).isoformat(timespec="seconds") if last else None
    except StatsError as error:
        record["visits_today"], record["last_visit"] = None, None
        log.warning("health: the statistics cannot be read: %s", error)
    return record


def write_health(data_dir: Path, record: dict) -> None:
    try:
        write_atomic(data_dir / HEALTH_FILE, json.dumps(record, indent=2, ensure_ascii=False) + "\n")
    except OSError as error:   # a full disk is what health.json would have said; the kiosk goes on
        log.warning("health: %s cannot be written: %s", data_dir / HEALTH_FILE, error)


def read_health(data_dir: Path) -> dict | None:
    try:
        data = json.loads((data_dir / HEALTH_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def age_seconds(record: dict, now: float | None = None) -> float | None:
    """How long ago ``record`` was written; None when it says no time."""
    try:
        written = datetime.fromisoformat(record["written"]).timestamp()
    except (KeyError, TypeError, ValueError):
        return None
    return (time.time() if now is None else now) - written
