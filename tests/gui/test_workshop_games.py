"""A game in a workshop, run by the facilitator from the bar while the players keep their own touches."""

from __future__ import annotations

import pytest
from kivy.core.window import Window

from kiosk.icons import icon
from tests.gui.conftest import PIN
from tests.gui.test_facilitator import boxes_intersect, hold_corner, type_pin, window_box

WORKSHOP = "atelier-gouverner-les-communs"
GAME = "alternatives-vallee-partagee"


def game_row_button(bar, name: str):
    return bar.ids[{"timer": "game_timer", "more": "game_more", "next": "game_next", "debrief": "game_debrief"}[name]]


def tap_bar(driver, bar, name: str) -> None:
    button = game_row_button(bar, name)
    assert button.opacity == 1 and not button.disabled and button.width > 0, f"the bar offers no {name!r} now"
    driver.tap(button)


def offered(bar, name: str) -> bool:
    button = game_row_button(bar, name)
    return button.opacity == 1 and not button.disabled


def play_a_round_by_touch(driver, view) -> None:
    """The first player takes one unit of water, each confirms and hands on the screen, with their own fingers."""
    driver.tap(next(w for w in view.steppers["river"].children if getattr(w, "icon", "") == "plus"))
    for _player in range(view.session.players):
        driver.tap(view.action)                                    # confirm (and hide)
        if view.session.phase == "pass":
            driver.tap(view.action)                                # "I am …: my turn"


def test_the_facilitator_runs_the_shared_valley_from_the_bar_to_the_debrief(facilitator):
    driver, app = facilitator, facilitator.app
    hold_corner(driver, 1.2)
    type_pin(driver, PIN)
    assert app.navigator.current == "facilitator"
    driver.tap_text("Workshop")
    path = app.content.path(WORKSHOP)
    driver.tap_text(app.facilitator_text(path.title))
    bar = app.root_widget.facilitator_bar
    assert app.session.exhibit_id == "origines-enclosures" and not bar.game
    assert bar.ids.game_row.height == 0, "no game row under a panel"

    driver.tap(next(w for w in driver.widgets(bar.ids.main_row) if getattr(w, "text", None) == icon("chevron-right")))
    assert app.session.exhibit_id == GAME and bar.game
    view = driver.screen.view
    session = view.session
    assert bar.game_phase == "Introduction" and bar.game_next == "Start the game" and not offered(bar, "debrief")
    assert view.action is None, "the bar starts the game: no second button on the screen"
    assert app.root_widget.bar_room == bar.ids.bar.height > bar.ids.main_row.height, "the screen makes room for both rows"
    game_box = window_box(view)
    assert not boxes_intersect(game_box, window_box(bar.ids.bar)), "the bar covers none of the game"

    driver.tap(next(w for w in driver.widgets(view) if getattr(w, "text", None) == "2"))   # two teams, by touch
    tap_bar(driver, bar, "next")                                  # start, with the players chosen on the screen
    assert session.phase == "roles" and session.players == 2 and bar.game_phase == "Players read their roles"
    tap_bar(driver, bar, "next")                                  # roles read aloud: to the first round
    assert session.phase == "choose" and bar.game_phase == "Players are choosing"
    assert not offered(bar, "next"), "the players' secret choices are theirs alone"

    play_a_round_by_touch(driver, view)                            # the players' own buttons still work
    assert session.phase == "result" and bar.game_phase == "Results of the round" and offered(bar, "debrief")
    tap_bar(driver, bar, "next")
    assert session.phase == "discuss" and offered(bar, "timer")
    talk = view._talk
    tap_bar(driver, bar, "timer")                                 # pause the talk
    assert talk.paused and not bar.game_running and view.state["talk_paused"]
    driver.find_text("PAUSED", root=talk)                         # said in words inside the ring, not a glyph
    left = view.state["talk_left"]
    tap_bar(driver, bar, "more")                                  # a minute more, still paused
    assert view.state["talk_left"] == left + 60 and talk.paused
    assert bar.game_timer == f"{(left + 60) // 60:02d}:{(left + 60) % 60:02d}"
    texts = {getattr(w, "text", "") for w in driver.widgets(view)}
    assert not texts & {"+1 min", "+30 s", "To the vote"} and view.action is None, \
        "the bar holds the talk's time and the way on: no second button on the screen"
    tap_bar(driver, bar, "timer")                                 # and on again
    assert not talk.paused and bar.game_running

    tap_bar(driver, bar, "next")                                  # to the vote
    assert session.phase == "rules" and bar.game_phase == "Vote on the rules" and bar.game_next == "Next round"
    assert view.action is None, "the bar starts the next round"
    scroll = view.ids.panel_scroll
    rows = list(view.rule_rows.values())
    assert window_box(rows[-1])[1] >= window_box(scroll)[1] - 1, "the last rule is in sight above the bar, unscrolled"
    sanctions = view.rule_rows["sanction"]
    assert "Monitoring" in sanctions.text and "first" in sanctions.text, "sanctions say what to adopt first"
    driver.tap(view.rule_rows["monitoring"].ids.rule_button)      # a player proposes monitoring…
    driver.tap(view.hands[2])                                     # …both hands go up
    assert driver.find_text("Monitoring: 2 for, 0 against. Adopted.")
    assert view.rule_rows["sanction"].action == "Propose", "with monitoring adopted, sanctions can be proposed"
    tap_bar(driver, bar, "next")                                  # the next round
    assert session.phase == "choose" and len(session.game.history) == 1 and offered(bar, "debrief")
    tap_bar(driver, bar, "debrief")                               # the facilitator stops the game here
    assert session.phase == "end" and not offered(bar, "debrief") and bar.game_phase == "Debrief"
    chart = next(w for w in driver.widgets(view) if type(w).__name__ == "StockChart")
    assert chart.get_root_window() is not None
    driver.find_text("Each resource, over the round played", root=chart)    # one round played, cut short on the 2nd
    results = session.game.results()
    moved = {(results["stocks"][r] > start) - (results["stocks"][r] < start) for r, start in results["starts"].items()}
    if results["outcome"] == "depleted" and moved != {-1}:
        driver.find_text("Down since the start:", root=view)        # the headline follows each resource
    first = view.text(view.game_text.debrief[0])
    question = driver.find_text(first[:30])
    assert question.font_size == app.theme.heading, "the question is large, for a group"
    driver.find_text("Talk about it")
    tap_bar(driver, bar, "next")                                  # the next question, from the bar
    driver.find_text(view.text(view.game_text.debrief[1])[:30])
    assert view.state["debrief"] == 1

    driver.tap(next(w for w in driver.widgets(bar.ids.main_row) if getattr(w, "text", None) == icon("chevron-right")))
    assert app.session.exhibit_id == GAME and driver.screen.view.session.phase == "end", \
        "the debrief step finds the game where the group left it"
    assert "game show_debrief" in {e.event for e in app.records.log_entries()}, "the session log keeps what was run"


@pytest.mark.parametrize("size, stacked", [((1920, 1080), False), ((1080, 1920), True)], ids=["landscape", "portrait"])
def test_the_game_row_fits_the_screen_in_arabic_on_one_line_or_two(facilitator, size, stacked):
    driver, app = facilitator, facilitator.app
    Window.size = size
    app.settings.facilitator_language = "ar"
    app.apply_settings()
    try:
        guided = app.facilitator.guided
        guided.start(WORKSHOP)
        guided.next_step()
        driver.settle()
        view = driver.screen.view
        guided.run_game("next_phase")
        guided.run_game("next_phase")
        for _player in range(view.session.players):                # every player takes nothing
            view._confirm()
            if view.session.phase == "pass":
                view._passed_on()
        guided.run_game("next_phase")                             # the talk: timer, a minute more, next, debrief
        driver.settle()
        bar = app.root_widget.facilitator_bar
        assert bar.game_stacked == stacked
        buttons = [game_row_button(bar, name) for name in ("timer", "more", "next", "debrief")]
        assert all(offered(bar, name) for name in ("timer", "more", "next", "debrief"))
        for button in buttons:
            x, _y = button.to_window(button.x, button.y)
            assert 0 <= x and x + button.width <= Window.width + 1, "a button of the game's row runs off the screen"
        assert not boxes_intersect(window_box(view), window_box(bar.ids.bar)), "the bar covers none of the game"
        first, last = (buttons[2], buttons[3]) if stacked else (buttons[0], buttons[3])
        assert last.x < first.x, "right to left: the row reads from the right"
    finally:
        guided.stop()
        app.settings.facilitator_language = "en"
        app.apply_settings()
        Window.size = (1920, 1080)
        driver.settle()


def test_the_bar_reads_the_facilitators_way_whatever_the_visitors_language(facilitator):
    """An English-speaking facilitator's bar keeps "Next round ›" while the visitors play in Arabic."""
    driver, app = facilitator, facilitator.app
    app.facilitator.guided.start(WORKSHOP)
    driver.settle()
    bar = app.root_widget.facilitator_bar
    buttons = [w for w in driver.widgets(bar) if getattr(w, "facilitator_side", False) and w.icon]
    assert buttons
    app.set_language("ar")
    driver.settle()
    assert app.theme.rtl and not app.facilitator_language.rtl
    assert not any(b.icon_rtl for b in buttons), "icons stand on the facilitator's side of their captions"
    assert bar.ids.game_next.icon_after, "the next phase's arrow ends its caption, pointing on"
    app.set_language("en")
    driver.settle()


def test_in_a_workshop_the_role_play_leaves_the_way_on_to_the_bar(facilitator):
    """One button for one action: the bar starts, deals, times and leads on; the players keep their own taps."""
    driver, app = facilitator, facilitator.app
    guided = app.facilitator.guided
    guided.start("atelier-decider-ensemble")
    driver.settle()
    guided.next_step()                       # the régie's assembly, a role-play
    driver.settle()
    bar = app.root_widget.facilitator_bar
    view = driver.screen.view
    session = view.session
    assert bar.game and session.phase == "intro"
    assert view.action is None and bar.game_next == "Start the game", "the bar starts the game"
    tap_bar(driver, bar, "next")
    assert session.phase == "situation" and view.action is None and bar.game_next == "Deal the roles"
    tap_bar(driver, bar, "next")
    assert session.phase == "pass" and view.action is not None, "each player's own way to their role stays theirs"
    tap_bar(driver, bar, "next")             # the roles read aloud: to the talk
    assert session.phase == "discuss"
    texts = {getattr(w, "text", "") for w in driver.widgets(view)}
    assert view.action is None and not texts & {"Add a minute", "We are ready"}, "the bar times the talk and leads on"
    assert offered(bar, "timer") and offered(bar, "more")
    guided.stop()
    driver.settle()
