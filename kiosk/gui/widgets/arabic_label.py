"""BidiLabel: a wrapping paragraph label that shows right-to-left text correctly.

Set :attr:`BidiLabel.logical_text` (the text as typed, never ``text``) and
``base_direction``. For ``'rtl'`` the label wraps the logical text itself, with the real
font metrics, at every change of width, padding, font or text, then shapes each line
(:func:`kiosk.render.bidi.wrap_and_shape`). Kivy's own wrapping would otherwise run
*after* reordering and put the last line first. Any other direction passes the text
through unchanged and lets Kivy wrap it.

The label manages ``text_size`` (its width, unbounded height). Keep ``halign`` at its
default ``'auto'``: Kivy then aligns ``rtl`` lines to the right and the others to the
left, while ``'center'`` still centres headings in both directions. The font needs
Arabic presentation forms *and* Latin letters, for words like "AMAP" inside Arabic
text: use ``media/fonts/NotoSansKiosk-Regular.ttf`` (built by ``tools/make_fonts.py``).
Markup (``markup: True``) is not supported in right-to-left text: its tags are dropped
there (bold words show plain), never drawn as text.

Example, in kv::

    #:import is_rtl kiosk.render.bidi.is_rtl

    BidiLabel:
        logical_text: "تأسست أول جمعية سنة 2001 في فرنسا"
        base_direction: "rtl" if is_rtl(app.language) else "ltr"
        font_name: "media/fonts/NotoSansKiosk-Regular.ttf"
        font_size: "28sp"
        size_hint_y: None
        height: self.texture_size[1]
"""

from __future__ import annotations

from kivy.clock import Clock
from kivy.core.text import Label as CoreLabel
from kivy.properties import NumericProperty, StringProperty
from kivy.uix.label import Label
from kivy.utils import escape_markup

from kiosk.render.bidi import shape_line, strip_markup, wrap_and_shape
from kiosk.render.typography import cut_to_lines

#: The Label properties that change how wide a piece of text is drawn.
MEASURED_PROPERTIES = ("font_name", "font_size", "bold", "italic", "font_hinting",
                       "font_kerning", "font_script_name", "font_direction")
RTL_DIRECTIONS = ("rtl", "weak_rtl")


class BidiLabel(Label):
    """A Label that wraps and shapes right-to-left text before Kivy draws it."""

    logical_text = StringProperty("")
    """The text in logical (typed) order; ``text`` is derived from it."""

    line_limit = NumericProperty(0)
    """At most this many lines (0: no limit), the last one ending with "…" when text is left out.

    Use it rather than Kivy's ``max_lines``, which does not count the lines this label wraps itself.
    """

    def __init__(self, **kwargs):
        self._trigger_rewrap = Clock.create_trigger(self.rewrap, -1)
        super().__init__(**kwargs)
        for name in ("logical_text", "width", "padding", "base_direction", "line_limit",
                     *MEASURED_PROPERTIES):
            self.fbind(name, self._trigger_rewrap)
        self._trigger_rewrap()

    @property
    def is_rtl(self) -> bool:
        return self.base_direction in RTL_DIRECTIONS

    def rewrap(self, *_args) -> None:
        """Recompute ``text`` (and ``text_size``) from ``logical_text`` now."""
        self.text_size = (self.width, None)
        if not self.is_rtl:
            # Kivy's max_lines does not cut a label whose height follows its text: cut it here
            # (text with markup keeps max_lines: its tags would be measured as letters)
            text, self.max_lines = self.logical_text, 0
            if self.line_limit and self.width > 10:
                if self.markup and strip_markup(text) != text:
                    self.max_lines = int(self.line_limit)
                else:
                    width = self.width - self.padding[0] - self.padding[2]
                    text = cut_to_lines(text, width, self.measurer(), int(self.line_limit))
            self.text = text
            return
        self.max_lines = 0
        text_width = self.width - self.padding[0] - self.padding[2]
        logical = strip_markup(self.logical_text) if self.markup else self.logical_text
        measure = self.measurer()
        shaped = wrap_and_shape(logical, text_width, measure)
        lines = shaped.split("\n")
        if self.line_limit and len(lines) > self.line_limit:
            lines = lines[:int(self.line_limit)]
            last = lines[-1]
            # the "…" goes at the left, where a right-to-left line ends; the line's last words
            # (drawn leftmost) make room for it, so the line does not wrap again
            while measure("…" + last) > text_width and " " in last:
                last = last.split(" ", 1)[1]
            lines[-1] = "…" + last
            shaped = "\n".join(lines)
        self.text = escape_markup(shaped) if self.markup else shaped

    def measurer(self):
        """A function giving the width in pixels of a line drawn in this label's font."""
        core = CoreLabel(**{name: getattr(self, name) for name in MEASURED_PROPERTIES})
        return lambda line: core.get_extents(line)[0]


def text_width(text: str, font: str, size: float, bold: bool = False) -> float:
    """How wide ``text`` is drawn on one line (shaped first, when it is Arabic)."""
    line = shape_line(text)
    return CoreLabel(text=line, font_name=font, font_size=size, bold=bold).get_extents(line)[0]


def fit_address(address: str, width: float, size: float) -> tuple[str, float]:
    """``address`` and its font size for a line of ``width`` px at ``size``: as it is; else set smaller,
    down to 75 %; else also broken in two, before its path or its last dot ("associations-citoyennes" /
    ".net"). Never cut with "…": a cut address cannot be typed."""
    natural = text_width(address, "Kiosk", size) * 1.1     # Kivy shortens a line that comes within ~5 % of its width
    if width <= 1 or natural <= width:
        return address, size
    if natural * 0.75 <= width:
        return address, size * width / natural
    at = address.find("/") if "/" in address else address.rfind(".")
    if at <= 0:
        return address, size * 0.75
    lines = address[:at], address[at:]
    widest = max(text_width(line, "Kiosk", size) for line in lines) * 1.1
    return "\n".join(lines), size * max(0.75, min(1.0, width / widest))
