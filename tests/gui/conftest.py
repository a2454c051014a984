"""One real kiosk for the UI tests, on the bundled exhibition, in a 1920×1080 window under Xvfb."""

from __future__ import annotations

import socket

import pytest

from kiosk.content.loader import load_content
from kiosk.folders import data_dir
from kiosk.gui.kivy_config import configure_kivy
from tests.conftest import PROJECT
from tests.gui.driver import KioskDriver

PIN = "2468"


@pytest.fixture(scope="session")
def kiosk():
    configure_kivy(kiosk=False, size=(1920, 1080))
    from kivy.core.window import Window

    from kiosk.gui.app import KioskApp

    content = load_content(PROJECT / "exhibits")
    app = KioskApp(content, data_dir=data_dir())
    app._run_prepare()
    # Nothing is prepared ahead of the visitor here: rehearsing every exhibit off screen after each
    # reset doubled the suite's time. The tests of that work (test_response.py) switch it on.
    app.navigator.ahead.enabled = False
    Window.size = (1920, 1080)
    app.framerate.active = app.framerate.idle = 0  # and frames as fast as they come
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


@pytest.fixture
def facilitator(fresh, monkeypatch):
    """The kiosk with a PIN set and a short hold, left as it was found afterwards."""
    from kivy.core.window import Window
    from kivy.uix.modalview import ModalView

    from kiosk.gui import root as root_module

    app = fresh.app
    monkeypatch.setattr(root_module, "HOLD_SECONDS", 0.8)
    monkeypatch.setattr(app.framerate, "active", 0)            # frames as fast as they come
    monkeypatch.setattr(app.framerate, "idle", 0)
    app.framerate.wake()
    app.pin_guard.set_pin(PIN)
    app.set_language("en")                                     # the texts asserted below are the English ones
    yield fresh
    for view in [w for w in Window.children if isinstance(w, ModalView)]:
        view.dismiss()
    app.facilitator.guided.stop()
    app.settings.pin, app.settings.failed_tries, app.settings.locked_until = None, 0, 0
    app.settings.mode = "free"
    app.settings.save()
    app.idle.reset_now()
    fresh.settle()


@pytest.fixture(autouse=True)
def english_facilitator(request):
    """Tests of the facilitator's screens assert English texts: the facilitator reads English (French is the default)."""
    if "facilitator" not in request.fixturenames:
        yield
        return
    app = request.getfixturevalue("facilitator").app
    app.settings.facilitator_language = "en"
    app.apply_settings()
    yield
    app.settings.facilitator_language = "fr"
    app.settings.save()
    app.apply_settings()
