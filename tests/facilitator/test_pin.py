"""The facilitator's PIN: hashing, the 4-to-8-digit rule, and the lockout, driven by a fake clock."""

from __future__ import annotations

import json
import logging

import pytest

from kiosk.facilitator.pin import (
    LOCK_SECONDS,
    MAX_TRIES,
    PinGuard,
    PinResult,
    PinStatus,
    hash_pin,
    validate_new_pin,
    verify_pin,
)
from kiosk.facilitator.settings import SETTINGS_FILE, KioskSettings

PIN = "2468"
WRONG = "1357"


class FakeClock:
    def __init__(self, now: float = 1_800_000_000.0):
        self.now = now

    def __call__(self) -> float:
        return self.now


@pytest.fixture(scope="module")
def stored():
    """One scrypt hash of PIN, shared by the tests (each hash takes some 50 ms)."""
    return hash_pin(PIN)


@pytest.fixture
def clock():
    return FakeClock()


@pytest.fixture
def settings(tmp_path, stored):
    settings = KioskSettings.load(tmp_path)
    settings.pin = stored
    settings.save()
    return settings


@pytest.fixture
def guard(settings, clock):
    return PinGuard(settings, clock=clock)


def lock(guard: PinGuard) -> PinResult:
    for _ in range(MAX_TRIES - 1):
        assert guard.try_pin(WRONG).status is PinStatus.WRONG
    return guard.try_pin(WRONG)


def restart(settings: KioskSettings, clock: FakeClock) -> PinGuard:
    return PinGuard(KioskSettings.load(settings.file.parent), clock=clock)


# hashing

def test_a_hash_verifies_the_right_pin_only(stored):
    assert verify_pin(PIN, stored)
    assert not verify_pin(WRONG, stored)
    assert not verify_pin(PIN + "0", stored)


def test_the_record_holds_parameters_salt_and_hash_but_not_the_pin(stored):
    assert stored["algorithm"] == "scrypt"
    assert (stored["n"], stored["r"], stored["p"]) == (2**14, 8, 1)
    assert len(bytes.fromhex(stored["salt"])) == 16 and len(bytes.fromhex(stored["hash"])) == 32
    assert set(stored) == {"algorithm", "n", "r", "p", "salt", "hash"}  # nothing else is kept
    # The PIN is in no field. (Not "not in json.dumps(stored)": a random 96-digit hex salt and hash
    # contain "2468" about once in 700 records, which made this test fail now and then.)
    assert PIN not in (stored["algorithm"], str(stored["n"]), str(stored["r"]), str(stored["p"]))
    assert PIN.encode().hex() not in stored["salt"] + stored["hash"]  # nor its bytes, as they are


def test_each_hash_has_its_own_salt(stored):
    again = hash_pin(PIN)
    assert again["salt"] != stored["salt"] and again["hash"] != stored["hash"]
    assert verify_pin(PIN, again)


@pytest.mark.parametrize("damage", [
    lambda r: r.pop("salt"), lambda r: r.update(salt="zz"), lambda r: r.update(n=3),
    lambda r: r.update(algorithm="md5"), lambda r: r.update(r="eight"), lambda r: r.update(n=2**40),
])
def test_a_damaged_record_raises_instead_of_answering(stored, damage):
    record = dict(stored)
    damage(record)
    with pytest.raises(ValueError, match="damaged.*kiosk set-pin"):
        verify_pin(PIN, record)


# the rule for a new PIN

@pytest.mark.parametrize("pin", ["0000", "1234", "12345678", "0042"])
def test_four_to_eight_digits_are_accepted(pin):
    validate_new_pin(pin)


@pytest.mark.parametrize("pin, message", [
    ("123", "4 to 8 digits long, not 3"), ("123456789", "4 to 8 digits long, not 9"), ("", "digits"),
    ("12a4", "digits"), ("12 34", "digits"), (" 1234", "digits"), ("１２３４", "digits"), ("²³⁴⁵", "digits"),
    ("-123", "digits"), (1234, "digits"),
])
def test_anything_else_is_refused_with_a_plain_message(pin, message):
    with pytest.raises(ValueError, match=message):
        validate_new_pin(pin)


# the guard

def test_without_a_pin_nothing_is_checked(tmp_path, clock):
    guard = PinGuard(KioskSettings.load(tmp_path), clock=clock)
    assert not guard.is_set
    assert guard.try_pin(PIN) == PinResult(PinStatus.NOT_SET)
    assert not guard.try_pin(PIN).ok


def test_the_right_pin_opens(guard):
    assert guard.is_set
    result = guard.try_pin(PIN)
    assert result.ok and result == PinResult(PinStatus.OK)
    assert guard.locked_for() == 0


def test_wrong_pins_count_down_and_are_saved_at_once(guard, settings):
    for left in range(MAX_TRIES - 1, 0, -1):
        assert guard.try_pin(WRONG) == PinResult(PinStatus.WRONG, tries_left=left)
    on_disk = json.loads(settings.file.read_text(encoding="utf-8"))
    assert on_disk["failed_tries"] == MAX_TRIES - 1


def test_five_wrong_pins_lock_the_pad_for_60_seconds(guard, clock):
    assert lock(guard) == PinResult(PinStatus.LOCKED, seconds_left=LOCK_SECONDS)
    assert guard.locked_for() == 60
    clock.now += 25
    assert guard.locked_for() == 35
    assert guard.try_pin(WRONG) == PinResult(PinStatus.LOCKED, seconds_left=35)


def test_the_right_pin_is_refused_while_locked(guard, clock):
    lock(guard)
    clock.now += 59
    result = guard.try_pin(PIN)
    assert result.status is PinStatus.LOCKED and not result.ok
    assert result.seconds_left == pytest.approx(1)


def test_the_lock_survives_a_restart(guard, settings, clock):
    lock(guard)
    clock.now += 10
    after_restart = restart(settings, clock)
    assert after_restart.locked_for() == 50
    assert after_restart.try_pin(PIN).status is PinStatus.LOCKED


def test_the_pad_opens_after_60_seconds(guard, settings, clock):
    lock(guard)
    clock.now += LOCK_SECONDS
    assert guard.locked_for() == 0
    assert restart(settings, clock).try_pin(PIN).ok


def test_after_the_lock_there_are_five_fresh_tries(guard, clock):
    lock(guard)
    clock.now += LOCK_SECONDS
    assert guard.try_pin(WRONG) == PinResult(PinStatus.WRONG, tries_left=MAX_TRIES - 1)


def test_the_right_pin_resets_the_count(guard, settings):
    for _ in range(MAX_TRIES - 1):
        guard.try_pin(WRONG)
    assert guard.try_pin(PIN).ok
    assert KioskSettings.load(settings.file.parent).failed_tries == 0
    assert guard.try_pin(WRONG) == PinResult(PinStatus.WRONG, tries_left=MAX_TRIES - 1)


def test_a_clock_set_backwards_never_lengthens_the_lock_beyond_60_seconds(guard, settings, clock):
    lock(guard)
    clock.now -= 3600  # someone sets the clock back an hour
    assert guard.locked_for() == LOCK_SECONDS
    clock.now += LOCK_SECONDS  # 60 s after the jump was noticed, the pad opens
    assert guard.locked_for() == 0
    assert restart(settings, clock).try_pin(PIN).ok


def test_a_clock_set_backwards_across_a_restart_is_capped_too(guard, settings, clock):
    lock(guard)
    clock.now -= 86_400
    after_restart = restart(settings, clock)
    assert after_restart.try_pin(PIN) == PinResult(PinStatus.LOCKED, seconds_left=LOCK_SECONDS)
    clock.now += LOCK_SECONDS
    assert after_restart.try_pin(PIN).ok


def test_an_expired_lock_does_not_come_back_when_the_clock_goes_backwards(guard, clock):
    lock(guard)
    clock.now += LOCK_SECONDS + 5
    guard.try_pin(WRONG)
    clock.now -= 30
    assert guard.locked_for() == 0


def test_set_pin_stores_a_hash_and_opens_the_pad(guard, settings, clock):
    lock(guard)
    guard.set_pin("97531")
    assert guard.locked_for() == 0
    on_disk = KioskSettings.load(settings.file.parent)
    assert (on_disk.failed_tries, on_disk.locked_until) == (0, 0.0)
    assert "97531" not in settings.file.read_text(encoding="utf-8")
    assert guard.try_pin("97531").ok and not guard.try_pin(PIN).ok


def test_set_pin_refuses_a_pin_that_breaks_the_rule(guard, stored):
    with pytest.raises(ValueError, match="4 to 8 digits"):
        guard.set_pin("12")
    assert guard.settings.pin == stored


def test_a_damaged_record_is_logged_and_opens_nothing(tmp_path, clock, caplog):
    settings = KioskSettings.load(tmp_path)
    settings.pin = {"algorithm": "scrypt", "salt": "nothex"}
    guard = PinGuard(settings, clock=clock)
    with caplog.at_level(logging.ERROR, logger="kiosk.facilitator.pin"):
        assert guard.try_pin(PIN).status is PinStatus.WRONG
    assert SETTINGS_FILE in caplog.text and "kiosk set-pin" in caplog.text


def test_a_corrupt_settings_file_leaves_no_pin_set(tmp_path, clock):
    (tmp_path / SETTINGS_FILE).write_text('{"pin": {"algorithm": "scr', encoding="utf-8")
    guard = PinGuard(KioskSettings.load(tmp_path), clock=clock)
    assert not guard.is_set and guard.try_pin(PIN).status is PinStatus.NOT_SET
    assert (tmp_path / "settings.json.broken").exists()
