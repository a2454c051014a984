"""What an export carries (no Kivy): poll results, wall ideas and the session log of one venue.

The UI fills these dataclasses from the kiosk's records, then hands them to
:func:`kiosk.facilitator.export.export_session`::

    data = collect(app.records, app.content, venue="Lyon 2026-11-28", language="fr")
    export_session(data, stick)

or by hand::

    ExportData("Atelier AMAP", "Salle des fêtes, Plougastel", datetime.now(),
               polls=[PollResult("prix", "Qui fixe le prix ?", ["Le marché", "Nous"], [3, 9], "Plougastel")])
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

IDEA_STATUSES = ("approved", "hidden", "pending")


@dataclass
class PollResult:
    exhibit_id: str
    question: str
    options: list[str]
    votes: list[int]
    venue: str

    def __post_init__(self):
        if len(self.options) != len(self.votes) or any(count < 0 for count in self.votes):
            raise ValueError(f"poll {self.exhibit_id!r}: need one vote count (0 or more) per option")


@dataclass
class WallIdea:
    text: str
    tags: list[str]
    status: str  # "approved" | "hidden" | "pending"
    created: str  # ISO datetime
    venue: str

    def __post_init__(self):
        if self.status not in IDEA_STATUSES:
            raise ValueError(f"idea status {self.status!r} is not one of {', '.join(IDEA_STATUSES)}")


@dataclass
class LogEntry:
    time: str  # ISO datetime
    venue: str
    event: str
    detail: str


@dataclass
class ExportData:
    title: str
    venue: str
    made: datetime
    polls: list[PollResult] = field(default_factory=list)
    ideas: list[WallIdea] = field(default_factory=list)
    log: list[LogEntry] = field(default_factory=list)


def collect(records, content, venue: str, language: str) -> ExportData:
    """Poll results, wall ideas and the session log recorded at ``venue``, texts in ``language``."""
    fallbacks = [content.collection.languages.default, *content.collection.languages.languages]

    def text(localized) -> str:
        return localized.get(language, fallbacks) if localized else ""

    polls = [PollResult(m.id, text(m.details.question), [text(o) for o in m.details.options],
                        records.tally(m.id, venue, len(m.details.options)), venue)
             for m in content.exhibits if m.type == "poll"]
    ideas = [WallIdea(i.text, list(i.tags), i.status, i.created, i.venue) for i in records.ideas(venue=venue)]
    log = [LogEntry(e.at, e.venue, e.event, e.detail) for e in records.log_entries(venue=venue)]
    return ExportData(text(content.collection.title), venue, datetime.now(), polls, ideas, log)
