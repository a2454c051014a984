"""Today's numbers as the facilitator menu words them (no Kivy here).

Every visit counts once in the languages too: by the language it started in, or as
"no language chosen" when it ended at the language screen, so the rows add up to the
visits, as in ``kiosk stats`` and the report::

    language_rows(numbers)                          # [("fr", 5), ("en", 2), (None, 2)]
    visits_text(numbers, gettext, ngettext)         # "9 visits today · median length 4 min 05 s"
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
    minutes, seconds = divmod(int(numbers.median_visit_seconds), 60)
    median = gettext("median length {minutes} min {seconds} s").format(minutes=minutes, seconds=f"{seconds:02d}")
    return f"{visits} · {median}"
