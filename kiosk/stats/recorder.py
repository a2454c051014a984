"""Recording statistics without ever making the visitor wait: a queue and one writer thread. No Kivy here::

    recorder = StatsRecorder(data_dir() / "stats.db")      # opens the file in its own thread
    recorder.record(Event("visit_start", time.time(), venue="Lille 2026-03-12", visit=visit))
    recorder.flush()      # waits until what was recorded is on disk (tests, before an export)
    recorder.close()      # at the app's stop: writes what is queued, then closes the file

``record()`` only appends the event to a queue: it never waits for the disk or the writer
(it takes a lock only to wake the writer when a full batch waits) and never raises. The writer thread wakes every :data:`INTERVAL_SECONDS`
(or as soon as :data:`BATCH_SIZE` events wait) and writes what is queued, at most
:data:`BATCH_SIZE` events per transaction. A power cut or a killed process loses at most
the events not committed yet, never the file.

When something goes wrong the kiosk carries on and the visitor sees nothing: a full queue
or a failing disk drops events, which are counted (``dropped``) and logged once, and
``problem`` says what happened for the facilitator. The writer tries the file again
every :data:`RETRY_SECONDS` after it failed.

At start-up the writer deletes the events older than ``retention_days`` (default two years).
"""

from __future__ import annotations

import itertools
import logging
import sqlite3
import threading
import time
from collections import deque
from pathlib import Path
from typing import Callable

from kiosk.stats.model import Event
from kiosk.stats.store import DEFAULT_RETENTION_DAYS, INSERT, StatsError, event_row, new_ids, open_stats, purge_events

log = logging.getLogger(__name__)

BATCH_SIZE = 200         # events per transaction, at most
INTERVAL_SECONDS = 0.5   # the writer wakes this often: an event waits at most this long for its transaction
MAX_QUEUE = 100_000      # events waiting for the disk; beyond that they are dropped (a disk stalled for hours)
RETRY_SECONDS = 30.0     # after a failure, how long before the writer tries the file again


class StatsRecorder:
    """``StatsRecorder(path)``: record events from any thread; ``close()`` at the end.

    ``on_commit(written)``, when given, is called in the writer thread after each transaction
    with the number of events written so far (tests use it).
    """

    def __init__(self, path: Path, retention_days: int | None = DEFAULT_RETENTION_DAYS, *,
                 batch_size: int = BATCH_SIZE, interval: float = INTERVAL_SECONDS, max_queue: int = MAX_QUEUE,
                 on_commit: Callable[[int], None] | None = None):
        if retention_days is not None and (isinstance(retention_days, bool) or not isinstance(retention_days, int)
                                           or retention_days < 1):
            raise ValueError(f"retention_days is a whole number of days, 1 or more, or None; not {retention_days!r}")
        self.path = Path(path)
        self.retention_days = retention_days
        self.batch_size, self.interval, self.max_queue, self.on_commit = batch_size, interval, max_queue, on_commit
        self.written = 0                   # events committed to the file
        self.problem: str | None = None    # the last failure, for the facilitator; None while all is well
        self._queue: deque[Event] = deque()   # append and popleft are atomic: no lock between UI and writer
        self._accepted, self._accepted_count = 0, itertools.count(1)   # next() on a count is atomic too
        self._refused, self._refused_count = 0, itertools.count(1)
        self._settled = 0                  # events the writer took and wrote or dropped
        self._lost = 0                     # … dropped: invalid, or the disk failed
        self._progress = threading.Condition()   # flush() waits on it; the writer notifies after each batch
        self._wake = threading.Event()
        self._closed = False
        self._warned: set[str] = set()
        self._db: sqlite3.Connection | None = None
        self._next_try = 0.0
        self._failing = False              # the file failed; the next successful write says it works again
        self._thread = threading.Thread(target=self._run, name="stats-writer", daemon=True)
        self._thread.start()

    # --- the UI side: never waits, never raises -------------------------------------------------
    def record(self, event: Event) -> None:
        """Queue ``event`` for writing. Returns at once; an event that cannot be queued is counted in ``dropped``."""
        try:
            if self._closed or len(self._queue) >= self.max_queue:
                return self._refuse()
            self._accepted = next(self._accepted_count)
            self._queue.append(event)
            if len(self._queue) >= self.batch_size and not self._wake.is_set():
                self._wake.set()  # a full batch: no need to wait for the writer's next round
        except Exception:  # a visitor must never see a statistics problem
            log.exception("stats: could not queue %r", event)

    @property
    def dropped(self) -> int:
        """Events lost: the queue was full, they came after close(), they were invalid, or the disk failed."""
        return self._refused + self._lost

    @property
    def pending(self) -> int:
        """Events queued and not yet written (or dropped) by the writer."""
        return max(0, self._accepted - self._settled)

    def flush(self, timeout: float | None = None) -> bool:
        """Wait until every event recorded so far is written (or dropped); False after ``timeout`` seconds."""
        target = self._accepted
        if not self._thread.is_alive():
            return self._settled >= target
        self._wake.set()
        with self._progress:
            return self._progress.wait_for(lambda: self._settled >= target, timeout)

    def close(self, timeout: float = 10.0) -> None:
        """Write what is queued, close the file and end the writer. Later ``record()`` calls are dropped."""
        if self._closed:
            return
        self._closed = True
        self._wake.set()
        self._thread.join(timeout)
        if self._thread.is_alive():
            log.error("stats: the writer did not finish within %.0f s; %d events may be lost", timeout, self.pending)
            return
        left = len(self._queue)  # recorded while close() ran, after the writer's last round
        self._lost += left
        self._settled += left
        if self.dropped:
            log.warning("stats: %d events were dropped while recording (%s)", self.dropped, self.problem or "see above")

    def _refuse(self) -> None:
        self._refused = next(self._refused_count)
        if self._closed:
            self._warn_once("closed", "an event came after close(); it is not recorded")
        else:
            self._warn_once("full", f"the queue is full ({self.max_queue} events wait for the disk): "
                                    f"events are dropped until it drains")

    def _warn_once(self, reason: str, message: str) -> None:
        if reason not in self._warned:
            self._warned.add(reason)
            log.warning("stats: %s", message)
            if reason == "full":
                self.problem = message

    # --- the writer thread ----------------------------------------------------------------------
    def _run(self) -> None:
        self._ensure_open()
        while not (self._closed and not self._queue):
            self._wake.wait(self.interval)
            self._wake.clear()
            self._drain()
        self._close_file()

    def _drain(self) -> None:
        """Write everything queued, batch_size events per transaction."""
        while self._queue:
            batch = [self._queue.popleft() for _ in range(min(len(self._queue), self.batch_size))]
            try:
                self._write(batch)
            except Exception:  # keep the writer alive whatever happens
                log.exception("stats: unexpected error; %d events are dropped", len(batch))
                self._settle(len(batch), dropped=len(batch))

    def _write(self, batch: list[Event]) -> None:
        rows = self._rows(batch)
        if not (rows and self._ensure_open()):
            return self._settle(len(batch), dropped=len(batch))
        try:
            with self._db:
                self._db.executemany(INSERT, rows)
        except sqlite3.Error as exc:
            self._failed(f"writing {self.path} failed ({exc}); events are dropped until it works again")
            return self._settle(len(batch), dropped=len(batch))
        self.written += len(rows)
        if self._failing:
            log.warning("stats: %s works again", self.path)
            self._failing, self.problem = False, None
        if self.on_commit:
            self._call_on_commit()
        self._settle(len(batch), dropped=len(batch) - len(rows))  # last: flush() returns once all this is done

    def _call_on_commit(self) -> None:
        try:
            self.on_commit(self.written)
        except Exception:
            log.exception("stats: on_commit failed")

    def _rows(self, batch: list[Event]) -> list[tuple]:
        rows = []
        for event, event_id in zip(batch, new_ids(len(batch))):
            try:
                rows.append(event_row(event, event_id))
            except (ValueError, TypeError, AttributeError) as exc:
                log.error("stats: an invalid event is not recorded: %s (%r)", exc, event)
        return rows

    def _settle(self, count: int, dropped: int = 0) -> None:
        """``count`` events taken from the queue are done with, ``dropped`` of them lost."""
        self._lost += dropped
        with self._progress:
            self._settled += count
            self._progress.notify_all()

    def _ensure_open(self) -> bool:
        """True when the file is open; tries to open it (again) at most every RETRY_SECONDS."""
        if self._db is not None:
            return True
        if time.monotonic() < self._next_try:
            return False
        try:
            self._db = open_stats(self.path)
            self._purge_old()
        except StatsError as exc:
            self._failed(f"statistics are not recorded: {exc}")
            return False
        return True

    def _purge_old(self) -> None:
        if not self.retention_days:
            return
        try:
            removed = purge_events(self._db, self.retention_days)
        except sqlite3.Error as exc:
            log.warning("stats: could not remove events older than %d days from %s: %s",
                        self.retention_days, self.path, exc)
            return
        if removed:
            log.info("stats: removed %d events older than %d days", removed, self.retention_days)

    def _failed(self, message: str) -> None:
        """Log a failure once (until it clears), close the file and try again later."""
        if message != self.problem:
            log.error("stats: %s", message)
        self.problem, self._failing = message, True
        self._close_file()
        self._next_try = time.monotonic() + RETRY_SECONDS

    def _close_file(self) -> None:
        if self._db is None:
            return
        try:
            self._db.close()
        except sqlite3.Error as exc:
            log.warning("stats: closing %s: %s", self.path, exc)
        self._db = None
