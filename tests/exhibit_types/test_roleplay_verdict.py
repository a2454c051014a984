"""The role-play's closing line comes from the game: the indicator that moved most, and whether all were heard."""

from __future__ import annotations

from kiosk.exhibit_types.roleplay.engine import START, Decision, Game, Scenario


def decided(health: int, spoke: set[int]) -> dict:
    """A game of three with one consensus whose first proposal moves the project's health; its closing line."""
    game = Game(Scenario(decisions=(Decision(("a", "b"), "consensus", effects=({"health": health}, {})),),
                         players=3))
    game.decide(spoke=spoke, proposal=0)
    return game.verdict()


def test_before_any_decision_nothing_moved_and_nobody_was_heard():
    assert Game(Scenario((), players=2)).verdict() == {"indicator": None, "start": START, "end": START,
                                                       "heard": False}


def test_the_biggest_move_is_named_and_a_silent_player_counts():
    verdict = decided(-4, spoke={0, 1})                # participation +2, health -4
    assert (verdict["indicator"], verdict["end"], verdict["heard"]) == ("health", START - 4, False)


def test_a_fall_wins_a_tie_with_a_rise():
    verdict = decided(-5, spoke={0, 1, 2})             # everybody spoke: participation +5, health -5
    assert (verdict["indicator"], verdict["end"], verdict["heard"]) == ("health", START - 5, True)
    assert decided(-1, spoke={0, 1, 2})["indicator"] == "participation"
