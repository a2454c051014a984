"""The visitor session: everything that belongs to the person at the kiosk, and nothing else.

A screen keeps its per-visitor state here (the chosen language, the quiz question, the
gallery image, scroll positions) rather than in itself, so that one ``reset()`` at idle
leaves no trace of the previous visitor::

    session.state_for("alternatives-quiz")["question"] = 2
    session.second_language = "ar"   # texts shown in Arabic too, beside the visitor's language
    session.keep("origines-enclosures")   # on the visitor's list, to take home (kiosk.visit.basket)
    session.reset()           # next visitor: fresh language (and the venue's second one), fresh positions
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from kiosk.visit.access import AccessModes


@dataclass
class VisitorSession:
    default_language: str
    language: str = ""
    exhibit_id: str | None = None
    views: dict[str, dict[str, Any]] = field(default_factory=dict)
    visits: int = 0
    seen: set[str] = field(default_factory=set)   # exhibits this visitor opened (marked on home's cards)
    access: AccessModes = field(default_factory=AccessModes)   # larger text, contrast…: for this visitor only
    default_second_language: str = ""   # the venue's (facilitator's settings): a new visit starts with it
    second_language: str = ""           # texts shown in it too, beside the visitor's language ("": none)
    basket: list[str] = field(default_factory=list)   # exhibits the visitor kept, in that order (kiosk.visit.basket)

    def __post_init__(self) -> None:
        self.language = self.language or self.default_language
        self.second_language = self.second_language or self.default_second_language

    def state_for(self, key: str) -> dict[str, Any]:
        """The mutable state of one exhibit view (or screen) for this visitor."""
        return self.views.setdefault(key, {})

    def start(self, language: str) -> None:
        """A new visitor chose a language (the access modes and second language they chose before it stay on)."""
        access, second = self.access, self.second_language
        self.reset()
        self.access, self.second_language = access, second
        self.language = language
        self.visits += 1

    def reset(self) -> None:
        self.language = self.default_language
        self.exhibit_id = None
        self.views.clear()
        self.seen.clear()
        self.access = AccessModes()
        self.second_language = self.default_second_language
        self.basket.clear()

    def keep(self, exhibit_id: str) -> bool:
        """Put the exhibit on the visitor's list, or take it off; True when it is on it now."""
        if exhibit_id in self.basket:
            self.basket.remove(exhibit_id)
            return False
        self.basket.append(exhibit_id)
        return True

    @property
    def is_fresh(self) -> bool:
        return (self.exhibit_id is None and not self.views and not self.seen and self.language == self.default_language
                and self.second_language == self.default_second_language and not self.access.active
                and not self.basket)
