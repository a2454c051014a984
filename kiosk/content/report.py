"""The validator's report: findings in order, then a summary per room and per language.

Example of the summary printed by ``kiosk validate exhibits/``::

    Musée du Kapitalisme: 20 exhibits valid, 0 skipped; 0 errors, 0 warnings
      origines       4 valid   0 skipped
      ...
    Translations (share of texts present):
      fr 100%  en 100%  nl 28% (partial) ...
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from pathlib import Path

from kiosk.content.findings import ERROR, WARNING
from kiosk.content.loader import ExhibitionContent


@dataclass
class RoomSummary:
    id: str
    valid: int = 0
    skipped: int = 0


@dataclass
class Summary:
    title: str
    valid: int
    skipped: int
    errors: int
    warnings: int
    rooms: list[RoomSummary] = field(default_factory=list)
    coverage: dict[str, float] = field(default_factory=dict)  # language → share of texts, 0..1
    partial_languages: list[str] = field(default_factory=list)


def summarize(content: ExhibitionContent) -> Summary:
    collection = content.collection
    title = collection.title.get(collection.languages.default) if collection else content.root.name
    summary = Summary(title, len(content.exhibits), len(content.skipped), content.count(ERROR), content.count(WARNING))
    rooms = {room.id: RoomSummary(room.id) for room in collection.rooms} if collection else {}
    for result in content.results:
        room = rooms.setdefault(result.room or "?", RoomSummary(result.room or "?"))
        if result.valid:
            room.valid += 1
        else:
            room.skipped += 1
    summary.rooms = list(rooms.values())
    if collection:
        summary.coverage = _coverage(content, collection.languages.languages)
        summary.partial_languages = list(collection.languages.partial)
    return summary


def _coverage(content: ExhibitionContent, languages) -> dict[str, float]:
    texts = [use.text for manifest in content.exhibits for use in manifest.texts if use.text]
    if not texts:
        return {code: 0.0 for code in languages}
    return {code: sum(1 for text in texts if text.has(code)) / len(texts) for code in languages}


def format_summary(summary: Summary) -> str:
    lines = [f"{summary.title}: {summary.valid} exhibits valid, {summary.skipped} skipped; "
             f"{summary.errors} errors, {summary.warnings} warnings"]
    width = max((len(room.id) for room in summary.rooms), default=0)
    for room in summary.rooms:
        lines.append(f"  {room.id:<{width}}  {room.valid:>3} valid  {room.skipped:>3} skipped")
    if summary.coverage:
        cells = [f"{code} {share:.0%}" + (" (partial)" if code in summary.partial_languages else "")
                 for code, share in summary.coverage.items()]
        lines.append("Translations (share of texts present): " + ", ".join(cells))
    return "\n".join(lines)


def report_dict(content: ExhibitionContent, relative_to: Path | None = None) -> dict:
    """The findings and the summary as plain data, for ``--json``."""
    return {
        "findings": [f.as_dict(relative_to) for f in content.findings],
        "summary": asdict(summarize(content)),
    }
