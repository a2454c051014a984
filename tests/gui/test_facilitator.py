"""Facilitator mode, driven as a facilitator would: the hidden gesture, the PIN, the menu, a guided path, an export."""

from __future__ import annotations

import time

from kivy.core.window import Window
from kivy.tests.common import UnitTestTouch
from kivy.uix.modalview import ModalView

from kiosk.facilitator.export import Drive
from kiosk.facilitator.pin import LOCK_SECONDS, MAX_TRIES
from kiosk.gui.facilitator.pin_pad import PinPad
from tests.gui.conftest import PIN


def hold_corner(driver, seconds: float) -> None:
    touch = UnitTestTouch(5, Window.height - 5)
    touch.touch_down()
    end = time.monotonic() + seconds
    while time.monotonic() < end:
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
    driver.tap(next(w for w in driver.widgets(bar) if getattr(w, "text", None) == "›"))
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
    scroll = next(w for w in driver.widgets(driver.screen) if type(w).__name__ == "ScrollView")
    scroll.scroll_y = 0
    driver.settle()
    driver.tap_text("Export to STICK")
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
