"""The role-play's decision modes: what each adopts, who it overrules, and the indicators it moves."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kiosk.exhibit_types.roleplay.engine import (
    HIGH, LOW, MODES, Decision, Event, Game, RuleError, Scenario,
)

TWO = ("open on Sunday", "stay closed")


def game(*decisions, players=4, events=()):
    return Game(Scenario(decisions=decisions or (Decision(TWO, "choose"),), players=players, events=events), seed=3)


def test_majority_adopts_what_more_than_half_chose_and_overrules_the_others():
    play = game()
    outcome = play.decide(spoke={0, 1, 2, 3}, mode="majority", votes=[0, 0, 0, 1])
    assert outcome.adopted == 0 and outcome.overruled == [3]
    tie = game()
    assert tie.decide(spoke={0, 1, 2, 3}, mode="majority", votes=[0, 0, 1, 1]).adopted is None


def test_majority_counts_the_silent_among_those_it_overrules():
    outcome = game().decide(spoke={0, 1}, mode="majority", votes=[0, 0, 0, None])
    assert outcome.adopted == 0 and outcome.overruled == [2, 3]


def test_consent_stands_unless_someone_objects():
    play = game(Decision(TWO, "consent"), Decision(TWO, "consent"))
    assert play.decide(spoke={0, 1, 2, 3}, proposal=1, objections=[2]).adopted is None
    amended = play.decide(spoke={0, 1, 2, 3}, proposal=1, amendments=1)
    assert amended.adopted == 1 and amended.amendments == 1 and amended.overruled == []


def test_consensus_needs_everybody():
    assert game().decide(spoke={0, 1, 2, 3}, mode="consensus", proposal=0, objections=[1]).adopted is None
    assert game().decide(spoke={0, 1, 2, 3}, mode="consensus", proposal=0).adopted == 0


def test_an_election_without_candidates_names_the_most_named_unless_there_is_a_tie_or_an_objection():
    person = Decision((), "election", person=True)
    assert game(person).decide(spoke={0, 1, 2, 3}, votes=[2, 2, 1, 2]).adopted == 2
    assert game(person).decide(spoke={0, 1, 2, 3}, votes=[2, 2, 1, 1]).adopted is None
    assert game(person).decide(spoke={0, 1, 2, 3}, votes=[2, 2, 2, 1], objections=[1]).adopted is None


def test_lots_are_drawn_from_the_seed():
    first = game(Decision(TWO, "lots")).decide(spoke=set())
    again = game(Decision(TWO, "lots")).decide(spoke=set())
    assert first.adopted == again.adopted in (0, 1)


def test_a_mode_the_decision_does_not_allow_or_a_wrong_vote_is_refused():
    with pytest.raises(RuleError):
        game().decide(spoke=set(), mode="shouting")
    with pytest.raises(RuleError):
        game().decide(spoke=set(), mode="majority", votes=[0, 5, 0, 0])
    with pytest.raises(RuleError):
        game().decide(spoke=set(), mode="consent")


def test_trust_grows_when_everybody_is_heard_and_falls_when_people_are_overruled():
    heard = game(Decision(TWO, "consent"))
    heard.decide(spoke={0, 1, 2, 3}, proposal=0)
    overruled = game()
    overruled.decide(spoke={0}, mode="majority", votes=[0, 0, 1, None])
    assert heard.indicators["trust"] > 5 > overruled.indicators["trust"]


def test_participation_is_the_share_of_players_who_spoke_over_the_game():
    play = game(Decision(TWO, "lots"), Decision(TWO, "lots"))
    play.decide(spoke={0, 1})
    play.decide(spoke={0, 1, 2, 3})
    assert play.indicators["participation"] == round(10 * 6 / 8)
    assert play.summary()["never_heard"] == []


def test_what_was_adopted_moves_the_project_and_nothing_adopted_costs_it():
    shop = Decision(TWO, "consent", effects=({"health": 2}, {"health": -1}))
    play = game(shop, Decision(TWO, "consent"))
    play.decide(spoke={0, 1, 2, 3}, proposal=0)
    assert play.indicators["health"] == 7
    play.decide(spoke={0, 1, 2, 3}, proposal=0, objections=[1])
    assert play.indicators["health"] == 6 and play.over


@settings(max_examples=200, deadline=None)
@given(st.data())
def test_indicators_stay_between_0_and_10_whatever_the_group_does(data):
    players = data.draw(st.integers(2, 8))
    count = data.draw(st.integers(1, 6))
    decisions = tuple(Decision(("a", "b", "c"), data.draw(st.sampled_from(MODES + ("choose",))),
                               effects=tuple({"health": data.draw(st.integers(-5, 5)),
                                              "trust": data.draw(st.integers(-5, 5))} for _ in range(3)))
                      for _ in range(count))
    events = (Event("storm", 0.5, {"health": -4, "trust": -3}),)
    play = Game(Scenario(decisions, players, events), seed=data.draw(st.integers(0, 99)))
    while not play.over:
        mode = play.decision.mode if play.decision.mode != "choose" else data.draw(st.sampled_from(MODES))
        votes = data.draw(st.lists(st.one_of(st.none(), st.integers(0, 2)), min_size=players, max_size=players))
        spoke = set(data.draw(st.lists(st.integers(0, players - 1), max_size=players)))
        objections = data.draw(st.lists(st.integers(0, players - 1), max_size=2))
        outcome = play.decide(spoke, mode=mode, votes=votes, proposal=0, objections=objections)
        assert all(LOW <= value <= HIGH for value in outcome.indicators.values())
        assert outcome.adopted is None or 0 <= outcome.adopted < 3
    summary = play.summary()
    assert sum(line["decisions"] for line in summary["modes"].values()) == count
