"""The idle countdown ("Still there?"): its ring drains as the seconds pass, and its number
stands in the ring's middle in every language."""

from __future__ import annotations

import time

import pytest
from kivy.core.window import Window
from kivy.graphics import Line
from PIL import Image

from tests.gui.test_visitor_flow import start_visit


def wait_untouched(kiosk, seconds_into_countdown: float):
    """The visitor has not touched the screen for the idle timeout and ``seconds_into_countdown`` more.

    The app's own tick runs now, and one frame draws the ring (kv updates canvases once a frame);
    the countdown runs on in real time, so the tests stay 0.9 s clear of the next second.
    """
    app = kiosk.app
    app.idle.last_touch = time.monotonic() - app.content.collection.idle_timeout - seconds_into_countdown
    app._tick(0)
    kiosk.frames(1)
    assert app.root_widget.countdown_visible
    return app.root_widget.ids.overlay


def drawn_arc(ring) -> float:
    """How many degrees of the ring the time left is drawn over (the last circle of its canvas)."""
    circles = [instruction.circle for instruction in ring.canvas.children if isinstance(instruction, Line)]
    return circles[-1][4] - circles[-1][3]


def ink_centre(kiosk, ring, path) -> tuple[float, float]:
    """The middle of the number's dark pixels inside the ring, in window coordinates."""
    kiosk.screenshot(path)
    x, y = ring.to_window(*ring.pos)
    inner = ring.height * 0.3  # well inside the ring's line
    cx, cy = x + ring.width / 2, y + ring.height / 2
    with Image.open(path) as shot:
        box = (round(cx - inner), round(Window.height - cy - inner), round(cx + inner), round(Window.height - cy + inner))
        dark = shot.convert("L").crop(box).point(lambda v: 255 if v < 110 else 0)
        left, top, right, bottom = dark.getbbox()
    return box[0] + (left + right) / 2, Window.height - (box[1] + (top + bottom) / 2)


def test_the_ring_drains_as_the_seconds_pass(fresh):
    start_visit(fresh, "English")
    whole = fresh.app.idle.countdown
    overlay = wait_untouched(fresh, 0.1)
    ring = overlay.ids.ring
    assert overlay.seconds == whole and drawn_arc(ring) == pytest.approx(360)
    arcs = []
    for seconds_into in (1.1, 2.1, 7.1):
        wait_untouched(fresh, seconds_into)
        assert overlay.seconds == whole - int(seconds_into)
        arcs.append(drawn_arc(ring))
        assert arcs[-1] == pytest.approx(360 * overlay.seconds / whole)
    assert 360 > arcs[0] > arcs[1] > arcs[2] > 0
    fresh.tap_at(960, 540)
    assert not fresh.app.root_widget.countdown_visible


@pytest.mark.parametrize("language", ["Français", "العربية"])
def test_the_number_stands_in_the_middle_of_the_ring(fresh, language, tmp_path):
    start_visit(fresh, language)
    for seconds_into in (0.1, 3.1):   # "10" and "7": two digits and one
        overlay = wait_untouched(fresh, seconds_into)
        ring = overlay.ids.ring
        x, y = ring.to_window(*ring.center)
        ink_x, ink_y = ink_centre(fresh, ring, tmp_path / f"countdown-{overlay.seconds}.png")
        assert abs(ink_x - x) <= 2 and abs(ink_y - y) <= 2, (language, overlay.seconds, ink_x - x, ink_y - y)
    fresh.tap_at(960, 540)
