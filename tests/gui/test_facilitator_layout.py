"""What the facilitator sees in the menu, the PIN pad and the notes: their words, bars, buttons and icons.

The menu is shown with a day's figures and two USB sticks, in French and Arabic, at the kiosk's three sizes.
"""

from __future__ import annotations

import datetime
import re

import pytest

from kivy.core.text import Label as CoreLabel
from kivy.core.window import Window
from kivy.graphics import Rectangle
from kivy.uix.gridlayout import GridLayout
from kivy.uix.label import Label

from kiosk.facilitator.export import Drive
from kiosk.gui.facilitator.menu import MenuBar, MenuCard, _natural_width
from kiosk.gui.theme import measured_line
from kiosk.gui.widgets.widgets import KioskButton
from kiosk.render.bidi import has_rtl
from kiosk.stats.model import ExhibitAttention
from kiosk.stats.query import TodayNumbers
from tests.gui.test_facilitator import open_menu_in, pin_pad

SIZES = [(1920, 1080), (1280, 800), (1080, 1920)]


@pytest.fixture
def busy_day(facilitator, monkeypatch, tmp_path):
    """A day with visits on every exhibit's longest title, and two sticks plugged in; the window put back after."""
    app = facilitator.app
    exhibits = sorted(app.content.exhibits, key=lambda manifest: -len(app.facilitator_text(manifest.title)))[:5]
    numbers = TodayNumbers(day=datetime.date.today(), venue=None, visits=23, median_visit_seconds=245,
                           top_exhibits=[ExhibitAttention(m.id, 9, 900 - 130 * i, 60) for i, m in enumerate(exhibits)],
                           languages={"fr": 14, "ar": 5, "en": 2}, without_language=2, ended_visits=20)
    monkeypatch.setattr(app.facilitator.export, "today", lambda: numbers)
    monkeypatch.setattr(app.facilitator.export, "drives", lambda: [
        Drive(tmp_path, "STICK", 10**9, 2 * 10**9), Drive(tmp_path, "KINGSTON-USB", 3 * 10**9, 8 * 10**9)])
    yield facilitator
    app.settings.facilitator_language = "fr"
    app.apply_settings()
    Window.size = (1920, 1080)
    facilitator.settle()


def menu_texts(driver, menu) -> list[str]:
    """Every text of the menu, scrolled out of sight or not, as typed (Arabic in its logical order)."""
    return [getattr(w, "logical_text", "") or w.text for w in driver.widgets(menu)
            if isinstance(w, Label) and w.font_name != "Icons" and w.text]


@pytest.mark.parametrize("language", ["fr", "ar"])
def test_the_menu_has_no_english_words_nor_english_quotes(busy_day, language):
    menu = open_menu_in(busy_day, language)
    text = "\n".join(menu_texts(busy_day, menu))
    for english in ("median length", "Exhibits that held attention", "no problem", "not installed from a bundle",
                    "Languages (visits)", "free)", " GB"):
        assert english not in text, f"{english!r} is left in the {language} menu"
    assert "“" not in text and "”" not in text                      # English quotes
    if language == "fr":
        plain = text.replace("\u202f", " ").replace("\u00a0", " ")   # French no-break spaces read as spaces
        assert "« " in plain and "Go libres" in plain


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("language", ["fr", "ar"])
def test_at_each_size_the_figures_and_the_rows_of_buttons_fit(busy_day, language, size):
    Window.size = size
    menu = open_menu_in(busy_day, language)
    bar_names_take_at_most_two_lines_and_figures_have_their_letters(busy_day, menu)
    buttons_of_a_row_are_equal_full_width_and_whole(busy_day, menu)


def bar_names_take_at_most_two_lines_and_figures_have_their_letters(driver, menu) -> None:
    bars = [w for w in driver.widgets(menu) if isinstance(w, MenuBar)]
    assert len(bars) >= 8                                           # five exhibits, four languages
    theme = driver.app.theme
    for bar in bars:
        name, figure = bar.ids.name, bar.ids.figure
        assert lines(bar.label, name.font_name, name.font_size, name.width) <= 2, bar.label
        assert not name.text.endswith("…")                          # whole, not cut to two lines
        assert lines(bar.figure, figure.font_name, figure.font_size, figure.width) == 1
        assert has_rtl(bar.figure) == (figure.font_name == "KioskArabic")    # "15 د" is not drawn in boxes
        assert name.height <= 2 * theme.line_height(name.font_size, name.font_name) + 2


def lines(text: str, font: str, size: float, width: float) -> int:
    """The lines ``text`` takes wrapped at ``width``."""
    whole = CoreLabel(text=text, font_name=font, font_size=size, text_size=(width, None))
    whole.refresh()
    one = CoreLabel(text="Ag", font_name=font, font_size=size)
    one.refresh()
    return 1 + round((whole.texture.height - one.texture.height) / measured_line(font, size))


def buttons_of_a_row_are_equal_full_width_and_whole(driver, menu) -> None:
    grids = [w for w in driver.widgets(menu) if isinstance(w, GridLayout)]
    assert len(grids) >= 5                                          # mode, two of languages, export, leave
    for grid in grids:
        card = grid.parent
        assert isinstance(card, MenuCard)
        buttons = list(grid.children)
        assert {round(b.width) for b in buttons} == {round(buttons[0].width)}, [b.text for b in buttons]
        inner = card.width - card.padding[0] - card.padding[2]
        row = min(grid.cols, len(buttons))
        assert abs(row * buttons[0].width + (row - 1) * grid.spacing[0] - inner) <= 2   # the card's width
        assert len(buttons) % grid.cols == 0 or len(buttons) < grid.cols * 2        # rows as full as can be
        for button in buttons:
            assert button.y >= card.y + card.padding[3] - 1, f"{button.text!r} is cut at the bottom"
            assert button.x >= card.x and button.right <= card.right
            assert button.wrap or button.texture_size[0] <= button.width + 1, f"{button.text!r} runs over"
    for button in (w for w in driver.widgets(menu) if isinstance(w, KioskButton)):
        assert button.wrap or button.texture_size[0] <= button.width + 1, f"{button.text!r} runs over"


def icon_beside_word(button, space: float) -> None:
    """The icon just before the caption in reading order, the two centred in the button as one group."""
    picture = next(i for i in button.canvas.after.children if isinstance(i, Rectangle) and i.texture is not None
                   and i.texture is button.icon_texture)
    icon_left, icon_right = picture.pos[0], picture.pos[0] + picture.size[0]
    left, right = button.padding[0], button.padding[2]
    room = button.texture_size[0] - left - right                    # the caption's box, centred in the button
    word = _natural_width(button) - left - right                    # the word drawn in it, centred in it
    word_left = button.center_x - button.texture_size[0] / 2 + left + (room - word) / 2
    word_right = word_left + word
    if button.icon_after:                                           # right to left: the icon on the word's right
        gap = icon_left - word_right
        group = (word_left, icon_right)
    else:
        gap = word_left - icon_right
        group = (icon_left, word_right)
    assert 0 <= gap <= space * 3, f"{button.text!r}: the icon is {gap:.0f} px from its word"
    assert abs((group[0] + group[1]) / 2 - button.center_x) <= space * 2, f"{button.text!r} is off centre"


@pytest.mark.parametrize("language", ["fr", "ar"])
def test_every_icon_sits_beside_its_word(busy_day, language):
    Window.size = (1280, 800)
    menu = open_menu_in(busy_day, language)
    buttons = [w for w in busy_day.widgets(menu) if isinstance(w, KioskButton) and w.icon and w.text
               and _natural_width(w) <= w.width]                      # every caption that fits on one line
    assert len(buttons) >= 9
    assert all(b.icon_after == (language == "ar") for b in buttons)
    for button in buttons:
        icon_beside_word(button, busy_day.app.theme.space)


@pytest.mark.parametrize("language", ["fr", "ar"])
def test_the_pin_pads_cancel_keeps_its_cross_beside_its_word(busy_day, language):
    app = busy_day.app
    app.settings.facilitator_language = language
    app.apply_settings()
    app.facilitator.access.open_entry()
    busy_day.settle()
    cancel = next(b for b in busy_day.widgets(pin_pad()) if isinstance(b, KioskButton) and b.icon == "x")
    assert cancel.width > _natural_width(cancel) * 1.5                # a wide button: the group must still be centred
    icon_beside_word(cancel, app.theme.space)
    pin_pad().dismiss()
    busy_day.settle()


def test_french_notes_in_the_arabic_sheet_are_drawn_in_the_latin_font(busy_day):
    app = busy_day.app
    app.settings.facilitator_language = "ar"
    app.apply_settings()
    path = next(p for p in app.content.paths if p.kind == "tour")
    app.facilitator.guided.start(path.id)
    bar = app.root_widget.facilitator_bar
    bar.toggle_notes()
    busy_day.settle()
    try:
        blocks = [w for w in bar.ids.notes.children if w.logical_text]
        latin = [w for w in blocks if not has_rtl(w.logical_text)]
        assert latin and re.search(r"[àéè]", " ".join(w.logical_text for w in latin))   # the French notes
        assert all(w.font_name == "Kiosk" for w in latin)
        assert all(w.font_name == "KioskArabic" for w in blocks if has_rtl(w.logical_text))
        for block in latin:                                          # at the Latin line height, not the Arabic one
            count = lines(block.logical_text, "Kiosk", block.font_size, block.width)
            assert block.height <= count * app.theme.line_height(block.font_size, "Kiosk") + 2
    finally:
        bar.toggle_notes()
        app.facilitator.guided.stop()
