"""The kiosk's local settings: defaults, validation, round trips, and damaged files kept aside."""

from __future__ import annotations

import json
import logging
import os

import pytest

from kiosk.facilitator.settings import SETTINGS_FILE, KioskSettings


def write(folder, text: str):
    (folder / SETTINGS_FILE).write_text(text, encoding="utf-8")
    return folder / SETTINGS_FILE


def test_a_missing_file_gives_the_defaults_and_creates_nothing(tmp_path):
    settings = KioskSettings.load(tmp_path)
    assert settings.file == tmp_path / SETTINGS_FILE
    assert (settings.pin, settings.failed_tries, settings.locked_until) == (None, 0, 0.0)
    assert (settings.mode, settings.path, settings.default_language, settings.idle_timeout) == ("free", None, None, None)
    assert (settings.venue_town, settings.venue_date, settings.venue) == ("", "", "")
    assert list(tmp_path.iterdir()) == []


def test_without_a_folder_it_uses_the_kiosk_data_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("KIOSK_DATA_DIR", str(tmp_path / "data"))
    assert KioskSettings.load().file == tmp_path / "data" / SETTINGS_FILE


def test_every_field_survives_a_save_and_a_load(tmp_path):
    settings = KioskSettings.load(tmp_path)
    settings.pin = {"algorithm": "scrypt", "salt": "00", "hash": "11"}
    settings.failed_tries, settings.locked_until = 3, 1_700_000_000.5
    settings.mode, settings.path = "workshop", "monnaies-locales"
    settings.default_language, settings.idle_timeout = "ar", 120
    settings.venue_town, settings.venue_date = "Lyon", "2026-11-28"
    settings.save()
    again = KioskSettings.load(tmp_path)
    assert again.to_dict() == settings.to_dict()
    assert again.venue == "Lyon 2026-11-28"
    assert [p.name for p in tmp_path.iterdir()] == [SETTINGS_FILE]  # no temporary file left behind


def test_unknown_keys_are_kept_on_save(tmp_path):
    write(tmp_path, json.dumps({"mode": "guided", "screen_brightness": 80, "future": {"a": [1, 2]}}))
    settings = KioskSettings.load(tmp_path)
    settings.venue_town = "Besançon"
    settings.save()
    data = json.loads((tmp_path / SETTINGS_FILE).read_text(encoding="utf-8"))
    assert data["screen_brightness"] == 80 and data["future"] == {"a": [1, 2]}
    assert data["mode"] == "guided" and data["venue_town"] == "Besançon"


@pytest.mark.parametrize("text", ["{not json", "", "[1, 2]", '"free"', "null"])
def test_a_corrupt_file_gives_the_defaults_and_is_kept_aside(tmp_path, caplog, text):
    file = write(tmp_path, text)
    with caplog.at_level(logging.WARNING, logger="kiosk.facilitator.settings"):
        settings = KioskSettings.load(tmp_path)
    assert settings.mode == "free" and settings.pin is None
    assert str(file) in caplog.text
    assert not file.exists()
    assert (tmp_path / "settings.json.broken").read_text(encoding="utf-8") == text


def test_a_file_that_is_not_utf8_is_kept_aside(tmp_path, caplog):
    (tmp_path / SETTINGS_FILE).write_bytes(b'{"mode": "\xff\xfe"}')
    with caplog.at_level(logging.WARNING, logger="kiosk.facilitator.settings"):
        assert KioskSettings.load(tmp_path).mode == "free"
    assert SETTINGS_FILE in caplog.text
    assert (tmp_path / "settings.json.broken").read_bytes() == b'{"mode": "\xff\xfe"}'


def test_saving_after_a_corrupt_file_writes_a_fresh_one_and_keeps_the_broken_one(tmp_path):
    write(tmp_path, "{oops")
    settings = KioskSettings.load(tmp_path)
    settings.mode = "guided"
    settings.save()
    assert KioskSettings.load(tmp_path).mode == "guided"
    assert (tmp_path / "settings.json.broken").read_text(encoding="utf-8") == "{oops"


def test_a_bad_value_in_the_file_is_logged_and_the_rest_is_kept(tmp_path, caplog):
    write(tmp_path, json.dumps({"mode": "party", "idle_timeout": 5, "venue_town": "Lyon"}))
    with caplog.at_level(logging.WARNING, logger="kiosk.facilitator.settings"):
        settings = KioskSettings.load(tmp_path)
    assert (settings.mode, settings.idle_timeout, settings.venue_town) == ("free", None, "Lyon")
    assert "mode must be one of free, guided, workshop" in caplog.text
    assert "idle_timeout" in caplog.text and SETTINGS_FILE in caplog.text


@pytest.mark.parametrize("mode", ["free", "guided", "workshop"])
def test_the_three_modes_are_accepted(tmp_path, mode):
    settings = KioskSettings(tmp_path / SETTINGS_FILE)
    settings.mode = mode
    assert settings.mode == mode


@pytest.mark.parametrize("mode", ["party", "", None, "Free"])
def test_a_bad_mode_is_refused_with_a_clear_message(tmp_path, mode):
    settings = KioskSettings(tmp_path / SETTINGS_FILE)
    with pytest.raises(ValueError, match="mode must be one of free, guided, workshop"):
        settings.mode = mode
    assert settings.mode == "free"


@pytest.mark.parametrize("seconds", [None, 30, 90, 900])
def test_idle_timeout_accepts_none_or_30_to_900(tmp_path, seconds):
    settings = KioskSettings(tmp_path / SETTINGS_FILE)
    settings.idle_timeout = seconds
    assert settings.idle_timeout == seconds


@pytest.mark.parametrize("seconds", [29, 901, 0, -60, "90", 90.5, True])
def test_idle_timeout_out_of_range_is_refused(tmp_path, seconds):
    settings = KioskSettings(tmp_path / SETTINGS_FILE)
    with pytest.raises(ValueError, match="idle_timeout must be null .* from 30 to 900"):
        settings.idle_timeout = seconds


@pytest.mark.parametrize("field, value", [
    ("failed_tries", -1), ("failed_tries", "2"), ("locked_until", -5), ("locked_until", "soon"),
    ("path", ""), ("default_language", 3), ("venue_town", None), ("venue_date", "28/11/2026"),
    ("venue_date", "2026-02-30"), ("pin", "1234"),
])
def test_other_bad_values_are_refused(tmp_path, field, value):
    settings = KioskSettings(tmp_path / SETTINGS_FILE)
    with pytest.raises(ValueError, match=field):
        setattr(settings, field, value)


@pytest.mark.parametrize("town, day, venue", [
    ("Lyon", "2026-11-28", "Lyon 2026-11-28"), ("Lyon", "", "Lyon"), ("", "2026-11-28", "2026-11-28"), ("", "", ""),
])
def test_venue_joins_town_and_date(tmp_path, town, day, venue):
    settings = KioskSettings(tmp_path / SETTINGS_FILE)
    settings.venue_town, settings.venue_date = town, day
    assert settings.venue == venue


def test_instances_do_not_share_state(tmp_path):
    first, second = KioskSettings(tmp_path / "a.json"), KioskSettings(tmp_path / "b.json")
    first.mode = "guided"
    first.extra["x"] = 1
    assert second.mode == "free" and second.extra == {}


def test_the_file_holding_the_pin_is_for_this_account_only(tmp_path):
    old = os.umask(0o022)
    try:
        KioskSettings.load(tmp_path).save()
    finally:
        os.umask(old)
    assert (tmp_path / SETTINGS_FILE).stat().st_mode & 0o777 == 0o600
    assert [path.name for path in tmp_path.iterdir()] == [SETTINGS_FILE]
