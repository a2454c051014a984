"""The merged Arabic font's line: every letter the kiosk draws fits in it, and it is not double-spaced."""

from __future__ import annotations

import pytest
from fontTools.ttLib import TTFont

from tests.conftest import PROJECT

FONTS = PROJECT / "media" / "fonts"
#: Latin with accents, the Arabic letters and vowel marks, Arabic-Indic digits, and the
#: presentation forms kiosk.render.bidi shapes text into.
DRAWN = [*range(0x20, 0x7F), *range(0xA0, 0x180), *range(0x621, 0x653), 0x670,
         *range(0x660, 0x66A), *range(0xFE70, 0xFEFD)]


@pytest.fixture(scope="module", params=["Regular", "Bold"])
def font(request):
    return TTFont(FONTS / f"NotoSansKiosk-{request.param}.ttf")


def test_every_letter_and_mark_fits_in_the_line(font):
    ascent, descent = font["hhea"].ascent, -font["hhea"].descent
    glyf, cmap = font["glyf"], font.getBestCmap()
    outside = []
    for code in DRAWN:
        glyph = glyf[cmap[code]] if code in cmap else None
        if glyph is not None and glyph.numberOfContours and not -descent <= glyph.yMin <= glyph.yMax <= ascent:
            outside.append(f"U+{code:04X} {chr(code)} ({glyph.yMin}..{glyph.yMax})")
    assert not outside, f"cut at the top or bottom of a line ({-descent}..{ascent}): {outside}"


def test_the_line_is_about_one_and_a_half_em_like_body_text_not_double_spaced(font):
    em = font["head"].unitsPerEm
    line = (font["hhea"].ascent - font["hhea"].descent + font["hhea"].lineGap) / em
    assert 1.4 <= line <= 1.65
    os2 = font["OS/2"]   # every table a renderer may read gives the same line
    assert (os2.sTypoAscender, os2.sTypoDescender, os2.usWinAscent, os2.usWinDescent) == \
        (font["hhea"].ascent, font["hhea"].descent, font["hhea"].ascent, -font["hhea"].descent)
