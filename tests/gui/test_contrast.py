"""Readability: every text colour on its background reaches a contrast of at least 4.5:1 (WCAG AA)."""

from __future__ import annotations

import pytest

from kiosk.content.loader import load_content
from kiosk.gui.theme import ACCENT, DANGER, INK, MUTED, PAPER, SUCCESS
from tests.conftest import PROJECT

WHITE = "#FFFFFF"


def luminance(hex_colour: str) -> float:
    channels = [int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.mark.parametrize("text, background", [
    (INK, PAPER), (MUTED, PAPER), (INK, WHITE), (MUTED, WHITE), (WHITE, INK), (ACCENT, INK), (INK, ACCENT),
    (WHITE, SUCCESS), (WHITE, DANGER), (SUCCESS, PAPER), (DANGER, PAPER),
])
def test_theme_pairs(text, background):
    assert contrast(text, background) >= 4.5, (text, background, contrast(text, background))


def test_room_colours_carry_white_text_and_show_on_white():
    for room in load_content(PROJECT / "exhibits").collection.rooms:
        assert contrast(WHITE, room.colour) >= 4.5, (room.id, contrast(WHITE, room.colour))
        assert contrast(room.colour, PAPER) >= 4.5, (room.id, "as text on the paper", contrast(room.colour, PAPER))
