"""When a swipe turns the gallery's picture (no window needed)."""

from __future__ import annotations

import pytest

from kiosk.exhibit_types.gallery.swipe import FLICK_SECONDS, page_step, turned

WIDTH, SLOP = 1200, 16


@pytest.mark.parametrize("dx, seconds, rtl, step", [
    (-90, 0.08, False, 1),      # a short quick flick to the left: forward
    (90, 0.08, False, -1),      # to the right: back
    (90, 0.08, True, 1),        # right to left: a flick to the right goes forward
    (-90, 0.08, True, -1),
    (-200, 0.6, False, 0),      # a short slow drag snaps back
    (-400, 0.6, False, 1),      # a long slow drag turns
    (400, 0.6, True, 1),
    (-10, 0.05, False, 0),      # a tap that trembles
    (0, 0.3, False, 0),
])
def test_page_step(dx, seconds, rtl, step):
    assert page_step(dx, seconds, WIDTH, rtl, SLOP) == step


def test_the_flick_limit_is_150_ms():
    assert page_step(-90, FLICK_SECONDS - 0.01, WIDTH, False, SLOP) == 1
    assert page_step(-90, FLICK_SECONDS + 0.01, WIDTH, False, SLOP) == 0
    assert FLICK_SECONDS == 0.15


def test_turned_stays_within_the_gallery():
    assert turned(0, -1, 3) == 0
    assert turned(2, 1, 3) == 2
    assert turned(1, 1, 3) == 2
