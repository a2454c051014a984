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


def _drawn_words(label) -> str:
    label.rewrap()          # as the frame would: the block's text from its logical text, then drawn
    label.texture_update()
    return " ".join("".join(word.text for word in line.words).strip() for line in label._label._cached_lines)


def test_a_text_without_tags_is_drawn_plainly_and_tags_and_escapes_still_draw_as_meant(fresh):
    """Kivy's markup pass measures word by word (about twice the time of a plain text, which a
    language switch pays for every text on screen): a text block uses it only for a text that has
    tags or escapes, and its visitor sees the same words either way."""
    from kiosk.gui.widgets.widgets import TextBlock

    plain = TextBlock(logical_text="Une coopérative, à côté", width=900)
    assert plain.markup is False and _drawn_words(plain) == "Une coopérative, à côté"
    assert _ink(plain.texture) > 100

    tagged = TextBlock(logical_text="R&amp;D, [b]en gras[/b] &bl;1&br;", width=900)
    assert tagged.markup is True and _drawn_words(tagged).split() == ["R&D,", "en", "gras", "[1]"]

    tagged.logical_text = "sans balise"   # the same block, given a plain text
    assert tagged.markup is False and _drawn_words(tagged) == "sans balise"

    literal = TextBlock(rich=False, logical_text="[b]x[/b] & y", width=900)   # a finding quoting content
    assert literal.markup is False and _drawn_words(literal) == "[b]x[/b] & y"


def test_sizes_that_sdl_ttf_opens_at_the_same_whole_point_share_one_font(fresh):
    """SDL_ttf opens a font at whole points: 22, 22.0 and 22.4 are one font, not three (a tour in two
    languages opened 115, past the 64 Kivy keeps open, which it then closed and opened again)."""
    from kivy.core.text import Label as CoreLabel

    labels = [CoreLabel(text="Économie", font_name="Kiosk", font_size=size) for size in (22, 22.0, 22.4, 23)]
    ids = [label._get_font_id() for label in labels]
    assert ids[0] == ids[1] == ids[2] != ids[3]
    assert labels[0].get_extents("Économie") == labels[2].get_extents("Économie"), "the same letters, the same size"
