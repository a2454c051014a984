"""The screen's light off and on while the kiosk sleeps, by every way the machine has (kiosk.display_power)."""

from __future__ import annotations

import shlex

from kiosk.display_power import DisplayPower


def test_a_backlight_the_kiosk_may_write_is_powered_down_then_up(tmp_path):
    switch = tmp_path / "backlight" / "intel_backlight" / "bl_power"
    switch.parent.mkdir(parents=True)
    switch.write_text("0")
    (tmp_path / "backlight" / "locked").mkdir()   # no bl_power it may write: left alone
    display = DisplayPower({}, backlights=tmp_path / "backlight")
    assert display.off() == ["backlight intel_backlight"] and switch.read_text() == "4"
    assert display.on() == ["backlight intel_backlight"] and switch.read_text() == "0"


def test_the_venues_own_commands_run_and_one_that_fails_is_logged_not_fatal(tmp_path, caplog):
    said = tmp_path / "said"
    command = "sh -c " + shlex.quote(f"echo $0 >> {said}")
    display = DisplayPower({"KIOSK_SCREEN_OFF": command + " off", "KIOSK_SCREEN_ON": command + " on"},
                           backlights=tmp_path / "none")
    assert display.off() == ["command"] and display.on() == ["command"]
    assert said.read_text().split() == ["off", "on"]
    broken = DisplayPower({"KIOSK_SCREEN_OFF": "false"}, backlights=tmp_path / "none")
    assert broken.off() == [] and "false failed" in caplog.text


def test_dpms_only_on_an_x11_session_and_nothing_at_all_is_a_black_screen(tmp_path, monkeypatch):
    monkeypatch.setattr("shutil.which", lambda name: "/usr/bin/" + name)
    assert DisplayPower({"DISPLAY": ":0"}, backlights=tmp_path).dpms
    assert not DisplayPower({"DISPLAY": ":0", "WAYLAND_DISPLAY": "wayland-0"}, backlights=tmp_path).dpms, \
        "under cage, Xwayland's DPMS would not reach the screen"
    assert DisplayPower({}, backlights=tmp_path).off() == []
