"""Power cuts while recording: a process writing statistics flat out is killed (SIGKILL) 100 times.

All the runs share one file, which must survive every kill: after each one it passes
``PRAGMA integrity_check``, holds every event the writer said it had committed, holds the
run's events without a gap (whole transactions only), and has lost at most the events
that were still in flight, which is at most one batch.
"""

from __future__ import annotations

import mmap
import os
import random
import signal
import sqlite3
import struct
import subprocess
import sys
import time
from pathlib import Path

from kiosk.stats.model import Event
from kiosk.stats.recorder import BATCH_SIZE, StatsRecorder

CHILD = Path(__file__).with_name("recording_child.py")
KILLS = 100


def start_child(db: Path, counter: Path, run: str) -> subprocess.Popen:
    """A recording process, started and waiting for a line on stdin to begin."""
    counter.write_bytes(bytes(8))
    return subprocess.Popen([sys.executable, "-S", str(CHILD), str(db), str(counter), run],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def go(child: subprocess.Popen) -> None:
    child.stdin.write("go\n")
    child.stdin.flush()


def kill_while_writing(child: subprocess.Popen, rng: random.Random) -> list[int]:
    """Wait for the child's first commit, let it write a random short while, SIGKILL it; its commit lines."""
    first = child.stdout.readline()
    assert first, f"the recording process ended before its first commit: {child.stderr.read()}"
    time.sleep(rng.uniform(0.0, 0.03))
    child.send_signal(signal.SIGKILL)
    rest, errors = child.communicate(timeout=10)
    assert child.returncode == -signal.SIGKILL, errors
    return [int(line) for line in (first + rest).split()]


def run_events(db: Path, run: str) -> tuple[int, int, int]:
    """The run's events in the file: how many, the lowest and the highest number; and the file is whole."""
    with sqlite3.connect(db) as connection:
        connection.execute("PRAGMA synchronous=OFF")  # its checkpoint on closing need not wait for the disk
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        count, lowest, highest = connection.execute(
            "SELECT COUNT(*), MIN(visit), MAX(visit) FROM events WHERE venue = ?", (run,)).fetchone()
    connection.close()
    return count, lowest or 0, highest or 0


def recorded(counter: Path) -> int:
    """How many events the killed process had handed to record()."""
    with open(counter, "rb") as stream, mmap.mmap(stream.fileno(), 8, access=mmap.ACCESS_READ) as view:
        return struct.unpack("<q", view[:8])[0]


def test_the_file_survives_100_kills_while_recording(tmp_path, capsys):
    db = tmp_path / "stats.db"
    rng = random.Random(20260312)
    largest_loss = largest_unannounced = 0
    started = time.monotonic()
    child = start_child(db, tmp_path / "counter-0", "run-0")
    try:
        for number in range(KILLS):
            run, counter = f"run-{number}", tmp_path / f"counter-{number}"
            go(child)
            upcoming = start_child(db, tmp_path / f"counter-{number + 1}", f"run-{number + 1}")  # Python starts
            committed = kill_while_writing(child, rng)                                       # while this one writes
            count, lowest, highest = run_events(db, run)
            assert committed and count >= committed[-1], (run, count, committed[-3:])
            assert (lowest, highest) == (1, count), f"{run}: events 1..{count} expected, found {lowest}..{highest}"
            largest_unannounced = max(largest_unannounced, count - committed[-1])  # committed, killed before printing
            largest_loss = max(largest_loss, recorded(counter) - count)             # recorded, never committed
            child = upcoming
    finally:
        child.kill()
        child.communicate()
    elapsed = time.monotonic() - started
    with capsys.disabled():
        print(f"\n{KILLS} kills in {elapsed:.1f} s: largest loss {largest_loss} events in flight "
              f"(batch {BATCH_SIZE}); committed but not yet announced, at most {largest_unannounced}")
    assert largest_loss <= BATCH_SIZE
    assert largest_unannounced <= BATCH_SIZE
    assert_still_usable(db)


def assert_still_usable(db: Path) -> None:
    """After all the kills, a new recorder writes to the same file as if nothing had happened."""
    recorder = StatsRecorder(db, retention_days=None)
    recorder.record(Event("visit_start", time.time(), "after the kills", 1))
    assert recorder.flush(timeout=10)
    recorder.close()
    assert run_events(db, "after the kills")[0] == 1
    assert not os.path.exists(f"{db}-wal") or os.path.getsize(f"{db}-wal") == 0
