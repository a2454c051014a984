"""Columns and pages of reading text, without a window (kiosk.render.pages)."""

from __future__ import annotations

import pytest

from kiosk.render.pages import (AIM, CLEAN_FILL, MEASURE, chars_per_line, columns_for, ends_mid_sentence, ends_sentence,
                                page_breaks)


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


# Pages end where a sentence ends ------------------------------------------------------------

ENCLOSURES = ("Du XVIe au XIXe siècle, les grands propriétaires clôturent ces terres de haies et de "
              "barrières : ce sont les enclosures. D'abord pour élever des moutons dont la laine rapporte "
              "gros, puis, aux XVIIIe et XIXe siècles, grâce à des lois votées par le Parlement. Dès lors, "
              "les familles sans terre partent vers les villes. Elles y vendent leur travail contre un "
              "salaire, et les marchés ont existé bien avant le capitalisme.")


def wrap(text: str, width: int) -> list[str]:
    lines, line = [], ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    return lines + [line]


def layout(lines: list[str], line_height: float = 30):
    """The cuts of one paragraph of ``lines`` and the clean ones (where a line ends a sentence)."""
    cuts = [line_height * i for i in range(len(lines) + 1)]
    clean = [cuts[i + 1] for i, line in enumerate(lines) if ends_sentence(line)]
    return cuts, clean


def test_a_line_ending_a_sentence_is_told_from_one_ending_mid_sentence():
    assert ends_sentence("barrières : ce sont les enclosures.")
    assert ends_sentence("Adam Smith publie « La Richesse des nations ? »")
    assert ends_sentence("les marchés ont existé…")
    assert not ends_sentence("Transformation, 1944), les marchés ont existé")
    assert not ends_sentence("Dès")
    assert not ends_sentence("")


def test_a_right_to_left_line_ends_its_sentence_at_its_left_as_drawn():
    from kiosk.render.bidi import shape_line

    assert ends_sentence(shape_line("في فرنسا، يلغي قانون أوليفييه جريمة التكتل."), rtl=True)
    assert ends_sentence(shape_line("هل هذا ممكن؟"), rtl=True)
    assert ends_sentence(shape_line("تأسست سنة 1844."), rtl=True)
    assert not ends_sentence(shape_line("صار بإمكان العمال أن"), rtl=True)


@pytest.mark.parametrize("width", [38, 45, 55, 62, 70])
@pytest.mark.parametrize("lines_a_page", [3, 4, 5, 6, 8])
def test_pages_end_at_the_end_of_a_sentence_when_that_wastes_at_most_a_third(width, lines_a_page):
    lines = wrap(ENCLOSURES, width)
    cuts, clean = layout(lines)
    height = 30 * lines_a_page
    pages = page_breaks(cuts, height, clean)
    assert pages[0][0] == 0 and pages[-1][1] == cuts[-1]
    for (_start, end), (following, _end) in zip(pages, pages[1:]):
        assert end == following
    for (start, end), mid in zip(pages, ends_mid_sentence(pages, clean)):
        assert end - start <= height
        if not mid:
            continue
        # it ends inside a sentence only when no sentence ends in its last third
        assert not [c for c in clean if start + height * CLEAN_FILL <= c <= start + height], (start, end)


def test_a_page_ends_after_the_sentence_rather_than_on_the_next_ones_first_words():
    lines = wrap(ENCLOSURES, 45)
    cuts, clean = layout(lines)
    pages = page_breaks(cuts, 30 * 4, clean)
    first = lines[: round(pages[0][1] / 30)]
    assert first[-1].endswith("ce sont les enclosures."), first      # not "D'abord pour élever … la laine"
    assert ends_mid_sentence(pages, clean)[0] is False


def test_a_page_ends_mid_sentence_rather_than_half_empty_and_says_so():
    cuts = [0, 30, 60, 90, 120, 150, 180, 210, 240]
    pages = page_breaks(cuts, 180, clean=[30, 240])          # one short sentence, then one long one
    assert pages == [(0, 180), (180, 240)]
    assert ends_mid_sentence(pages, [30, 240]) == [True, False]


def test_the_end_of_a_paragraph_or_a_block_is_a_clean_end():
    cuts = [0, 30, 60, 90, 120, 150, 180]
    pages = page_breaks(cuts, 130, clean=[90, 180])          # 90: the paragraph's end, a block's top
    assert pages == [(0, 90), (90, 180)]
    assert ends_mid_sentence(pages, [90, 180]) == [False, False]
