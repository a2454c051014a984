"""kiosk doctor: the checklist for a new venue, from real folders and a real health.json (kiosk.doctor)."""

from __future__ import annotations

import json
import shutil
from datetime import datetime, timedelta

import pytest

from kiosk.cli import main
from kiosk.content.loader import load_content
from kiosk.doctor import OK, PROBLEM, WARNING, Context, run_checks, touch_screens, worst
from kiosk.facilitator.pin import PinGuard
from kiosk.facilitator.settings import KioskSettings
from kiosk.health import KioskState, health_record, read_health, write_health

NOW = datetime(2026, 12, 8, 11, 0)   # a Tuesday morning
TOUCH = '''I: Bus=0003 Vendor=0eef Product=0001 Version=0100
N: Name="eGalax Inc. USB TouchController"
P: Phys=usb-0000:00:14.0-1/input0
H: Handlers=mouse2 event5
B: PROP=2
B: EV=b
B: KEY=400 0 0 0 0 0
B: ABS=260800000000003

I: Bus=0011 Vendor=0001 Product=0001 Version=ab41
N: Name="AT Translated Set 2 keyboard"
H: Handlers=sysrq kbd event0
B: PROP=0
B: EV=120013
'''


@pytest.fixture
def venue(root, tmp_path):
    """A kiosk that is well: content, a PIN, a fresh health.json from a kiosk drawn by its graphics card, a touch screen."""
    data = tmp_path / "data"
    data.mkdir()
    settings = KioskSettings.load(data)
    PinGuard(settings).set_pin("2468")
    settings.reach = {"screen_height_mm": 535, "bottom_mm": 800}     # measured by the volunteer who installed it
    settings.save()
    state = KioskState(started=NOW.timestamp() - 3600, content_title="Test", content_version=None,
                       screen={"width": 1920, "height": 1080, "refresh_hz": 60.0, "renderer": "V3D 4.2"})
    write_health(data, health_record(state, data, now=NOW.timestamp()))
    devices = tmp_path / "devices"
    devices.write_text(TOUCH)
    return Context(load_content(root("base")), data, KioskSettings.load(data), read_health(data), NOW, devices,
                   lambda: "network")


def by_title(checks):
    return {check.title: check for check in checks}


def test_a_kiosk_that_is_well_says_so_on_every_line(venue):
    checks = run_checks(venue, lambda text: text)
    assert worst(checks) == OK, [c for c in checks if c.status != OK]
    found = by_title(checks)
    assert found["Screen"].found == "1920 × 1080, 60 Hz"
    assert found["Touch"].found == "eGalax Inc. USB TouchController"
    assert found["The kiosk"].found.startswith("Running for 1 h 00, awake; 0 visits today")
    assert found["Exhibition"].found == "5 exhibits shown, 0 skipped."


def test_software_drawing_no_touch_no_pin_and_a_wrong_clock_are_each_named_with_their_fix(venue):
    venue.health["screen"]["renderer"] = "llvmpipe (LLVM 15.0.6, 256 bits)"
    venue.input_devices.write_text(TOUCH.split("\n\n")[1])
    venue.settings.pin = None
    venue.now = datetime(2019, 1, 1, 3, 0)
    venue.health["written"] = venue.now.isoformat()
    found = by_title(run_checks(venue, lambda text: text))
    assert found["Drawing"].status == WARNING and "vc4-kms-v3d" in found["Drawing"].fix
    assert found["Touch"].status == WARNING and "touch cable" in found["Touch"].fix
    assert found["PIN"].status == PROBLEM and "set-pin" in found["PIN"].fix
    assert found["Clock"].status == WARNING and "2019-01-01 03:00" in found["Clock"].found


def test_a_kiosk_silent_for_ten_minutes_is_not_running(venue):
    venue.now = NOW + timedelta(minutes=10)
    found = by_title(run_checks(venue, lambda text: text))
    assert found["The kiosk"].status == PROBLEM and "10 minutes old" in found["The kiosk"].found
    assert "Screen" not in found, "an old report says nothing about the screen now"


def test_skipped_exhibits_and_wrong_venue_hours_are_problems(venue, root):
    folder = root("field-errors")
    venue.content = load_content(folder)
    venue.settings.__dict__["opening_hours"] = "Tu-Su 10h-18h"   # settings.json edited by hand
    found = by_title(run_checks(venue, lambda text: text))
    assert found["Exhibition"].status == PROBLEM and "kiosk validate" in found["Exhibition"].fix
    assert found["Opening hours"].status == PROBLEM and "at character 7" in found["Opening hours"].found


def test_touch_screens_are_the_direct_input_devices_and_none_is_no_crash(venue, tmp_path):
    assert touch_screens(venue.input_devices) == ["eGalax Inc. USB TouchController"]   # not the keyboard
    assert touch_screens(tmp_path / "no-such-file") == []


def test_kiosk_doctor_answers_in_the_facilitators_language_and_exits_1_when_something_is_wrong(
        venue, monkeypatch, capsys):
    monkeypatch.setenv("KIOSK_DATA_DIR", str(venue.data_dir))
    venue.settings.pin = None
    venue.settings.save()
    assert main(["doctor", "--content", str(venue.content.root), "--lang", "fr"]) == 1
    out = capsys.readouterr().out
    assert "Heures d'ouverture" in out and "✗" in out
    health = json.loads((venue.data_dir / "health.json").read_text())
    assert set(health) >= {"written", "app_version", "uptime_seconds", "visits_today", "last_visit", "faults",
                           "recording_errors", "free_disk_bytes", "asleep", "restarts_last_hour", "screen"}


def test_opening_hours_with_a_clock_nothing_vouches_for_are_a_warning(venue):
    venue.clock_source = lambda: None                       # a Raspberry Pi 4, no network
    assert by_title(run_checks(venue, lambda text: text))["Clock"].status == OK, "no hours: the clock matters less"
    venue.settings.opening_hours = "Tu-Su 10:00-18:00"
    clock = by_title(run_checks(venue, lambda text: text))["Clock"]
    assert clock.status == WARNING and "does not sleep" in clock.found and "KIOSK_CLOCK_TRUSTED=1" in clock.fix


def test_where_the_screen_hangs_is_asked_for_then_judged_for_a_seated_visitor(venue):
    """Within reach needs the screen's height and its lower edge's: a guess until measured, a fault when even the
    lowest part of the screen is above a seated visitor's 1,220 mm."""
    assert by_title(run_checks(venue, lambda t: t))["Within reach"].found == \
        "Within reach, the screens use the lower part of the screen (78 %): its lower edge is 800 mm above the floor, " \
        "535 mm below its top."
    venue.settings.reach = None
    check = by_title(run_checks(venue, lambda t: t))["Within reach"]
    assert check.status == WARNING and "a guess" in check.found
    assert "kiosk reach --screen-height MM --bottom MM" in check.fix
    venue.settings.reach = {"screen_height_mm": 950, "bottom_mm": 1100}
    check = by_title(run_checks(venue, lambda t: t))["Within reach"]
    assert check.status == PROBLEM and "1220 mm" in check.found
    assert "at most 888 mm above the floor" in check.fix


def test_kiosk_reach_keeps_the_tape_measure_s_figures_and_says_the_share(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("KIOSK_DATA_DIR", str(tmp_path))
    assert main(["reach", "--screen-height", "950", "--bottom", "800"]) == 0
    assert "the lower 44 % of the screen" in capsys.readouterr().out
    assert KioskSettings.load(tmp_path).reach == {"screen_height_mm": 950, "bottom_mm": 800}
    assert main(["reach", "--children"]) == 1, "a 950 mm screen from 800 mm: out of a young child's reach"
    assert "hangs too high" in capsys.readouterr().err
    assert main(["reach", "--bottom", "-3"]) == 2
    assert "bottom_mm must be whole millimetres" in capsys.readouterr().err
    assert KioskSettings.load(tmp_path).reach["bottom_mm"] == 800, "a wrong figure changes nothing"
    assert main(["reach", "--forget"]) == 0 and KioskSettings.load(tmp_path).reach is None


def test_audio_guidance_needs_espeak_ng_and_says_how_to_install_it(venue):
    if shutil.which("espeak-ng"):
        check = by_title(run_checks(venue, lambda t: t))["Audio guidance"]
        assert check.status == OK and check.found.startswith("Spoken by espeak-ng in ")
    venue.speech_engine = "no-such-speech-engine"
    check = by_title(run_checks(venue, lambda t: t))["Audio guidance"]
    assert check.status == WARNING and "hear nothing" in check.found
    assert check.fix == "Install it: sudo apt-get install espeak-ng"


def test_a_kiosk_in_a_fleet_is_checked_for_its_coordinator_its_last_bundle_and_syncthing(venue):
    import json

    from kiosk.fleet.fleet import Fleet

    assert "Fleet" not in by_title(run_checks(venue, lambda t: t)), "a kiosk in no fleet: no line"
    fleet = Fleet(venue.data_dir / "fleet", "kiosk", "Salle des fêtes", api_port=9, device_id="A" * 7)
    fleet.save()
    check = by_title(run_checks(venue, lambda t: t))["Fleet"]
    assert check.status == WARNING and "joined to no coordinator" in check.found and "kiosk fleet join" in check.fix
    fleet.coordinator = {"id": "B", "name": "Portable du MES", "addresses": ["dynamic"]}
    fleet.save()
    check = by_title(run_checks(venue, lambda t: t))["Fleet"]     # nothing answers on port 9
    assert check.status == WARNING and "Syncthing is not running" in check.found
    assert check.fix == "sudo systemctl start musee-kiosk-fleet"
    (fleet.folder / "state.json").write_text(json.dumps({"bundle": {"result": "refused", "reason": "not signed"}}))
    check = by_title(run_checks(venue, lambda t: t))["Fleet"]
    assert check.status == WARNING and check.found.endswith("refused: not signed") and "kiosk trust" in check.fix
