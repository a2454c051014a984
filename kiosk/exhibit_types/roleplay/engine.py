"""The rules of the ``roleplay`` game: a group takes decisions together, in one of five ways.

Plain Python, no Kivy, no clock; the only chance (drawing lots, events) comes from one
``random.Random(seed)``, so a game replays from its seed and what the group did.

The decision modes are those of the MES's work on collective governance:

- ``majority``: each player votes for one proposal (or none); a proposal with more than
  half of the votes cast is adopted, otherwise nothing is decided;
- ``consent``: a proposal is adopted unless someone raises a reasoned objection; an
  objection sends it back to be amended, and the amended proposal is asked again;
- ``consensus``: adopted only when every player agrees;
- ``election``: an election without candidates: each player names someone, the most
  named is put forward, and is chosen unless someone objects (ties: nobody is chosen);
- ``lots``: a proposal (or a person) drawn at random, in front of everybody.

The group reports who spoke during the discussion and who objected; the engine keeps the
indicators the debrief looks at, from 0 to 10:

- ``participation``: the share of players who spoke, over the game;
- ``trust``: up when a decision leaves nobody unheard and nobody overruled, down when
  people who did not speak, or who voted against, have a decision imposed on them;
- ``health``: how the project is doing, moved by the effects of what was adopted (and by
  events); nothing adopted leaves the project waiting, which costs it a little.

>>> game = Game(Scenario(decisions=(Decision(("a", "b"), "majority"),), players=3), seed=1)
>>> outcome = game.decide(spoke={0, 1, 2}, votes=[0, 0, 1])
>>> outcome.adopted, outcome.overruled, game.indicators["trust"]
(0, [2], 4)
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

MODES = ("majority", "consent", "consensus", "election", "lots")
INDICATORS = ("participation", "trust", "health")
START = 5
LOW, HIGH = 0, 10
WAITING_COST = 1          # health lost when a decision ends with nothing adopted


@dataclass(frozen=True)
class Decision:
    """A question put to the group: its proposals (ids) and how the group decides (or ``choose``)."""

    proposals: tuple[str, ...]
    mode: str = "choose"                       # one of MODES, or "choose": the group picks the mode
    effects: tuple[dict[str, int], ...] = ()   # per proposal: indicator → change when adopted
    person: bool = False                       # the decision names a person (an election among players)


@dataclass(frozen=True)
class Event:
    id: str
    probability: float
    effects: dict[str, int]


@dataclass(frozen=True)
class Scenario:
    decisions: tuple[Decision, ...]
    players: int
    events: tuple[Event, ...] = ()


@dataclass
class Outcome:
    """How one decision was taken: the debrief replays these."""

    number: int
    mode: str
    adopted: int | None                       # the proposal (or person) chosen, or None
    votes: list[int | None] = field(default_factory=list)
    spoke: list[int] = field(default_factory=list)
    objections: list[int] = field(default_factory=list)
    amendments: int = 0
    overruled: list[int] = field(default_factory=list)   # players who voted against, or never spoke, under it
    event: str | None = None
    indicators: dict[str, int] = field(default_factory=dict)


class RuleError(ValueError):
    """A step the decision mode does not allow."""


class Game:
    def __init__(self, scenario: Scenario, seed: int = 0):
        if scenario.players < 2:
            raise ValueError("a decision needs at least 2 players")
        self.scenario = scenario
        self.random = random.Random(seed)
        self.indicators = dict.fromkeys(INDICATORS, START)
        self.history: list[Outcome] = []
        self.heard = [0] * scenario.players          # decisions in which each player spoke

    @property
    def decision(self) -> Decision | None:
        index = len(self.history)
        return self.scenario.decisions[index] if index < len(self.scenario.decisions) else None

    @property
    def over(self) -> bool:
        return self.decision is None

    def decide(self, spoke: set[int], mode: str | None = None, votes: list[int | None] | None = None,
               proposal: int | None = None, objections=(), amendments: int = 0) -> Outcome:
        """Take the current decision in ``mode`` (the scenario's, unless it lets the group choose).

        - ``votes`` (majority, election): per player, the proposal (or, in an election, the
          player) they chose, or None;
        - ``proposal`` (consent, consensus): the proposal the group settled on;
        - ``objections``: players who raised a reasoned objection (consent, election) or did
          not agree (consensus); ``amendments``: how often the proposal was amended first.
        """
        decision, players = self.decision, self.scenario.players
        if decision is None:
            raise RuleError("every decision is taken")
        mode = decision.mode if decision.mode != "choose" else mode
        if mode not in MODES:
            raise RuleError(f"choose how to decide: {', '.join(MODES)}")
        choices = len(decision.proposals) if not decision.person else players
        votes = list(votes) if votes is not None else [None] * players
        if len(votes) != players or any(v is not None and not 0 <= v < choices for v in votes):
            raise RuleError(f"one choice (0 to {choices - 1}, or none) per player")
        spoke = sorted(p for p in spoke if 0 <= p < players)
        objections = sorted(set(objections))
        if mode in ("consent", "consensus") and (proposal is None or not 0 <= proposal < choices):
            raise RuleError(f"{mode}: say which proposal (0 to {choices - 1}) the group settled on")
        adopted, overruled = self._adopt(mode, votes, proposal, objections, choices, spoke)
        outcome = Outcome(len(self.history) + 1, mode, adopted, votes, spoke, objections, amendments, overruled)
        self._score(outcome, decision)
        outcome.event = self._strike()
        outcome.indicators = dict(self.indicators)
        self.history.append(outcome)
        return outcome

    def _adopt(self, mode, votes, proposal, objections, choices, spoke) -> tuple[int | None, list[int]]:
        players = self.scenario.players
        silent = [p for p in range(players) if p not in spoke]
        if mode == "lots":
            return self.random.randrange(choices), []
        if mode == "majority":
            cast = [v for v in votes if v is not None]
            if not cast:
                return None, []
            best = max(range(choices), key=lambda c: (cast.count(c), -c))
            if cast.count(best) * 2 <= len(cast):
                return None, []
            return best, sorted({p for p, v in enumerate(votes) if v is not None and v != best} | set(silent))
        if mode == "consensus":   # everybody agrees, or nothing is decided
            return (None, []) if objections else (proposal, [])
        if mode == "election":
            named = [v for v in votes if v is not None]
            if not named:
                return None, []
            counts = {c: named.count(c) for c in set(named)}
            top = max(counts.values())
            leaders = [c for c, n in counts.items() if n == top]
            if len(leaders) > 1 or objections:
                return None, []
            return leaders[0], silent
        # consent: the proposal stands unless someone objects; those who never spoke had no say
        return (None, []) if objections else (proposal, silent)

    def _score(self, outcome: Outcome, decision: Decision) -> None:
        players = self.scenario.players
        for player in outcome.spoke:
            self.heard[player] += 1
        decided = len(self.history) + 1
        self.indicators["participation"] = round(HIGH * sum(self.heard) / (players * decided))
        if outcome.adopted is None:
            self._move("health", -WAITING_COST)
            return
        if outcome.overruled:
            self._move("trust", -1 - len(outcome.overruled) * 2 // players)
        elif len(outcome.spoke) == players:
            self._move("trust", 1)
        if not decision.person and decision.effects:
            for name, change in decision.effects[outcome.adopted].items():
                self._move(name, change)

    def _move(self, name: str, change: int) -> None:
        self.indicators[name] = max(LOW, min(HIGH, self.indicators[name] + change))

    def _strike(self) -> str | None:
        draw, threshold = self.random.random(), 0.0
        for event in self.scenario.events:
            threshold += event.probability
            if draw < threshold:
                for name, change in event.effects.items():
                    self._move(name, change)
                return event.id
        return None

    def verdict(self) -> dict:
        """The game's closing line, from its data: the indicator that moved most from the start
        (``None`` when none moved; a fall wins a tie with a rise) and whether every player was heard."""
        size, _fell, name = max((abs(self.indicators[n] - START), self.indicators[n] < START, n) for n in INDICATORS)
        return {"indicator": name if size else None, "start": START, "end": self.indicators[name],
                "heard": all(self.heard)}

    def summary(self) -> dict:
        """What each mode produced: decisions taken, left open, and people overruled, per mode."""
        modes: dict[str, dict[str, int]] = {}
        for outcome in self.history:
            line = modes.setdefault(outcome.mode, {"decisions": 0, "adopted": 0, "overruled": 0, "objections": 0})
            line["decisions"] += 1
            line["adopted"] += outcome.adopted is not None
            line["overruled"] += len(outcome.overruled)
            line["objections"] += len(outcome.objections)
        never_heard = [p for p, count in enumerate(self.heard) if count == 0]
        return {"modes": modes, "indicators": dict(self.indicators), "never_heard": never_heard,
                "decided": sum(1 for o in self.history if o.adopted is not None), "decisions": len(self.history)}
