"""Right-to-left text (Arabic, Persian, Urdu, Hebrew) made ready for Kivy's SDL2 text provider.

The SDL2 text provider of the Kivy wheel draws characters left to right, in the order it
gets them. Its own right-to-left mode (``font_direction='rtl'``) joins Arabic letters but
reverses digits and Latin words ("2001" → "1002", "AMAP" → "PAMA"). So the kiosk does the
work itself, in plain Python:

1. wrap the *logical* text (the order in which it is typed) into lines that fit the width;
2. for each line, join the Arabic letters (``arabic_reshaper``: contextual presentation
   forms) and reorder the line into *visual* order (``python-bidi``: the Unicode
   bidirectional algorithm, base direction right-to-left).

Wrapping must come first: reordering a whole paragraph and letting the label wrap it would
put its last line at the top. The result is meant for a label with ``halign: 'right'``
(or ``'auto'`` with ``base_direction: 'rtl'``) and a font that has both Arabic
presentation forms and Latin letters (``media/fonts/NotoSansKiosk-*.ttf``)::

    >>> shape_line("Museum 2001")      # no right-to-left character: unchanged
    'Museum 2001'
    >>> wrap_and_shape("a b c", width=3, measure=len)
    'a b\\nc'

Limits: harakat (short-vowel marks) are dropped by the reshaper; runs of spaces collapse
to one; a word wider than the width gets a line of its own and overflows; Kivy markup
tags would be reordered like text, so right-to-left text drops them first
(:func:`strip_markup`: bold words show as plain words, never as "[b]" scraps).
"""

from __future__ import annotations

import re
import unicodedata
from typing import Callable

import arabic_reshaper
from bidi.algorithm import get_display

RTL_LANGUAGES = frozenset({"ar", "fa", "he", "ur"})
_RTL_CLASSES = frozenset({"R", "AL", "RLE", "RLO", "RLI"})


_MARKUP = re.compile(r"\[/?(?:b|i|u|s|color|size|font|font_context|font_family|font_features|ref|anchor|sub|sup|text_language)(?:=[^\]]*)?\]")


def strip_markup(text: str) -> str:
    """Kivy markup tags removed and its escapes turned back into characters.

    >>> strip_markup("في [b]السكن[/b] &bl;1&br;")
    'في السكن [1]'
    """
    return _MARKUP.sub("", text).replace("&bl;", "[").replace("&br;", "]").replace("&amp;", "&")


def is_rtl(language: str) -> bool:
    """True for a right-to-left language code: "ar", "fa_IR", "he-IL", "UR" …"""
    primary = (language or "").replace("-", "_").split("_")[0].lower()
    return primary in RTL_LANGUAGES


def has_rtl(text: str) -> bool:
    """True when ``text`` holds at least one right-to-left character."""
    return any(unicodedata.bidirectional(char) in _RTL_CLASSES for char in text)


def shape_line(line: str) -> str:
    """One visual line: Arabic letters joined, then reordered right-to-left.

    A line with no right-to-left character is returned unchanged. Otherwise the line's
    base direction is right-to-left, so digits and Latin words keep their own reading
    order inside it ("سنة 2001" stays "2001", not "1002").
    """
    if not has_rtl(line):
        return line
    # the marks have done their work once the line is in visual order: they are not drawn
    return get_display(arabic_reshaper.reshape(keep_left_to_right(line)), base_dir="R").replace(LRM, "")


LRM = "\u200e"   # left-to-right mark: a strong left-to-right character that draws nothing (the kiosk's fonts have it)
_LATIN_LETTERS = "A-Za-z\u00c0-\u024f"   # with the accented letters of the European languages (Emmaüs, Šolta)
_LATIN_CHARS = rf"{_LATIN_LETTERS}0-9_./~:=@+\-|{{}}'\"(),"
_LATIN_WORD = rf"[{_LATIN_CHARS}]*[{_LATIN_LETTERS}][{_LATIN_CHARS}]*"
# numbers inside a run belong to it; a bracket alone after it ("(Transiscope) (بالفرنسية)") opens the sentence's next words
_LATIN_RUN = re.compile(rf"{_LATIN_WORD}(?: [{_LATIN_CHARS}]*[{_LATIN_LETTERS}0-9][{_LATIN_CHARS}]*)*")
_SENTENCE_END = ".,;:!?"


def _run_edges(run: str) -> tuple[str, str, str]:
    """(before, core, after): the sentence's punctuation after a run, and a bracket the run does not
    close or open, belong to the sentence around it."""
    before, after = "", ""
    while True:
        if run and run[-1] in _SENTENCE_END or run.endswith(")") and run.count(")") > run.count("("):
            run, after = run[:-1], run[-1] + after
        elif run.startswith("(") and run.count("(") > run.count(")"):
            run, before = run[1:], before + run[0]
        else:
            return before, run, after


def keep_left_to_right(line: str) -> str:
    """Latin runs inside right-to-left text (a path, a command, a name) kept whole between two
    left-to-right marks, so that the bidirectional algorithm does not move their edges.

    Without them, neutral characters at a run's edge take the sentence's direction: the "/"
    leading "/srv/kiosk" and the quotes around 'kiosk run' jump to the run's other end. A full
    stop or comma after the run, and brackets around it, stay outside it, with the sentence. The algorithm in use
    (python-bidi's) has no isolates, which is why marks are used::

        >>> keep_left_to_right("في /srv/kiosk.").replace(LRM, "|")
        'في |/srv/kiosk|.'
    """
    def marked(match: re.Match) -> str:
        before, core, after = _run_edges(match.group(0))
        return f"{before}{LRM}{core}{LRM}{after}" if core else match.group(0)
    return _LATIN_RUN.sub(marked, line)


def wrap_and_shape(text: str, width: float, measure: Callable[[str], float]) -> str:
    """Wrap logical ``text`` to ``width`` pixels, then shape each line for display.

    ``measure(s)`` returns the width in pixels of ``s`` as it will be drawn; it is given
    shaped lines, since joined letters are narrower than isolated ones. Explicit
    newlines are kept (an empty line stays empty). Lines are returned joined with
    "\\n", the first logical line first.
    """
    lines = []
    for paragraph in text.split("\n"):
        lines.extend(_wrap_paragraph(paragraph, width, measure))
    return "\n".join(shape_line(line) for line in lines)


def _wrap_paragraph(paragraph: str, width: float, measure: Callable[[str], float]) -> list[str]:
    """Greedy word wrap of one paragraph, in logical order."""
    words = paragraph.split()
    if not words:
        return [""]
    lines, current = [], words[0]
    for word in words[1:]:
        candidate = f"{current} {word}"
        if measure(shape_line(candidate)) <= width:
            current = candidate
        else:
            lines.append(current)
            current = word
    lines.append(current)
    return lines
