"""The rules of the ``commons`` game: a territory's shared resources, harvested round by round.

Plain Python, no Kivy, no clock: every random draw comes from one ``random.Random(seed)``, so
a game replays exactly from its seed and the players' choices (the debrief's replay, the tests).

A round, as :meth:`Game.play_round` runs it:

1. every player has said how much they take from each resource, at most :meth:`Game.limit`
   (the curator's maximum, the group's quota, nothing on a player's rotation turn);
2. each resource is shared out: when the players ask for more than its stock, each gets a
   share in proportion to what they asked (largest remainders, so the units add up);
3. each unit taken pays the resource's value; the reserve's share of every gain is put aside;
   with monitoring and sanctions in force, a player who took more than their fair share is
   warned the first time and fined after, more each time (graduated sanctions); fines go to
   the reserve;
4. an outsider's take (a newcomer, from an event) comes off the stock;
5. the resources regrow, on what is left (logistic by default: ``rate × S × (1 − S / capacity)``,
   whole units); a resource left below its threshold collapses: it is lost for the game;
6. an event may strike (each with its probability, at most one a round): a stock falls or
   rises (a reserve cushions a fall), a price changes, a newcomer starts taking.

Between rounds the group discusses, then votes on rules (:meth:`Game.vote`); an adopted rule
applies from the next round. The rules follow Elinor Ostrom's design principles:

- ``quota``: nobody takes more than ``amount`` units of a resource a round;
- ``rotation``: each round one player, in turn, lets the land rest and takes nothing;
- ``monitoring``: everybody's takes are shown after each round (otherwise only the total);
- ``sanction``: with monitoring, taking more than the fair share is warned, then fined
  ``amount``, twice that, three times… (it needs monitoring: nobody can sanction what
  nobody sees);
- ``reserve``: ``amount`` % of every gain goes to a shared reserve, which cushions a
  disaster's damage and is shared equally at the end.

Example::

    >>> forest = Resource("forest", stock=60, capacity=100, rate=0.3, value=10, threshold=10)
    >>> game = Game(Territory(resources=(forest,), players=3, rounds=6, max_take=8), seed=1)
    >>> record = game.play_round([{"forest": 3}, {"forest": 3}, {"forest": 8}])
    >>> record.taken, record.gains
    ([{'forest': 3}, {'forest': 3}, {'forest': 8}], [30, 30, 80])
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass, field

RULES = ("quota", "rotation", "monitoring", "sanction", "reserve")
GROWTHS = ("logistic", "linear")
MAX_PLAYERS = 6
MIN_PLAYERS = 2


@dataclass(frozen=True)
class Resource:
    """A shared resource: what it holds, how it regrows, what a unit of it brings."""

    id: str
    stock: int               # units at the start
    capacity: int            # the most the territory can hold (players are not told)
    rate: float              # logistic: the regrowth rate; linear: units a round
    value: int = 1           # what one unit taken brings
    threshold: int = 0       # below this, after a harvest, the resource collapses for good
    growth: str = "logistic"

    def regrowth(self, stock: int) -> int:
        """Whole units that grow back on ``stock`` in one round (never past the capacity)."""
        if stock <= 0:
            return 0
        if self.growth == "linear":
            grown = self.rate
        else:
            grown = self.rate * stock * (1 - stock / self.capacity)
        return max(0, min(self.capacity - stock, math.floor(grown + 1e-9)))


@dataclass(frozen=True)
class Effect:
    """What an event does: to a resource's stock or price, or a newcomer's take from it."""

    resource: str
    stock: int = 0             # units added (negative: lost)
    price: float = 1.0         # the resource's value is multiplied by this, from now on
    outsider: int = 0          # units a newcomer takes every round from now on


@dataclass(frozen=True)
class Event:
    id: str
    probability: float         # the chance it strikes in a given round, 0 to 1
    effects: tuple[Effect, ...]


@dataclass(frozen=True)
class Territory:
    """What the game needs of the curator's exhibit: the texts stay in the model."""

    resources: tuple[Resource, ...]
    players: int
    rounds: int                       # the last round (drawn from ``unknown_end`` when set)
    max_take: int                     # the most a player may take of one resource a round
    unknown_end: tuple[int, int] | None = None   # the game ends at a round drawn in [min, max]
    events: tuple[Event, ...] = ()
    rules: tuple[str, ...] = RULES    # the rules the group may adopt


@dataclass
class Round:
    """What happened in one round: the debrief replays these."""

    number: int                                  # counting from 1
    stocks_before: dict[str, int]
    asked: list[dict[str, int]]                  # per player, per resource
    taken: list[dict[str, int]]                  # after sharing out a short stock
    gains: list[int]                             # per player, after the reserve's share and fines
    fines: list[int]
    warned: list[int]                            # players warned this round (first breach)
    reserve: int                                 # the reserve after this round
    outsider: dict[str, int]                     # what newcomers took
    stocks_after: dict[str, int]                 # after regrowth and the event
    collapsed: list[str]                         # resources lost this round
    event: str | None = None
    rules: dict[str, int] = field(default_factory=dict)    # the rules in force during the round


class RuleError(ValueError):
    """A vote the rules do not allow (an unknown rule, sanctions without monitoring…)."""


class Game:
    """One game of ``commons`` on a territory, from a seed."""

    def __init__(self, territory: Territory, seed: int = 0):
        if not MIN_PLAYERS <= territory.players <= MAX_PLAYERS:
            raise ValueError(f"{territory.players} players: the game takes {MIN_PLAYERS} to {MAX_PLAYERS}")
        self.territory = territory
        self.random = random.Random(seed)
        self.stocks = {r.id: min(r.stock, r.capacity) for r in territory.resources}
        self.prices = {r.id: float(r.value) for r in territory.resources}
        self.outsiders = {r.id: 0 for r in territory.resources}
        self.collapsed: set[str] = set()
        self.rules: dict[str, int] = {}       # rule → its amount (0 when it has none)
        self.gains = [0] * territory.players
        self.reserve = 0
        self.strikes = [0] * territory.players
        self.history: list[Round] = []
        low, high = territory.unknown_end or (territory.rounds, territory.rounds)
        self.last_round = self.random.randint(low, high)

    # -- state ---------------------------------------------------------------------------------

    @property
    def round(self) -> int:
        """The number of the round being played, counting from 1."""
        return len(self.history) + 1

    @property
    def over(self) -> bool:
        everything_lost = len(self.collapsed) == len(self.territory.resources)
        return len(self.history) >= self.last_round or everything_lost

    def resource(self, resource_id: str) -> Resource:
        return next(r for r in self.territory.resources if r.id == resource_id)

    def resting(self) -> int | None:
        """The player whose turn it is to take nothing this round, under rotation."""
        return (self.round - 1) % self.territory.players if "rotation" in self.rules else None

    def limit(self, player: int, resource_id: str) -> int:
        """The most ``player`` may take of a resource this round, under the rules in force."""
        if resource_id in self.collapsed or player == self.resting():
            return 0
        most = self.territory.max_take
        if "quota" in self.rules:
            most = min(most, self.rules["quota"])
        return most

    def fair_share(self, resource_id: str) -> int:
        """What each player may take this round and leave the stock no lower next round."""
        return sustainable_take(self.resource(resource_id), self.stocks[resource_id], self.territory.players)

    def health(self) -> dict[str, float]:
        """Each resource's stock as a share of its capacity, 0 for a lost one (the territory's picture)."""
        return {r.id: 0.0 if r.id in self.collapsed else self.stocks[r.id] / r.capacity
                for r in self.territory.resources}

    # -- a round -------------------------------------------------------------------------------

    def play_round(self, asked: list[dict[str, int]]) -> Round:
        """Play one round with what each player asked for; return what happened."""
        if self.over:
            raise RuleError("the game is over")
        players, resources = self.territory.players, self.territory.resources
        if len(asked) != players:
            raise ValueError(f"{len(asked)} choices for {players} players")
        for player, wants in enumerate(asked):
            for resource_id, units in wants.items():
                if resource_id not in self.stocks:
                    raise ValueError(f"unknown resource {resource_id!r}")
                if not 0 <= units <= self.limit(player, resource_id):
                    raise RuleError(f"player {player + 1} may take 0 to {self.limit(player, resource_id)} "
                                    f"of {resource_id}, not {units}")
        before = dict(self.stocks)
        fair = {r.id: self.fair_share(r.id) for r in resources}
        taken: list[dict[str, int]] = [{} for _ in range(players)]
        for resource in resources:
            wants = [asked[p].get(resource.id, 0) for p in range(players)]
            for player, units in enumerate(share_out(wants, self.stocks[resource.id])):
                taken[player][resource.id] = units
            self.stocks[resource.id] -= sum(taken[p][resource.id] for p in range(players))

        gains, fines, warned = self._pay(taken, fair)
        outsider = {}
        for resource in resources:
            units = min(self.outsiders[resource.id], self.stocks[resource.id])
            outsider[resource.id] = units
            self.stocks[resource.id] -= units
        lost = self._regrow()
        event = self._strike()
        lost += [r.id for r in resources if r.id not in self.collapsed and self.stocks[r.id] < r.threshold]
        for resource_id in lost:
            self.collapsed.add(resource_id)
            self.stocks[resource_id] = 0
        record = Round(self.round, before, [dict(w) for w in asked], taken, gains, fines, warned, self.reserve,
                       outsider, dict(self.stocks), sorted(set(lost)), event, dict(self.rules))
        self.history.append(record)
        return record

    def _pay(self, taken, fair) -> tuple[list[int], list[int], list[int]]:
        gains, fines, warned = [], [], []
        for player, units in enumerate(taken):
            gain = sum(round(units[r] * self.prices[r]) for r in units)
            kept = gain - gain * self.rules.get("reserve", 0) // 100
            self.reserve += gain - kept
            fine = 0
            if "sanction" in self.rules and "monitoring" in self.rules and \
                    any(units[r] > fair[r] for r in units):
                self.strikes[player] += 1
                if self.strikes[player] == 1:
                    warned.append(player)
                else:  # graduated: the fine grows with each breach after the warning
                    fine = min(kept, self.rules["sanction"] * (self.strikes[player] - 1))
                    self.reserve += fine
            self.gains[player] += kept - fine
            gains.append(kept - fine)
            fines.append(fine)
        return gains, fines, warned

    def _regrow(self) -> list[str]:
        lost = []
        for resource in self.territory.resources:
            if resource.id in self.collapsed:
                continue
            if self.stocks[resource.id] < resource.threshold or self.stocks[resource.id] <= 0:
                lost.append(resource.id)
                continue
            self.stocks[resource.id] += resource.regrowth(self.stocks[resource.id])
        return lost

    def _strike(self) -> str | None:
        """Draw at most one event (one draw a round, whatever happens, so replays stay in step)."""
        draw, threshold = self.random.random(), 0.0
        for event in self.territory.events:
            threshold += event.probability
            if draw < threshold:
                for effect in event.effects:
                    self._apply(effect)
                return event.id
        return None

    def _apply(self, effect: Effect) -> None:
        resource_id = effect.resource
        if resource_id in self.collapsed:
            return
        resource = self.resource(resource_id)
        change = effect.stock
        if change < 0 and "reserve" in self.rules and self.reserve > 0:
            price = max(1, round(self.prices[resource_id]))
            cushioned = min(-change, self.reserve // price)
            self.reserve -= cushioned * price
            change += cushioned
        self.stocks[resource_id] = max(0, min(resource.capacity, self.stocks[resource_id] + change))
        self.prices[resource_id] *= effect.price
        self.outsiders[resource_id] += effect.outsider

    # -- the group's rules ---------------------------------------------------------------------

    def vote(self, rule: str, yes: int, amount: int = 0, repeal: bool = False) -> bool:
        """Put a rule (or its repeal) to the vote: it passes with more than half of the players."""
        if rule not in self.territory.rules:
            raise RuleError(f"{rule!r} is not among this game's rules ({', '.join(self.territory.rules)})")
        if not 0 <= yes <= self.territory.players:
            raise ValueError(f"{yes} votes for {self.territory.players} players")
        if rule == "sanction" and not repeal and "monitoring" not in self.rules:
            raise RuleError("sanctions need monitoring first: nobody can sanction what nobody sees")
        if rule in ("quota", "reserve", "sanction") and not repeal and amount <= 0:
            raise RuleError(f"a {rule} needs an amount above 0")
        if yes * 2 <= self.territory.players:
            return False
        if repeal:
            self.rules.pop(rule, None)
            if rule == "monitoring":
                self.rules.pop("sanction", None)
        else:
            self.rules[rule] = amount
        return True

    # -- the end -------------------------------------------------------------------------------

    def results(self) -> dict:
        """Individual and collective results: what the end screen and the statistics show."""
        share = self.reserve // self.territory.players
        final = [gain + share for gain in self.gains]
        starts = {r.id: min(r.stock, r.capacity) for r in self.territory.resources}
        if self.collapsed:
            outcome = "collapsed"
        elif all(self.stocks[r] >= starts[r] for r in starts):
            outcome = "sustained"
        else:
            outcome = "depleted"
        return {"rounds": len(self.history), "gains": final, "total": sum(final), "reserve": self.reserve,
                "stocks": dict(self.stocks), "starts": starts, "collapsed": sorted(self.collapsed),
                "outcome": outcome, "rules": sorted(self.rules)}


def share_out(wants: list[int], stock: int) -> list[int]:
    """What each gets of ``stock`` when they ask for ``wants``: all of it if there is enough,
    otherwise shares in proportion to what they asked, whole units adding up to the stock."""
    total = sum(wants)
    if total <= stock:
        return list(wants)
    exact = [w * stock / total for w in wants]
    shares = [math.floor(x) for x in exact]
    by_remainder = sorted(range(len(wants)), key=lambda i: (shares[i] - exact[i], i))
    for index in by_remainder[:stock - sum(shares)]:
        shares[index] += 1
    return shares


def sustainable_take(resource: Resource, stock: int, players: int) -> int:
    """The most each of ``players`` may take of ``stock`` so that it grows back at least to ``stock``.

    The group may take ``T`` when what is left regrows by at least ``T``:
    ``regrowth(stock − T) ≥ T``. Logistic regrowth is concave, so those ``T`` run from 0 up
    to a largest one; each player's share is that, divided equally, rounded down.
    """
    if stock < resource.threshold or stock <= 0:
        return 0
    best = 0
    for total in range(1, stock + 1):
        left = stock - total
        if left < resource.threshold or resource.regrowth(left) < total:
            break
        best = total
    return best // players


def rounds_to_collapse(territory: Territory, horizon: int = 100) -> int | None:
    """The round in which greedy play (everybody at the maximum, no rules, no events) loses a resource.

    None when nothing is lost within ``horizon`` rounds. The validator holds the curator's
    ``collapse_within`` to it, so the game can be lost by greed within the game's length.
    """
    greedy = Territory(territory.resources, territory.players, horizon, territory.max_take)
    game = Game(greedy, seed=0)
    while not game.over:
        record = game.play_round([{r.id: territory.max_take for r in territory.resources}
                                  for _ in range(territory.players)])
        if record.collapsed:
            return record.number
    return None
