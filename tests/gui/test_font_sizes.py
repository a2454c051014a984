"""No label asks for a font of a size below one (a key of the wall's keyboard did, before its first layout)."""

from __future__ import annotations

from tests.gui.test_reading_views import _walk


def test_the_keyboard_never_asks_for_a_font_below_one(fresh):
    from kiosk.gui.widgets.keyboard import OnScreenKeyboard
    keyboard = OnScreenKeyboard()
    keys = [widget for widget in _walk(keyboard) if type(widget).__name__ == "KeyboardKey"]
    assert keys and all(key.letter_em[0] for key in keys if not key.is_word)
    for key in keys:
        key.size = (0, 60)   # as a key can be before its row's first layout: narrower than its margins
    assert min(key.font_size for key in keys) >= 1
