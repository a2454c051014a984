"""A game of commons around one screen: turns, secret passing, votes, and a state that survives a rebuild."""

from __future__ import annotations

import pytest

from kiosk.exhibit_types.commons.engine import Resource, RuleError, Territory
from kiosk.exhibit_types.commons.play import Session

FOREST = Resource("forest", stock=60, capacity=100, rate=0.3, value=10, threshold=10)
FISH = Resource("fish", stock=40, capacity=50, rate=0.5, value=5, threshold=5)
LAND = Territory((FOREST, FISH), players=4, rounds=3, max_take=8)


def play_round(session, takes):
    for player, take in enumerate(takes):
        assert session.phase == "choose" and session.turn == player
        for resource_id, units in take.items():
            session.set_take(resource_id, units)
        session.confirm()
        if player + 1 < len(takes):
            assert session.phase == ("pass" if session.secret else "choose")
            if session.phase == "pass":
                assert session.turn == player + 1, "the pass screen names who takes the screen next"
                session.passed_on()


def test_a_secret_game_from_roles_to_the_end():
    state = {}
    session = Session(LAND, state, secret=True)
    assert session.phase == "intro"
    session.start(players=3, seed=4)
    assert (session.phase, session.players, session.turn) == ("roles", 3, 0)
    for _ in range(3):
        session.role_read()
    assert (session.phase, session.turn) == ("choose", 0)
    play_round(session, [{"forest": 2, "fish": 1}, {"forest": 8}, {"fish": 3}])
    assert session.phase == "result"
    record = session.last_round
    assert record.taken == [{"forest": 2, "fish": 1}, {"forest": 8, "fish": 0}, {"forest": 0, "fish": 3}]
    session.discuss()
    assert session.phase == "discuss"
    session.to_rules()
    assert session.vote("quota", yes=2, amount=3)
    session.next_round()
    assert session.phase == "choose" and session.game.limit(0, "forest") == 3
    assert session.set_take("forest", 8) == 3, "a take is kept within the quota the group voted"
    session.confirm()
    session.passed_on()
    play_round_rest = [{"forest": 3}, {"forest": 1}]
    for take in play_round_rest:
        session.set_take("forest", take["forest"])
        session.confirm()
        if session.phase == "pass":
            session.passed_on()
    session.discuss()
    session.to_rules()
    session.next_round()
    play_round(session, [{"forest": 1}] * 3)
    session.discuss()
    assert session.phase == "end"
    assert session.rules_adopted() == 1
    assert session.game.results()["rounds"] == 3


def test_open_choices_pass_straight_to_the_next_player():
    session = Session(LAND, {}, secret=False)
    session.start(players=2, seed=1)
    session.role_read()
    session.role_read()
    session.set_take("forest", 5)
    session.confirm()
    assert (session.phase, session.turn) == ("choose", 1)


def test_a_rebuilt_view_finds_the_game_where_it_was():
    state = {}
    first = Session(LAND, state)
    first.start(players=3, seed=9)
    for _ in range(3):
        first.role_read()
    play_round(first, [{"forest": 4}, {"forest": 5}, {"forest": 6}])
    first.discuss()
    first.to_rules()
    first.vote("monitoring", yes=3)
    first.vote("reserve", yes=1, amount=20)   # refused: 1 of 3
    again = Session(LAND, state)
    assert again.phase == "rules"
    assert again.game.stocks == first.game.stocks
    assert again.game.rules == {"monitoring": 0}
    assert again.last_round.taken == first.last_round.taken


def test_a_player_count_outside_the_territory_is_refused_and_a_wrong_vote_is_not_recorded():
    session = Session(LAND, {})
    with pytest.raises(ValueError):
        session.start(players=5)
    with pytest.raises(ValueError):
        session.start(players=1)
    session.start(players=2, seed=0)
    with pytest.raises(RuleError):
        session.vote("sanction", yes=2, amount=5)
    assert session.state["log"] == []


def test_restart_forgets_the_game():
    state = {}
    session = Session(LAND, state)
    session.start(seed=2)
    session.restart()
    assert state == {"phase": "intro"}


@pytest.mark.parametrize("phase", ["intro", "roles", "choose", "pass", "result", "discuss", "rules", "end"])
def test_every_phase_can_be_shown_for_the_proof(phase):
    session = Session(LAND, {})
    session.go_to(phase)
    assert session.phase == phase
    if phase in ("result", "discuss", "rules"):
        assert len(session.game.history) == 1
    if phase == "end":
        assert session.game.over


def test_the_votes_since_the_last_round_are_counted_for_and_against():
    session = Session(LAND, {}, secret=False)
    session.start(players=4, seed=2)
    while session.phase == "roles":
        session.role_read()
    session.vote("quota", 1, amount=4)
    play_round(session, [{"forest": 1}] * 4)
    assert session.votes_since_round() == []
    session.vote("monitoring", 3)
    session.vote("sanction", 3, amount=10)
    session.vote("reserve", 2, amount=20)
    assert set(session.game.rules) == {"monitoring", "sanction"}
    session.vote("monitoring", 4, repeal=True)
    assert session.votes_since_round() == [("monitoring", 3, 1, False), ("sanction", 3, 1, False),
                                           ("reserve", 2, 2, False), ("monitoring", 4, 0, True)]
    assert session.game.rules == {}, "dropping monitoring drops the sanctions with it"
