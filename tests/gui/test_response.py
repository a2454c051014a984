"""What makes a tap answer at once (timed from outside in benchmarks/tap_latency.py; here, the mechanisms)."""

from __future__ import annotations

import time

import pytest
from kivy.core.window import Window
from kivy.tests.common import UnitTestTouch
from kivy.uix.screenmanager import NoTransition

from kiosk.gui.screens.attract import attract_picture_box

from tests.gui.test_visitor_flow import start_visit


@pytest.fixture(autouse=True)
def working_ahead(kiosk):
    """These tests are about the work done ahead of the visitor: it is on, as in a real kiosk."""
    kiosk.app.navigator.ahead.enabled = True
    yield
    kiosk.app.navigator.ahead.enabled = False
    kiosk.app.navigator.ahead.stop()


def test_screens_change_in_the_frame_of_the_tap(fresh):
    kiosk, manager = fresh, fresh.app.navigator.manager
    assert isinstance(manager.transition, NoTransition)
    kiosk.app.navigator.show_languages()   # what a tap on the attract loop does
    assert [screen.name for screen in manager.children] == ["language"], \
        "the old screen is gone before the frame is drawn: no frame draws both"
    kiosk.frames(1)   # the visitor sees the language screen, then chooses English on it
    english = next(w for w in kiosk.widgets(kiosk.screen) if getattr(w, "language", None) == "en")
    english.dispatch("on_release")   # what the card does when the finger lifts (touches are tested in test_visitor_flow)
    assert manager.current_screen.name == "home" and len(manager.children) == 1


def test_the_next_visitors_screens_are_built_while_nobody_touches(fresh):
    kiosk, navigator = fresh, fresh.app.navigator
    for name in ("language", "home", "exhibit"):
        if navigator.manager.has_screen(name) and name != navigator.current:
            navigator.manager.remove_widget(navigator.manager.get_screen(name))
    assert navigator.current == "attract"
    navigator.prepare()
    kiosk.wait(2.5)
    assert all(navigator.manager.has_screen(name) for name in ("language", "home", "exhibit"))
    home = navigator.screen("home")
    assert home.ids.cards.children, "the first room's cards are ready before the first tap"


def test_preparing_stops_when_a_visitor_arrives(fresh):
    kiosk, navigator = fresh, fresh.app.navigator
    if navigator.manager.has_screen("exhibit"):
        navigator.manager.remove_widget(navigator.manager.get_screen("exhibit"))
    navigator.prepare()
    start_visit(kiosk, "English")  # the taps come before the exhibit screen's turn
    kiosk.wait(1.0)
    assert navigator.current == "home"


def test_a_tapped_card_opens_its_exhibit_when_the_finger_lifts(fresh):
    """Not 0.2 s later, as Kivy's ScrollView does by default (TapScrollView)."""
    kiosk = fresh
    start_visit(kiosk, "English")
    home = kiosk.app.navigator.screen("home")
    card = min(home.ids.cards.children, key=lambda c: c.x)  # the first card, fully on screen
    x, y = card.to_window(*card.center)
    touch = UnitTestTouch(x, y)
    touch.touch_down()
    kiosk.frames(1)
    assert card.touched and kiosk.app.navigator.current == "home", "lit under the finger, the row still waits"
    touch.touch_up()
    assert kiosk.app.navigator.current == "exhibit", "the exhibit opens with the release itself"
    assert kiosk.app.session.exhibit_id == card.exhibit_id
    kiosk.wait(0.4)   # Kivy's own delayed release comes and finds nothing left to do
    assert kiosk.app.navigator.current == "exhibit"
    kiosk.tap_text("Back")
    assert kiosk.app.navigator.current == "home"
    assert not any(c.touched or c.state == "down" for c in home.ids.cards.children), "back home, no card stays lit"


def test_the_first_attract_picture_is_decoded_for_the_whole_window(fresh):
    kiosk = fresh
    attract = kiosk.app.navigator.screen("attract")
    attract.step = 0
    attract._show_picture(fade=False)
    texture = attract.ids.front.texture
    picture = kiosk.app.pictures.origin(texture)[1]  # the picture's own pixels
    stage = attract_picture_box(*Window.size, kiosk.app.theme.pad)  # where attract.kv shows it
    wanted = min(picture[0] / stage[0], picture[1] / stage[1], 1.0)
    assert max(texture.width / stage[0], texture.height / stage[1]) >= wanted * 0.99
    kiosk.frames(3)
    shown = attract.ids.front.norm_image_size
    assert shown[0] <= texture.width * 1.25 and shown[1] <= texture.height * 1.25, "drawn no larger than decoded"
    stage_widget = attract.ids.stage
    assert abs(stage_widget.width - stage[0]) <= 2 and abs(stage_widget.height - stage[1]) <= 2, \
        "attract_picture_box() follows attract.kv's layout"


def test_a_finger_on_a_card_lights_it_before_the_row_knows_it_is_a_tap(fresh):
    from kivy.tests.common import UnitTestTouch

    kiosk = fresh
    start_visit(kiosk, "English")
    home = kiosk.app.navigator.screen("home")
    card = min(home.ids.cards.children, key=lambda c: c.x)
    x, y = card.to_window(*card.center)
    touch = UnitTestTouch(x, y)
    touch.touch_down()
    kiosk.frames(1)  # well within the row's 250 ms wait: the card has not been given the touch yet
    assert card.touched and card.state == "normal"
    for step in range(1, 9):  # it was a swipe after all: the row moves, the card goes dark again
        touch.touch_move(x - 25 * step, y)
        kiosk.wait(0.02)
    assert not card.touched and home.ids.scroll.scroll_x > 0
    touch.touch_up()
    kiosk.settle()
    kiosk.wait(1.0)  # the row glides to a stop, as after any swipe
    assert kiosk.app.navigator.current == "home" and not any(c.touched for c in home.ids.cards.children)


def _ahead_done(kiosk, limit: float = 120.0) -> None:
    """Let the kiosk work ahead until it has nothing left to do (it starts after 0.6 s without a touch).

    Done means a fresh look starts nothing: a run begun by the kiosk's own timer in the frames after a swipe may
    have planned for the cards in view a moment before; the look after it plans for the cards in view now."""
    ahead = kiosk.app.navigator.ahead
    kiosk.wait(1.0)
    end = time.monotonic() + limit
    while time.monotonic() < end:
        while ahead.running and time.monotonic() < end:
            kiosk.frames(1)
        ahead.look()
        if not ahead.running:
            return
    raise AssertionError(f"the kiosk was still working ahead after {limit:.0f} s")


def _rooms_first_exhibits(kiosk):
    app = kiosk.app
    room = app.navigator.screen("home").rooms[0].id
    return app.content.exhibits_in(room)


def test_while_nobody_touches_the_first_rooms_pictures_are_decoded_ahead(fresh):
    kiosk, app = fresh, fresh.app
    app.pictures.clear()
    app.navigator.ahead.learnt.clear()
    app.navigator.prepare()
    _ahead_done(kiosk)
    learnt = app.navigator.ahead.learnt
    manifests = _rooms_first_exhibits(kiosk)
    assert manifests and all(m.id in learnt for m in manifests), "each exhibit said which pictures it shows"
    assert any(learnt.values()) and all(app.pictures.has(path, box) for m in manifests for path, box in learnt[m.id])
    assert app.pictures.used <= app.pictures.budget


def test_every_exhibit_is_rehearsed_on_the_attract_loop_and_none_again_on_home(fresh, monkeypatch):
    """A rehearsal builds a whole view (a game's: 130–250 ms): on home it would be in the way of a tap."""
    kiosk, app = fresh, fresh.app
    ahead = app.navigator.ahead
    ahead.learnt.clear()
    app.navigator.prepare()
    _ahead_done(kiosk, limit=180)
    assert set(ahead.learnt) == {m.id for m in app.content.exhibits} - set(app.navigator.faulty)
    rehearsed = []
    real = ahead._rehearse
    monkeypatch.setattr(ahead, "_rehearse", lambda m: (rehearsed.append(m.id), real(m)))
    start_visit(kiosk, "English")
    home = app.navigator.screen("home")
    for room in home.rooms:             # the visitor looks at each room in turn
        home.show_room(room.id)
        _ahead_done(kiosk)
    assert not rehearsed, "home only decodes pictures: every exhibit was learnt on the attract loop"


def test_an_exhibit_opened_after_the_pictures_were_decoded_ahead_decodes_none(fresh):
    kiosk, app = fresh, fresh.app
    app.navigator.prepare()
    _ahead_done(kiosk)
    start_visit(kiosk, "English")
    _ahead_done(kiosk)   # the visitor looks at home for a moment: the room's pictures are decoded meanwhile
    for manifest in _rooms_first_exhibits(kiosk):   # each type settles its layout in its own way
        decoded = app.pictures.decoded
        app.navigator.open_exhibit(manifest.id)
        kiosk.frames(2)
        assert app.navigator.current == "exhibit"
        assert app.pictures.decoded == decoded, f"opening {manifest.id} decoded no picture: they were all ready"
        app.navigator.back()
        kiosk.frames(2)


def test_next_room_shows_a_row_built_ahead_and_a_room_tab_decodes_nothing(fresh, monkeypatch):
    from kiosk.gui.screens.home import ExhibitCard

    kiosk, app = fresh, fresh.app
    app.pictures.clear()               # the same start whatever the tests before left
    app.navigator.ahead.learnt.clear()
    start_visit(kiosk, "English")
    _ahead_done(kiosk)
    built = []
    monkeypatch.setattr(ExhibitCard, "on_kv_post", lambda card, *_: built.append(card), raising=False)
    home = app.navigator.screen("home")
    decoded = app.pictures.decoded
    kiosk.tap(home.ids.next_room)
    assert home.room_id == home.rooms[1].id and home.ids.cards.children
    assert not built and app.pictures.decoded == decoded, "'next room' swapped in a ready row: no card built, no picture decoded"
    _ahead_done(kiosk)      # the visitor looks at the room a moment (a loaded machine may not have finished before)
    decoded = app.pictures.decoded
    tab = next(b for b in home.ids.rooms.children if b.room_id == home.rooms[3].id)
    kiosk.tap(tab)
    assert home.room_id == home.rooms[3].id and home.ids.cards.children
    assert app.pictures.decoded == decoded, "every room's card pictures were decoded ahead"
    assert [b.icon for b in home.ids.rooms.children[::-1]] == ["", "", "", "check"], "the tab chosen is ticked"
    assert len(home._rows) <= 2, "two rows at most stay built (memory)"


def test_a_mouse_pointer_over_the_window_does_not_stop_the_work_ahead(fresh):
    """Kivy lists a hovering pointer among its touches; a kiosk with a mouse plugged in still prepares."""
    from kivy.base import EventLoop
    from kivy.input.providers.mouse import MouseMotionEvent

    kiosk, app = fresh, fresh.app
    start_visit(kiosk, "English")
    hover = MouseMotionEvent("mouse", "hover-test", (0.5, 0.5), type_id="hover")
    EventLoop.touches.append(hover)
    try:
        app.navigator.ahead._done_for = None
        kiosk.wait(1.0)
        app.navigator.ahead.look()
        assert app.navigator.ahead.running
    finally:
        EventLoop.touches.remove(hover)


def test_working_ahead_stops_as_soon_as_a_visitor_touches(fresh):
    kiosk, app = fresh, fresh.app
    app.pictures.clear()
    app.navigator.ahead.learnt.clear()
    app.navigator.prepare()
    kiosk.frames(1)
    start_visit(kiosk, "English")   # taps, before the pictures' turn
    decoded = app.pictures.decoded
    touch = UnitTestTouch(5, 5)     # a finger stays on the screen: nothing is done ahead meanwhile
    touch.touch_down()
    kiosk.wait(2.0)
    assert app.pictures.decoded == decoded and not app.navigator.ahead.running
    touch.touch_up()


def test_a_rehearsal_off_screen_counts_nothing_and_leaves_no_view(fresh):
    from kiosk.events import QrShown

    kiosk, app = fresh, fresh.app
    heard = []
    app.events.subscribe(QrShown, heard.append)
    try:
        app.pictures.clear()
        app.navigator.ahead.learnt.clear()
        app.navigator.prepare()
        _ahead_done(kiosk)
    finally:
        app.events.unsubscribe(QrShown, heard.append)
    assert app.navigator.ahead.learnt and not heard, "no QR code was counted as shown"
    assert app.navigator.screen("exhibit").view is None and app.navigator.current == "attract"


def test_the_language_panel_is_built_once_and_opens_and_closes_in_one_frame(fresh):
    from kiosk.gui.widgets.language_picker import LanguagePicker

    kiosk, app = fresh, fresh.app
    start_visit(kiosk, "English")
    app.navigator.open_exhibit(_rooms_first_exhibits(kiosk)[0].id)
    kiosk.settle()
    app.navigator.screen("exhibit").choose_language()
    picker = LanguagePicker.shared(app)
    assert picker.parent is Window and picker._anim_alpha == 1, "shown at once, with no fade"
    french = next(b for b in picker.ids.grid.children if b.language == "fr")
    french.dispatch("on_release")
    assert picker.parent is None and app.language == "fr", "gone at once"
    app.navigator.screen("exhibit").choose_language()
    assert LanguagePicker.shared(app) is picker, "the same panel: its names are not drawn again"
    assert next(b for b in picker.ids.grid.children if b.language == "fr").icon == "check", "the new language is ticked"
    picker.dismiss(animation=False)
    app.set_language("en")


def _dimmed_difference(picture, screen, overlay) -> tuple[float, int]:
    """How far ``picture`` (GL's rows: the bottom one first) is from ``screen`` (an export: the top row
    first) under the panel's ``overlay``: the mean difference of a colour (0-255), over the pixels the
    picture holds (every 8th one each way), and how many those were."""
    wanted, got = screen.pixels, picture.pixels
    width, height = picture.size
    alpha, total, count = overlay[3], 0.0, 0
    for y in range(0, height, 8):
        for x in range(0, width, 8):
            at = (y * width + x) * 4
            if got[at + 3] == 0:   # left blank: a window whose buffer is smaller (see below)
                continue
            there = ((height - 1 - y) * width + x) * 4
            total += sum(abs(got[at + c] - (wanted[there + c] * (1 - alpha) + overlay[c] * 255 * alpha)) for c in range(3)) / 3
            count += 1
    return total / max(1, count), count


def test_a_finger_on_the_language_panel_draws_the_screen_beneath_from_one_picture_of_it(fresh):
    """Under software GL a frame with the exhibit beneath cost ~80 ms before the pressed language showed:
    from the first touch on the panel, the window draws one picture of the screen beneath (as dimmed), and
    the screens themselves again once the panel closes, in the new language."""
    from kiosk.gui.widgets.language_picker import LanguagePicker

    kiosk, app = fresh, fresh.app
    start_visit(kiosk, "English")
    app.navigator.open_exhibit("origines-trois-economies")
    kiosk.settle()
    screens = list(Window.canvas.children)
    shown = app.root_widget.export_as_image().texture   # the exhibit as drawn, paper included
    app.navigator.screen("exhibit").choose_language()
    kiosk.frames(2)
    picker = LanguagePicker.shared(app)
    assert picker.backdrop is None, "until it is touched, the screens draw themselves"

    french = next(b for b in picker.ids.grid.children if b.language == "fr")
    touch = UnitTestTouch(*french.to_window(*french.center))
    touch.touch_down()
    assert list(Window.canvas.children) == [picker.canvas], "the screens beneath are not drawn under the finger"
    picture = picker.backdrop
    assert picture is not None and tuple(picture.size) == tuple(Window.size)
    kiosk.frames(2)
    assert french.state == "down"
    # the pixels copied are the screen's under the overlay, the right way up (this test window's GL
    # buffer kept the 800×600 it opened with: only that corner is copied here; a kiosk opens at its size)
    difference, compared = _dimmed_difference(picture, shown, picker.overlay_color)
    assert compared >= (800 // 8) * (600 // 8) and difference < 4, (difference, compared)
    touch.touch_up()
    kiosk.settle()
    assert app.language == "fr" and picker.parent is None
    assert list(Window.canvas.children) == screens, "the screens draw themselves again"
    assert picker.backdrop is None and picker._picture is None, "and the picture is let go"
    kiosk.find_text("Langue")

    app.navigator.screen("exhibit").choose_language()   # a touch beside the panel closes it the same way
    kiosk.frames(2)
    touch = UnitTestTouch(5, 5)
    touch.touch_down()
    kiosk.frames(1)
    touch.touch_up()
    kiosk.settle()
    assert picker.parent is None and list(Window.canvas.children) == screens and app.language == "fr"
    app.set_language("en")


def test_a_language_switch_in_an_exhibit_rebuilds_home_later_while_the_visitor_reads(fresh):
    kiosk, app = fresh, fresh.app
    start_visit(kiosk, "English")
    home = app.navigator.screen("home")
    app.navigator.open_exhibit(_rooms_first_exhibits(kiosk)[0].id)
    kiosk.settle()
    def words():
        return [card.title for card in home.ids.cards.children]

    english = words()
    touch = UnitTestTouch(5, 5)   # the visitor's finger, still on the screen
    touch.touch_down()
    app.set_language("fr")
    kiosk.frames(3)
    assert words() == english, "home, unseen, is not rebuilt at the tap"
    touch.touch_up()
    _ahead_done(kiosk)            # the visitor reads: home is rebuilt in French meanwhile
    french = words()
    assert french and french != english
    assert french == [app.text(app.content.exhibit(card.exhibit_id).title) for card in home.ids.cards.children]
    rebuilt = list(home.ids.cards.children)
    kiosk.tap_text("Retour")
    assert app.navigator.current == "home" and list(home.ids.cards.children) == rebuilt, "Back found it ready"
    assert words() == french
    app.set_language("en")


def test_a_room_tab_finds_its_card_pictures_decoded(fresh):
    kiosk, app = fresh, fresh.app
    start_visit(kiosk, "English")
    home = app.navigator.screen("home")
    app.pictures.shrink(0)        # what leaving an exhibit may do to pictures not seen for a while
    _ahead_done(kiosk)            # the visitor looks at home
    decoded = app.pictures.decoded
    home.show_room(home.rooms[-1].id)
    assert home.ids.cards.children and app.pictures.decoded == decoded, "no picture decoded at the tap"
    home.show_room(home.rooms[0].id)


def test_the_attract_picture_follows_a_window_that_changes_size(fresh):
    kiosk = fresh
    attract = kiosk.app.navigator.screen("attract")
    assert kiosk.app.navigator.current == "attract"
    small = attract.ids.front.texture
    try:
        Window.size = (2560, 1440)
        kiosk.settle()
        big = attract.ids.front.texture
        stage = attract_picture_box(*Window.size, kiosk.app.theme.pad)
        picture = kiosk.app.pictures.origin(big)[1]
        wanted = min(picture[0] / stage[0], picture[1] / stage[1], 1.0)
        assert big is not small and max(big.width / stage[0], big.height / stage[1]) >= wanted * 0.99
    finally:
        Window.size = (1920, 1080)
        kiosk.settle()


def test_a_view_that_fails_while_rehearsed_off_screen_stops_nothing(fresh, monkeypatch):
    from kivy.clock import Clock

    from kiosk.gui.screens import exhibit
    from kiosk.gui.widgets.exhibit_view import ExhibitView

    class Broken(ExhibitView):
        def refresh(self):
            Clock.schedule_once(lambda _dt: 1 / 0)  # fails in a later frame, as a layout callback would

    kiosk, app = fresh, fresh.app
    monkeypatch.setattr(exhibit, "view_class", lambda _type: Broken)
    app.navigator.ahead.learnt.clear()
    app.navigator.prepare()
    _ahead_done(kiosk)
    assert app.navigator.current == "attract" and not app.navigator.faulty
    monkeypatch.undo()
    app.navigator.ahead.learnt.clear()


def test_home_shown_during_a_rehearsal_off_screen_gets_its_card_pictures(fresh):
    """A rehearsal listens to the picture cache 'dry' (it decodes nothing) across a frame: home shown
    then, without a touch (the proof and snapshots do so), stops it first, or its cards stay blank."""
    kiosk, app = fresh, fresh.app
    ahead = app.navigator.ahead
    manifest = app.content.exhibits[0]
    ahead._rehearse(manifest)
    assert ahead.rehearsing == manifest.id
    app.navigator.show_home("espoirs")
    assert ahead.rehearsing is None, "the rehearsal ended before home filled its cards"
    kiosk.settle()
    cards = [c for c in app.navigator.screen("home").ids.cards.children if c.picture is not None]
    assert cards and all(card.thumbnail is not None for card in cards)


def test_a_card_tapped_after_a_quiet_moment_shows_the_view_built_ahead(fresh):
    """On home, once the pictures are decoded, the room's views are built off screen: a tap only shows one."""
    kiosk, app = fresh, fresh.app
    start_visit(kiosk, "English")
    _ahead_done(kiosk)
    screen, manifests = app.navigator.screen("exhibit"), _in_view(kiosk)
    assert len(manifests) == 3 and all(screen.has_ready(m) for m in manifests), "each card in view has its view waiting"
    ready = screen._ready[manifests[1].id].view
    assert ready.parent is None and screen.view is None, "off screen, and the exhibit screen itself is empty"
    kiosk.tap_text(app.text(manifests[1].title))
    assert app.navigator.current == "exhibit" and screen.view is ready
    assert not screen.has_ready(manifests[1]), "used once: the visitor's own view from now on"
    kiosk.settle()
    heading, texts = screen.heading, _texts(screen.view)
    app.navigator.back()
    screen.keep_ready_only(())    # the same exhibit again, built at the tap this time: it looks the same
    app.navigator.open_exhibit(manifests[1].id)
    kiosk.settle()
    assert screen.view is not ready and (screen.heading, _texts(screen.view)) == (heading, texts)
    app.navigator.back()


def test_a_view_built_ahead_shows_its_fallback_notice_as_a_view_built_at_the_tap(fresh):
    """Arabic: some of an exhibit's texts may fall back to French; the notice says so either way."""
    kiosk, app = fresh, fresh.app
    start_visit(kiosk, "العربية")
    screen = app.navigator.screen("exhibit")
    for manifest in _in_view(kiosk):
        _ahead_done(kiosk)   # the visitor looks at home a moment
        assert screen.has_ready(manifest)
        app.navigator.open_exhibit(manifest.id)
        kiosk.settle()
        ahead_notice = screen.notice
        app.navigator.back()
        screen.keep_ready_only(())
        app.navigator.open_exhibit(manifest.id)
        kiosk.settle()
        assert screen.notice == ahead_notice, manifest.id
        app.navigator.back()
    app.set_language("en")


def test_a_view_built_ahead_is_not_shown_in_another_language_nor_to_the_next_visitor(fresh):
    kiosk, app = fresh, fresh.app
    start_visit(kiosk, "English")
    _ahead_done(kiosk)
    screen, manifest = app.navigator.screen("exhibit"), _rooms_first_exhibits(kiosk)[0]
    english = screen._ready[manifest.id].view
    app.set_language("fr")
    assert not screen._ready, "the language changed: the views built in English are dropped"
    app.navigator.open_exhibit(manifest.id)
    assert screen.view is not english and screen.heading == app.text(manifest.title)
    app.navigator.show_attract()
    start_visit(kiosk, "English")        # a new visitor: the state of the last one's views is not theirs
    _ahead_done(kiosk)
    first = screen._ready[manifest.id].view
    app.session.start("en")              # the visit ends and another starts, without a word between
    assert not screen.has_ready(manifest)
    app.navigator.open_exhibit(manifest.id)
    assert screen.view is not first and screen.view.state is app.session.state_for(manifest.id)
    app.navigator.back()


def test_views_are_built_ahead_for_the_cards_in_view_only_and_never_for_a_game(fresh):
    """Each view built ahead holds its textures (about 4 MiB at 1920×1080); a game's takes 130–250 ms to build."""
    kiosk, app = fresh, fresh.app
    start_visit(kiosk, "English")
    _ahead_done(kiosk)
    home, screen = app.navigator.screen("home"), app.navigator.screen("exhibit")
    in_view = home.exhibits_in_view()
    assert len(in_view) == 3 and set(screen._ready) == set(in_view)
    home.ids.scroll.scroll_x = 1          # the visitor swipes the row to its end
    kiosk.frames(2)
    _ahead_done(kiosk)
    assert home.exhibits_in_view() != in_view and set(screen._ready) == set(home.exhibits_in_view())
    last = app.content.exhibits_in(home.room_id)[-1]
    assert screen.has_ready(last), "the card that came into view has its view waiting"
    games = [m for m in app.content.exhibits if m.type in ("commons", "roleplay")]
    room = games[0].room
    home.show_room(room)
    for _ in range(6):                    # the visitor looks along the row
        _ahead_done(kiosk)
        assert not any(g.id in screen._ready for g in games)
        shown = set(home.exhibits_in_view())
        assert set(screen._ready) <= shown and len(screen._ready) >= len([i for i in shown if i not in {g.id for g in games}])
        if home.ids.scroll.scroll_x >= 1:
            break
        home.ids.scroll.scroll_x = min(1, home.ids.scroll.scroll_x + 0.34)
        kiosk.frames(2)
    home.show_room(home.rooms[0].id)


def _in_view(kiosk):
    home = kiosk.app.navigator.screen("home")
    return [kiosk.app.content.exhibit(i) for i in home.exhibits_in_view()]


def _texts(widget) -> list[str]:
    from kivy.uix.label import Label
    return [w.text for w in widget.walk(restrict=True) if isinstance(w, Label) and w.text]


def test_a_gallery_built_ahead_loads_its_neighbours_on_screen_and_a_touch_on_home_decodes_nothing(fresh):
    """A gallery shown from a view built ahead gets the pictures either side ready while the visitor looks
    (a swipe then finds them); a finger on Home or Back decodes nothing before its pressed state is drawn."""
    kiosk, app = fresh, fresh.app
    start_visit(kiosk, "English")
    home, screen = app.navigator.screen("home"), app.navigator.screen("exhibit")
    for room in home.rooms:
        home.show_room(room.id)
        _ahead_done(kiosk)
        gallery = next((m for m in _in_view(kiosk) if m.type == "gallery" and len(m.images) >= 2), None)
        if gallery is not None:
            break
    assert gallery is not None and screen.has_ready(gallery), "a room shows a gallery's card, its view built ahead"
    kiosk.tap_text(app.text(gallery.title))
    view = screen.view
    slides = view.ids.carousel.slides
    index = view.ids.carousel.index
    kiosk.wait(0.6)   # the visitor looks at the first picture
    assert slides[index + 1].texture is not None, "the next picture is ready before a finger drags it in"
    slides[index + 1].texture = None   # as if the visitor touched before it came
    decoded = app.pictures.decoded
    button = screen.ids.home
    touch = UnitTestTouch(*button.to_window(*button.center))
    touch.touch_down()
    assert app.pictures.decoded == decoded and button.state == "down", "the finger on Home only lights it"
    assert slides[index + 1].texture is None, "and loads no picture"
    kiosk.frames(1)
    touch.touch_up()
    kiosk.settle()
    assert app.navigator.current == "home"
    app.navigator.open_exhibit(gallery.id)   # the same gallery, its next picture not loaded: a finger on it loads it
    kiosk.settle()
    view = screen.view
    slides = view.ids.carousel.slides
    index = view.ids.carousel.index
    slides[index + 1].texture = None
    touch = UnitTestTouch(*view.ids.carousel.to_window(*view.ids.carousel.center))
    touch.touch_down()
    assert slides[index + 1].texture is not None, "a finger on the picture may drag the next one in: it is ready"
    kiosk.frames(1)
    touch.touch_up()
    kiosk.settle()
    app.navigator.show_home()
    kiosk.settle()
