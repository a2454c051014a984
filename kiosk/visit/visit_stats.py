"""What visitors do, as anonymous events for the statistics (:mod:`kiosk.stats`). No Kivy here.

The navigator, the app and the exhibit views say what happened; this turns it into
:class:`~kiosk.stats.model.Event` objects with the time, the venue, the visitor's language
and a visit number, and hands them to the recorder (which writes them off the UI thread)::

    stats = VisitStats(recorder.record, venue=lambda: app.venue)
    stats.visit_started()                 # the first touch on the attract loop
    stats.language("fr")                  # chosen; later calls with another code are switches
    stats.second_language("ar")           # texts shown in Arabic too, beside the visitor's language
    stats.access("large_text", True)      # an access mode turned on (or off)
    stats.exhibit_opened("origines-quiz")
    stats.quiz_answered("origines-quiz", question=1, right=True)
    stats.visit_ended(last_activity)      # the idle reset

A visit number is random and lives only as long as the visit: it ties the visit's own
events together and says nothing about who visited.
"""

from __future__ import annotations

import random
import time
from datetime import datetime
from typing import Callable

from kiosk.opening import clock_plausible
from kiosk.stats.model import WRONG_CLOCK, Event


class VisitStats:
    def __init__(self, record: Callable[[Event], None], venue: Callable[[], str], clock=time.time):
        self.record, self.venue, self.clock = record, venue, clock
        self.visit = 0              # 0: nobody is visiting
        self.started = 0.0
        self.current_language = ""
        self._open: tuple[str, float] | None = None   # the exhibit on screen, since when
        self._qr_seen: set[str] = set()                # links already counted for that exhibit

    @property
    def active(self) -> bool:
        return self.visit != 0

    # --- the visit ----------------------------------------------------------------------------
    def visit_started(self) -> None:
        if self.active:
            return
        self.visit = random.getrandbits(48) or 1
        self.started = self.clock()
        self.current_language = ""  # the visitor's own choice comes next, even if it is the default
        # a clock that cannot be right (no network, no clock battery): the visit counts, its date is flagged
        self._emit("visit_start", detail="" if clock_plausible(datetime.fromtimestamp(self.started)) else WRONG_CLOCK)

    def visit_ended(self, last_activity: float | None = None) -> None:
        """The idle reset: the visit lasted from its first touch to its last one."""
        if not self.active:
            return
        self.exhibit_closed()
        end = last_activity if last_activity is not None else self.clock()
        self._emit("visit_end", value=max(0.0, round(end - self.started)))
        self.visit, self.current_language, self._qr_seen = 0, "", set()

    def language(self, code: str) -> None:
        """The language chosen at the start, then each switch to another one."""
        if code != self.current_language:
            self.current_language = code
            if self.active:
                self._emit("language", detail=code)

    def second_language(self, code: str) -> None:
        """A second language chosen (texts shown in both): counted per code; taking it away is not counted."""
        if code:
            self._emit("second_language", detail=code)

    def basket(self, size: int) -> None:
        """The visitor's list at the end of the visit: one per visit, its size (no exhibit named)."""
        if size > 0:
            self._emit("basket", value=size)

    def access(self, mode: str, on: bool) -> None:
        """An access mode turned on (value 1) or off (0): how often each mode is used, and for how many visits."""
        self._emit("access", value=1 if on else 0, detail=mode)

    def narration(self, exhibit_id: str, language: str) -> None:
        """A reading began (its language in ``detail``: it may be a fallback)."""
        self._emit("narration", exhibit_id, detail=language)

    # --- exhibits -----------------------------------------------------------------------------
    def exhibit_opened(self, exhibit_id: str) -> None:
        if self._open and self._open[0] == exhibit_id:
            return  # the same exhibit again (a language switch rebuilds it): still one opening
        self.exhibit_closed()
        self._open = (exhibit_id, self.clock())
        self._qr_seen = set()
        self._emit("exhibit_open", exhibit_id)

    def exhibit_closed(self) -> None:
        if self._open is None:
            return
        exhibit_id, since = self._open
        self._open = None
        self._emit("exhibit_close", exhibit_id, value=max(0.0, round(self.clock() - since)))

    def qr_shown(self, exhibit_id: str, url: str) -> None:
        """A link's QR code on screen: counted once per exhibit opening."""
        if url not in self._qr_seen:
            self._qr_seen.add(url)
            self._emit("qr_shown", exhibit_id, detail=url)

    def quiz_answered(self, exhibit_id: str, question: int, right: bool) -> None:
        self._emit("quiz_answer", exhibit_id, value=1 if right else 0, detail=str(question))

    def poll_voted(self, exhibit_id: str, option: int) -> None:
        self._emit("poll_vote", exhibit_id, value=option)

    def idea_sent(self, exhibit_id: str) -> None:
        self._emit("wall_idea", exhibit_id)

    def game_ended(self, exhibit_id: str, players: int, rounds: int, rules_adopted: int, outcome: str) -> None:
        """A game reached its end: how many played, how long, how many rules they adopted, how it ended."""
        self._emit("game_end", exhibit_id, value=rounds, detail=f"{outcome} {players} {rules_adopted}")

    def roleplay_ended(self, exhibit_id: str, players: int, modes) -> None:
        """A role-play reached its end: how many played and, per mode, decisions adopted and left open."""
        counts = " ".join(f"{mode}:{adopted}/{left_open}" for mode, adopted, left_open in modes)
        decisions = sum(adopted + left_open for _, adopted, left_open in modes)
        self._emit("roleplay_end", exhibit_id, value=decisions, detail=f"{players} {counts}".strip())

    def fault(self, exhibit_id: str, error: BaseException) -> None:
        self._emit("fault", exhibit_id, detail=type(error).__name__)

    def _emit(self, kind: str, exhibit: str = "", value: float = 0.0, detail: str = "") -> None:
        self.record(Event(kind, int(self.clock()), self.venue(), self.visit, exhibit, self.current_language,
                          value, detail))
