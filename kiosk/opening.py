"""Opening hours: when the kiosk is awake for visitors, and when its screen sleeps.

``collection.yaml`` may say when the venue is open, in OpenStreetMap's ``opening_hours`` syntax (the one on every
shop of the map), and in which country, for its public holidays::

    opening_hours: "Tu-Su 10:00-18:00; PH off"
    country: FR

The facilitator can replace it for one venue from the menu (``KioskSettings.opening_hours``). The expression is
read by opening-hours-py (the Rust ``opening-hours`` crate, a well-kept parser of the whole syntax, with public
holidays per country), not by code of ours. No Kivy here::

    hours = OpeningHours.parse("Tu-Su 10:00-18:00; PH off", country="FR")
    hours.is_open(datetime.now())           # True, False
    hours.next_opening(datetime.now())      # when a sleeping kiosk wakes by itself

The kiosk sleeps only at rest: when the venue is closed and nobody is visiting (the attract loop, after the idle
reset). A visitor in the middle of an exhibit at closing time is never interrupted, and a touch on a sleeping
kiosk wakes it for a visit.

Only a clock something vouches for puts the kiosk to sleep (:func:`clock_source`): the network's time, a clock
with a battery, or the venue's word. A Raspberry Pi 4 with no network starts at the time of its last shutdown,
a wrong time that looks right: after a power cut at night it would think the venue closed all day. A kiosk
awake by mistake costs less than one dark by mistake. A clock plainly wrong (before :data:`PLAUSIBLE_FROM`)
never counts either.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Mapping

import opening_hours

PLAUSIBLE_FROM = datetime(2025, 1, 1)
SYNCHRONIZED = Path("/run/systemd/timesync/synchronized")   # systemd-timesyncd set the clock from the network
RTC = Path("/sys/class/rtc/rtc0")                           # a clock that keeps time with the power off
TRUSTED = "KIOSK_CLOCK_TRUSTED"                             # "1" in the settings: the venue sets the time by hand
EXAMPLE = "Tu-Su 10:00-18:00; PH off"
ALWAYS = "24/7"   # the facilitator's "always open", in the same syntax
SYNTAX_HINT = (f"write days as Mo Tu We Th Fr Sa Su, times as 10:00-18:00, rules apart with ';', "
               f"e.g. \"{EXAMPLE}\" (the syntax of OpenStreetMap's opening_hours)")


class OpeningHoursError(ValueError):
    """An expression the parser refuses, said for a curator: where, and how to write it."""

    def __init__(self, message: str, hint: str = SYNTAX_HINT, field: str = "opening_hours"):
        super().__init__(message)
        self.hint = hint
        self.field = field   # the collection.yaml field at fault: "opening_hours" or "country"


@dataclass(frozen=True)
class OpeningHours:
    expression: str
    country: str | None
    _parsed: opening_hours.OpeningHours

    @classmethod
    def parse(cls, expression: str, country: str | None = None) -> OpeningHours:
        text = expression.strip()
        if not text:
            raise OpeningHoursError("the opening hours are empty", f"remove the line, or write e.g. \"{EXAMPLE}\"")
        try:
            parsed = opening_hours.OpeningHours(text, country=country) if country else opening_hours.OpeningHours(text)
        except opening_hours.UnknownCountryError:
            raise OpeningHoursError(f"'{country}' is not a country code the public holidays are known for",
                                    "write the two-letter ISO code: FR, BE, CH, LU, DE, …", field="country") from None
        except (opening_hours.ParserError, SyntaxError) as error:
            raise OpeningHoursError(f"'{text}' is not an opening-hours expression{_where(str(error))}") from None
        return cls(text, country, parsed)

    def is_open(self, now: datetime) -> bool:
        """Open, or 'unknown' (a rule such as "Mo 10:00-12:00 unknown"): the kiosk stays awake when unsure."""
        return not self._parsed.is_closed(now)

    def next_opening(self, now: datetime) -> datetime | None:
        """When a closed venue opens next; None when it never does ("off")."""
        change = self._parsed.next_change(now)
        return change.replace(tzinfo=None) if change is not None else None

    @property
    def uses_public_holidays(self) -> bool:
        return bool(re.search(r"\bPH\b", self.expression))


def venue_hours(own: str | None, collection) -> OpeningHours | None:
    """The hours the kiosk keeps: the facilitator's for this venue (``own``, read with the exhibition's country for
    its public holidays), else the exhibition's; None: always awake. A wrong ``own`` is an OpeningHoursError."""
    if own is None:
        return collection.opening_hours if collection is not None else None
    return OpeningHours.parse(own, collection.country if collection is not None else None)


def _where(message: str) -> str:
    """The parser's position, said in words: ' (at character 7)'."""
    found = re.search(r"-->\s*\d+:(\d+)", message)
    return f" (at character {found.group(1)})" if found else ""


def clock_plausible(now: datetime) -> bool:
    return now >= PLAUSIBLE_FROM


def clock_source(environ: Mapping[str, str] = os.environ, synchronized: Path = SYNCHRONIZED,
                 rtc: Path = RTC) -> str | None:
    """What vouches for the clock: 'network', 'battery' or 'venue'; None when nothing does."""
    if synchronized.exists():
        return "network"
    if rtc.exists():
        return "battery"
    return "venue" if environ.get(TRUSTED) == "1" else None


def should_sleep(hours: OpeningHours | None, now: datetime, at_rest: bool, trusted: bool) -> bool:
    """Whether the kiosk should be dark now: closed, nobody visiting, and a clock that can be believed."""
    return hours is not None and at_rest and trusted and clock_plausible(now) and not hours.is_open(now)
