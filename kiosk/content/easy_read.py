"""Easy-read texts (FALC: "facile à lire et à comprendre"): checked sentence by sentence. No Kivy here.

An exhibit may carry, per language, an easy-read version of its summary and body (``easy:`` in
exhibit.yaml, or ``easy.<lang>.md`` beside it); a panel offers it to visitors with a "Easy to
read" switch. The European easy-read guidelines (Inclusion Europe, "Information for all") keep
sentences short; this warns on any sentence of more than :data:`MAX_WORDS` words, naming the
file and line where it starts, and on an easy-read version given to a type that does not show it.
"""

from __future__ import annotations

import re
from pathlib import Path

from kiosk.content.findings import WARNING, Finding

MAX_WORDS = 15
EASY_TYPES = ("panel",)         # the exhibit types that show an easy-read version
_SENTENCE_END = re.compile(r"(?<=[.!?…؟])\s+")
_WORD = re.compile(r"\d+(?:[.,٫]\d+)*|[^\W_](?:[\w'’-]*[^\W_])?")   # "1,4" and "1٫4" are one word


def sentences(text: str) -> list[str]:
    """``text`` cut after each . ! ? … or ؟ that a space follows, each sentence on one line, none empty
    (kiosk narrate speaks them one at a time; the easy-read check counts their words)."""
    return [s for s in (" ".join(piece.split()) for piece in _SENTENCE_END.split(text)) if s]


def words(sentence: str) -> int:
    """Words as a reader counts them: "l'argent" one, "1945" one, punctuation none."""
    return len(_WORD.findall(sentence))


def long_sentences(text: str) -> list[tuple[int, int, str]]:
    """(line, words, sentence) for each sentence over MAX_WORDS in the Markdown ``text`` (line 1-based)."""
    from kiosk.render.markdown import plain_blocks

    lines = text.splitlines()
    found, searched_from = [], 0
    for block in plain_blocks(text):
        for sentence in sentences(block):
            count = words(sentence)
            line = _line_of(sentence, lines, searched_from)
            searched_from = max(searched_from, line - 1)
            if count > MAX_WORDS:
                found.append((line, count, sentence))
    return found


def _line_of(sentence: str, lines: list[str], start: int) -> int:
    """The line where ``sentence`` begins, found by its first words (Markdown marks aside)."""
    head = " ".join(sentence.split()[:3])
    for index in range(start, len(lines)):
        if head and head in " ".join(lines[index].split()):
            return index + 1
    first = sentence.split()[0] if sentence.split() else ""
    for index in range(start, len(lines)):
        if first and first in lines[index]:
            return index + 1
    return start + 1


def check_easy_read(easy, folder: Path, exhibit_type, ctx) -> None:
    if not easy or not hasattr(easy, "translations"):
        return
    if exhibit_type.name not in EASY_TYPES:
        ctx.warning(("easy",), f"a {exhibit_type.name} does not show an easy-read version (only "
                               f"{', '.join(EASY_TYPES)} exhibits do)", "move the text into a panel, or remove it")
    for language, text in easy.translations.items():
        file = folder / f"easy.{language}.md"
        in_file = file.is_file()
        for line, count, sentence in long_sentences(text):
            shown = sentence if len(sentence) <= 70 else sentence[:67] + "…"
            message = f"an easy-read sentence of {count} words (at most {MAX_WORDS}): “{shown}”"
            hint = "split it into two sentences, one idea each"
            if in_file:
                ctx.findings.append(Finding(file, line, 1, WARNING, message, hint))
            else:
                ctx.warning(("easy", language), message, hint)
