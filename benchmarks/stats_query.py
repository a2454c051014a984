"""Reading a year of statistics: `kiosk stats` and summarize() on ~500,000 events (target ≤ 2 s each).

Builds a statistics file as a busy travelling kiosk fills it in a year: four venues of 24
opening days each, ~300 visits a day, each with a language (sometimes a switch), 3 to 8
exhibits with their dwell time, QR codes, quiz answers, poll votes, a few wall ideas and
rare faults. Then prints:

- summarize() in this process, for everything, for one venue and since a date (first run, then best of R);
- today_numbers() for a busy day (the facilitator menu; target < 50 ms);
- `kiosk stats --db FILE` as a new process, exec to exit (best of R).

Run: ``python benchmarks/stats_query.py [--visits-per-day 300] [--repeat 3]``.
"""

from __future__ import annotations

import argparse
import random
import subprocess
import sys
import tempfile
import time
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Iterator

from kiosk.stats.model import Event
from kiosk.stats.query import summarize, today_numbers
from kiosk.stats.store import insert_events, open_stats

ROOMS = ("origines", "espoirs", "limites", "alternatives")
EXHIBITS = [f"{room}-{number:02}" for room in ROOMS for number in range(1, 9)]
QUIZZES = {"origines-03": 5, "limites-02": 4, "alternatives-05": 6}
POLLS = {"espoirs-04": 4, "alternatives-08": 3}
WALL = "alternatives-07"
LANGUAGES = {"fr": 60, "en": 14, "nl": 10, "de": 6, "es": 4, "ar": 3, "it": 3}
LINKS = [f"https://www.le-mes.org/ressources/{number}" for number in range(12)]
VENUES = [("Lille", date(2026, 1, 10)), ("Nantes", date(2026, 4, 4)), ("Lyon", date(2026, 6, 13)),
          ("Marseille", date(2026, 10, 3))]
OPENING_DAYS = 24


def visit_events(rng: random.Random, venue: str, start: float) -> list[Event]:
    """One visitor's events, from the first touch to the idle reset."""
    number = rng.getrandbits(48) or 1
    language = rng.choices(list(LANGUAGES), weights=list(LANGUAGES.values()))[0]
    events = [Event("visit_start", start, venue, number),
              Event("language", start + 3, venue, number, language=language, detail=language)]
    clock = start + 5
    if rng.random() < 0.1:
        language = rng.choice(list(LANGUAGES))
        events.append(Event("language", clock, venue, number, language=language, detail=language))
    for exhibit in rng.sample(EXHIBITS, rng.randint(3, 8)):
        dwell = round(rng.lognormvariate(3.6, 0.7))
        events += exhibit_events(rng, venue, number, language, exhibit, clock, dwell)
        clock += dwell + rng.randint(2, 20)
    return events + [Event("visit_end", clock, venue, number, language=language, value=round(clock - start))]


def exhibit_events(rng: random.Random, venue: str, number: int, language: str, exhibit: str, opened: float,
                   dwell: int) -> list[Event]:
    def event(kind: str, value: float = 0.0, detail: str = "") -> Event:
        return Event(kind, opened + 1, venue, number, exhibit, language, value, detail)

    events = [Event("exhibit_open", opened, venue, number, exhibit, language)]
    if rng.random() < 0.3:
        events.append(event("qr_shown", detail=rng.choice(LINKS)))
    for question in range(1, QUIZZES.get(exhibit, 0) + 1):
        events.append(event("quiz_answer", 1.0 if rng.random() < 0.4 + question / 20 else 0.0, str(question)))
    if exhibit in POLLS and rng.random() < 0.7:
        events.append(event("poll_vote", rng.randint(1, POLLS[exhibit])))
    if exhibit == WALL and rng.random() < 0.2:
        events.append(event("wall_idea"))
    if rng.random() < 0.001:
        events.append(event("fault", detail="ValueError"))
    return events + [Event("exhibit_close", opened + dwell, venue, number, exhibit, language, dwell)]


def kiosk_year(rng: random.Random, visits_per_day: int) -> Iterator[list[Event]]:
    """The events of each opening day, venue after venue."""
    for town, first in VENUES:
        venue = f"{town} {first.isoformat()}"
        for offset in range(OPENING_DAYS):
            day = first + timedelta(days=offset)
            opening = datetime(day.year, day.month, day.day, 8, tzinfo=timezone.utc).timestamp()
            visits = max(0, round(rng.gauss(visits_per_day, visits_per_day / 5)))
            yield [event for start in sorted(rng.uniform(0, 9 * 3600) for _ in range(visits))
                   for event in visit_events(rng, venue, opening + start)]


def build(path: Path, visits_per_day: int) -> int:
    db = open_stats(path)
    count = sum(insert_events(db, day) for day in kiosk_year(random.Random(2026), visits_per_day))
    db.close()
    return count


def timed(action) -> tuple[float, object]:
    started = time.perf_counter()
    result = action()
    return time.perf_counter() - started, result


def first_and_best(repeat: int, action) -> tuple[float, float]:
    times = [timed(action)[0] for _ in range(repeat + 1)]
    return times[0], min(times[1:])


def cli_seconds(path: Path) -> float:
    started = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "kiosk", "stats", "--db", str(path)], capture_output=True, text=True)
    elapsed = time.perf_counter() - started
    assert result.returncode == 0 and "Visits:" in result.stdout, result.stderr
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--visits-per-day", type=int, default=300)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temporary:
        path = Path(temporary) / "stats.db"
        built, events = timed(lambda: build(path, args.visits_per_day))
        summary = summarize(path)
        venue, busy_day = summary.venues[1], max(summary.visits_per_day, key=summary.visits_per_day.get)
        noon = datetime(busy_day.year, busy_day.month, busy_day.day, 12, tzinfo=timezone.utc).timestamp()
        everything = first_and_best(args.repeat, lambda: summarize(path))
        one_venue = first_and_best(args.repeat, lambda: summarize(path, venue=venue))
        since = first_and_best(args.repeat, lambda: summarize(path, since=date(2026, 10, 1)))
        today = first_and_best(args.repeat, lambda: today_numbers(path, now=noon))
        cli = min(cli_seconds(path) for _ in range(args.repeat))
        size = path.stat().st_size / 2**20
    print(f"events:                         {events:,} ({summary.visits:,} visits, {len(summary.visits_per_day)} days, "
          f"{len(summary.venues)} venues), {size:.0f} MiB, built in {built:.1f} s")
    print(f"summarize(), everything:        {everything[1]:.2f} s (first run {everything[0]:.2f} s)")
    print(f"summarize(), one venue:         {one_venue[1]:.2f} s (first run {one_venue[0]:.2f} s)")
    print(f"summarize(), since 2026-10-01:  {since[1]:.2f} s (first run {since[0]:.2f} s)")
    print(f"today_numbers(), a busy day:    {today[1] * 1000:.1f} ms (first run {today[0] * 1000:.1f} ms)")
    print(f"kiosk stats (new process):      {cli:.2f} s")
    worst = max(everything[0], cli)
    print(f"target:                         ≤ 2.00 s -> {'met' if worst <= 2.0 else 'NOT met'}")


if __name__ == "__main__":
    main()
