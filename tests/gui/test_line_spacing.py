"""Line spacing as the visitor reads it: an Arabic paragraph steps about 1.57 font sizes a line and an
Arabic heading 1.3 (not the merged font's loose line), with no tall mark or deep descender cut; French
keeps Noto Sans' own line."""

from __future__ import annotations

import pytest

from kiosk.gui.theme import measured_line
from kiosk.gui.widgets.widgets import TextBlock
from tests.gui.test_reading_views import _walk
from tests.gui.test_visitor_flow import open_exhibit, start_visit


def drawn(view, role: str) -> list[TextBlock]:
    """The view's texts of ``role`` shown on two lines or more."""
    return [w for w in _walk(view) if isinstance(w, TextBlock) and w.role == role and w.texture is not None
            and w.get_root_window() and w.opacity and len(w._label._cached_lines) >= 2]


def step(block: TextBlock) -> float:
    """The distance from one drawn line to the next, in font sizes, read from the texture's height."""
    lines = len(block._label._cached_lines)
    first = measured_line(block.font_name, block.font_size)        # a line on its own, as tall as the font's
    between = (block.texture_size[1] - first) / (lines - 1)
    assert between == pytest.approx(block._label._cached_lines[0].h, abs=1)
    return between / block.font_size


def inked_rows(block: TextBlock) -> tuple[int, int]:
    """The first and last rows of the texture holding ink (row 0 at the texture's top)."""
    texture = block.texture
    width, pixels = texture.width, texture.pixels
    rows = [row for row in range(texture.height)
            if any(pixels[(row * width + column) * 4 + 3] > 64 for column in range(width))]
    return rows[0], rows[-1]


def test_an_arabic_paragraph_reads_at_one_and_a_half_and_a_french_one_is_unchanged(fresh):
    kiosk = fresh
    start_visit(kiosk, "العربية")
    paragraphs = drawn(open_exhibit(kiosk, "origines-enclosures"), "body")
    arabic = [b for b in paragraphs if b.is_rtl]
    assert arabic, "the panel shows Arabic paragraphs"
    for block in arabic:
        assert 1.5 <= step(block) <= 1.6, f"{step(block):.2f} font sizes a line"
        top, bottom = inked_rows(block)
        assert top > 0 and bottom < block.texture_size[1] - 1, "the first line's marks and the last's descenders show whole"
    kiosk.app.idle.reset_now()
    kiosk.settle()
    start_visit(kiosk, "Français")
    french = drawn(open_exhibit(kiosk, "origines-enclosures"), "body")
    assert french
    for block in french:
        assert block.font_name == "Kiosk" and block.line_height == 1
        assert step(block) == pytest.approx(measured_line("Kiosk", block.font_size) / block.font_size)
        assert 1.3 <= step(block) <= 1.45


def test_an_arabic_heading_reads_at_one_point_three_whole_and_a_french_one_is_unchanged(fresh):
    kiosk = fresh
    start_visit(kiosk, "العربية")
    view = open_exhibit(kiosk, "origines-quiz")
    question = view.ids.question
    assert question.role == "heading" and question.is_rtl and len(question._label._cached_lines) >= 2
    assert step(question) == pytest.approx(1.3, abs=0.04)
    top, bottom = inked_rows(question)
    assert top > 0 and bottom < question.texture_size[1] - 1, "nothing is cut at the top or foot"
    zone = view.ids.question_zone
    assert question.y >= zone.y - 1, "the question fits the zone measured for it"
    assert zone.height - question.height <= question.font_size * 1.6, "and the zone leaves no line's gap under it"
    kiosk.app.idle.reset_now()
    kiosk.settle()
    start_visit(kiosk, "Français")
    question = open_exhibit(kiosk, "origines-quiz").ids.question
    assert question.line_height == 1 and len(question._label._cached_lines) >= 2
    assert step(question) == pytest.approx(measured_line("Kiosk", question.font_size) / question.font_size)
