"""Facilitator mode, driven as a facilitator would: the hidden gesture, the PIN, the menu, a guided path, an export."""

from __future__ import annotations

import time

import pytest

from kivy.core.window import Window
from kivy.tests.common import UnitTestTouch
from kivy.uix.modalview import ModalView
from kivy.uix.scrollview import ScrollView

from kiosk.facilitator.export import Drive
from kiosk.facilitator.pin import LOCK_SECONDS, MAX_TRIES
from kiosk.gui.facilitator.pin_pad import PinPad
from kiosk.icons import icon
from tests.gui.conftest import PIN


def hold_corner(driver, seconds: float) -> None:
    """Hold a finger in the top-left corner for ``seconds``; a hold meant to be long enough lasts until the kiosk
    has seen it, as a person keeps holding until something happens (one slow frame on a loaded machine can
    otherwise swallow the kiosk's own hold time)."""
    from kiosk.gui import root as root_module

    driver.settle()
    touch = UnitTestTouch(5, Window.height - 5)
    touch.touch_down()
    end = time.monotonic() + seconds
    patience = end + 5
    while time.monotonic() < end or (
            seconds > root_module.HOLD_SECONDS and not touch.ud.get("secret_hold") and time.monotonic() < patience):
        driver.frames(1)
    touch.touch_up()
    driver.frames(1)
    driver.settle()


def pin_pad() -> PinPad | None:
    return next((w for w in Window.children if isinstance(w, PinPad)), None)


def type_pin(driver, pin: str) -> None:
    pad = pin_pad()
    for digit in pin:
        driver.tap(next(b for b in driver.widgets(pad) if getattr(b, "text", None) == digit))
    driver.tap(next(b for b in driver.widgets(pad) if getattr(b, "text", None) == "OK"))


def test_gesture_then_wrong_pins_lock_the_pad_then_the_right_pin_opens_the_menu(facilitator, monkeypatch):
    driver, app = facilitator, facilitator.app
    hold_corner(driver, 0)
    assert pin_pad() is None                                   # a quick tap in the corner opens nothing
    hold_corner(driver, 1.2)
    assert pin_pad() is not None
    for attempt in range(1, MAX_TRIES):
        type_pin(driver, "1111")
        assert f"{MAX_TRIES - attempt}" in driver.find_text("Wrong PIN").text
    type_pin(driver, "1111")
    assert "Wait" in driver.find_text("Too many wrong tries").text
    assert pin_pad().locked
    pin_pad().press("ok")                                      # even the right PIN is refused while locked
    assert app.navigator.current != "facilitator"
    later = time.time() + LOCK_SECONDS + 1
    monkeypatch.setattr(app.pin_guard, "clock", lambda: later)
    end = time.monotonic() + 1.5
    while time.monotonic() < end:                              # the pad re-checks the lock every second
        driver.frames(1)
    assert not pin_pad().locked
    type_pin(driver, PIN)
    assert pin_pad() is None
    assert app.navigator.current == "facilitator"
    driver.find_text("Facilitator menu")


def test_the_pin_pad_closes_by_itself(facilitator, monkeypatch):
    from kiosk.gui.facilitator import pin_pad as pad_module

    monkeypatch.setattr(pad_module, "CLOSE_AFTER", 1.0)
    hold_corner(facilitator, 0.9)
    assert pin_pad() is not None
    end = time.monotonic() + 1.5
    while time.monotonic() < end:
        facilitator.frames(1)
    assert pin_pad() is None


def test_a_guided_path_step_by_step_with_its_timer(facilitator):
    driver, app = facilitator, facilitator.app
    app.facilitator.access.open_menu()
    driver.settle()
    driver.tap_text("Guided tour")
    path = next(p for p in app.content.paths if p.kind == "tour")
    driver.tap_text(app.text(path.title))
    assert app.navigator.current == "exhibit"
    assert app.session.exhibit_id == path.steps[0].exhibit
    bar = app.root_widget.facilitator_bar
    assert bar.parent is app.root_widget
    assert bar.step_label == f"1/{len(path.steps)}"
    left = int(bar.timer[:2]) * 60 + int(bar.timer[3:])      # "mm:ss" counting down from the step's duration
    assert path.steps[0].minutes * 60 - 30 <= left <= path.steps[0].minutes * 60
    driver.tap(next(w for w in driver.widgets(bar) if getattr(w, "text", None) == icon("chevron-right")))
    assert app.session.exhibit_id == path.steps[1].exhibit
    assert bar.step_label == f"2/{len(path.steps)}"
    driver.tap_text("Notes")
    driver.find_text(app.text(path.steps[1].prompts[0]))      # the facilitator's prompts, only on request
    from kivy.graphics import Color
    backdrop = next(i for i in bar.ids.notes_scroll.canvas.before.children if isinstance(i, Color))
    assert backdrop.a == 1                                    # opaque: the page does not show through the notes
    app.idle.tick(time.monotonic() + 10_000)                  # a group session is never reset for idleness
    assert app.navigator.current == "exhibit"
    app.facilitator.guided.session.started -= path.steps[1].minutes * 60 + 5
    bar.tick()
    assert bar.timer.startswith("+") and bar.overtime          # the countdown shows the overtime


def test_export_to_a_stick(facilitator, tmp_path, monkeypatch):
    driver, app = facilitator, facilitator.app
    stick = tmp_path / "STICK"
    stick.mkdir()
    monkeypatch.setattr(app.facilitator.export, "drives", lambda: [Drive(stick, "STICK", 10**9, 2 * 10**9)])
    app.records.log("test", "export", app.venue)
    app.facilitator.access.open_menu()
    driver.settle()
    button = next(w for w in driver.widgets(driver.screen) if "Export to STICK" in getattr(w, "text", ""))
    scroll = button.parent
    while not isinstance(scroll, ScrollView):   # the menu's column that holds it (its place depends on the day's figures)
        scroll = scroll.parent
    scroll.scroll_to(button, padding=40, animate=False)
    driver.settle()
    driver.tap_text("Export to STICK")
    driver.wait_until(lambda: any(stick.iterdir()) and "Exported to" in " ".join(driver.visible_texts()))
    folders = list(stick.iterdir())
    assert len(folders) == 1 and folders[0].name.startswith("kiosk-export-")
    assert {"polls.csv", "ideas.csv", "session-log.csv", "summary.html", "stats.db"} <= {f.name for f in folders[0].iterdir()}
    assert "Exported to" in driver.find_text("Exported to").text


def test_export_to_a_folder_chosen_by_hand(facilitator, tmp_path, monkeypatch):
    from kiosk.gui.widgets import dialogs

    driver, app = facilitator, facilitator.app
    (tmp_path / "media" / "KEY").mkdir(parents=True)
    monkeypatch.setattr(dialogs, "_start_folder", lambda: str(tmp_path / "media"))
    chosen = []
    view = dialogs.choose_folder(app, chosen.append)
    driver.settle()
    driver.tap_text("KEY")
    driver.find_text(str(tmp_path / "media" / "KEY"))
    driver.tap_text("Export here")
    assert chosen == [tmp_path / "media" / "KEY"] and view.parent is None


def test_exit_needs_a_second_tap(facilitator, monkeypatch):
    driver, app = facilitator, facilitator.app
    stopped = []
    monkeypatch.setattr(app, "stop", lambda *a: stopped.append(True))
    app.facilitator.access.open_menu()
    driver.settle()
    app.facilitator.access.ask_exit()
    assert stopped == []
    app.facilitator.access.ask_exit()
    assert stopped == [True]


def test_the_whole_facilitator_mode_with_network_blocked(facilitator, monkeypatch, tmp_path, network_blocked):
    """Menu, every path step by step with notes and poll results, moderation, export, reload: no socket opened."""
    attempts = network_blocked
    driver, app = facilitator, facilitator.app
    hold_corner(driver, 1.2)
    type_pin(driver, PIN)
    assert app.navigator.current == "facilitator"
    for path in app.content.paths:
        app.facilitator.guided.start(path.id)
        app.root_widget.facilitator_bar.toggle_notes()
        for _ in path.steps:
            driver.frames(2)
            app.facilitator.guided.reveal_results()
            app.facilitator.guided.next_step()
        app.root_widget.facilitator_bar.toggle_notes()
        app.facilitator.access.open_menu()
        driver.frames(2)
    app.facilitator.guided.stop()
    app.navigator.screen("facilitator")._open_moderation()
    driver.frames(3)
    for view in [w for w in Window.children if isinstance(w, ModalView)]:
        view.dismiss()
    assert "kiosk-export-" in app.facilitator.export.export(tmp_path)
    assert "Content reloaded" in app.facilitator.content.reload_content()
    app.facilitator.close_menu()
    driver.settle()
    assert attempts == []
    assert app.navigator.faulty == {}


# --- the facilitator's own language ----------------------------------------------------------------
def test_the_menu_speaks_the_facilitators_language_and_the_visitor_keeps_theirs(facilitator):
    driver, app = facilitator, facilitator.app
    app.settings.facilitator_language = "fr"                  # the default: French
    app.apply_settings()
    app.navigator.start_visit("en")                           # a visitor reads English
    driver.settle()
    app.facilitator.access.open_menu()
    driver.settle()
    driver.find_text("Menu d'animation")                      # French, not the visitor's English
    assert not [t for t in driver.visible_texts() if t == "Facilitator menu"]
    menu = app.navigator.screen("facilitator")
    card = next(title.parent.parent for _mark, title in card_headings(driver, menu)
                if title.logical_text == app.facilitator_gettext("Language of this menu"))
    arabic = next(b for b in driver.widgets(card) if getattr(b, "font_override", "") == "KioskArabic")
    menu.ids.scroll.scroll_to(arabic, animate=False)
    driver.settle()
    driver.tap(arabic)                                        # this menu's language: Arabic
    assert app.settings.facilitator_language == "ar"
    header = menu.ids.header
    mark = next(w for w in header.children if getattr(w, "font_name", "") == "Icons")
    assert header.rtl and menu.ids.close.x < mark.x             # mirrored: the close button on the left
    title = app.facilitator_gettext("Facilitator menu")
    assert title != "Facilitator menu" and driver.find_text(shape(title))
    assert app.language == "en" and app.tr._("Back") == "Back"      # the visitor's screens stay in English
    app.facilitator.close_menu()
    driver.settle()
    app.navigator.start_visit("en")
    driver.settle()
    driver.find_text("Museum of Kapitalism")                   # a visitor screen, in English
    assert app.theme.rtl is False


def shape(text: str) -> str:
    from kiosk.render.bidi import shape_line

    return shape_line(text)[:6]


# --- the tour bar has its own space -------------------------------------------------------------------
def boxes_intersect(a, b) -> bool:
    (ax, ay, aw, ah), (bx, by, bw, bh) = a, b
    return ax < bx + bw and bx < ax + aw and ay < by + bh and by < ay + ah


def window_box(widget):
    x, y = widget.to_window(widget.x, widget.y)
    return x, y, widget.width, widget.height


def test_the_tour_bar_covers_no_control_of_a_gallery(facilitator):
    from kivy.uix.behaviors import ButtonBehavior

    driver, app = facilitator, facilitator.app
    path = next(p for p in app.content.paths if p.kind == "tour")
    app.facilitator.guided.start(path.id)
    driver.settle()
    app.navigator.open_exhibit("limites-en-images")            # a gallery, with its ‹ › arrows and QR column
    driver.settle()
    bar = app.root_widget.facilitator_bar
    assert bar.parent is app.root_widget and not bar.notes_open   # the notes open only when asked
    strip = window_box(bar.ids.bar)
    assert strip[3] > 0
    controls = [w for w in driver.widgets(driver.screen) if isinstance(w, ButtonBehavior) and w.opacity > 0
                and w.width > 0 and w.height > 0 and w.get_root_window() is not None]
    assert len(controls) >= 4
    covered = [type(w).__name__ for w in controls if boxes_intersect(window_box(w), strip)]
    assert covered == []
    screen = window_box(driver.screen)
    assert screen[1] >= strip[1] + strip[3] - 1                 # the screen sits above the bar, whole
    before = app.session.exhibit_id
    x, y = bar.ids.bar.to_window(*bar.ids.bar.center)
    driver.tap_at(x, y)                                          # a tap on the bar's empty middle goes nowhere else
    assert app.session.exhibit_id == before
    app.facilitator.guided.stop()
    driver.settle()
    assert app.root_widget.bar_room == 0 and window_box(driver.screen)[3] == Window.height


# --- the PIN pad is modal ----------------------------------------------------------------------------
def test_digits_on_the_pin_pad_never_reach_the_exhibit_beneath(facilitator, monkeypatch):
    from kiosk.events import ExhibitOpened
    from kiosk.gui.facilitator import pin_pad as pad_module

    driver, app = facilitator, facilitator.app
    monkeypatch.setattr(pad_module, "CLOSE_AFTER", 3.0)   # a slow machine takes up to a second a tap
    app.navigator.start_visit("en")
    app.navigator.open_exhibit("limites-en-images")
    driver.settle()
    carousel = driver.screen.ids.get("view") or None
    view = next(w for w in driver.widgets(driver.screen) if hasattr(w, "ids") and "carousel" in w.ids)
    carousel = view.ids.carousel
    seen = []
    for kind in (ExhibitOpened,):
        app.events.subscribe(kind, seen.append)
    recorded = []
    monkeypatch.setattr(app.stats, "record", recorded.append)
    hold_corner(driver, 1.2)
    pad = pin_pad()
    assert pad is not None
    for digit in "2222":                                          # taps on keys that lie over the gallery
        key = next(b for b in driver.widgets(pad) if getattr(b, "text", None) == digit)
        driver.tap(key)
        driver.wait(1.0)                                          # slow typing: longer than CLOSE_AFTER in all
    assert pin_pad() is pad                                       # it never vanishes while digits are typed
    x, y = carousel.to_window(carousel.right - 20, carousel.center_y)
    driver.tap_at(x, y)                                           # beside the pad, on the gallery
    driver.swipe((x, y), (x - 600, y))
    driver.tap(next(b for b in driver.widgets(pad) if getattr(b, "text", None) == "Cancel"))
    assert pin_pad() is None
    assert carousel.index == 0 and seen == [] and recorded == []  # nothing reached the exhibit
    assert app.session.exhibit_id == "limites-en-images"


# --- the menu in each language and shape ---------------------------------------------------------------
def open_menu_in(driver, language: str):
    app = driver.app
    app.settings.facilitator_language = language
    app.apply_settings()
    app.facilitator.access.open_menu()
    menu = app.navigator.screen("facilitator")
    menu.refresh()                                            # as a tap on a language of the menu does
    driver.still()   # its two columns are balanced once every card's text is wrapped (seen late on a loaded machine)
    return menu


def card_headings(driver, menu):
    """(icon, title) of every card's heading row."""
    from kiosk.gui.facilitator.menu import MenuCard

    for card in (w for w in driver.widgets(menu) if isinstance(w, MenuCard)):
        heading = card.children[-1]                       # the first row of the card
        mark = next(w for w in heading.children if getattr(w, "font_name", "") == "Icons")
        title = next(w for w in heading.children if w is not mark)
        yield mark, title


def menu_words(driver, menu) -> set[str]:
    """The words of every text of the menu, scrolled out of sight or not (lower case, letters only)."""
    import re

    from kivy.uix.label import Label

    texts = [w.text for w in driver.widgets(menu) if isinstance(w, Label) and w.font_name != "Icons"]
    # a path is not a word: the data folder's name ends with random letters ("kiosk-tests-woctoocl")
    tokens = (token for text in texts for token in text.split() if "/" not in token and "\\" not in token)
    words = (word for token in tokens for word in re.findall(r"\w+", token))   # KIOSK_CONTENT stays one word
    return {word.lower() for word in words if len(word) >= 4 and re.fullmatch("[A-Za-z]+", word)}


SAME_IN_FRENCH = {"mode", "notes", "menu", "date", "votes", "exports", "alternatives", "kiosk", "bundle", "attention",
                  "english", "deutsch", "nederlands", "service",
                  # the checklist's commands, paths and the renderer's name, the same in every language
                  "dtoverlay", "boot", "config", "firmware", "misc", "nonfree", "raspberry", "llvm", "llvmpipe", "bits",
                  "data", "tests",
                  "reach", "screen", "height", "bottom",   # kiosk reach --screen-height MM --bottom MM
                  "audio", "espeak"}   # "guidage audio" is French; espeak-ng is the speech engine's name


def test_the_french_menu_has_no_english_left(facilitator):
    driver = facilitator
    try:
        english = menu_words(driver, open_menu_in(driver, "en"))
        french = menu_words(driver, open_menu_in(driver, "fr"))
    finally:
        driver.app.settings.facilitator_language = "fr"
        driver.app.apply_settings()
    left = (english & french) - SAME_IN_FRENCH - content_words(driver.app)
    assert left == set(), f"English words in the French menu: {sorted(left)}"


def content_words(app) -> set[str]:
    """The words of the exhibition's own titles, in every language (the menu names exhibits as curators do)."""
    import re

    titles = [manifest.title for manifest in app.content.exhibits] + [room.title for room in app.content.collection.rooms]
    texts = [app.text(title) for title in titles]
    for language in app.content.collection.languages.languages:
        texts += [text for title in titles if (text := title.get(language))]
    return {word.lower() for text in texts for word in re.findall(r"[A-Za-z]{4,}", text)}


@pytest.mark.parametrize("size", [(1920, 1080), (1080, 1920)])
def test_in_arabic_each_heading_leads_with_its_icon_on_the_right_and_every_card_fits(facilitator, size):
    driver = facilitator
    Window.size = size
    try:
        menu = open_menu_in(driver, "ar")
        headings = list(card_headings(driver, menu))
        assert len(headings) >= 8
        for mark, title in headings:
            assert mark.x >= title.right - 1, f"the icon of {title.text!r} is not on its right"
        from kiosk.gui.facilitator.menu import MenuCard

        for card in (w for w in driver.widgets(menu) if isinstance(w, MenuCard)):
            x, _y = card.to_window(card.x, card.y)
            assert 0 <= x and x + card.width <= Window.width, "a card runs off the screen"
    finally:
        driver.app.settings.facilitator_language = "fr"
        driver.app.apply_settings()
        Window.size = (1920, 1080)
        driver.settle()


def test_in_landscape_the_two_columns_come_out_near_in_height(facilitator):
    menu = open_menu_in(facilitator, "fr")
    try:
        left, right = menu.ids.left, menu.ids.right
        assert right.parent is not None and len(right.children) >= 2
        tallest = max(card.height for card in [*left.children, *right.children])
        assert abs(left.height - right.height) <= tallest      # no half-empty column
    finally:
        facilitator.app.facilitator.close_menu()
        facilitator.settle()
