"""The kiosk's look: colours, fonts and sizes that follow the window.

Sizes scale with the shorter side of the window (1080 px = 1.0), so a title stays
readable from 2 m and body text from 50 cm at 1920×1080, 1280×800 and 1080×1920 alike.
Touch targets never go below 48 dp. In kv: ``font_size: app.theme.body``.
"""

from __future__ import annotations

import functools

from kivy.core.text import LabelBase
from kivy.core.window import Window
from kivy.event import EventDispatcher
from kivy.metrics import dp
from kivy.properties import BooleanProperty, ListProperty, NumericProperty, StringProperty
from kivy.utils import get_color_from_hex

from kiosk.folders import FONTS
from kiosk.icons import FONT_FILE as ICON_FONT
from kiosk.render.bidi import is_rtl
from kiosk.render.contrast import HIGH_CONTRAST, PALETTES, ROOM_RATIO, STANDARD, deepened
from kiosk.visit.access import Mounting

PAPER = STANDARD["paper"]
INK = STANDARD["ink"]
MUTED = STANDARD["muted"]
ACCENT = STANDARD["accent"]
SURFACE = STANDARD["surface"]     # cards and panels on the paper
LINE = STANDARD["line"]           # hairlines and quiet outlines
SUCCESS = STANDARD["success"]     # right answer (always with an icon and a word)
DANGER = STANDARD["danger"]       # wrong answer, errors (always with an icon and a word)
#: The step from one line of a title or heading to the next in the merged Arabic font, in font sizes.
#: Body text keeps the font's own line (1.57 em, tools/make_fonts.py), which a paragraph of Arabic
#: needs; a heading set on it looked double-spaced. Noto Sans' own line (about 1.37) is left alone.
ARABIC_HEADING_LINE = 1.3
TIGHT_ROLES = ("title", "heading")


def rgba(hex_colour: str, alpha: float = 1.0) -> list[float]:
    colour = get_color_from_hex(hex_colour)
    colour[3] = alpha
    return colour


def mix(colour, base, amount: float) -> list[float]:
    """``amount`` of ``colour`` over ``base``, opaque (a light tint of a room's colour on white)."""
    return [c * amount + b * (1 - amount) for c, b in zip(colour[:3], base[:3])] + [1]


def glide(widget, duration: float, **properties) -> None:
    """Move ``widget``'s ``properties`` to their values in ``duration`` seconds (out_quad), or at once in the
    reduced-motion access mode (docs/design.md, "Motion"). A glide of the same properties still running stops."""
    from kivy.animation import Animation
    from kivy.app import App

    Animation.cancel_all(widget, *properties)
    app = App.get_running_app()
    if app is not None and getattr(app.theme, "reduced_motion", False):
        for name, value in properties.items():
            setattr(widget, name, value)
        return
    Animation(d=duration, t="out_quad", **properties).start(widget)


def register_fonts() -> None:
    """Register 'Kiosk' (Noto Sans) and 'KioskArabic' (Noto Sans merged with Noto Sans Arabic).

    The merged font also draws the Latin words and digits inside Arabic text; Noto Sans
    keeps the tighter line spacing for the other languages (media/fonts/README.md).
    """
    LabelBase.register("Kiosk", str(FONTS / "NotoSans-Regular.ttf"), fn_bold=str(FONTS / "NotoSans-Bold.ttf"))
    LabelBase.register("KioskArabic", str(FONTS / "NotoSansKiosk-Regular.ttf"),
                       fn_bold=str(FONTS / "NotoSansKiosk-Bold.ttf"))
    LabelBase.register("Icons", str(FONTS / ICON_FONT))


def _patch_sdl2_text(method) -> None:
    """Put ``method`` in place of the SDL2 text provider's method of that name (once; no other provider)."""
    try:
        from kivy.core.text.text_sdl2 import LabelSDL2
    except ImportError:   # another text provider
        return
    if getattr(LabelSDL2, method.__name__) is not method:
        setattr(LabelSDL2, method.__name__, method)


def _render_end(self):
    """Kivy's SDL2 text provider keeps the surface each label's text was drawn on for as long as the label
    lives, beside the texture made from it: a second copy of every text's pixels (10 MiB held after one tour
    of the bundled exhibition, measured with heaptrack). Its pygame provider lets its surface go once the
    pixels are read (``del self._pygame_surface``); here the SDL2 one does the same."""
    data = self._surface.get_data()   # a copy of the pixels, which becomes the texture
    self._surface = None
    return data


_render_end.lets_go = True


def _get_font_id(self):
    """Kivy's SDL2 text provider opens a font (a FreeType face and its glyph cache) for each
    ``font_size`` it is given, as written: 22, 22.0 and 22.4 are three fonts, though SDL_ttf opens
    all three at 22 points (it takes whole points). Sizes scaled by a factor (a heading set 0.9×, a tab
    title fitted to its width) opened 115 fonts over a tour in two languages, past the provider's 64,
    which it then closed and opened again. Here a font is known by the size SDL_ttf opens it at."""
    options = self.options
    return "|".join([str(int(options["font_size"]))] + [str(options[name]) for name in (
        "font_name_r", "bold", "italic", "underline", "strikethrough")])


def keep_no_text_surfaces() -> None:
    _patch_sdl2_text(_render_end)


def one_font_per_size() -> None:
    _patch_sdl2_text(_get_font_id)


class Theme(EventDispatcher):
    scale = NumericProperty(1.0)
    title = NumericProperty(56)
    heading = NumericProperty(40)
    body = NumericProperty(28)
    small = NumericProperty(24)
    button = NumericProperty(30)
    touch = NumericProperty(96)      # height of a main touch target
    pad = NumericProperty(24)
    font = StringProperty("Kiosk")   # follows the visitor's language
    ink = ListProperty(rgba(INK))
    muted = ListProperty(rgba(MUTED))
    paper = ListProperty(rgba(PAPER))
    accent = ListProperty(rgba(ACCENT))
    white = ListProperty([1, 1, 1, 1])
    light = ListProperty([0.9, 0.88, 0.84, 1])
    surface = ListProperty(rgba(SURFACE))
    line = ListProperty(rgba(LINE))
    success = ListProperty(rgba(SUCCESS))
    danger = ListProperty(rgba(DANGER))
    space = NumericProperty(8)       # the spacing grid's unit: gaps are 1, 2, 3, 4 or 6 units
    radius = NumericProperty(16)     # corners of cards and buttons
    icon = NumericProperty(40)       # an icon beside a button's word
    rtl = BooleanProperty(False)     # the visitor's language reads right to left: layouts mirror
    text_factor = NumericProperty(1.0)   # every text's size, × this: 1.4 in the large-text access mode
    high_contrast = BooleanProperty(False)
    reduced_motion = BooleanProperty(False)
    reachable = NumericProperty(Mounting().reachable_share())   # the lower share of the screen a seated visitor reaches (the settings')
    reach = NumericProperty(1.0)        # the share the screens are drawn in: ``reachable`` within reach, else 1
    #: the access modes the sizes and colours are for: screens built ahead for other ones are built again
    look = StringProperty("")

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        register_fonts()
        keep_no_text_surfaces()
        one_font_per_size()
        Window.bind(size=lambda *_: self.update())
        self.update()

    def update(self) -> None:
        s = max(0.5, min(Window.width, Window.height) / 1080)
        t = s * self.text_factor
        self.title, self.heading, self.body, self.small, self.button = 56 * t, 40 * t, 28 * t, 24 * t, 30 * t
        self.touch = max(dp(48), 96 * s)
        self.pad = 24 * s
        self.space = 8 * s
        self.radius = 16 * s
        self.icon = 40 * s
        # last: labels that pick their size by name (``getattr(theme, role)``) re-read it when the scale
        # changes, and must find the new sizes already there
        self.scale = s

    def use_access(self, modes) -> None:
        """Sizes and colours for the visitor's access modes (:class:`kiosk.visit.access.AccessModes`)."""
        palette = PALETTES["high_contrast" if modes.high_contrast else "standard"]
        for token, hex_colour in palette.items():
            setattr(self, token, rgba(hex_colour))
        self.high_contrast = modes.high_contrast
        self.reduced_motion = modes.reduced_motion
        self.text_factor = modes.text_factor
        self.reach = self.reachable if modes.reach else 1.0
        self.update()
        self.property("scale").dispatch(self)   # labels that pick their size by name read it again, at the same scale
        self.look = " ".join(modes.drawn)

    def room_colour(self, hex_colour: str) -> list[float]:
        """A room's colour (the content's) as drawn: deepened in high contrast until white text on it, and it as
        text on the paper, read at 7.5:1."""
        if self.high_contrast:
            hex_colour = deepened(hex_colour, (HIGH_CONTRAST["surface"], HIGH_CONTRAST["paper"]), ROOM_RATIO)
        return rgba(hex_colour)

    def use_language(self, language: str) -> None:
        self.font = "KioskArabic" if is_rtl(language) else "Kiosk"
        self.rtl = is_rtl(language)

    @staticmethod
    def font_for(language: str) -> str:
        return "KioskArabic" if is_rtl(language) else "Kiosk"

    def line_height(self, size: float, font: str | None = None) -> float:
        """The height in pixels of one line of text at ``size`` in ``font`` (the visitor's by default).

        Measured as a Label draws it: the Arabic font's lines are taller than Noto Sans's
        (media/fonts/README.md), so layouts that count lines ask here rather than guess.
        """
        return measured_line(font or self.font, size)

    def lines_in(self, room: float, size: float, font: str, role: str = "body") -> int:
        """How many lines of ``role`` at ``size`` in ``font`` a box ``room`` tall holds, as a TextBlock
        draws them: the first line whole, the next ones at the role's leading (Arabic headings step 1.3)."""
        first = measured_line(font, size)
        if room < first:
            return 0
        step = first * self.leading(font, role, size, "\n")
        return 1 + int((room - first) // step)

    @staticmethod
    def leading(font: str, role: str, size: float, text: str) -> float:
        """A Label's ``line_height`` for ``text`` of ``role`` in ``font`` at ``size``: a multiplier of the font's line.

        1 (the font's own line) but for titles and headings of several lines in the merged Arabic font,
        whose lines then step :data:`ARABIC_HEADING_LINE` font sizes. Kivy keeps the first line's full
        height (its tall marks) and the last line's depth, so nothing is cut at the top or foot. A text
        of one line keeps 1: Kivy's markup label would add the difference under it a second time.
        Right-to-left text holds its line breaks (the label wraps it); Kivy wraps the rest itself.
        """
        if font != "KioskArabic" or role not in TIGHT_ROLES or size < 1 or "\n" not in text:
            return 1.0
        return min(1.0, (ARABIC_HEADING_LINE * size + 0.5) / measured_line(font, size))   # Kivy rounds the step down


@functools.lru_cache(maxsize=64)
def measured_line(font: str, size: float) -> float:
    """The height of one line of text in ``font`` at ``size``, as a Label draws it."""
    from kivy.core.text import Label as CoreLabel
    one, two = CoreLabel(text="Ag", font_name=font, font_size=size), CoreLabel(text="Ag\nAg", font_name=font, font_size=size)
    one.refresh()
    two.refresh()
    return two.texture.height - one.texture.height


@functools.lru_cache(maxsize=16)
def ink_lift(font: str, size: float, text: str = "0123456789", bold: bool = False) -> float:
    """How far the middle of ``text``'s ink sits below the middle of the line a Label draws it on, in pixels.

    A line is as tall as the font's ascent and descent (the Arabic font's are long), so digits
    centred by their line sit a few pixels off; a number in a ring moves up by this much.
    """
    from kivy.core.text import Label as CoreLabel
    label = CoreLabel(text=text, font_name=font, font_size=size, bold=bold)
    label.refresh()
    texture = label.texture
    width, pixels = texture.width, texture.pixels          # RGBA rows, top row first
    rows = [row for row in range(texture.height)
            if any(pixels[(row * width + column) * 4 + 3] > 128 for column in range(width))]
    if not rows:
        return 0.0
    return (rows[0] + rows[-1]) / 2 - (texture.height - 1) / 2
