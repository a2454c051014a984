"""Narration, as a visitor uses it: listen, pause, play on, from the start, louder; it stops when they move on.

The sound plays into SDL's dummy audio device (tests/conftest.py): FFmpeg decodes it in real time, so
positions are real; waits are bounded and assert only what must have happened by then.
"""

from __future__ import annotations

import time

import pytest

from kiosk.gui.widgets.narration import DEFAULT_VOLUME
from tests.gui.test_access_modes import open_panel, row, close
from tests.gui.test_language_and_idle import switch_language
from tests.gui.test_visit_recording import events_after, last_event_id
from tests.gui.test_visitor_flow import open_exhibit, start_visit

EXHIBIT = "origines-enclosures"


def bar(kiosk):
    return kiosk.app.navigator.screen("exhibit").ids.narration


def listen_for(kiosk, seconds: float) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        kiosk.frames(1)
        time.sleep(0.05)


def test_listen_pause_play_on_and_from_the_start(fresh):
    kiosk, app = fresh, fresh.app
    start_visit(kiosk, "Français")
    open_exhibit(kiosk, EXHIBIT)
    narration = bar(kiosk)
    screen = app.navigator.screen("exhibit")
    assert narration.available and not narration.shown and narration.height == 0, "no room taken until it plays"
    player = app.narration

    kiosk.tap(screen.ids.listen)                              # the top bar's speaker
    assert player.state == "playing"
    kiosk.settle()
    assert narration.shown and narration.height > 0
    kiosk.find_text("Voix de synthèse", root=narration)       # visitors are told the voice is synthetic
    listen_for(kiosk, 1.5)
    assert player.position > 0.3
    assert player.caption and player.caption in " ".join(c.text for c in player.reading.captions)
    kiosk.find_text(player.caption[:20], root=narration)     # the caption is on screen, under the player
    kiosk.find_text("Pause", root=narration)

    kiosk.tap(narration.ids.play)                             # pause
    assert player.state == "paused"
    held = player.position
    listen_for(kiosk, 0.6)
    assert player.position == held
    kiosk.tap(narration.ids.play)                             # play on, from where it paused
    listen_for(kiosk, 0.6)
    assert player.state == "playing" and player.position >= held

    kiosk.tap(narration.ids.again)                            # from the start
    assert player.state == "playing" and player.position < held
    kiosk.tap(narration.ids.close)                            # close: silence, and the exhibit its height back
    kiosk.settle()
    assert player.state == "stopped" and narration.height == 0


def test_the_reading_stops_when_the_visitor_moves_on_and_the_volume_returns_for_the_next(fresh):
    kiosk, app = fresh, fresh.app
    start_visit(kiosk, "Français")
    open_exhibit(kiosk, EXHIBIT)
    player = app.narration
    screen = app.navigator.screen("exhibit")
    kiosk.tap(screen.ids.listen)
    kiosk.settle()
    kiosk.tap(bar(kiosk).ids.louder)
    assert player.volume == pytest.approx(min(1.0, DEFAULT_VOLUME + 0.2))

    switch_language(kiosk, "en")                              # another language: the French reading stops
    assert player.state == "stopped" and player.language == "en"
    kiosk.tap(screen.ids.listen)
    assert player.state == "playing"
    kiosk.tap(app.navigator.screen("exhibit").ids.to_room)    # back to the room: silence
    assert app.navigator.current == "home" and player.state == "stopped"

    app.idle.reset_now()
    kiosk.settle()
    assert player.volume == DEFAULT_VOLUME, "the next visitor hears the default volume"


def test_a_reading_in_another_language_says_so(fresh):
    kiosk, app = fresh, fresh.app
    start_visit(kiosk, "العربية")
    open_exhibit(kiosk, EXHIBIT)
    narration = bar(kiosk)
    kiosk.tap(app.navigator.screen("exhibit").ids.listen)
    kiosk.settle()
    assert narration.shown and app.narration.language == "fr"    # no Arabic reading: the French one, said so
    assert narration.foreign == "مقروء باللغة الفرنسية"
    play = narration.ids.play
    controls = [play, narration.ids.again, narration.ids.quieter, narration.ids.louder]
    xs = [w.to_window(*w.center)[0] for w in controls]
    assert xs == sorted(xs, reverse=True), "right to left: the play button first, on the right"


def test_read_aloud_starts_each_exhibit_by_itself_and_is_counted(fresh):
    kiosk, app = fresh, fresh.app
    before = last_event_id(app)
    start_visit(kiosk, "English")
    panel = open_panel(kiosk, "home")
    kiosk.tap(row(panel, "audio"))
    close(kiosk, panel)
    open_exhibit(kiosk, EXHIBIT)
    assert app.narration.state == "playing" and app.narration.language == "en"
    listen_for(kiosk, 0.3)
    app.idle.reset_now()
    kiosk.settle()
    assert app.narration.state == "stopped"
    events = events_after(app, before)
    assert [(e["kind"], e["exhibit"], e["detail"]) for e in events if e["kind"] == "narration"] == [
        ("narration", EXHIBIT, "en")]
    assert ("audio", 1) in [(e["detail"], e["value"]) for e in events if e["kind"] == "access"]


def test_read_aloud_is_not_offered_in_a_language_without_readings(fresh):
    kiosk, app = fresh, fresh.app
    start_visit(kiosk, "العربية")
    panel = open_panel(kiosk, "home")
    audio = row(panel, "audio")
    assert audio.disabled, "no Arabic reading in the exhibition: a French voice is no help"
    kiosk.find_text("غير متوفرة بهذه اللغة بعد", root=audio)
    kiosk.tap(audio)
    assert not app.session.access.audio
    close(kiosk, panel)
    switch_language(kiosk, "fr")
    panel = open_panel(kiosk, "home")
    assert not row(panel, "audio").disabled
    close(kiosk, panel)
