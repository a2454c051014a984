"""What a key does to the text being typed on the on-screen keyboard. No Kivy here.

The on-screen keyboard (:mod:`kiosk.gui.widgets.keyboard`) draws a layout of
:mod:`kiosk.render.keyboard_layouts` and asks these functions what each touch means, so the
rules are tested without a window:

    >>> apply_key("ça march", "e", shift="off", max_length=200)
    'ça marche'
    >>> apply_key("", "o", shift="once")
    'O'
    >>> apply_key("ça marche ", SPACE)      # no double spaces
    'ça marche '

A key is the text it types (one character, or a ligature such as the Arabic "لا"), or one of
the special keys ``BACKSPACE``, ``SPACE``, ``SHIFT``, ``LAYER`` (letters ↔ digits and
symbols), ``LAYOUT`` (the chooser of keyboard layouts) and ``SUBMIT``. Shift is ``"off"``, ``"once"``
(the next letter only) or ``"lock"`` (caps lock, after a double tap).
"""

from __future__ import annotations

BACKSPACE = "backspace"
SPACE = "space"
SHIFT = "shift"
LAYER = "layer"
SUBMIT = "submit"
LAYOUT = "layout"
SPECIAL_KEYS = (BACKSPACE, SPACE, SHIFT, LAYER, LAYOUT, SUBMIT)

SHIFT_STATES = ("off", "once", "lock")
LAYERS = ("letters", "symbols")


def is_letter(key: str) -> bool:
    """A key that shift turns into a capital (œ → Œ, ç → Ç; digits and punctuation stay)."""
    return len(key) == 1 and key.isalpha()


def shown(key: str, shift: str) -> str:
    """The character a key types with this shift state (ß stays ß: its capital would be two letters)."""
    if shift == "off" or not is_letter(key) or len(key.upper()) != 1:
        return key
    return key.upper()


def apply_key(text: str, key: str, shift: str = "off", max_length: int = 200) -> str:
    """The text after one touch of ``key``: special keys other than backspace and space leave it unchanged.

    Rules: nothing is added beyond ``max_length``; no space at the start and never two in
    a row; backspace removes the last character.
    """
    if key == BACKSPACE:
        return text[:-1]
    if key == SPACE:
        key = " "
    if key in SPECIAL_KEYS or not key:
        return text
    if len(text) + len(key) > max_length:
        return text
    if key == " " and (not text or text.endswith(" ")):
        return text
    return text + shown(key, shift)


def shift_after_key(shift: str, key: str) -> str:
    """One-shot shift turns off once a letter is typed; caps lock stays."""
    return "off" if shift == "once" and is_letter(key) else shift


def shift_after_tap(shift: str, double_tap: bool = False) -> str:
    """Touching shift: off → once → off; a double tap locks capitals; any touch unlocks them."""
    if double_tap:
        return "lock"
    return "once" if shift == "off" else "off"


def other_layer(layer: str) -> str:
    return "symbols" if layer == "letters" else "letters"


def fit(text: str, max_length: int) -> str:
    """Text set from outside (a draft, a default town), held to the same rules as typed text."""
    result = ""
    for character in text:
        result = apply_key(result, SPACE if character.isspace() else character, max_length=max_length)
    return result


def finished(text: str) -> str:
    """The text handed over on submit: without a trailing space."""
    return text.rstrip()
