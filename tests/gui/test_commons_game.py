"""A whole game of commons, played as a group plays it: touches on the real kiosk, in French and in Arabic."""

from __future__ import annotations

import pytest

from tests.gui.test_visit_recording import events_after, last_event_id
from tests.gui.test_visitor_flow import open_exhibit, start_visit

GAME = "alternatives-vallee-partagee"


def take(kiosk, view, units: dict[str, int]) -> None:
    for resource_id, count in units.items():
        for _ in range(count):
            stepper = view.steppers[resource_id]
            kiosk.tap(next(w for w in stepper.children if getattr(w, "icon", "") == "plus"))


def visible(kiosk, view, text: str) -> bool:
    return any(text in shown for shown in kiosk.visible_texts(view))


@pytest.mark.parametrize("language", ["Français", "العربية"])
def test_a_group_of_three_plays_a_whole_game(fresh, language):
    kiosk = fresh
    recorded_before = last_event_id(kiosk.app)
    start_visit(kiosk, language)
    view = open_exhibit(kiosk, GAME)
    session, tr = view.session, view.ctx.gettext
    game_text = view.game_text
    assert session.phase == "intro" and not view.absorbed
    rtl = view.ctx.theme.rtl
    side, panel = view.ids.picture_side, view.ids.panel_scroll
    assert (side.x > panel.x) == rtl, "the territory stands on the reading side's start"

    three = next(w for w in kiosk.widgets(view) if getattr(w, "text", None) == "3")
    kiosk.tap(three)
    kiosk.tap(view.action)                                   # start
    assert session.phase == "roles" and session.players == 3 and view.absorbed
    for player in range(3):
        secret = game_text.players[player].secret
        if secret is not None:
            assert not visible(kiosk, view, view.text(secret)[:12]) or rtl
            show = next(w for w in kiosk.widgets(view) if getattr(w, "icon", "") == "eye")
            kiosk.tap(show)
            hide = next(w for w in kiosk.widgets(view) if getattr(w, "icon", "") == "eye-off")
            assert hide.opacity > 0
        kiosk.tap(view.action)
    assert session.phase == "choose"

    rounds = 0
    while session.phase != "end":
        assert session.phase == "choose"
        for player in range(3):
            take(kiosk, view, {"river": 1, "forest": 1 if player == 0 and rounds == 0 else 0})
            assert view.steppers["river"].value == 1
            kiosk.tap(view.action)                           # confirm
            if player < 2:
                assert session.phase == "pass"
                assert not view.steppers, "the last choice is hidden before the screen is passed on"
                kiosk.tap(view.action)                       # "I am …: my turn"
        rounds += 1
        assert session.phase == "result"
        assert session.last_round.taken[0] == {"river": 1, "forest": 1 if rounds == 1 else 0}
        kiosk.tap(view.action)                               # talk it over
        if session.phase == "end":
            break
        assert session.phase == "discuss"
        kiosk.tap(view.action)                               # to the vote
        assert session.phase == "rules"
        if rounds == 1:                                      # the group votes a quota of 2, three hands up
            kiosk.tap(view.rule_rows["quota"].ids.rule_button)
            kiosk.tap(view.hands[3])
            assert session.game.rules == {"quota": view.session.game.territory.max_take // 2}
        kiosk.tap(view.action)                               # next round
    assert rounds == session.game.last_round
    assert not view.absorbed, "the end gives the exhibit's way on back"
    results = session.game.results()
    assert results["outcome"] in ("sustained", "depleted"), "a group taking little loses nothing"
    assert session.rules_adopted() == 1
    tops = [w for w in kiosk.widgets(view) if type(w).__name__ == "PlayerBar"]
    assert len(tops) == 3
    ended = [e for e in events_after(kiosk.app, recorded_before) if e["kind"] == "game_end"]
    assert [(e["exhibit"], e["value"], e["detail"]) for e in ended] == \
        [(GAME, rounds, f"{results['outcome']} 3 1")], "the anonymous statistics count the game, nothing about who"
    kiosk.tap(view.action)                                   # play again
    assert session.phase == "intro"

