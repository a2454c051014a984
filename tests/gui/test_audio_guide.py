"""Audio guidance, driven as a visitor who cannot see the screen drives it: two fingers held, a finger exploring,
double taps, flicks and a keypad's keys; what is spoken is what the guide asked espeak-ng for (SDL's dummy audio)."""

from __future__ import annotations

from kivy.core.window import Window
from kivy.tests.common import UnitTestTouch

from kiosk.gui.curator.proof_checks import screen_problems
from kiosk.gui.guide import BADGE, HELP, OFF, GuideTouch
from kiosk.gui.widgets.access_panel import AccessPanel
from kiosk.i18n import catalog
from tests.gui.test_countdown import wait_untouched
from tests.gui.test_visit_recording import events_after, last_event_id
from tests.gui.test_visitor_flow import open_exhibit, start_visit


def said(app) -> list[str]:
    return [words for words, _language in app.guide.speaker.said]


def hold_two_fingers(kiosk, first=(600, 500), second=(1200, 500)) -> None:
    touches = [UnitTestTouch(*first), UnitTestTouch(*second)]
    for touch in touches:
        touch.touch_down()
    kiosk.wait(2.3)
    for touch in touches:
        touch.touch_up()
    kiosk.settle()


def touch_and_lift(kiosk, x, y, frames: int = 1) -> None:
    """A short touch. No frame is drawn while the finger is down: on a loaded machine a frame may outlast a tap."""
    touch = UnitTestTouch(x, y)
    touch.touch_down()
    touch.touch_up()
    kiosk.frames(frames)


def double_tap(kiosk, x, y) -> None:
    touch_and_lift(kiosk, x, y, frames=0)
    touch_and_lift(kiosk, x, y, frames=0)
    kiosk.settle()
    kiosk.wait(0.6)    # the guide looks at what the choice changed


def flick(kiosk, start, end) -> None:
    touch = UnitTestTouch(*start)
    touch.touch_down()        # (no frame drawn before it lifts: a flick is quick, and a loaded machine's frame is not)
    touch.touch_move((start[0] + end[0]) / 2, (start[1] + end[1]) / 2)
    touch.touch_move(*end)
    touch.touch_up()
    kiosk.frames(2)


def press(kiosk, key: int, modifiers=()) -> None:
    Window.dispatch("on_key_down", key, 0, None, list(modifiers))
    kiosk.settle()


def centre(widget):
    return widget.to_window(*widget.center)


def language_card(kiosk, code):
    return next(w for w in kiosk.widgets(kiosk.screen) if getattr(w, "language", None) == code)


def test_two_fingers_held_turn_it_on_then_a_finger_hears_and_a_double_tap_chooses(fresh):
    kiosk, app = fresh, fresh.app
    kiosk.tap_at(960, 540)
    assert app.navigator.current == "language"
    english = language_card(kiosk, "en")
    before = last_event_id(app)

    hold_two_fingers(kiosk, centre(english), (1700, 150))   # one finger even rests on a card: it presses nothing
    assert app.guide.on and app.session.access.guide
    assert app.navigator.current == "language" and app.language == "fr"
    assert said(app)[-1] == catalog("fr").gettext(HELP)
    assert app.guide.ring.parent is Window

    touch_and_lift(kiosk, *centre(language_card(kiosk, "ar")))
    words, language = app.guide.speaker.said[-1]
    assert words.startswith("العربية") and language == "ar"        # a language's name, in its own voice
    assert app.navigator.current == "language"                    # heard, not pressed
    kiosk.wait(0.6)                                               # (no double tap with the next touch)
    touch_and_lift(kiosk, *centre(english))
    words, language = app.guide.speaker.said[-1]
    assert words.startswith("English") and language == "en"
    assert app.guide.ring._inner.points, "the focus is shown to whoever stands beside"

    kiosk.wait(0.6)                                               # (heard, then chosen: not one double tap)
    double_tap(kiosk, 200, 200)     # anywhere (here over Español): it chooses what was heard before, English
    assert app.navigator.current == "home" and app.language == "en"
    home_said = said(app)[-1]
    assert home_said.rstrip(".") == app.navigator.screen("home").ids.title.logical_text, home_said   # only that                 # the new screen says where the visitor is
    # the words were spoken for real by espeak-ng (the test's audio is SDL's dummy driver)
    assert kiosk.wait_until(lambda: app.speech.path_for(" ".join(home_said.split()), "en").exists())
    # ... and played: the player's position moves on
    assert kiosk.wait_until(lambda: app.guide.speaker.position() > 0.1)
    # the statistics count it, anonymously, as they count the other modes
    assert [(e["detail"], e["value"]) for e in events_after(app, before) if e["kind"] == "access"] == [("guide", 1)]


def test_flicks_and_keys_step_in_reading_order_and_enter_chooses(fresh):
    kiosk, app = fresh, fresh.app
    start_visit(kiosk, "English")
    press(kiosk, 274)                                 # a keypad's arrow: the guidance starts by itself
    assert app.guide.on
    assert said(app)[-1] == catalog("en").gettext(HELP)
    # the badge says so at the top, and the screens are laid out under it: nothing covered, nothing cut
    badge, screens = app.guide.badge, app.root_widget.ids.reach
    assert badge.parent is Window and badge.words == catalog("en").gettext(BADGE)
    assert screens.top <= badge.y and screens.height == Window.height - badge.room
    assert [p.message for p in screen_problems(app.root_widget, app.pictures) if p.kind != "upscaled"] == []
    order = [e.words for e in app.guide.guide.elements]
    assert len(order) >= 6, order
    press(kiosk, 274)
    first = app.guide.guide.focus
    assert first is app.guide.guide.elements[0]
    press(kiosk, 274)
    assert app.guide.guide.focus is app.guide.guide.elements[1]
    press(kiosk, 273)
    assert app.guide.guide.focus.words == first.words
    flick(kiosk, (400, 300), (800, 310))
    assert app.guide.guide.focus.words == order[1]
    flick(kiosk, (800, 300), (400, 290))
    assert app.guide.guide.focus.words == order[0], said(app)[-4:]
    spoken = said(app)[-1]
    assert spoken.startswith(first.words) and (not first.control or spoken.endswith("button."))

    # step to a room's card, and choose it with Enter
    card = next(e for e in app.guide.guide.elements if e.control and "Limits" in e.words)
    for _ in range(len(order)):
        if app.guide.guide.focus.words == card.words:
            break
        press(kiosk, 274)
    assert app.guide.guide.focus.words == card.words
    press(kiosk, 13)
    kiosk.wait(0.6)
    assert app.navigator.current in ("home", "exhibit")
    assert any("Limits" in words for words in said(app)[-2:]) or app.navigator.current == "exhibit"


def test_a_quiz_answer_is_chosen_by_ear_and_its_verdict_is_read(fresh):
    kiosk, app = fresh, fresh.app
    start_visit(kiosk, "English")
    view = open_exhibit(kiosk, "origines-quiz")
    press(kiosk, 274)
    answers = [e for e in app.guide.guide.elements if e.control and e.key in kiosk.widgets(view)
               and getattr(e.key, "answer_index", None) is not None] or \
              [e for e in app.guide.guide.elements if e.control and e.key in kiosk.widgets(view)]
    assert answers, [e.words for e in app.guide.guide.elements]
    answer = answers[0]
    touch_and_lift(kiosk, *answer.centre)
    assert said(app)[-1].startswith(answer.words)
    texts_before = set(kiosk.visible_texts())
    double_tap(kiosk, 100, 100)
    # the press waits for the speech to end (up to 0.5 s): on a loaded machine the verdict comes later
    kiosk.wait_until(lambda: set(kiosk.visible_texts()) - texts_before, limit=5)
    kiosk.wait(0.6)   # and the guide reads it once drawn
    new_texts = set(kiosk.visible_texts()) - texts_before
    assert new_texts, "choosing the answer showed its verdict"
    assert any(words in said(app)[-1] for words in new_texts if len(words) > 3), (said(app)[-1], new_texts)


def test_hold_again_or_the_idle_reset_ends_it_and_the_panel_offers_it(fresh):
    kiosk, app = fresh, fresh.app
    start_visit(kiosk)
    hold_two_fingers(kiosk)
    assert app.guide.on
    hold_two_fingers(kiosk)
    assert not app.guide.on and not app.session.access.guide
    assert said(app)[-1] == catalog("fr").gettext(OFF)
    assert not app.guide.ring._inner.points

    # the access panel lists it, for a companion who turns it on for someone
    kiosk.tap(app.navigator.screen("home").ids.access)
    panel = AccessPanel._shared
    row = next(r for r in panel.rows() if r.mode == "guide")
    kiosk.reveal(row)
    kiosk.tap(row)
    assert app.guide.on and row.on
    # the panel's "Done", by ear: heard, then chosen with a double tap
    touch_and_lift(kiosk, *centre(panel.ids.done))
    double_tap(kiosk, 960, 200)
    assert panel.parent is None

    app.idle.reset_now()
    kiosk.settle()
    assert not app.guide.on and not app.session.access.guide and app.guide.ring.parent is None
    assert app.guide.badge.parent is None and app.root_widget.guide_room == 0
    kiosk.tap_at(960, 540)
    assert app.navigator.current == "language"       # the next visitor's touches press again


def test_the_guide_presses_with_a_touch_the_screens_take(fresh):
    """GuideTouch goes through Kivy's input as a finger does: a button under it fires."""
    kiosk, app = fresh, fresh.app
    kiosk.tap_at(960, 540)
    card = language_card(kiosk, "de")
    from kivy.base import EventLoop

    touch = GuideTouch(*centre(card))
    EventLoop.post_dispatch_input("begin", touch)
    kiosk.frames(2)
    EventLoop.post_dispatch_input("end", touch)
    kiosk.settle()
    assert app.navigator.current == "home" and app.language == "de"


def test_still_there_is_said_and_any_touch_keeps_the_visit(fresh):
    kiosk, app = fresh, fresh.app
    start_visit(kiosk, "English")
    press(kiosk, 274)
    assert app.guide.on
    wait_untouched(kiosk, 2)
    kiosk.wait(0.5)
    assert said(app)[-1].startswith("Still there?"), said(app)[-1]
    touch_and_lift(kiosk, 960, 540)
    kiosk.settle()
    assert not app.root_widget.countdown_visible and app.guide.on and app.navigator.current == "home"


def test_from_the_attract_loop_a_keypad_alone_starts_a_visit(fresh):
    """A visitor with a keypad and no sight: the arrow turns guidance on, the call to action is a button to choose."""
    kiosk, app = fresh, fresh.app
    assert app.navigator.current == "attract"
    press(kiosk, 274)
    assert app.guide.on
    call = next(e for e in app.guide.guide.elements if e.control)
    assert call.words == app.navigator.screen("attract").prompt
    for _ in app.guide.guide.elements:
        if app.guide.guide.focus is not None and app.guide.guide.focus.words == call.words:
            break
        press(kiosk, 274)
    press(kiosk, 13)
    kiosk.wait(0.6)
    assert app.navigator.current == "language"
    assert said(app)[-1].startswith(app.navigator.screen("language").ids.heading.logical_text)


def test_with_two_languages_each_column_is_read_in_its_own_voice(fresh):
    kiosk, app = fresh, fresh.app
    start_visit(kiosk)                           # French
    app.set_second_language("en")
    open_exhibit(kiosk, "origines-enclosures")
    press(kiosk, 274)
    voices = {e.words: e.language for e in app.guide.guide.elements}
    english = [words for words, language in voices.items() if "In England" in words]
    french = [words for words, language in voices.items() if "En Angleterre" in words]
    assert english and french, list(voices)
    assert {voices[w] for w in english} == {"en"} and {voices[w] for w in french} == {"fr"}
    app.set_second_language("")


def test_a_poll_is_answered_with_the_keypad_and_its_results_are_read(fresh):
    """Arrows step to the third answer, Enter votes for it; the thanks and the results are read out."""
    kiosk, app = fresh, fresh.app
    start_visit(kiosk, "English")
    view = open_exhibit(kiosk, "alternatives-sondage")
    press(kiosk, 274)                                 # the keypad turns the guidance on
    assert app.guide.on
    third = view.poll.options[2].get("en")
    rows = [e for e in app.guide.guide.elements if e.control and e.words.startswith(third)]
    assert rows, [e.words for e in app.guide.guide.elements]
    for _ in range(len(app.guide.guide.elements)):
        if app.guide.guide.focus is not None and app.guide.guide.focus.words == rows[0].words:
            break
        press(kiosk, 274)
    assert said(app)[-1].startswith(third) and said(app)[-1].endswith("button.")
    press(kiosk, 13)
    view = app.navigator.screen("exhibit").view
    kiosk.wait_until(lambda: view.ballot.voted, limit=5)    # the press waits for the speech to end
    kiosk.wait_until(lambda: "Thank you" in said(app)[-1], limit=5)
    assert view.ballot.voted and view.ballot.choice == 2
    heard = said(app)[-1]
    assert "Thank you" in heard, heard
    for option in view.poll.options:      # the results: every answer with its share, though nothing is left to press
        assert f"{option.get('en')}" in heard and heard.count("%") == len(view.poll.options), heard
