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

    def label(self, rtl: bool = False) -> str:
        """'1844', '1844-12-21' as written; a range '1939 – 1945', its first year on the reading side.

        Right to left, the earlier year stands on the right, as on the mirrored timeline:
        ``1945 – 1939`` reads 1939 first. (Digits themselves are never reversed.)
        """
        first, _, last = self.text.partition("/")
        if not last:
            return first.strip()
        first, last = first.strip(), last.strip()
        return f"{last} – {first}" if rtl else f"{first} – {last}"

    @classmethod
    def parse(cls, text: str) -> "TimelineDate":
        """Raises ValueError with a curator's explanation when ``text`` is not a date."""
        first, slash, last = text.partition("/")
        start = _point(first.strip(), end=False)
        end = _point((last if slash else first).strip(), end=True)
        if end < start:
            raise ValueError(f"the range '{text}' ends before it starts")
        return cls(start, end, text)


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
