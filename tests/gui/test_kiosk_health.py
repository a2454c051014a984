"""The running kiosk reports on itself (health.json) and the facilitator's menu shows kiosk doctor's checklist."""

from __future__ import annotations

import json

from kivy.uix.label import Label

from tests.gui.test_facilitator import open_menu_in


def texts(driver, widget) -> list[str]:
    return [w.text for w in driver.widgets(widget) if isinstance(w, Label)]


def test_the_kiosk_writes_its_health_with_its_screen_and_renderer(fresh):
    driver, app = fresh, fresh.app
    file = app.health.data_dir / "health.json"
    file.unlink(missing_ok=True)
    app.health.start()   # as at the first frame: the screen is known now
    app.health.write()
    assert driver.wait_until(file.exists, 10)
    health = json.loads(file.read_text())
    assert health["screen"]["width"] == 1920 and health["screen"]["renderer"]
    assert health["asleep"] is False and health["faults"] == {} and health["app_version"]


def test_the_menu_shows_the_checklist_and_checks_again_on_demand(facilitator):
    driver, app = facilitator, facilitator.app
    menu = open_menu_in(driver, "en")
    shown = texts(driver, menu)
    assert "This kiosk" in shown and "PIN: The facilitator's menu asks for a PIN." in shown
    assert any(text.startswith("Exhibition: 25 exhibits shown, 0 skipped.") for text in shown)
    app.settings.pin = None                                   # taken away behind the menu's back
    assert "PIN: The facilitator's menu asks for a PIN." in texts(driver, menu), "checked once per visit to the menu"
    driver.tap_text("Check again")
    assert "PIN: No facilitator PIN is set: any visitor can open the menu." in texts(driver, menu)
