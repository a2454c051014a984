"""A small, hand-made set of visits whose every figure is known, and files holding it.

Three days, two venues, four visits:

- v1, Lille, 12 March: fr then a switch to en; A 60 s, B 30 s; a QR code; quiz q1 right, q2 wrong; 300 s.
- v2, Lille, 12 March: en; A 120 s; votes option 2; sends an idea to the wall; 200 s.
- v3, Lille, 13 March: fr; B 90 s; quiz q1 wrong; two QR codes; 100 s.
- v4, Nantes, 20 March: de; A 10 s; a fault in B; votes option 1; 50 s.
"""

from __future__ import annotations

from datetime import date, datetime, timezone
from pathlib import Path

import pytest

from kiosk.stats.model import Event
from kiosk.stats.store import insert_events, open_stats

D1, D2, D3 = date(2026, 3, 12), date(2026, 3, 13), date(2026, 3, 20)
LILLE, NANTES = "Lille 2026-03-12", "Nantes 2026-03-20"
URL1, URL2 = "https://www.le-mes.org/", "https://www.amap.fr/"


def at(day: date, hour: int, minute: int = 0, second: int = 0) -> float:
    return datetime(day.year, day.month, day.day, hour, minute, second, tzinfo=timezone.utc).timestamp()


def visit(venue: str, number: int, start: float, steps: list[tuple], length: float) -> list[Event]:
    """The events of one visit: start, then ``steps`` (kind, exhibit, value, detail) a second apart, then end."""
    events = [Event("visit_start", start, venue, number)]
    language = ""
    for offset, (kind, exhibit, value, detail) in enumerate(steps, start=1):
        language = detail if kind == "language" else language
        events.append(Event(kind, start + offset, venue, number, exhibit, language, value, detail))
    return events + [Event("visit_end", start + length, venue, number, "", language, length)]


def sample_events() -> list[Event]:
    return [
        *visit(LILLE, 7_000_000_001, at(D1, 10), [
            ("language", "", 0, "fr"), ("exhibit_open", "A", 0, ""), ("qr_shown", "A", 0, URL1),
            ("exhibit_close", "A", 60, ""), ("exhibit_open", "B", 0, ""), ("exhibit_close", "B", 30, ""),
            ("language", "", 0, "en"), ("quiz_answer", "quiz", 1, "1"), ("quiz_answer", "quiz", 0, "2")], 300),
        *visit(LILLE, 7_000_000_002, at(D1, 11), [
            ("language", "", 0, "en"), ("exhibit_open", "A", 0, ""), ("exhibit_close", "A", 120, ""),
            ("poll_vote", "poll", 2, ""), ("wall_idea", "wall", 0, "")], 200),
        *visit(LILLE, 7_000_000_003, at(D2, 9), [
            ("language", "", 0, "fr"), ("exhibit_open", "B", 0, ""), ("qr_shown", "B", 0, URL1),
            ("qr_shown", "B", 0, URL2), ("exhibit_close", "B", 90, ""), ("quiz_answer", "quiz", 0, "1")], 100),
        *visit(NANTES, 7_000_000_004, at(D3, 15), [
            ("language", "", 0, "de"), ("exhibit_open", "A", 0, ""), ("exhibit_close", "A", 10, ""),
            ("fault", "B", 0, "ValueError"), ("poll_vote", "poll", 1, "")], 50),
    ]


def write_db(path: Path, events: list[Event]) -> Path:
    db = open_stats(path)
    insert_events(db, events)
    db.close()
    return path


@pytest.fixture
def sample_db(tmp_path) -> Path:
    return write_db(tmp_path / "stats.db", sample_events())


@pytest.fixture
def empty_db(tmp_path) -> Path:
    return write_db(tmp_path / "empty.db", [])
