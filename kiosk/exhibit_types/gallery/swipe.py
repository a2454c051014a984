"""When a swipe turns the gallery's picture (Kivy-free, so it is tested without a window).

A quick flick turns the picture even when short (a visitor flicks with the tip of a finger); a
slow drag turns it only past a quarter of the picture's width, otherwise it snaps back. In a
right-to-left language the pictures run from right to left: swiping to the right goes forward.

>>> page_step(dx=-90, seconds=0.08, width=1200, rtl=False, slop=20)
1
>>> page_step(dx=-200, seconds=0.6, width=1200, rtl=False, slop=20)
0
"""

from __future__ import annotations

FLICK_SECONDS = 0.15      # a touch shorter than this that travels past the slop is a flick
DRAG_FRACTION = 0.25      # a slow drag turns the picture past this fraction of its width


def page_step(dx: float, seconds: float, width: float, rtl: bool, slop: float) -> int:
    """+1 to go to the next picture, -1 to the previous one, 0 to stay (a tap or a short slow drag)."""
    if abs(dx) <= slop:
        return 0
    if seconds >= FLICK_SECONDS and abs(dx) < width * DRAG_FRACTION:
        return 0
    towards_next = dx > 0 if rtl else dx < 0
    return 1 if towards_next else -1


def turned(index: int, step: int, count: int) -> int:
    """The picture shown after a step, kept within the gallery (no wrapping round)."""
    return max(0, min(count - 1, index + step))
