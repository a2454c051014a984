"""Typography for the screen: French spaces that never break, and texts cut short at a word.

A space before ``? ! : ; »`` (and after ``«``) never breaks.

Curators type ordinary spaces there, as French asks for a space before those marks; on a
narrow screen the wrap could then leave a lone “?” at the start of a line. A no-break
space keeps the mark with its word (Kivy only breaks lines at ordinary spaces)::

    >>> keep_with_word("Qu'est-ce qu'une mutuelle ?") == "Qu'est-ce qu'une mutuelle\\u00a0?"
    True
"""

from __future__ import annotations

import re

NO_BREAK_SPACE = "\u00a0"
_BEFORE = re.compile(r"[ \t]+([?!:;»])")
_AFTER = re.compile(r"(«)[ \t]+")


def keep_with_word(text: str) -> str:
    return _AFTER.sub(r"\1" + NO_BREAK_SPACE, _BEFORE.sub(NO_BREAK_SPACE + r"\1", text))


def shorten(text: str, limit: int) -> str:
    """``text`` cut at a word with "…" when longer than ``limit`` characters (the whole text is a tap away)::

        >>> shorten("From the steam engine to the First World War.", 30)
        'From the steam engine to the…'
    """
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0].rstrip(" ,;:.–-") + "…"


def cut_to_lines(text: str, width: float, measure, lines: int) -> str:
    r"""``text`` wrapped at ``width`` into at most ``lines`` lines, the last ending with "…" when cut.

    ``measure(line)`` gives a line's width in pixels. Words wrap as Kivy wraps them (a no-break
    space keeps its word together); the text comes back unchanged when it fits.

    >>> cut_to_lines("one two three four", 9, len, 2)
    'one two\nthree…'
    """
    kept: list[str] = []
    for paragraph in text.split("\n"):
        line = ""
        for word in paragraph.split(" "):
            if line and measure(f"{line} {word}") > width:
                kept.append(line)
                line = word
            else:
                line = f"{line} {word}" if line else word
        kept.append(line)
    if len(kept) <= lines:
        return text
    last = kept[lines - 1]
    while True:
        last = last.rstrip(" ,;:.–-\u00a0")
        if measure(last + "…") <= width or " " not in last:
            break
        last = last.rsplit(" ", 1)[0]
    return "\n".join(kept[:lines - 1] + [last + "…"])


ARTICLES = ("le ", "la ", "les ", "l'", "l’", "un ", "une ", "the ", "a ", "an ")


def in_sentence(name: str) -> str:
    """A name placed inside a sentence (after a colon): "La présidente" → "la présidente".

    Only a name that opens with an article loses its capital; "Amina" or "AMAP" keeps it.
    """
    return name[0].lower() + name[1:] if name.lower().replace("\u00a0", " ").startswith(ARTICLES) else name


def sentence_start(text: str) -> str:
    """A caption that opens with a name put inside a sentence ("la mairie : à moi de jouer") starts
    with a capital, as any sentence does: "La mairie : à moi de jouer". Other scripts are unchanged."""
    return text[:1].upper() + text[1:]
