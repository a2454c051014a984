"""The ``roleplay`` type: a group of 3 to 6 players takes decisions together, each in a role.

Example (``kiosk new ID --type roleplay`` writes a complete, commented one)::

    type: roleplay
    situation: {fr: Le village veut rouvrir son épicerie..., en: The village wants its grocery back...}
    players: {min: 3, max: 5}        # roles beyond the number playing are left out, in their order
    roles:                           # 3 to 6
      - id: mayor
        name: {fr: La maire, en: The mayor}
        public: {fr: Élue depuis dix ans..., en: Elected ten years ago...}
        secret: {fr: Vous voulez..., en: You want...}     # only this player reads it
    discussion: 120                  # seconds of talk before each decision
    decisions:                       # 1 to 5, in order
      - id: status
        question: {fr: Quel statut ?, en: What legal form?}
        mode: choose                 # majority, consent, consensus, election, lots; choose: the group picks
        proposals:                   # 2 to 4
          - id: scic
            text: {fr: Une SCIC, en: A cooperative}
            effects: {health: 2, trust: 1}       # participation, trust, health: -3 to +3
      - id: treasurer
        question: {fr: Qui tient les comptes ?, en: Who keeps the accounts?}
        mode: election
        person: true                 # the players themselves are the choices
    random_events:
      - {id: supplier, text: {fr: ..., en: ...}, probability: 0.2, effects: {health: -2}}
    debrief:
      - {fr: Qui n'a pas été entendu ?, en: Who was not heard?}

The rules of play are in :mod:`kiosk.exhibit_types.roleplay.engine`; this module keeps the
texts for the view and makes the engine's :class:`~kiosk.exhibit_types.roleplay.engine.Scenario`
for the number of people playing (:meth:`Roleplay.scenario`). At the end of a game, the view
emits :func:`game_played` for the anonymous statistics.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kiosk.content.spec import (
    INVALID, Context, Field, Kind, ListKind, NumberKind, ObjectKind, StrKind, TextKind, describe, did_you_mean,
    fully_checked,
)
from kiosk.content.text import LocalizedText
from kiosk.events import RoleplayPlayed
from kiosk.exhibit_types.roleplay.engine import INDICATORS, MODES, Decision, Event, Game, Scenario

CHOOSE = "choose"
ALL_MODES = (*MODES, CHOOSE)
MIN_ROLES, MAX_ROLES = 3, 6
MIN_PLAYERS = 2                # the engine's least
MAX_DECISIONS = 5
MIN_PROPOSALS, MAX_PROPOSALS = 2, 4
MAX_EFFECT = 3
MAX_EVENTS = 8
#: A game should stay within this (free visit: a family, a class).
MAX_GAME_SECONDS = 15 * 60
#: How the length of a game is estimated: texts read aloud, and the vote after each discussion.
READING_WORDS_PER_SECOND = 2.5
VOTE_SECONDS = 45
ID = r"^[a-z][a-z0-9-]{0,31}$"
ID_HINT = "an id is lower-case letters, digits and -, starting with a letter: mayor, status, scic"


class FlagKind(Kind):
    """``person: true`` or ``false``."""

    expected = "true or false"

    def check(self, value, path, ctx):
        if isinstance(value, bool):
            return value
        return self.wrong_type(value, path, ctx, "write 'true' or 'false', without quotes")

    def schema(self):
        return {"type": "boolean"}


class EffectsKind(Kind):
    """``{health: 2, trust: -1}``: indicators moved, each by -3 to +3."""

    expected = "a mapping of indicator to change, like {health: 2, trust: -1}"

    def check(self, value, path, ctx):
        if not isinstance(value, dict):
            return self.wrong_type(value, path, ctx, "write {health: 2, trust: -1}: the indicators are "
                                                     + ", ".join(INDICATORS))
        effects, valid = {}, True
        for name, change in value.items():
            if name not in INDICATORS:
                hint = did_you_mean(str(name), INDICATORS) or f"the indicators are {', '.join(INDICATORS)}"
                ctx.error(path + (name,), f"'{name}' is not an indicator", hint, key=True)
                valid = False
            elif isinstance(change, bool) or not isinstance(change, int):
                ctx.error(path + (name,), f"the change of {name} should be a whole number, not {describe(change)}",
                          f"write a number from -{MAX_EFFECT} to {MAX_EFFECT}, without quotes")
                valid = False
            elif not -MAX_EFFECT <= change <= MAX_EFFECT:
                ctx.error(path + (name,), f"{name} moves by {change}; an effect is between -{MAX_EFFECT} and "
                                          f"+{MAX_EFFECT}",
                          f"indicators go from 0 to 10: write at most {MAX_EFFECT if change > 0 else -MAX_EFFECT}")
                valid = False
            else:
                effects[name] = change
        return effects if valid else INVALID

    def schema(self):
        change = {"type": "integer", "minimum": -MAX_EFFECT, "maximum": MAX_EFFECT}
        return {"type": "object", "properties": {name: change for name in INDICATORS}, "additionalProperties": False}


def _check_players(values: dict, path: tuple, ctx: Context) -> None:
    low, high = values.get("min"), values.get("max")
    if isinstance(low, int) and isinstance(high, int) and low > high:
        ctx.error(path + ("min",), f"players.min ({low}) is more than players.max ({high})",
                  "put the smaller number in 'min'")


def _check_decision(values: dict, path: tuple, ctx: Context) -> None:
    proposals, person = values.get("proposals"), values.get("person")
    if person and proposals:
        ctx.error(path + ("proposals",), "a decision with 'person: true' chooses among the players; "
                                         "it has no proposals",
                  "remove its proposals, or remove 'person: true'")
    elif not person and isinstance(proposals, list) and len(proposals) < MIN_PROPOSALS:
        ctx.error(path + ("proposals",), f"decision '{values.get('id')}' has {len(proposals)} proposal(s); it needs "
                         f"{MIN_PROPOSALS} to {MAX_PROPOSALS}",
                  "add proposals under 'proposals:', or write 'person: true' to choose among the players", key=True)


def _id_field(meaning: str) -> Field:
    return Field("id", StrKind(pattern=ID, meaning=meaning, hint=ID_HINT), required=True)


ROLE = ObjectKind("role", (
    _id_field("a role id"),
    Field("name", TextKind(max_length=60), required=True, doc="The role's name: the mayor, the grocer."),
    Field("public", TextKind(max_length=400), required=True, doc="What everybody knows about this role."),
    Field("secret", TextKind(max_length=400), required=True,
          doc="An interest or a constraint only this player reads, then hides."),
))

PLAYERS = ObjectKind("players", (
    Field("min", NumberKind(MIN_PLAYERS, MAX_ROLES), required=True, doc="The fewest people (or teams) playing."),
    Field("max", NumberKind(MIN_PLAYERS, MAX_ROLES), required=True,
          doc="The most; roles beyond the number playing are left out, in their order."),
), after=_check_players)

PROPOSAL = ObjectKind("proposal", (
    _id_field("a proposal id"),
    Field("text", TextKind(max_length=300), required=True, doc="The proposal on the table."),
    Field("effects", EffectsKind(), default={},
          doc="Indicators moved when it is adopted: participation, trust, health, each -3 to +3."),
))

DECISION = ObjectKind("decision", (
    _id_field("a decision id"),
    Field("question", TextKind(max_length=300), required=True, doc="What the group must decide."),
    Field("mode", StrKind(choices=ALL_MODES), required=True,
          doc="majority, consent, consensus, election, lots; or choose: the group picks how to decide."),
    Field("proposals", ListKind(PROPOSAL, max_items=MAX_PROPOSALS), default=[],
          doc="2 to 4 proposals (none when person is true)."),
    Field("person", FlagKind(), default=False, doc="true: the choices are the players themselves."),
), after=_check_decision)

EVENT = ObjectKind("event", (
    _id_field("an event id"),
    Field("text", TextKind(max_length=300), required=True, doc="What the players read when it strikes."),
    Field("probability", NumberKind(0, 1, whole=False), required=True,
          doc="Its chance after each decision, 0 to 1."),
    Field("effects", EffectsKind(), default={}, doc="Indicators moved when it strikes, each -3 to +3."),
))

FIELDS = (
    Field("situation", TextKind(max_length=800), required=True, doc="The situation, read aloud before the game."),
    Field("players", PLAYERS, required=True, doc="How many people (or teams) play: {min: 3, max: 6}."),
    Field("roles", ListKind(ROLE, max_items=1000), required=True, doc="3 to 6 roles, in the order they are dealt."),
    Field("discussion", NumberKind(15, 600), default=120, doc="Seconds of talk before each decision."),
    Field("decisions", ListKind(DECISION, min_items=1, max_items=1000), required=True,
          doc="1 to 5 decisions, taken in order."),
    Field("random_events", ListKind(EVENT, max_items=MAX_EVENTS), default=[],
          doc="What may happen after a decision: at most one strikes, each with its probability."),
    Field("debrief", ListKind(TextKind(max_length=300), min_items=1, max_items=8), required=True,
          doc="Questions for the group at the end."),
)


@dataclass(frozen=True)
class Role:
    id: str
    name: LocalizedText
    public: LocalizedText
    secret: LocalizedText


@dataclass(frozen=True)
class Proposal:
    id: str
    text: LocalizedText
    effects: dict[str, int]


@dataclass(frozen=True)
class DecisionText:
    """A decision as the view shows it; :meth:`Roleplay.scenario` gives the engine's."""

    id: str
    question: LocalizedText
    mode: str                          # one of MODES, or "choose"
    proposals: tuple[Proposal, ...]
    person: bool


@dataclass(frozen=True)
class EventText:
    id: str
    text: LocalizedText
    probability: float
    effects: dict[str, int]


@dataclass(frozen=True)
class Roleplay:
    """A checked scenario: its texts, and the engine's scenario for a number of players."""

    situation: LocalizedText
    roles: tuple[Role, ...]
    min_players: int
    max_players: int
    discussion: int
    decisions: tuple[DecisionText, ...]
    random_events: tuple[EventText, ...]
    debrief: tuple[LocalizedText, ...]

    def roles_for(self, players: int) -> tuple[Role, ...]:
        """The roles dealt when ``players`` play: the first ones, in order."""
        return self.roles[:self._players(players)]

    def scenario(self, players: int) -> Scenario:
        """The engine's scenario for ``players`` people (between min and max)."""
        decisions = tuple(Decision(tuple(p.id for p in d.proposals), d.mode,
                                   tuple(dict(p.effects) for p in d.proposals), d.person) for d in self.decisions)
        events = tuple(Event(e.id, e.probability, dict(e.effects)) for e in self.random_events)
        return Scenario(decisions, self._players(players), events)

    def event_text(self, event_id: str | None) -> LocalizedText | None:
        return next((e.text for e in self.random_events if e.id == event_id), None)

    def _players(self, players: int) -> int:
        if not self.min_players <= players <= self.max_players:
            raise ValueError(f"this scenario is for {self.min_players} to {self.max_players} players, not {players}")
        return players


def build(values: dict) -> Roleplay:
    return Roleplay(
        situation=values["situation"],
        roles=tuple(Role(r["id"], r["name"], r["public"], r["secret"]) for r in values["roles"]),
        min_players=values["players"]["min"],
        max_players=values["players"]["max"],
        discussion=values["discussion"],
        decisions=tuple(DecisionText(d["id"], d["question"], d["mode"],
                                     tuple(Proposal(p["id"], p["text"], dict(p["effects"])) for p in d["proposals"]),
                                     d["person"]) for d in values["decisions"]),
        random_events=tuple(EventText(e["id"], e["text"], float(e["probability"]), dict(e["effects"]))
                             for e in values["random_events"]),
        debrief=tuple(values["debrief"]),
    )


def game_played(exhibit_id: str, game: Game) -> RoleplayPlayed:
    """The anonymous record of a game that reached its end: how many played, and per mode what was decided.

    The view emits it: ``self.ctx.emit(game_played(self.manifest.id, game))``.
    """
    modes: dict[str, list[int]] = {}
    for outcome in game.history:
        line = modes.setdefault(outcome.mode, [0, 0])
        line[0 if outcome.adopted is not None else 1] += 1
    return RoleplayPlayed(exhibit_id, game.scenario.players, tuple((mode, a, o) for mode, (a, o) in modes.items()))


# --- checks across fields -------------------------------------------------------------------------


def check(values: dict, ctx: Context) -> None:
    """Checks across fields: how many roles and decisions, ids, players, chances, and the game's length."""
    roles, decisions = values.get("roles"), values.get("decisions")
    events = values.get("random_events") or []
    if isinstance(roles, list):
        if not MIN_ROLES <= len(roles) <= MAX_ROLES:
            ctx.error(("roles",), f"the scenario has {len(roles)} role(s); it needs {MIN_ROLES} to {MAX_ROLES}",
                      "add roles" if len(roles) < MIN_ROLES else "merge roles, or leave some out: "
                      "six people is already a lot around one screen", key=True)
        _check_ids(roles, ("roles",), "roles", ctx)
    if isinstance(decisions, list):
        if len(decisions) > MAX_DECISIONS:
            ctx.error(("decisions",), f"the scenario has {len(decisions)} decisions; at most {MAX_DECISIONS}",
                      "a game stays within 15 minutes: merge decisions, or make two scenarios", key=True)
        _check_ids(decisions, ("decisions",), "decisions", ctx)
        for i, decision in enumerate(decisions):
            if isinstance(decision, dict) and isinstance(decision.get("proposals"), list):
                _check_ids(decision["proposals"], ("decisions", i, "proposals"),
                           f"proposals of decision '{decision.get('id')}'", ctx)
    if isinstance(events, list):
        _check_ids(events, ("random_events",), "random events", ctx)
        _check_chances(events, ctx)
    _check_player_count(values.get("players"), roles, ctx)
    if all(fully_checked(values.get(name)) for name in ("situation", "roles", "decisions", "discussion")):
        _check_length(values, ctx)


def _check_ids(items: list, path: tuple, what: str, ctx: Context) -> None:
    seen = set()
    for i, item in enumerate(items):
        item_id = item.get("id") if isinstance(item, dict) else None
        if not isinstance(item_id, str):
            continue
        if item_id in seen:
            ctx.error(path + (i, "id"), f"two {what} have the id '{item_id}'", "give each its own id")
        seen.add(item_id)


def _check_chances(events: list, ctx: Context) -> None:
    chances = [e.get("probability") for e in events if isinstance(e, dict)]
    total = sum(chance for chance in chances if isinstance(chance, (int, float)))
    if total > 1 + 1e-9:
        ctx.error(("random_events",), f"the random events' probabilities add up to {total:g}, more than 1",
                  "at most one event strikes after a decision: lower them so they add up to 1 or less", key=True)


def _check_player_count(players, roles, ctx: Context) -> None:
    if not isinstance(players, dict) or not isinstance(roles, list):
        return
    for bound in ("min", "max"):
        count = players.get(bound)
        if isinstance(count, int) and count > len(roles):
            ctx.error(("players", bound), f"players.{bound} is {count}, but there are only {len(roles)} roles",
                      f"add roles, or lower players.{bound} to {len(roles)} or less: each player needs a role")


def _check_length(values: dict, ctx: Context) -> None:
    seconds = estimated_seconds(values, ctx.languages.default)
    if seconds > MAX_GAME_SECONDS:
        ctx.warning(("decisions",), f"a game would last about {round(seconds / 60)} minutes "
                                    f"({len(values['decisions'])} decisions of {values['discussion']} s of talk, "
                                    f"the texts and the votes); a game should stay within 15 minutes",
                    "lower 'discussion', take fewer decisions, or shorten the texts", key=True)


def estimated_seconds(values: dict, language: str) -> float:
    """How long a game lasts: the talks, a vote after each, and the texts read aloud (in ``language``)."""
    texts: list[LocalizedText | None] = [values.get("situation")]
    for role in values["roles"]:
        texts += [role["name"], role["public"], role["secret"]]
    for decision in values["decisions"]:
        texts.append(decision["question"])
        texts += [p["text"] for p in decision["proposals"]]
    words = sum(len(re.findall(r"\w+", _in(text, language))) for text in texts)
    decisions = len(values["decisions"])
    return decisions * (values["discussion"] + VOTE_SECONDS) + words / READING_WORDS_PER_SECOND


def _in(text, language: str) -> str:
    if not isinstance(text, LocalizedText):
        return ""
    return text.get(language) or ""
