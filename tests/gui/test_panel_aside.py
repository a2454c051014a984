"""A panel's picture column in landscape: the summary stands under the picture as a lead, no blank foot."""

from __future__ import annotations

import pytest

from tests.gui.test_reading_views import _walk, cut_lines, sized  # noqa: F401  (a fixture)
from tests.gui.test_visitor_flow import open_exhibit, start_visit

PANEL = "origines-enclosures"


def lead_of(view):
    return next((w for w in _walk(view.ids.aside) if type(w).__name__ == "PanelLead"), None)


def reader_texts(view) -> list[str]:
    return [block.logical_text for slot in view.ids.reader._slots for block in slot.flow.children
            if hasattr(block, "logical_text")]


@pytest.mark.parametrize("sized", [(1920, 1080), (1280, 800)], indirect=True, ids=["1920", "1280"])
@pytest.mark.parametrize("language", ["Français", "العربية"])
def test_in_landscape_the_summary_stands_under_the_picture(sized, language):
    kiosk = sized
    start_visit(kiosk, language)
    view = open_exhibit(kiosk, PANEL)
    summary = view.text(view.manifest.summary)
    lead = lead_of(view)
    assert lead is not None and lead.logical_text == summary
    assert summary not in reader_texts(view), "said once, not again at the top of the text"
    aside = view.ids.aside
    lead_bottom, aside_bottom = lead.to_window(*lead.pos)[1], aside.to_window(*aside.pos)[1]
    assert lead_bottom >= aside_bottom, "the lead is whole inside the column"
    assert lead_bottom - aside_bottom < aside.height * 0.45, "no blank half under the picture"
    assert not cut_lines(kiosk, view)


@pytest.mark.parametrize("sized", [(1080, 1920)], indirect=True, ids=["portrait"])
def test_in_portrait_the_summary_opens_the_text(sized):
    kiosk = sized
    start_visit(kiosk, "Français")
    view = open_exhibit(kiosk, PANEL)
    assert lead_of(view) is None
    assert view.text(view.manifest.summary) in reader_texts(view)


def column_margins(reader) -> tuple[float, float]:
    """The room left of the text's columns and right of them, inside the reader."""
    row, slots = reader.ids.row, reader._slots
    left = min(slot.to_window(slot.x, 0)[0] for slot in slots) - row.to_window(row.x, 0)[0]
    right = row.to_window(row.right, 0)[0] - max(slot.to_window(slot.right, 0)[0] for slot in slots)
    return left, right


@pytest.mark.parametrize("sized", [(1080, 1920)], indirect=True, ids=["portrait"])
@pytest.mark.parametrize("language", ["Français", "العربية"])
def test_in_portrait_the_text_column_stands_centred_under_the_centred_picture(sized, language):
    kiosk = sized
    start_visit(kiosk, language)
    view = open_exhibit(kiosk, PANEL)
    left, right = column_margins(view.ids.reader)
    assert left > view.ctx.theme.pad and abs(left - right) <= 2, (left, right)


@pytest.mark.parametrize("sized", [(1920, 1080)], indirect=True, ids=["1920"])
def test_in_landscape_the_text_columns_start_where_reading_starts(sized):
    kiosk = sized
    start_visit(kiosk, "English")
    view = open_exhibit(kiosk, PANEL)
    left, right = column_margins(view.ids.reader)
    assert left <= 1 and right >= 0
