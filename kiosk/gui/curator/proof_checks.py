"""What a proof run looks for on a screen as it is drawn: what a person standing at the kiosk would see as a fault.

It walks the live widget tree of the screen being photographed::

    for problem in screen_problems(app.root_widget, app.pictures):
        print(problem.kind, problem.message)

- **overflow**: a label whose text (its texture) is larger than its box, or whose box pokes
  out of the box that holds it or out of the screen, so that part of the text is cut off or
  drawn over something else. Text inside a scrolling area (or another clipping window, such
  as a reader's pages) is reachable and not flagged when it only leaves the visible part.
- **cut-line**: a line of text that the edge of a scrolling area (any ``StencilView``) cuts
  through as the screen rests (half a line showing), or that runs under the scroll bar. A
  scroll that ends between two lines is fine: the rest is a swipe away.
- **cut-card**: a card (:data:`CARDS`, or any widget with ``proof_card = True``) only partly
  shown: poking out of its holder or the screen, or cut by the edge of its scrolling row or
  column when that rests at its start or is scrolled to its end.
- **upscaled**: a picture drawn larger than its own pixels: the picture file's (blurry on a
  big screen), or the texture's, when the screen decoded it smaller than it shows it.
- **glyph**: a character the font drawing it does not have (an empty box on screen), read
  from the font's cmap (:func:`missing_glyphs`).
- **blank**: a card that has a picture (``picture``, a file) but draws none (``thumbnail``
  empty): a blank frame where the visitor expects the exhibit's picture.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from kivy.core.text import LabelBase
from kivy.resources import resource_find
from kivy.uix.carousel import Carousel
from kivy.uix.image import Image
from kivy.uix.label import Label
from kivy.uix.scatter import Scatter
from kivy.uix.scrollview import ScrollView
from kivy.uix.stencilview import StencilView

from kiosk.gui.widgets.lines import CUT, line_boxes, window_scale

TOLERANCE = 2       # px: rounding in layouts
UPSCALE_LIMIT = 1.25  # up to a quarter beyond its pixels, a picture still looks sharp from a step away
MARKUP = re.compile(r"\[/?[a-z_]+(=[^\]]*)?\]")
REACHABLE = (StencilView, Carousel, Scatter)  # what is outside these is scrolled, paged, swiped or zoomed to
CARDS = ("ExhibitCard", "QrPanel")  # class names of the cards a person expects to see whole
TAG = re.compile(r"\[(/?)([a-z_]+)(?:=([^\]]*))?\]")
ESCAPES = {"&bl;": "[", "&br;": "]", "&amp;": "&"}


@dataclass(frozen=True)
class ScreenProblem:
    kind: str      # "overflow", "cut-line", "cut-card", "upscaled", "glyph" or "blank"
    message: str


def screen_problems(root, pictures) -> list[ScreenProblem]:
    """Every clipped label, cut card, upscaled picture and missing letter visible under ``root``, each once."""
    found: list[ScreenProblem] = []
    cut_cards = set()  # the text of a cut card is cut with it: said once, of the card
    for widget in _visible(root):
        if isinstance(widget, Label):
            if not cut_cards.intersection(_ancestors(widget)):
                found.extend(_label_problems(widget, root) or _cut_lines(widget, root))
            found.extend(_glyph_problems(widget))
        elif isinstance(widget, Image) and widget.texture is not None:
            found.extend(_picture_problems(widget, pictures))
        if getattr(widget, "proof_card", False) or any(c.__name__ in CARDS for c in type(widget).__mro__):
            cut = _card_problems(widget, root)
            cut_cards.update([widget] if cut else [])
            found.extend(cut or _blank_picture(widget))
    return list(dict.fromkeys(found))


def _visible(widget):
    """Widgets that are drawn: neither transparent nor zero-sized (nor inside such a widget)."""
    if widget.opacity <= 0.01 or widget.width < 1 or widget.height < 1:
        return
    yield widget
    for child in widget.children:
        yield from _visible(child)


def _label_problems(label: Label, root) -> list[ScreenProblem]:
    if not _plain(label.text):
        return []
    text = readable(label)
    width, height = label.texture_size
    if width > label.width + TOLERANCE or height > label.height + TOLERANCE:
        return [ScreenProblem("overflow", f"text larger than its box ({width:.0f}×{height:.0f} px in "
                                          f"{label.width:.0f}×{label.height:.0f}): “{_excerpt(text)}”")]
    box = window_box(label)
    for holder in _holders(label, root):
        if not _inside(box, window_box(holder)):
            what = "the screen" if holder is root else f"its {type(holder).__name__}"
            return [ScreenProblem("overflow", f"text cut off by the edge of {what}: “{_excerpt(text)}”")]
    return []


def _cut_lines(label: Label, root) -> list[ScreenProblem]:
    """The first line of ``label`` cut through by the edge of its scroll at rest, or under its scroll bar."""
    scroll = _viewport_of(label, root)
    if scroll is None:
        return []
    view = _overlap(window_box(scroll), window_box(root))
    bars = _bar_columns(scroll) if isinstance(scroll, ScrollView) else []
    for text, box in line_boxes(label):
        shown = _overlap(box, view) if view else None
        if shown is None:
            continue  # scrolled to, not cut
        if _cut(box, view):
            where = f"the edge of its {type(scroll).__name__}"
        elif any(_overlap(shown, bar) for bar in bars):
            where = "its scroll bar"
        else:
            continue
        return [ScreenProblem("cut-line", f"a line of text cut by {where}: “{_excerpt(_logical(text))}”")]
    return []


def _bar_columns(scroll: ScrollView) -> list[tuple]:
    """Where the scroll's bars are drawn (their whole track: the bar passes over it as one scrolls), on the window."""
    if scroll.bar_width < 1 or max(scroll.bar_color[3], scroll.bar_inactive_color[3]) < 0.05:
        return []
    x, y = scroll.to_window(scroll.x, scroll.y)
    k = window_scale(scroll)                 # within reach, the screens are drawn smaller
    width, height, margin = scroll.width * k, scroll.height * k, scroll.bar_margin * k
    bar = min(scroll.bar_width * k, width, height)
    columns = []
    if scroll.do_scroll_y and scroll.viewport_size[1] > scroll.height:
        left = x + width - bar - margin if scroll.bar_pos_y == "right" else x + margin
        columns.append((left, y, left + bar, y + height))
    if scroll.do_scroll_x and scroll.viewport_size[0] > scroll.width:
        low = y + margin if scroll.bar_pos_x == "bottom" else y + height - bar - margin
        columns.append((x, low, x + width, low + bar))
    return columns


def _cut(line, view) -> bool:
    """Whether an edge of ``view`` runs through the ``line`` it overlaps, cutting off more than a sliver.

    A sliver (:data:`CUT` of the line's height) is the line's spacing, not its letters.
    """
    margin = max(TOLERANCE, CUT * (line[3] - line[1]))
    return (line[1] < view[1] - margin or line[3] > view[3] + margin
            or line[0] < view[0] - margin or line[2] > view[2] + margin)


def _card_problems(card, root) -> list[ScreenProblem]:
    """A card cut by its holder or the screen, or by its scroll at rest at its start or scrolled to its end."""
    name = f"the card “{_excerpt(_card_text(card), 40)}”"
    box = window_box(card)
    for holder in _holders(card, root):
        if not _inside(box, window_box(holder)):
            what = "the screen" if holder is root else f"its {type(holder).__name__}"
            return [ScreenProblem("cut-card", f"{name} is cut by the edge of {what}")]
    scroll = _viewport_of(card, root)
    if scroll is None:
        return []
    view = _overlap(window_box(scroll), window_box(root))
    rests = ((" when it rests at its start", (0, 1)), (" when it rests scrolled to its end", (1, 0)))
    for where, (scroll_x, scroll_y) in rests if isinstance(scroll, ScrollView) else (("", (None, None)),):
        dx, dy = _scroll_shift(scroll, scroll_x, scroll_y)
        moved = (box[0] + dx, box[1] + dy, box[2] + dx, box[3] + dy)
        if view is not None and _overlap(moved, view) is not None and not _inside(moved, view):
            return [ScreenProblem("cut-card", f"{name} is cut by the edge of its {type(scroll).__name__}{where}")]
    return []


def _blank_picture(card) -> list[ScreenProblem]:
    """A card with a picture file that shows none (it could not be read, or was asked for at a bad moment)."""
    picture = getattr(card, "picture", None)
    if picture is None or getattr(card, "thumbnail", True) is not None:
        return []
    return [ScreenProblem("blank", f"the card “{_excerpt(_card_text(card), 40)}” shows a blank frame "
                                   f"instead of its picture {Path(picture).name}")]


def _scroll_shift(scroll: ScrollView, scroll_x: float, scroll_y: float) -> tuple[float, float]:
    """How far the scroll's content moves on the window from where it is to (scroll_x, scroll_y)."""
    content = getattr(scroll, "_viewport", None)  # a ScrollView's content; a plain StencilView does not move
    if content is None:
        return 0.0, 0.0
    spare_x, spare_y = max(0.0, content.width - scroll.width), max(0.0, content.height - scroll.height)
    dx = -(scroll_x - scroll.scroll_x) * spare_x if scroll.do_scroll_x else 0.0
    dy = -(scroll_y - scroll.scroll_y) * spare_y if scroll.do_scroll_y else 0.0
    k = window_scale(scroll)        # on the window: within reach, the screens are drawn smaller
    return dx * k, dy * k


def _card_text(card) -> str:
    """The card's title (an exhibit card's, as the content gives it), else its first text."""
    title = getattr(card, "title", None)
    if isinstance(title, str) and title.strip():
        return _plain(_logical(title))
    for widget in card.walk(restrict=True):
        if isinstance(widget, Label) and readable(widget) and not getattr(widget, "name", ""):
            return readable(widget)
    return type(card).__name__


def _viewport_of(widget, root):
    """The scroll view (or other clipping window) the widget is seen through, if any: the nearest below ``root``."""
    for parent in _ancestors(widget):
        if isinstance(parent, StencilView):
            return parent
        if parent is root:
            return None
    return None


def _glyph_problems(label: Label) -> list[ScreenProblem]:
    missing = missing_glyphs(label)
    if not missing:
        return []
    codes = ", ".join(f"U+{ord(ch):04X} {ch}" for ch in missing)
    return [ScreenProblem("glyph", f"the font {label.font_name} has no {codes}: an empty box in "
                                   f"“{_excerpt(readable(label))}”")]


def missing_glyphs(label) -> str:
    """The characters of ``label``'s text (as drawn: shaped, markup read) that the font drawing them lacks.

    Each run of text is looked up in the cmap of the font file Kivy draws it with (a name
    registered with ``LabelBase.register``, or a path), bold and italic included. Characters
    Kivy draws as nothing (format characters such as bidi marks, spaces, line breaks) are
    left out: a missing one shows no box.
    """
    return _missing_glyphs(label.text, label.font_name, label.bold, label.italic, label.markup)


@lru_cache(maxsize=4096)  # the same labels come back on every step of an exhibit
def _missing_glyphs(text: str, font: str, bold: bool, italic: bool, markup: bool) -> str:
    missing = []
    for run, run_font, run_bold, run_italic in _runs(text, font, bold, italic, markup):
        cmap = _cmap(_font_file(run_font, run_bold, run_italic))
        if cmap is not None:
            missing += [ch for ch in run if ord(ch) not in cmap and not _drawn_blank(ch)]
    return "".join(dict.fromkeys(missing))


def _runs(text: str, font: str, bold: bool, italic: bool, markup: bool):
    """(text, font name, bold, italic) for each stretch of a label's text, following its markup."""
    if not markup:
        yield text, font, bold, italic
        return
    fonts, bolds, italics = [font], [bold], [italic]
    start = 0
    for tag in TAG.finditer(text):
        yield _unescape(text[start:tag.start()]), fonts[-1], bolds[-1], italics[-1]
        start = tag.end()
        closing, name, value = tag.group(1) == "/", tag.group(2), tag.group(3)
        stack = {"font": fonts, "b": bolds, "i": italics}.get(name)
        if stack is None:
            continue
        if closing:
            if len(stack) > 1:
                stack.pop()
        else:
            stack.append(value if name == "font" else True)
    yield _unescape(text[start:]), fonts[-1], bolds[-1], italics[-1]


def _unescape(text: str) -> str:
    for escaped, plain in ESCAPES.items():
        text = text.replace(escaped, plain)
    return text


def _font_file(font: str, bold: bool, italic: bool) -> str | None:
    files = LabelBase._fonts.get(font)
    if files:
        return files[(2 if bold else 0) + (1 if italic else 0)]
    return resource_find(font) or resource_find(f"{font}.ttf")


@lru_cache(maxsize=None)
def _cmap(path: str | None) -> frozenset | None:
    """The code points the font file has glyphs for (read once per file)."""
    if not path:
        return None
    from fontTools.ttLib import TTFont

    try:
        with TTFont(path, lazy=True, fontNumber=0) as font:
            return frozenset(font.getBestCmap() or ())
    except Exception:  # noqa: BLE001  (not a font fontTools reads: nothing to say about it)
        return None


def _drawn_blank(ch: str) -> bool:
    return ch in "\n\r\t" or unicodedata.category(ch) in ("Cf", "Zs")


def _holders(widget, root):
    """The ancestors whose edges would cut the widget off, up to a scroll area or the root."""
    for parent in _ancestors(widget):
        if isinstance(parent, REACHABLE):
            return
        if parent.width >= 1 and parent.height >= 1 and parent.opacity > 0.01:
            yield parent
        if parent is root:
            return


def _picture_problems(image: Image, pictures) -> list[ScreenProblem]:
    texture = image.texture
    if texture.mag_filter == "nearest":
        return []  # drawn square pixel by square pixel on purpose (QR codes): sharp at any size
    zoom = 1.0
    for parent in _ancestors(image):
        zoom *= parent.scale if isinstance(parent, Scatter) else 1.0  # a gallery picture, as it rests
    shown_w, shown_h = (side * zoom for side in image.norm_image_size)
    shown = f"{shown_w:.0f}×{shown_h:.0f} px"
    origin = pictures.origin(texture)
    if origin is not None:
        path, (width, height) = origin
        scale = max(shown_w / width, shown_h / height)
        if scale > UPSCALE_LIMIT:
            return [ScreenProblem("upscaled", f"the picture {path.name} ({width}×{height} px) is shown at {shown} "
                                              f"({scale:.1f}×): give one at least {shown}")]
    width, height = texture.size
    scale = max(shown_w / width, shown_h / height)
    if scale <= UPSCALE_LIMIT:
        return []
    name = f"the picture {origin[0].name}" if origin else "a picture"
    return [ScreenProblem("upscaled", f"{name} was made {width}×{height} px for the screen and is shown at {shown} "
                                      f"({scale:.1f}×): the screen asks for it smaller than it draws it")]


def _ancestors(widget):
    """Parents up to the window (whose parent is the window itself)."""
    parent = widget.parent
    while parent is not None and parent is not widget:
        yield parent
        widget, parent = parent, parent.parent


def window_box(widget) -> tuple[float, float, float, float]:
    """The widget's box on the window: both corners through its parents' transforms (the screens within reach are
    drawn scaled, kiosk.gui.root.ReachView)."""
    x, y = widget.to_window(widget.x, widget.y)
    right, top = widget.to_window(widget.right, widget.top)
    return x, y, right, top


def _overlap(one, other):
    """The box where two boxes meet (more than the rounding tolerance), or None."""
    box = (max(one[0], other[0]), max(one[1], other[1]), min(one[2], other[2]), min(one[3], other[3]))
    return box if box[2] - box[0] > TOLERANCE and box[3] - box[1] > TOLERANCE else None


def _inside(inner, outer) -> bool:
    return (inner[0] >= outer[0] - TOLERANCE and inner[1] >= outer[1] - TOLERANCE
            and inner[2] <= outer[2] + TOLERANCE and inner[3] <= outer[3] + TOLERANCE)


def readable(label) -> str:
    """The label's text as a person would quote it: in reading order (not shaped), an icon by its name."""
    if getattr(label, "name", "") and label.font_name == "Icons":
        return f"icon {label.name}"
    return _plain(getattr(label, "logical_text", "") or _logical(label.text))


def _logical(text: str) -> str:
    """Right-to-left text as shaped for the screen (presentation forms, drawn order) back in reading order."""
    if not any("\ufb50" <= ch <= "\ufdff" or "\ufe70" <= ch <= "\ufeff" for ch in text):
        return text
    from bidi.algorithm import get_display

    # reordered first, then unshaped: a lam-alef ligature is one character in drawn order, two in reading order
    return "\n".join(unicodedata.normalize("NFKC", get_display(line, base_dir="R")) for line in text.split("\n"))


def _plain(text: str) -> str:
    """The label's text without Kivy markup tags, stripped."""
    return MARKUP.sub("", text or "").strip()


def _excerpt(text: str, length: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= length else text[:length - 1] + "…"
