"""The commons game's rules: stocks stay in bounds, sharing holds a stock, greed loses it, rules apply."""

from __future__ import annotations

import math

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from kiosk.exhibit_types.commons.engine import (
    Effect, Event, Game, Resource, RuleError, Territory, rounds_to_collapse, share_out, sustainable_take,
)

resources = st.builds(
    lambda capacity, start, rate, threshold, value, growth: Resource(
        "r", stock=max(1, int(capacity * start)), capacity=capacity, rate=rate,
        threshold=int(capacity * threshold), value=value, growth=growth),
    capacity=st.integers(10, 400), start=st.floats(0.05, 1.0), rate=st.floats(0.05, 1.0),
    threshold=st.floats(0, 0.3), value=st.integers(1, 20), growth=st.sampled_from(["logistic", "linear"]))


def events_on(resource_id):
    effect = st.builds(Effect, resource=st.just(resource_id), stock=st.integers(-50, 50),
                       price=st.sampled_from([0.5, 1.0, 1.5]), outsider=st.integers(0, 3))
    return st.lists(st.builds(Event, id=st.text("abc", min_size=1, max_size=3), probability=st.floats(0, 0.3),
                              effects=st.lists(effect, min_size=1, max_size=2).map(tuple)), max_size=3).map(tuple)


def forest(**changes):
    values = dict(id="forest", stock=60, capacity=100, rate=0.3, value=10, threshold=10)
    return Resource(**{**values, **changes})


def territory(*found, players=3, rounds=8, max_take=8, **options):
    return Territory(resources=found or (forest(),), players=players, rounds=rounds, max_take=max_take, **options)


@settings(max_examples=150, deadline=None)
@given(resource=resources, players=st.integers(2, 6), max_take=st.integers(0, 30), rounds=st.integers(1, 15),
       seed=st.integers(0, 1000), data=st.data())
def test_a_stock_never_goes_below_zero_or_above_its_capacity(resource, players, max_take, rounds, seed, data):
    land = Territory((resource,), players, rounds, max_take, events=data.draw(events_on("r")))
    game = Game(land, seed)
    while not game.over:
        for rule, amount in data.draw(st.lists(st.tuples(st.sampled_from(["quota", "rotation", "reserve"]),
                                                         st.integers(1, 10)), max_size=2)):
            game.vote(rule, yes=players, amount=amount)
        choices = [{"r": data.draw(st.integers(0, game.limit(p, "r")))} for p in range(players)]
        record = game.play_round(choices)
        assert 0 <= record.stocks_after["r"] <= resource.capacity
        assert sum(t["r"] for t in record.taken) <= record.stocks_before["r"]


@settings(max_examples=150, deadline=None)
@given(resource=resources, players=st.integers(2, 6), rounds=st.integers(1, 20))
def test_with_every_player_at_the_fair_share_the_stock_holds_for_the_whole_game(resource, players, rounds):
    assume(resource.stock >= resource.threshold)
    game = Game(Territory((resource,), players, rounds, max_take=resource.capacity), seed=0)
    while not game.over:
        share = game.fair_share("r")
        record = game.play_round([{"r": share}] * players)
        assert record.stocks_after["r"] >= resource.stock
        assert not record.collapsed
    assert game.results()["outcome"] == "sustained"


@settings(max_examples=150, deadline=None)
@given(resource=resources, players=st.integers(2, 6), max_take=st.integers(1, 60))
def test_with_every_player_greedy_the_stock_collapses_within_a_bound_known_beforehand(resource, players, max_take):
    assume(resource.growth == "logistic")
    most_regrowth = max(resource.regrowth(s) for s in range(resource.capacity + 1))
    decline = players * max_take - most_regrowth
    assume(decline > 0)  # greed takes more than the territory can ever give back
    bound = math.ceil(max(0, resource.stock - resource.threshold) / decline) + 1
    collapsed_in = rounds_to_collapse(Territory((resource,), players, 1, max_take), horizon=bound + 1)
    assert collapsed_in is not None and collapsed_in <= bound


def test_the_bundled_kind_of_territory_collapses_under_greed_and_holds_with_sharing():
    land = territory(rounds=10)
    assert rounds_to_collapse(land) == 3   # 60 → 42 → 22 → nothing
    sharing = Game(land, seed=3)
    while not sharing.over:
        sharing.play_round([{"forest": sharing.fair_share("forest")}] * 3)
    assert sharing.results()["outcome"] == "sustained"
    assert sharing.results()["total"] > 0


@given(wants=st.lists(st.integers(0, 50), min_size=1, max_size=6), stock=st.integers(0, 200))
def test_a_short_stock_is_shared_in_proportion_to_what_each_asked(wants, stock):
    shares = share_out(wants, stock)
    assert sum(shares) == min(stock, sum(wants))
    assert all(0 <= got <= want for got, want in zip(shares, wants))
    for got, want in zip(shares, wants):
        if sum(wants) > stock:
            assert abs(got - want * stock / sum(wants)) < 1


def test_a_game_replays_exactly_from_its_seed_and_the_choices():
    drought = Event("drought", 0.3, (Effect("forest", stock=-15),))
    newcomer = Event("newcomer", 0.2, (Effect("forest", outsider=2),))
    land = territory(events=(drought, newcomer), unknown_end=(5, 9))

    def play(seed):
        game = Game(land, seed)
        while not game.over:
            game.play_round([{"forest": min(4, game.limit(p, "forest"))} for p in range(3)])
        return [(r.event, r.stocks_after, r.gains) for r in game.history]

    assert play(7) == play(7)
    assert play(7) != play(8)
    ends = {Game(land, seed).last_round for seed in range(40)}
    assert ends <= set(range(5, 10)) and len(ends) > 2, "the end is drawn in the stated range, unknown to players"


def test_an_adopted_quota_caps_every_take_from_the_next_round():
    game = Game(territory(), seed=0)
    assert game.limit(0, "forest") == 8
    assert game.vote("quota", yes=2, amount=3)
    assert game.limit(0, "forest") == 3
    with pytest.raises(RuleError):
        game.play_round([{"forest": 4}, {"forest": 0}, {"forest": 0}])


def test_a_rule_needs_more_than_half_of_the_players():
    game = Game(territory(players=4), seed=0)
    assert not game.vote("quota", yes=2, amount=3)
    assert "quota" not in game.rules
    assert game.vote("quota", yes=3, amount=3)
    assert not game.vote("quota", yes=1, repeal=True)
    assert game.vote("quota", yes=4, repeal=True) and "quota" not in game.rules


def test_rotation_rests_each_player_in_turn():
    game = Game(territory(), seed=0)
    game.vote("rotation", yes=3)
    resting = []
    for _ in range(3):
        resting.append(game.resting())
        assert game.limit(game.resting(), "forest") == 0
        game.play_round([{"forest": game.limit(p, "forest") and 1} for p in range(3)])
    assert resting == [0, 1, 2]


def test_sanctions_need_monitoring_and_grow_with_each_breach():
    game = Game(territory(forest(stock=80)), seed=0)
    with pytest.raises(RuleError, match="monitoring"):
        game.vote("sanction", yes=3, amount=10)
    game.vote("monitoring", yes=3)
    game.vote("sanction", yes=3, amount=10)
    fines, warned = [], []
    for _ in range(3):
        record = game.play_round([{"forest": 8}, {"forest": 0}, {"forest": 0}])
        fines.append(record.fines[0])
        warned.append(record.warned)
    assert warned[0] == [0] and fines == [0, 10, 20]
    assert game.reserve == 30
    game.vote("monitoring", yes=3, repeal=True)
    assert "sanction" not in game.rules, "sanctions end with the monitoring they need"


def test_the_reserve_takes_its_share_cushions_a_disaster_and_is_shared_at_the_end():
    fire = Event("fire", 1.0, (Effect("forest", stock=-20),))
    game = Game(territory(events=(fire,), rounds=1), seed=0)
    game.vote("reserve", yes=3, amount=50)
    record = game.play_round([{"forest": 4}, {"forest": 4}, {"forest": 4}])
    assert record.gains == [20, 20, 20]
    # 60 coins in reserve buy back 6 of the 20 units the fire burns (10 coins a unit)
    regrown = 48 + forest().regrowth(48)
    assert record.stocks_after["forest"] == regrown - 14
    assert game.results()["gains"] == [20, 20, 20]
    assert game.reserve == 0


def test_a_stock_below_its_threshold_is_lost_for_the_rest_of_the_game():
    game = Game(territory(forest(stock=20), max_take=5), seed=0)
    record = game.play_round([{"forest": 5}] * 3)
    assert record.collapsed == ["forest"] and game.stocks["forest"] == 0
    assert game.limit(0, "forest") == 0 and game.over
    assert game.results()["outcome"] == "collapsed"


def test_the_fair_share_is_what_lets_the_stock_grow_back():
    wood = forest()
    share = sustainable_take(wood, 60, 3)
    left = 60 - 3 * share
    assert left + wood.regrowth(left) >= 60
    more = 60 - 3 * (share + 1)
    assert more + wood.regrowth(more) < 60
