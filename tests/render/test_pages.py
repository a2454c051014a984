"""Columns and pages of reading text, without a window (kiosk.render.pages)."""

from __future__ import annotations

import pytest

from kiosk.render.pages import AIM, MEASURE, chars_per_line, columns_for, page_breaks


@pytest.mark.parametrize("width", [600, 800, 1000, 1200, 1400, 1600, 2000, 2600])
@pytest.mark.parametrize("char_width", [10.4, 13.0, 15.5])
def test_columns_keep_lines_within_the_measure(width, char_width):
    count, column = columns_for(width, char_width, gap=24)
    assert count * column + 24 * (count - 1) <= width + 0.01
    if chars_per_line(width, char_width) >= AIM[0]:
        assert AIM[0] <= chars_per_line(column, char_width) <= AIM[1]


def test_a_wide_area_gets_two_columns_and_a_narrow_one_stays_whole():
    assert columns_for(1400, 14, 24) == (2, 688.0)
    assert columns_for(500, 14, 24) == (1, 500)          # too narrow for the measure: as wide as it is


def test_one_column_too_wide_and_two_too_narrow_is_narrowed():
    count, column = columns_for(1250, 14, 24)
    assert count == 1 and MEASURE[0] <= chars_per_line(column, 14) <= MEASURE[1] and column < 1250


def test_pages_end_between_lines_and_cover_everything():
    cuts = [0, 40, 80, 120, 160, 200, 230, 260, 300]      # block tops and line boundaries, the end last
    pages = page_breaks(cuts, 130)
    assert pages[0][0] == 0 and pages[-1][1] == 300
    for (start, end), (following, _) in zip(pages, pages[1:]):
        assert end == following                           # nothing skipped, nothing shown twice
    for start, end in pages:
        assert start in cuts and end in cuts and end - start <= 130


def test_a_block_taller_than_a_page_is_cut_inside_itself_only_then():
    assert page_breaks([0, 500], 200) == [(0, 200), (200, 400), (400, 500)]
    assert page_breaks([0, 100], 200) == [(0, 100)]
