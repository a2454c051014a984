"""The validator's report: findings in order, then a summary per room, per path and per language.

Example of the summary printed by ``kiosk validate exhibits/``::

    Musée du Kapitalisme: 20 exhibits valid, 0 skipped; 0 errors, 0 warnings
      origines       4 valid   0 skipped
      ...
    3 paths: 3 valid, 0 skipped
      visite-guidee             tour       8 steps   70 min
      ...
    Translations (share of texts present):
      fr 100%  en 100%  nl 28% (partial) ...
"""

from __future__ import annotations

import sys
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
class PathSummary:
    id: str
    kind: str
    valid: bool
    steps: int = 0
    minutes: float = 0


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
    paths: list[PathSummary] = field(default_factory=list)  # valid first, in the kiosk's order


def summarize(content: ExhibitionContent) -> Summary:
    collection = content.collection
    title = collection.title.get(collection.languages.default) if collection else content.root.name
    summary = Summary(title, len(content.exhibits), len(content.skipped), content.count(ERROR), content.count(WARNING))
    rooms = {room.id: RoomSummary(room.id) for room in collection.rooms} if collection else {}
    for result in content.results:
        room = rooms.setdefault(result.group or "?", RoomSummary(result.group or "?"))
        if result.valid:
            room.valid += 1
        else:
            room.skipped += 1
    summary.rooms = list(rooms.values())
    summary.paths = _paths(content)
    if collection:
        summary.coverage = _coverage(content, collection.languages.languages)
        summary.partial_languages = list(collection.languages.partial)
    return summary


def _paths(content: ExhibitionContent) -> list[PathSummary]:
    valid = [PathSummary(p.id, p.kind, True, len(p.steps), p.total_minutes) for p in content.paths]
    return valid + [PathSummary(r.id, r.group or "?", False) for r in content.skipped_paths]


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
    lines.extend(_format_paths(summary.paths))
    if summary.coverage:
        cells = [f"{code} {share:.0%}" + (" (partial)" if code in summary.partial_languages else "")
                 for code, share in summary.coverage.items()]
        lines.append("Translations (share of texts present): " + ", ".join(cells))
    return "\n".join(lines)


def _format_paths(paths: list[PathSummary]) -> list[str]:
    if not paths:
        return []
    valid = sum(1 for p in paths if p.valid)
    lines = [f"{len(paths)} path{'' if len(paths) == 1 else 's'}: {valid} valid, {len(paths) - valid} skipped"]
    width = max(len(p.id) for p in paths)
    for p in paths:
        detail = f"{p.steps:>3} {'step ' if p.steps == 1 else 'steps'}  {p.minutes:>4g} min" if p.valid else "skipped"
        lines.append(f"  {p.id:<{width}}  {p.kind:<8}  {detail}")
    return lines


def report_dict(content: ExhibitionContent, relative_to: Path | None = None) -> dict:
    """The findings and the summary as plain data, for ``--json``."""
    return {
        "findings": [f.as_dict(relative_to) for f in content.findings],
        "summary": asdict(summarize(content)),
    }


def load_for_display(path: Path):
    """The content to show, or None after telling the operator, in one line each, what is wrong."""
    from kiosk.content.loader import load_content

    content = load_content(path)
    if content.collection is None or not content.exhibits:
        for finding in content.findings:
            if finding.is_error:
                print(finding.format(), file=sys.stderr)
        print(f"kiosk: nothing to show from {path}; run 'kiosk validate {path}'", file=sys.stderr)
        return None
    for result in content.skipped:
        print(f"kiosk: skipped exhibit {result.id}; run 'kiosk validate {path}' for details", file=sys.stderr)
    return content
