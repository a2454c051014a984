"""Bar charts of poll results, drawn with Pillow for the facilitator's export (no Kivy).

One PNG per poll: the question on top, then for each option its label and a horizontal
bar as long as its share of the votes, with "12 votes · 48 %" in a column on the right::

    png = poll_chart_png("Qui fixe le prix ?", ["Le marché", "Les paysan·nes"], [3, 9])
    Path("poll-prix.png").write_bytes(png)

Text is drawn with ``media/fonts/NotoSansKiosk-*.ttf`` (Latin with accents, Greek, Cyrillic
and Arabic; Arabic lines are joined and reordered by :mod:`kiosk.render.bidi`), then with
``NotoSans-*.ttf``, then the system's DejaVu Sans. When none can be read, Pillow's built-in
font is used (it has no accents) and a warning is logged. Long labels wrap, nothing is cut
off: the image is ``WIDTH`` pixels wide and as tall as its content.
"""

from __future__ import annotations

import functools
import io
import logging
from collections.abc import Sequence
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from kiosk.render.bidi import wrap_and_shape

logger = logging.getLogger(__name__)

FONTS = Path(__file__).resolve().parents[2] / "media" / "fonts"
FONT_FILES = {
    False: ("NotoSansKiosk-Regular.ttf", "NotoSans-Regular.ttf"),
    True: ("NotoSansKiosk-Bold.ttf", "NotoSans-Bold.ttf"),
}
SYSTEM_FONTS = {False: "DejaVuSans.ttf", True: "DejaVuSans-Bold.ttf"}  # found by Pillow in /usr/share/fonts
WIDTH = 1200
MARGIN = 48
LINE = 1.35  # line height, in font sizes
TITLE_SIZE, NOTE_SIZE, LABEL_SIZE, VALUE_SIZE = 40, 26, 30, 28
BAR_HEIGHT, GAP = 40, 16
PAPER, INK, MUTED, BAR, TRACK = "#F6F1E7", "#1F1A17", "#4A423B", "#C98A0B", "#E6DCCB"


def shares(votes: Sequence[int]) -> list[float]:
    """Each option's share of the votes, in percent (all 0 when nobody voted)."""
    total = sum(votes)
    return [100 * count / total if total else 0.0 for count in votes]


def vote_label(count: int, share: float) -> str:
    """``"12 votes · 48 %"``: the same words in French and English."""
    return f"{count} vote{'' if count == 1 else 's'} · {share:.0f} %"


@functools.lru_cache(maxsize=16)
def font(size: int, bold: bool = False) -> ImageFont.FreeTypeFont:
    """The bundled Noto font, else the system's DejaVu (both have accents), else Pillow's own."""
    for candidate in (*(str(FONTS / name) for name in FONT_FILES[bold]), SYSTEM_FONTS[bold]):
        try:
            return ImageFont.truetype(candidate, size)
        except OSError as error:
            logger.warning("Cannot use the font %s for poll charts: %s", candidate, error)
    logger.warning("No usable font: poll charts use Pillow's built-in one, which has no accents")
    return ImageFont.load_default(size)


def draw_poll_chart(question: str, options: Sequence[str], votes: Sequence[int], note: str = "",
                    width: int = WIDTH) -> Image.Image:
    """The chart of one poll; ``note`` (e.g. the venue) goes under the question with the vote count."""
    canvas = _Canvas(width)
    canvas.text(question, TITLE_SIZE, bold=True)
    total = f"{sum(votes)} vote{'' if sum(votes) == 1 else 's'}"
    canvas.text(f"{note} · {total}" if note else total, NOTE_SIZE, colour=MUTED, gap=GAP)
    values = [vote_label(count, share) for count, share in zip(votes, shares(votes))]
    track = canvas.inner - GAP - max((font(VALUE_SIZE, True).getlength(v) for v in values), default=0)
    for option, share, value in zip(options, shares(votes), values):
        canvas.text(option, LABEL_SIZE, gap=4)
        canvas.bar(share, value, int(track))
    return canvas.paint()


def poll_chart_png(question: str, options: Sequence[str], votes: Sequence[int], note: str = "") -> bytes:
    """:func:`draw_poll_chart`, encoded as PNG."""
    buffer = io.BytesIO()
    draw_poll_chart(question, options, votes, note).save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


class _Canvas:
    """Collects drawing steps while measuring, then paints them on an image of the right height."""

    def __init__(self, width: int):
        self.width = width
        self.inner = width - 2 * MARGIN
        self.y = MARGIN
        self.steps: list[tuple[str, tuple, dict]] = []

    def text(self, text: str, size: int, colour: str = INK, bold: bool = False, gap: int = 8) -> None:
        """Wrapped text across the inner width; each line's baseline sits one font size below its top."""
        face = font(size, bold)
        for line in wrap_and_shape(text, self.inner, face.getlength).split("\n"):
            self.steps.append(("text", ((MARGIN, self.y + size), line), {"fill": colour, "font": face, "anchor": "ls"}))
            self.y += round(size * LINE)
        self.y += gap

    def bar(self, share: float, value: str, track: int) -> None:
        """A bar ``share`` percent of ``track`` long over a pale full-length track, ``value`` to its right."""
        top, bottom = self.y, self.y + BAR_HEIGHT
        self.steps.append(("rectangle", ((MARGIN, top, MARGIN + track, bottom),), {"fill": TRACK}))
        length = round(track * share / 100)
        if length >= 1:
            self.steps.append(("rectangle", ((MARGIN, top, MARGIN + length, bottom),), {"fill": BAR}))
        where = (MARGIN + track + GAP, top + BAR_HEIGHT // 2)
        self.steps.append(("text", (where, value), {"fill": INK, "font": font(VALUE_SIZE, True), "anchor": "lm"}))
        self.y = bottom + 2 * GAP

    def paint(self) -> Image.Image:
        image = Image.new("RGB", (self.width, self.y + MARGIN // 2), PAPER)
        draw = ImageDraw.Draw(image)
        for method, args, options in self.steps:
            getattr(draw, method)(*args, **options)
        return image
