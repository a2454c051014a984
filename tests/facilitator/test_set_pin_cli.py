"""``kiosk set-pin``: the PIN from a terminal or from stdin, saved as a hash, never printed."""

from __future__ import annotations

import getpass
import json
import os
import re
import subprocess
import sys

import pytest

from kiosk.cli import main
from kiosk.facilitator.pin import verify_pin
from kiosk.facilitator.settings import SETTINGS_FILE
from tests.conftest import PROJECT

PIN = "4826"


def set_pin(tmp_path, stdin: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, KIOSK_DATA_DIR=str(tmp_path), PYTHONPATH=str(PROJECT))
    return subprocess.run([sys.executable, "-m", "kiosk", "set-pin"], input=stdin, capture_output=True, text=True,
                          env=env, cwd=PROJECT, timeout=60)


def saved(tmp_path) -> dict:
    return json.loads((tmp_path / SETTINGS_FILE).read_text(encoding="utf-8"))


@pytest.mark.parametrize("stdin", [f"{PIN}\n", PIN, f"{PIN}\n{PIN}\n", f"{PIN}\r\n{PIN}\r\n"])
def test_the_pin_from_stdin_is_saved_as_a_hash(tmp_path, stdin):
    result = set_pin(tmp_path, stdin)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"PIN saved in {tmp_path / SETTINGS_FILE}"
    assert PIN not in result.stdout + result.stderr
    # the PIN never as a value of its own; a hash or salt in hex may hold its four digits by chance (CI saw it)
    assert not re.search(rf"(?<![0-9A-Za-z]){PIN}(?![0-9A-Za-z])", (tmp_path / SETTINGS_FILE).read_text(encoding="utf-8"))
    assert verify_pin(PIN, saved(tmp_path)["pin"])


@pytest.mark.parametrize("stdin, message", [
    (f"{PIN}\n4827\n", "the two PINs differ"), ("12\n", "4 to 8 digits"), ("12ab\n12ab\n", "4 to 8 digits"),
    ("", "give the PIN on one line"), (f"{PIN}\n{PIN}\n{PIN}\n", "give the PIN on one line"),
])
def test_a_mismatch_or_a_bad_pin_fails_with_one_line_and_saves_nothing(tmp_path, stdin, message):
    result = set_pin(tmp_path, stdin)
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1 and message in result.stderr
    assert result.stderr.startswith("kiosk set-pin: ")
    assert PIN not in result.stdout + result.stderr
    assert not (tmp_path / SETTINGS_FILE).exists()


def test_set_pin_keeps_the_other_settings_and_clears_a_lockout(tmp_path):
    (tmp_path / SETTINGS_FILE).write_text(json.dumps({"mode": "guided", "failed_tries": 3,
                                                      "locked_until": 4e9, "newer_key": True}), encoding="utf-8")
    assert set_pin(tmp_path, f"{PIN}\n").returncode == 0
    data = saved(tmp_path)
    assert (data["mode"], data["failed_tries"], data["locked_until"], data["newer_key"]) == ("guided", 0, 0.0, True)


class Terminal:
    """Stands in for stdin at a terminal; getpass is replaced so nothing real is read."""

    def isatty(self) -> bool:
        return True


@pytest.fixture
def terminal(tmp_path, monkeypatch):
    monkeypatch.setenv("KIOSK_DATA_DIR", str(tmp_path))
    monkeypatch.setattr(sys, "stdin", Terminal())

    def typed(*answers):
        replies = iter(answers)
        monkeypatch.setattr(getpass, "getpass", lambda prompt="": next(replies))

    return typed


def test_at_a_terminal_the_pin_is_asked_twice(tmp_path, terminal, capsys):
    terminal(PIN, PIN)
    assert main(["set-pin"]) == 0
    assert verify_pin(PIN, saved(tmp_path)["pin"])
    assert PIN not in "".join(capsys.readouterr())


def test_at_a_terminal_two_different_pins_are_refused(tmp_path, terminal, capsys):
    terminal(PIN, "4827")
    assert main(["set-pin"]) == 1
    assert "the two PINs differ" in capsys.readouterr().err
    assert not (tmp_path / SETTINGS_FILE).exists()
