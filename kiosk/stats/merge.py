"""Combining the statistics of several kiosks of one travelling exhibition, without counting anything twice::

    result = merge_files([Path("kiosk-1/stats.db"), Path("kiosk-2/stats.db")], Path("all.db"))
    result.added            # {Path("kiosk-1/stats.db"): 41230, Path("kiosk-2/stats.db"): 38007}
    result.total            # events in all.db now

Every event carries a random 128-bit ``id``, UNIQUE in the file, and is copied with
``INSERT OR IGNORE``: merging the same file twice changes nothing, and merging into an
existing output adds only what is new.

How the output is written: in place, one transaction per input file (SQLite's own
journal, in WAL mode). A crash or a power cut leaves the output as it was before that
input, never half of one; running the same merge again finishes the job. Every input is
checked before anything is written: a file that is not a statistics file is refused and
the output is left untouched. Inputs are opened read-only.
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path
from typing import Sequence

from kiosk.stats.store import COLUMNS, SCHEMA_VERSION, StatsError, check_identity, file_uri, open_stats

COPY = (f"INSERT OR IGNORE INTO main.events ({', '.join(COLUMNS)}) "
        f"SELECT {', '.join(COLUMNS)} FROM source.events ORDER BY rowid")


@dataclass
class MergeResult:
    output: Path
    added: dict[Path, int] = field(default_factory=dict)    # input → events that were new to the output
    skipped: list[Path] = field(default_factory=list)       # inputs that are the output itself
    total: int = 0                                          # events in the output afterwards


def merge_files(inputs: Sequence[Path], output: Path) -> MergeResult:
    """Add the events of every file of ``inputs`` to ``output`` (created when missing); see the module's notes."""
    inputs = [Path(path) for path in inputs]
    output = Path(output)
    for path in inputs:
        check_input(path)
    result = MergeResult(output)
    db = open_stats(output)
    try:
        db.isolation_level = None  # transactions by hand: ATTACH and DETACH must happen outside them
        for path in inputs:
            if output.exists() and os.path.samefile(path, output):
                result.skipped.append(path)
            else:
                result.added[path] = result.added.get(path, 0) + _copy(db, path)
        result.total = db.execute("SELECT COUNT(*) FROM events").fetchone()[0]
    except sqlite3.Error as exc:
        raise StatsError(f"merging into {output} failed: {exc}; what was added before stays, "
                         f"run the same merge again to finish") from exc
    finally:
        db.close()
    return result


def check_input(path: Path) -> None:
    """:class:`StatsError` unless ``path`` is a statistics file this kiosk can read, in the current format."""
    if not path.is_file():
        raise StatsError(f"there is no statistics file at {path}")
    try:
        db = sqlite3.connect(file_uri(path, read_only=True), uri=True)
    except sqlite3.Error as exc:
        raise StatsError(f"{path} cannot be opened: {exc}") from exc
    try:
        version = check_identity(db, path)
    finally:
        db.close()
    if version == 0:
        raise StatsError(f"{path} is empty: it is not a kiosk statistics file")
    if version < SCHEMA_VERSION:
        raise StatsError(f"{path} has the older statistics format {version}: upgrade it first with "
                         f"'kiosk stats --db {path}', then merge again")


def _copy(db: sqlite3.Connection, path: Path) -> int:
    """Copy the new events of ``path`` into ``db`` in one transaction; returns how many were new."""
    db.execute("ATTACH DATABASE ? AS source", (file_uri(path, read_only=True),))
    try:
        db.execute("BEGIN IMMEDIATE")
        try:
            added = db.execute(COPY).rowcount
        except BaseException:
            db.execute("ROLLBACK")
            raise
        db.execute("COMMIT")
    finally:
        db.execute("DETACH DATABASE source")
    return added
