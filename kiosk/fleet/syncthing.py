"""Syncthing, driven through its own command line and REST API: no sync protocol of ours.

Each machine of a fleet runs one Syncthing with its own home (keys, configuration, database) in the
kiosk's data folder. Its GUI and REST API listen on the loopback only, with an API key written in
the fleet's file; nothing else on the network can drive it::

    engine = Syncthing(home=Path("data/fleet/syncthing"), gui="127.0.0.1:8385", api_key="…")
    engine.generate()                     # keys and a first configuration, once
    with engine.running():                # the one already running, or one started for the block
        engine.device_id                  # "PPST6S2-NULMWSO-…"
        engine.put_device(other_id, "Salle des fêtes", ["dynamic"])
        engine.put_folder("kiosk-content", path, "receiveonly", [other_id])

The REST calls are those of Syncthing's documentation (``/rest/system/status``, ``/rest/config/…``,
``/rest/db/…``); they need Syncthing 1.12 or later (Debian 12 has 1.19).
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import shutil
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

log = logging.getLogger(__name__)

START_TIMEOUT = 30.0      # s for a Syncthing just started to answer its API
REQUEST_TIMEOUT = 10.0


class SyncthingError(Exception):
    """Syncthing is missing, will not start, or refused a request; ``str(e)`` says what to do."""


def syncthing_binary() -> str:
    found = shutil.which("syncthing")
    if not found:
        raise SyncthingError("Syncthing is not installed: install it with 'sudo apt install syncthing' (a Debian "
                             "package), then try again")
    return found


class Syncthing:
    def __init__(self, home: Path, gui: str, api_key: str):
        self.home, self.gui, self.api_key = Path(home), gui, api_key
        self.process: subprocess.Popen | None = None

    # --- the program ------------------------------------------------------------------------
    def generate(self) -> None:
        """Make this machine's keys and first configuration (once: an existing home is kept)."""
        if (self.home / "config.xml").is_file():
            return
        self.home.mkdir(parents=True, exist_ok=True)
        self._run_quietly([syncthing_binary(), "generate", f"--home={self.home}", "--no-default-folder"])

    def serve_command(self) -> list[str]:
        """The command that runs it in the foreground (the fleet's user service runs this, through 'kiosk fleet
        serve'): API on the loopback with the fleet's key, no browser, no upgrade, no default folder."""
        return [syncthing_binary(), "serve", f"--home={self.home}", "--no-browser", "--no-restart", "--no-upgrade",
                "--no-default-folder", f"--gui-address=http://{self.gui}", f"--gui-apikey={self.api_key}",
                f"--logfile={self.home / 'syncthing.log'}", "--log-max-old-files=2", "--log-max-size=1000000"]

    def start(self) -> None:
        """Start it in the background and wait for its API."""
        env = dict(os.environ, STNODEFAULTFOLDER="1", STNOUPGRADE="1")
        self.process = subprocess.Popen(self.serve_command(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                        env=env, start_new_session=True)
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise SyncthingError(f"Syncthing stopped at once (exit {self.process.returncode}); its log is "
                                     f"{self.home / 'syncthing.log'}")
            if self.answers():
                return
            time.sleep(0.2)
        self.stop()
        raise SyncthingError(f"Syncthing did not answer on {self.gui} within {START_TIMEOUT:.0f} s: is another "
                             f"program using that port? Its log is {self.home / 'syncthing.log'}")

    def stop(self) -> None:
        if self.process is None:
            return
        with contextlib.suppress(SyncthingError):
            self.request("POST", "/rest/system/shutdown")
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.process = None

    @contextlib.contextmanager
    def running(self):
        """The Syncthing already running for this home, or one started for the block and stopped after it."""
        if self.answers():
            yield self
            return
        self.start()
        try:
            yield self
        finally:
            self.stop()

    def answers(self) -> bool:
        try:
            self.request("GET", "/rest/system/ping")
            return True
        except SyncthingError:
            return False

    # --- the REST API -----------------------------------------------------------------------
    def request(self, method: str, path: str, body=None):
        data = None if body is None else json.dumps(body).encode("utf-8")
        request = urllib.request.Request(f"http://{self.gui}{path}", data=data, method=method,
                                         headers={"X-API-Key": self.api_key, "Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(request, timeout=REQUEST_TIMEOUT) as response:
                text = response.read().decode("utf-8")
        except urllib.error.HTTPError as error:
            detail = error.read().decode("utf-8", "replace").strip()
            raise SyncthingError(f"Syncthing refused {method} {path}: {error.code} {detail}") from None
        except (urllib.error.URLError, OSError) as error:
            raise SyncthingError(f"Syncthing does not answer on {self.gui} ({getattr(error, 'reason', error)}): "
                                 f"start it with 'kiosk fleet serve' or the fleet's service") from None
        return json.loads(text) if text.strip() else None

    @property
    def device_id(self) -> str:
        return self.request("GET", "/rest/system/status")["myID"]

    def set_options(self, **options) -> None:
        self.request("PATCH", "/rest/config/options", options)

    def put_device(self, device_id: str, name: str, addresses: list[str]) -> None:
        self.request("PUT", f"/rest/config/devices/{device_id}",
                     {"deviceID": device_id, "name": name, "addresses": addresses, "autoAcceptFolders": False})

    def devices(self) -> list[dict]:
        return self.request("GET", "/rest/config/devices")

    def put_folder(self, folder_id: str, label: str, path: Path, kind: str, devices: list[str]) -> None:
        """A folder of ``kind`` ("sendonly", "receiveonly") at ``path``, shared with ``devices`` (and this one)."""
        Path(path).mkdir(parents=True, exist_ok=True)
        self.request("PUT", f"/rest/config/folders/{folder_id}", {
            "id": folder_id, "label": label, "path": str(path), "type": kind,
            "devices": [{"deviceID": device} for device in devices],
            "fsWatcherEnabled": True, "fsWatcherDelayS": 1, "rescanIntervalS": 300,
            "ignorePerms": True,     # a stick or another system's permissions are not the kiosk's business
        })

    def folders(self) -> list[dict]:
        return self.request("GET", "/rest/config/folders")

    def scan(self, folder_id: str) -> None:
        """Look at the folder now rather than at the watcher's next event (after a write)."""
        self.request("POST", f"/rest/db/scan?folder={folder_id}")

    def completion(self, device_id: str, folder_id: str) -> float:
        """How much of the folder ``device_id`` has, in percent, as this Syncthing knows it."""
        return float(self.request("GET", f"/rest/db/completion?device={device_id}&folder={folder_id}")["completion"])

    def connections(self) -> dict:
        return self.request("GET", "/rest/system/connections").get("connections", {})

    @staticmethod
    def _run_quietly(command: list[str]) -> None:
        result = subprocess.run(command, capture_output=True, text=True, timeout=60)
        if result.returncode != 0:
            raise SyncthingError(f"{' '.join(command[:2])} failed: {result.stderr.strip() or result.stdout.strip()}")
