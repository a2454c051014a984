"""Reading comfort in plain Python: how many columns of text a width holds, and where pages break.

Body text reads best at 45–75 characters a line (docs/design.md, "Reading"). A text area
chooses its columns from its width and the average width of a character of its font::

    >>> columns_for(1400, char_width=14, gap=24)     # two columns of 688 px: 49 characters
    (2, 688.0)
    >>> columns_for(900, char_width=14, gap=24)      # one column, 64 characters
    (1, 900.0)
    >>> columns_for(1250, char_width=14, gap=24)     # one is too wide, two too narrow: 66 characters
    (1, 924)

A long text does not scroll: it is cut into pages at places where no line is cut
(:func:`page_breaks`), so a visitor never sees half a line. A page ends where a paragraph or a
sentence ends when that leaves no more than a third of it blank (:data:`CLEAN_FILL`); a page
that must end inside a sentence is marked, so the reader can say "continued"
(:func:`ends_mid_sentence`)::

    >>> page_breaks([0, 30, 60, 90, 120], 90, clean=[60])     # 90 is inside a sentence, 60 ends one
    [(0, 60), (60, 120)]
"""

from __future__ import annotations

MEASURE = (45, 75)     # characters per line, the comfortable range
AIM = (47, 70)         # what a column is fitted to: words do not pack evenly, so keep clear of the edges
IDEAL = 62             # what a column aims at when it has the choice
TIGHT_FIT = 66         # a column narrowed to fit (the space left over stays margin)
CLEAN_FILL = 2 / 3     # a page may end early at a sentence's end if it is still this full
SENTENCE_ENDS = ".!?…؟"
CLOSERS = "\"'»«”“’)(]["  # quotes and brackets that may follow a sentence's end (either way round in right to left)


def chars_per_line(width: float, char_width: float) -> float:
    return width / max(char_width, 0.01)


def columns_for(width: float, char_width: float, gap: float, max_columns: int = 3) -> tuple[int, float]:
    """``(columns, column_width)`` that keep lines within :data:`AIM`, as close to :data:`IDEAL` as can be."""
    fitting = []
    for count in range(1, max_columns + 1):
        column = (width - gap * (count - 1)) / count
        if AIM[0] <= chars_per_line(column, char_width) <= AIM[1]:
            fitting.append((abs(chars_per_line(column, char_width) - IDEAL), count, column))
    if fitting:
        _, count, column = min(fitting)
        return count, column
    if chars_per_line(width, char_width) < AIM[0]:
        return 1, width                     # a narrow space: one column, as wide as it is
    return 1, min(width, round(TIGHT_FIT * char_width))


def ends_sentence(line: str, rtl: bool = False) -> bool:
    """True when a line of text, as drawn, ends a sentence (or a paragraph's last sentence).

    A right-to-left line is drawn in visual order: its logical end is at its left, first.

    >>> ends_sentence("la Richesse des nations. »"), ends_sentence("ce sont les")
    (True, False)
    >>> ends_sentence(".في فرنسا", rtl=True)
    True
    """
    text = line.strip()
    text = (text.lstrip(CLOSERS + " ") if rtl else text.rstrip(CLOSERS + " "))
    return bool(text) and (text[0] if rtl else text[-1]) in SENTENCE_ENDS


def page_breaks(cuts: list[float], height: float, clean=()) -> list[tuple[float, float]]:
    """Split a column of text into pages no taller than ``height``.

    ``cuts`` are the distances from the top of the column where it may be cut (between lines
    and between blocks), its full height last. ``clean`` are the cuts where a paragraph or a
    sentence ends. Each page is ``(start, end)``; a page ends at the last clean cut that fills
    :data:`CLEAN_FILL` of it, else at the last cut that fits; only a single block taller than a
    page is cut inside itself.

    >>> page_breaks([0, 30, 60, 90, 120], 70)
    [(0, 60), (60, 120)]
    """
    cuts = sorted(set(c for c in cuts if c >= 0))
    if not cuts or height <= 0:
        return [(0, cuts[-1] if cuts else 0)]
    total, pages, start = cuts[-1], [], cuts[0]
    while start < total - 0.5:
        fitting = [c for c in cuts if start < c <= start + height + 0.5]
        end = fitting[-1] if fitting else min(total, start + height)
        if end < total - 0.5 and not _among(end, clean):
            tidy = [c for c in fitting if _among(c, clean) and c - start >= height * CLEAN_FILL]
            end = tidy[-1] if tidy else end
        pages.append((start, end))
        start = end
    return pages or [(0, total)]


def ends_mid_sentence(pages: list[tuple[float, float]], clean) -> list[bool]:
    """For each page: does it end inside a sentence that the next page goes on with?"""
    total = pages[-1][1] if pages else 0
    return [end < total - 0.5 and not _among(end, clean) for _start, end in pages]


def _among(cut: float, cuts) -> bool:
    return any(abs(cut - other) < 0.5 for other in cuts)
