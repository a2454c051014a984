"""The statistics file, ``stats.db``: its format, opening it safely, writing and purging events. No Kivy here::

    db = open_stats(data_dir() / "stats.db")              # created (format 1) when missing
    insert_events(db, [Event("visit_start", time.time(), venue="Lille 2026-03-12", visit=7)])
    purge(data_dir() / "stats.db", days=DEFAULT_RETENTION_DAYS)   # events older than two years go
    copy_stats(data_dir() / "stats.db", stick / "stats-lille.db")  # a consistent copy, for `kiosk stats merge`
    db.close()

One table, ``events``: the fields of :class:`~kiosk.stats.model.Event` plus ``id``, a random
128-bit hex string given to each event when it is first written. It is UNIQUE, so merging
the files of several kiosks (:mod:`kiosk.stats.merge`) never counts an event twice. ``at``
is kept in whole seconds (UTC). The journal is WAL: a crash or a killed process never
corrupts the file (the writer commits in small transactions, :mod:`kiosk.stats.recorder`).

The file says what it is (``PRAGMA application_id``) and which format it has (``PRAGMA
user_version``). To change the format, add a function to :data:`MIGRATIONS` that takes a
file from the previous version to the next; opening an older file runs the missing steps.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import time
from pathlib import Path
from typing import Callable, Iterable

from kiosk.migrations import migrate as run_migrations
from kiosk.stats.model import KINDS, Event

log = logging.getLogger(__name__)

STATS_FILE = "stats.db"
DEFAULT_RETENTION_DAYS = 730          # two years; `kiosk stats purge --older-than DAYS` to choose another
APPLICATION_ID = 0x4D4B5354           # "MKST": Musée du Kapitalisme statistics, in the file's header
COLUMNS = ("id", "kind", "at", "venue", "visit", "exhibit", "language", "value", "detail")
DAY = 86400


def _create_v1(db: sqlite3.Connection) -> None:
    for statement in (
        """CREATE TABLE events (
            id TEXT NOT NULL UNIQUE,
            kind TEXT NOT NULL,
            at INTEGER NOT NULL,
            venue TEXT NOT NULL DEFAULT '',
            visit INTEGER NOT NULL DEFAULT 0,
            exhibit TEXT NOT NULL DEFAULT '',
            language TEXT NOT NULL DEFAULT '',
            value REAL NOT NULL DEFAULT 0,
            detail TEXT NOT NULL DEFAULT '')""",
        # Every query picks one kind, a period, maybe a venue; the exhibit and value make it covering for the
        # big ones (dwell times, visit lengths, counts per exhibit): they never read the table itself.
        "CREATE INDEX events_by_kind ON events (kind, at, venue, exhibit, value)",
        f"PRAGMA application_id = {APPLICATION_ID}",
    ):
        db.execute(statement)


#: version → the step that brings a file from the version before it to this one.
MIGRATIONS: dict[int, Callable[[sqlite3.Connection], None]] = {1: _create_v1}
SCHEMA_VERSION = max(MIGRATIONS)


class StatsError(Exception):
    """The statistics file cannot be used: missing, not a statistics file, newer than this kiosk, or unreadable."""


def default_stats_path() -> Path:
    """``stats.db`` in the kiosk's data folder."""
    from kiosk.folders import data_dir  # platformdirs: only when needed, the recorder's process stays light

    return data_dir() / STATS_FILE


def open_stats(path: Path, create: bool = True) -> sqlite3.Connection:
    """The statistics file at ``path``, in WAL mode and at :data:`SCHEMA_VERSION`.

    With ``create=False`` a missing file is a :class:`StatsError` instead of a new file.
    """
    path = Path(path)
    if not create and not path.is_file():
        raise StatsError(f"there is no statistics file at {path}")
    try:
        if create:
            path.parent.mkdir(parents=True, exist_ok=True)
        db = sqlite3.connect(file_uri(path), uri=True, timeout=10)  # a URI: ATTACH may then open files read-only
    except (OSError, sqlite3.Error) as exc:
        raise StatsError(f"{path} cannot be opened: {exc}") from exc
    try:
        check_identity(db, path)
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=NORMAL")  # WAL: a crash never corrupts; a power cut may lose the last commits
        migrate(db, path)
    except sqlite3.Error as exc:
        db.close()
        raise StatsError(f"{path} cannot be used as a statistics file: {exc}") from exc
    except StatsError:
        db.close()
        raise
    return db


def file_uri(path: Path, read_only: bool = False) -> str:
    """The SQLite URI of ``path`` (``read_only``: opened with ``mode=ro``)."""
    return Path(path).absolute().as_uri() + ("?mode=ro" if read_only else "")  # file:///C:/… on Windows too


def check_identity(db: sqlite3.Connection, path: Path) -> int:
    """The format version of a statistics file; :class:`StatsError` when it is another kind of file or too new."""
    try:
        application_id = db.execute("PRAGMA application_id").fetchone()[0]
        version = db.execute("PRAGMA user_version").fetchone()[0]
        tables = db.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()[0]
    except sqlite3.DatabaseError as exc:  # "file is not a database"
        raise StatsError(f"{path} is not a kiosk statistics file ({exc})") from exc
    if application_id == 0 and version == 0 and tables == 0:
        return 0  # a new, empty file: the first migration makes it a statistics file
    if application_id != APPLICATION_ID:
        raise StatsError(f"{path} is not a kiosk statistics file (it holds other data); "
                         f"statistics are in {STATS_FILE} in the kiosk's data folder")
    if version > SCHEMA_VERSION:
        raise StatsError(f"{path} has statistics format {version}, newer than this kiosk's {SCHEMA_VERSION}: "
                         f"update the kiosk software to read it")
    return version


def migrate(db: sqlite3.Connection, path: Path | str = "the statistics file") -> None:
    """Bring ``db`` to :data:`SCHEMA_VERSION`, one step per transaction (safe if two processes open it at once)."""
    run_migrations(db, MIGRATIONS, f"stats ({path})")


def event_row(event: Event, event_id: str) -> tuple:
    """The row for ``event``; ValueError for an unknown kind or a field of the wrong type."""
    if event.kind not in KINDS:
        raise ValueError(f"unknown event kind {event.kind!r}; the kinds are {', '.join(KINDS)}")
    for name in ("venue", "exhibit", "language", "detail"):
        if not isinstance(getattr(event, name), str):
            raise ValueError(f"{event.kind} event: {name} must be a text, not {getattr(event, name)!r}")
    return (event_id, event.kind, int(event.at), event.venue, int(event.visit), event.exhibit, event.language,
            float(event.value), event.detail)


def new_ids(count: int) -> list[str]:
    """``count`` random 128-bit identifiers, as 32 hex digits each."""
    digits = os.urandom(16 * count).hex()
    return [digits[start:start + 32] for start in range(0, 32 * count, 32)]


INSERT = f"INSERT INTO events ({', '.join(COLUMNS)}) VALUES ({', '.join('?' * len(COLUMNS))})"


def insert_events(db: sqlite3.Connection, events: Iterable[Event]) -> int:
    """Write ``events`` in one transaction; returns how many. ValueError (nothing written) for a bad event."""
    events = list(events)
    rows = [event_row(event, event_id) for event, event_id in zip(events, new_ids(len(events)))]
    with db:
        db.executemany(INSERT, rows)
    return len(rows)


def purge_events(db: sqlite3.Connection, days: int, now: float | None = None) -> int:
    """Delete the events older than ``days`` days; returns how many went."""
    if isinstance(days, bool) or not isinstance(days, int) or days < 1:
        raise ValueError(f"the retention is a whole number of days, 1 or more, not {days!r}")
    cutoff = int(time.time() if now is None else now) - days * DAY
    with db:
        removed = db.execute("DELETE FROM events WHERE at < ?", (cutoff,)).rowcount
    return removed


def purge(path: Path, days: int = DEFAULT_RETENTION_DAYS, now: float | None = None, vacuum: bool = False) -> int:
    """Delete the events of ``path`` older than ``days`` days and give the space back; returns how many went.

    Without ``vacuum`` the file keeps its size (the space is reused); the WAL is emptied.
    """
    db = open_stats(path, create=False)
    try:
        removed = purge_events(db, days, now)
        if removed and vacuum:
            db.execute("VACUUM")
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    except sqlite3.Error as exc:
        raise StatsError(f"{path}: the old events could not be removed: {exc}") from exc
    finally:
        db.close()
    return removed


def copy_stats(path: Path, target: Path) -> Path:
    """A consistent copy of the statistics file, even while the kiosk writes to it (for an export to a USB stick).

    Copying ``stats.db`` with the file manager can miss what is still in ``stats.db-wal``; this
    uses SQLite's backup, and the copy is a single file that ``kiosk stats merge`` takes.
    """
    source = open_stats(path, create=False)
    try:
        copy = sqlite3.connect(str(target))
        try:
            source.backup(copy)
            copy.execute("PRAGMA journal_mode=DELETE")  # one self-contained file on the stick
        finally:
            copy.close()
    except sqlite3.Error as exc:
        raise StatsError(f"{path} could not be copied to {target}: {exc}") from exc
    finally:
        source.close()
    return Path(target)
