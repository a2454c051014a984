"""The statistics as a plain-text table, in English, for a facilitator at a terminal (``kiosk stats``)::

    print(format_summary(summarize(path), source=path))

    Visit statistics: all venues, 2026-03-02 to 2026-03-14 (from /media/usb/stats.db)

    Visits: 412, median length 4 min 12 s
      2026-03-12   35
    …
"""

from __future__ import annotations

import gettext
from datetime import date

from kiosk.stats.model import StatsSummary

# English plural forms, the gettext way (this table is printed in English only)
plural = gettext.NullTranslations().ngettext

TOP_EXHIBITS = 10
INDENT = "  "


def format_summary(summary: StatsSummary, source: object = "") -> str:
    """The whole summary, one titled section after another."""
    lines = [_title(summary, source), ""]
    for section in (_visits, _exhibits, _languages, _access, _qr_links, _baskets, _quiz, _polls, _games, _roleplays,
                    _wall_and_faults):
        lines += section(summary)
    return "\n".join(lines).rstrip() + "\n"


def format_duration(seconds: float) -> str:
    """'35 s', '4 min 12 s', '2 h 05 min'."""
    seconds = round(seconds)
    if seconds < 60:
        return f"{seconds} s"
    if seconds < 3600:
        return f"{seconds // 60} min {seconds % 60:02d} s"
    return f"{seconds // 3600} h {seconds % 3600 // 60:02d} min"


def percent(part: int, whole: int) -> str:
    return f"{100 * part / whole:.0f} %" if whole else "–"


def venue_name(venue: str) -> str:
    return venue or "(venue not set)"


def _title(summary: StatsSummary, source: object) -> str:
    where = venue_name(summary.venue) if summary.venue is not None else "all venues"
    first = summary.since or min(summary.visits_per_day, default=None)
    if first and first == summary.until:
        period = f"on {_day(first)}"
    else:
        period = f"{_day(first)} to {_day(summary.until)}" if first else f"until {_day(summary.until)}"
    return f"Visit statistics: {where}, {period}" + (f" (from {source})" if source else "")


def _day(day: date | None) -> str:
    return day.isoformat() if day else "–"


def _section(title: str, rows: list[str], empty: str = "none") -> list[str]:
    return [title, *([INDENT + row for row in rows] or [INDENT + empty]), ""]


def _visits(summary: StatsSummary) -> list[str]:
    title = f"Visits: {summary.visits}"
    if summary.visits:
        title += f", median length {format_duration(summary.median_visit_seconds)}"
    if len(summary.venues) > 1 and summary.venue is None:
        title += f" (venues: {', '.join(venue_name(venue) for venue in summary.venues)})"
    rows = [f"{day.isoformat()} {day.strftime('%a')}  {count:>6}" for day, count in summary.visits_per_day.items()]
    if summary.wrong_clock_visits:
        rows.append(f"{summary.wrong_clock_visits} of these visits were recorded while the kiosk's clock was wrong: "
                    "their dates cannot be trusted")
    return [title, "", *_section("Visits per day", rows)]


def _exhibits(summary: StatsSummary) -> list[str]:
    top = summary.exhibits[:TOP_EXHIBITS]
    width = max([len("exhibit"), *(len(item.exhibit) for item in top)])
    rows = [f"{'exhibit':<{width}}  {'opened':>7}  {'total time':>12}  {'median':>10}"] if top else []
    rows += [f"{item.exhibit:<{width}}  {item.opened:>7}  {format_duration(item.total_seconds):>12}  "
             f"{format_duration(item.median_seconds):>10}" for item in top]
    shown = f"top {len(top)} of {len(summary.exhibits)}" if len(summary.exhibits) > len(top) else "all"
    return _section(f"Exhibits by time spent ({shown})", rows)


def _languages(summary: StatsSummary) -> list[str]:
    """Every visit once: by the language it started in, plus those that ended before any choice."""
    total = sum(summary.languages.values()) + summary.without_language
    rows = [f"{code or '?':<6} {count:>6}  {percent(count, total):>5}" for code, count in summary.languages.items()]
    if summary.without_language:
        rows.append(f"{'none':<6} {summary.without_language:>6}  {percent(summary.without_language, total):>5}"
                    "  (left before choosing a language)")
    if rows:
        rows.append(f"switches during a visit: {summary.language_switches}")
    rows += [f"second language {code}: {plural('{n} visit', '{n} visits', count).format(n=count)}"
             for code, count in summary.second_languages.items()]
    visits = plural("{n} visit", "{n} visits", total).format(n=total)
    return _section("Languages (the one each visit started in; " + visits + ")", rows)


def _access(summary: StatsSummary) -> list[str]:
    rows = [f"{mode:<16} {plural('{n} visit', '{n} visits', count).format(n=count)}"
            for mode, count in summary.access_modes.items()]
    if summary.narrations:
        rows.append(plural("{n} reading listened to", "{n} readings listened to", summary.narrations)
                    .format(n=summary.narrations))
    return _section("Access modes (visits that turned each on)", rows)


def _qr_links(summary: StatsSummary) -> list[str]:
    rows = [f"{count:>6}  {url}" for url, count in summary.qr_by_link.items()]
    return _section("QR codes shown, per link", rows)


def _baskets(summary: StatsSummary) -> list[str]:
    if not summary.baskets:
        return []
    rows = [plural("{n} visit kept a list", "{n} visits kept a list", summary.baskets).format(n=summary.baskets),
            f"{summary.basket_items / summary.baskets:.1f} exhibits on a list, on average"]
    return _section("Lists to take home", rows)


def _quiz(summary: StatsSummary) -> list[str]:
    width = max((len(item.exhibit) for item in summary.quiz), default=0)
    rows = [f"{item.exhibit:<{width}}  question {item.question:<3} {percent(item.right, item.answered):>5} right"
            f"  ({item.right} of {item.answered})" for item in summary.quiz]
    return _section("Quiz answers", rows)


def _polls(summary: StatsSummary) -> list[str]:
    rows = []
    for poll in summary.polls:
        total = sum(poll.votes.values())
        options = ", ".join(f"option {option}: {votes} ({percent(votes, total)})"
                            for option, votes in poll.votes.items())
        votes = plural("{n} vote", "{n} votes", total).format(n=total)
        rows.append(f"{poll.exhibit}  {votes}  {options}")
    return _section("Polls", rows)


def _games(summary: StatsSummary) -> list[str]:
    rows = []
    for game in summary.games:
        played = plural("{n} game", "{n} games", game.played).format(n=game.played)
        outcomes = ", ".join(f"{outcome}: {count}" for outcome, count in sorted(game.outcomes.items()))
        rows.append(f"{game.exhibit}  {played}, {game.rounds / game.played:.1f} rounds and "
                    f"{game.rules_adopted / game.played:.1f} rules adopted on average  ({outcomes})")
    return _section("Games played to their end", rows)


def _roleplays(summary: StatsSummary) -> list[str]:
    rows = []
    for game in summary.roleplays:
        played = plural("{n} game", "{n} games", game.played).format(n=game.played)
        modes = ", ".join(f"{mode}: {line.adopted} adopted, {line.left_open} left open"
                          for mode, line in game.modes.items())
        rows.append(f"{game.exhibit}  {played}, {game.decisions / game.played:.1f} decisions on average  ({modes})")
    return _section("Role-plays played to their end", rows)


def _wall_and_faults(summary: StatsSummary) -> list[str]:
    faults = [f"{count:>6}  {exhibit or '(outside an exhibit)'}" for exhibit, count in summary.faults.items()]
    return [f"Ideas sent to the wall: {summary.wall_ideas}", "", *_section("Faults, per exhibit", faults)]
