"""The access button and its modes, driven as a visitor does: larger text, high contrast, less motion."""

from __future__ import annotations

import pytest
from kivy.core.window import Window

from kiosk.gui.curator.proof_checks import screen_problems
from kiosk.gui.widgets.access_panel import AccessPanel
from kiosk.render.contrast import HIGH_CONTRAST, STANDARD, contrast
from kiosk.visit.access import TEXT_FACTOR
from tests.gui.test_language_and_idle import switch_language
from tests.gui.test_visit_recording import events_after, last_event_id
from tests.gui.test_visitor_flow import open_exhibit, start_visit


def hex_of(rgba) -> str:
    return "#" + "".join(f"{round(c * 255):02X}" for c in rgba[:3])


def open_panel(kiosk, screen_name: str) -> AccessPanel:
    screen = kiosk.app.navigator.screen(screen_name)
    kiosk.tap(screen.ids.access)
    panel = AccessPanel._shared
    assert panel is not None and panel.parent is not None, "the access button opens the panel"
    return panel


def row(panel, mode: str):
    return next(r for r in panel.rows() if r.mode == mode)


def close(kiosk, panel) -> None:
    kiosk.tap(panel.ids.done)
    assert panel.parent is None


def test_the_access_button_is_on_every_visitor_screen_and_in_reach_of_a_finger(fresh):
    kiosk, app = fresh, fresh.app
    kiosk.tap_at(960, 540)
    for name in ("language", "home", "exhibit"):
        if name == "home":
            kiosk.tap(next(w for w in kiosk.widgets(kiosk.screen) if getattr(w, "language", None) == "fr"))
        elif name == "exhibit":
            open_exhibit(kiosk, "origines-enclosures")
        assert app.navigator.current == name
        button = app.navigator.screen(name).ids.access
        assert button.icon == "accessibility"
        assert min(button.size) >= app.theme.touch - 1, (name, button.size)


def test_larger_text_grows_every_text_and_the_screen_beneath_reflows(fresh):
    kiosk, app = fresh, fresh.app
    start_visit(kiosk, "English")
    view = open_exhibit(kiosk, "origines-enclosures")
    body_before = app.theme.body
    summary = kiosk.find_text("In England, from the 16th")
    summary_before = summary.font_size

    panel = open_panel(kiosk, "exhibit")
    large = row(panel, "large_text")
    assert not large.on
    kiosk.find_text("Off", root=large)
    kiosk.tap(large)
    assert large.on and app.session.access.large_text
    kiosk.find_text("On", root=large)   # the state in words, not only by the switch's place
    assert app.theme.body == pytest.approx(body_before * TEXT_FACTOR)
    close(kiosk, panel)
    kiosk.settle()

    summary = kiosk.find_text("In England, from the 16th")   # the view is built again in the new sizes
    assert summary.font_size == pytest.approx(summary_before * TEXT_FACTOR)
    view = app.navigator.screen("exhibit").view
    assert view.manifest.id == "origines-enclosures"
    problems = [p.message for p in screen_problems(app.root_widget, app.pictures) if p.kind != "upscaled"]
    assert problems == []


def test_high_contrast_reads_at_seven_to_one_on_screen(fresh):
    kiosk, app = fresh, fresh.app
    start_visit(kiosk, "Français")
    panel = open_panel(kiosk, "home")
    kiosk.tap(row(panel, "high_contrast"))
    close(kiosk, panel)
    kiosk.settle()
    assert hex_of(Window.clearcolor) == HIGH_CONTRAST["paper"]
    assert hex_of(app.theme.ink) == HIGH_CONTRAST["ink"]
    home = app.navigator.screen("home")
    title = home.ids.title
    assert contrast(hex_of(title.color), HIGH_CONTRAST["paper"]) >= 7
    for tab in home.ids.rooms.children:   # the rooms' colours are deepened: white on them, them on white
        assert contrast(hex_of(tab.outline), "#FFFFFF") >= 7, tab.room_id
    arrows = [w for w in kiosk.widgets(home) if type(w).__name__ == "ReaderArrow"]
    assert arrows
    for arrow in arrows:   # each arrow still shows on its disc (a rule bound to the ink once drew it black on black)
        assert contrast(hex_of(arrow.color), hex_of(arrow.background)) >= 3, (arrow.name, arrow.color, arrow.background)


def test_the_modes_last_the_visit_through_a_language_switch_and_end_at_the_idle_reset(fresh):
    kiosk, app = fresh, fresh.app
    before = last_event_id(app)
    kiosk.tap_at(960, 540)
    panel = open_panel(kiosk, "language")   # before any language is chosen
    kiosk.tap(row(panel, "large_text"))
    kiosk.tap(row(panel, "reduced_motion"))
    close(kiosk, panel)
    kiosk.tap(next(w for w in kiosk.widgets(kiosk.screen) if getattr(w, "language", None) == "en"))
    assert app.session.access.active == ("large_text", "reduced_motion"), "choosing a language keeps them"
    open_exhibit(kiosk, "origines-enclosures")
    switch_language(kiosk, "ar")
    assert app.session.access.active == ("large_text", "reduced_motion")
    assert app.theme.text_factor == TEXT_FACTOR

    app.idle.reset_now()
    kiosk.settle()
    assert app.session.access.active == ()
    assert app.theme.text_factor == 1 and not app.theme.reduced_motion
    assert hex_of(Window.clearcolor) == STANDARD["paper"]

    events = events_after(app, before)
    access = [(e["detail"], e["value"]) for e in events if e["kind"] == "access"]
    assert access == [("large_text", 1), ("reduced_motion", 1)]
    visits = {e["visit"] for e in events if e["kind"] == "access"}
    assert len(visits) == 1 and 0 not in visits, "counted within the visit, as every visit event is"


def test_less_motion_puts_the_row_of_cards_at_rest_at_once(fresh):
    kiosk, app = fresh, fresh.app
    start_visit(kiosk, "English")
    panel = open_panel(kiosk, "home")
    kiosk.tap(row(panel, "reduced_motion"))
    close(kiosk, panel)
    home = app.navigator.screen("home")
    cards = home.ids.scroll
    assert cards.count > cards.per_view, "the first room has more cards than a page"
    start = cards.scroll_x
    cards.turn(1)   # the pager's arrow: with less motion the row is at its place at once, nothing glides
    at_once = cards.scroll_x
    assert at_once != start
    kiosk.frames(10)
    assert cards.scroll_x == at_once


@pytest.fixture
def small_screen(fresh):
    Window.size = (1280, 800)
    fresh.settle()
    yield fresh
    Window.size = (1920, 1080)
    fresh.settle()


def test_qr_cards_too_many_for_their_column_turn_a_page_at_a_time_none_cut(small_screen):
    kiosk, app = small_screen, small_screen.app
    start_visit(kiosk, "Français")
    app.set_access("large_text", True)
    open_exhibit(kiosk, "origines-enclosures")
    kiosk.settle()
    screen = app.navigator.screen("exhibit")
    panels = screen.qr_panels()
    assert len(panels) == 2
    pager = next(w for w in screen.ids.qr_column.children if type(w).__name__ == "QrPager")
    shown = [w for w in screen.ids.qr_column.children if w in panels]
    assert len(shown) == pager.shown < 2
    kiosk.find_text(f"1 / {len(panels)}", root=pager)
    assert [p.kind for p in screen_problems(screen.ids.qr_scroll, app.pictures) if p.kind != "upscaled"] == []
    first = shown[0].url
    arrows = [w for w in pager.children if type(w).__name__ == "ReaderArrow"]
    forward = next(a for a in arrows if a.name == "chevron-right")
    kiosk.tap(forward)
    now = [w.url for w in screen.ids.qr_column.children if w in panels]
    assert now and first not in now
    kiosk.find_text(f"2 / {len(panels)}", root=pager)


def test_easy_to_read_on_a_panel_in_its_language_and_back_to_the_full_text(fresh):
    kiosk, app = fresh, fresh.app
    before = last_event_id(app)
    start_visit(kiosk, "Français")
    view = open_exhibit(kiosk, "origines-enclosures")
    assert view.easy_available and not view.easy
    kiosk.find_text("Facile à lire", root=view)
    kiosk.tap(view.ids.easy)
    view = kiosk.app.navigator.screen("exhibit").view
    assert view.easy
    kiosk.find_text("Les communs sont des terres partagées", root=view)   # the easy-read text, from its first page
    assert "pauvres de vivre sans dépendre" not in " ".join(kiosk.visible_texts(view))
    kiosk.find_text("Texte complet", root=view)
    problems = [p.message for p in screen_problems(app.root_widget, app.pictures) if p.kind != "upscaled"]
    assert problems == []
    kiosk.tap(view.ids.easy)
    assert not view.easy
    kiosk.find_text("Pendant des siècles", root=view)

    switch_language(kiosk, "en")                      # no English easy-read version: no switch offered
    view = kiosk.app.navigator.screen("exhibit").view
    assert not view.easy_available and view.ids.easy.parent.height == 0 and view.ids.easy.parent.opacity == 0
    events = events_after(app, before)
    assert [(e["detail"], e["value"]) for e in events if e["kind"] == "access"] == [("easy_read", 1)]


def test_within_reach_draws_every_screen_in_the_lower_part_where_taps_still_land(fresh):
    """The installer measured the screen (600 mm high, its lower edge 900 mm above the floor): a seated visitor
    reaches 1,220 mm, the lower 53 %. Within reach, every button of the exhibit screen and of the panel is
    there, the band above says so, a tap lands on what it shows, and the idle reset gives the whole screen back."""
    from kivy.uix.behaviors import ButtonBehavior

    from tests.gui.driver import _shown

    kiosk, app = fresh, fresh.app
    app.settings.reach = {"screen_height_mm": 600, "bottom_mm": 900}
    app.apply_settings()
    start_visit(kiosk, "English")
    open_exhibit(kiosk, "origines-enclosures")
    panel = open_panel(kiosk, "exhibit")
    kiosk.tap(row(panel, "reach"))
    kiosk.settle()
    share = app.theme.reach
    assert share == pytest.approx(0.533) and app.session.access.reach
    reach_top = Window.height * share + 1

    def top(widget) -> float:
        return widget.to_window(widget.x, widget.top)[1]

    assert top(panel.ids.box) <= reach_top, "the panel itself comes down"
    kiosk.find_text("Within reach: everything to touch is below")
    close(kiosk, panel)
    kiosk.settle()
    screen = app.navigator.screen("exhibit")
    buttons = [w for w in kiosk.widgets(screen) if isinstance(w, ButtonBehavior) and _shown(w) and w.width > 1]
    assert len(buttons) >= 6
    assert [w for w in buttons if top(w) > reach_top] == [], "every button within reach"
    assert screen.ids.home.to_window(*screen.ids.home.center)[1] < Window.height * share
    kiosk.tap(screen.ids.home)          # at the window's place it is drawn: the touch goes through the transform
    kiosk.settle()
    assert app.navigator.current == "home"

    app.idle.reset_now()
    kiosk.settle()
    assert app.theme.reach == 1 and not app.session.access.reach
    screens = app.root_widget.ids.reach
    assert screens.bbox == ((0, 0), tuple(Window.size)), "the whole screen again"
    app.settings.reach = None
    app.apply_settings()
