"""The pause before a restart grows when the kiosk keeps failing, and only then (kiosk.restarts, kiosk backoff)."""

from __future__ import annotations

import json

import pytest

from kiosk import restarts
from kiosk.cli import main
from kiosk.restarts import FIRST_PAUSE, LONGEST, StartLog, pause_before


def test_the_first_starts_come_at_once_then_the_pause_doubles_up_to_five_minutes():
    now = 10_000.0
    pauses = [pause_before([now - 10 * i for i in range(count)], now) for count in range(0, 12)]
    assert pauses[:3] == [0, 0, 0]
    assert pauses[3:7] == [FIRST_PAUSE, 2 * FIRST_PAUSE, 4 * FIRST_PAUSE, 8 * FIRST_PAUSE]
    assert pauses[-1] == LONGEST and max(pauses) == LONGEST


def test_a_run_that_lasted_ends_the_series_and_starts_after_now_do_not_count():
    now = 10_000.0
    assert pause_before([now - 3000, now - 2990, now - 2980, now - 2970, now - 601, now + 50], now) == 0


def test_a_kiosk_that_never_stays_up_waits_five_minutes_between_tries_for_good():
    starts, now = [], 0.0
    for _ in range(30):
        pause = pause_before(starts, now)
        starts.append(now + pause)
        now += pause + 3
    gaps = [b - a for a, b in zip(starts, starts[1:])]
    assert gaps[-10:] == [LONGEST + 3] * 10, "it stays at five minutes: not back to 10 s"


@pytest.fixture
def clock(monkeypatch):
    """The clock since boot, and the boot, as the test sets them."""
    state = {"now": 1000.0, "boot": "boot-1"}
    monkeypatch.setattr(restarts, "since_boot", lambda: state["now"])
    monkeypatch.setattr(restarts, "boot_id", lambda: state["boot"])
    return state


def test_a_kiosk_crashing_at_every_start_waits_longer_each_time(tmp_path, clock):
    log = StartLog(tmp_path / "starts.json")
    pauses = []
    for _ in range(6):
        pauses.append(log.record())
        clock["now"] += pauses[-1] + 3   # it crashes 3 s after each start
    assert pauses == [0, 0, 0, 5, 10, 20]
    assert log.recent() == 6


def test_a_new_boot_starts_afresh_and_a_damaged_file_is_not_fatal(tmp_path, clock, caplog):
    log = StartLog(tmp_path / "starts.json")
    for _ in range(5):
        log.record()
    clock["boot"] = "boot-2"
    assert log.record() == 0 and log.recent() == 1
    (tmp_path / "starts.json").write_text("{not json")
    assert log.record() == 0
    assert "counting starts afresh" in caplog.text
    assert json.loads((tmp_path / "starts.json").read_text())["boot"] == "boot-2"


def test_kiosk_backoff_notes_the_start_in_the_data_folder(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("KIOSK_DATA_DIR", str(tmp_path))
    assert main(["backoff"]) == 0
    assert len(json.loads((tmp_path / "starts.json").read_text())["starts"]) == 1
    assert capsys.readouterr().err == ""   # no pause, nothing said
