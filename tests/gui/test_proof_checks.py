"""What `kiosk proof` flags on a drawn screen, checked on real Kivy widgets: clipped text and upscaled pictures."""

from __future__ import annotations

from kivy.core.window import Window
from kivy.uix.boxlayout import BoxLayout
from kivy.uix.floatlayout import FloatLayout
from kivy.uix.image import Image
from kivy.uix.label import Label
from kivy.uix.scrollview import ScrollView

from kiosk.gui.curator.proof_checks import screen_problems
from tests.conftest import ROOTS

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
    texture = kiosk.app.pictures.texture(path, (600, 400))
    big = Image(texture=texture, size_hint=(None, None), size=(600, 400), pos=(0, 0), fit_mode="contain")
    small = Image(texture=texture, size_hint=(None, None), size=(48, 32), pos=(700, 0), fit_mode="contain")
    panel = shown(kiosk, big, small)
    try:
        problems = screen_problems(panel, kiosk.app.pictures)
    finally:
        Window.remove_widget(panel)
    assert [p.kind for p in problems] == ["upscaled"]
    assert "picture.png (48×32 px) is shown at 600×400 px (12.5×): give one at least 600×400 px" in problems[0].message
