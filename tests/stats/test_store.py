"""The statistics file: its format and migrations, what it refuses, and the retention purge."""

from __future__ import annotations

import sqlite3

import pytest

from kiosk.stats import store
from kiosk.stats.model import Event
from kiosk.stats.query import summarize
from kiosk.stats.store import APPLICATION_ID, DAY, DEFAULT_RETENTION_DAYS, SCHEMA_VERSION, StatsError, open_stats
from tests.stats.conftest import D1, at, write_db

NOW = at(D1, 12)


def pragma(path, name):
    with sqlite3.connect(path) as db:
        value = db.execute(f"PRAGMA {name}").fetchone()[0]
    db.close()
    return value


def test_a_new_file_has_the_schema_wal_and_its_identity(tmp_path):
    db = open_stats(tmp_path / "sub" / "stats.db")
    columns = [row[1] for row in db.execute("PRAGMA table_info(events)")]
    indexes = {row[1] for row in db.execute("PRAGMA index_list(events)")}
    db.close()
    assert columns == list(store.COLUMNS)
    assert "events_by_kind" in indexes
    assert pragma(tmp_path / "sub" / "stats.db", "user_version") == SCHEMA_VERSION
    assert pragma(tmp_path / "sub" / "stats.db", "application_id") == APPLICATION_ID
    assert pragma(tmp_path / "sub" / "stats.db", "journal_mode") == "wal"


def test_a_file_at_version_0_gets_the_schema(tmp_path):
    path = tmp_path / "stats.db"
    path.write_bytes(b"")  # an empty SQLite file: user_version 0, no tables
    open_stats(path, create=False).close()
    assert pragma(path, "user_version") == SCHEMA_VERSION
    assert summarize(path).events == 0


def test_migrations_run_in_order_from_the_file_s_version(tmp_path, monkeypatch):
    def add_a_column(db):
        db.execute("ALTER TABLE events ADD COLUMN extra TEXT NOT NULL DEFAULT ''")

    path = write_db(tmp_path / "stats.db", [Event("visit_start", NOW)])
    monkeypatch.setattr(store, "MIGRATIONS", {**store.MIGRATIONS, 2: add_a_column})
    monkeypatch.setattr(store, "SCHEMA_VERSION", 2)
    db = open_stats(path)
    assert "extra" in [row[1] for row in db.execute("PRAGMA table_info(events)")]
    assert db.execute("SELECT COUNT(*) FROM events").fetchone()[0] == 1
    db.close()
    assert pragma(path, "user_version") == 2


def test_a_file_newer_than_the_kiosk_is_refused_clearly(tmp_path):
    path = write_db(tmp_path / "stats.db", [])
    with sqlite3.connect(path) as db:
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    db.close()
    with pytest.raises(StatsError, match=f"format {SCHEMA_VERSION + 1}, newer than this kiosk's "
                                         f"{SCHEMA_VERSION}: update the kiosk software"):
        open_stats(path)


@pytest.mark.parametrize("content", [b"not a database at all, but some text" * 40,
                                     b"SQLite format 3\x00" + b"\xff" * 200])
def test_a_file_that_is_not_a_database_is_refused(tmp_path, content):
    path = tmp_path / "stats.db"
    path.write_bytes(content)
    with pytest.raises(StatsError, match="stats.db"):
        open_stats(path)
    assert path.read_bytes() == content


def test_another_database_is_refused_and_left_alone(tmp_path):
    path = tmp_path / "records.db"
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE votes (exhibit TEXT)")
    db.close()
    with pytest.raises(StatsError, match="not a kiosk statistics file"):
        open_stats(path)
    assert pragma(path, "application_id") == 0


def test_a_missing_file_is_not_created_when_reading(tmp_path):
    with pytest.raises(StatsError, match="there is no statistics file"):
        open_stats(tmp_path / "stats.db", create=False)
    assert not (tmp_path / "stats.db").exists()


def test_whole_seconds_and_an_id_per_event(tmp_path):
    path = write_db(tmp_path / "stats.db", [Event("visit_start", NOW + 0.9), Event("visit_start", NOW + 0.9)])
    with sqlite3.connect(path) as db:
        rows = db.execute("SELECT id, at, typeof(at) FROM events").fetchall()
    db.close()
    assert [row[1:] for row in rows] == [(int(NOW), "integer")] * 2
    assert rows[0][0] != rows[1][0] and all(len(row[0]) == 32 and int(row[0], 16) >= 0 for row in rows)


def test_an_invalid_event_writes_nothing(tmp_path):
    db = open_stats(tmp_path / "stats.db")
    with pytest.raises(ValueError, match="unknown event kind 'visit_middle'"):
        store.insert_events(db, [Event("visit_start", NOW), Event("visit_middle", NOW)])
    with pytest.raises(ValueError, match="exhibit must be a text"):
        store.insert_events(db, [Event("exhibit_open", NOW, exhibit=None)])
    assert db.execute("SELECT COUNT(*) FROM events").fetchone()[0] == 0
    db.close()


def test_purge_removes_only_the_old_events(tmp_path):
    events = [Event("visit_start", NOW - days * DAY, detail=str(days)) for days in (0, 1, 729, 731, 800)]
    path = write_db(tmp_path / "stats.db", events)
    assert store.purge(path, now=NOW) == 2
    with sqlite3.connect(path) as db:
        kept = sorted(int(row[0]) for row in db.execute("SELECT detail FROM events"))
    db.close()
    assert kept == [0, 1, 729]
    assert store.purge(path, days=1, now=NOW, vacuum=True) == 1
    assert store.purge(path, days=1, now=NOW) == 0
    assert pragma(path, "user_version") == SCHEMA_VERSION
    assert pragma(path, "application_id") == APPLICATION_ID


def test_purge_keeps_two_years_by_default():
    assert DEFAULT_RETENTION_DAYS == 730


@pytest.mark.parametrize("days", [0, -5, 1.5, True])
def test_purge_needs_whole_days(tmp_path, days):
    path = write_db(tmp_path / "stats.db", [Event("visit_start", NOW)])
    with pytest.raises(ValueError, match="whole number of days"):
        store.purge(path, days=days, now=NOW)


def test_a_copy_for_the_usb_stick_holds_everything_even_while_the_kiosk_writes(tmp_path):
    path = write_db(tmp_path / "stats.db", [Event("visit_start", NOW)] * 3)
    writer = open_stats(path)  # the kiosk is running: its last events may still be in stats.db-wal
    store.insert_events(writer, [Event("visit_end", NOW, value=60)])
    assert (tmp_path / "stats.db-wal").exists()
    copy = store.copy_stats(path, tmp_path / "copy.db")
    writer.close()
    assert pragma(copy, "journal_mode") == "delete"
    assert summarize(copy).events == 4
    with pytest.raises(StatsError, match="no statistics file"):
        store.copy_stats(tmp_path / "missing.db", tmp_path / "other.db")
