"""The coordinator's view of its kiosks, from what their reports folders hold.

    rows = fleet_rows(fleet, now=time.time())     # one KioskRow a kiosk, from its health.json
    print(status_table(rows))
    merged = merge_fleet_stats(fleet, out)         # every kiosk's stats.db in one file, nothing counted twice

A kiosk is "silent" when its last report is more than a day old (:data:`SILENT_AFTER`), or when
none has arrived yet. Nothing here talks to Syncthing: a kiosk that cannot reach the coordinator
simply reports later.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from pathlib import Path

from kiosk.files import format_size
from kiosk.fleet.fleet import Fleet
from kiosk.fleet.member import REPORT_HEALTH, REPORT_STATS

SILENT_AFTER = 24 * 3600


@dataclass(frozen=True)
class KioskRow:
    name: str
    venue: str
    last_seen: float | None          # when its last report was written (its file's time, kept by Syncthing)
    content_version: str | None
    visits_today: int | None
    faults: int
    free_disk: int | None
    asleep: bool | None
    bundle: dict | None              # the fleet's last bundle on that kiosk: installed or refused, and why

    def silent(self, now: float) -> bool:
        return self.last_seen is None or now - self.last_seen > SILENT_AFTER


def fleet_rows(fleet: Fleet) -> list[KioskRow]:
    rows = []
    for kiosk_id, kiosk in fleet.kiosks.items():
        file = fleet.kiosk_reports(kiosk_id) / REPORT_HEALTH
        try:
            health = json.loads(file.read_text(encoding="utf-8"))
            seen = file.stat().st_mtime
        except (OSError, ValueError):
            health, seen = {}, None
        health = health if isinstance(health, dict) else {}
        rows.append(KioskRow(
            name=kiosk["name"], venue=str(health.get("venue") or ""), last_seen=seen,
            content_version=health.get("content_version"), visits_today=health.get("visits_today"),
            faults=len(health.get("faults") or {}), free_disk=health.get("free_disk_bytes"),
            asleep=health.get("asleep") if health else None, bundle=(health.get("fleet") or {}).get("bundle")))
    return rows


def status_table(rows: list[KioskRow], now: float | None = None) -> str:
    """A plain table, then a line per kiosk that needs looking at (silent, refused a bundle, faults)."""
    now = time.time() if now is None else now
    if not rows:
        return "no kiosk in this fleet yet: add one with 'kiosk fleet add-kiosk DEVICE_ID --name NAME'"
    header = ("kiosk", "venue", "last seen", "content", "visits today", "faults", "free disk", "state")
    lines = [header] + [(
        row.name, row.venue or "-", _ago(row.last_seen, now), row.content_version or "-",
        "-" if row.visits_today is None else str(row.visits_today), str(row.faults),
        "-" if row.free_disk is None else format_size(row.free_disk),
        "-" if row.asleep is None else ("asleep" if row.asleep else "awake")) for row in rows]
    widths = [max(len(line[i]) for line in lines) for i in range(len(header))]
    text = ["  ".join(cell.ljust(width) for cell, width in zip(line, widths)).rstrip() for line in lines]
    for row in rows:
        if row.silent(now):
            text.append(f"warning: {row.name} has sent nothing for more than a day"
                        if row.last_seen else f"warning: {row.name} has sent nothing yet")
        if row.bundle and row.bundle.get("result") == "refused":
            text.append(f"warning: {row.name} refused the published bundle: {row.bundle.get('reason', '')}")
        if row.faults:
            text.append(f"note: {row.name} has {row.faults} faulty exhibit{'s' if row.faults > 1 else ''} "
                        f"(see its health.json)")
    return "\n".join(text)


def _ago(when: float | None, now: float) -> str:
    if when is None:
        return "never"
    seconds = max(0, now - when)
    for size, unit in ((86400, "d"), (3600, "h"), (60, "min")):
        if seconds >= size:
            return f"{int(seconds // size)} {unit} ago"
    return "just now"


def fleet_stats(fleet: Fleet) -> list[Path]:
    """Every kiosk's statistics file that has arrived."""
    found = [fleet.kiosk_reports(kiosk_id) / REPORT_STATS for kiosk_id in fleet.kiosks]
    return [path for path in found if path.is_file()]


def merge_fleet_stats(fleet: Fleet, out: Path) -> Path:
    """One statistics file for the whole fleet, made afresh (events are merged by their ids: none twice)."""
    from kiosk.stats.merge import merge_files

    out.unlink(missing_ok=True)
    merge_files(fleet_stats(fleet), out)
    return out
