"""A game of ``commons`` around one screen: its phases and turns, kept in the visitor's state dict.

The state holds only plain data: the seed, the number of players, and the log of what the
group did (each round's choices, each vote). The engine's :class:`Game` is rebuilt by
replaying that log, so a language switch, a rebuilt view or the snapshot tool find the game
exactly where it was, and the idle reset forgets it with the rest of the visit.

The phases, in order::

    intro → roles (each player reads their role, a secret one hidden again) →
    choose (each player in turn; "pass" between two secret choices) → result →
    discuss (a timer) → rules (propose, then a show of hands) → choose … → end

>>> from kiosk.exhibit_types.commons.engine import Resource, Territory
>>> land = Territory((Resource("forest", 60, 100, 0.3, 10, 10),), players=3, rounds=2, max_take=8)
>>> session = Session(land, state={}, secret=True)
>>> session.start(players=2, seed=5)
>>> session.phase
'roles'
"""

from __future__ import annotations

import random
from dataclasses import replace

from kiosk.exhibit_types.commons.engine import Game, Round, Territory

PHASES = ("intro", "roles", "choose", "pass", "result", "discuss", "rules", "end")


class Session:
    """One group's game; every change goes through a method and lands in ``state``."""

    def __init__(self, territory: Territory, state: dict, secret: bool = True):
        self.territory = territory
        self.secret = secret
        self.state = state
        state.setdefault("phase", "intro")
        self._game: Game | None = None
        self._replayed, self._game_seed = -1, None

    # -- what the screen shows -----------------------------------------------------------------

    @property
    def phase(self) -> str:
        return self.state["phase"]

    @property
    def players(self) -> int:
        return self.state.get("players", self.territory.players)

    @property
    def turn(self) -> int:
        """The player whose turn it is (reading a role, or choosing), counting from 0."""
        return self.state.get("turn", 0)

    @property
    def game(self) -> Game:
        """The engine, replayed from the log whenever the log has grown since."""
        log = self.state.get("log", [])
        if self._game is None or self._replayed != len(log) or self._game_seed != self.state.get("seed"):
            self._game = self._replay(log)
            self._replayed, self._game_seed = len(log), self.state.get("seed")
        return self._game

    @property
    def last_round(self) -> Round | None:
        history = self.game.history
        return history[-1] if history else None

    @property
    def chosen(self) -> dict[str, int]:
        """What the current player has set so far this round (0 for each resource at first)."""
        pending = self.state.get("pending", [])
        if self.turn < len(pending):
            return dict(pending[self.turn])
        return {r.id: 0 for r in self.territory.resources}

    def _replay(self, log: list) -> Game:
        game = Game(replace(self.territory, players=self.players), seed=self.state.get("seed", 0))
        for entry in log:
            if entry[0] == "round":
                game.play_round(entry[1])
            else:
                _, rule, yes, amount, repeal = entry
                game.vote(rule, yes, amount, repeal)
        return game

    # -- what the group does -------------------------------------------------------------------

    def start(self, players: int | None = None, seed: int | None = None) -> None:
        """A new game for ``players`` (from the first players of the territory), from the intro."""
        players = players or self.territory.players
        if not 2 <= players <= self.territory.players:
            raise ValueError(f"this game takes 2 to {self.territory.players} players, not {players}")
        self.state.clear()
        self.state.update(phase="roles", players=players, turn=0, log=[], pending=[],
                          seed=random.randrange(1 << 30) if seed is None else seed)
        self._game = None

    def restart(self) -> None:
        """Back to the intro, the game forgotten."""
        self.state.clear()
        self.state["phase"] = "intro"
        self._game = None

    def role_read(self) -> None:
        """The current player has read their role: the next one's turn, or the first round."""
        if self.turn + 1 < self.players:
            self.state["turn"] = self.turn + 1
        else:
            self.state.update(phase="choose", turn=0, pending=[])

    def set_take(self, resource_id: str, units: int) -> int:
        """Set the current player's take of a resource, kept within what the rules allow; returns it."""
        units = max(0, min(units, self.game.limit(self.turn, resource_id)))
        self._pending()[self.turn][resource_id] = units
        return units

    def _pending(self) -> list[dict[str, int]]:
        """This round's choices so far, with an entry (nothing taken) up to the current player."""
        pending = self.state.setdefault("pending", [])
        while len(pending) <= self.turn:
            pending.append({r.id: 0 for r in self.territory.resources})
        return pending

    def confirm(self) -> Round | None:
        """The current player's choice is made: the screen is passed on, or the round is played."""
        pending = self._pending()
        if self.turn + 1 < self.players:
            self.state.update(turn=self.turn + 1, phase="pass" if self.secret else "choose")
            return None
        choices = [dict(choice) for choice in pending]
        self.state["log"].append(["round", choices])
        self.state.update(phase="result", turn=0, pending=[])
        return self.last_round

    def passed_on(self) -> None:
        """The next player has the screen: their turn to choose."""
        self.state["phase"] = "choose"

    def discuss(self) -> None:
        self.state["phase"] = "end" if self.game.over else "discuss"

    def to_rules(self) -> None:
        self.state["phase"] = "rules"

    def vote(self, rule: str, yes: int, amount: int = 0, repeal: bool = False) -> bool:
        """A show of hands on a rule (or its repeal): recorded, and True when it passes."""
        passed = self.game.vote(rule, yes, amount, repeal)
        self.state["log"].append(["vote", rule, yes, amount, repeal])
        return passed

    def next_round(self) -> None:
        self.state.update(phase="end" if self.game.over else "choose", turn=0, pending=[])

    def go_to(self, phase: str) -> None:
        """For the snapshot and proof tools: show ``phase`` of a game played near the fair shares."""
        if phase == "intro":
            self.restart()
            return
        self.start(seed=1)
        if phase in ("roles", "choose", "pass"):
            self.state.update(phase=phase, turn=1 if phase == "pass" else 0)
            return
        self.state["phase"] = "choose"
        while not self.game.over and (phase == "end" or not self.game.history):
            for player in range(self.players):
                for resource in self.territory.resources:
                    self.set_take(resource.id, self.game.fair_share(resource.id) + player % 2)
                self.confirm()
            self.next_round()
        self.state["phase"] = "end" if self.game.over else phase

    def votes_since_round(self) -> list[tuple[str, int, int, bool]]:
        """The votes held since the last round, in order: (rule, hands for, hands against, repeal)."""
        votes = []
        for entry in self.state.get("log", []):
            if entry[0] == "round":
                votes = []
            else:
                _, rule, yes, _amount, repeal = entry
                votes.append((rule, yes, self.players - yes, repeal))
        return votes

    # -- what the end shows --------------------------------------------------------------------

    def rules_adopted(self) -> int:
        return sum(1 for entry in self.state.get("log", []) if entry[0] == "vote" and not entry[4]
                   and entry[2] * 2 > self.players)
