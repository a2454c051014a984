"""Colour contrast as WCAG 2 computes it, and the kiosk's two palettes. No Kivy here.

::

    contrast("#1F1A17", "#F6F1E7")                  # 15.3
    deepened("#9A4A0B", ("#FFFFFF",), 7.0)          # the room colour, darkened until white on it reads at 7:1

``PALETTES`` holds the colour tokens (docs/design.md, "Colour tokens"): ``standard``, and
``high_contrast`` for the access mode, where every text reads at 7:1 or more on every
background it is drawn on (WCAG's enhanced level, and the issue's floor), and outlines at 3:1.
"""

from __future__ import annotations

STANDARD = {
    "paper": "#F6F1E7", "surface": "#FFFFFF", "ink": "#1F1A17", "muted": "#4A423B", "line": "#D9D0C1",
    "accent": "#E0A526", "success": "#1E6B3A", "danger": "#A3262A",
}
#: White paper, black ink, secondary text nearly black, outlines dark enough to see a card's edge,
#: right and wrong deeper; the accent stays a fill under black text (10.6:1).
HIGH_CONTRAST = {
    "paper": "#FFFFFF", "surface": "#FFFFFF", "ink": "#000000", "muted": "#26211D", "line": "#595959",
    "accent": "#E0A526", "success": "#14522B", "danger": "#8A1F23",
}
PALETTES = {"standard": STANDARD, "high_contrast": HIGH_CONTRAST}
HIGH_CONTRAST_RATIO = 7.0
#: Text on a colour the content brings (a room's), in high contrast: a little above the floor, so the
#: translucent black of a button on the room's bar never takes it under.
ROOM_RATIO = 7.5


def luminance(hex_colour: str) -> float:
    """Relative luminance (WCAG 2)."""
    channels = [int(hex_colour.lstrip("#")[i:i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def deepened(hex_colour: str, against: tuple[str, ...], ratio: float) -> str:
    """``hex_colour`` darkened toward black, by steps of 2 %, until it reaches ``ratio`` against each of
    ``against`` (light colours); unchanged when it already does. Its hue is kept: a room stays recognisable."""
    channels = [int(hex_colour.lstrip("#")[i:i + 2], 16) for i in (0, 2, 4)]
    for step in range(51):
        keep = 1 - step * 0.02
        candidate = "#" + "".join(f"{round(c * keep):02X}" for c in channels)
        if all(contrast(candidate, other) >= ratio for other in against):
            return candidate
    return "#000000"
