"""The kiosk's icons: Lucide glyphs in media/fonts/KioskIcons.ttf (ISC licence).

Kivy-free, so the PDF and the proof tool name icons the same way as the screens. In kv:
``Icon: name: "house"`` (kiosk/gui/widgets), or ``text: icon("house")`` with
``font_name: "Icons"``. `mirrored()` gives the icon to show in a right-to-left layout:
arrows and chevrons that mean "back" or "next" turn round; a house or a check does not
(docs/design.md, "Right to left"). `flipped()` says which of them (a trend's arrow) have no
twin and are drawn flipped instead.

To add an icon: put its Lucide name and codepoint here, then rerun tools/make_icons.py.
"""

from __future__ import annotations

from kiosk.i18n import N_

ICONS: dict[str, str] = {name: chr(code) for name, code in {
    "accessibility": 58007,
    "arrow-down": 57410,
    "arrow-left": 57416,
    "arrow-right": 57417,
    "arrow-up": 57418,
    "book-open": 57439,
    "bookmark": 57440,
    "chart-bar": 58018,
    "check": 57452,
    "chevron-left": 57454,
    "chevron-right": 57455,
    "circle": 57462,
    "circle-check": 57894,
    "circle-help": 57474,
    "circle-x": 57476,
    "clock": 57479,
    "columns-2": 57496,
    "delete": 57518,
    "eye": 57530,
    "file-text": 57548,
    "globe": 57576,
    "hand": 57815,
    "arrow-down-to-line": 58453,
    "history": 57845,
    "house": 57589,
    "image": 57590,
    "images": 58820,
    "info": 57593,
    "keyboard": 57988,
    "languages": 57598,
    "list-checks": 57808,
    "lock": 57611,
    "log-out": 57614,
    "map-pin": 57617,
    "maximize": 57618,
    "menu": 57621,
    "message-square-text": 58741,
    "minimize": 57626,
    "pause": 57646,
    "play": 57660,
    "pointer": 57832,
    "qr-code": 57823,
    "rotate-ccw": 57672,
    "scale": 57874,
    "send": 57682,
    "settings": 57684,
    "sparkles": 58386,
    "timer": 57824,
    "triangle-alert": 57747,
    "users": 57764,
    "vote": 58285,
    "x": 57778,
    "zoom-in": 57782,
    "zoom-out": 57783,
    "arrow-big-up": 57828,
    "corner-down-left": 57505,
    "space": 58333,
    "usb": 58198,
    "minus": 57628,
    "plus": 57661,
    "refresh-cw": 57669,
    "calendar": 57443,
    "sticky-note": 58115,
    "trees": 58101,
    "fish": 58278,
    "droplets": 57525,
    "droplet": 57524,
    "sprout": 57835,
    "wheat": 58270,
    "coins": 57495,
    "eye-off": 57531,
    "gavel": 57568,
    "repeat": 57670,
    "piggy-bank": 57658,
    "hand-coins": 58808,
    "cloud-rain": 57486,
    "chart-line": 58021,
    "hourglass": 58006,
    "trending-down": 57744,
    "trending-up": 57745,
    "ban": 57425,
    "handshake": 58816,
    "a-large-small": 58759,
    "contrast": 57501,
    "volume-2": 57771,
    "snail": 58616,
    "headphones": 57585,
    "network": 57637,
    "key-round": 58531,
    "bookmark-check": 58655,
    "list": 57606,
}.items()}

#: Each exhibit type's icon and word on its card; a type from elsewhere gets a neutral one.
KINDS = {
    "panel": ("file-text", N_("Read")), "timeline": ("history", N_("Timeline")),
    "compare": ("columns-2", N_("Compare")), "quiz": ("list-checks", N_("Quiz")),
    "gallery": ("images", N_("Pictures")), "poll": ("vote", N_("Poll")),
    "wall": ("message-square-text", N_("Idea wall")), "commons": ("users", N_("Game")),
    "roleplay": ("handshake", N_("Role-play")),
}


def exhibit_kind(exhibit_type: str) -> tuple[str, str]:
    """An exhibit type's icon and word (to translate), as its card on home and its printed card show them."""
    return KINDS.get(exhibit_type, ("sparkles", N_("Exhibit")))


FONT_FILE = "KioskIcons.ttf"

_MIRROR = {
    "arrow-left": "arrow-right", "arrow-right": "arrow-left",
    "chevron-left": "chevron-right", "chevron-right": "chevron-left",
}

#: Icons with no mirrored twin in the set that still point along the line: drawn flipped left to right
#: in a right-to-left layout (a trend runs the way the reading goes, as a chart's axis does).
_FLIP = {"trending-up", "trending-down"}


def icon(name: str) -> str:
    """The character that draws `name` in the icon font; KeyError names the missing icon."""
    try:
        return ICONS[name]
    except KeyError:
        raise KeyError(f"no icon {name!r} in kiosk/icons.py (add it and rerun tools/make_icons.py)") from None


def mirrored(name: str, rtl: bool) -> str:
    """The icon's name as a right-to-left layout shows it (back points right)."""
    return _MIRROR.get(name, name) if rtl else name


def flipped(name: str, rtl: bool) -> bool:
    """Whether a right-to-left layout draws the icon flipped left to right (``mirrored`` has no twin for it)."""
    return rtl and name in _FLIP
