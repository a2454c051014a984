"""A fleet: one coordinator (the curator's laptop) and its kiosks, joined by Syncthing folders.

Two kinds of folder, each with Syncthing's own one-way types:

- **content** (``kiosk-content``): the coordinator's is send-only, each kiosk's receive-only. It
  holds one bundle, ``exhibition.zip``; a kiosk verifies and installs it at an idle reset
  (:mod:`kiosk.fleet.member`).
- **reports** (``kiosk-reports-<id>``, one per kiosk): the kiosk's is send-only, the
  coordinator's receive-only, under ``reports/<kiosk's name>``. A kiosk puts its
  ``health.json`` and a consistent copy of its ``stats.db`` there.

The fleet's file (``fleet.json`` in ``<data>/fleet``, readable by the kiosk's account only) keeps
the role, the machine's name, its Syncthing API address and key, and its partners::

    fleet = Fleet.create(data_dir(), "kiosk", "Salle des fêtes")    # keys made, Syncthing configured
    fleet.join(coordinator_id, "Portable du MES", ["tcp://192.168.1.20:22000"])
    Fleet.load(data_dir())                                            # None when this machine is in no fleet
"""

from __future__ import annotations

import json
import re
import secrets
import shutil
from dataclasses import asdict, dataclass, field
from pathlib import Path

from kiosk.files import PRIVATE, write_atomic
from kiosk.fleet.syncthing import Syncthing, SyncthingError

FLEET_DIR = "fleet"
FLEET_FILE = "fleet.json"
CONTENT_FOLDER = "kiosk-content"
BUNDLE_NAME = "exhibition.zip"
ROLES = ("coordinator", "kiosk")
DEFAULT_API_PORT = 8385       # beside a desktop Syncthing's 8384 on the curator's laptop
IGNORED = "// files being written: never synced half-made\n*.part\n"
_DEVICE = re.compile(r"^[A-Z2-7]{7}(-[A-Z2-7]{7}){7}$")


def check_device_id(text: str) -> str:
    """A Syncthing device ID as people copy it (spaces, lower case, no dashes) in Syncthing's own form."""
    compact = re.sub(r"[\s-]", "", text.strip().upper())
    formatted = "-".join(compact[i:i + 7] for i in range(0, len(compact), 7))
    if not _DEVICE.match(formatted):
        raise ValueError(f"{text!r} is not a Syncthing device ID: it has 8 groups of 7 letters and digits, "
                         f"as 'kiosk fleet id' shows on the other machine")
    return formatted


def reports_folder_id(kiosk_id: str) -> str:
    return "kiosk-reports-" + kiosk_id.replace("-", "")[:7].lower()


def _folder_name(name: str) -> str:
    """A kiosk's name as a folder name: its letters kept, what a file system refuses replaced."""
    cleaned = re.sub(r"[^\w .-]+", "-", name, flags=re.UNICODE).strip(" .-")
    return cleaned or "kiosk"


@dataclass
class Fleet:
    folder: Path
    role: str
    name: str
    api_port: int = DEFAULT_API_PORT
    api_key: str = ""
    listen: list[str] = field(default_factory=lambda: ["default"])
    internet: bool = True          # False: the LAN only (no global discovery, no relays)
    device_id: str = ""
    coordinator: dict | None = None                     # a kiosk's: {"id", "name", "addresses"}
    kiosks: dict[str, dict] = field(default_factory=dict)   # a coordinator's: id → {"name", "addresses"}

    # --- the file ---------------------------------------------------------------------------
    @classmethod
    def load(cls, data_dir: Path) -> Fleet | None:
        file = Path(data_dir) / FLEET_DIR / FLEET_FILE
        try:
            data = json.loads(file.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return None
        except (OSError, ValueError) as error:
            raise SyncthingError(f"{file}: the fleet's file cannot be read ({error}): set the fleet up again with "
                                 f"'kiosk fleet init'") from None
        known = {name: data[name] for name in cls.__dataclass_fields__ if name in data and name != "folder"}
        return cls(folder=file.parent, **known)

    def save(self) -> None:
        data = {key: value for key, value in asdict(self).items() if key != "folder"}
        self.folder.mkdir(parents=True, exist_ok=True)
        write_atomic(self.folder / FLEET_FILE, json.dumps(data, indent=2, ensure_ascii=False) + "\n", mode=PRIVATE)

    # --- where things are -------------------------------------------------------------------
    @property
    def engine(self) -> Syncthing:
        return Syncthing(self.folder / "syncthing", f"127.0.0.1:{self.api_port}", self.api_key)

    @property
    def content_path(self) -> Path:
        return self.folder / "content"

    @property
    def reports_path(self) -> Path:
        """A kiosk's own reports folder; on the coordinator, the folder that holds one per kiosk."""
        return self.folder / "reports"

    def kiosk_reports(self, kiosk_id: str) -> Path:
        return self.reports_path / _folder_name(self.kiosks[kiosk_id]["name"])

    # --- setting up -------------------------------------------------------------------------
    @classmethod
    def create(cls, data_dir: Path, role: str, name: str, api_port: int = DEFAULT_API_PORT,
               listen: list[str] | None = None, internet: bool = True) -> Fleet:
        """This machine as the fleet's coordinator or one of its kiosks: Syncthing's keys made, its options set
        (private: no usage reports, no crash reports, no upgrades), the fleet's file written."""
        if role not in ROLES:
            raise ValueError(f"the role is 'coordinator' or 'kiosk', not {role!r}")
        if Fleet.load(data_dir) is not None:
            raise SyncthingError(f"{Path(data_dir) / FLEET_DIR}: this machine is already in a fleet ('kiosk fleet "
                                 f"status'); to start again, run 'kiosk fleet leave' first")
        fleet = cls(Path(data_dir) / FLEET_DIR, role, name.strip() or role, api_port, secrets.token_urlsafe(24),
                    list(listen or ["default"]), internet)
        engine = fleet.engine
        engine.generate()
        with engine.running():
            fleet.device_id = engine.device_id
            # LAN discovery finds the others on a hall's network; explicit addresses (a test, a fixed network) need
            # none. Global discovery and relays, over the internet, only when the fleet may use it.
            engine.set_options(listenAddresses=fleet.listen, localAnnounceEnabled=fleet.listen == ["default"],
                               globalAnnounceEnabled=internet, relaysEnabled=internet, natEnabled=internet,
                               urAccepted=-1, crashReportingEnabled=False, autoUpgradeIntervalH=0,
                               startBrowser=False)
            if role == "coordinator":
                fleet._share_content(engine)
            else:
                engine.put_folder(reports_folder_id(fleet.device_id), f"Reports: {fleet.name}", fleet.reports_path,
                                  "sendonly", [])
            for path in (fleet.content_path, fleet.reports_path):
                path.mkdir(parents=True, exist_ok=True)
                write_atomic(path / ".stignore", IGNORED)
        fleet.save()
        return fleet

    def add_kiosk(self, kiosk_id: str, name: str, addresses: list[str] | None = None) -> Path:
        """On the coordinator: send the content to the kiosk ``kiosk_id`` and take its reports; their folder."""
        self._must_be("coordinator", "add-kiosk")
        kiosk_id = check_device_id(kiosk_id)
        self.kiosks[kiosk_id] = {"name": name.strip() or kiosk_id[:7], "addresses": list(addresses or ["dynamic"])}
        with self.engine.running() as engine:
            engine.put_device(kiosk_id, self.kiosks[kiosk_id]["name"], self.kiosks[kiosk_id]["addresses"])
            self._share_content(engine)
            engine.put_folder(reports_folder_id(kiosk_id), f"Reports: {self.kiosks[kiosk_id]['name']}",
                              self.kiosk_reports(kiosk_id), "receiveonly", [kiosk_id])
        self.save()
        return self.kiosk_reports(kiosk_id)

    def join(self, coordinator_id: str, name: str = "coordinator", addresses: list[str] | None = None) -> None:
        """On a kiosk: take the content from the coordinator ``coordinator_id`` and send it the reports."""
        self._must_be("kiosk", "join")
        coordinator_id = check_device_id(coordinator_id)
        self.coordinator = {"id": coordinator_id, "name": name, "addresses": list(addresses or ["dynamic"])}
        with self.engine.running() as engine:
            engine.put_device(coordinator_id, name, self.coordinator["addresses"])
            engine.put_folder(CONTENT_FOLDER, "Exhibition", self.content_path, "receiveonly", [coordinator_id])
            engine.put_folder(reports_folder_id(self.device_id), f"Reports: {self.name}", self.reports_path,
                              "sendonly", [coordinator_id])
        self.save()

    def publish(self, bundle: Path) -> Path:
        """On the coordinator: put ``bundle`` in the content folder, whole (written aside, then renamed)."""
        self._must_be("coordinator", "publish")
        target = self.content_path / BUNDLE_NAME
        part = target.with_name(target.name + ".part")
        shutil.copyfile(bundle, part)
        part.replace(target)
        if self.engine.answers():
            self.engine.scan(CONTENT_FOLDER)
        return target

    def leave(self) -> None:
        """Forget the fleet on this machine: Syncthing's keys and configuration, the fleet's folders."""
        shutil.rmtree(self.folder, ignore_errors=True)

    def _share_content(self, engine: Syncthing) -> None:
        engine.put_folder(CONTENT_FOLDER, "Exhibition", self.content_path, "sendonly", list(self.kiosks))

    def _must_be(self, role: str, command: str) -> None:
        if self.role != role:
            raise SyncthingError(f"'kiosk fleet {command}' is for the {role}; this machine is a {self.role}")
