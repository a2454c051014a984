"""A kiosk whose clock is wrong still counts its visits, and the statistics say their dates cannot be trusted."""

from __future__ import annotations

from datetime import datetime

from kiosk.stats.query import summarize
from kiosk.stats.recorder import StatsRecorder
from kiosk.stats.text import format_summary
from kiosk.visit.visit_stats import VisitStats


def test_visits_recorded_with_a_wrong_clock_are_counted_and_flagged(tmp_path):
    recorder = StatsRecorder(tmp_path / "stats.db", retention_days=None)
    now = {"time": 0.0}
    stats = VisitStats(recorder.record, venue=lambda: "", clock=lambda: now["time"])
    for day in (datetime(2019, 3, 3, 10, 0), datetime(2026, 12, 8, 11, 0)):   # a clock battery gone flat, then set
        now["time"] = day.timestamp()
        stats.visit_started()
        now["time"] += 300
        stats.visit_ended()
    recorder.close()
    summary = summarize(tmp_path / "stats.db")
    assert summary.visits == 2 and summary.wrong_clock_visits == 1
    assert "1 of these visits were recorded while the kiosk's clock was wrong" in format_summary(summary)
