"""Audio guidance: the kiosk used without sight, after Trace Center's EZ Access. No Kivy here.

A visitor who cannot see the screen holds two fingers still on it for two seconds (on any
screen, the attract loop included), or presses an arrow or Enter on a keypad. From then on
the screen is explored by touch and nothing is pressed by mistake:

- a finger resting or sliding on the screen hears what is under it, spoken in the screen's
  language (a language's own name in its own voice);
- a quick flick right or left goes to the next or the previous thing, in reading order
  (top to bottom, then in the language's direction), also what a scroll hides;
- a double tap anywhere chooses what was heard last, as a tap on it would;
- on a keypad, the arrows step, Enter chooses, H (or F1) repeats the help;
- two fingers held again for two seconds end it; the idle reset ends it too.

This module holds the gestures and the order, with no window: :class:`TwoFingerHold`,
:class:`Strokes` (a tap, a double tap, a flick), :func:`reading_order` and :class:`Guide`
(what is in focus). kiosk.gui.guide turns the widgets on screen into :class:`Element`
and speaks them (kiosk.visit.speech).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

HOLD_SECONDS = 2.0        # two fingers held this long turn the guidance on or off
DOUBLE_TAP_SECONDS = 0.5  # two taps within this time are a double tap (Android's TalkBack: 0.3 s, VoiceOver ~0.5)
TAP_SECONDS = 0.3         # a touch shorter than this, that hardly moved, is a tap
FLICK_SECONDS = 0.35      # a touch this short that moved far sideways is a flick


@dataclass(frozen=True)
class Element:
    """One thing a visitor can hear on the screen: a control (it can be chosen) or a text (it is read)."""

    words: str
    box: tuple[float, float, float, float]   # x, y, right, top on the window: what is seen of it
    language: str = ""
    control: bool = False
    key: Any = field(default=None, compare=False)   # the widget it comes from (kiosk.gui.guide)

    def contains(self, x: float, y: float) -> bool:
        left, bottom, right, top = self.box
        return left <= x <= right and bottom <= y <= top

    @property
    def centre(self) -> tuple[float, float]:
        left, bottom, right, top = self.box
        return (left + right) / 2, (bottom + top) / 2

    @property
    def area(self) -> float:
        left, bottom, right, top = self.box
        return (right - left) * (top - bottom)


def reading_order(items: list, rtl: bool = False, box=lambda item: item.box) -> list:
    """Top to bottom; things side by side (their middles at the same height as a line's) in the language's direction.

    kiosk.gui.guide orders each layout's children so, one layout inside another: a column beside
    another is read whole before it, as a person reads a page.
    """
    rows: list[list] = []
    for item in sorted(items, key=lambda i: -box(i)[3]):
        bottom, top = box(item)[1], box(item)[3]
        row = rows[-1] if rows else None
        if row is not None and min(box(i)[1] for i in row) <= (bottom + top) / 2 <= max(box(i)[3] for i in row):
            row.append(item)
        else:
            rows.append([item])
    ordered = []
    for row in rows:
        ordered.extend(sorted(row, key=lambda i: -box(i)[2] if rtl else box(i)[0]))
    return ordered


class TwoFingerHold:
    """Two fingers down together and held still for :data:`HOLD_SECONDS`: :meth:`due` says so once per hold.

    ``slop`` is how far (px) a finger may drift and still be held (a pinch or a scroll moves further).
    """

    def __init__(self, slop: float, seconds: float = HOLD_SECONDS):
        self.slop, self.seconds = slop, seconds
        self._fingers: dict[Any, tuple[float, float]] = {}
        self._since: float | None = None
        self._spoiled = False

    def down(self, finger, x: float, y: float, now: float) -> None:
        self._fingers[finger] = (x, y)
        self._spoiled = self._spoiled or len(self._fingers) > 2
        self._since = now if len(self._fingers) == 2 and not self._spoiled else None

    def move(self, finger, x: float, y: float) -> None:
        start = self._fingers.get(finger)
        if start is not None and max(abs(x - start[0]), abs(y - start[1])) > self.slop:
            self._since, self._spoiled = None, True

    def up(self, finger) -> None:
        self._fingers.pop(finger, None)
        self._since = None
        if not self._fingers:
            self._spoiled = False

    def reset(self) -> None:
        """Forget the fingers (a new visitor; a touch whose end never came)."""
        self._fingers.clear()
        self._since, self._spoiled = None, False

    def due(self, now: float) -> bool:
        """True once, when the two fingers have been held long enough."""
        if self._since is not None and now - self._since >= self.seconds:
            self._since, self._spoiled = None, True   # the fingers must lift before the next hold
            return True
        return False

    @property
    def holding(self) -> bool:
        return self._since is not None


class Strokes:
    """What a finger's touch was, once it lifted: ``"tap"``, ``"double"``, ``"next"``, ``"previous"`` or ``""``.

    ``slop`` is the most a tap may move (px); ``flick`` the least a flick travels sideways (px).
    A flick right is "next" and a flick left "previous", as with VoiceOver and TalkBack, in every language.
    """

    def __init__(self, slop: float, flick: float):
        self.slop, self.flick = slop, flick
        self._last_tap: tuple[float, float, float] | None = None   # x, y, time

    def may_be_double(self, now: float) -> bool:
        """A finger came down soon after a tap: it may be the second tap of a double tap."""
        return self._last_tap is not None and now - self._last_tap[2] <= DOUBLE_TAP_SECONDS

    def stroke(self, start: tuple[float, float, float], end: tuple[float, float, float]) -> str:
        (x0, y0, t0), (x1, y1, t1) = start, end
        dx, dy, seconds = x1 - x0, y1 - y0, t1 - t0
        if seconds <= FLICK_SECONDS and abs(dx) >= self.flick and abs(dx) >= 2 * abs(dy):
            self._last_tap = None
            return "next" if dx > 0 else "previous"
        if seconds <= TAP_SECONDS and max(abs(dx), abs(dy)) <= self.slop:
            last = self._last_tap
            if last is not None and t1 - last[2] <= DOUBLE_TAP_SECONDS:
                self._last_tap = None
                return "double"
            self._last_tap = (x1, y1, t1)
            return "tap"
        self._last_tap = None
        return ""


class Guide:
    """What the visitor has in focus among the elements on screen, and where a touch or a step takes it."""

    def __init__(self):
        self.elements: list[Element] = []
        self.focus: Element | None = None

    def look(self, elements: list[Element]) -> None:
        """The screen's elements, in reading order; the focus stays on the same widget when it is still there."""
        self.elements = list(elements)
        if self.focus is not None:
            self.focus = next((e for e in self.elements if e.key is self.focus.key and e.words == self.focus.words),
                              next((e for e in self.elements if e.key is self.focus.key), None))

    def at(self, x: float, y: float) -> Element | None:
        """The element under a finger: the smallest that holds the point (a button inside a card wins over the card)."""
        under = [e for e in self.elements if e.contains(x, y)]
        return min(under, key=lambda e: (e.area, not e.control)) if under else None

    def touch(self, x: float, y: float) -> Element | None:
        """A finger is at (x, y): the element there is in focus. Returns it when the focus changed (to be spoken)."""
        element = self.at(x, y)
        if element is None or element == self.focus:
            return None
        self.focus = element
        return element

    def step(self, by: int) -> Element | None:
        """The next (``by`` = 1) or previous (-1) element, round from the end to the start."""
        if not self.elements:
            return None
        if self.focus not in self.elements:
            index = 0 if by > 0 else len(self.elements) - 1
        else:
            index = (self.elements.index(self.focus) + by) % len(self.elements)
        self.focus = self.elements[index]
        return self.focus
