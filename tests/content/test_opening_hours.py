"""opening_hours in collection.yaml: read by the validator, with a clear message when it is wrong (kiosk.opening)."""

from __future__ import annotations

from datetime import datetime

import pytest

from kiosk.cli import main
from kiosk.content.loader import load_content
from kiosk.opening import OpeningHours, OpeningHoursError, clock_source, should_sleep

SUNDAY_EVENING, TUESDAY_MORNING = datetime(2026, 12, 6, 19, 0), datetime(2026, 12, 8, 11, 0)
CHRISTMAS_NOON = datetime(2026, 12, 25, 12, 0)   # a Friday


def with_hours(folder, *lines: str):
    collection = folder / "collection.yaml"
    collection.write_text(collection.read_text() + "".join(line + "\n" for line in lines))
    return load_content(folder)


def test_the_collection_carries_the_venues_hours_with_its_holidays(root):
    content = with_hours(root("base"), 'opening_hours: "Tu-Su 10:00-18:00; PH off"', "country: FR")
    assert content.ok and not content.findings
    hours = content.collection.opening_hours
    assert hours.is_open(TUESDAY_MORNING) and not hours.is_open(SUNDAY_EVENING)
    assert not hours.is_open(CHRISTMAS_NOON), "a French public holiday"
    assert hours.next_opening(SUNDAY_EVENING) == datetime(2026, 12, 8, 10, 0), "Monday is closed"


def test_a_mistyped_expression_is_an_error_at_its_line_with_the_way_to_write_it(root, capsys):
    folder = root("base")
    content = with_hours(folder, 'opening_hours: "Tu-Su 10h-18h"')
    (finding,) = [f for f in content.findings if f.is_error]
    assert finding.line == 10 and finding.file.name == "collection.yaml"
    assert finding.message == "'Tu-Su 10h-18h' is not an opening-hours expression (at character 7)"
    assert "10:00-18:00" in finding.hint and "Tu-Su 10:00-18:00; PH off" in finding.hint
    assert main(["validate", str(folder)]) == 1
    assert "collection.yaml:10" in capsys.readouterr().out


def test_an_unknown_country_is_an_error_on_the_country_line(root):
    content = with_hours(root("base"), 'opening_hours: "Tu-Su 10:00-18:00; PH off"', "country: ZZ")
    (finding,) = [f for f in content.findings if f.is_error]
    assert finding.line == 11 and "'ZZ' is not a country code" in finding.message


def test_public_holidays_without_a_country_are_a_warning(root):
    content = with_hours(root("base"), 'opening_hours: "Tu-Su 10:00-18:00; PH off"')
    assert content.ok
    (finding,) = content.findings
    assert finding.severity == "warning" and finding.line == 10 and "country: FR" in finding.hint


@pytest.mark.parametrize("expression, now, at_rest, trusted, asleep", [
    ("Tu-Su 10:00-18:00", SUNDAY_EVENING, True, True, True),      # closed, nobody: dark
    ("Tu-Su 10:00-18:00", SUNDAY_EVENING, False, True, False),    # closed, but a visitor is still there
    ("Tu-Su 10:00-18:00", TUESDAY_MORNING, True, True, False),    # open
    ("Tu-Su 10:00-18:00", SUNDAY_EVENING, True, False, False),    # nothing vouches for the clock: awake
    ("Tu-Su 10:00-18:00", datetime(2019, 3, 3, 22, 0), True, True, False),   # a clock that cannot be right: awake
    ("Mo-Su 10:00-18:00 unknown", SUNDAY_EVENING.replace(hour=11), True, True, False),   # unsure: awake
    ("off", TUESDAY_MORNING, True, True, True),
])
def test_the_kiosk_sleeps_only_when_closed_at_rest_and_sure_of_the_time(expression, now, at_rest, trusted, asleep):
    assert should_sleep(OpeningHours.parse(expression), now, at_rest, trusted) is asleep


def test_what_vouches_for_the_clock(tmp_path):
    synced, rtc = tmp_path / "synchronized", tmp_path / "rtc0"
    assert clock_source({}, synced, rtc) is None, "a Raspberry Pi 4 with no network"
    assert clock_source({"KIOSK_CLOCK_TRUSTED": "1"}, synced, rtc) == "venue"
    rtc.mkdir()
    assert clock_source({}, synced, rtc) == "battery"
    synced.touch()
    assert clock_source({}, synced, rtc) == "network"


def test_no_hours_means_always_awake_and_an_empty_expression_is_refused():
    assert not should_sleep(None, SUNDAY_EVENING, True, True)
    with pytest.raises(OpeningHoursError):
        OpeningHours.parse("  ")
