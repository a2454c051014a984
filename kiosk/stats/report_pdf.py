"""The funder report's pages: an A4 flow with the bundled Noto Sans fonts (fpdf2), no data reading here.

:class:`ReportPdf` lays out what :mod:`kiosk.stats.report_sections` says: the front page
(title, period, venues, date, key figures, method and privacy), each chart at the full
text width with its sentence kept on the same page, and one table per poll whose shares are
the poll screen's whole percentages (:func:`kiosk.exhibit_types.poll.model.percentages`).
The PDF embeds Noto Sans (else the merged Noto Sans Kiosk), so accents and “quotes” print
as typed.
"""

from __future__ import annotations

import io
from datetime import datetime

from babel.dates import format_time
from fpdf import FPDF
from fpdf.enums import XPos, YPos
from fpdf.fonts import FontFace
from PIL import Image

from kiosk.charts import FONTS
from kiosk.exhibit_types.poll.model import percentages
from kiosk.stats.model import StatsSummary
from kiosk.stats.report_sections import PollWording, is_empty, key_figures, period_text
from kiosk.stats.report_texts import Words

FONT_FILES = (("NotoSans-Regular.ttf", "NotoSans-Bold.ttf"), ("NotoSansKiosk-Regular.ttf", "NotoSansKiosk-Bold.ttf"))
FAMILY = "NotoSans"
MARGIN, WIDTH = 18, 174                        # mm, on A4 (210 mm wide)
INK, MUTED, RULE = (0x1F, 0x1A, 0x17), (0x4A, 0x42, 0x3B), (0xB8, 0xAE, 0xA0)
LINE = 5.2                                     # mm, body line height


class ReportError(Exception):
    """The report cannot be made (e.g. no usable font, or a language without texts)."""


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
            if summary.wrong_clock_visits:
                self.ln(1.5)
                self.paragraph(words.plural("wrong_clock_n", summary.wrong_clock_visits), size=9.5, colour=MUTED)
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
