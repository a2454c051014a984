"""BidiLabel draws Arabic joined, right to left, with digits and Latin words readable (real window, Xvfb)."""

from __future__ import annotations

import os
import sys

import pytest
from PIL import Image, ImageFont

from kiosk.render.bidi import shape_line
from tests.conftest import PROJECT

FONTS = PROJECT / "media" / "fonts"
KIOSK_FONT = FONTS / "NotoSansKiosk-Regular.ttf"
KIOSK_BOLD = FONTS / "NotoSansKiosk-Bold.ttf"
WIDTH = 600
SAMPLES = {
    "pure": "متحف الرأسمالية",
    "digits": "تأسست أول جمعية سنة 2001 في فرنسا",
    "latin": "نظام AMAP للزراعة",
    "paragraph": ("السطر الأول: تأسست أول جمعية سنة 2001 في فرنسا. السطر الثاني يتحدث عن نظام "
                  "AMAP للزراعة التضامنية (في المدن والأرياف). السطر الثالث ينتهي هنا بكلمة النهاية."),
}


@pytest.fixture(scope="module")
def window(tmp_path_factory):
    if not os.environ.get("DISPLAY"):
        pytest.skip("no X display: install Xvfb and pytest-xvfb")
    if "kivy" not in sys.modules:  # Kivy reads these once, on import
        os.environ["KIVY_HOME"] = str(tmp_path_factory.mktemp("kivy-home-window"))
        os.environ.setdefault("KIVY_NO_CONSOLELOG", "1")  # its handler outlives pytest's capture
    from kivy.base import EventLoop

    EventLoop.ensure_window()
    return EventLoop.window


@pytest.fixture
def show(window):
    """``show(text, **properties)`` puts a BidiLabel on the window and draws a few frames."""
    from kivy.base import EventLoop

    from kiosk.gui.widgets.arabic_label import BidiLabel

    shown = []

    def put(text, **properties):
        options = dict(font_name=str(KIOSK_FONT), font_size=30, color=(0, 0, 0, 1),
                       base_direction="rtl", size_hint=(None, None), width=WIDTH)
        label = BidiLabel(logical_text=text, **{**options, **properties})
        window.add_widget(label)
        shown.append(label)
        for _ in range(3):
            EventLoop.idle()
        return label

    yield put
    for label in shown:
        window.remove_widget(label)


def ink_box(label, path):
    """Save the label's texture as a PNG and return the bounding box of its opaque pixels."""
    label.texture.save(str(path), flipped=False)
    return Image.open(path).getchannel("A").point(lambda a: 255 if a > 128 else 0).getbbox()


def line_height(font=KIOSK_FONT, size=30):
    from kivy.core.text import Label as CoreLabel

    return CoreLabel(font_name=str(font), font_size=size).get_extents("ا")[1]


@pytest.mark.parametrize("name", SAMPLES)
def test_sample_is_drawn_right_aligned(show, tmp_path, name):
    label = show(SAMPLES[name])
    box = ink_box(label, tmp_path / f"{name}.png")
    assert box is not None, "blank texture"
    assert label.texture.width == WIDTH
    assert box[2] >= WIDTH - 6  # the right end of the text touches the right edge


def test_paragraph_wraps_on_three_lines_or_more_in_logical_order(show):
    label = show(SAMPLES["paragraph"])
    lines = label.text.split("\n")
    assert len(lines) >= 3
    assert lines[0].endswith(shape_line("السطر"))  # the first word starts the top line
    assert "2001" in label.text and "AMAP" in label.text
    assert label.texture.height == len(lines) * line_height()  # Kivy did not wrap again


def test_narrower_label_rewraps_to_more_lines(show):
    label = show(SAMPLES["paragraph"])
    wide = label.text.count("\n")
    label.width = 300
    label.rewrap()
    assert label.text.count("\n") > wide
    assert all(label.measurer()(line) <= 300 for line in label.text.split("\n"))


def test_digits_texture_is_drawn_with_the_chosen_font(show):
    from kivy.core.text import Label as CoreLabel

    label = show(SAMPLES["digits"])
    assert label.text == shape_line(SAMPLES["digits"])

    def drawn_with(font):
        reference = CoreLabel(text=label.text, font_name=str(font), font_size=30,
                              color=(0, 0, 0, 1), halign="right", text_size=(WIDTH, None))
        reference.refresh()
        return reference.texture.pixels

    assert label.texture.pixels == drawn_with(KIOSK_FONT)
    assert label.texture.pixels != drawn_with(FONTS / "NotoSansArabic-Regular.ttf")


def test_bold_font_renders_too(show, tmp_path):
    label = show(SAMPLES["latin"], font_name=str(KIOSK_BOLD))
    assert ink_box(label, tmp_path / "bold.png") is not None


def test_left_to_right_text_passes_through(show, tmp_path):
    text = "The first workers' cooperative opened in 1844 in Rochdale, England."
    label = show(text, base_direction="ltr")
    assert label.text == text
    assert ink_box(label, tmp_path / "ltr.png")[0] <= 6  # left-aligned


def test_every_character_drawn_has_a_glyph_in_the_kiosk_font():
    font = ImageFont.truetype(str(KIOSK_FONT), 40)
    missing = font.getmask("\U0010fffd")  # a private-use character: the font's "missing" box
    drawn = {char for text in SAMPLES.values() for char in shape_line(text) if not char.isspace()}
    absent = sorted(char for char in drawn
                    if font.getmask(char).size == missing.size
                    and bytes(font.getmask(char)) == bytes(missing))
    assert absent == []


def test_markup_in_right_to_left_text_is_dropped_not_drawn(show):
    """Bold words of an Arabic body show as plain words: no '[b]' scrap, its brackets kept as text."""
    label = show("في [b]السكن التشاركي[/b] تجتمع مجموعة [1]", markup=True)
    assert "[b]" not in label.text and "[/b]" not in label.text and "b/" not in label.text
    assert "&bl;" in label.text and "&br;" in label.text, "a bracket of the text itself is escaped, so it is drawn"
    assert shape_line("التشاركي") in label.text


def test_line_limit_keeps_the_first_lines_and_marks_the_cut(show):
    label = show(SAMPLES["paragraph"], line_limit=2)
    lines = label.text.split("\n")
    assert len(lines) == 2 and lines[-1].startswith("…"), "two lines, the second ending (at its left) with …"
    assert label.max_lines == 0, "Kivy's own limit is off: it would count lines differently"
    width = label.width - label.padding[0] - label.padding[2]
    assert label.measurer()(lines[-1]) <= width, "with its '…' the last line still fits: Kivy does not wrap it again"


def test_a_line_of_arabic_is_drawn_whole_at_a_reading_line_height(show, tmp_path):
    """The tallest and deepest letters (أ, ﻷ, ي, ج…) keep clear of the texture's edges: nothing is cut."""
    text = "أإآ لأ ﻷ يجع في جمعيّة «AMAP» gjÉ 2001"
    label = show(text)
    box = ink_box(label, tmp_path / "tall.png")
    height = label.texture.size[1]
    assert box[1] > 0 and box[3] < height, f"ink touches the edge: {box} in a texture {height} px high"
    assert height <= 30 * 1.6, f"one line is {height} px at 30 px: Arabic text looks double-spaced"


def test_line_limit_cuts_left_to_right_text_too(show):
    """Kivy's max_lines does nothing on a label whose height follows its text: the label cuts it itself."""
    text = "Les Équitables Pionniers de Rochdale ouvrent leur magasin coopératif en 1844, rue du Crapaud. " * 3
    label = show(text, base_direction="ltr", font_name=str(FONTS / "NotoSans-Regular.ttf"), line_limit=2)
    lines = label.text.split("\n")
    assert len(lines) == 2 and lines[-1].endswith("…")
    assert label.texture.size[1] <= 2 * 30 * 1.45
