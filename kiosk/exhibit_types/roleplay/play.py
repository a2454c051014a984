"""A game of ``roleplay`` around one screen: its phases and turns, kept in the visitor's state dict.

The state holds only plain data: the seed, how many play, and the log of each decision the
group took (its mode, who spoke, the votes, the proposal, who objected). The engine's
:class:`~kiosk.exhibit_types.roleplay.engine.Game` is rebuilt by replaying that log, so a
language switch, a rebuilt view or the snapshot tool find the game where it was, and the
idle reset forgets it with the rest of the visit.

The phases, in order::

    intro (how to play, how many play) → situation →
    pass (give the screen to the next player) → role (their public text and secret) → pass … →
    discuss (a timer) → mode (only when the group picks how to decide) → spoke (who was heard) →
    decide (votes, a proposal and objections, or a draw) → [object: an election's objections] →
    outcome → discuss … → end (how each decision was taken) → debrief (questions for the group)

>>> from kiosk.exhibit_types.roleplay.engine import Decision, Scenario
>>> scenario = Scenario((Decision(("a", "b"), "majority"),), players=4)
>>> session = Session(scenario, state={}, least=3)
>>> session.start(players=3, seed=2)
>>> session.phase, session.turn
('situation', 0)
"""

from __future__ import annotations

import random
from dataclasses import replace

from kiosk.exhibit_types.roleplay.engine import MODES, Decision, Game, Outcome, RuleError, Scenario

PHASES = ("intro", "situation", "pass", "role", "discuss", "mode", "spoke", "decide", "object", "outcome", "end",
          "debrief")
#: What the snapshot and proof tools photograph: every phase, and the decision in each of its modes.
STEPS = ("intro", "situation", "pass", "role", "discuss", "mode", "spoke", "decide:majority", "decide:consent",
         "decide:consensus", "decide:election", "object", "decide:lots", "outcome", "end", "debrief")
MORE_TIME = 60            # seconds "add a minute" gives the discussion


class Session:
    """One group's game; every change goes through a method and lands in ``state``."""

    def __init__(self, scenario: Scenario, state: dict, least: int = 2, discussion: int = 120):
        self.scenario = scenario          # ``players``: the most who can play
        self.least = max(2, least)
        self.discussion = discussion
        self.state = state
        state.setdefault("phase", "intro")
        self._game: Game | None = None
        self._replayed: tuple | None = None

    # -- what the screen shows -----------------------------------------------------------------

    @property
    def phase(self) -> str:
        return self.state["phase"]

    @property
    def players(self) -> int:
        return self.state.get("players", self.scenario.players)

    @property
    def turn(self) -> int:
        """The player reading their role, counting from 0."""
        return self.state.get("turn", 0)

    @property
    def game(self) -> Game:
        """The engine, replayed from the log whenever the log (or the seed) has changed since."""
        log = self.state.get("log", [])
        key = (len(log), self.state.get("seed"), self.players)
        if self._game is None or self._replayed != key:
            self._game = Game(replace(self.scenario, players=self.players), seed=self.state.get("seed", 0))
            for entry in log:
                self._game.decide(**_decide_args(entry))
            self._replayed = key
        return self._game

    @property
    def decision(self) -> Decision | None:
        return self.game.decision

    @property
    def number(self) -> int:
        """The current decision's number, from 1 (the last one's once the game is over)."""
        return min(len(self.game.history) + 1, len(self.scenario.decisions))

    @property
    def last(self) -> Outcome | None:
        history = self.game.history
        return history[-1] if history else None

    @property
    def draft(self) -> dict:
        """What the group has reported so far about the current decision."""
        draft = self.state.setdefault("draft", {})
        draft.setdefault("spoke", [])
        draft.setdefault("votes", [None] * self.players)
        draft.setdefault("objections", [])
        draft.setdefault("amendments", 0)
        return draft

    @property
    def mode(self) -> str | None:
        """How the current decision is taken: the scenario's mode, or the one the group picked."""
        decision = self.decision
        if decision is None:
            return None
        return self.draft.get("mode") or (decision.mode if decision.mode != "choose" else None)

    @property
    def choices(self) -> int:
        """How many things the group chooses between: the proposals, or the players (a person)."""
        decision = self.decision
        return self.players if decision is not None and decision.person else len(decision.proposals if decision else ())

    @property
    def talk_left(self) -> int:
        return self.state.get("talk_left", self.discussion)

    # -- what the group does -------------------------------------------------------------------

    def start(self, players: int | None = None, seed: int | None = None) -> None:
        """A new game for ``players`` (the first roles of the scenario), from the situation."""
        players = players or self.scenario.players
        if not self.least <= players <= self.scenario.players:
            raise ValueError(f"this game takes {self.least} to {self.scenario.players} players, not {players}")
        self.state.clear()
        self.state.update(phase="situation", players=players, turn=0, log=[], draft={},
                          seed=random.randrange(1 << 30) if seed is None else seed)
        self._game = None

    def restart(self) -> None:
        """Back to the intro, the game forgotten."""
        self.state.clear()
        self.state["phase"] = "intro"
        self._game = None

    def situation_read(self) -> None:
        self.state.update(phase="pass", turn=0)

    def take_screen(self) -> None:
        """The player whose turn it is has the screen: their role shows."""
        self.state["phase"] = "role"

    def hide_role(self) -> None:
        """The role is hidden again: the next player's turn, or the first discussion."""
        if self.turn + 1 < self.players:
            self.state.update(phase="pass", turn=self.turn + 1)
        else:
            self._discuss()

    def _discuss(self) -> None:
        self.state.update(phase="discuss", turn=0, draft={}, talk_left=self.discussion)

    def tick(self, seconds: int = 1) -> int:
        """The discussion's time runs (a negative ``seconds`` gives more); returns what is left (never below 0)."""
        self.state["talk_left"] = max(0, self.talk_left - seconds)
        return self.state["talk_left"]

    def more_time(self) -> int:
        self.state["talk_left"] = self.talk_left + MORE_TIME
        return self.state["talk_left"]

    def ready(self) -> None:
        """The discussion is over: the group picks how to decide (when it may), or says who spoke."""
        self.state["phase"] = "mode" if self.mode is None else "spoke"

    def choose_mode(self, mode: str) -> None:
        if self.decision is None or self.decision.mode != "choose":
            raise RuleError("this decision's mode is set by the scenario")
        if mode not in MODES:
            raise RuleError(f"choose how to decide: {', '.join(MODES)}")
        self.draft["mode"] = mode
        self.state["phase"] = "spoke"

    def toggle_spoke(self, player: int) -> bool:
        """A player did (or did not) speak in the discussion; returns whether they now count as heard."""
        return _toggle(self.draft["spoke"], player, self.players)

    def to_decide(self) -> None:
        self.state["phase"] = "decide"

    def vote(self, player: int, choice: int | None) -> None:
        """A player's vote (majority), or the person they name (election); None: no choice."""
        if not 0 <= player < self.players or (choice is not None and not 0 <= choice < self.choices):
            raise RuleError(f"player 0 to {self.players - 1}, choice 0 to {self.choices - 1} or none")
        self.draft["votes"][player] = choice

    def settle_on(self, proposal: int) -> None:
        """The proposal the group settled on (consent, consensus)."""
        if not 0 <= proposal < self.choices:
            raise RuleError(f"a proposal from 0 to {self.choices - 1}")
        self.draft["proposal"] = proposal

    def toggle_objection(self, player: int) -> bool:
        """A player objects (consent, election) or does not agree (consensus); returns whether they now do."""
        return _toggle(self.draft["objections"], player, self.players)

    def amend(self) -> None:
        """Consent: the proposal is amended to meet the objections, and asked again."""
        self.draft["amendments"] += 1
        self.draft["objections"] = []

    def named(self) -> int | None:
        """An election's most named player, or None (no name, or a tie)."""
        named = [v for v in self.draft["votes"] if v is not None]
        counts = {c: named.count(c) for c in set(named)}
        leaders = [c for c, n in counts.items() if counts and n == max(counts.values())]
        return leaders[0] if len(leaders) == 1 else None

    def count_votes(self) -> Outcome | None:
        """Election: the named player faces the objections; a tie or no name is decided at once."""
        if self.mode == "election" and self.named() is not None:
            self.state["phase"] = "object"
            return None
        return self.decide()

    def decide(self) -> Outcome:
        """The decision is taken in its mode, logged, and its outcome shown."""
        draft, mode = self.draft, self.mode
        entry = {"mode": mode, "spoke": sorted(draft["spoke"]), "votes": list(draft["votes"]),
                 "proposal": draft.get("proposal"), "objections": sorted(draft["objections"]),
                 "amendments": draft["amendments"]}
        if mode in ("consent", "consensus") and entry["proposal"] is None:
            raise RuleError(f"{mode}: say which proposal the group settled on")
        outcome = self.game.decide(**_decide_args(entry))
        self.state["log"].append(entry)
        self._replayed = (len(self.state["log"]), self.state.get("seed"), self.players)
        self.state.update(phase="outcome", draft={})
        return outcome

    def next_decision(self) -> None:
        if self.game.over:
            self.state["phase"] = "end"
        else:
            self._discuss()

    def to_debrief(self) -> None:
        """The debrief: once every decision is taken, or earlier when the facilitator cuts the game short."""
        if not self.game.history:
            raise RuleError("the debrief needs a decision taken")
        self.state["phase"] = "debrief"

    def go_to(self, step: str) -> None:
        """For the snapshot and proof tools: show ``step`` (a phase, or ``decide:<mode>``) of a sample game."""
        phase, _, mode = step.partition(":")
        if phase == "intro":
            self.restart()
            return
        self.start(seed=1)
        if phase in ("end", "debrief"):
            while not self.game.over:
                self._sample_decision()
            self.state["phase"] = phase
            return
        if phase == "outcome":
            self._sample_decision()
            return
        if phase in ("situation", "pass", "role", "discuss"):
            self.state.update(phase=phase, turn=1 if phase in ("pass", "role") else 0)
            return
        wanted = "choose" if phase == "mode" else "election" if phase == "object" else mode
        modes = [d.mode for d in self.scenario.decisions]
        for _ in range(modes.index(wanted) if wanted in modes else 0):    # the scenario's own decision in that mode
            self._sample_decision()
        self._discuss()
        self.draft.update(spoke=list(range(self.players - 1)))
        if phase == "mode":
            self.draft.pop("mode", None)
        else:
            self.draft["mode"] = mode or ("election" if phase == "object" else self.mode or "majority")
        if self.draft.get("mode") in ("majority", "election"):
            second = min(1, self.choices - 1)         # a clear majority for the first choice
            self.draft["votes"] = [0 if p <= self.players // 2 else second for p in range(self.players)]
        if self.draft.get("mode") in ("consent", "consensus"):
            self.draft.update(proposal=0, objections=[self.players - 1])
        self.state["phase"] = phase

    def _sample_decision(self) -> None:
        """A decision as a group might take it: all but one spoke, a majority for the first choice."""
        self._discuss()
        if self.decision.mode == "choose":
            self.draft["mode"] = "majority"
        self.draft.update(spoke=list(range(self.players - 1)), proposal=0,
                          votes=[0 if p < self.players - 1 else min(1, self.choices - 1) for p in range(self.players)])
        self.decide()


def _decide_args(entry: dict) -> dict:
    return {"spoke": set(entry["spoke"]), "mode": entry["mode"], "votes": entry["votes"],
            "proposal": entry.get("proposal"), "objections": entry.get("objections", ()),
            "amendments": entry.get("amendments", 0)}


def _toggle(players: list[int], player: int, count: int) -> bool:
    if not 0 <= player < count:
        raise RuleError(f"a player from 0 to {count - 1}")
    if player in players:
        players.remove(player)
        return False
    players.append(player)
    return True
