"""Sleeping outside opening hours, and waking at opening time or at a touch.

Once a second (``KioskApp._tick``) the sleeper asks :func:`kiosk.opening.should_sleep`: the venue closed (the
facilitator's hours for this venue, else the exhibition's ``opening_hours``), nobody visiting (the attract loop,
after the idle reset), and a clock it can believe. Then the kiosk goes to the black ``asleep`` screen and turns the
screen's light off where it can (kiosk.display_power, on a thread: a slow command never holds the loop the
watchdog listens to). Only a clock something vouches for puts it to sleep (kiosk.opening). A visitor at closing time is never interrupted: the kiosk
sleeps at the idle reset that follows their visit. A touch wakes it straight to the language choice; it sleeps
again after that visitor's idle reset. At opening time it wakes to the attract loop by itself.
"""

from __future__ import annotations

import logging
import queue
import threading
from datetime import datetime

from kiosk.display_power import DisplayPower
from kiosk.opening import OpeningHours, OpeningHoursError, clock_source, should_sleep, venue_hours
from kiosk.visit.idle import IDLE

log = logging.getLogger(__name__)


class Sleeper:
    def __init__(self, app, display: DisplayPower | None = None):
        self.app = app
        self.display = display or DisplayPower()
        self.asleep = False
        self.clock_source = clock_source   # what vouches for the clock (kiosk.opening); tests vouch themselves
        self._orders: queue.SimpleQueue = queue.SimpleQueue()
        self._worker: threading.Thread | None = None
        self._venue_hours: tuple[str, OpeningHours | None] = ("", None)

    def hours(self) -> OpeningHours | None:
        """The facilitator's hours for this venue, else the exhibition's; None: always awake."""
        expression = self.app.settings.opening_hours
        if expression is None:
            return venue_hours(None, self.app.content.collection)
        if self._venue_hours[0] != expression:   # parsed once, not every second
            self._venue_hours = (expression, self._parse(expression))
        return self._venue_hours[1]

    def _parse(self, expression: str) -> OpeningHours | None:
        try:
            return venue_hours(expression, self.app.content.collection)
        except OpeningHoursError as error:   # settings.json edited by hand: the kiosk stays awake, and says why
            log.warning("the venue's opening hours %r are ignored: %s", expression, error)
            return None

    def at_rest(self) -> bool:
        return self.app.navigator.current == "attract" and self.app.idle.state == IDLE

    def tick(self, now: datetime) -> None:
        hours = self.hours()
        if hours is None and not self.asleep:
            return
        trusted = self.clock_source() is not None
        if self.asleep:
            if not should_sleep(hours, now, at_rest=True, trusted=trusted):
                self.wake(visit=False)
        elif should_sleep(hours, now, self.at_rest(), trusted):
            self.sleep(hours, now)

    def sleep(self, hours: OpeningHours, now: datetime) -> None:
        self.asleep = True
        self.app.navigator.go("asleep")
        opening = hours.next_opening(now)
        until = opening.isoformat(sp=" ", timespec="minutes") if opening else "a touch"
        self._switch(self.display.off, f"closed ({hours.expression}): asleep until {until}, screen")

    def _switch(self, turn, said: str) -> None:
        """Turn the screen's light off or on without holding the main loop (one worker, so in order)."""
        if self._worker is None:
            self._worker = threading.Thread(target=self._run_switches, name="display-power", daemon=True)
            self._worker.start()
        self._orders.put((turn, said))

    def _run_switches(self) -> None:
        while True:
            turn, said = self._orders.get()
            done = turn()
            log.info("%s %s", said, "switched (" + ", ".join(done) + ")" if done else "black, its light unchanged")

    def wake(self, visit: bool) -> None:
        """Awake again: for the visitor who touched the screen (the language choice), or at opening (attract)."""
        if not self.asleep:
            return
        self.asleep = False
        self._switch(self.display.on, "awake (" + ("a visitor touched the screen" if visit else "opening time") + "), screen")
        if visit:
            self.app.navigator.show_languages()
        else:
            self.app.navigator.show_attract()
