"""Bar charts drawn with Pillow as PNG bytes (no Kivy, no PDF): poll results and the attendance report.

Three shapes, one font loader (:func:`font`), one ink:

* :func:`poll_chart_png`, for the facilitator's USB export: the question on top, then for
  each option its label and a horizontal bar as long as its share of the votes, with
  "12 votes · 48 %" in a column on the right. Shares are the whole percentages of the poll
  screen (:func:`kiosk.exhibit_types.poll.model.percentages`), so both show 34/33/33::

      png = poll_chart_png("Qui fixe le prix ?", ["Le marché", "Les paysan·nes"], [3, 9], "Plougastel")

  The image is :data:`POLL_WIDTH` pixels wide and as tall as its content; long labels wrap.
* :func:`day_bars_png`, for ``kiosk report``: one vertical bar per day of the period, a
  light scale on the left, each bar's value on top when there is room, and day numbers with
  month names below (or, for long periods, thin bars with one label per month);
* :func:`row_bars_png`, for ``kiosk report``: one horizontal bar per row, its label on the
  left (wrapped to two lines at most) and its value written at the bar's end::

      png = row_bars_png([Row("Quiz · Q1", 0.72, "72 % (134)")], scale=1.0, track=True)

  The report's charts are made to be printed, in colour or in black and white: white
  paper, one dark ochre accent (which greys to a mid grey) and a pale track, with text the
  size of the report's own (:data:`REPORT_WIDTH` pixels fill the 174 mm between the page
  margins, so 30 px ≈ 9 pt).

Text is drawn with ``media/fonts/NotoSansKiosk-*.ttf`` (Latin with accents, Greek, Cyrillic
and Arabic; Arabic lines are joined and reordered by :mod:`kiosk.render.bidi`), then with
``NotoSans-*.ttf``, then the system's DejaVu Sans. When none can be read, Pillow's built-in
font is used (it has no accents) and a warning is logged.
"""

from __future__ import annotations

import functools
import io
import logging
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from PIL import Image, ImageDraw, ImageFont

from kiosk.exhibit_types.poll.model import percentages
from kiosk.folders import FONTS
from kiosk.render.bidi import wrap_and_shape

logger = logging.getLogger(__name__)

FONT_FILES = {
    False: ("NotoSansKiosk-Regular.ttf", "NotoSans-Regular.ttf"),
    True: ("NotoSansKiosk-Bold.ttf", "NotoSans-Bold.ttf"),
}
SYSTEM_FONTS = {False: "DejaVuSans.ttf", True: "DejaVuSans-Bold.ttf"}  # found by Pillow in /usr/share/fonts
INK, MUTED, TRACK = "#1F1A17", "#4A423B", "#E6DCCB"
LABEL_SIZE, VALUE_SIZE = 30, 28

# the poll charts of the export: the kiosk's paper and ochre
POLL_WIDTH, POLL_MARGIN = 1200, 48
POLL_LINE = 1.35  # line height, in font sizes
TITLE_SIZE, NOTE_SIZE = 40, 26
POLL_BAR_HEIGHT, POLL_GAP = 40, 16
POLL_PAPER, POLL_BAR = "#F6F1E7", "#C98A0B"

# the report's charts: printed on white
REPORT_WIDTH = 1600
REPORT_PAPER, ACCENT, GRID = "#FFFFFF", "#9C6200", "#CFC6B8"
SMALL_SIZE = 24
BAR_HEIGHT, ROW_GAP, GAP = 34, 14, 14
PLOT_HEIGHT = 420
MAX_BAR = 64  # the widest a day's bar gets, for short periods
ELLIPSIS = "…"


@functools.lru_cache(maxsize=16)
def font(size: int, bold: bool = False) -> ImageFont.FreeTypeFont:
    """The bundled Noto font, else the system's DejaVu (both have accents), else Pillow's own."""
    for candidate in (*(str(FONTS / name) for name in FONT_FILES[bold]), SYSTEM_FONTS[bold]):
        try:
            return ImageFont.truetype(candidate, size)
        except OSError as error:
            logger.warning("Cannot use the font %s for charts: %s", candidate, error)
    logger.warning("No usable font: charts use Pillow's built-in one, which has no accents")
    return ImageFont.load_default(size)


def _png(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


# ---------------------------------------------------------------- poll results (the USB export)

def vote_label(count: int, share: int) -> str:
    """``"12 votes · 48 %"``: the same words in French and English."""
    return f"{count} vote{'' if count == 1 else 's'} · {share} %"


def draw_poll_chart(question: str, options: Sequence[str], votes: Sequence[int], note: str = "",
                    width: int = POLL_WIDTH) -> Image.Image:
    """The chart of one poll; ``note`` (e.g. the venue) goes under the question with the vote count."""
    canvas = _Canvas(width)
    canvas.text(question, TITLE_SIZE, bold=True)
    total = f"{sum(votes)} vote{'' if sum(votes) == 1 else 's'}"
    canvas.text(f"{note} · {total}" if note else total, NOTE_SIZE, colour=MUTED, gap=POLL_GAP)
    shares = percentages(list(votes))
    values = [vote_label(count, share) for count, share in zip(votes, shares)]
    track = canvas.inner - POLL_GAP - max((font(VALUE_SIZE, True).getlength(v) for v in values), default=0)
    for option, share, value in zip(options, shares, values):
        canvas.text(option, LABEL_SIZE, gap=4)
        canvas.bar(share, value, int(track))
    return canvas.paint()


def poll_chart_png(question: str, options: Sequence[str], votes: Sequence[int], note: str = "") -> bytes:
    """:func:`draw_poll_chart`, encoded as PNG."""
    return _png(draw_poll_chart(question, options, votes, note))


class _Canvas:
    """Collects drawing steps while measuring, then paints them on an image of the right height."""

    def __init__(self, width: int):
        self.width = width
        self.inner = width - 2 * POLL_MARGIN
        self.y = POLL_MARGIN
        self.steps: list[tuple[str, tuple, dict]] = []

    def text(self, text: str, size: int, colour: str = INK, bold: bool = False, gap: int = 8) -> None:
        """Wrapped text across the inner width; each line's baseline sits one font size below its top."""
        face = font(size, bold)
        for line in wrap_and_shape(text, self.inner, face.getlength).split("\n"):
            self.steps.append(("text", ((POLL_MARGIN, self.y + size), line),
                               {"fill": colour, "font": face, "anchor": "ls"}))
            self.y += round(size * POLL_LINE)
        self.y += gap

    def bar(self, share: float, value: str, track: int) -> None:
        """A bar ``share`` percent of ``track`` long over a pale full-length track, ``value`` to its right."""
        top, bottom = self.y, self.y + POLL_BAR_HEIGHT
        self.steps.append(("rectangle", ((POLL_MARGIN, top, POLL_MARGIN + track, bottom),), {"fill": TRACK}))
        length = round(track * share / 100)
        if length >= 1:
            self.steps.append(("rectangle", ((POLL_MARGIN, top, POLL_MARGIN + length, bottom),), {"fill": POLL_BAR}))
        where = (POLL_MARGIN + track + POLL_GAP, top + POLL_BAR_HEIGHT // 2)
        self.steps.append(("text", (where, value), {"fill": INK, "font": font(VALUE_SIZE, True), "anchor": "lm"}))
        self.y = bottom + 2 * POLL_GAP

    def paint(self) -> Image.Image:
        image = Image.new("RGB", (self.width, self.y + POLL_MARGIN // 2), POLL_PAPER)
        draw = ImageDraw.Draw(image)
        for method, args, options in self.steps:
            getattr(draw, method)(*args, **options)
        return image


# ---------------------------------------------------------------- the attendance report

@dataclass(frozen=True)
class Row:
    """One horizontal bar: what it is, how long it is (in the chart's unit) and what is written at its end."""

    label: str
    value: float
    text: str


def row_bars_png(rows: Sequence[Row], scale: float | None = None, track: bool = False,
                 width: int = REPORT_WIDTH) -> bytes:
    """Horizontal bars, longest possible = ``scale`` (default: the largest value); ``track`` draws 0–scale behind."""
    label_width = round(width * 0.38)
    value_width = max(font(VALUE_SIZE, True).getlength(row.text) for row in rows)
    bar_left, bar_right = label_width + GAP, width - 2 * GAP - value_width
    top = max((row.value for row in rows), default=0) if scale is None else scale
    labels = [_two_lines(row.label, label_width - GAP) for row in rows]
    line_height = round(LABEL_SIZE * 1.3)
    heights = [max(BAR_HEIGHT, len(lines) * line_height) + ROW_GAP for lines in labels]
    image = Image.new("RGB", (width, sum(heights) + ROW_GAP), REPORT_PAPER)
    draw = ImageDraw.Draw(image)
    y = ROW_GAP // 2
    for row, lines, height in zip(rows, labels, heights):
        middle = y + (height - ROW_GAP) / 2
        first = middle - (len(lines) - 1) * line_height / 2
        for index, line in enumerate(lines):
            draw.text((0, first + index * line_height), line, fill=INK, font=font(LABEL_SIZE), anchor="lm")
        bar_top, bar_bottom = middle - BAR_HEIGHT / 2, middle + BAR_HEIGHT / 2
        if track:
            draw.rectangle((bar_left, bar_top, bar_right, bar_bottom), fill=TRACK)
        length = (bar_right - bar_left) * min(row.value / top, 1.0) if top else 0
        if length >= 1:
            draw.rectangle((bar_left, bar_top, bar_left + length, bar_bottom), fill=ACCENT)
        end = bar_right if track else bar_left + length
        draw.text((end + GAP, middle), row.text, fill=INK, font=font(VALUE_SIZE, True), anchor="lm")
        y += height
    return _png(image)


def day_bars_png(per_day: dict[date, int], first: date, last: date, month_name: Callable[[date, bool], str],
                 number: Callable[[int], str] = str, width: int = REPORT_WIDTH) -> bytes:
    """Visits per day from ``first`` to ``last`` (missing days count 0).

    ``month_name(day, with_year)`` names a month in the report's language ("mars 2025");
    ``number`` writes the scale's numbers ("1 500").
    """
    days = [first + timedelta(days=n) for n in range((last - first).days + 1)]
    counts = [per_day.get(day, 0) for day in days]
    step = _nice_step(max(counts, default=0))
    scale = max(step * math.ceil(max(counts, default=0) / step), step)
    gutter = round(font(SMALL_SIZE).getlength(number(scale))) + GAP
    base = SMALL_SIZE + GAP + PLOT_HEIGHT             # room above for the values written on top of the bars
    by_day = (width - gutter) / len(days) >= font(SMALL_SIZE).getlength("00") + 8
    image = Image.new("RGB", (width, base + (3 if by_day else 2) * LABEL_SIZE + 2 * GAP), REPORT_PAPER)
    plot = _DayPlot(ImageDraw.Draw(image), gutter, width - gutter, base, scale, len(days))
    plot.scale_lines(step, number)
    plot.bars(counts)
    if by_day:
        plot.day_numbers(days)
        plot.month_names(days, month_name, row=2, every=0)
    else:
        widest = max(font(LABEL_SIZE).getlength(month_name(date(2000, m, 1), m == 1)) for m in range(1, 13))
        every = next((k for k in (1, 2, 3, 4, 6) if k * 30.4 * plot.slot >= widest + GAP), 12)
        plot.month_names(days, month_name, row=1, every=every)
    return _png(image)


class _DayPlot:
    """The drawing steps of :func:`day_bars_png`, over a plot ``width`` pixels wide standing on ``base``."""

    def __init__(self, draw: ImageDraw.ImageDraw, left: int, width: int, base: int, scale: int, count: int):
        self.draw, self.left, self.width, self.base, self.scale = draw, left, width, base, scale
        self.slot = width / count

    def x(self, index: int) -> float:
        return self.left + index * self.slot

    def scale_lines(self, step: int, number: Callable[[int], str]) -> None:
        for value in range(0, self.scale + 1, step):
            y = self.base - PLOT_HEIGHT * value / self.scale
            self.draw.line((self.left, y, self.left + self.width, y), fill=INK if value == 0 else GRID, width=2)
            self.draw.text((self.left - GAP, y), number(value), fill=MUTED, font=font(SMALL_SIZE), anchor="rm")

    def bars(self, counts: Sequence[int]) -> None:
        thickness = min(self.slot * 0.7, MAX_BAR) if self.slot >= 4 else self.slot
        show_values = self.slot >= font(SMALL_SIZE, True).getlength(str(max(counts, default=0))) + 4
        for index, count in enumerate(counts):
            if not count:
                continue
            middle = self.x(index) + self.slot / 2
            top = self.base - PLOT_HEIGHT * count / self.scale
            self.draw.rectangle((middle - thickness / 2, top, middle + thickness / 2 - 1, self.base - 1), fill=ACCENT)
            if show_values:
                self.draw.text((middle, top - 4), str(count), fill=INK, font=font(SMALL_SIZE, True), anchor="ms")

    def day_numbers(self, days: Sequence[date]) -> None:
        every = math.ceil((font(SMALL_SIZE).getlength("00") + 8) / self.slot)
        for index, day in enumerate(days):
            if index % every == 0:
                middle = self.x(index) + self.slot / 2
                self.draw.text((middle, self.base + 8), str(day.day), fill=MUTED, font=font(SMALL_SIZE), anchor="ma")

    def month_names(self, days: Sequence[date], month_name, row: int, every: int) -> None:
        """A tick at each month's first day, with the name of every ``every``-th month (0: every month,
        no tick on the first day shown), January's and the first day's with the year; names never overlap."""
        y = self.base + 8 + (row - 1) * round(LABEL_SIZE * 1.3)
        free_from = -1.0
        for index, day in enumerate(days):
            if index and day.day != 1:
                continue
            x = self.x(index)
            if every or index:
                self.draw.line((x, self.base, x, self.base + 6 + (row - 1) * LABEL_SIZE), fill=INK, width=2)
            if index and every and (day.month - 1) % every:
                continue
            text = month_name(day, index == 0 or day.month == 1)
            end = x + 4 + font(LABEL_SIZE).getlength(text)
            if x >= free_from and end <= self.left + self.width:
                self.draw.text((x + 4, y), text, fill=INK, font=font(LABEL_SIZE), anchor="la")
                free_from = end + GAP


def _nice_step(largest: int) -> int:
    """A round step (1, 2, 5, 10, 20, 50 …) giving at most four scale lines above zero."""
    for magnitude in (10 ** n for n in range(10)):
        for step in (magnitude, 2 * magnitude, 5 * magnitude):
            if largest <= 4 * step:
                return step
    return 10 ** 10


def _two_lines(label: str, width: float) -> list[str]:
    """``label`` wrapped to ``width`` pixels on two lines at most, shortened with "…" when longer."""
    measure = font(LABEL_SIZE).getlength
    text = label
    while True:
        lines = wrap_and_shape(text, width, measure).split("\n")
        if (len(lines) <= 2 and all(measure(line) <= width for line in lines)) or len(text) <= 2:
            return lines
        shorter = text.removesuffix(ELLIPSIS)
        shorter = shorter.rsplit(" ", 1)[0] if len(lines) > 2 and " " in shorter else shorter[:-1]
        text = shorter.rstrip() + ELLIPSIS
