"""Today's numbers as the facilitator menu words them (no Kivy here).

Every visit counts once in the languages too: by the language it started in, or as
"no language chosen" when it ended at the language screen, so the rows add up to the
visits, as in ``kiosk stats`` and the report::

    language_rows(numbers)                          # [("fr", 5), ("en", 2), (None, 2)]
    visits_text(numbers, gettext, ngettext)         # "9 visits today · median length 4 min 05 s"
    duration_text(45, gettext)                      # "45 s"; 150 → "2 min 30 s"; 1500 → "25 min"

The median counts only the visits that have ended (an idle reset ends one): while none has, the
line gives the visits alone rather than a median of nothing.
"""

from __future__ import annotations


def language_rows(numbers) -> list[tuple[str | None, int]]:
    """(language code, visits) most first, then (None, visits without a language) when there are any."""
    rows: list[tuple[str | None, int]] = [(code, count) for code, count in numbers.languages.items() if count]
    if numbers.without_language:
        rows.append((None, numbers.without_language))
    return rows


def visits_text(numbers, gettext, ngettext) -> str:
    visits = ngettext("{count} visit today", "{count} visits today", numbers.visits).format(count=numbers.visits)
    if not numbers.ended_visits:
        return visits
    minutes, seconds = divmod(int(round(numbers.median_visit_seconds)), 60)
    if minutes:
        median = gettext("median length {minutes} min {seconds} s").format(minutes=minutes, seconds=f"{seconds:02d}")
    else:
        median = gettext("median length {seconds} s").format(seconds=seconds)
    return f"{visits} · {median}"


def duration_text(seconds: float, gettext) -> str:
    """A time spent, as a facilitator reads it at a glance: seconds, then minutes and seconds, then minutes."""
    minutes, rest = divmod(int(round(seconds)), 60)
    if not minutes:
        return gettext("{seconds} s").format(seconds=rest)
    if minutes < 10:
        return gettext("{minutes} min {seconds} s").format(minutes=minutes, seconds=f"{rest:02d}")
    return gettext("{minutes} min").format(minutes=minutes)
