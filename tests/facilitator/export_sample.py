"""A workshop's export as the tests make it: two polls, four ideas (one a formula, one a script), a short log."""

from __future__ import annotations

import csv
import io
from datetime import datetime
from pathlib import Path

from kiosk.facilitator.export_data import ExportData, LogEntry, PollResult, WallIdea

MADE = datetime(2024, 5, 18, 16, 30)
BOM = b"\xef\xbb\xbf"


def sample() -> ExportData:
    return ExportData(
        title="Atelier « prix juste »",
        venue="Salle des fêtes, Plougastel",
        made=MADE,
        polls=[
            PollResult("prix", "Qui fixe le prix des légumes ?", ["Le marché", "Les paysan·nes", "Ensemble"],
                       [2, 3, 5], "Plougastel"),
            PollResult("monnaie", "Une monnaie locale ?", ["Oui", "Non"], [0, 0], "Plougastel"),
        ],
        ideas=[
            WallIdea("Une épicerie coopérative, gérée à plusieurs", ["coopérative", "alimentation"], "approved",
                     "2024-05-18T15:02:00", "Plougastel"),
            WallIdea("<script>alert('x')</script> & co", ["test"], "approved", "2024-05-18T15:10:00", "Plougastel"),
            WallIdea("=HYPERLINK(\"http://evil\")", [], "pending", "2024-05-18T15:12:00", "Plougastel"),
            WallIdea("Texte masqué", [], "hidden", "2024-05-18T15:20:00", "Plougastel"),
        ],
        log=[LogEntry("2024-05-18T14:00:00", "Plougastel", "session_start", "Atelier ouvert"),
             LogEntry("2024-05-18T16:29:00", "Plougastel", "poll_closed", "prix : 10 votes")],
    )


def read_csv(path: Path) -> list[list[str]]:
    raw = path.read_bytes()
    assert raw.startswith(BOM)
    return list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
