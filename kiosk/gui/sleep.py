"""Sleeping outside opening hours, and waking at opening time or at a touch.

Once a second (``KioskApp._tick``) the sleeper asks :func:`kiosk.opening.should_sleep`: the venue closed (the
facilitator's hours for this venue, else the exhibition's ``opening_hours``), nobody visiting (the attract loop,
after the idle reset), and a clock it can believe. Then the kiosk goes to the black ``asleep`` screen and turns the
screen's light off where it can (kiosk.display_power). A visitor at closing time is never interrupted: the kiosk
sleeps at the idle reset that follows their visit. A touch wakes it straight to the language choice; it sleeps
again after that visitor's idle reset. At opening time it wakes to the attract loop by itself.
"""

from __future__ import annotations

import logging
from datetime import datetime

from kiosk.display_power import DisplayPower
from kiosk.opening import OpeningHours, OpeningHoursError, should_sleep
from kiosk.visit.idle import IDLE

log = logging.getLogger(__name__)


class Sleeper:
    def __init__(self, app, display: DisplayPower | None = None):
        self.app = app
        self.display = display or DisplayPower()
        self.asleep = False
        self._venue_hours: tuple[str, OpeningHours | None] = ("", None)

    def hours(self) -> OpeningHours | None:
        """The facilitator's hours for this venue, else the exhibition's; None: always awake."""
        expression = self.app.settings.opening_hours
        if expression is None:
            return self.app.content.collection.opening_hours
        if self._venue_hours[0] != expression:
            self._venue_hours = (expression, self._parse(expression))
        return self._venue_hours[1]

    def _parse(self, expression: str) -> OpeningHours | None:
        try:
            return OpeningHours.parse(expression, self.app.content.collection.country)
        except OpeningHoursError as error:   # settings.json edited by hand: the kiosk stays awake, and says why
            log.warning("the venue's opening hours %r are ignored: %s", expression, error)
            return None

    def at_rest(self) -> bool:
        return self.app.navigator.current == "attract" and self.app.idle.state == IDLE

    def tick(self, now: datetime) -> None:
        hours = self.hours()
        if self.asleep:
            if not should_sleep(hours, now, at_rest=True):
                self.wake(visit=False)
        elif should_sleep(hours, now, self.at_rest()):
            self.sleep(hours, now)

    def sleep(self, hours: OpeningHours, now: datetime) -> None:
        self.asleep = True
        self.app.navigator.go("asleep")
        done = self.display.off()
        opening = hours.next_opening(now)
        log.info("closed (%s): asleep until %s, screen %s", hours.expression,
                 opening.isoformat(sp=" ", timespec="minutes") if opening else "a touch",
                 "off (" + ", ".join(done) + ")" if done else "black")

    def wake(self, visit: bool) -> None:
        """Awake again: for the visitor who touched the screen (the language choice), or at opening (attract)."""
        if not self.asleep:
            return
        self.asleep = False
        self.display.on()
        log.info("awake: %s", "a visitor touched the screen" if visit else "opening time")
        if visit:
            self.app.navigator.show_languages()
        else:
            self.app.navigator.show_attract()
