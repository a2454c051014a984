"""The kiosk's local record of collective input: poll votes, ideas for the wall, and a session log.

One SQLite file in the kiosk's data folder, written by the UI thread. No Kivy here::

    store = RecordStore(data_dir / "records.db")
    store.vote("alternatives-sondage", 2, venue="Lille, 12 mars")
    store.tally("alternatives-sondage", "Lille, 12 mars", options=4)      # [0, 0, 1, 0]
    idea = store.add_idea("alternatives-mur", "Une recyclerie", ["alimentation"], venue="Lille, 12 mars")
    store.moderate(idea, "approved")    # the facilitator read it: it goes on the public wall
    store.ideas("alternatives-mur", venue="Lille, 12 mars", status="approved")

Nothing here identifies a person: no device, no name, no session id. An idea keeps its
text, its tags, the venue and the time rounded to the minute; so do votes and log lines.
Each write is one short transaction (all of it lands, or none of it). The journal is
WAL, so a power cut loses at most the last write and never corrupts the file.

The format has a version (``PRAGMA user_version``). To change it, add a function to
:data:`MIGRATIONS` that takes the database from the previous version to the next one;
opening an older file runs the missing steps in order.
"""

from __future__ import annotations

import json
import logging
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable

from kiosk.migrations import migrate as run_migrations

log = logging.getLogger(__name__)

STATUSES = ("pending", "approved", "hidden")


def _create_v1(db: sqlite3.Connection) -> None:
    for statement in (
        "CREATE TABLE votes (exhibit TEXT NOT NULL, option INTEGER NOT NULL, venue TEXT NOT NULL, at TEXT NOT NULL)",
        "CREATE INDEX votes_by_exhibit ON votes (exhibit, venue)",
        """CREATE TABLE ideas (
            id INTEGER PRIMARY KEY,
            exhibit TEXT NOT NULL,
            venue TEXT NOT NULL,
            text TEXT NOT NULL,
            tags TEXT NOT NULL DEFAULT '[]',
            status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'hidden')),
            created TEXT NOT NULL)""",
        "CREATE INDEX ideas_by_exhibit ON ideas (exhibit, venue, status)",
        "CREATE TABLE log (at TEXT NOT NULL, venue TEXT NOT NULL, event TEXT NOT NULL, detail TEXT NOT NULL)",
    ):
        db.execute(statement)


#: version → the step that brings a database from the version before it to this one.
MIGRATIONS: dict[int, Callable[[sqlite3.Connection], None]] = {1: _create_v1}
SCHEMA_VERSION = max(MIGRATIONS)


class RecordError(Exception):
    """The records file cannot be used (newer than this kiosk, or not a database)."""


@dataclass(frozen=True)
class Idea:
    id: int
    exhibit: str
    venue: str
    text: str
    tags: tuple[str, ...]
    status: str
    created: str  # ISO time, to the minute


@dataclass(frozen=True)
class LogEntry:
    at: str
    venue: str
    event: str
    detail: str


def minute_now() -> str:
    """The current UTC time to the minute, e.g. '2026-03-12T14:05+00:00'."""
    return datetime.now(timezone.utc).replace(second=0, microsecond=0).isoformat(timespec="minutes")


class RecordStore:
    """``RecordStore(path)``: open (or create) the records file. Use it from one thread; ``close()`` at the end."""

    def __init__(self, path: Path, clock: Callable[[], str] = minute_now):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._clock = clock
        self._db = sqlite3.connect(str(self.path))
        try:
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=NORMAL")
            migrate(self._db)
        except sqlite3.DatabaseError as exc:
            self._db.close()
            raise RecordError(f"{self.path} cannot be used as the kiosk's records: {exc}") from exc

    # --- poll votes ---------------------------------------------------------------------------
    def vote(self, exhibit_id: str, option: int, venue: str = "") -> None:
        if isinstance(option, bool) or not isinstance(option, int) or option < 0:
            raise ValueError(f"a poll option is a whole number from 0, not {option!r}")
        self._write("INSERT INTO votes (exhibit, option, venue, at) VALUES (?, ?, ?, ?)",
                    (exhibit_id, option, venue, self._clock()))

    def tally(self, exhibit_id: str, venue: str = "", options: int = 0) -> list[int]:
        """Votes per option (counting from 0) at ``venue``; options beyond ``options`` are left out."""
        counts = [0] * options
        rows = self._db.execute("SELECT option, COUNT(*) FROM votes WHERE exhibit = ? AND venue = ? GROUP BY option",
                                (exhibit_id, venue))
        for option, count in rows:
            if 0 <= option < options:
                counts[option] = count
        return counts

    # --- ideas for the wall -------------------------------------------------------------------
    def add_idea(self, exhibit_id: str, text: str, tags=(), venue: str = "") -> int:
        """Store a new idea, pending until a facilitator reads it; returns its number."""
        tags = [str(tag) for tag in tags]
        if not text.strip() and not tags:
            raise ValueError("an idea needs a text or at least one tag")
        cursor = self._write(
            "INSERT INTO ideas (exhibit, venue, text, tags, status, created) VALUES (?, ?, ?, ?, ?, ?)",
            (exhibit_id, venue, text.strip(), json.dumps(tags, ensure_ascii=False), "pending", self._clock()))
        return cursor.lastrowid

    def ideas(self, exhibit_id: str | None = None, venue: str | None = None, status: str | None = None,
              limit: int | None = None) -> list[Idea]:
        """Ideas matching every filter given, newest first."""
        if status is not None and status not in STATUSES:
            raise ValueError(f"unknown idea status {status!r}; use one of {', '.join(STATUSES)}")
        where, values = [], []
        for column, value in (("exhibit", exhibit_id), ("venue", venue), ("status", status)):
            if value is not None:
                where.append(f"{column} = ?")
                values.append(value)
        query = "SELECT id, exhibit, venue, text, tags, status, created FROM ideas"
        query += (" WHERE " + " AND ".join(where) if where else "") + " ORDER BY created DESC, id DESC"
        if limit is not None:
            query += f" LIMIT {int(limit)}"
        return [_idea(row) for row in self._db.execute(query, values)]

    def moderate(self, idea_id: int, status: str) -> None:
        if status not in STATUSES:
            raise ValueError(f"unknown idea status {status!r}; use one of {', '.join(STATUSES)}")
        cursor = self._write("UPDATE ideas SET status = ? WHERE id = ?", (status, idea_id))
        if cursor.rowcount == 0:
            raise KeyError(f"there is no idea number {idea_id}")

    # --- session log --------------------------------------------------------------------------
    def log(self, event: str, detail: str = "", venue: str = "") -> None:
        self._write("INSERT INTO log (at, venue, event, detail) VALUES (?, ?, ?, ?)",
                    (self._clock(), venue, event, detail))

    def log_entries(self, venue: str | None = None) -> list[LogEntry]:
        """Log lines in the order they were written, for one venue or for all."""
        query, values = "SELECT at, venue, event, detail FROM log", ()
        if venue is not None:
            query, values = query + " WHERE venue = ?", (venue,)
        return [LogEntry(*row) for row in self._db.execute(query + " ORDER BY rowid", values)]

    # --- the file -----------------------------------------------------------------------------
    @property
    def version(self) -> int:
        return self._db.execute("PRAGMA user_version").fetchone()[0]

    @property
    def journal_mode(self) -> str:
        return self._db.execute("PRAGMA journal_mode").fetchone()[0]

    def close(self) -> None:
        self._db.close()

    def _write(self, statement: str, values: tuple) -> sqlite3.Cursor:
        with self._db:  # one transaction: committed on success, rolled back on error
            return self._db.execute(statement, values)


def migrate(db: sqlite3.Connection) -> None:
    """Bring ``db`` to :data:`SCHEMA_VERSION`, one step per transaction."""
    version = db.execute("PRAGMA user_version").fetchone()[0]
    if version > SCHEMA_VERSION:
        raise RecordError(f"the records file has format {version}, newer than this kiosk's {SCHEMA_VERSION}")
    run_migrations(db, MIGRATIONS, "records")


def _idea(row) -> Idea:
    identifier, exhibit, venue, text, tags, status, created = row
    return Idea(identifier, exhibit, venue, text, tuple(json.loads(tags)), status, created)
