"""A fleet for real: three Syncthing instances on the loopback (a coordinator and two kiosks), each with its own home,
ports and API key, set up with the 'kiosk fleet' commands and run as their service runs them ('kiosk fleet serve').

The coordinator publishes a signed bundle and both kiosks install it; their health and statistics reach the
coordinator, whose status table and fleet report show them; a tampered bundle and an unsigned one are refused on
the kiosks, their live content untouched, and the coordinator hears of it. Slow (about a minute): one test."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import socket
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from kiosk.cli import main
from kiosk.fleet.fleet import BUNDLE_NAME, Fleet
from kiosk.fleet.member import REPORT_HEALTH, REPORT_STATS
from kiosk.stats.query import summarize
from tests.bundles.conftest import make_site, rewrite_zip, snapshot
from tests.conftest import PROJECT
from tests.stats.conftest import NANTES, sample_events, write_db

pytestmark = [pytest.mark.slow, pytest.mark.skipif(shutil.which("syncthing") is None,
                                                    reason="Syncthing is not installed (tools/system-packages.sh)")]
WAIT = 120.0


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Machine:
    """One machine of the fleet: its data folder, its Syncthing ports, its 'kiosk fleet serve' process."""

    def __init__(self, root: Path, name: str, role: str):
        self.name, self.role = name, role
        self.data = root / name / "data"
        self.data.mkdir(parents=True)
        self.api, self.sync = free_port(), free_port()
        self.address = f"tcp://127.0.0.1:{self.sync}"
        self.service: subprocess.Popen | None = None

    def kiosk(self, *args: str) -> tuple[int, str]:
        """A 'kiosk' command run on this machine (its own data folder)."""
        old = os.environ.get("KIOSK_DATA_DIR")
        os.environ["KIOSK_DATA_DIR"] = str(self.data)
        try:
            with contextlib.redirect_stdout(_Capture()) as out, contextlib.redirect_stderr(_Capture()) as err:
                code = main(list(args))
        finally:
            os.environ["KIOSK_DATA_DIR"] = old or ""
        return code, out.text + err.text

    def serve(self) -> None:
        env = dict(os.environ, KIOSK_DATA_DIR=str(self.data), PYTHONPATH=str(PROJECT))
        self.service = subprocess.Popen([sys.executable, "-m", "kiosk", "fleet", "serve"], env=env,
                                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    @property
    def fleet(self) -> Fleet:
        return Fleet.load(self.data)

    def stop(self) -> None:
        if self.service is not None:
            self.fleet.engine.process = self.service
            self.fleet.engine.stop()
            with contextlib.suppress(Exception):
                self.service.kill()
            self.service.wait(timeout=10)


class _Capture:
    def __init__(self):
        self.text = ""

    def write(self, text: str) -> int:
        self.text += text
        return len(text)

    def flush(self) -> None:
        pass


def wait_for(what: str, check, timeout: float = WAIT):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = check()
        if found:
            return found
        time.sleep(0.5)
    raise AssertionError(f"waited {timeout:.0f} s for {what}")


@pytest.fixture
def fleet(tmp_path):
    coordinator = Machine(tmp_path, "coordinator", "coordinator")
    kiosks = [Machine(tmp_path, "salle-des-fetes", "kiosk"), Machine(tmp_path, "mediatheque", "kiosk")]
    machines = [coordinator, *kiosks]
    try:
        for machine in machines:
            code, said = machine.kiosk("fleet", "init", "--role", machine.role, "--name", machine.name, "--api-port",
                                       str(machine.api), "--listen", machine.address, "--lan-only")
            assert code == 0, said
            assert machine.fleet.device_id in said and any(block in said for block in "█▀▄"), said   # and a QR code
            machine.serve()
        for machine in machines:
            wait_for(f"{machine.name}'s Syncthing", machine.fleet.engine.answers, 30)
        for kiosk in kiosks:
            code, said = coordinator.kiosk("fleet", "add-kiosk", kiosk.fleet.device_id, "--name", kiosk.name,
                                           "--address", kiosk.address)
            assert code == 0, said
            code, said = kiosk.kiosk("fleet", "join", coordinator.fleet.device_id.lower().replace("-", " "),
                                     "--name", "Portable du MES", "--address", coordinator.address)
            assert code == 0, said
        yield coordinator, kiosks
    finally:
        for machine in machines:
            machine.stop()


def test_a_signed_bundle_reaches_both_kiosks_and_their_reports_come_back(fleet, content, tmp_path):
    coordinator, kiosks = fleet
    engine = coordinator.fleet.engine
    folders = {folder["id"]: folder for folder in engine.folders()}
    assert folders["kiosk-content"]["type"] == "sendonly"
    assert all(folders[f"kiosk-reports-{k.fleet.device_id[:7].lower()}"]["type"] == "receiveonly" for k in kiosks)
    kiosk_folders = {folder["id"]: folder["type"] for folder in kiosks[0].fleet.engine.folders()}
    assert kiosk_folders["kiosk-content"] == "receiveonly" and len(kiosk_folders) == 2
    options = engine.request("GET", "/rest/config/options")
    assert options["urAccepted"] == -1 and not options["crashReportingEnabled"] and not options["relaysEnabled"]

    # the curator signs; each kiosk trusts the key and has content live already
    curator = tmp_path / "mes-expo.key"
    assert coordinator.kiosk("keygen", str(curator))[0] == 0
    (content / "panel-ok" / "body.fr.md").write_text("## Texte de la flotte\n\nArrivé par Syncthing.\n")
    bundle = tmp_path / "expo.zip"
    assert coordinator.kiosk("bundle", str(content), "-o", str(bundle), "--sign", str(curator),
                             "--version", "flotte 1")[0] == 0
    lives = []
    for number, kiosk in enumerate(kiosks):
        assert kiosk.kiosk("trust", str(curator) + ".pub")[0] == 0
        lives.append(make_site(tmp_path / f"site{number}") / "exhibits")
        events = [e for e in sample_events() if (e.venue == NANTES) == bool(number)]
        write_db(kiosk.data / "stats.db", events)

    code, said = coordinator.kiosk("fleet", "publish", str(bundle))
    assert code == 0 and "not signed" not in said, said
    for kiosk, live in zip(kiosks, lives):
        arrived = kiosk.fleet.content_path / BUNDLE_NAME
        wait_for(f"the bundle on {kiosk.name}", lambda: arrived.is_file() and arrived.read_bytes() == bundle.read_bytes())
        code, said = kiosk.kiosk("fleet", "update", "--target", str(live))
        assert code == 0 and "installed the fleet's bundle, version flotte 1" in said, said
        assert (live / "panel-ok" / "body.fr.md").read_text().startswith("## Texte de la flotte")
        assert kiosk.kiosk("fleet", "update", "--target", str(live))[1].startswith("no new bundle")

    # health and statistics at the coordinator; the table; the fleet's report counts every visit once
    for kiosk in kiosks:
        folder = coordinator.fleet.reports_path / kiosk.name
        wait_for(f"{kiosk.name}'s reports", lambda: (folder / REPORT_HEALTH).is_file() and (folder / REPORT_STATS).is_file())
        health = json.loads((folder / REPORT_HEALTH).read_text())
        assert health["name"] == kiosk.name and health["fleet"]["bundle"]["result"] == "installed"
    code, table = coordinator.kiosk("fleet", "status")
    assert code == 0 and all(kiosk.name in table for kiosk in kiosks) and "warning" not in table, table
    merged = coordinator.fleet.folder / "fleet-stats.db"
    code, said = coordinator.kiosk("report", "--fleet", "--out", str(tmp_path / "fleet.pdf"))
    assert code == 0, said
    assert summarize(merged).visits == len({e.visit for e in sample_events()})
    assert (tmp_path / "fleet.pdf").read_bytes().startswith(b"%PDF")

    # a bundle changed after signing, then an unsigned one: refused on the kiosks, nothing changed, and said
    tampered = rewrite_zip(bundle, tmp_path / "tampered.zip", manifest=lambda data: {**data, "version": "falsifiée"})
    unsigned = tmp_path / "unsigned.zip"
    assert coordinator.kiosk("bundle", str(content), "-o", str(unsigned))[0] == 0
    for bad, expected in ((tampered, "changed after it was signed"), (unsigned, "this bundle is not signed")):
        code, said = coordinator.kiosk("fleet", "publish", str(bad))
        assert code == 0
        for kiosk, live in zip(kiosks, lives):
            arrived = kiosk.fleet.content_path / BUNDLE_NAME
            wait_for(f"{bad.name} on {kiosk.name}", lambda: arrived.read_bytes() == bad.read_bytes())
            before = snapshot(live.parent)
            code, said = kiosk.kiosk("fleet", "update", "--target", str(live))
            assert code == 1 and expected in said, said
            assert snapshot(live.parent) == before
    folder = coordinator.fleet.reports_path / kiosks[0].name
    wait_for("the refusal at the coordinator",
             lambda: "not signed" in (json.loads((folder / REPORT_HEALTH).read_text())["fleet"]["bundle"] or {})
             .get("reason", ""))
    code, table = coordinator.kiosk("fleet", "status")
    assert f"warning: {kiosks[0].name} refused the published bundle" in table, table
    with zipfile.ZipFile(kiosks[0].fleet.content_path / BUNDLE_NAME) as archive:
        assert "bundle.sig" not in archive.namelist()
