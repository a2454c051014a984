"""Timeline dates as a visitor reads them, left to right and right to left (no window)."""

from __future__ import annotations

from kiosk.exhibit_types.timeline.model import TimelineDate


def test_without_a_language_a_date_reads_as_written_in_both_directions():
    for text in ("1844", "1844-12", "1844-12-21", "-500"):
        date = TimelineDate.parse(text)
        assert date.label() == date.label(rtl=True) == text


def test_a_range_puts_its_first_year_on_the_reading_side():
    date = TimelineDate.parse("1939/1945")
    assert date.label() == "1939 – 1945"
    assert date.label(rtl=True) == "1945 – 1939"        # read from the right: 1939 first, digits unreversed


def test_a_date_reads_in_the_visitors_language():
    day, month = TimelineDate.parse("2014-03-24"), TimelineDate.parse("1844-12")
    assert day.label("fr") == "24 mars 2014"
    assert day.label("en") == "24 March 2014"
    assert day.label("ar") == "24 مارس 2014"           # CLDR's Arabic keeps Western digits, as the kiosk's Arabic does
    assert day.label("de") == "24. März 2014"
    assert month.label("fr") == "décembre 1844" and month.label("en") == "December 1844"
    assert TimelineDate.parse("2014-03-01").label("fr") == "1er mars 2014"
    assert TimelineDate.parse("1844").label("ar") == "1844" and TimelineDate.parse("-500").label("fr") == "-500"
    assert day.label("xx") == day.label() == "2014-03-24"    # a language CLDR does not know: as written


def test_a_range_of_dates_reads_in_the_visitors_language_its_first_date_on_the_reading_side():
    date = TimelineDate.parse("1939-09-01/1945-05")
    assert date.label("fr") == "1er septembre 1939 – mai 1945"
    assert date.label("en", rtl=True) == "May 1945 – 1 September 1939"
