"""The facilitator's PIN: stored as a scrypt hash, guarded against guessing by a lockout.

Plain Python with an injectable clock, so the rules are tested without a window::

    guard = PinGuard(KioskSettings.load())
    guard.set_pin("2468")             # ValueError unless 4 to 8 digits
    result = guard.try_pin(typed)     # PinResult: OK, WRONG (tries_left), LOCKED (seconds_left), NOT_SET
    if result.ok:
        open_facilitator_menu()

After ``MAX_TRIES`` wrong PINs in a row the pad is locked for ``LOCK_SECONDS``; while it is
locked even the right PIN is refused. The counters live in the settings and are saved at
once, so switching the kiosk off and on does not open the pad. A clock set backwards never
makes the lock last more than ``LOCK_SECONDS`` from the moment it is noticed.
"""

from __future__ import annotations

import enum
import hashlib
import hmac
import logging
import secrets
import time
from dataclasses import dataclass
from typing import Callable

from kiosk.facilitator.settings import KioskSettings

log = logging.getLogger(__name__)

MAX_TRIES = 5
LOCK_SECONDS = 60
PIN_MIN_DIGITS, PIN_MAX_DIGITS = 4, 8
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**14, 8, 1
SALT_BYTES, HASH_BYTES = 16, 32


def validate_new_pin(pin: str) -> None:
    """Raise ValueError unless ``pin`` is 4 to 8 digits (0-9)."""
    if not isinstance(pin, str) or not (pin.isascii() and pin.isdigit()):
        raise ValueError(f"the PIN must be {PIN_MIN_DIGITS} to {PIN_MAX_DIGITS} digits (0-9), nothing else")
    if not PIN_MIN_DIGITS <= len(pin) <= PIN_MAX_DIGITS:
        raise ValueError(f"the PIN must be {PIN_MIN_DIGITS} to {PIN_MAX_DIGITS} digits long, not {len(pin)}")


def hash_pin(pin: str) -> dict:
    """A record to store: scrypt parameters, a fresh random salt and the hash (hex)."""
    salt = secrets.token_bytes(SALT_BYTES)
    digest = hashlib.scrypt(pin.encode("utf-8"), salt=salt, n=SCRYPT_N, r=SCRYPT_R, p=SCRYPT_P, dklen=HASH_BYTES)
    return {"algorithm": "scrypt", "n": SCRYPT_N, "r": SCRYPT_R, "p": SCRYPT_P,
            "salt": salt.hex(), "hash": digest.hex()}


def verify_pin(pin: str, stored: dict) -> bool:
    """Whether ``pin`` matches the record made by :func:`hash_pin`; ValueError for a damaged record."""
    try:
        if stored["algorithm"] != "scrypt":
            raise ValueError(f"unknown algorithm {stored['algorithm']!r}")
        salt, expected = bytes.fromhex(stored["salt"]), bytes.fromhex(stored["hash"])
        digest = hashlib.scrypt(pin.encode("utf-8"), salt=salt, n=int(stored["n"]), r=int(stored["r"]),
                                p=int(stored["p"]), dklen=len(expected))
    except (KeyError, TypeError, ValueError, OverflowError) as exc:
        raise ValueError(f"the stored PIN record is damaged ({exc!r}); set a new PIN with 'kiosk set-pin'") from None
    return hmac.compare_digest(digest, expected)


class PinStatus(enum.Enum):
    OK = "ok"
    WRONG = "wrong"
    LOCKED = "locked"
    NOT_SET = "not set"


@dataclass(frozen=True)
class PinResult:
    status: PinStatus
    tries_left: int = 0  # for WRONG
    seconds_left: float = 0.0  # for LOCKED

    @property
    def ok(self) -> bool:
        return self.status is PinStatus.OK


class PinGuard:
    def __init__(self, settings: KioskSettings, clock: Callable[[], float] = time.time):
        self.settings = settings
        self.clock = clock

    @property
    def is_set(self) -> bool:
        return self.settings.pin is not None

    def locked_for(self) -> float:
        """Seconds until the pad opens again (0 when open), never more than ``LOCK_SECONDS``."""
        remaining = self.settings.locked_until - self.clock()
        if remaining > LOCK_SECONDS:  # the clock went backwards: count the lock from now
            self.settings.locked_until = self.clock() + LOCK_SECONDS
            self.settings.save()
            return float(LOCK_SECONDS)
        return max(remaining, 0.0)

    def try_pin(self, pin: str) -> PinResult:
        if not self.is_set:
            return PinResult(PinStatus.NOT_SET)
        locked = self.locked_for()
        if locked > 0:
            return PinResult(PinStatus.LOCKED, seconds_left=locked)
        if self._matches(pin):
            self._reset_counters()
            return PinResult(PinStatus.OK)
        return self._count_wrong_try()

    def set_pin(self, pin: str) -> None:
        """Store the hash of a new PIN (ValueError when it breaks the rule) and open the pad."""
        validate_new_pin(pin)
        self.settings.pin = hash_pin(pin)
        self.settings.failed_tries, self.settings.locked_until = 0, 0.0
        self.settings.save()

    def _matches(self, pin: str) -> bool:
        try:
            return verify_pin(pin, self.settings.pin)
        except ValueError as exc:  # a damaged record opens nothing; it counts as a wrong try
            log.error("%s: %s", self.settings.file, exc)
            return False

    def _reset_counters(self) -> None:
        if self.settings.failed_tries or self.settings.locked_until:
            self.settings.failed_tries, self.settings.locked_until = 0, 0.0
            self.settings.save()

    def _count_wrong_try(self) -> PinResult:
        settings = self.settings
        settings.failed_tries += 1
        settings.locked_until = 0.0  # an old, expired lock must not come back if the clock goes backwards
        if settings.failed_tries < MAX_TRIES:
            settings.save()
            return PinResult(PinStatus.WRONG, tries_left=MAX_TRIES - settings.failed_tries)
        settings.failed_tries, settings.locked_until = 0, self.clock() + LOCK_SECONDS
        settings.save()
        return PinResult(PinStatus.LOCKED, seconds_left=float(LOCK_SECONDS))
