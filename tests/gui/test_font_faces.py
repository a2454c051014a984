"""Open fonts are shared by every size that draws the same (SDL_ttf opens a font at a whole size), and no
label asks for a font of a size below one (a key of the wall's keyboard did, before its first layout)."""

from __future__ import annotations

from kivy.core.text import Label as CoreLabel

from tests.gui.test_reading_views import _walk


def test_sizes_that_draw_the_same_share_one_open_font(fresh):
    labels = [CoreLabel(text="Économie", font_size=size, font_name="Kiosk", bold=True) for size in (28, 28.0, 28.4)]
    assert len({label._get_font_id() for label in labels}) == 1
    assert labels[0]._get_font_id() != CoreLabel(text="Économie", font_size=29, font_name="Kiosk")._get_font_id()
    assert labels[0]._get_font_id() != CoreLabel(text="Économie", font_size=28, font_name="Kiosk")._get_font_id(), \
        "bold and regular are two fonts"
    widths = {label.get_extents("Économie solidaire")[0] for label in labels}
    assert len(widths) == 1, "and they measure alike, as they draw"


def test_the_keyboard_never_asks_for_a_font_below_one(fresh):
    from kiosk.gui.widgets.keyboard import OnScreenKeyboard
    keyboard = OnScreenKeyboard()
    keys = [widget for widget in _walk(keyboard) if type(widget).__name__ == "KeyboardKey"]
    assert keys and all(key.letter_em[0] for key in keys if not key.is_word)
    for key in keys:
        key.size = (0, 60)   # as a key can be before its row's first layout: narrower than its margins
    assert min(key.font_size for key in keys) >= 1
