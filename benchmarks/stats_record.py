"""Recording 100,000 events through StatsRecorder (target ≤ 10 s), and how long one record() call takes.

The events are a busy kiosk's (see stats_query.py), recorded from this thread as the UI
thread would (it never waits for the disk: the writer thread does). Prints:

- flat out: the total time, from the first record() to flush() returning with everything on
  disk, and the events written, dropped and the transactions the writer used;
- one record() call: median, 99th percentile, 99.9th percentile and worst (target: well under
  1 ms; a frame is 16.7 ms), flat out (the writer busy all along, competing for the GIL) and
  at a steady 1,000 events a second (far more than visitors make, as the UI thread would).

Run: ``python benchmarks/stats_record.py [--count 100000] [--paced 2000]``.
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from pathlib import Path

from stats_query import kiosk_year

from kiosk.stats.recorder import StatsRecorder


def realistic_events(count: int) -> list:
    events = []
    for day in kiosk_year(random.Random(7), visits_per_day=300):
        events += day
        if len(events) >= count:
            return events[:count]
    raise SystemExit(f"a year of the benchmark kiosk has fewer than {count} events")


def record_all(path: Path, events: list, pause: float = 0.0) -> tuple[float, list[int], StatsRecorder, list[int]]:
    """Record ``events`` (``pause`` seconds apart); the total time, each call's nanoseconds, the recorder, commits."""
    commits: list[int] = []
    recorder = StatsRecorder(path, retention_days=None, on_commit=commits.append)
    calls = []
    started = time.perf_counter()
    for event in events:
        before = time.perf_counter_ns()
        recorder.record(event)
        calls.append(time.perf_counter_ns() - before)
        if pause:
            time.sleep(pause)
    recorder.flush()
    total = time.perf_counter() - started
    recorder.close()
    return total, calls, recorder, commits


def call_times(calls: list[int]) -> tuple[str, float]:
    """'median …, 99th percentile …, 99.9th …, worst …' in µs, and the 99th percentile."""
    micro = sorted(nanoseconds / 1000 for nanoseconds in calls)

    def share(part: float) -> float:
        return micro[min(len(micro) - 1, int(part * len(micro)))]

    return (f"median {statistics.median(micro):.1f} µs, 99th percentile {share(0.99):.1f} µs, "
            f"99.9th {share(0.999):.1f} µs, worst {micro[-1]:.0f} µs"), share(0.99)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--paced", type=int, default=2000, help="events recorded 1 ms apart (0: skip)")
    args = parser.parse_args()
    events = realistic_events(args.count)
    with tempfile.TemporaryDirectory() as temporary:
        total, calls, recorder, commits = record_all(Path(temporary) / "stats.db", events)
        paced = record_all(Path(temporary) / "paced.db", events[:args.paced], 0.001)[1] if args.paced else []
    flat_out, p99 = call_times(calls)
    print(f"events recorded:           {len(events):,} (written {recorder.written:,}, dropped {recorder.dropped})")
    print(f"total, to all on disk:     {total:.2f} s ({len(events) / total:,.0f} events/s, "
          f"{len(commits)} transactions)")
    print(f"one record(), flat out:    {flat_out}")
    if paced:
        print(f"one record(), 1,000/s:     {call_times(paced)[0]} ({len(paced):,} calls)")
    met = total <= 10 and p99 < 1000 and recorder.dropped == 0
    print(f"target:                    ≤ 10 s in total, record() well under 1 ms -> {'met' if met else 'NOT met'}")


if __name__ == "__main__":
    main()
