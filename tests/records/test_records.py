"""The local record store: votes per venue, the ideas' moderation flow, a file that survives a restart."""

from __future__ import annotations

import re
import sqlite3

import pytest

from kiosk.records import MIGRATIONS, SCHEMA_VERSION, RecordError, RecordStore, minute_now

POLL, WALL = "alternatives-sondage", "alternatives-mur"


@pytest.fixture
def store(tmp_path):
    store = RecordStore(tmp_path / "records.db")
    yield store
    store.close()


def test_votes_are_counted_per_venue(store):
    for option in (0, 2, 2, 3):
        store.vote(POLL, option, "Lille, 12 mars")
    store.vote(POLL, 1, "Nantes, 3 avril")
    store.vote("another-poll", 2, "Lille, 12 mars")
    assert store.tally(POLL, "Lille, 12 mars", options=4) == [1, 0, 2, 1]
    assert store.tally(POLL, "Nantes, 3 avril", options=4) == [0, 1, 0, 0]
    assert store.tally(POLL, "Paris", options=4) == [0, 0, 0, 0]


def test_tally_leaves_out_options_that_no_longer_exist(store):
    store.vote(POLL, 5, "")
    store.vote(POLL, 1, "")
    assert store.tally(POLL, "", options=3) == [0, 1, 0]


@pytest.mark.parametrize("option", [-1, 1.5, "2", True])
def test_a_vote_needs_an_option_number(store, option):
    with pytest.raises(ValueError, match="whole number"):
        store.vote(POLL, option, "")
    assert store.tally(POLL, "", options=3) == [0, 0, 0]


def test_ideas_wait_for_the_facilitator(store):
    first = store.add_idea(WALL, "  Une recyclerie au marché  ", ["alimentation"], "Lille")
    second = store.add_idea(WALL, "", ["logement", "énergie"], "Lille")
    store.add_idea(WALL, "Ailleurs", [], "Nantes")
    pending = store.ideas(WALL, venue="Lille", status="pending")
    assert [idea.id for idea in pending] == [second, first]  # newest first
    assert pending[1].text == "Une recyclerie au marché" and pending[1].tags == ("alimentation",)
    assert pending[0].tags == ("logement", "énergie")
    assert store.ideas(WALL, venue="Lille", status="approved") == []

    store.moderate(first, "approved")
    store.moderate(second, "hidden")
    assert [idea.text for idea in store.ideas(WALL, venue="Lille", status="approved")] == ["Une recyclerie au marché"]
    assert [idea.id for idea in store.ideas(status="hidden")] == [second]
    store.moderate(second, "approved")  # a facilitator may change their mind
    assert len(store.ideas(WALL, venue="Lille", status="approved")) == 2
    assert len(store.ideas()) == 3


def test_an_idea_keeps_no_trace_of_its_author(store):
    store.add_idea(WALL, "Un café associatif", ["culture"], "Lille")
    columns = [row[1] for row in store._db.execute("PRAGMA table_info(ideas)")]
    assert columns == ["id", "exhibit", "venue", "text", "tags", "status", "created"]
    created = store.ideas()[0].created
    assert created.endswith("+00:00") and len(created) == len("2026-03-12T14:05+00:00")  # to the minute


def test_idea_errors(store):
    with pytest.raises(ValueError, match="a text or at least one tag"):
        store.add_idea(WALL, "   ", [], "")
    number = store.add_idea(WALL, "ok", [], "")
    with pytest.raises(ValueError, match="unknown idea status 'published'"):
        store.moderate(number, "published")
    with pytest.raises(KeyError, match="no idea number 999"):
        store.moderate(999, "approved")
    with pytest.raises(ValueError, match="unknown idea status"):
        store.ideas(status="published")


def test_session_log(store):
    store.log("poll", "alternatives-sondage: 2", "Lille")
    store.log("idle", "reset", "Nantes")
    assert [(e.event, e.detail, e.venue) for e in store.log_entries()] == [
        ("poll", "alternatives-sondage: 2", "Lille"), ("idle", "reset", "Nantes")]
    assert [e.event for e in store.log_entries(venue="Nantes")] == ["idle"]


def test_reopening_keeps_everything(tmp_path):
    path = tmp_path / "kiosk" / "records.db"
    store = RecordStore(path)
    store.vote(POLL, 1, "Lille")
    idea = store.add_idea(WALL, "Une AMAP", ["alimentation"], "Lille")
    store.moderate(idea, "approved")
    store.log("start", "", "Lille")
    store.close()
    again = RecordStore(path)
    assert again.tally(POLL, "Lille", options=2) == [0, 1]
    assert [(i.text, i.status) for i in again.ideas()] == [("Une AMAP", "approved")]
    assert len(again.log_entries()) == 1
    again.close()


def test_version_and_wal_mode(store):
    assert store.version == SCHEMA_VERSION == 1
    assert store.journal_mode == "wal"
    assert store._db.execute("PRAGMA synchronous").fetchone()[0] == 1  # NORMAL


def test_a_newer_file_is_refused(tmp_path):
    path = tmp_path / "records.db"
    db = sqlite3.connect(path)
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    db.close()
    with pytest.raises(RecordError, match="newer than this kiosk"):
        RecordStore(path)


def test_a_file_that_is_not_a_database_is_refused(tmp_path):
    path = tmp_path / "records.db"
    path.write_bytes(b"this is not a database, just some text " * 100)
    with pytest.raises(RecordError, match="cannot be used"):
        RecordStore(path)


def test_a_failed_migration_changes_nothing(tmp_path, monkeypatch):
    def broken(db):
        db.execute("CREATE TABLE half_done (x)")
        raise sqlite3.OperationalError("disk full")

    monkeypatch.setitem(MIGRATIONS, 1, broken)
    with pytest.raises(RecordError):
        RecordStore(tmp_path / "records.db")
    db = sqlite3.connect(tmp_path / "records.db")
    assert db.execute("PRAGMA user_version").fetchone()[0] == 0
    assert db.execute("SELECT name FROM sqlite_master").fetchall() == []


def test_times_are_rounded_to_the_minute():
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d\+00:00", minute_now())
