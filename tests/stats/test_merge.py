"""Merging several kiosks' files: nothing counted twice, foreign files refused, the output never half-written."""

from __future__ import annotations

import sqlite3
import subprocess
import sys

import pytest

from kiosk.stats.merge import merge_files
from kiosk.stats.model import Event
from kiosk.stats.query import summarize
from kiosk.stats.store import SCHEMA_VERSION, StatsError
from tests.conftest import PROJECT
from tests.stats.conftest import D3, NANTES, at, sample_events, write_db


@pytest.fixture
def kiosks(tmp_path):
    """Two kiosks: A has the Lille visits, B the Nantes one."""
    events = sample_events()
    lille = [event for event in events if event.venue != NANTES]
    return (write_db(tmp_path / "a.db", lille), write_db(tmp_path / "b.db", events[len(lille):]),
            len(lille), len(events) - len(lille))


def figures(path):
    summary = summarize(path)
    return summary.events, summary.visits, summary.languages, summary.exhibits, summary.polls


def test_two_kiosks_make_the_whole(kiosks, tmp_path, sample_db):
    a, b, in_a, in_b = kiosks
    result = merge_files([a, b], tmp_path / "all.db")
    assert result.added == {a: in_a, b: in_b}
    assert result.total == in_a + in_b
    assert figures(tmp_path / "all.db") == figures(sample_db)


def test_merging_twice_changes_nothing(kiosks, tmp_path):
    a, b, _, _ = kiosks
    merge_files([a, b], tmp_path / "all.db")
    before = figures(tmp_path / "all.db")
    result = merge_files([a, b], tmp_path / "all.db")
    assert result.added == {a: 0, b: 0}
    assert figures(tmp_path / "all.db") == before


def test_a_then_a_and_b_again_counts_each_event_once(kiosks, tmp_path):
    a, b, in_a, in_b = kiosks
    assert merge_files([a], tmp_path / "all.db").total == in_a
    result = merge_files([a, b, a], tmp_path / "all.db")
    assert result.added == {a: 0, b: in_b}
    assert result.total == in_a + in_b


def test_new_events_of_a_kiosk_are_added_later(kiosks, tmp_path):
    a, b, in_a, in_b = kiosks
    merge_files([a, b], tmp_path / "all.db")
    write_db(b, [Event("visit_start", at(D3, 16), NANTES, 99)])  # the Nantes kiosk carried on
    result = merge_files([a, b], tmp_path / "all.db")
    assert result.added == {a: 0, b: 1}
    assert summarize(tmp_path / "all.db", venue=NANTES).visits == 2


def test_merging_the_output_into_itself_is_skipped(kiosks, tmp_path):
    a, _, in_a, _ = kiosks
    merge_files([a], tmp_path / "all.db")
    result = merge_files([tmp_path / "all.db"], tmp_path / "all.db")
    assert (result.added, result.skipped, result.total) == ({}, [tmp_path / "all.db"], in_a)


def test_a_file_that_is_not_statistics_is_refused_before_anything_is_written(kiosks, tmp_path):
    a, _, _, _ = kiosks
    records = tmp_path / "records.db"
    with sqlite3.connect(records) as db:
        db.execute("CREATE TABLE votes (exhibit TEXT)")
    db.close()
    notes = tmp_path / "notes.txt"
    notes.write_text("a shopping list, not a database " * 30)
    for bad, message in ((records, "records.db is not a kiosk statistics file"),
                         (notes, "notes.txt is not a kiosk statistics file"),
                         (tmp_path / "missing.db", "there is no statistics file at .*missing.db")):
        with pytest.raises(StatsError, match=message):
            merge_files([a, bad], tmp_path / "all.db")
        assert not (tmp_path / "all.db").exists()


def test_an_output_that_is_not_statistics_is_refused(kiosks, tmp_path):
    a, _, _, _ = kiosks
    out = tmp_path / "out.db"
    with sqlite3.connect(out) as db:
        db.execute("CREATE TABLE something (other TEXT)")
    db.close()
    with pytest.raises(StatsError, match="out.db is not a kiosk statistics file"):
        merge_files([a], out)


def test_a_newer_input_is_refused(kiosks, tmp_path):
    a, b, _, _ = kiosks
    with sqlite3.connect(b) as db:
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    db.close()
    with pytest.raises(StatsError, match="newer than this kiosk"):
        merge_files([a, b], tmp_path / "all.db")


def test_an_input_left_by_a_killed_kiosk_is_read_whole(tmp_path):
    """A kiosk switched off mid-write leaves stats.db-wal beside the file: merging reads it too."""
    script = ("import os, sys; from kiosk.stats.store import open_stats, insert_events; from kiosk.stats.model import "
              "Event; db = open_stats(sys.argv[1]); insert_events(db, [Event('visit_start', 1e9)] * 3); os._exit(0)")
    subprocess.run([sys.executable, "-c", script, str(tmp_path / "kiosk.db")], check=True, cwd=PROJECT)
    assert (tmp_path / "kiosk.db-wal").exists()
    assert merge_files([tmp_path / "kiosk.db"], tmp_path / "all.db").total == 3
