"""What a proof run looks for on a screen as it is drawn: clipped text and pictures shown beyond their resolution.

It walks the live widget tree of the screen being photographed::

    for problem in screen_problems(app.root_widget, app.pictures):
        print(problem.kind, problem.message)

- **overflow**: a label whose text (its texture) is larger than its box, or whose box pokes
  out of the box that holds it or out of the screen, so that part of the text is cut off or
  drawn over something else. Text inside a scrolling area is reachable and not flagged when
  it only leaves the visible part of the scroll.
- **upscaled**: a picture drawn larger than the picture file's own pixels (blurry on a big
  screen).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kivy.uix.carousel import Carousel
from kivy.uix.image import Image
from kivy.uix.label import Label
from kivy.uix.scatter import Scatter
from kivy.uix.scrollview import ScrollView

TOLERANCE = 2       # px: rounding in layouts
UPSCALE_LIMIT = 1.25  # up to a quarter beyond its pixels, a picture still looks sharp from a step away
MARKUP = re.compile(r"\[/?[a-z_]+(=[^\]]*)?\]")
REACHABLE = (ScrollView, Carousel, Scatter)  # what is outside these is scrolled, swiped or zoomed to


@dataclass(frozen=True)
class ScreenProblem:
    kind: str      # "overflow" or "upscaled"
    message: str


def screen_problems(root, pictures) -> list[ScreenProblem]:
    """Every clipped label and upscaled picture visible under ``root``, each once."""
    found: list[ScreenProblem] = []
    for widget in _visible(root):
        if isinstance(widget, Label):
            found.extend(_label_problems(widget, root))
        elif isinstance(widget, Image) and widget.texture is not None:
            found.extend(_picture_problems(widget, pictures))
    return list(dict.fromkeys(found))


def _visible(widget):
    """Widgets that are drawn: neither transparent nor zero-sized (nor inside such a widget)."""
    if widget.opacity <= 0.01 or widget.width < 1 or widget.height < 1:
        return
    yield widget
    for child in widget.children:
        yield from _visible(child)


def _label_problems(label: Label, root) -> list[ScreenProblem]:
    text = _plain(label.text)
    if not text:
        return []
    width, height = label.texture_size
    if width > label.width + TOLERANCE or height > label.height + TOLERANCE:
        return [ScreenProblem("overflow", f"text larger than its box ({width:.0f}×{height:.0f} px in "
                                          f"{label.width:.0f}×{label.height:.0f}): “{_excerpt(text)}”")]
    box = _window_box(label)
    for holder in _holders(label, root):
        if not _inside(box, _window_box(holder)):
            what = "the screen" if holder is root else f"its {type(holder).__name__}"
            return [ScreenProblem("overflow", f"text cut off by the edge of {what}: “{_excerpt(text)}”")]
    return []


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
    origin = pictures.origin(image.texture)
    if origin is None:
        return []
    path, (width, height) = origin
    zoom = 1.0
    for parent in _ancestors(image):
        zoom *= parent.scale if isinstance(parent, Scatter) else 1.0  # a gallery picture, as it rests
    shown_w, shown_h = (side * zoom for side in image.norm_image_size)
    scale = max(shown_w / width, shown_h / height)
    if scale <= UPSCALE_LIMIT:
        return []
    return [ScreenProblem("upscaled", f"the picture {path.name} ({width}×{height} px) is shown at "
                                      f"{shown_w:.0f}×{shown_h:.0f} px ({scale:.1f}×): give one at least "
                                      f"{shown_w:.0f}×{shown_h:.0f} px")]


def _ancestors(widget):
    """Parents up to the window (whose parent is the window itself)."""
    parent = widget.parent
    while parent is not None and parent is not widget:
        yield parent
        widget, parent = parent, parent.parent


def _window_box(widget) -> tuple[float, float, float, float]:
    x, y = widget.to_window(widget.x, widget.y)
    return x, y, x + widget.width, y + widget.height


def _inside(inner, outer) -> bool:
    return (inner[0] >= outer[0] - TOLERANCE and inner[1] >= outer[1] - TOLERANCE
            and inner[2] <= outer[2] + TOLERANCE and inner[3] <= outer[3] + TOLERANCE)


def _plain(text: str) -> str:
    """The label's text without Kivy markup tags, stripped."""
    return MARKUP.sub("", text or "").strip()


def _excerpt(text: str, length: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= length else text[:length - 1] + "…"
