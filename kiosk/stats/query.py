"""Reading the statistics back: the summary of a period, and today's numbers for the facilitator. No Kivy here::

    summary = summarize(data_dir() / "stats.db", since=date(2026, 3, 1), venue="Lille 2026-03-12")
    summary.visits, summary.median_visit_seconds, summary.exhibits[:10]
    today = today_numbers(data_dir() / "stats.db", venue="Lille 2026-03-12")   # for the facilitator menu
    today.visits, today.top_exhibits, today.languages

Days are UTC days (an exhibition's opening hours never cross midnight UTC in Europe).
Each figure comes from one kind of event (see :mod:`kiosk.stats.model`), counted with SQL
aggregates; only the medians read the values themselves. A visit is the events sharing a
``visit`` number: its first ``language`` event is the language it started in, and each
later one is a switch.
"""

from __future__ import annotations

import sqlite3
import statistics
import time
from collections import defaultdict
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from itertools import groupby
from pathlib import Path
from typing import Iterator

from kiosk.stats.model import (
    WRONG_CLOCK,
    ExhibitAttention, GameResults, ModeResults, PollResult, QuestionSuccess, RoleplayResults, StatsSummary,
)
from kiosk.stats.store import StatsError, open_stats

TODAY_TOP = 5


@dataclass(frozen=True)
class Selection:
    """Which events count: a period of whole UTC days (either end open) and one venue or all."""

    since: date | None = None
    until: date | None = None   # included
    venue: str | None = None

    def where(self, kind: str | None = None) -> tuple[str, list]:
        """The SQL condition and its values."""
        terms, values = [], []
        for term, value in (("kind = ?", kind), ("venue = ?", self.venue), ("at >= ?", _epoch(self.since)),
                            ("at < ?", _epoch(self.until + timedelta(days=1)) if self.until else None)):
            if value is not None:
                terms.append(term)
                values.append(value)
        return " AND ".join(terms) or "1", values


@dataclass(frozen=True)
class TodayNumbers:
    """Today's figures at one venue (or all), for the facilitator menu."""

    day: date
    venue: str | None
    visits: int = 0
    median_visit_seconds: float = 0.0
    top_exhibits: list[ExhibitAttention] = field(default_factory=list)   # by total dwell, at most 5
    languages: dict[str, int] = field(default_factory=dict)              # visits per first language
    without_language: int = 0                                            # visits with no language chosen
    ended_visits: int = 0                                                # visits over, the median's sample


def summarize(db_path: Path, since: date | None = None, venue: str | None = None,
              until: date | None = None) -> StatsSummary:
    """Every figure of :class:`StatsSummary` for the days from ``since`` to ``until`` (both included) at ``venue``.

    ``None`` leaves that filter out. A missing or foreign file is a :class:`StatsError`.
    """
    selection = Selection(since, until, venue)
    with _reading(db_path) as db:
        return _summary(_Reader(db, selection), selection)


def today_numbers(db_path: Path, venue: str | None = None, now: float | None = None) -> TodayNumbers:
    """Visits, median visit length, top 5 exhibits and languages of today (UTC); zeros when nothing is recorded.

    A file that cannot be read is a :class:`StatsError`.
    """
    day = datetime.fromtimestamp(time.time() if now is None else now, timezone.utc).date()
    if not Path(db_path).exists():
        return TodayNumbers(day, venue)
    with _reading(db_path) as db:
        reader = _Reader(db, Selection(day, day, venue))
        return TodayNumbers(day, venue, reader.count("visit_start"), reader.median_visit(),
                            reader.exhibits()[:TODAY_TOP], reader.languages(), reader.without_language(),
                            ended_visits=reader.count("visit_end"))


def recorded_venues(db_path: Path) -> dict[str, int]:
    """Events per venue in the whole file (venue "" when none was set)."""
    with _reading(db_path) as db:
        return dict(db.execute("SELECT venue, COUNT(*) FROM events GROUP BY venue ORDER BY venue").fetchall())


@contextmanager
def _reading(db_path: Path) -> Iterator[sqlite3.Connection]:
    """The file, in one read transaction: every figure comes from the same moment, even while the kiosk writes."""
    db = open_stats(db_path, create=False)
    try:
        db.execute("BEGIN")
        yield db
    except sqlite3.Error as exc:
        raise StatsError(f"{db_path} cannot be read: {exc}") from exc
    finally:
        db.close()


def _summary(reader: _Reader, selection: Selection) -> StatsSummary:
    venues, events, last_day = reader.extent()
    return StatsSummary(
        since=selection.since, until=selection.until or last_day, venue=selection.venue, venues=venues,
        events=events,
        visits_per_day=reader.visits_per_day(),
        visits=reader.count("visit_start"),
        median_visit_seconds=reader.median_visit(),
        exhibits=reader.exhibits(),
        languages=reader.languages(),
        without_language=reader.without_language(),
        language_switches=reader.language_switches(),
        access_modes=reader.access_modes(),
        second_languages=reader.second_languages(),
        **reader.baskets(),
        narrations=reader.count("narration"),
        qr_by_link=reader.grouped("qr_shown", "detail"),
        quiz=reader.quiz(),
        polls=reader.polls(),
        wall_ideas=reader.count("wall_idea"),
        games=reader.games(),
        roleplays=reader.roleplays(),
        faults=reader.grouped("fault", "exhibit"),
        wrong_clock_visits=reader.grouped("visit_start", "detail").get(WRONG_CLOCK, 0),
    )


class _Reader:
    """The queries, each over one kind of event of the selection."""

    def __init__(self, db: sqlite3.Connection, selection: Selection):
        self.db, self.selection = db, selection

    def rows(self, kind: str | None, select: str, tail: str = "") -> list[tuple]:
        where, values = self.selection.where(kind)
        return self.db.execute(f"SELECT {select} FROM events WHERE {where} {tail}", values).fetchall()

    def extent(self) -> tuple[list[str], int, date | None]:
        """The venues present, how many events, and the day of the last one."""
        events, last = self.rows(None, "COUNT(*), MAX(at)")[0]
        venues = sorted(row[0] for row in self.rows(None, "DISTINCT venue"))  # DISTINCT: no sort of every row
        return venues, events, _day(last) if last is not None else None

    def count(self, kind: str) -> int:
        return self.rows(kind, "COUNT(*)")[0][0]

    def grouped(self, kind: str, column: str) -> dict[str, int]:
        """Events of ``kind`` per value of ``column``, most first."""
        return dict(self.rows(kind, f"{column}, COUNT(*)", f"GROUP BY {column} ORDER BY 2 DESC, 1"))

    def visits_per_day(self) -> dict[date, int]:
        rows = self.rows("visit_start", "at / 86400 AS day, COUNT(*)", "GROUP BY day ORDER BY day")
        return {_day(day * 86400): count for day, count in rows}

    def median_visit(self) -> float:
        lengths = [row[0] for row in self.rows("visit_end", "value")]
        return float(statistics.median(lengths)) if lengths else 0.0

    def exhibits(self) -> list[ExhibitAttention]:
        """Every exhibit opened or closed, by total dwell time, most first."""
        opened = dict(self.rows("exhibit_open", "exhibit, COUNT(*)", "GROUP BY exhibit"))
        dwell: dict[str, list[float]] = defaultdict(list)
        for exhibit, seconds in self.rows("exhibit_close", "exhibit, value"):  # grouped here: no sort on disk
            dwell[exhibit].append(seconds)
        attention = [_attention(exhibit, opened.get(exhibit, 0), dwell.get(exhibit, []))
                     for exhibit in opened.keys() | dwell.keys()]
        return sorted(attention, key=lambda item: (-item.total_seconds, -item.opened, item.exhibit))

    def languages(self) -> dict[str, int]:
        """Visits started in the selection, per the language they started in (their first ``language`` event).

        With :meth:`without_language` they add up to the visits counted (``visit_start``).
        """
        where, values = self.selection.where("visit_start")
        first = (f"SELECT COALESCE(NULLIF(detail, ''), language) AS code, MIN(rowid) FROM events "
                 f"WHERE kind = 'language' AND visit IN (SELECT visit FROM events WHERE {where} AND visit != 0) "
                 f"GROUP BY visit")
        query = f"SELECT code, COUNT(*) FROM ({first}) GROUP BY code ORDER BY 2 DESC, 1"
        return dict(self.db.execute(query, values).fetchall())

    def without_language(self) -> int:
        """Visits started in the selection that ended before any language was chosen (left at the language screen)."""
        return self.rows("visit_start", "COUNT(*)",
                         "AND (visit = 0 OR visit NOT IN (SELECT visit FROM events WHERE kind = 'language'))")[0][0]

    def language_switches(self) -> int:
        """Language events after the first one of the same visit."""
        return self.rows("language", "COUNT(*) - COUNT(DISTINCT visit)", "AND visit != 0")[0][0]

    def access_modes(self) -> dict[str, int]:
        """Each access mode: how many visits turned it on (once per visit, however often it was toggled)."""
        rows = self.rows("access", "detail, COUNT(DISTINCT visit)", "AND value = 1 GROUP BY detail")
        return dict(sorted(rows, key=lambda row: (-row[1], row[0])))

    def baskets(self) -> dict[str, int]:
        """How many visits kept a list to take home, and how many exhibits those lists held together."""
        rows = self.rows("basket", "COUNT(DISTINCT visit), COALESCE(SUM(value), 0)", "")
        count, items = rows[0] if rows else (0, 0)
        return {"baskets": int(count or 0), "basket_items": int(items or 0)}

    def second_languages(self) -> dict[str, int]:
        """Each language chosen as a second one: in how many visits (once per visit)."""
        rows = self.rows("second_language", "detail, COUNT(DISTINCT visit)", "GROUP BY detail")
        return dict(sorted(rows, key=lambda row: (-row[1], row[0])))

    def quiz(self) -> list[QuestionSuccess]:
        rows = self.rows("quiz_answer", "exhibit, CAST(detail AS INTEGER) AS question, COUNT(*), SUM(value > 0)",
                         "GROUP BY exhibit, question HAVING question >= 1 ORDER BY exhibit, question")
        return [QuestionSuccess(exhibit, question, answered, right) for exhibit, question, answered, right in rows]

    def polls(self) -> list[PollResult]:
        rows = self.rows("poll_vote", "exhibit, CAST(value AS INTEGER) AS option, COUNT(*)",
                         "GROUP BY exhibit, option HAVING option >= 1 ORDER BY exhibit, option")
        return [PollResult(exhibit, {option: votes for _, option, votes in group})
                for exhibit, group in groupby(rows, key=lambda row: row[0])]


    def games(self) -> list[GameResults]:
        """Games that reached their end; ``detail`` holds "outcome players rules-adopted"."""
        rows = self.rows("game_end", "exhibit, value, detail", "ORDER BY exhibit")
        found = []
        for exhibit, group in groupby(rows, key=lambda row: row[0]):
            played = rounds = rules = 0
            outcomes: dict[str, int] = {}
            for _, value, detail in group:
                outcome, _players, adopted = (detail.split() + ["", "0", "0"])[:3]
                played, rounds, rules = played + 1, rounds + int(value), rules + int(adopted or 0)
                outcomes[outcome] = outcomes.get(outcome, 0) + 1
            found.append(GameResults(exhibit, played, rounds, rules, outcomes))
        return found

    def roleplays(self) -> list[RoleplayResults]:
        """Role-plays that reached their end; ``detail`` holds "players mode:adopted/open …"."""
        rows = self.rows("roleplay_end", "exhibit, value, detail", "ORDER BY exhibit")
        found = []
        for exhibit, group in groupby(rows, key=lambda row: row[0]):
            played = decisions = 0
            modes: dict[str, list[int]] = {}
            for _, value, detail in group:
                played, decisions = played + 1, decisions + int(value)
                for mode, adopted, left_open in _mode_counts(detail):
                    line = modes.setdefault(mode, [0, 0])
                    line[0], line[1] = line[0] + adopted, line[1] + left_open
            found.append(RoleplayResults(exhibit, played, decisions,
                                         {mode: ModeResults(*modes[mode]) for mode in sorted(modes)}))
        return found


def _mode_counts(detail: str) -> list[tuple[str, int, int]]:
    """``"4 majority:1/0 consent:0/1"`` → ``[("majority", 1, 0), ("consent", 0, 1)]``; the unreadable is left out."""
    counts = []
    for word in detail.split()[1:]:
        mode, _, numbers = word.partition(":")
        adopted, _, left_open = numbers.partition("/")
        if mode and adopted.isdigit() and left_open.isdigit():
            counts.append((mode, int(adopted), int(left_open)))
    return counts


def _attention(exhibit: str, opened: int, dwell: list[float]) -> ExhibitAttention:
    median = float(statistics.median(dwell)) if dwell else 0.0
    return ExhibitAttention(exhibit, opened, float(sum(dwell)), median)


def _epoch(day: date | None) -> int | None:
    """Seconds since the epoch at the start of ``day`` (UTC)."""
    if day is None:
        return None
    return int(datetime(day.year, day.month, day.day, tzinfo=timezone.utc).timestamp())


def _day(seconds: int) -> date:
    return datetime.fromtimestamp(seconds, timezone.utc).date()


def last_visit(db_path: Path) -> float | None:
    """When the last recorded visit started (seconds since the epoch); None when there is none."""
    if not Path(db_path).exists():
        return None
    with _reading(db_path) as db:
        (at,) = db.execute("SELECT MAX(at) FROM events WHERE kind = 'visit_start'").fetchone()
    return at
