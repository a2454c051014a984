"""A fleet's kiosk, running: a bundle that arrived from the coordinator is installed at the idle reset, never during
a visit, and the health written every minute goes to the reports folder with a copy of the statistics.

(Syncthing itself is exercised in tests/fleet; here the folders it fills are filled by hand.)"""

from __future__ import annotations

import json
import shutil
import time

import pytest

from kiosk.bundles.build import build_bundle
from kiosk.bundles.signing import load_secret_key, make_key_pair
from kiosk.fleet.fleet import BUNDLE_NAME, Fleet
from kiosk.fleet.member import REPORT_HEALTH, REPORT_STATS, FleetMember
from tests.bundles.conftest import make_site
from tests.conftest import ROOTS
from tests.gui.test_visitor_flow import start_visit


@pytest.fixture
def in_a_fleet(fresh, tmp_path):
    """The running kiosk as a fleet's kiosk whose live content is a site of its own (not the bundled exhibition)."""
    app = fresh.app
    fleet = Fleet(tmp_path / "fleet", "kiosk", "Salle des fêtes", device_id="ABCDEFG-" * 7 + "ABCDEFG")
    fleet.save()
    live = make_site(tmp_path / "site") / "exhibits"
    secret, public = make_key_pair(tmp_path / "curator.key")
    content = tmp_path / "content"
    shutil.copytree(ROOTS / "base", content)
    (content / "panel-ok" / "body.fr.md").write_text("## De la flotte\n\nArrivé.\n", encoding="utf-8")
    fleet.content_path.mkdir(parents=True)
    build_bundle(content, fleet.content_path / BUNDLE_NAME, "flotte", signing_key=load_secret_key(secret))
    trusted = app.settings.trusted_keys
    app.settings.trusted_keys = [public.read_text().splitlines()[-1]]
    app.fleet = FleetMember(fleet, live)
    yield fresh, live
    app.fleet = None
    app.settings.trusted_keys = trusted


def wait(kiosk, check, seconds: float = 20.0) -> None:
    deadline = time.monotonic() + seconds
    while not check() and time.monotonic() < deadline:
        kiosk.wait(0.1)
    assert check()


def test_the_bundle_waits_for_the_idle_reset_then_installs(in_a_fleet):
    kiosk, live = in_a_fleet
    start_visit(kiosk, "Français")
    kiosk.wait(0.5)
    assert "Arrivé" not in (live / "panel-ok" / "body.fr.md").read_text(), "nothing installed during a visit"
    kiosk.app.idle.reset_now()
    wait(kiosk, lambda: kiosk.app.fleet.state().get("bundle", {}).get("result") == "installed")
    assert "Arrivé" in (live / "panel-ok" / "body.fr.md").read_text()
    assert kiosk.app.fleet.pending() is None, "not installed twice"


def test_the_health_goes_to_the_coordinator_with_the_statistics(in_a_fleet):
    kiosk, _live = in_a_fleet
    app = kiosk.app
    app.health.write()
    reports = app.fleet.fleet.reports_path
    wait(kiosk, lambda: (reports / REPORT_HEALTH).is_file() and (reports / REPORT_STATS).is_file())
    report = json.loads((reports / REPORT_HEALTH).read_text())
    assert report["name"] == "Salle des fêtes" and "visits_today" in report and "free_disk_bytes" in report
    assert not list(reports.glob("*.part")), "nothing half-written is left for Syncthing"


def test_the_menu_shows_the_kiosks_device_id_to_pair_it_and_the_fleets_last_bundle(in_a_fleet, facilitator):
    from kivy.uix.scrollview import ScrollView

    kiosk, _live = in_a_fleet
    app = kiosk.app
    app.fleet.install_pending(trusted=app.settings.trusted_keys)
    app.facilitator.access.open_menu()
    kiosk.settle()
    device_id = app.fleet.fleet.device_id
    label = next(w for w in kiosk.widgets(kiosk.screen) if device_id.split("-")[0] in (getattr(w, "text", "") or ""))
    scroll = label.parent
    while not isinstance(scroll, ScrollView):
        scroll = scroll.parent
    scroll.scroll_to(label, animate=False)
    kiosk.settle()
    assert label.text.replace("\n", "") == device_id
    picture = next(w for w in label.parent.children if w is not label)
    assert picture.width == picture.height >= 48, "a QR code a phone can read"
    kiosk.find_text("This kiosk: Salle des fêtes. Coordinator: none yet.")
    kiosk.find_text("Content from the fleet: version flotte, installed on")
    app.facilitator.close_menu()
    kiosk.settle()
