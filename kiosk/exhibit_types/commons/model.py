"""The ``commons`` type: a territory's shared resources, a game for 2 to 6 players or teams.

Example (``kiosk new ID --type commons`` writes a complete, commented one)::

    type: commons
    situation: {fr: Trois villages partagent une vallée..., en: Three villages share a valley...}
    resources:                       # 1 to 3
      - id: forest
        name: {fr: La forêt, en: The forest}
        unit: {fr: hectares, en: hectares}
        stock: 60                    # at the start
        capacity: 100                # the most the land can hold (players are not told)
        regrowth: 0.3                # logistic rate (growth: linear → units a round)
        threshold: 10                # below this after a harvest, the forest is lost
        value: 10                    # coins a unit brings
    players:                         # 2 to 6
      - name: {fr: La scierie, en: The sawmill}
        role: {fr: Fait vivre 20 familles., en: Keeps 20 families in work.}
        secret: {fr: ..., en: ...}   # optional: a goal only this player reads
    rounds: 8                        # or an end the players don't know: {from: 6, to: 10}
    max_take: 8                      # the most a player takes of a resource in a round
    collapse_within: 4               # greedy play loses a resource by this round (checked)
    discussion: 90                   # seconds of talk between rounds
    choices: secret                  # or: open
    random_events:
      - id: drought
        text: {fr: Sécheresse..., en: Drought...}
        probability: 0.15
        effects: [{resource: forest, stock: -10}]     # also: price: 1.5, newcomer: 2
    rules: [quota, rotation, monitoring, sanction, reserve]
    debrief:
      - {fr: Qu'est-ce qui vous a fait changer d'avis ?, en: What changed your mind?}

The rules of play are in :mod:`kiosk.exhibit_types.commons.engine`; this module turns the
checked fields into its :class:`~kiosk.exhibit_types.commons.engine.Territory` and keeps
the texts for the view.
"""

from __future__ import annotations

from dataclasses import dataclass

from kiosk.content.spec import (
    INVALID, Context, Field, Kind, ListKind, NumberKind, ObjectKind, StrKind, TextKind, did_you_mean, fully_checked,
)
from kiosk.content.text import LocalizedText
from kiosk.exhibit_types.commons.engine import (
    GROWTHS, MAX_PLAYERS, MIN_PLAYERS, RULES, Effect, Event, Resource, Territory, rounds_to_collapse,
    sustainable_take,
)

MAX_RESOURCES = 3
MAX_ROUNDS = 20
#: How the territory's picture draws each kind of resource: its icon.
KINDS = {"forest": "trees", "water": "droplets", "fish": "fish", "soil": "sprout", "pasture": "wheat"}
ID_HINT = "an id is lower-case letters, digits and -, starting with a letter: forest, river-fish"


class RoundsKind(Kind):
    """``rounds: 8``, or an end the players don't know: ``rounds: {from: 6, to: 10}``."""

    expected = "a number of rounds, or {from: 6, to: 10} for an end the players don't know"

    def check(self, value, path, ctx):
        number = NumberKind(1, MAX_ROUNDS)
        if isinstance(value, dict):
            span = ObjectKind("rounds", (Field("from", number, required=True), Field("to", number, required=True)))
            checked = span.check(value, path, ctx)
            if checked is INVALID or INVALID in checked.values():
                return INVALID
            if checked["from"] > checked["to"]:
                ctx.error(path, f"the game cannot end between round {checked['from']} and an earlier round "
                                f"{checked['to']}", "put the smaller number after 'from'")
                return INVALID
            return (checked["from"], checked["to"])
        if isinstance(value, int) and not isinstance(value, bool):
            checked = number.check(value, path, ctx)
            return INVALID if checked is INVALID else (checked, checked)
        return self.wrong_type(value, path, ctx, "write 'rounds: 8', or 'rounds: {from: 6, to: 10}'")

    def schema(self):
        whole = {"type": "integer", "minimum": 1, "maximum": MAX_ROUNDS}
        return {"anyOf": [whole, {"type": "object", "properties": {"from": whole, "to": whole},
                                  "required": ["from", "to"], "additionalProperties": False}]}


def _check_resource(values: dict, path: tuple, ctx: Context) -> None:
    stock, capacity, threshold = values.get("stock"), values.get("capacity"), values.get("threshold")
    if isinstance(stock, int) and isinstance(capacity, int) and stock > capacity:
        ctx.error(path + ("stock",), f"the stock ({stock}) is larger than the capacity ({capacity})",
                  "the capacity is the most the land can hold: raise it or lower the stock")
    if isinstance(stock, int) and isinstance(threshold, int) and threshold >= stock:
        ctx.error(path + ("threshold",), f"the threshold ({threshold}) is not below the starting stock ({stock}): "
                                         "the resource would be lost before the game starts",
                  "a threshold is usually a tenth or a fifth of the capacity")


RESOURCE = ObjectKind("resource", (
    Field("id", StrKind(pattern=r"^[a-z][a-z0-9-]{0,31}$", meaning="a resource id", hint=ID_HINT), required=True),
    Field("name", TextKind(max_length=60), required=True, doc="What players call it: the forest, the river."),
    Field("kind", StrKind(choices=tuple(KINDS)), default="forest",
          doc="How the territory's picture draws it: forest, water, fish, soil or pasture."),
    Field("unit", TextKind(max_length=30), doc="What a unit is: hectares, tonnes of fish…"),
    Field("stock", NumberKind(1, 10_000), required=True, doc="Units at the start of the game."),
    Field("capacity", NumberKind(1, 10_000), required=True, doc="The most the territory can hold; players are not told."),
    Field("regrowth", NumberKind(0, 1000, whole=False), required=True,
          doc="Logistic: the growth rate (0.1 slow to 0.8 fast); linear: units that grow back each round."),
    Field("growth", StrKind(choices=GROWTHS), default="logistic"),
    Field("threshold", NumberKind(0, 10_000), default=0, doc="Below this after a harvest, the resource is lost."),
    Field("value", NumberKind(1, 1000), default=1, doc="Coins a unit taken brings."),
), after=_check_resource)

PLAYER = ObjectKind("player", (
    Field("name", TextKind(max_length=60), required=True),
    Field("role", TextKind(max_length=400), required=True, doc="Who they are and what they need, read by all."),
    Field("secret", TextKind(max_length=400), doc="A goal or constraint only this player reads."),
))

EFFECT = ObjectKind("effect", (
    Field("resource", StrKind(meaning="a resource id", hint=ID_HINT), required=True),
    Field("stock", NumberKind(-10_000, 10_000), default=0, doc="Units gained (or lost, negative)."),
    Field("price", NumberKind(0, 10, whole=False), default=1.0, doc="The value of a unit is multiplied by this."),
    Field("newcomer", NumberKind(0, 100), default=0, doc="Units a newcomer takes every round from now on."),
))

EVENT = ObjectKind("event", (
    Field("id", StrKind(pattern=r"^[a-z][a-z0-9-]{0,31}$", meaning="an event id", hint=ID_HINT), required=True),
    Field("text", TextKind(max_length=300), required=True, doc="What the players read when it strikes."),
    Field("probability", NumberKind(0, 1, whole=False), required=True, doc="Its chance in each round, 0 to 1."),
    Field("effects", ListKind(EFFECT, min_items=1, max_items=3), required=True),
))

FIELDS = (
    Field("situation", TextKind(max_length=800), required=True, doc="The territory and its people, read first."),
    Field("resources", ListKind(RESOURCE, min_items=1, max_items=MAX_RESOURCES), required=True),
    Field("players", ListKind(PLAYER, min_items=MIN_PLAYERS, max_items=MAX_PLAYERS), required=True,
          doc="2 to 6 players or teams."),
    Field("rounds", RoundsKind(), required=True),
    Field("max_take", NumberKind(1, 1000), required=True, doc="The most a player takes of a resource in a round."),
    Field("collapse_within", NumberKind(1, 100), required=True,
          doc="By this round, everybody taking the most loses a resource; the validator checks it."),
    Field("discussion", NumberKind(15, 600), default=90, doc="Seconds of talk between rounds."),
    Field("choices", StrKind(choices=("secret", "open")), default="secret",
          doc="secret: the screen hides each choice before the next player's turn."),
    Field("random_events", ListKind(EVENT, max_items=8), default=[],
          doc="What may happen in a round: at most one strikes, each with its probability."),
    Field("rules", ListKind(StrKind(choices=RULES), min_items=0, max_items=len(RULES)), default=list(RULES),
          doc="The rules the group may vote on."),
    Field("debrief", ListKind(TextKind(max_length=300), min_items=1, max_items=8), required=True,
          doc="Questions for the group at the end."),
)


@dataclass(frozen=True)
class ResourceText:
    name: LocalizedText
    unit: LocalizedText | None
    kind: str = "forest"

    @property
    def icon(self) -> str:
        return KINDS[self.kind]


@dataclass(frozen=True)
class PlayerText:
    name: LocalizedText
    role: LocalizedText
    secret: LocalizedText | None


@dataclass(frozen=True)
class Commons:
    """A checked territory: the engine's rules and the texts the view shows."""

    territory: Territory
    situation: LocalizedText
    resources: dict[str, ResourceText]
    players: tuple[PlayerText, ...]
    event_texts: dict[str, LocalizedText]
    debrief: tuple[LocalizedText, ...]
    discussion: int
    secret_choices: bool
    collapse_within: int


def _territory(values: dict) -> Territory:
    resources = tuple(Resource(r["id"], r["stock"], r["capacity"], float(r["regrowth"]), r["value"], r["threshold"],
                               r["growth"]) for r in values["resources"])
    events = tuple(Event(e["id"], float(e["probability"]),
                         tuple(Effect(x["resource"], x["stock"], float(x["price"]), x["newcomer"]) for x in e["effects"]))
                   for e in values["random_events"])
    low, high = values["rounds"]
    return Territory(resources, len(values["players"]), high, values["max_take"],
                     unknown_end=(low, high) if low != high else None, events=events,
                     rules=tuple(dict.fromkeys(values["rules"])))


def build(values: dict) -> Commons:
    return Commons(
        territory=_territory(values),
        situation=values["situation"],
        resources={r["id"]: ResourceText(r["name"], r["unit"], r["kind"]) for r in values["resources"]},
        players=tuple(PlayerText(p["name"], p["role"], p["secret"]) for p in values["players"]),
        event_texts={e["id"]: e["text"] for e in values["random_events"]},
        debrief=tuple(values["debrief"]),
        discussion=values["discussion"],
        secret_choices=values["choices"] == "secret",
        collapse_within=values["collapse_within"],
    )


def check(values: dict, ctx: Context) -> None:
    """Checks across fields: ids, events, the sum of chances, and that the game can be won and lost."""
    resources, events = values.get("resources"), values.get("random_events") or []
    if not fully_checked(resources):
        return
    ids = [r["id"] for r in resources]
    for i, resource_id in enumerate(ids):
        if resource_id in ids[:i]:
            ctx.error(("resources", i, "id"), f"two resources are called '{resource_id}'", "give each its own id")
    if fully_checked(events):
        _check_events(events, ids, ctx)
    if "sanction" in (values.get("rules") or []) and "monitoring" not in values["rules"]:
        ctx.error(("rules",), "'sanction' is offered without 'monitoring'",
                  "add monitoring: the game only lets a group sanction what it can see")
    needed = ("rounds", "max_take", "collapse_within", "players")
    if not all(fully_checked(values.get(name)) for name in needed):
        return
    territory = _territory({**values, "random_events": [], "rules": []})
    lost_in, stated = rounds_to_collapse(territory), values["collapse_within"]
    if lost_in is None or lost_in > stated:
        when = "never loses anything" if lost_in is None else f"loses a resource only in round {lost_in}"
        ctx.error(("collapse_within",), f"everybody taking the most ({values['max_take']} a round) {when}, "
                                        f"not by round {stated}",
                  "raise max_take, or lower a resource's regrowth or stock, so greed can lose the game")
    elif stated > values["rounds"][1]:
        ctx.warning(("collapse_within",), f"collapse_within ({stated}) is past the last round ({values['rounds'][1]})",
                    "players then cannot see greed lose the game: lower it to the round where it happens "
                    f"({lost_in})")
    for i, resource in enumerate(territory.resources):
        if sustainable_take(resource, resource.stock, territory.players) == 0:
            ctx.warning(("resources", i, "stock"), f"sharing cannot hold '{resource.id}': with {territory.players} "
                                                   "players, even one unit each is more than grows back",
                        "raise its stock or regrowth, so that the group can win by sharing")


def _check_events(events: list, ids: list[str], ctx: Context) -> None:
    total = 0.0
    for i, event in enumerate(events):
        total += event["probability"]
        for j, effect in enumerate(event["effects"]):
            if effect["resource"] not in ids:
                hint = did_you_mean(effect["resource"], ids) or f"the resources are {', '.join(ids)}"
                ctx.error(("random_events", i, "effects", j, "resource"),
                          f"event '{event['id']}' names the resource '{effect['resource']}', which does not exist", hint)
    if total > 1:
        ctx.error(("random_events",), f"the random events' probabilities add up to {total:g}, more than 1",
                  "at most one event strikes a round: lower them so they add up to 1 or less")
