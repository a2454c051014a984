"""French typography for the screen: a space before ``? ! : ; »`` (and after ``«``) that never breaks.

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
