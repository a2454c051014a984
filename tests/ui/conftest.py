"""One real kiosk for the UI tests, on the bundled exhibition, in a 1920×1080 window under Xvfb."""

from __future__ import annotations

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
