"""The ``timeline`` type: dated events, shown in date order or as written.

Example::

    type: timeline
    sort: date                 # or: manual
    events:
      - date: "1844"           # "1844", "1844-12", "1844-12-21", "-500", or a range "1939/1945"
        title: {fr: Les Équitables Pionniers de Rochdale, en: The Rochdale Pioneers}
        text: {fr: ..., en: ...}
        image: {file: rochdale.png, alt: {fr: ..., en: ...}, credit: "CC BY-SA 4.0"}  # optional
"""

from __future__ import annotations

import calendar
import datetime
import re
from dataclasses import dataclass

from babel import Locale, UnknownLocaleError
from babel.dates import format_date, format_skeleton

from kiosk.content.fields import IMAGE, ImageRef
from kiosk.content.spec import INVALID, Field, Kind, ListKind, ObjectKind, StrKind, TextKind, describe, join_path
from kiosk.content.text import LocalizedText

_POINT = re.compile(r"^(-?\d{1,5})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")
DATE_HINT = 'write a year "1844", a month "1844-12", a day "1844-12-21" or a range "1939/1945", in quotes'


@dataclass(frozen=True, order=True)
class TimelineDate:
    """A year, month or day, or a range of them, as the curator wrote it."""

    start: tuple[int, int, int]
    end: tuple[int, int, int]
    text: str

    @property
    def is_range(self) -> bool:
        return "/" in self.text

    def label(self, language: str = "", rtl: bool = False) -> str:
        """The date in the visitor's ``language``, as Babel (CLDR) writes it: a day "24 mars 2014",
        "24 March 2014", "24 مارس 2014"; a month "décembre 1844"; a year as written, "1844".
        Without a language (or one CLDR does not know), the date reads as the curator wrote it.

        A range is joined by an en dash, "1939 – 1945". Right to left (``rtl``), its parts are
        swapped for a label that draws its text as given: ``1945 – 1939`` reads 1939 first, as on
        the mirrored timeline (digits themselves are never reversed).
        """
        first, _, last = self.text.partition("/")
        parts = [_localized(part.strip(), language) for part in (first, last) if part.strip()]
        return " – ".join(reversed(parts) if rtl else parts)

    @classmethod
    def parse(cls, text: str) -> "TimelineDate":
        """Raises ValueError with a curator's explanation when ``text`` is not a date."""
        first, slash, last = text.partition("/")
        start = _point(first.strip(), end=False)
        end = _point((last if slash else first).strip(), end=True)
        if end < start:
            raise ValueError(f"the range '{text}' ends before it starts")
        return cls(start, end, text)


_LOCALES = {"en": "en_GB"}      # a museum in Europe: "24 March 2014", as in the facilitator's reports


def _localized(text: str, language: str) -> str:
    """One point of a date ("1844-12-21") in ``language``; a year, a year before 1, or an unknown
    language: as written."""
    match = _POINT.match(text)
    year = int(match.group(1)) if match else 0
    if not language or not match or not match.group(2) or not 1 <= year <= 9999:
        return text
    try:
        locale = Locale.parse(_LOCALES.get(language, language).replace("-", "_"))
    except (ValueError, UnknownLocaleError):
        return text
    day = datetime.date(year, int(match.group(2)), int(match.group(3) or 1))
    if not match.group(3):
        return format_skeleton("yMMMM", day, locale=locale)
    written = format_date(day, "long", locale=locale)
    return "1er" + written[1:] if locale.language == "fr" and day.day == 1 else written


def _point(text: str, end: bool) -> tuple[int, int, int]:
    match = _POINT.match(text)
    if not match:
        raise ValueError(f"'{text}' is not a date")
    year = int(match.group(1))
    month = int(match.group(2) or (12 if end else 1))
    if not 1 <= month <= 12:
        raise ValueError(f"'{text}' has no month {month}")
    last_day = calendar.monthrange(year if 1 <= year <= 9999 else 2000, month)[1]
    day = int(match.group(3) or (last_day if end else 1))
    if not 1 <= day <= last_day:
        raise ValueError(f"'{text}' has no day {day}")
    return year, month, day


class DateKind(Kind):
    expected = "a date"

    def check(self, value, path, ctx):
        if isinstance(value, datetime.date):
            value = value.isoformat()[:10]
        elif isinstance(value, int) and not isinstance(value, bool):
            value = str(value)
        if not isinstance(value, str):
            ctx.error(path, f"'{join_path(path)}' should be a date, not {describe(value)}", DATE_HINT)
            return INVALID
        try:
            return TimelineDate.parse(value.strip())
        except ValueError as exc:
            ctx.error(path, str(exc), DATE_HINT)
            return INVALID

    def schema(self):
        return {"type": ["string", "integer"], "pattern": r"^-?\d{1,5}(-\d{1,2}){0,2}(/-?\d{1,5}(-\d{1,2}){0,2})?$"}


EVENT = ObjectKind("event", (
    Field("date", DateKind(), required=True, doc=DATE_HINT),
    Field("title", TextKind(max_length=120), required=True),
    Field("text", TextKind(max_length=1200)),
    Field("image", IMAGE, doc="Optional: {file, alt, credit} of a picture in this folder."),
))

FIELDS = (
    Field("sort", StrKind(choices=("date", "manual")), default="date",
          doc="date: the kiosk orders events by date; manual: as written."),
    Field("events", ListKind(EVENT, min_items=2, max_items=60), required=True),
)


@dataclass(frozen=True)
class TimelineEvent:
    date: TimelineDate
    title: LocalizedText
    text: LocalizedText | None
    image: ImageRef | None


@dataclass(frozen=True)
class Timeline:
    events: tuple[TimelineEvent, ...]  # in the order a visitor sees them

    @property
    def span(self) -> tuple[int, int]:
        """The first and last year covered."""
        return min(e.date.start[0] for e in self.events), max(e.date.end[0] for e in self.events)


def build(values: dict) -> Timeline:
    events = [TimelineEvent(e["date"], e["title"], e["text"], ImageRef.from_values(e["image"])) for e in values["events"]]
    if values["sort"] == "date":
        events.sort(key=lambda event: (event.date.start, event.date.end))  # stable: ties keep their order
    return Timeline(tuple(events))
