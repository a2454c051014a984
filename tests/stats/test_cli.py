"""``kiosk stats``, ``kiosk stats purge`` and ``kiosk stats merge``, as a facilitator types them."""

from __future__ import annotations

import os
import time

import pytest

from kiosk.cli import main
from kiosk.stats.model import Event
from kiosk.stats.query import summarize
from kiosk.stats.store import DAY
from tests.stats.conftest import LILLE, NANTES, URL1, sample_events, write_db


def run(capsys, *argv) -> tuple[int, str, str]:
    status = main(["stats", *argv])
    out, err = capsys.readouterr()
    return status, out, err


def test_an_empty_file_says_nothing_is_recorded_yet(capsys, empty_db):
    status, out, err = run(capsys, "--db", str(empty_db))
    assert status == 0, err
    assert out == f"Nothing recorded yet in {empty_db}: the kiosk records visits as they happen.\n"


def test_the_summary_table(capsys, sample_db):
    status, out, err = run(capsys, "--db", str(sample_db))
    assert status == 0, err
    lines = out.splitlines()
    assert lines[0] == f"Visit statistics: all venues, 2026-03-12 to 2026-03-20 (from {sample_db})"
    assert "Visits: 4, median length 2 min 30 s (venues: Lille 2026-03-12, Nantes 2026-03-20)" in lines
    assert "  2026-03-12 Thu       2" in lines
    assert "Exhibits by time spent (all)" in lines
    assert "  exhibit   opened    total time      median" in lines
    assert "  A              3    3 min 10 s  1 min 00 s" in lines
    assert "  fr          2   50 %" in lines
    assert "  switches during a visit: 1" in lines
    assert f"       2  {URL1}" in lines
    assert "  quiz  question 1    50 % right  (1 of 2)" in lines
    assert "  poll  2 votes  option 1: 1 (50 %), option 2: 1 (50 %)" in lines
    assert "Ideas sent to the wall: 1" in lines
    assert lines[-2:] == ["Faults, per exhibit", "       1  B"]


def test_filters_by_venue_and_day(capsys, sample_db):
    status, out, _ = run(capsys, "--db", str(sample_db), "--venue", LILLE, "--since", "2026-03-13")
    assert status == 0
    assert out.splitlines()[0] == f"Visit statistics: {LILLE}, on 2026-03-13 (from {sample_db})"
    assert "Visits: 1, median length 1 min 40 s" in out
    assert "Faults, per exhibit\n  none" in out
    status, out, _ = run(capsys, "--db", str(sample_db), "--venue", "Paris")
    assert out == (f"Nothing recorded in {sample_db} at venue 'Paris'. "
                   f"Venues recorded: '{LILLE}', '{NANTES}'.\n")


def test_a_bad_date_is_a_usage_mistake(capsys, sample_db):
    with pytest.raises(SystemExit) as stop:
        main(["stats", "--db", str(sample_db), "--since", "12/03/2026"])
    assert stop.value.code == 2
    assert "'12/03/2026' is not a date like" in capsys.readouterr().err


def test_a_missing_file_exits_1_and_says_what_to_do(capsys, tmp_path):
    status, out, err = run(capsys, "--db", str(tmp_path / "nope.db"))
    assert (status, out) == (1, "")
    assert err == f"kiosk stats: there is no statistics file at {tmp_path / 'nope.db'}: give the right file with " \
                  f"--db PATH\n"


def test_the_default_file_is_in_the_data_folder(capsys, tmp_path, monkeypatch):
    monkeypatch.setenv("KIOSK_DATA_DIR", str(tmp_path / "data"))
    status, _, err = run(capsys)
    assert status == 1
    assert f"no statistics file at {tmp_path / 'data' / 'stats.db'}: the kiosk creates it" in err
    write_db(tmp_path / "data" / "stats.db", sample_events())
    status, out, _ = run(capsys)
    assert status == 0 and "Visits: 4" in out


def test_a_file_that_is_not_statistics_exits_1(capsys, tmp_path):
    (tmp_path / "notes.db").write_text("a shopping list " * 40)
    status, _, err = run(capsys, "--db", str(tmp_path / "notes.db"))
    assert status == 1
    assert err.startswith(f"kiosk stats: {tmp_path / 'notes.db'} is not a kiosk statistics file")


def test_purge(capsys, tmp_path):
    now = time.time()
    path = write_db(tmp_path / "stats.db", [Event("visit_start", now - days * DAY) for days in (1, 20, 800)])
    status, out, err = run(capsys, "purge", "--db", str(path))
    assert status == 0, err
    assert out.startswith("removed 1 event recorded before ") and out.endswith(f"(older than 730 days) from {path}\n")
    status, out, _ = run(capsys, "--db", str(path), "purge", "--older-than", "10")  # --db before the action works too
    assert status == 0 and out.startswith("removed 1 event ")
    assert summarize(path).events == 1
    status, _, err = run(capsys, "purge", "--db", str(path), "--older-than", "0")
    assert status == 2 and "1 or more" in err


def test_merge(capsys, tmp_path):
    events = sample_events()
    a, b = write_db(tmp_path / "a.db", events[:10]), write_db(tmp_path / "b.db", events[10:])
    out_db = tmp_path / "all.db"
    status, out, err = run(capsys, "merge", str(a), str(b), "-o", str(out_db))
    assert status == 0, err
    assert out == f"{a}: 10 new events\n{b}: {len(events) - 10} new events\n{out_db} now holds {len(events)} events\n"
    status, out, _ = run(capsys, "merge", str(a), "-o", str(out_db))
    assert out == f"{a}: 0 new events\n{out_db} now holds {len(events)} events\n"


def test_merge_refuses_a_foreign_file(capsys, tmp_path):
    notes = tmp_path / "notes.db"
    notes.write_text("a shopping list " * 40)
    status, out, err = run(capsys, "merge", str(notes), "-o", str(tmp_path / "all.db"))
    assert (status, out) == (1, "")
    assert err.startswith(f"kiosk stats merge: {notes} is not a kiosk statistics file")
    assert not os.path.exists(tmp_path / "all.db")
