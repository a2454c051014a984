"""Panel, timeline and compare as a visitor reads them: comfortable lines, whole lines, right to left."""

from __future__ import annotations

import statistics

import pytest
from kivy.core.window import Window
from kivy.uix.image import Image
from kivy.uix.label import Label

from kiosk.exhibit_types.timeline.view import format_date
from kiosk.gui.curator.proof_checks import screen_problems
from kiosk.gui.widgets.reader import PagedReader
from kiosk.gui.widgets.widgets import TextBlock
from tests.gui.test_visitor_flow import open_exhibit, start_visit

SIZES = [(1920, 1080), (1280, 800), (1080, 1920)]
PANEL, TIMELINE, COMPARE = "alternatives-amap", "alternatives-economie-solidaire", "alternatives-finance-solidaire"


@pytest.fixture
def sized(fresh, request):
    """The kiosk at the size given by the test's ``size`` parameter, put back to 1920×1080 after."""
    Window.size = request.param
    fresh.settle()
    yield fresh
    Window.size = (1920, 1080)
    fresh.settle()


def body_lines(view) -> list[int]:
    """Characters on each full line (not a paragraph's last) of the body text shown in the view's readers."""
    counts = []
    for reader in (w for w in _walk(view) if isinstance(w, PagedReader)):
        for slot in reader._slots:
            for block in slot.flow.children:
                if isinstance(block, TextBlock) and block.role == "body" and block.size_factor == 1:
                    lines = block._label._cached_lines[:-1]
                    counts += [sum(len(word.text) for word in line.words) for line in lines]
    return counts


def cut_lines(kiosk, view) -> list[str]:
    problems = screen_problems(view, kiosk.app.pictures)
    return [p.message for p in problems if p.kind in ("cut-line", "overflow")]


def _walk(widget):
    yield widget
    for child in widget.children:
        yield from _walk(child)


@pytest.mark.parametrize("sized", SIZES, indirect=True, ids=["1920", "1280", "portrait"])
@pytest.mark.parametrize("exhibit", [PANEL, TIMELINE, COMPARE])
def test_body_lines_hold_45_to_75_characters_and_none_is_cut(sized, exhibit):
    kiosk = sized
    start_visit(kiosk, "Français")
    view = open_exhibit(kiosk, exhibit)
    if exhibit == TIMELINE:                # its longest text
        view.select(max(range(len(view.events)), key=lambda i: len(view.text(view.events[i].text) or "")))
        kiosk.settle()
    counts = body_lines(view)
    assert len(counts) >= 2, "the view shows a paragraph of several lines"
    assert max(counts) <= 75, counts
    assert statistics.median(counts) >= 45, counts
    assert not cut_lines(kiosk, view)


def test_pages_turn_with_the_arrows_and_with_a_swipe_and_show_whole_lines(fresh):
    kiosk = fresh
    start_visit(kiosk, "Français")
    view = open_exhibit(kiosk, PANEL)
    reader = view.ids.reader
    assert reader.page_count >= 2 and reader.page == 0
    kiosk.tap(reader.ids.next)
    assert reader.page == 1 and view.state["page"] == 1
    assert not cut_lines(kiosk, view)
    x, y = reader.to_window(*reader.center)
    kiosk.swipe((x - 200, y), (x + 200, y))          # a swipe to the right goes back
    assert reader.page == 0


def test_in_arabic_the_pages_turn_the_other_way(fresh):
    kiosk = fresh
    start_visit(kiosk, "العربية")
    view = open_exhibit(kiosk, PANEL)
    reader = view.ids.reader
    assert reader.page_count >= 2
    previous, following = reader.ids.previous, reader.ids.next
    assert following.to_window(*following.center)[0] < previous.to_window(*previous.center)[0], "next is on the left"
    x, y = reader.to_window(*reader.center)
    kiosk.swipe((x - 200, y), (x + 200, y))          # right to left: a swipe to the right shows what comes next
    assert reader.page == 1
    assert view.ids.aside.x > reader.x, "the lead picture stands on the right"


def test_timeline_runs_right_to_left_in_arabic(fresh):
    kiosk = fresh
    start_visit(kiosk, "العربية")
    view = open_exhibit(kiosk, TIMELINE)
    stops = sorted(view.ids.stops.children, key=lambda stop: stop.event_index)
    xs = [stop.to_window(*stop.pos)[0] for stop in stops]
    assert xs == sorted(xs, reverse=True), "the earliest event is rightmost"
    previous, following = view.ids.previous, view.ids.next
    assert previous.x > following.x, "the arrow to earlier events is on the right"
    kiosk.tap(following)
    assert view.selected == 1 and stops[1].selected


def test_timeline_runs_left_to_right_in_french_and_marks_the_chosen_event(fresh):
    kiosk = fresh
    start_visit(kiosk, "Français")
    view = open_exhibit(kiosk, TIMELINE)
    stops = sorted(view.ids.stops.children, key=lambda stop: stop.event_index)
    xs = [stop.to_window(*stop.pos)[0] for stop in stops]
    assert xs == sorted(xs)
    kiosk.tap(stops[2])
    assert [stop.selected for stop in stops].count(True) == 1 and stops[2].selected
    assert stops[2].colour != [1, 1, 1, 1]


@pytest.mark.parametrize("sized", SIZES, indirect=True, ids=["1920", "1280", "portrait"])
@pytest.mark.parametrize("language", ["Français", "العربية"])
def test_an_event_without_a_picture_gives_its_text_the_card_and_lists_the_dates_that_follow(sized, language):
    kiosk = sized
    start_visit(kiosk, language)
    view = open_exhibit(kiosk, TIMELINE)
    index = next(i for i, event in enumerate(view.events) if view.picture(i) is None and i < len(view.events) - 2)
    view.select(index)
    kiosk.settle()
    card, detail, theme = view.ids.card, view.ids.detail, view.ctx.theme
    inner = card.width - card.padding[0] - card.padding[2]
    assert detail.width >= inner - 1, "the text's side takes the card's whole width"
    assert view.ids.aside.width * view.ids.aside.height == 0 and not view.ids.aside.children
    year = format_date(view.events[index].date, view.ctx.language, theme.rtl)
    said = kiosk.visible_texts(view.ids.date)
    assert any(year in text and str(len(view.events)) in text for text in said), said   # "1825 · 3 of 8"
    large = [w for w in _walk(card) if isinstance(w, Label) and year in w.text and w.font_size > theme.heading]
    assert not large, "no large date repeats it"
    rows = [row for row in view.ids.later.children if type(row).__name__ == "LaterRow"][::-1]
    assert rows, "the dates that come next fill the room the text leaves"
    assert rows[0].date == format_date(view.events[index + 1].date, view.ctx.language, theme.rtl)
    card_bottom = card.to_window(*card.pos)[1]
    last_bottom = rows[-1].to_window(*rows[-1].pos)[1]
    assert last_bottom >= card_bottom + card.padding[3] - 1, "no date is cut by the card"
    if card.orientation == "vertical":
        assert last_bottom - card_bottom <= theme.touch * 2 + card.padding[3], "no blank half under them"
    kiosk.tap(rows[0])
    assert view.selected == index + 1
    assert not cut_lines(kiosk, view)


@pytest.mark.parametrize("sized", SIZES, indirect=True, ids=["1920", "1280", "portrait"])
def test_the_strip_says_how_many_dates_there_are_and_which_it_shows(sized):
    kiosk = sized
    start_visit(kiosk, "Français")
    view = open_exhibit(kiosk, TIMELINE)
    dots = next(w for w in _walk(view) if type(w).__name__ == "StripDots")
    assert dots.count == len(view.events) > view.shown
    assert dots.width >= dots.count * view.ctx.theme.space * 2 and dots.get_root_window()
    assert (dots.first, dots.shown, dots.selected) == (view.first, view.shown, 0)
    view.select(len(view.events) - 1)
    kiosk.settle()
    assert dots.first == view.first > 0 and dots.selected == len(view.events) - 1


@pytest.mark.parametrize("sized", [(1080, 1920)], indirect=True, ids=["portrait"])
@pytest.mark.parametrize("language", ["Français", "العربية"])
def test_in_portrait_the_timeline_picture_takes_the_width_and_the_text_leaves_no_blank(sized, language):
    kiosk = sized
    start_visit(kiosk, language)
    view = open_exhibit(kiosk, TIMELINE)
    card, theme = view.ids.card, view.ctx.theme
    for index in range(len(view.events)):
        view.select(index)
        kiosk.still()   # the final layout is checked, not one caught half way on a loaded machine
        if view.picture(index):
            picture = next(w for w in _walk(view.ids.aside) if isinstance(w, Image) and w.texture)
            assert picture.norm_image_size[0] >= card.width * 0.6, "the picture uses the card's width"
            window = view.ids.reader._slots[0].window            # the text's first column as shown
            bottom = window.to_window(*window.pos)[1]
        else:                                                    # the dates that follow fill the rest
            later = view.ids.later
            rows = [row for row in later.children if type(row).__name__ == "LaterRow"]
            assert rows, f"event {index}: nothing under its text"
            bottom = min(row.to_window(*row.pos)[1] for row in rows)
            assert view.ids.aside.height < theme.pad, "no slab repeats the date"
        card_bottom = card.to_window(*card.pos)[1]
        assert bottom - card_bottom <= theme.touch * 1.5 + theme.pad * 3, f"blank under the text of event {index}"
        assert not cut_lines(kiosk, view)


def test_compare_mirrors_in_arabic(fresh):
    kiosk = fresh
    start_visit(kiosk, "العربية")
    view = open_exhibit(kiosk, COMPARE)
    if view.tabs:
        first, second = view.ids.toggles.children[::-1] if not view.ids.toggles._mirrored else view.ids.toggles.children
        assert first.side_index == 0 and first.x > second.x, "the first side's tab is on the right"
    else:
        first, second = view.cards
        assert first.x > second.x, "the first side is on the right"


def test_compare_side_by_side_in_french_at_1920(fresh):
    kiosk = fresh
    start_visit(kiosk, "Français")
    view = open_exhibit(kiosk, COMPARE)
    assert not view.tabs
    first, second = view.cards
    assert first.x < second.x
    assert not cut_lines(kiosk, view)


@pytest.mark.parametrize("sized", [(1080, 1920)], indirect=True, ids=["portrait"])
def test_compare_tabs_in_portrait_show_one_side_at_a_time(sized):
    kiosk = sized
    start_visit(kiosk, "Français")
    view = open_exhibit(kiosk, COMPARE)
    assert view.tabs
    second = next(b for b in view.ids.toggles.children if b.side_index == 1)
    kiosk.tap(second)
    title = view.manifest.details.right.title.get("fr")
    kiosk.find_text(title, root=view.ids.toggles)       # the tab names the side: the card does not repeat it
    assert view.cards[0].parent == view.ids.stage and len(view.cards) == 1
    assert not cut_lines(kiosk, view)
