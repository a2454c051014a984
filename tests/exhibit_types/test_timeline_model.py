"""Timeline dates as a visitor reads them, left to right and right to left (no window)."""

from __future__ import annotations

from kiosk.exhibit_types.timeline.model import TimelineDate


def test_a_single_date_reads_as_written_in_both_directions():
    for text in ("1844", "1844-12", "1844-12-21", "-500"):
        date = TimelineDate.parse(text)
        assert date.label() == date.label(rtl=True) == text


def test_a_range_puts_its_first_year_on_the_reading_side():
    date = TimelineDate.parse("1939/1945")
    assert date.label() == "1939 – 1945"
    assert date.label(rtl=True) == "1945 – 1939"        # read from the right: 1939 first, digits unreversed
