"""The attendance report for funders: ``kiosk report --out report.pdf``, a PDF in French or English.

::

    summary = summarize(data_dir() / "stats.db", since=date(2025, 3, 1), venue=None)
    pages = write_report(summary, Path("report.pdf"), lang="fr", titles={"alternatives-amap": "AMAP : …"})

Page 1 holds the title, the period, the venues, the date the report was made, the key
figures and a note on method and privacy. The charts follow (:mod:`kiosk.charts`:
visits per day, exhibits by attention, languages, QR hand-offs per link, quiz success per
question), each with a sentence that says what it shows in words, then one table per poll.
A chart with nothing to show is replaced by one sentence. A period without any record
gives a single page that says so.

Every text of the report, in both languages, is in :data:`TEXTS` (these are not kiosk UI
strings, so they are not in the gettext catalogues). The PDF embeds the bundled Noto Sans
fonts, so accents and “quotes” print as typed, and it is written atomically.
"""

from __future__ import annotations

import io
import logging
import sys
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from urllib.parse import urlsplit

from babel import Locale, UnknownLocaleError
from babel.dates import format_date, format_time
from babel.numbers import format_decimal, format_percent
from fpdf import FPDF
from fpdf.enums import XPos, YPos
from fpdf.fonts import FontFace
from PIL import Image

from kiosk import charts
from kiosk.exhibit_types.poll.model import percentages
from kiosk.files import write_atomic
from kiosk.stats.model import StatsSummary

logger = logging.getLogger(__name__)

FONTS = Path(__file__).resolve().parents[2] / "media" / "fonts"
FONT_FILES = (("NotoSans-Regular.ttf", "NotoSans-Bold.ttf"), ("NotoSansKiosk-Regular.ttf", "NotoSansKiosk-Bold.ttf"))
FAMILY = "NotoSans"
TOP_EXHIBITS, TOP_LINKS, TOP_QUESTIONS = 12, 10, 24
MARGIN, WIDTH = 18, 174                        # mm, on A4 (210 mm wide)
INK, MUTED, RULE = (0x1F, 0x1A, 0x17), (0x4A, 0x42, 0x3B), (0xB8, 0xAE, 0xA0)
LINE = 5.2                                     # mm, body line height

from kiosk.stats.report_texts import LOCALES, TEXTS  # noqa: E402  (the words of both languages)


class ReportError(Exception):
    """The report cannot be made (e.g. no usable font, or a language without texts)."""


@dataclass(frozen=True)
class PollWording:
    """A poll's question and options in the report's language, from the content folder."""

    question: str
    options: tuple[str, ...]


def write_report(summary: StatsSummary, out: Path, lang: str = "fr", titles: dict[str, str] | None = None,
                 polls: dict[str, PollWording] | None = None, made: datetime | None = None) -> int:
    """Write the report to ``out`` (atomically) and return its number of pages.

    ``titles`` maps exhibit ids to titles (ids are shown without it); ``polls`` gives each
    poll's wording (else "Option 1", "Option 2"…); ``made`` defaults to now.
    """
    pdf = build_report(summary, lang, titles or {}, polls or {}, made or datetime.now().astimezone())
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(out, bytes(pdf.output()))
    return pdf.pages_count


def build_report(summary: StatsSummary, lang: str, titles: dict[str, str], polls: dict[str, PollWording],
                 made: datetime) -> FPDF:
    if lang not in TEXTS:
        raise ReportError(f"no report texts in '{lang}': choose {' or '.join(TEXTS)}")
    words = Words(lang)
    pdf = ReportPdf(words)
    pdf.front_page(summary, made)
    if not is_empty(summary):
        pdf.add_page()
        for section in chart_sections(summary, words, titles):
            pdf.chart(*section)
        pdf.poll_tables(summary, titles, polls)
    return pdf


def is_empty(summary: StatsSummary) -> bool:
    """True when nothing at all was recorded in the period."""
    return not (summary.visits or summary.exhibits or summary.qr_by_link or summary.quiz or summary.wall_ideas
                or any(sum(poll.votes.values()) for poll in summary.polls))


class Words:
    """The report's texts, numbers and dates in one language."""

    def __init__(self, lang: str):
        self.lang, self.locale = lang, LOCALES[lang]

    def __call__(self, key: str, **values) -> str:
        return TEXTS[self.lang][key].format(**values)

    def plural(self, key: str, count: int) -> str:
        """``"12 visites"``: the singular is used for 0 and 1 in French, for 1 only in English."""
        one, many = TEXTS[self.lang][key]
        single = count <= 1 if self.lang == "fr" else count == 1
        return (one if single else many).format(n=self.number(count))

    def number(self, value: float, pattern: str = "#,##0") -> str:
        return format_decimal(value, format=pattern, locale=self.locale)

    def percent(self, share: float) -> str:
        return format_percent(share, locale=self.locale)

    def day(self, day: date) -> str:
        text = format_date(day, "long", locale=self.locale)
        return "1er" + text[1:] if self.lang == "fr" and day.day == 1 else text

    def month(self, day: date, with_year: bool) -> str:
        return format_date(day, "LLL y" if with_year else "LLL", locale=self.locale)

    def duration(self, seconds: float) -> str:
        """``"4 min 05 s"``, ``"1 h 02 min"`` or ``"42 s"``."""
        hours, rest = divmod(round(seconds), 3600)
        minutes, seconds = divmod(rest, 60)
        if hours:
            return f"{hours} h {minutes:02d} min"
        return f"{minutes} min {seconds:02d} s" if minutes else f"{seconds} s"

    def minutes(self, seconds: float) -> str:
        minutes = seconds / 60
        return f"{self.number(minutes, '#,##0.0' if minutes < 10 else '#,##0')} min"

    def language(self, code: str) -> str:
        """The language's name in the report's language ("anglais"), or its code when Babel has none."""
        try:
            return Locale.parse(code.replace("-", "_")).get_display_name(self.locale) or code
        except (ValueError, UnknownLocaleError):
            return code or "?"


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
    chosen = {code: count for code, count in summary.languages.items() if count}
    if not chosen:
        return words("languages_heading"), None, words("languages_empty")
    total = sum(chosen.values())
    ranked = sorted(chosen.items(), key=lambda item: -item[1])
    texts = [f"{words.number(count)} ({words.percent(count / total)})" for _, count in ranked]
    rows = [charts.Row(_capitalised(words.language(code)), count, text) for (code, count), text in zip(ranked, texts)]
    listing = ", ".join(f"{words.language(code)} {text}" for (code, _), text in zip(ranked, texts))
    caption = words("languages_caption", listing=listing, switches=words.number(summary.language_switches))
    return words("languages_heading"), charts.row_bars_png(rows), caption


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


class ReportPdf(FPDF):
    """An A4 page flow with the report's fonts, headings, key-value lines and keep-together blocks."""

    def __init__(self, words: Words):
        super().__init__(format="A4")
        self.words = words
        self.set_margins(MARGIN, MARGIN, MARGIN)
        self.set_auto_page_break(True, margin=MARGIN)
        self.c_margin = 0  # text starts at the margin, as the charts' labels do
        _add_fonts(self)
        self.set_lang(words.lang)
        self.set_title(words("title"))
        self.set_author(words("author"))
        self.set_creator("kiosk report (Musée du Kapitalisme kiosk)")
        self.set_text_color(*INK)

    def footer(self) -> None:
        self.set_y(-MARGIN + 6)
        self.set_font(FAMILY, "", 8)
        self.set_text_color(*MUTED)
        self.cell(0, 4, f"{self.words('footer')} · {self.page_no()}/{{nb}}", align="C")
        self.set_text_color(*INK)

    def front_page(self, summary: StatsSummary, made: datetime) -> None:
        words = self.words
        self.add_page()
        self.set_font(FAMILY, "B", 19)
        self.multi_cell(WIDTH, 8.5, words("title"), align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.paragraph(words("subtitle"), size=10, colour=MUTED)
        self.ln(3)
        self.key_line(words("period"), period_text(summary, words))
        venues = [summary.venue] if summary.venue else summary.venues
        self.key_line(words("venues" if len(venues) > 1 else "venue"), ", ".join(venues) or words("venue_unset"))
        when = words("made", date=words.day(made.date()), time=format_time(made, "short", locale=words.locale))
        self.key_line(words("made_label"), when)
        self.heading(words("figures_heading"))
        if is_empty(summary):
            self.paragraph(words("nothing"), style="B")
        else:
            self.figures(key_figures(summary, words))
        self.heading(words("method_heading"))
        for paragraph in words("method").split("\n"):
            self.paragraph(paragraph, size=9.5, after=1.5)

    def heading(self, text: str, size: float = 13, before: float = 5) -> None:
        self.ln(before)
        self.set_font(FAMILY, "B", size)
        self.multi_cell(WIDTH, size * 0.5, text, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.ln(1.5)

    def paragraph(self, text: str, size: float = 10.5, style: str = "", colour=INK, after: float = 0) -> None:
        self.set_font(FAMILY, style, size)
        self.set_text_color(*colour)
        self.multi_cell(WIDTH, size * 0.5, text, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.set_text_color(*INK)
        self.ln(after)

    def key_line(self, label: str, value: str) -> None:
        self.set_font(FAMILY, "B", 10.5)
        label = self.words("label", label=label)
        width = self.get_string_width(label) + 1.5
        self.cell(width, LINE, label)
        self.set_font(FAMILY, "", 10.5)
        self.multi_cell(WIDTH - width, LINE, value, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)

    def figures(self, rows: list[tuple[str, str]]) -> None:
        self.set_font(FAMILY, "", 10.5)
        self.set_draw_color(*RULE)
        with self.table(width=WIDTH, col_widths=(3, 2), text_align=("LEFT", "RIGHT"), first_row_as_headings=False,
                        borders_layout="HORIZONTAL_LINES", line_height=6.5, padding=(0.6, 1)) as table:
            for row in rows:
                table.row(row)

    def keep_room(self, height: float) -> None:
        """Start a new page unless ``height`` mm still fit on this one."""
        if self.get_y() + height > self.page_break_trigger:
            self.add_page()

    def text_height(self, text: str, size: float) -> float:
        self.set_font(FAMILY, "", size)
        return self.multi_cell(WIDTH, size * 0.5, text, dry_run=True, output="HEIGHT")

    def chart(self, heading: str, png: bytes | None, caption: str) -> None:
        """A heading, the chart at the full text width and its sentence, kept on one page."""
        height = 0.0
        if png:
            pixels_wide, pixels_high = Image.open(io.BytesIO(png)).size
            height = WIDTH * pixels_high / pixels_wide
        self.keep_room(13 + height + self.text_height(caption, 9.5) + 3)
        self.heading(heading, before=4)
        if png:
            self.image(io.BytesIO(png), x=MARGIN, w=WIDTH, alt_text=caption)
            self.ln(1.5)
        self.paragraph(caption, size=9.5, colour=MUTED if png else INK, after=3)

    def poll_tables(self, summary: StatsSummary, titles: dict[str, str], wordings: dict[str, PollWording]) -> None:
        words = self.words
        voted = [poll for poll in summary.polls if sum(poll.votes.values())]
        self.keep_room(13 + (30 if voted else 8))
        self.heading(words("polls_heading"), before=4)
        if not voted:
            self.paragraph(words("polls_empty"))
        for poll in voted:
            wording = wordings.get(poll.exhibit)
            options = max(len(wording.options) if wording else 0, max(poll.votes))
            counts = [poll.votes.get(number, 0) for number in range(1, options + 1)]
            names = [wording.options[n - 1] if wording and n <= len(wording.options) else words("option_n", n=n)
                     for n in range(1, options + 1)]
            question = wording.question if wording else titles.get(poll.exhibit) or poll.exhibit
            self.keep_room(14 + 6.5 * (options + 1))
            self.heading(question, size=11, before=2)
            votes = words.plural("votes_n", sum(counts))
            self.paragraph(f"{titles.get(poll.exhibit) or poll.exhibit} · {votes}" if wording else votes,
                           size=9.5, colour=MUTED, after=1)
            self.poll_table(names, counts)

    def poll_table(self, names: list[str], counts: list[int]) -> None:
        words = self.words
        self.set_font(FAMILY, "", 10)
        self.set_draw_color(*RULE)
        with self.table(width=WIDTH, col_widths=(6, 1.2, 1.2), text_align=("LEFT", "RIGHT", "RIGHT"),
                        borders_layout="HORIZONTAL_LINES", line_height=6, padding=(0.5, 1),
                        headings_style=FontFace(family=FAMILY, emphasis="BOLD", color=INK)) as table:
            table.row((words("col_option"), words("col_votes"), words("col_share")))
            for name, count, share in zip(names, counts, percentages(counts)):
                table.row((name, words.number(count), words.percent(share / 100)))


def _add_fonts(pdf: FPDF) -> None:
    """Embed Noto Sans (else the merged Noto Sans Kiosk); bold is the regular face when no bold file exists."""
    for regular, bold in FONT_FILES:
        if (FONTS / regular).is_file():
            pdf.add_font(FAMILY, "", str(FONTS / regular))
            pdf.add_font(FAMILY, "B", str(FONTS / (bold if (FONTS / bold).is_file() else regular)))
            return
    raise ReportError(f"no font to embed: {' or '.join(r for r, _ in FONT_FILES)} is missing from {FONTS}")


def content_wording(root: Path, lang: str) -> tuple[dict[str, str], dict[str, PollWording]]:
    """Exhibit titles and poll wordings in ``lang`` (falling back to the collection's default language)."""
    from kiosk.content.loader import load_content

    content = load_content(root)
    if not content.exhibits:
        logger.warning("No exhibit could be read from %s: the report names exhibits by their ids", root)
    fallbacks = (content.collection.languages.default if content.collection else "fr", "fr", "en")
    titles = {m.id: m.title.get(lang, fallbacks) for m in content.exhibits}
    polls = {m.id: PollWording(m.details.question.get(lang, fallbacks),
                               tuple(option.get(lang, fallbacks) for option in m.details.options))
             for m in content.exhibits if m.type == "poll"}
    return titles, polls


def summarize(db: Path, since: date | None, venue: str | None) -> StatsSummary:
    """The store's summary (a seam: the report's tests give their own summary, with no database)."""
    from kiosk.stats.query import summarize as read_summary

    return read_summary(db, since=since, venue=venue)


def cmd_report(args) -> int:
    """``kiosk report --out FILE.pdf [--lang fr|en] [--since YYYY-MM-DD] [--venue V] [--db PATH]``."""
    from kiosk.folders import default_content_path
    from kiosk.stats.store import StatsError, default_stats_path

    db = Path(args.db) if args.db else default_stats_path()
    if not db.is_file():
        print(f"kiosk report: there is no statistics file at {db}: the kiosk creates it when it runs; "
              "on another computer, give the file with --db PATH", file=sys.stderr)
        return 1
    try:
        summary = summarize(db, args.since, args.venue)
    except StatsError as exc:
        print(f"kiosk report: {exc}", file=sys.stderr)
        return 1
    logging.getLogger("kiosk.content").setLevel(logging.ERROR)  # a faulty exhibit only loses its title here
    titles, polls = content_wording(default_content_path(), args.lang)
    try:
        pages = write_report(summary, args.out, args.lang, titles, polls)
    except (OSError, ReportError) as exc:
        print(f"kiosk report: cannot write {args.out}: {exc}", file=sys.stderr)
        return 1
    first, last = period_bounds(summary)
    period = f"{first} to {last}" if first and last else \
        " ".join(f"{word} {day}" for word, day in (("from", first), ("until", last)) if day) or "no dated visit"
    print(f"{args.out}: {pages} page{'s' if pages > 1 else ''}, {period}")
    return 0
