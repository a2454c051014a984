"""The ``wall`` type: a question to visitors, who answer with a short text and tags.

Example::

    type: wall
    prompt: {fr: Quelle alternative existe près de chez vous ?, en: Which alternative exists near you?}
    suggested_tags:              # 0 to 12 tags that visitors touch to pick them
      - {fr: alimentation, en: food}
      - {fr: logement, en: housing}
    max_length: 200              # 20 to 280 characters

A new idea waits, hidden, until a facilitator has read it (the moderation panel). Only
then does it appear on the wall, for the visitors at the same venue. Ideas are stored in
the kiosk's record store (:mod:`kiosk.records`) with their text, tags, venue and
the time to the minute: nothing about who wrote them.

The tags are called ``suggested_tags`` in ``exhibit.yaml``: ``tags`` is already the
curators' own field, common to every exhibit. A tag is stored as its text in the
collection's default language, so that the wall shows it in each visitor's language and
the facilitator reads the same words whatever the language of its author.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kiosk.content.spec import Field, ListKind, NumberKind, TextKind
from kiosk.content.text import LocalizedText

MAX_TAGS = 12
MIN_LENGTH, MAX_LENGTH, DEFAULT_LENGTH = 20, 280, 200
WALL_SIZE = 30  # ideas shown on the public wall, newest first

FIELDS = (
    Field("prompt", TextKind(max_length=300), required=True, doc="The question put to the visitors."),
    Field("suggested_tags", ListKind(TextKind(max_length=40), max_items=MAX_TAGS), default=[],
          doc="Suggested tags (0 to 12) that visitors can touch to pick."),
    Field("max_length", NumberKind(MIN_LENGTH, MAX_LENGTH), default=DEFAULT_LENGTH,
          doc="The longest idea, in characters (20 to 280)."),
)


@dataclass(frozen=True)
class Wall:
    prompt: LocalizedText
    tags: tuple[LocalizedText, ...]
    max_length: int

    def tag_key(self, index: int, default_language: str) -> str:
        """How tag ``index`` is stored: its text in the default language."""
        return self.tags[index].get(default_language, [])

    def tag_text(self, key: str, language: str, fallbacks: list[str], default_language: str) -> str:
        """A stored tag in the visitor's language (as stored, when the tag left the manifest)."""
        for tag in self.tags:
            if tag.get(default_language, []) == key:
                return tag.get(language, fallbacks)
        return key


def build(values: dict) -> Wall:
    return Wall(values["prompt"], tuple(values["suggested_tags"]), values["max_length"])


def clean_idea(text: str, max_length: int) -> str:
    """An idea as it is stored: spaces tidied, held to ``max_length``."""
    return re.sub(r"\s+", " ", text).strip()[:max_length].rstrip()


#: What the wall says above (or instead of) its ideas: never more than one of these at once.
EMPTY, THANKS, UNREADABLE = "empty", "thanks", "unreadable"


def wall_notice(ideas: int, thanked: bool, unreadable: bool = False) -> str | None:
    """The one message the wall shows, or None when its ideas speak for themselves.

    >>> wall_notice(0, thanked=True)     # just sent, wall still empty: thanks, not "no ideas yet"
    'thanks'
    >>> wall_notice(0, thanked=False)
    'empty'
    >>> wall_notice(5, thanked=False) is None
    True

    A wall whose ideas could not be read says so (and not that it is empty); a visitor who
    has just sent an idea is thanked first, whatever the wall holds.
    """
    if thanked:
        return THANKS
    if unreadable:
        return UNREADABLE
    return None if ideas else EMPTY


def can_submit(text: str, tags) -> bool:
    """A text, or at least one tag."""
    return bool(text.strip()) or bool(list(tags))
