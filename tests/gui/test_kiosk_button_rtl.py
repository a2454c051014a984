"""An Arabic caption too long for its button wraps in reading order: its first words on the top line."""

from __future__ import annotations

from kivy.core.text import Label as CoreLabel
from kivy.core.window import Window
from kivy.factory import Factory

from kiosk.render.bidi import shape_line

CAPTION = "عدلوه واسألوا من جديد قبل التصويت"   # "amend it and ask again before the vote"


def test_a_wrapped_arabic_caption_reads_from_its_first_line(kiosk):
    button = Factory.SecondaryButton(text=CAPTION, size_hint=(None, None), width=300)
    Window.add_widget(button)
    try:
        kiosk.frames(6)
        lines = button.text.split("\n")
        assert len(lines) >= 2, "narrow enough to wrap"
        words = CAPTION.split()
        first = " ".join(words[:len(lines[0].split())])
        assert lines[0] == shape_line(first), "the caption's first words on the top line"
        assert all(button.font_size and line for line in lines)
        assert button.texture_size[0] <= button.width + 1, "the caption's texture holds the padding (Kivy takes it off the text's width)"
        measure = CoreLabel(font_name=button.font_name, font_size=button.font_size, bold=True)
        assert max(measure.get_extents(line)[0] for line in lines) <= button.width - button.padding[0] - button.padding[2] + 1

        button.width = 900                      # room for it all: one line again
        kiosk.frames(6)
        assert button.text == shape_line(CAPTION)

        button.text = "Amend it and ask again"  # a left-to-right caption passes through
        kiosk.frames(4)
        assert button.text == "Amend it and ask again"
    finally:
        Window.remove_widget(button)
