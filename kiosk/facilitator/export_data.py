"""What an export carries, gathered from the kiosk's records for the current venue (no Kivy).

    data = collect(app.records, app.content, venue="Lyon 2026-11-28", language="fr")
    export_session(data, stick)
"""

from __future__ import annotations

from datetime import datetime

from kiosk.facilitator.export import ExportData, LogEntry, PollResult, WallIdea


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
