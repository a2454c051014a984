"""What the funder report says, section by section, before any page is laid out (no PDF here).

The front page's period and key figures, and each chart as (heading, PNG or None when it
has nothing to show, the sentence under it), in the order the report prints them::

    words = Words("fr")
    period_text(summary, words)                   # "du 1er mars 2025 au 30 mars 2025"
    key_figures(summary, words)                   # [("Visites", "1 215"), …]
    for heading, png, caption in chart_sections(summary, words, titles): …

The charts are drawn by :mod:`kiosk.charts`; the words come from :mod:`kiosk.stats.report_texts`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from urllib.parse import urlsplit

from kiosk import charts
from kiosk.stats.model import StatsSummary
from kiosk.stats.report_texts import Words

TOP_EXHIBITS, TOP_LINKS, TOP_QUESTIONS = 12, 10, 24


@dataclass(frozen=True)
class PollWording:
    """A poll's question and options in the report's language, from the content folder."""

    question: str
    options: tuple[str, ...]


def is_empty(summary: StatsSummary) -> bool:
    """True when nothing at all was recorded in the period."""
    return not (summary.visits or summary.exhibits or summary.qr_by_link or summary.quiz or summary.wall_ideas
                or any(sum(poll.votes.values()) for poll in summary.polls))


def period_bounds(summary: StatsSummary) -> tuple[date | None, date | None]:
    """The period's first and last day: the summary's own, else the first and last day with visits."""
    days = sorted(summary.visits_per_day)
    first = summary.since or (days[0] if days else None)
    last = summary.until or (days[-1] if days else None)
    return first, last


def period_text(summary: StatsSummary, words: Words) -> str:
    first, last = period_bounds(summary)
    if first and last:
        return words("period_range", since=words.day(first), until=words.day(last))
    if first or last:
        return words("period_since", since=words.day(first)) if first else words("period_until", until=words.day(last))
    return words("period_all")


def key_figures(summary: StatsSummary, words: Words) -> list[tuple[str, str]]:
    answered = sum(question.answered for question in summary.quiz)
    right = sum(question.right for question in summary.quiz)
    quiz = words("quiz_value", n=words.number(answered), share=words.percent(right / answered)) if answered else "0"
    median = words.duration(summary.median_visit_seconds) if summary.visits else "—"
    return [
        (words("fig_visits"), words.number(summary.visits)),
        (words("fig_days"), words.number(sum(1 for count in summary.visits_per_day.values() if count))),
        (words("fig_median"), median),
        (words("fig_opened"), words.number(sum(exhibit.opened for exhibit in summary.exhibits))),
        (words("fig_qr"), words.number(sum(summary.qr_by_link.values()))),
        (words("fig_quiz"), quiz),
        (words("fig_polls"), words.number(sum(sum(poll.votes.values()) for poll in summary.polls))),
        (words("fig_wall"), words.number(summary.wall_ideas)),
    ]


def chart_sections(summary: StatsSummary, words: Words, titles: dict[str, str]) -> list[tuple[str, bytes | None, str]]:
    """Each chart as (heading, PNG or None when empty, sentence under it)."""
    return [visits_chart(summary, words), attention_chart(summary, words, titles), languages_chart(summary, words),
            qr_chart(summary, words), quiz_chart(summary, words, titles)]


def visits_chart(summary: StatsSummary, words: Words):
    first, last = period_bounds(summary)
    if not summary.visits or not any(summary.visits_per_day.values()) or not (first and last):
        return words("visits_heading"), None, words("visits_empty")
    first, last = min(first, *summary.visits_per_day), max(last, *summary.visits_per_day)
    png = charts.day_bars_png(summary.visits_per_day, first, last, words.month, words.number)
    busiest = max(summary.visits_per_day, key=lambda day: (summary.visits_per_day[day], -day.toordinal()))
    active = sum(1 for count in summary.visits_per_day.values() if count)
    caption = words("visits_caption", day=words.day(busiest),
                    visits=words.plural("visits_n", summary.visits_per_day[busiest]),
                    mean=words.number(sum(summary.visits_per_day.values()) / active, "#,##0.#"))
    return words("visits_heading"), png, caption


def attention_chart(summary: StatsSummary, words: Words, titles: dict[str, str]):
    watched = sorted((e for e in summary.exhibits if e.total_seconds > 0), key=lambda e: -e.total_seconds)
    if not watched:
        return words("attention_heading"), None, words("attention_empty")
    rows = [charts.Row(titles.get(e.exhibit) or e.exhibit, e.total_seconds / 60, words.minutes(e.total_seconds))
            for e in watched[:TOP_EXHIBITS]]
    more = len(watched) > TOP_EXHIBITS
    caption = words("attention_top" if more else "attention_all", n=len(rows))
    return words("attention_heading"), charts.row_bars_png(rows), caption


def languages_chart(summary: StatsSummary, words: Words):
    """Every visit once: by the language it started in, and those that ended before any choice (so they add up
    to the key figure "Visits")."""
    chosen = {code: count for code, count in summary.languages.items() if count}
    if not chosen and not summary.without_language:
        return words("languages_heading"), None, words("languages_empty")
    total = sum(chosen.values()) + summary.without_language
    ranked = [(words.language(code), count) for code, count in sorted(chosen.items(), key=lambda item: -item[1])]
    if summary.without_language:
        ranked.append((words("languages_none"), summary.without_language))
    texts = [f"{words.number(count)} ({words.percent(count / total)})" for _, count in ranked]
    rows = [charts.Row(_capitalised(name), count, text) for (name, count), text in zip(ranked, texts)]
    listing = ", ".join(f"{name} {text}" for (name, _), text in zip(ranked, texts))
    caption = words("languages_caption", visits=words.plural("visits_n", total), listing=listing,
                    switches=words.number(summary.language_switches))
    if summary.access_modes:
        caption += " " + access_sentence(summary, words)
    return words("languages_heading"), charts.row_bars_png(rows), caption


def access_sentence(summary: StatsSummary, words: Words) -> str:
    """"Access modes turned on: larger text in 3 visits, high contrast in 1 visit." (visits, not toggles)."""
    listing = ", ".join(words("access_in", mode=words(f"access_{mode}") if f"access_{mode}" in words.keys() else mode,
                              visits=words.plural("visits_n", count))
                        for mode, count in summary.access_modes.items())
    return words("access_caption", listing=listing)


def qr_chart(summary: StatsSummary, words: Words):
    shown = sorted(((url, count) for url, count in summary.qr_by_link.items() if count), key=lambda item: -item[1])
    if not shown:
        return words("qr_heading"), None, words("qr_empty")
    rows = [charts.Row(short_link(url), count, words.number(count)) for url, count in shown[:TOP_LINKS]]
    caption = words("qr_top" if len(shown) > TOP_LINKS else "qr_all", n=len(rows))
    return words("qr_heading"), charts.row_bars_png(rows), caption


def quiz_chart(summary: StatsSummary, words: Words, titles: dict[str, str]):
    answered = [question for question in summary.quiz if question.answered]
    if not answered:
        return words("quiz_heading"), None, words("quiz_empty")
    kept = set(sorted(answered, key=lambda q: -q.answered)[:TOP_QUESTIONS])
    rows = [charts.Row(f"{titles.get(q.exhibit) or q.exhibit} · Q{q.question}", q.share,
                       f"{words.percent(q.share)} ({words.number(q.answered)})") for q in answered if q in kept]
    total, right = sum(q.answered for q in answered), sum(q.right for q in answered)
    caption = words("quiz_caption", share=words.percent(right / total), answers=words.plural("answers_n", total))
    if len(answered) > TOP_QUESTIONS:
        caption += " " + words("quiz_top", n=TOP_QUESTIONS)
    return words("quiz_heading"), charts.row_bars_png(rows, scale=1.0, track=True), caption


def short_link(url: str, limit: int = 48) -> str:
    """``"https://www.le-mes.org/agir/"`` → ``"le-mes.org/agir"``, cut with "…" past ``limit`` characters."""
    parts = urlsplit(url)
    text = (parts.netloc.removeprefix("www.") + parts.path.rstrip("/")) if parts.netloc else url
    return text if len(text) <= limit else text[:limit - 1] + "…"


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]
