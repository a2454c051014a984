"""``collection.yaml``: the exhibition as a whole (title, languages, rooms, idle settings).

Example::

    schema: 1
    title: {fr: Musée du Kapitalisme, en: Museum of Kapitalism}
    languages: [fr, en, nl, es, de, ar]
    default_language: fr
    partial_languages: [nl, es, de, ar]
    rooms:
      - {id: origines, title: {fr: Origines, en: Origins}, colour: "#8C2F39"}
    idle_timeout: 90
    attract: {slide_seconds: 12, fade_seconds: 1.5}
    opening_hours: "Tu-Su 10:00-18:00; PH off"   # OpenStreetMap's syntax; the screen sleeps when closed
    country: FR                                 # for the public holidays (PH)

Reading goes in layers: :func:`load_collection` (a file) → :func:`parse_document`
(its text) → :func:`collection_from_dict` (its data), one loader per ``schema`` version.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from kiosk.content.fields import COLOUR, ID_HINT, ID_PATTERN, check_translations
from kiosk.content.findings import ContentError, Finding
from kiosk.content.spec import (
    INVALID,
    Context,
    Field,
    LanguagePolicy,
    ListKind,
    NumberKind,
    ObjectKind,
    StrKind,
    TextKind,
    check_fields,
    did_you_mean,
)
from kiosk.content.text import LocalizedText
from kiosk.content.versions import SCHEMA_FIELD, load_version, unknown_schema
from kiosk.content.yamldoc import Document, load_document
from kiosk.opening import OpeningHours, OpeningHoursError

COLLECTION_FILE = "collection.yaml"
LANGUAGE = StrKind(pattern=r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$", meaning="a language code such as 'fr'",
                   hint="use a two-letter code: fr, en, nl, es, de, ar, …")


@dataclass(frozen=True)
class Room:
    id: str
    title: LocalizedText
    colour: str
    summary: LocalizedText | None = None


@dataclass(frozen=True)
class AttractSettings:
    slide_seconds: float = 12.0
    fade_seconds: float = 1.5
    images: tuple[str, ...] = ()


@dataclass(frozen=True)
class Collection:
    """The exhibition: its languages and its rooms in visit order."""

    title: LocalizedText
    languages: LanguagePolicy
    rooms: tuple[Room, ...]
    subtitle: LocalizedText | None = None
    idle_timeout: int = 90
    attract: AttractSettings = AttractSettings()
    opening_hours: OpeningHours | None = None   # None: always awake
    country: str | None = None                  # the venue's, for public holidays

    def room(self, room_id: str) -> Room | None:
        return next((room for room in self.rooms if room.id == room_id), None)


ROOM = ObjectKind("room", (
    Field("id", StrKind(pattern=ID_PATTERN, meaning="a room id", hint=ID_HINT), required=True),
    Field("title", TextKind(headline=True, max_length=80), required=True),
    Field("colour", COLOUR, required=True, doc="The room's colour, \"#RRGGBB\"."),
    Field("summary", TextKind(max_length=400)),
))

ATTRACT = ObjectKind("attract", (
    Field("slide_seconds", NumberKind(3, 120, whole=False), default=12.0),
    Field("fade_seconds", NumberKind(0, 10, whole=False), default=1.5),
    Field("images", ListKind(StrKind(meaning="an 'exhibit-id/file.png' path")), default=[]),
))

COLLECTION_FIELDS = (
    SCHEMA_FIELD,
    Field("title", TextKind(headline=True, max_length=120), required=True),
    Field("subtitle", TextKind(max_length=200)),
    Field("languages", ListKind(LANGUAGE, min_items=1, max_items=30), required=True),
    Field("default_language", LANGUAGE, required=True),
    Field("partial_languages", ListKind(LANGUAGE, max_items=30), default=[]),
    Field("rooms", ListKind(ROOM, min_items=1, max_items=30), required=True),
    Field("idle_timeout", NumberKind(20, 3600), default=90, doc="Seconds without a touch before the kiosk resets."),
    Field("attract", ATTRACT, default={}),
    Field("opening_hours", StrKind(meaning="opening hours"),
          doc="When the venue is open, in OpenStreetMap's opening_hours syntax, e.g. \"Tu-Su 10:00-18:00; PH off\". "
              "Outside those hours the screen sleeps once nobody is visiting; a touch wakes it."),
    Field("country", StrKind(pattern=r"^[A-Z]{2}$", meaning="a two-letter country code such as 'FR'",
                             hint="write the ISO code in capitals: FR, BE, CH, …"),
          doc="The venue's country, for the public holidays (PH) of opening_hours."),
)


def load_collection(file: Path) -> tuple[Collection | None, list[Finding]]:
    """Read ``collection.yaml``; the collection is None when it has errors."""
    try:
        doc = load_document(file)
    except ContentError as exc:
        return None, [exc.finding]
    return collection_from_dict(doc)


def collection_from_dict(doc: Document) -> tuple[Collection | None, list[Finding]]:
    ctx = Context(doc)
    if not isinstance(doc.data, dict):
        ctx.error((), "collection.yaml should be a mapping (key: value lines) at the top level")
        return None, ctx.findings
    return load_version(doc.data, ctx, _LOADERS, unknown=_unknown_schema)


def _unknown_schema(data: dict, ctx: Context, loaders) -> None:
    """The ``schema`` line judged as a field first: a missing or malformed one is told as for any field."""
    check_fields(data, (SCHEMA_FIELD,), (), ctx, extra_known=[f.name for f in COLLECTION_FIELDS])
    if not ctx.has_errors:
        unknown_schema(data, ctx, loaders)


def _from_dict_v1(data: dict, ctx: Context) -> tuple[Collection | None, list[Finding]]:
    collection = _collection_v1(data, ctx)
    return collection, sorted(ctx.findings, key=lambda f: (f.line, f.column))


def _collection_v1(data: dict, ctx: Context) -> Collection | None:
    ctx.languages = _language_policy(data, ctx)
    values = check_fields(data, COLLECTION_FIELDS, (), ctx)
    _check_rooms(values["rooms"], ctx)
    hours = _opening_hours(values, ctx)
    check_translations(ctx)
    if ctx.has_errors:
        return None
    attract = values["attract"] or {}
    collection = Collection(
        title=values["title"],
        subtitle=values["subtitle"],
        languages=ctx.languages,
        rooms=tuple(Room(r["id"], r["title"], r["colour"].upper(), r["summary"]) for r in values["rooms"]),
        idle_timeout=values["idle_timeout"],
        attract=AttractSettings(attract.get("slide_seconds", 12.0), attract.get("fade_seconds", 1.5),
                                tuple(attract.get("images") or ())),
        opening_hours=hours,
        country=values["country"] if isinstance(values["country"], str) else None,
    )
    return collection


def _opening_hours(values: dict, ctx: Context) -> OpeningHours | None:
    expression, country = values.get("opening_hours"), values.get("country")
    if not isinstance(expression, str):
        return None
    country = country if isinstance(country, str) else None
    try:
        hours = OpeningHours.parse(expression, country)
    except OpeningHoursError as error:
        ctx.error((error.field,), str(error), error.hint)
        return None
    if hours.uses_public_holidays and country is None:
        ctx.warning(("opening_hours",), "'PH' (public holidays) needs the venue's country to know its holidays",
                    "add a line 'country: FR' (or BE, CH, …) to collection.yaml")
    return hours


def _language_policy(data: dict, ctx: Context) -> LanguagePolicy:
    """Read the language fields first: every text in the file is judged against them."""
    languages = [code for code in data.get("languages") or [] if isinstance(code, str)]
    default = data.get("default_language")
    partial = [code for code in data.get("partial_languages") or [] if isinstance(code, str)]
    if isinstance(default, str) and languages and default not in languages:
        ctx.error(("default_language",), f"the default language '{default}' is not in 'languages'",
                  f"add '{default}' to languages")
    if isinstance(default, str) and default in partial:
        ctx.error(("partial_languages",), "the default language cannot be partial", f"remove '{default}' from partial_languages")
    for i, code in enumerate(partial):
        if code not in languages:
            ctx.error(("partial_languages", i), f"the partial language '{code}' is not in 'languages'",
                      did_you_mean(code, languages) or f"add '{code}' to languages")
    for i, code in enumerate(languages):
        if code in languages[:i]:
            ctx.error(("languages", i), f"the language '{code}' is listed twice", "keep one of them")
    if not isinstance(default, str):
        default = languages[0] if languages else "fr"
    return LanguagePolicy(default, tuple(languages) or (default,), tuple(c for c in partial if c in languages))


def _check_rooms(rooms, ctx: Context) -> None:
    if rooms is INVALID or not rooms:
        return
    seen: set[str] = set()
    for i, room in enumerate(rooms):
        room_id = room.get("id") if isinstance(room, dict) else None
        if isinstance(room_id, str) and room_id in seen:
            ctx.error(("rooms", i, "id"), f"the room id '{room_id}' is used twice", "give each room its own id")
        seen.add(room_id)


_LOADERS = {1: _from_dict_v1}
