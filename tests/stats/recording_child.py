"""The recording process that tests/stats/test_kill.py kills: records events through StatsRecorder, flat out.

    python -S tests/stats/recording_child.py STATS_DB COUNTER_FILE RUN_NAME

It starts recording when a line arrives on stdin, so the test can start Python while the
previous run is still writing (and it ends quietly on end of file). Every event gets the
venue RUN_NAME and the next number (``visit``: 1, 2, 3, …). After each transaction the
writer prints, flushed, how many events it knows are committed. The producer keeps at most
one batch in flight (as a kiosk, a few events a second, always does) and writes how many
events it handed to ``record()`` into COUNTER_FILE (8 bytes, mapped in memory, so the count
survives SIGKILL). Standard library only (``-S``): it starts fast.
"""

import mmap
import os
import struct
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from kiosk.stats.model import Event  # noqa: E402
from kiosk.stats.recorder import BATCH_SIZE, StatsRecorder  # noqa: E402


def committed(written: int) -> None:
    sys.stdout.write(f"{written}\n")
    sys.stdout.flush()


def main(db: str, counter_file: str, run: str) -> None:
    descriptor = os.open(counter_file, os.O_RDWR)
    counter = mmap.mmap(descriptor, 8)
    if not sys.stdin.readline():
        return  # the test ended before this run: nothing to do
    recorder = StatsRecorder(Path(db), retention_days=None, on_commit=committed)
    number = 0
    while True:
        while recorder.pending >= BATCH_SIZE:
            time.sleep(0.0002)
        number += 1
        recorder.record(Event("exhibit_close", time.time(), run, number, "origines-quiz", "fr", 42.0))
        counter[:8] = struct.pack("<q", number)


if __name__ == "__main__":
    main(*sys.argv[1:4])
