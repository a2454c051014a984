"""The recorder: it writes what it gets, off the caller's thread, and never lets a failure reach the caller."""

from __future__ import annotations

import logging
import sqlite3
import threading
import time

import pytest

from kiosk.stats import recorder as recorder_module
from kiosk.stats.model import KINDS, Event
from kiosk.stats.recorder import StatsRecorder
from kiosk.stats.store import DAY
from tests.stats.conftest import sample_events, write_db


def stored(path) -> list[tuple]:
    with sqlite3.connect(path) as db:
        rows = db.execute("SELECT kind, at, venue, visit, exhibit, language, value, detail FROM events "
                          "ORDER BY rowid").fetchall()
    db.close()
    return rows


@pytest.fixture
def make_recorder(tmp_path):
    made = []

    def make(path=None, **options) -> StatsRecorder:
        options.setdefault("retention_days", None)
        made.append(StatsRecorder(path or tmp_path / "stats.db", **options))
        return made[-1]

    yield make
    for recorder in made:
        recorder.close()


def test_it_writes_every_event_it_gets_in_order(make_recorder, tmp_path):
    recorder = make_recorder()
    events = sample_events()
    for event in events:
        recorder.record(event)
    assert recorder.flush(timeout=10)
    assert (recorder.written, recorder.dropped, recorder.pending, recorder.problem) == (len(events), 0, 0, None)
    assert stored(tmp_path / "stats.db") == [(e.kind, int(e.at), e.venue, e.visit, e.exhibit, e.language, e.value,
                                              e.detail) for e in events]


def test_close_writes_what_is_queued(tmp_path):
    recorder = StatsRecorder(tmp_path / "stats.db", interval=60.0)  # the writer would wait a minute: close() wakes it
    for number in range(10):
        recorder.record(Event("visit_start", time.time(), visit=number + 1))
    recorder.close()
    assert len(stored(tmp_path / "stats.db")) == 10
    assert recorder.written == 10
    recorder.close()  # twice is harmless


def test_batches_are_at_most_batch_size(make_recorder):
    commits = []
    recorder = make_recorder(batch_size=7, on_commit=commits.append)
    for number in range(30):
        recorder.record(Event("visit_start", time.time(), visit=number + 1))
    assert recorder.flush(timeout=10)
    steps = [after - before for before, after in zip([0, *commits], commits)]
    assert sum(steps) == 30 and max(steps) <= 7


def test_record_never_raises_even_after_close(make_recorder, caplog):
    recorder = make_recorder()
    recorder.close()
    with caplog.at_level(logging.WARNING, "kiosk.stats"):
        for _ in range(3):
            recorder.record(Event("visit_start", time.time()))
        recorder.record(None)
    assert recorder.dropped == 4
    assert len([r for r in caplog.records if "after close()" in r.message]) == 1  # logged once
    assert recorder.flush(timeout=1) is True


def test_an_invalid_event_is_dropped_and_the_rest_written(make_recorder, tmp_path, caplog):
    recorder = make_recorder()
    with caplog.at_level(logging.ERROR, "kiosk.stats"):
        recorder.record(Event("visit_start", time.time()))
        recorder.record(Event("teleport", time.time()))
        recorder.record("not an event")
        recorder.record(Event("visit_end", time.time(), value=12))
        assert recorder.flush(timeout=10)
    assert [row[0] for row in stored(tmp_path / "stats.db")] == ["visit_start", "visit_end"]
    assert (recorder.written, recorder.dropped) == (2, 2)
    assert "unknown event kind 'teleport'" in caplog.text


def test_a_full_queue_drops_counts_and_logs_once(make_recorder, tmp_path, monkeypatch, caplog):
    gate = threading.Event()
    real_open = recorder_module.open_stats
    monkeypatch.setattr(recorder_module, "open_stats", lambda path: gate.wait(10) and real_open(path))
    recorder = make_recorder(max_queue=5)  # the writer is stuck opening the file: nothing drains
    with caplog.at_level(logging.WARNING, "kiosk.stats"):
        started = time.perf_counter()
        for number in range(20):
            recorder.record(Event("visit_start", time.time(), visit=number + 1))
        assert time.perf_counter() - started < 5  # it would wait 10 s if record() waited for the disk
    assert recorder.dropped >= 14
    assert len([r for r in caplog.records if "queue is full" in r.message]) == 1
    assert "queue is full" in recorder.problem
    gate.set()
    assert recorder.flush(timeout=10)
    assert len(stored(tmp_path / "stats.db")) == recorder.written == 20 - recorder.dropped


def test_a_failing_disk_drops_events_and_the_kiosk_carries_on(make_recorder, tmp_path, monkeypatch, caplog):
    monkeypatch.setattr(recorder_module, "RETRY_SECONDS", 0.0)
    recorder = make_recorder()
    recorder.record(Event("visit_start", time.time(), visit=1))
    assert recorder.flush(timeout=10)

    broken = threading.Event()
    broken.set()

    class FailingDisk:
        """The real file, whose writes fail while ``broken`` is set."""

        def __init__(self, db):
            self.db = db

        def executemany(self, *args):
            if broken.is_set():
                raise sqlite3.OperationalError("disk I/O error")
            return self.db.executemany(*args)

        def __getattr__(self, name):
            return getattr(self.db, name)

        def __enter__(self):
            return self.db.__enter__()

        def __exit__(self, *exc):
            return self.db.__exit__(*exc)

    recorder._db = FailingDisk(recorder._db)
    real_open = recorder_module.open_stats
    monkeypatch.setattr(recorder_module, "open_stats", lambda path: FailingDisk(real_open(path)))
    with caplog.at_level(logging.WARNING, "kiosk.stats"):
        for number in range(2, 5):
            recorder.record(Event("visit_start", time.time(), visit=number))
            assert recorder.flush(timeout=10)
        assert "disk I/O error" in recorder.problem
        broken.clear()
        recorder.record(Event("visit_start", time.time(), visit=5))
        assert recorder.flush(timeout=10)
    assert [row[3] for row in stored(tmp_path / "stats.db")] == [1, 5]
    assert (recorder.written, recorder.dropped, recorder.problem) == (2, 3, None)
    assert len([r for r in caplog.records if "disk I/O error" in r.message]) == 1
    assert "works again" in caplog.text


def test_a_file_it_cannot_use_leaves_the_kiosk_running(make_recorder, tmp_path, caplog):
    (tmp_path / "stats.db").write_text("this is not a database, it is a shopping list " * 20)
    with caplog.at_level(logging.ERROR, "kiosk.stats"):
        recorder = make_recorder()
        recorder.record(Event("visit_start", time.time()))
        assert recorder.flush(timeout=10)
    assert (recorder.written, recorder.dropped) == (0, 1)
    assert "statistics are not recorded" in recorder.problem
    assert "stats.db" in caplog.text


def test_old_events_are_purged_when_it_opens(tmp_path):
    path = write_db(tmp_path / "stats.db", [Event("visit_start", time.time() - 800 * DAY),
                                            Event("visit_start", time.time() - 10 * DAY)])
    recorder = StatsRecorder(path)  # the default retention: two years
    recorder.record(Event("visit_end", time.time()))
    recorder.close()
    assert [row[0] for row in stored(path)] == ["visit_start", "visit_end"]


def test_record_is_quick_from_several_threads(make_recorder, tmp_path):
    recorder = make_recorder()

    def visitor(thread: int) -> None:
        for number in range(500):
            recorder.record(Event(KINDS[number % len(KINDS)], time.time(), f"t{thread}", number))

    threads = [threading.Thread(target=visitor, args=(thread,)) for thread in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert recorder.flush(timeout=30)
    assert recorder.written == len(stored(tmp_path / "stats.db")) == 2000


@pytest.mark.parametrize("days", [0, 1.5, "730"])
def test_a_wrong_retention_is_a_mistake_in_the_code(tmp_path, days):
    with pytest.raises(ValueError, match="retention_days"):
        StatsRecorder(tmp_path / "stats.db", retention_days=days)
