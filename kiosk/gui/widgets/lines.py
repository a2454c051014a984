"""Where text sits on the window, line by line: what a person sees cut when an edge runs through it.

Shared by the proof (:mod:`kiosk.gui.curator.proof_checks`, which flags a line cut by a
scroll's edge) and by :class:`kiosk.gui.widgets.widgets.KioskScrollView`, which rests its
lower edge between lines rather than through one.
"""

from __future__ import annotations

from kivy.uix.behaviors import ButtonBehavior
from kivy.uix.label import Label

CUT = 0.2           # a line is cut when more than this part of its height is on each side of an edge
FRAME_SLACK = 2     # px of a button's frame an edge may cut unnoticed


def window_scale(widget) -> float:
    """How much larger than its own units ``widget`` is drawn on the window: 1, or less within reach
    (kiosk.gui.root.ReachView draws the screens scaled)."""
    x0, _y0 = widget.to_window(0, 0)
    x1, _y1 = widget.to_window(100, 0)
    return (x1 - x0) / 100


def line_boxes(label: Label):
    """Each laid-out line of the label, as its text and its box on the window (from Kivy's layout)."""
    core = getattr(label, "_label", None)
    lines = getattr(core, "_cached_lines", None) or ()
    width, height = label.texture_size
    left, bottom = label.to_window(int(label.center_x - width / 2.0), int(label.center_y - height / 2.0))
    k = window_scale(label)
    top = bottom + height * k
    for line in lines:
        words = "".join(word.text for word in line.words).strip()
        if words and line.w > 0:
            yield words, (left + line.x * k, top - (line.y + line.h) * k, left + (line.x + line.w) * k, top - line.y * k)


def reading_units(widget):
    """What reads as one piece in ``widget`` (itself included), as (bottom, top, slack) on the window: each
    line of its texts, each button whole (a button's frame cut through reads as broken too), and each widget
    that says ``reads_whole = True`` (a player's row of votes: a name without its buttons is no use). ``slack``
    is how much of it an edge may cut unnoticed: a line's spacing, or a pixel or two of a frame."""
    if widget.opacity <= 0 or widget.height <= 0:
        return
    if isinstance(widget, ButtonBehavior) or getattr(widget, "reads_whole", False):
        _x, bottom = widget.to_window(widget.x, widget.y)
        _x, top = widget.to_window(widget.x, widget.top)
        yield bottom, top, FRAME_SLACK
    if isinstance(widget, Label):
        if widget.text:
            for _words, box in line_boxes(widget):
                yield box[1], box[3], CUT * (box[3] - box[1])
        return
    for child in widget.children:
        yield from reading_units(child)


def rest_between(units, bottom: float, top: float) -> float:
    """How far to raise an edge at ``bottom`` (below ``top``) so that it runs through no unit,
    only between them (a pixel clear): 0 when it already does."""
    edge = bottom
    moved = True
    while moved:
        moved = False
        for low, high, slack in units:
            if low < edge - slack and edge + 0.5 < high <= top:    # (as kiosk proof: any of it showing)
                edge, moved = high + 1, True
    return edge - bottom
