"""A label keeps its text's texture, not also the surface the text was drawn on (a second copy of its pixels)."""

from __future__ import annotations

import pytest


def _ink(texture) -> int:
    """How many pixels of the texture carry ink (alpha above zero)."""
    pixels = texture.pixels
    return sum(1 for alpha in pixels[3::4] if alpha)


@pytest.mark.parametrize("text, font", [("Bonjour, la coopérative", "Kiosk"), ("اقتصاد تضامني", "KioskArabic")])
def test_a_label_draws_its_text_and_lets_the_surface_go(fresh, text, font):
    from kivy.uix.label import Label

    label = Label(text=text, font_name=font, font_size=40)
    assert getattr(type(label._label)._render_end, "lets_go", False), "the kiosk's text provider is Kivy's SDL2 one"
    label.texture_update()
    assert label.texture is not None and _ink(label.texture) > 100, "the text is drawn"
    assert getattr(label._label, "_surface", None) is None, "its surface is let go once the texture is made"

    before = _ink(label.texture)
    label.text = text + " " + text      # drawn again, on a new surface, let go in turn
    label.texture_update()
    assert _ink(label.texture) > before and getattr(label._label, "_surface", None) is None
