"""Drive the real kiosk in a test: frames, taps and swipes at window coordinates, and what a visitor sees."""

from __future__ import annotations

import time

from kivy.base import EventLoop
from kivy.core.window import Window
from kivy.tests.common import UnitTestTouch
from kivy.uix.label import Label
from kivy.uix.scrollview import ScrollView

NO_BREAK = "\u00a0"  # French punctuation is kept with its word (kiosk.render.typography)
SETTLE_AT_LEAST = 0.15   # s: a delayed tap (0.1 s) and a quiz's verdict card (0.1 s) have had their turn
QUIET_FRAMES = 3
SETTLE_AT_MOST = 1.0    # s: as long as twelve frames and a quarter second took when something kept moving
SETTLE_FRAMES_AT_MOST = 24   # ... and at least this many frames: on a loaded machine (two test workers on two
                             # cores) a frame takes longer, and a page's layout still needs as many of them


class KioskDriver:
    def __init__(self, app):
        self.app = app

    def frames(self, count: int = 4) -> None:
        for _ in range(count):
            EventLoop.idle()

    def wait(self, seconds: float) -> None:
        """Draw frames for ``seconds`` of real time (for Kivy animations, which run on the clock)."""
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            EventLoop.idle()

    def wait_until(self, condition, limit: float = 10.0) -> bool:
        """Draw frames until ``condition()`` holds (work done on a thread, a loaded machine), at most ``limit`` s."""
        end = time.monotonic() + limit
        while not condition() and time.monotonic() < end:
            EventLoop.idle()
        return bool(condition())

    def settle(self) -> None:
        """Let transitions, layouts, text re-wrapping and ScrollView's delayed taps (0.1 s) finish.

        Frames are drawn until at least :data:`SETTLE_AT_LEAST` seconds have passed and the window has had nothing
        to draw for :data:`QUIET_FRAMES` frames in a row (an animation draws every frame, so it is waited for), at
        most :data:`SETTLE_AT_MOST` seconds, or :data:`SETTLE_FRAMES_AT_MOST` frames if they take longer. A fixed
        quarter second after every tap made up most of a whole game's test time.
        """
        start = time.monotonic()
        quiet = frames = 0
        while True:
            drawing = Window.canvas.needs_redraw
            EventLoop.idle()
            quiet, frames = 0 if drawing else quiet + 1, frames + 1
            if _gave_up(start, frames) or (quiet >= QUIET_FRAMES and time.monotonic() - start >= SETTLE_AT_LEAST):
                return

    def still(self, limit: float = 5.0) -> None:
        """Settle until the window has nothing left to draw (at most ``limit`` seconds): for a check of the
        final layout (clipping, blank space) on a loaded machine, where :meth:`settle` may stop at
        :data:`SETTLE_AT_MOST` with a page still laying out."""
        end = time.monotonic() + limit
        self.settle()
        while Window.canvas.needs_redraw and time.monotonic() < end:
            self.settle()

    @property
    def screen(self):
        return self.app.navigator.manager.current_screen

    def widgets(self, root=None):
        """Every widget under ``root`` (default: the whole window), depth first."""
        stack = [root or Window]
        while stack:
            widget = stack.pop()
            yield widget
            stack.extend(widget.children)

    def visible_texts(self, root=None) -> list[str]:
        """Texts a visitor can see (the current screen, and any open panel above it)."""
        texts = []
        for widget in self.widgets(root or Window):
            if isinstance(widget, Label) and widget.text and widget.opacity > 0 and _shown(widget):
                texts.append(widget.text)
        return texts

    def find_text(self, fragment: str, root=None) -> Label:
        """The visible label showing ``fragment`` (a no-break space reads as a space, as a visitor sees it)."""
        wanted = fragment.replace(NO_BREAK, " ")
        # an Arabic label shows its text shaped and reordered; the words it reads are its logical_text
        matches = [w for w in self.widgets(root or Window) if isinstance(w, Label) and _shown(w)
                   and any(wanted in text.replace(NO_BREAK, " ") for text in (w.text, getattr(w, "logical_text", "")))]
        assert matches, f"no visible text contains {fragment!r}; visible: {self.visible_texts()}"
        return matches[0]

    def tap_at(self, x: float, y: float) -> None:
        touch = UnitTestTouch(x, y)
        touch.touch_down()
        self.frames(2)
        touch.touch_up()
        self.settle()

    def double_tap_at(self, x: float, y: float) -> None:
        """Two quick taps. (Test touches skip Kivy's double-tap detector, so the second one is flagged here.)"""
        self.tap_at(x, y)
        touch = UnitTestTouch(x, y)
        touch.is_double_tap = True
        touch.double_tap_time = 0.1
        touch.touch_down()
        self.frames(2)
        touch.touch_up()
        self.settle()

    def tap(self, widget) -> None:
        """Tap the middle of ``widget``, first scrolling it into view as a person would (a long menu)."""
        self.reveal(widget)
        self.tap_at(*self.resting_centre(widget))

    def resting_centre(self, widget, frames: int = 2) -> tuple[float, float]:
        """Where ``widget``'s middle rests once it has held still for ``frames`` frames (at most
        :data:`SETTLE_AT_MOST`, or :data:`SETTLE_FRAMES_AT_MOST` frames if they take longer): a page still
        reflowing its text (a long Arabic or French ending, on a loaded machine) can move a button from under
        a finger between its touch and its release, which a person would not do: they tap what they see
        standing."""
        start, still = time.monotonic(), 0
        where = widget.to_window(*widget.center)
        if not Window.canvas.needs_redraw:
            return where   # nothing left to draw: nothing is moving (the usual case, after settle())
        drawn = 0
        while still < frames and not _gave_up(start, drawn):
            self.frames(1)
            drawn += 1
            now = widget.to_window(*widget.center)
            still = still + 1 if now == where else 0
            where = now
        return where

    def reveal(self, widget) -> None:
        """Scroll the nearest scrolling ancestor until ``widget``'s middle is inside its view."""
        node = widget.parent
        while node is not None and node is not Window:
            if isinstance(node, ScrollView):
                x, y = widget.to_window(*widget.center)
                left, bottom = node.to_window(*node.pos)
                if not (left <= x <= left + node.width and bottom <= y <= bottom + node.height):
                    node.scroll_to(widget, animate=False)
                    self.settle()
                return
            node = node.parent

    def tap_text(self, fragment: str) -> None:
        """Tap the text; one scrolled out of view (a long menu) is first scrolled to, as a person would."""
        wanted = fragment.replace(NO_BREAK, " ")
        hidden = [w for w in self.widgets(Window) if isinstance(w, Label) and wanted in w.text.replace(NO_BREAK, " ")
                  and _opaque(w) and not _shown(w) and _scrolled(w)]
        if hidden and not any(_shown(w) and wanted in w.text.replace(NO_BREAK, " ")
                              for w in self.widgets(Window) if isinstance(w, Label)):
            self.reveal(hidden[0])
        self.tap(self.find_text(fragment))

    def swipe(self, start: tuple[float, float], end: tuple[float, float], steps: int = 8,
              duration: float | None = None) -> None:
        """A finger's swipe. ``duration``: the finger's whole time on the glass (for a quick flick),
        with no frame drawn meanwhile; by default ~0.2 s, with frames, as a slow swipe."""
        touch = UnitTestTouch(*start)
        touch.touch_down()
        if duration is None:
            self.frames(1)
        for i in range(1, steps + 1):
            touch.touch_move(start[0] + (end[0] - start[0]) * i / steps, start[1] + (end[1] - start[1]) * i / steps)
            if duration is None:
                self.wait(0.02)  # a finger takes ~0.2 s to swipe: carousels judge a swipe by time as well as distance
            else:
                time.sleep(duration / steps)
        touch.touch_up()
        self.settle()
        self.wait(0.5)  # a carousel or a scroll finishes its move on the clock

    def screenshot(self, path) -> str:
        """What the visitor sees, rendered off-screen (reading the window's back buffer is unreliable)."""
        self.frames(2)
        self.app.root_widget.export_to_png(str(path))
        return str(path)


def _gave_up(start: float, frames: int) -> bool:
    """The bound of settle() and resting_centre(): :data:`SETTLE_AT_MOST` seconds since ``start`` and
    :data:`SETTLE_FRAMES_AT_MOST` frames drawn, both."""
    return time.monotonic() - start >= SETTLE_AT_MOST and frames >= SETTLE_FRAMES_AT_MOST


def _opaque(widget) -> bool:
    """No ancestor hides it (opacity 0)."""
    node = widget
    while node is not None and node is not Window:
        if getattr(node, "opacity", 1) == 0:
            return False
        node = node.parent
    return True


def _scrolled(widget) -> bool:
    """Inside a ScrollView, so scrolling can bring it into view."""
    node = widget.parent
    while node is not None and node is not Window:
        if isinstance(node, ScrollView):
            return True
        node = node.parent
    return False


def _shown(widget) -> bool:
    """On screen: inside the window, with no hidden (opacity 0) ancestor."""
    if not _opaque(widget):
        return False
    x, y = widget.to_window(*widget.pos)
    return x < Window.width and y < Window.height and x + widget.width > 0 and y + widget.height > 0
