"""What visitors do, as events: views and the navigator emit, the rest of the kiosk subscribes.

A small typed bus in the manner of Electrum's ``register_callback``/``trigger_callback``.
An exhibit view does not know where a vote goes: it emits :class:`PollVoted`, and the
record store (the venue's tally), the visit statistics and anything added later each
subscribe to the event types they care about::

    bus = EventBus()
    bus.subscribe(PollVoted, lambda event: print(event.exhibit, event.option))
    bus.emit(PollVoted("alternatives-sondage", option=2))

A subscriber that raises is logged with the event and left behind; the others still run
and the visitor's screen goes on (nothing a subscriber does may take a visit down).
Plain Python, no Kivy.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from dataclasses import dataclass
from typing import Callable

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class VisitStarted:
    """The first touch of a visitor (on the attract loop), or a guided session's start."""


@dataclass(frozen=True)
class VisitEnded:
    last_activity: float | None = None  # wall-clock time of the last touch, when known


@dataclass(frozen=True)
class LanguageChosen:
    language: str


@dataclass(frozen=True)
class SecondLanguageChosen:
    """The visitor asked for content texts in a second language too (``""``: back to one language)."""
    language: str


@dataclass(frozen=True)
class BasketKept:
    """At the end of a visit, the visitor's list held ``size`` exhibits (not sent when it held none)."""
    size: int


@dataclass(frozen=True)
class AccessChanged:
    """The visitor turned an access mode (kiosk.visit.access.MODES) on or off."""
    mode: str
    on: bool


@dataclass(frozen=True)
class NarrationPlayed:
    """A reading of an exhibit began (its language: the one read, which may be a fallback)."""
    exhibit: str
    language: str


@dataclass(frozen=True)
class ExhibitOpened:
    exhibit: str


@dataclass(frozen=True)
class ExhibitClosed:
    """The visitor left the exhibit they were looking at (home, another room)."""


@dataclass(frozen=True)
class ExhibitFailed:
    exhibit: str
    error: BaseException


@dataclass(frozen=True)
class QrShown:
    exhibit: str
    url: str


@dataclass(frozen=True)
class QuizAnswered:
    exhibit: str
    question: int  # 1-based
    right: bool


@dataclass(frozen=True)
class PollVoted:
    exhibit: str
    option: int  # 0-based index of the chosen answer


@dataclass(frozen=True)
class IdeaSent:
    exhibit: str
    text: str
    tags: tuple[str, ...] = ()


@dataclass(frozen=True)
class CommonsPlayed:
    """A game of ``commons`` reached its end (nothing about who played: only how many)."""

    exhibit: str
    players: int
    rounds: int
    rules_adopted: int
    outcome: str   # sustained, depleted or collapsed


@dataclass(frozen=True)
class RoleplayPlayed:
    """A game of ``roleplay`` reached its end: how many played and, per decision mode, what it gave.

    ``modes`` holds ``(mode, adopted, left_open)`` triples: decisions taken in that mode that
    adopted something, and that ended with nothing decided. Nothing about who played or chose what.
    """

    exhibit: str
    players: int
    modes: tuple[tuple[str, int, int], ...]

    @property
    def decisions(self) -> int:
        return sum(adopted + left_open for _, adopted, left_open in self.modes)


class EventBus:
    def __init__(self) -> None:
        self._subscribers: dict[type, list[Callable]] = defaultdict(list)

    def subscribe(self, event_type: type, callback: Callable) -> None:
        self._subscribers[event_type].append(callback)

    def unsubscribe(self, event_type: type, callback: Callable) -> None:
        self._subscribers[event_type].remove(callback)

    def emit(self, event) -> None:
        for callback in list(self._subscribers.get(type(event), ())):
            try:
                callback(event)
            except Exception:  # a subscriber's fault must not reach the visitor
                log.exception("a subscriber to %s failed: %r", type(event).__name__, event)
