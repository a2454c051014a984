"""One real kiosk for the UI tests, on the bundled exhibition, in a 1920×1080 window under Xvfb."""

from __future__ import annotations

import socket

import pytest

from kiosk.content.loader import load_content
from kiosk.paths import data_dir
from kiosk.ui.setup import configure_kivy
from tests.conftest import PROJECT
from tests.ui.driver import KioskDriver


@pytest.fixture(scope="session")
def kiosk():
    configure_kivy(kiosk=False, size=(1920, 1080))
    from kivy.core.window import Window

    from kiosk.app import KioskApp

    content = load_content(PROJECT / "exhibits")
    app = KioskApp(content, data_dir=data_dir())
    app._run_prepare()
    Window.size = (1920, 1080)
    app.navigator.animations = False     # tests wait for nothing time-based: no fades,
    app.framerate.active = app.framerate.idle = app.framerate.animation = 0  # and frames as fast as they come
    app.framerate.wake()
    driver = KioskDriver(app)
    driver.settle()
    yield driver
    app.stop()


@pytest.fixture
def fresh(kiosk):
    """The kiosk as the next visitor finds it: reset, on the attract screen."""
    kiosk.app.idle.reset_now()
    kiosk.app.navigator.faulty.clear()
    kiosk.settle()
    return kiosk


@pytest.fixture
def network_blocked(monkeypatch) -> list:
    """Every attempt to open a network connection fails, and is listed in the returned list."""
    attempts = []

    def refuse(*args, **kwargs):
        attempts.append(args)
        raise OSError("network is blocked in this test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    return attempts
