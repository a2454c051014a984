"""A game of roleplay around one screen: roles passed on, timed talk, each mode's report, a replayable state."""

from __future__ import annotations

import pytest

from kiosk.exhibit_types.roleplay.engine import Decision, Event, RuleError, Scenario
from kiosk.exhibit_types.roleplay.play import PHASES, STEPS, Session

HEALTHY = ({"health": 2}, {"health": -1}, {"trust": 1})
SCENARIO = Scenario(decisions=(Decision(("a", "b", "c"), "choose", HEALTHY),
                               Decision(("a", "b"), "consent", ({"health": 1}, {})),
                               Decision((), "election", person=True),
                               Decision(("a", "b"), "lots")),
                    players=5, events=(Event("storm", 0.0, {"health": -2}),))


def through_roles(session: Session) -> None:
    assert session.phase == "situation"
    session.situation_read()
    for player in range(session.players):
        assert (session.phase, session.turn) == ("pass", player), "the screen names who takes it next"
        session.take_screen()
        assert session.phase == "role"
        session.hide_role()
    assert session.phase == "discuss"


def test_a_whole_game_in_four_modes():
    state = {}
    session = Session(SCENARIO, state, least=3, discussion=90)
    assert session.phase == "intro"
    session.start(players=3, seed=7)
    through_roles(session)
    assert session.talk_left == 90
    session.tick(30)
    assert session.more_time() == 120, "a minute more"
    session.ready()
    assert session.phase == "mode", "the group picks how to decide the first question"
    session.choose_mode("majority")
    assert session.phase == "spoke"
    session.toggle_spoke(0), session.toggle_spoke(1)
    session.to_decide()
    session.vote(0, 0), session.vote(1, 0), session.vote(2, 1)
    outcome = session.count_votes()
    assert session.phase == "outcome"
    assert (outcome.mode, outcome.adopted, outcome.overruled) == ("majority", 0, [2])
    session.next_decision()
    assert session.phase == "discuss" and session.talk_left == 90, "each discussion has its whole time"

    session.ready()
    assert (session.phase, session.mode) == ("spoke", "consent"), "the scenario's mode: no choice to make"
    for player in range(3):
        session.toggle_spoke(player)
    session.to_decide()
    session.settle_on(1)
    assert session.toggle_objection(2)
    session.amend()
    assert session.draft["objections"] == [] and session.draft["amendments"] == 1
    outcome = session.decide()
    assert (outcome.adopted, outcome.amendments, outcome.overruled) == (1, 1, [])
    session.next_decision()

    session.ready(), session.to_decide()
    for player in range(3):
        session.vote(player, 2)
    assert session.count_votes() is None and session.phase == "object", "the named person faces objections"
    outcome = session.decide()
    assert outcome.adopted == 2 and outcome.overruled == [0, 1, 2], "nobody spoke: nobody was heard"
    session.next_decision()

    session.ready(), session.to_decide()
    outcome = session.decide()
    assert outcome.mode == "lots" and outcome.adopted in (0, 1)
    session.next_decision()
    assert session.phase == "end" and session.game.over
    session.to_debrief()
    assert session.phase == "debrief"
    summary = session.game.summary()
    assert summary["decisions"] == 4 and set(summary["modes"]) == {"majority", "consent", "election", "lots"}


def test_the_game_replays_from_the_state_after_a_rebuild():
    state = {}
    session = Session(SCENARIO, state, least=3)
    session.start(players=4, seed=3)
    through_roles(session)
    session.ready(), session.choose_mode("lots"), session.to_decide()
    drawn = session.decide().adopted
    again = Session(SCENARIO, state, least=3)
    assert again.phase == "outcome" and again.players == 4
    assert again.last.adopted == drawn and again.game.indicators == session.game.indicators


def test_an_election_tie_names_nobody_without_asking_for_objections():
    session = Session(SCENARIO, {}, least=3)
    session.go_to("decide:election")
    session.draft["votes"] = [None] * session.players
    session.vote(0, 1), session.vote(1, 2)
    assert session.named() is None
    outcome = session.count_votes()
    assert session.phase == "outcome" and outcome.adopted is None


def test_mistakes_are_refused():
    session = Session(SCENARIO, {}, least=3)
    with pytest.raises(ValueError):
        session.start(players=2)
    with pytest.raises(ValueError):
        session.start(players=6)
    session.start(players=3, seed=1)
    through_roles(session)
    session.ready()
    with pytest.raises(RuleError):
        session.choose_mode("shouting")
    session.choose_mode("consensus")
    session.to_decide()
    with pytest.raises(RuleError):
        session.decide()               # no proposal settled on
    with pytest.raises(RuleError):
        session.settle_on(3)
    with pytest.raises(RuleError):
        session.vote(3, 0)
    with pytest.raises(RuleError):
        session.toggle_spoke(-1)
    session.settle_on(0)
    session.toggle_objection(1)
    assert session.decide().adopted is None, "consensus: one disagreement and nothing is decided"
    session.next_decision()
    with pytest.raises(RuleError):
        session.choose_mode("lots")    # the consent decision's mode is the scenario's
    session.to_debrief()
    assert session.phase == "debrief", "a facilitator may cut the game short once a decision is taken"
    session.start(players=3, seed=1)
    with pytest.raises(RuleError):
        session.to_debrief()


@pytest.mark.parametrize("step", STEPS)
def test_every_step_the_tools_photograph_is_a_phase(step):
    session = Session(SCENARIO, {}, least=3)
    session.go_to(step)
    assert session.phase == step.partition(":")[0] and session.phase in PHASES
    if ":" in step:
        assert session.mode == step.partition(":")[2]
    if step in ("end", "debrief"):
        assert session.game.over and len(session.game.history) == len(SCENARIO.decisions)


def test_restart_forgets_the_game():
    state = {}
    session = Session(SCENARIO, state, least=3)
    session.go_to("outcome")
    session.restart()
    assert state == {"phase": "intro"} and session.players == 5
