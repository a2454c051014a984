"""Kiosk mode: a visitor cannot leave the app or reach the system."""

from __future__ import annotations

import os
import subprocess
import sys

from tests.conftest import PROJECT

CONFIG_SCRIPT = """
from kiosk.gui.kivy_config import configure_kivy
configure_kivy(kiosk=True)
from kivy.config import Config
print(Config.get("kivy", "exit_on_escape"), Config.get("graphics", "fullscreen"), Config.get("graphics", "borderless"),
      Config.get("graphics", "show_cursor"), Config.get("graphics", "allow_screensaver"), Config.get("input", "mouse"))
"""


def test_kiosk_configuration():
    env = dict(os.environ, PYTHONPATH=str(PROJECT))
    result = subprocess.run([sys.executable, "-c", CONFIG_SCRIPT], capture_output=True, text=True, env=env, timeout=60)
    assert result.stdout.split() == ["0", "auto", "1", "0", "0", "mouse,disable_multitouch"], result.stderr


def test_keys_and_close_requests_do_nothing(fresh, monkeypatch):
    app = fresh.app
    from kivy.core.window import Window

    monkeypatch.setattr(app, "kiosk_mode", True)
    stopped = []
    monkeypatch.setattr(app, "stop", lambda *a: stopped.append(True))
    for key, modifiers in ((27, []), (282, []), (285, ["alt"]), (ord("q"), ["ctrl", "alt", "shift"])):
        assert app._on_keyboard(Window, key, 0, None, modifiers) is True   # Escape, F1, Alt+F4, Ctrl+Alt+Shift+Q
    assert app._refuse_close() is True
    assert app.open_settings() is False
    assert stopped == []
    assert app.navigator.current == "attract"


