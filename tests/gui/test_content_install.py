"""New content from a USB stick, as a facilitator installs it: offered in the menu, confirmed, live between visitors."""

from __future__ import annotations

import shutil
import time

import pytest
from kivy.core.window import Window
from kivy.uix.modalview import ModalView
from kivy.uix.scrollview import ScrollView

from kiosk.bundles import build_bundle, live_info
from kiosk.content.live import LiveContent
from kiosk.content.loader import load_content
from kiosk.facilitator import export as export_module
from kiosk.facilitator.export import Drive
from tests.conftest import PROJECT

BASE = PROJECT / "tests" / "roots" / "base"


@pytest.fixture
def running_on_a_copy(facilitator, tmp_path):
    """The kiosk runs from a live folder of its own (a copy of tests/roots/base); put back afterwards."""
    app = facilitator.app
    before = app.content, app.live
    live = tmp_path / "live"
    shutil.copytree(BASE, live)
    app.live = LiveContent(live)
    app.replace_content(app.live.read())
    app.idle.reset_now()
    app.set_language("en")
    facilitator.settle()
    yield facilitator, live
    app.content, app.live = before
    app.replace_content(before[0])
    app.idle.reset_now()
    facilitator.settle()


@pytest.fixture
def stick(tmp_path, monkeypatch):
    """A stick with a new version of the exhibition, and a bundle that was not copied completely."""
    source = tmp_path / "new"
    shutil.copytree(BASE, source)
    collection = source / "collection.yaml"
    collection.write_text(collection.read_text().replace("en: Test exhibition", "en: Autumn exhibition"))
    folder = tmp_path / "STICK" / "KIOSK_CONTENT"
    folder.mkdir(parents=True)
    build_bundle(source, folder / "expo.zip", version="2")
    data = (folder / "expo.zip").read_bytes()
    (folder / "half-copied.zip").write_bytes(data[: len(data) // 2])
    drive = Drive(tmp_path / "STICK", "STICK", 10**9, 2 * 10**9)
    monkeypatch.setattr(export_module, "removable_drives", lambda *a, **k: [drive])
    return folder / "expo.zip"


def show_in_menu(driver, fragment: str):
    """The menu's text containing ``fragment``, scrolled into view."""
    label = next(w for w in driver.widgets(driver.screen) if fragment in (getattr(w, "text", None) or ""))
    scroll = next(w for w in driver.widgets(driver.screen) if isinstance(w, ScrollView))
    scroll.scroll_to(label, animate=False)
    driver.settle()
    return driver.find_text(fragment)


def install_from_menu(driver) -> None:
    """Touch "Install this version…", confirm, and wait for the outcome."""
    driver.tap(show_in_menu(driver, "Install this version"))
    driver.tap(next(w for w in driver.widgets(modal()) if getattr(w, "text", "") == "Install"))
    deadline = time.monotonic() + 60
    while driver.app.facilitator.content.installing is not None and time.monotonic() < deadline:
        driver.wait(0.1)
    driver.settle()


def modal() -> ModalView | None:
    return next((w for w in Window.children if isinstance(w, ModalView)), None)


def test_a_bundle_on_a_stick_is_offered_confirmed_and_goes_live_at_the_next_visitor(running_on_a_copy, stick):
    driver, live = running_on_a_copy
    app = driver.app
    app.facilitator.access.open_menu()
    driver.settle()
    show_in_menu(driver, "Live now: “Test exhibition” (not installed from a bundle)")
    offered = show_in_menu(driver, "On STICK: “Autumn exhibition”, version 2, made ")
    assert "half-copied.zip cannot be installed" in show_in_menu(driver, "half-copied.zip").text

    driver.tap(show_in_menu(driver, "Install this version"))
    assert modal() is not None, "installing asks first"
    driver.find_text("Install “Autumn exhibition”, version 2")
    driver.find_text("Live now: “Test exhibition” (not installed from a bundle)")
    driver.tap_text("Cancel")
    assert modal() is None and not live.is_symlink(), "cancelled: nothing installed"

    install_from_menu(driver)
    assert "Installed: “Autumn exhibition”, version 2" in app.navigator.screen("facilitator").notice
    assert live.is_symlink() and live_info(live).version == "2"
    assert offered is not None

    # The visitor in front of the kiosk keeps the content they started with …
    app.facilitator.close_menu()
    app.navigator.start_visit("en")
    driver.settle()
    assert app.content.collection.title.get("en") == "Test exhibition"
    # … and the next visitor gets the new one.
    app.idle.reset_now()
    driver.settle()
    assert app.content.collection.title.get("en") == "Autumn exhibition"
    assert app.content.root == live.resolve()
    assert load_content(live).ok


def test_new_content_installed_from_the_command_line_goes_live_on_the_attract_loop(running_on_a_copy, stick):
    from kiosk.bundles import install_bundle
    from kiosk.gui import app as app_module

    driver, live = running_on_a_copy
    app = driver.app
    assert app.navigator.current == "attract"
    install_bundle(stick, live)
    app._live_checked = time.monotonic() - app_module.LIVE_CHECK_SECONDS  # as if the last look was a while ago
    driver.wait(1.2)  # the kiosk's 1-s tick looks
    assert app.content.collection.title.get("en") == "Autumn exhibition"
    assert app.navigator.current == "attract"


@pytest.fixture
def trusting_nothing_after(running_on_a_copy):
    """The kiosk's trusted keys as they were, afterwards (the settings file is the session's)."""
    settings = running_on_a_copy[0].app.settings
    before = list(settings.trusted_keys)
    yield running_on_a_copy
    settings.trusted_keys = before
    settings.save()


def test_a_curators_key_on_the_stick_is_trusted_from_the_menu_then_unsigned_bundles_are_refused(
        trusting_nothing_after, stick):
    from kiosk.bundles.signing import PublicKey, make_key_pair

    driver, live = trusting_nothing_after
    app = driver.app
    _secret, public = make_key_pair(stick.parent / "mes-expo.key")
    (stick.parent / "mes-expo.key").unlink()          # only the public key travels on a stick
    fingerprint = PublicKey.parse(public.read_text()).fingerprint
    app.facilitator.access.open_menu()
    driver.settle()
    show_in_menu(driver, f"On STICK: the signing key {fingerprint}")
    driver.tap(show_in_menu(driver, "Trust this key"))
    assert modal() is not None, "trusting asks first"
    driver.find_text(f"Trust the signing key {fingerprint}?")
    driver.tap(next(w for w in driver.widgets(modal()) if getattr(w, "text", "") == "Trust"))
    driver.settle()
    assert app.settings.trusted_keys == [PublicKey.parse(public.read_text()).text]
    show_in_menu(driver, f"Only bundles signed with the key {fingerprint} are installed.")
    assert not [w for w in driver.widgets(driver.screen) if "Trust this key" in (getattr(w, "text", "") or "")]

    install_from_menu(driver)
    notice = app.navigator.screen("facilitator").notice
    assert "not signed by a key this kiosk trusts" in notice and not live.is_symlink(), notice
