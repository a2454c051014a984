"""Timeline dates as a visitor sees them: in the visitor's language, whole in their stop, level in the list."""

from __future__ import annotations

import pytest

from kiosk.exhibit_types.timeline.view import format_date
from tests.gui.test_reading_views import _walk, sized  # noqa: F401  (a fixture)
from tests.gui.test_visitor_flow import NAMES, open_exhibit, start_visit

TIMELINE = "alternatives-economie-solidaire"     # has days ("2014-03-24") among its years


def stop_dates(view):
    return [label for stop in view.ids.stops.children for label in stop.children if getattr(label, "text", None) == stop.date]


@pytest.mark.parametrize("sized", [(1280, 800), (1080, 1920)], indirect=True, ids=["1280", "portrait"])
@pytest.mark.parametrize("language", [name for name in NAMES if NAMES[name] in ("fr", "ar", "es", "de")])
def test_a_day_reads_in_the_visitors_language_and_stays_whole_in_its_stop(sized, language):
    kiosk = sized
    start_visit(kiosk, language)
    view = open_exhibit(kiosk, TIMELINE)
    day = next(index for index, event in enumerate(view.events) if event.date.text.count("-") == 2)
    view.select(day)
    kiosk.settle()
    written = view.events[day].date.text
    shown = [stop.date for stop in view.ids.stops.children]
    assert written not in shown, "no date as the YAML writes it"
    assert format_date(view.events[day].date, view.ctx.language, view.ctx.theme.rtl) in shown
    for label in stop_dates(view):
        stop = label.parent
        if stop.x >= view.ids.window.x - 1 and stop.right <= view.ids.window.right + 1:   # a stop in view
            assert label.texture_size[0] <= stop.width - stop.padding[0] - stop.padding[2] + 1, label.text
            assert label.texture_size[1] < view.ctx.theme.body * 2, "on one line"


@pytest.mark.parametrize("sized", [(1920, 1080), (1080, 1920)], indirect=True, ids=["1920", "portrait"])
@pytest.mark.parametrize("language", ["Français", "العربية"])
def test_the_later_dates_titles_start_level(sized, language):
    kiosk = sized
    start_visit(kiosk, language)
    view = open_exhibit(kiosk, TIMELINE)
    index = next(i for i, event in enumerate(view.events) if view.picture(i) is None and i < len(view.events) - 3)
    view.select(index)
    kiosk.settle()
    rows = [row for row in view.ids.later.children if type(row).__name__ == "LaterRow"]
    assert len(rows) >= 2
    starts = {round(row.ids.later_title.to_window(*row.ids.later_title.pos)[0]) for row in rows}
    assert len(starts) == 1, f"the titles start at {starts}"
    for row in rows:
        assert row.ids.later_date.texture_size[1] < view.ctx.theme.body * 2, f"{row.date} on one line"


def test_an_event_without_a_picture_shows_none(fresh):
    kiosk = fresh
    start_visit(kiosk, "English")
    view = open_exhibit(kiosk, "espoirs-associationnisme")
    assert view.events[0].image is None and view.manifest.images, "the first event has no picture, the exhibit a cover"
    view.select(0)
    kiosk.settle()
    assert not view.pictured and not view.ids.aside.children, "the cover is not the first event's picture"
