"""The shared-valley game's screens as a group sees them: the end fits whole, the pictures are a stable grid."""

from __future__ import annotations

import pytest

from kiosk.exhibit_types.commons.view import ICONS_AT_START, IconField, PlayerBar, Plot
from tests.gui.test_reading_views import sized  # noqa: F401 (a fixture)
from tests.gui.test_visitor_flow import open_exhibit, start_visit

GAME = "alternatives-vallee-partagee"
END, RESULT = 7, 4


def game_at(kiosk, language: str, step: int):
    start_visit(kiosk, language)
    view = open_exhibit(kiosk, GAME)
    view.show_step(step)
    kiosk.settle()
    return view

@pytest.mark.parametrize("sized", [(1920, 1080), (1080, 1920)], indirect=True, ids=["1920", "portrait"])
def test_the_arabic_end_shows_one_line_amounts_the_chart_and_play_again_without_scrolling(sized):
    kiosk = sized
    view = game_at(kiosk, "العربية", END)
    bars = [w for w in kiosk.widgets(view) if isinstance(w, PlayerBar)]
    assert bars and all("\n" not in bar.ids.bar_amount.text for bar in bars), "an amount never wraps"
    plot = next(w for w in kiosk.widgets(view) if isinstance(w, Plot))
    assert plot.height >= view.ctx.theme.touch, "the chart always shows"
    scroll = view.ids.panel_scroll
    assert not scroll.do_scroll_y, "the end fits without a scroll bar"
    bottom, top = scroll.to_window(scroll.x, scroll.y)[1], scroll.to_window(scroll.x, scroll.top)[1]
    action = view.action.to_window(view.action.x, view.action.y)[1]
    assert bottom <= action and action + view.action.height <= top, "'Play again' is on screen"


def test_a_resource_is_a_grid_of_its_units_where_the_lost_ones_stay_faint(fresh):
    kiosk = fresh
    view = game_at(kiosk, "Français", RESULT)
    fields = [w for w in kiosk.widgets(view) if isinstance(w, IconField)]
    assert fields
    for field in fields:
        places = field.slots()
        assert len(places) == max(ICONS_AT_START, field.count), "a place for every unit at the start"
        columns, rows = field.grid()
        assert len({round(x * columns - 0.5) for x, _ in places}) == columns, "whole columns"
        assert len(set(places)) == len(places), "no two icons on the same place"
    record = view.session.last_round
    river = view.session.game.territory.resources[0]
    shown = [w.text for w in kiosk.widgets(view) if type(w).__name__ == "NoteRow"]
    grown = view.units(river.id, record.stocks_after[river.id] - record.stocks_before[river.id]
                       + sum(t[river.id] for t in record.taken) + record.outsider.get(river.id, 0))
    assert any(grown in line and view.units(river.id, record.stocks_after[river.id]) in line for line in shown), \
        "the result says what grew back, so taken and left add up"


@pytest.mark.parametrize("language", ["Deutsch", "Français"])
def test_the_player_count_and_start_stay_whole_in_sight_when_the_intro_must_scroll(fresh, language):
    """At 1920×1080 the intro's story and rules are taller than the panel: its controls move under the
    scroll view, whole, instead of the start button being cut by the scroll view's edge."""
    kiosk = fresh
    start_visit(kiosk, language)
    view = open_exhibit(kiosk, GAME)
    kiosk.settle()
    panel, scroll, pinned = view.ids.panel, view.ids.panel_scroll, view.ids.pinned
    assert panel.minimum_height > scroll.height, "the story and the rules need a scroll here"
    start = view.action
    assert start in pinned.children and len(pinned.children) == 2
    _x, bottom = start.to_window(start.x, start.y)
    assert bottom >= 0 and start.top <= scroll.y, "under the scroll view (the same column), whole"
    kiosk.tap(next(w for w in kiosk.widgets(view) if getattr(w, "text", None) == "3"))
    kiosk.tap(view.action)
    assert view.session.phase == "roles" and view.session.players == 3
