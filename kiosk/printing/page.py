"""A printed page in the kiosk's design: its fonts embedded, its colours, its icons, text that never leaves its box.

fpdf2 draws; the kiosk wraps and shapes the words itself, as its screens do (``kiosk.render.bidi``), so
Arabic prints joined and right to left, a Latin name inside it kept whole, and every line is measured
before it is drawn::

    page = PrintPage("A5", "fr")
    page.add_page()
    used = page.words(x, y, width, "Les enclosures : …", size=18, bold=True, room=30)   # mm used
    page.qr(x, y, 28, "https://www.le-mes.org/")
    page.overflows          # [] unless a text needed more room than its box had
    page.cuts               # teasers shortened with "…" (``may_cut``), by design

No Kivy here.
"""

from __future__ import annotations

import io
from pathlib import Path

import qrcode
from fpdf import FPDF
from PIL import Image

from kiosk.charts import FONTS
from kiosk.icons import icon
from kiosk.render.bidi import has_rtl, is_rtl, shape_line, wrap_and_shape
from kiosk.render.contrast import STANDARD

LATIN, ARABIC, ICONS = "NotoSans", "NotoSansKiosk", "KioskIcons"
PT = 0.3528            # mm in a point
LEADING = 1.32         # a line's height over its font size (Arabic: the merged font's taller lines)
ARABIC_LEADING = 1.55


def rgb(hex_colour: str) -> tuple[int, int, int]:
    return tuple(int(hex_colour.lstrip("#")[i:i + 2], 16) for i in (0, 2, 4))


INK, MUTED, LINE, PAPER, ACCENT = (rgb(STANDARD[name]) for name in ("ink", "muted", "line", "paper", "accent"))
WHITE = (255, 255, 255)


def _glued(text: str) -> str:
    """French punctuation kept with its word: no line starts with "»", ":" or "?", none ends with "«"."""
    text = text.replace("« ", "«\u00a0").replace(" »", "\u00a0»")
    for mark in (":", ";", "?", "!"):
        text = text.replace(f" {mark}", f"\u00a0{mark}")
    return text


class PrintPage(FPDF):
    """An fpdf2 document with the kiosk's fonts, laid out in millimetres; ``rtl`` for a right-to-left language."""

    def __init__(self, paper: str, language: str, title: str = ""):
        super().__init__(format=paper, unit="mm")
        self.language, self.rtl = language, is_rtl(language)
        self.set_auto_page_break(False)
        self.set_margins(0, 0, 0)
        self.c_margin = 0
        for family, regular, bold in ((LATIN, "NotoSans-Regular.ttf", "NotoSans-Bold.ttf"),
                                      (ARABIC, "NotoSansKiosk-Regular.ttf", "NotoSansKiosk-Bold.ttf")):
            self.add_font(family, "", str(FONTS / regular))
            self.add_font(family, "B", str(FONTS / bold))
        self.add_font(ICONS, "", str(FONTS / "KioskIcons.ttf"))
        self.set_lang(language)
        self.set_title(title)
        self.set_creator("kiosk print (Musée du Kapitalisme kiosk)")
        self.footer_text = ""            # printed at the foot of every page, with its number
        self.overflows: list[str] = []   # text outside its box: a fault
        self.cuts: list[str] = []        # teasers shortened with "…" to fit their box, as asked

    def footer(self) -> None:
        """The document's title and the page's number at every page's foot, mirrored right to left."""
        if not self.footer_text:
            return
        width, height = self.w, self.h
        margin = 12 if width < 160 else 16
        inner = width - margin * 2
        self.rule(margin, height - margin + 1, inner)
        number = str(self.page_no())
        self.set_font(LATIN, "", 7.5)
        self.set_text_color(*MUTED)
        self.text(margin if self.rtl else width - margin - self.get_string_width(number), height - margin + 5, number)
        self.words(margin + (14 if self.rtl else 0), height - margin + 2, inner - 14, self.footer_text, size=7.5,
                   colour=MUTED, room=5, may_cut=True)

    # --- text ------------------------------------------------------------------------------
    def lines(self, text: str, width: float, size: float, bold: bool = False) -> list[str]:
        """``text`` wrapped to ``width`` mm at ``size`` pt, each line shaped as it will print (right to left
        joined and reordered)."""
        self._font_for(text, size, bold)
        measure = self.get_string_width
        if has_rtl(text):
            return wrap_and_shape(text, width, measure).split("\n")
        lines = []
        for paragraph in _glued(text).split("\n"):
            current = ""
            for word in (part for part in paragraph.split(" ") if part):
                candidate = f"{current} {word}".strip()
                if current and measure(candidate) > width:
                    lines.append(current)
                    current = word
                else:
                    current = candidate
            lines.append(current)
        return lines

    def line_height(self, text: str, size: float) -> float:
        return size * PT * (ARABIC_LEADING if has_rtl(text) else LEADING)

    def height_of(self, text: str, width: float, size: float, bold: bool = False) -> float:
        return len(self.lines(text, width, size, bold)) * self.line_height(text, size) if text else 0.0

    def words(self, x: float, y: float, width: float, text: str, size: float = 10, bold: bool = False,
              colour=INK, room: float | None = None, align: str = "", may_cut: bool = False) -> float:
        """Draw ``text`` in the box ``width`` wide from ``y`` (its top) down, at most ``room`` mm tall; the height
        used. Right-to-left text, and any text of a right-to-left document, aligns right.

        A text longer than its room is cut after its last whole line with "…" when ``may_cut`` (a teaser: a
        summary on a poster), and recorded in ``cuts``; otherwise it is recorded in ``overflows``, a fault. A line
        wider than its box (one word too long) is always an overflow."""
        if not text:
            return 0.0
        size = self._fitting(text, width, size, bold)
        lines = self.lines(text, width, size, bold)
        step = self.line_height(text, size)
        rtl = has_rtl(text)
        if room is not None and len(lines) * step > room + 0.01:
            keep = max(0, int((room + 0.01) // step))
            (self.cuts if may_cut else self.overflows).append(
                f"page {self.page_no()}: {text[:50]!r} needs {len(lines)} lines, has room for {keep}")
            lines = self._cut(text, width, size, bold, keep)
        self.set_text_color(*colour)
        side = align or ("R" if rtl or self.rtl else "L")
        self._font_for(text, size, bold)
        for number, line in enumerate(lines):
            wide = self.get_string_width(line)
            if wide > width + 0.2:
                self.overflows.append(f"page {self.page_no()}: {line[:40]!r} is {wide:.1f} mm wide in a "
                                      f"{width:.1f} mm box")
            left = x + (width - wide if side == "R" else (width - wide) / 2 if side == "C" else 0)
            baseline = y + number * step + size * PT * (1.02 if rtl else 0.98)
            self.text(left, baseline, line)
        return len(lines) * step

    def _fitting(self, text: str, width: float, size: float, bold: bool) -> float:
        """``size``, or smaller (down to 70 %) until the longest word fits the box: a German compound or a long
        address is set a little smaller rather than run out of its box."""
        smallest = size * 0.7
        self._font_for(text, size, bold)
        longest = max(_glued(text).replace("\n", " ").split(" "), key=len)
        while size > smallest and self.get_string_width(self.shaped(longest)) > width:
            size -= 0.5
            self._font_for(text, size, bold)
        return size

    def _cut(self, text: str, width: float, size: float, bold: bool, keep: int) -> list[str]:
        """The first ``keep`` lines of ``text``, the last ending with "…", every one within ``width``."""
        if keep <= 0:
            return []
        words = text.split()
        while words:
            shortened = " ".join(words) + "…"
            lines = self.lines(shortened, width, size, bold)
            if len(lines) <= keep:
                return lines
            words.pop()
        return []

    def _font_for(self, text: str, size: float, bold: bool) -> None:
        self.set_font(ARABIC if has_rtl(text) or self.rtl else LATIN, "B" if bold else "", size)

    # --- marks -----------------------------------------------------------------------------
    def icon(self, x: float, y: float, name: str, size: float, colour=INK) -> None:
        """A Lucide icon of the kiosk's set, ``size`` pt, its box's top left at (x, y)."""
        self.set_font(ICONS, "", size)
        self.set_text_color(*colour)
        self.text(x, y + size * PT * 0.86, icon(name))

    def qr(self, x: float, y: float, side: float, url: str) -> None:
        """A QR code of ``url``, ``side`` mm square with its quiet zone, dark on white."""
        code = qrcode.QRCode(border=4, box_size=8, error_correction=qrcode.constants.ERROR_CORRECT_M)
        code.add_data(url)
        code.make(fit=True)
        image = code.make_image(fill_color="#1F1A17", back_color="white").get_image().convert("RGB")
        stream = io.BytesIO()
        image.save(stream, format="PNG")
        self.image(stream, x, y, side, side)

    def picture(self, path: Path, x: float, y: float, width: float, height: float) -> float:
        """A picture as large as the box holds, its shape kept, centred across; the height it takes."""
        try:
            with Image.open(path) as opened:
                ratio = opened.height / opened.width
        except (OSError, ValueError, ZeroDivisionError):
            return 0.0
        w = min(width, height / ratio)
        self.image(str(path), x + (width - w) / 2, y, w, w * ratio)
        return w * ratio

    def band(self, x: float, y: float, width: float, height: float, colour) -> None:
        self.set_fill_color(*colour)
        self.rect(x, y, width, height, style="F")

    def rule(self, x: float, y: float, width: float, colour=LINE, thick: float = 0.3) -> None:
        self.set_draw_color(*colour)
        self.set_line_width(thick)
        self.line(x, y, x + width, y)

    def shaped(self, text: str) -> str:
        return shape_line(text) if has_rtl(text) else text
