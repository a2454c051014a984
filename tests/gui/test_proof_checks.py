"""What `kiosk proof` flags on a drawn screen, checked on real Kivy widgets: each fault on a broken sample, none on a clean one."""

from __future__ import annotations

import pytest

from kivy.core.window import Window
from kivy.uix.boxlayout import BoxLayout
from kivy.uix.floatlayout import FloatLayout
from kivy.uix.image import Image
from kivy.uix.label import Label
from kivy.uix.scrollview import ScrollView
from kivy.uix.stencilview import StencilView

from kiosk.gui.curator.proof_checks import missing_glyphs, screen_problems
from kiosk.gui.images import PictureCache
from kiosk.render.bidi import shape_line
from tests.conftest import ROOTS


@pytest.fixture(autouse=True)
def landscape_window(kiosk):
    """Every check here is drawn on the suite's 1920×1080 window, whatever size an earlier test left."""
    if tuple(Window.size) != (1920, 1080):
        Window.size = (1920, 1080)
        kiosk.settle()

LONG = "A text far too long for the little box it was given by a layout that never asked"


def shown(driver, *widgets) -> FloatLayout:
    """``widgets`` placed on a test panel over the kiosk's window, laid out."""
    panel = FloatLayout(size=Window.size)
    for widget in widgets:
        panel.add_widget(widget)
    Window.add_widget(panel)
    driver.frames(4)
    return panel


def test_text_larger_than_its_box_or_poking_out_of_its_holder_is_flagged(kiosk):
    squeezed = Label(text=LONG, size_hint=(None, None), size=(120, 40), pos=(10, 10))
    holder = BoxLayout(size_hint=(None, None), size=(400, 30), pos=(10, 200))
    holder.add_widget(Label(text="Taller than its row", size_hint_y=None, height=90))
    panel = shown(kiosk, squeezed, holder)
    try:
        problems = screen_problems(panel, kiosk.app.pictures)
    finally:
        Window.remove_widget(panel)
    messages = [p.message for p in problems]
    assert all(p.kind == "overflow" for p in problems) and len(problems) == 2, messages
    assert any("text larger than its box" in m and "A text far too long" in m for m in messages)
    assert any("cut off by the edge of its BoxLayout" in m and "Taller than its row" in m for m in messages)


def test_scrolled_hidden_and_fitting_text_is_not_flagged(kiosk):
    scroll = ScrollView(size_hint=(None, None), size=(300, 60), pos=(10, 10))
    scroll.add_widget(Label(text="Below the fold\n" * 8, size_hint_y=None, height=400))
    hidden = Label(text=LONG, size_hint=(None, None), size=(50, 20), pos=(10, 300), opacity=0)
    fitting = Label(text="Fits", size_hint=(None, None), size=(200, 60), pos=(10, 400))
    panel = shown(kiosk, scroll, hidden, fitting)
    try:
        assert screen_problems(panel, kiosk.app.pictures) == []
    finally:
        Window.remove_widget(panel)


def test_a_picture_drawn_beyond_its_own_pixels_is_flagged_with_the_size_it_needs(kiosk):
    path = ROOTS / "base" / "panel-ok" / "picture.png"  # 48×32 px
    pictures = PictureCache()  # its own: the kiosk's may be lent to a rehearsal that decodes nothing
    texture = pictures.texture(path, (600, 400))
    big = Image(texture=texture, size_hint=(None, None), size=(600, 400), pos=(0, 0), fit_mode="contain")
    small = Image(texture=texture, size_hint=(None, None), size=(48, 32), pos=(700, 0), fit_mode="contain")
    panel = shown(kiosk, big, small)
    try:
        problems = screen_problems(panel, pictures)
    finally:
        Window.remove_widget(panel)
    assert [p.kind for p in problems] == ["upscaled"]
    assert "picture.png (48×32 px) is shown at 600×400 px (12.5×): give one at least 600×400 px" in problems[0].message


def problems_of(driver, *widgets, pictures=None) -> list:
    panel = shown(driver, *widgets)
    try:
        return screen_problems(panel, pictures or driver.app.pictures)
    finally:
        Window.remove_widget(panel)


def scroll_of_lines(driver, lines: float, width: int = 400, bar: int = 2) -> ScrollView:
    """A scroll ``lines`` lines high (a fraction cuts a line) over ten short lines of text, at rest at its top."""
    label = Label(text="\n".join(f"Line number {n}" for n in range(1, 11)), font_size=20, size_hint_y=None,
                  text_size=(width, None), halign="left")
    label.bind(texture_size=lambda widget, size: setattr(widget, "height", size[1]))
    scroll = ScrollView(size_hint=(None, None), size=(width, 100), pos=(10, 10), bar_width=bar, do_scroll_x=False)
    scroll.add_widget(label)
    panel = shown(driver, scroll)
    Window.remove_widget(panel)
    panel.remove_widget(scroll)
    scroll.height = label._label._cached_lines[0].h * lines
    return scroll


def test_a_line_cut_in_half_by_the_edge_of_a_scroll_at_rest_is_flagged(kiosk):
    problems = problems_of(kiosk, scroll_of_lines(kiosk, 2.5))
    assert [p.kind for p in problems] == ["cut-line"], problems
    assert "cut by the edge of its ScrollView: “Line number 3”" in problems[0].message


def test_a_scroll_that_ends_between_two_lines_cuts_nothing(kiosk):
    assert problems_of(kiosk, scroll_of_lines(kiosk, 3)) == []


def test_a_line_running_under_the_scroll_bar_is_flagged(kiosk):
    scroll = scroll_of_lines(kiosk, 3, width=400, bar=30)
    text = scroll.children[0]
    text.halign, text.text = "justify", "A paragraph whose lines fill the width of the box, scroll bar included. " * 6
    problems = problems_of(kiosk, scroll)
    assert [p.kind for p in problems] == ["cut-line"], problems
    assert "cut by its scroll bar" in problems[0].message


def test_a_reader_window_hides_its_other_pages_but_not_half_a_line(kiosk):
    """A StencilView (a reader's pages) hides text a tap away, like a scroll; half a line at its edge is a cut."""
    scroll = scroll_of_lines(kiosk, 3)
    label, line = scroll.children[0], scroll.children[0]._label._cached_lines[0].h
    scroll.remove_widget(label)
    window = StencilView(size_hint=(None, None), size=(400, line * 3), pos=(10, 10))
    label.size_hint_x, label.width, label.x = None, 400, 10
    window.add_widget(label)
    label.top = window.top  # the first page: lines 1–3 whole, the rest on the next pages
    assert problems_of(kiosk, window) == []
    window.remove_widget(label)  # problems_of laid the panel out; a fresh window for the broken case
    window = StencilView(size_hint=(None, None), size=(400, line * 3), pos=(10, 10))
    window.add_widget(label)
    label.top = window.top + line / 2  # the page turned half a line too far
    problems = problems_of(kiosk, window)
    assert [p.kind for p in problems] == ["cut-line"], problems
    assert "cut by the edge of its StencilView: “Line number 1”" in problems[0].message


class Card(BoxLayout):
    proof_card = True

    def __init__(self, title: str, **kwargs):
        super().__init__(**kwargs)
        self.add_widget(Label(text=title))


def row_of_cards(count: int, width: int) -> ScrollView:
    row = ScrollView(size_hint=(None, None), size=(500, 120), pos=(10, 10), do_scroll_y=False)
    cards = BoxLayout(size_hint=(None, 1), width=count * width)
    for number in range(1, count + 1):
        cards.add_widget(Card(f"Card {number}", size_hint_x=None, width=width))
    row.add_widget(cards)
    return row


def test_a_card_cut_by_the_edge_of_its_row_at_rest_or_scrolled_to_its_end_is_flagged(kiosk):
    problems = problems_of(kiosk, row_of_cards(3, 200))  # at rest: 2½ cards; scrolled to the end: ½ + 2
    assert [p.kind for p in problems] == ["cut-card", "cut-card"], problems
    messages = " ".join(p.message for p in problems)
    assert "“Card 3” is cut by the edge of its ScrollView when it rests at its start" in messages
    assert "“Card 1” is cut by the edge of its ScrollView when it rests scrolled to its end" in messages


def test_a_qr_card_cut_by_its_column_or_a_card_by_the_screen_is_flagged(kiosk):
    from kiosk.gui.widgets.widgets import QrPanel

    column = BoxLayout(orientation="vertical", size_hint=(None, None), size=(300, 200), pos=(10, 10))
    column.add_widget(QrPanel(label="Scan me", url="https://example.org", side=300))  # taller than its column
    edge = Card("Off the edge", size_hint=(None, None), size=(300, 100), pos=(Window.width - 100, 300))
    problems = problems_of(kiosk, column, edge)
    messages = " ".join(p.message for p in problems)
    assert [p.kind for p in problems] == ["cut-card", "cut-card"], problems
    assert "“Scan me” is cut by the edge of its BoxLayout" in messages
    assert "“Off the edge” is cut by the edge of the screen" in messages


def test_a_home_card_drawn_without_its_picture_is_flagged_and_a_whole_home_is_not(kiosk):
    kiosk.app.navigator.start_visit("en")
    kiosk.settle()
    home = kiosk.app.navigator.screen("home")
    assert [p for p in screen_problems(home, kiosk.app.pictures) if p.kind == "blank"] == []
    card = next(c for c in home.ids.cards.children if c.picture is not None)
    drawn, card.thumbnail = card.thumbnail, None  # what a picture asked for at a bad moment left behind
    try:
        problems = [p for p in screen_problems(home, kiosk.app.pictures) if p.kind == "blank"]
    finally:
        card.thumbnail = drawn
    assert len(problems) == 1, problems
    assert f"shows a blank frame instead of its picture {card.picture.name}" in problems[0].message
    assert card.title.split()[0] in problems[0].message


def test_whole_cards_in_a_row_that_scrolls_card_by_card_are_not_flagged(kiosk):
    assert problems_of(kiosk, row_of_cards(4, 250)) == []


def test_a_picture_the_screen_decoded_smaller_than_it_draws_it_is_flagged(kiosk, tmp_path):
    from PIL import Image as Picture

    path = tmp_path / "amap.png"
    Picture.new("RGB", (1600, 1000), "#2E6B3F").save(path)
    pictures = PictureCache()  # its own: the kiosk's may be lent to a rehearsal that decodes nothing
    small = pictures.texture(path, (100, 100))  # asked for before the window had its size
    sharp = pictures.texture(path, (640, 400))
    problems = problems_of(kiosk, Image(texture=small, size_hint=(None, None), size=(640, 400), fit_mode="contain"),
                           Image(texture=sharp, size_hint=(None, None), size=(640, 400), pos=(700, 0),
                                 fit_mode="contain"), pictures=pictures)
    assert [p.kind for p in problems] == ["upscaled"], problems
    assert "amap.png was made 128×80 px for the screen and is shown at 640×400 px (5.0×)" in problems[0].message


def test_the_attract_loop_is_checked_for_pictures_drawn_beyond_their_pixels(fresh, tmp_path):
    """The attract's first slide used to be decoded at Kivy's 100×100 before the window had its size."""
    from PIL import Image as Picture

    picture = tmp_path / "slide.png"
    Picture.new("RGB", (2400, 1500), "#8C2F39").save(picture)
    attract = fresh.app.navigator.screen("attract")
    assert fresh.app.navigator.current == "attract"
    front, was = attract.ids.front, attract.ids.front.texture
    pictures = PictureCache()  # its own: the kiosk's may be lent to a rehearsal that decodes nothing

    def upscaled(box) -> list:
        front.texture = pictures.texture(picture, box)
        fresh.frames(2)
        return [p for p in screen_problems(fresh.app.root_widget, pictures)
                if p.kind == "upscaled" and "slide.png" in p.message]  # not a slide fading out behind it

    try:
        assert upscaled(Window.size) == []
        blurry = upscaled((100, 100))
    finally:
        front.texture = was
    assert len(blurry) == 1 and "for the screen" in blurry[0].message, blurry


def test_letters_the_font_lacks_are_flagged_as_drawn_with_markup_and_shaping(kiosk):
    arabic = shape_line("المتحف")  # shaped into presentation forms, as labels receive it
    no_arabic = Label(text=f"Musée {arabic}", font_name="Kiosk", size_hint=(None, None), size=(400, 60))
    icons = Label(text="[b]ok[/b] [font=Icons]Zed[/font]", markup=True, font_name="Kiosk",
                  size_hint=(None, None), size=(400, 60), pos=(0, 100))
    problems = problems_of(kiosk, no_arabic, icons)
    assert [p.kind for p in problems] == ["glyph", "glyph"], problems
    assert missing_glyphs(icons) == "Zed"
    assert set(missing_glyphs(no_arabic)) == set(arabic.replace(" ", ""))


def test_text_in_a_font_that_has_its_letters_is_not_flagged(kiosk):
    arabic = Label(text="\u200f" + shape_line("المتحف مفتوح"), font_name="KioskArabic",
                   size_hint=(None, None), size=(400, 60))
    latin = Label(text="[b]Œuvre[/b] « l’économie » – 12 €", markup=True, font_name="Kiosk",
                  size_hint=(None, None), size=(600, 60), pos=(0, 100))
    assert missing_glyphs(arabic) == missing_glyphs(latin) == ""
    assert problems_of(kiosk, arabic, latin) == []


def test_arabic_is_quoted_in_reading_order_and_an_icon_by_its_name(kiosk):
    from kiosk.gui.widgets.widgets import Icon, TextBlock

    title = BoxLayout(size_hint=(None, None), size=(400, 10), pos=(0, 100))  # too low for its line
    title.add_widget(TextBlock(logical_text="متحف الرأسمالية"))
    squeezed = Label(text=shape_line("لا أصوات بعد"), font_name="KioskArabic", size_hint=(None, None),
                     size=(20, 20), pos=(0, 300))
    icon = Icon(name="house", pos=(Window.width - 10, 500))  # half off the screen
    messages = " ".join(p.message for p in problems_of(kiosk, title, squeezed, icon))
    assert "“متحف الرأسمالية”" in messages and "“لا أصوات بعد”" in messages and "“icon house”" in messages


def test_an_edge_rests_between_lines_and_buttons_never_through_one():
    """The reckoning behind KioskScrollView.whole_lines: (bottom, top, slack) units on the window, an edge raised
    above any it runs through, by as little as it can, and not at all when it runs between them."""
    from kiosk.gui.widgets.lines import rest_between

    lines = [(y, y + 30, 6) for y in range(0, 300, 30)]          # ten lines of 30 px, from 0 to 300
    assert rest_between(lines, 90, 300) == 0                     # between two lines: nothing to give up
    assert rest_between(lines, 100, 300) == 21                   # through a line: above it, a pixel clear
    assert rest_between(lines, 62, 300) == 0                     # through its spacing only: a sliver, not a cut
    assert rest_between(lines, 88, 300) == 3                     # two pixels of a line's top show: above it too
    button = [(95, 135, 2)]                                       # a button's frame shows even a few pixels cut
    assert rest_between(lines + button, 100, 300) == 51           # above the line, then the button, then a line
    assert rest_between([(0, 400, 6)], 100, 300) == 0            # taller than the view: nothing can avoid it


def test_a_game_panel_s_scroll_gives_up_the_half_line_it_would_show(kiosk):
    """A KioskScrollView with whole_lines, 2.5 lines high over ten lines: it gives up the half line (the room
    left goes to its holder), and the proof finds nothing cut."""
    from kiosk.gui.widgets.widgets import KioskScrollView

    label = Label(text="\n".join(f"Line number {n}" for n in range(1, 11)), font_size=20, size_hint_y=None,
                  text_size=(400, None), halign="left")
    label.bind(texture_size=lambda widget, size: setattr(widget, "height", size[1]))
    holder = BoxLayout(orientation="vertical", size_hint=(None, None), size=(400, 100), pos=(10, 10))
    scroll = KioskScrollView(whole_lines=True, do_scroll_x=False, bar_width=2)
    scroll.add_widget(label)
    holder.add_widget(scroll)
    panel = shown(kiosk, holder)
    try:
        line = label._label._cached_lines[0].h
        holder.height = line * 2.5
        kiosk.frames(6)
        assert scroll.given_up == pytest.approx(line * 0.5 + 1, abs=1.5)
        assert scroll.height == pytest.approx(line * 2 - 1, abs=1.5)
        assert screen_problems(panel, kiosk.app.pictures) == []
        label.text = "One line"                                  # content that fits: the scroll takes its room again
        kiosk.frames(6)
        assert scroll.given_up == 0 and scroll.height == pytest.approx(line * 2.5)
    finally:
        Window.remove_widget(panel)
