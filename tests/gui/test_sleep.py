"""Outside opening hours the kiosk sleeps once nobody is visiting, and a touch wakes it for a visit (kiosk.gui.sleep)."""

from __future__ import annotations

import time
from datetime import datetime

import pytest
from kivy.core.window import Window

from tests.gui.test_visitor_flow import open_exhibit, start_visit

BLACK = [0, 0, 0, 1]


class FakeDisplay:
    def __init__(self):
        self.said: list[str] = []

    def off(self) -> list[str]:
        self.said.append("off")
        return ["test"]

    def on(self) -> list[str]:
        self.said.append("on")
        return ["test"]


@pytest.fixture
def venue(fresh):
    """The kiosk with hours of the venue's own (the facilitator's setting), and a display that notes what it is told."""
    app = fresh.app
    display, app.sleeper.display = app.sleeper.display, FakeDisplay()
    source, app.sleeper.clock_source = app.sleeper.clock_source, lambda: "network"
    yield fresh
    app.sleeper.wake(visit=False)
    app.settings.opening_hours = None
    app.sleeper.display, app.sleeper.clock_source = display, source
    app.idle.reset_now()
    fresh.settle()


def hours(kiosk, expression: str | None) -> None:
    kiosk.app.settings.opening_hours = expression
    kiosk.app.sleeper.tick(datetime.now())   # what the app's one-second tick does
    kiosk.settle()
    kiosk.wait_until(lambda: kiosk.app.sleeper._orders.empty(), 5)   # the screen's light is switched on a thread
    time.sleep(0.05)


def test_closed_and_nobody_visiting_the_screen_goes_dark_and_a_touch_starts_a_visit(venue):
    kiosk, app = venue, venue.app
    hours(kiosk, "off")
    assert app.navigator.current == "asleep" and list(Window.clearcolor) == BLACK
    assert app.sleeper.display.said == ["off"]
    kiosk.tap_at(300, 900)                                     # anywhere
    assert app.navigator.current == "language", "woken for a visit: the language choice at once"
    assert app.sleeper.display.said == ["off", "on"] and list(Window.clearcolor) != BLACK
    hours(kiosk, "off")
    assert app.navigator.current == "language", "the woken visitor is not put back to sleep"
    app.idle.reset_now()                                       # they leave: the idle reset
    hours(kiosk, "off")
    assert app.navigator.current == "asleep", "asleep again after that visitor"


def test_a_visitor_in_the_middle_of_an_exhibit_at_closing_time_is_never_interrupted(venue):
    kiosk, app = venue, venue.app
    start_visit(kiosk, "English")
    open_exhibit(kiosk, app.content.exhibits[0].id)
    hours(kiosk, "off")
    assert app.navigator.current == "exhibit" and app.sleeper.display.said == []
    app.idle.reset_now()
    hours(kiosk, "off")
    assert app.navigator.current == "asleep"


def test_at_opening_time_it_wakes_to_the_attract_loop_by_itself(venue):
    kiosk, app = venue, venue.app
    hours(kiosk, "off")
    assert app.navigator.current == "asleep"
    hours(kiosk, "24/7")                                       # the facilitator's "always open", or the hour come
    assert app.navigator.current == "attract" and app.sleeper.display.said == ["off", "on"]
    assert list(Window.clearcolor) == list(app.theme.paper)


def test_a_clock_nothing_vouches_for_never_darkens_the_screen(venue):
    """A Raspberry Pi with no network restores the time of its last shutdown: it could think the venue closed."""
    kiosk, app = venue, venue.app
    app.sleeper.clock_source = lambda: None
    hours(kiosk, "off")
    assert app.navigator.current == "attract" and app.sleeper.display.said == []


def test_hours_in_the_exhibition_apply_until_the_facilitator_sets_the_venues(venue):
    kiosk, app = venue, venue.app
    hours(kiosk, None)
    assert app.navigator.current == "attract", "the bundled exhibition has no hours: always awake"
    hours(kiosk, "Mo-Su 00:00-24:00")
    assert app.navigator.current == "attract"


def test_the_facilitator_sets_the_venues_hours_from_the_menu_and_a_wrong_one_is_explained(facilitator, monkeypatch):
    from kiosk.gui.facilitator import menu as menu_module
    from tests.gui.test_facilitator import open_menu_in

    driver, app = facilitator, facilitator.app
    typed = []
    monkeypatch.setattr(menu_module, "ask_text", lambda _app, title, initial, _length, done: typed.append(
        (title, initial, done)))
    try:
        menu = open_menu_in(driver, "en")
        driver.tap_text("Always open")
        assert app.settings.opening_hours == "24/7"
        driver.tap_text("Other hours")
        title, initial, done = typed[-1]
        assert "Tu-Su 10:00-18:00; PH off" in title and initial == "Tu-Su 10:00-18:00; PH off"
        done("Tu-Su 10h-18h")                                  # as people write it on a door
        assert app.settings.opening_hours == "24/7", "nothing changed"
        assert "could not be read" in menu.notice and "Tu-Su 10:00-18:00; PH off" in menu.notice
        done("We-Su 14:00-19:00")
        assert app.settings.opening_hours == "We-Su 14:00-19:00"
        driver.settle()
        driver.tap_text("As the exhibition says")
        assert app.settings.opening_hours is None
    finally:
        app.settings.opening_hours = None
        app.settings.save()
