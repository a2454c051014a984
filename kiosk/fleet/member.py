"""A kiosk's part of a fleet: the coordinator's bundle installed between visitors, reports sent back.

    member = FleetMember.of(data_dir(), Path("exhibits"))      # None when the kiosk is in no fleet
    member.install_pending(trusted=settings.trusted_keys)      # at an idle reset, in a thread
    member.publish(health_record, data_dir() / "stats.db")     # health.json and stats.db, for the coordinator

The bundle goes through the same install as a stick's (:func:`kiosk.bundles.install_bundle`):
verified (signed by a trusted key, when the kiosk trusts one), unpacked beside the live content,
validated, then switched live in one step; the kiosk shows it at the next idle reset. A bundle
refused is not tried again until the coordinator publishes another; the refusal is kept in
``state.json`` and said in ``health.json`` (``fleet.bundle``), which the coordinator reads.

Nothing here imports Kivy; nothing here talks to Syncthing: it only reads and writes the two folders.
"""

from __future__ import annotations

import hashlib
import json
import logging
import sqlite3
import threading
import time
from datetime import datetime
from pathlib import Path

from kiosk.files import write_atomic
from kiosk.fleet.fleet import BUNDLE_NAME, Fleet

log = logging.getLogger(__name__)

STATE_FILE = "state.json"
REPORT_HEALTH = "health.json"
REPORT_STATS = "stats.db"


class FleetMember:
    def __init__(self, fleet: Fleet, live: Path):
        self.fleet, self.live = fleet, Path(live)
        self._lock = threading.Lock()

    @classmethod
    def of(cls, data_dir: Path, live: Path) -> FleetMember | None:
        try:
            fleet = Fleet.load(data_dir)
        except Exception as error:    # a broken fleet file must not stop a kiosk from showing its content
            log.warning("fleet: %s", error)
            return None
        return cls(fleet, live) if fleet is not None and fleet.role == "kiosk" else None

    # --- content from the coordinator --------------------------------------------------------
    @property
    def bundle(self) -> Path:
        return self.fleet.content_path / BUNDLE_NAME

    def state(self) -> dict:
        try:
            data = json.loads((self.fleet.folder / STATE_FILE).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return data if isinstance(data, dict) else {}

    def pending(self) -> Path | None:
        """The coordinator's bundle, when it is one this kiosk has not installed or refused yet."""
        try:
            found = self.bundle.stat()
        except OSError:
            return None
        identity = f"{found.st_size}-{found.st_mtime_ns}"   # Syncthing keeps the coordinator's time: cheap and exact
        return None if self.state().get("bundle", {}).get("identity") == identity else self.bundle

    def install_pending(self, trusted=()) -> dict | None:
        """Install the pending bundle (call between visitors; it takes seconds, run it in a thread). The outcome, as
        kept in ``state.json``; None when there was nothing new, or another install is running."""
        if not self._lock.acquire(blocking=False):
            return None
        try:
            bundle = self.pending()
            if bundle is None:
                return None
            return self._install(bundle, trusted)
        finally:
            self._lock.release()

    def _install(self, bundle: Path, trusted) -> dict:
        from kiosk.bundles import BundleError, install_bundle

        found = bundle.stat()
        outcome = {"identity": f"{found.st_size}-{found.st_mtime_ns}", "size": found.st_size,
                   "when": datetime.now().isoformat(timespec="seconds")}
        try:
            if self._already_live(bundle):
                outcome.update(result="installed", version=self._live_version(), note="already live")
            else:
                result = install_bundle(bundle, self.live, trusted=tuple(trusted))
                outcome.update(result="installed", version=result.info.version if result.info else None)
                log.info("fleet: installed %s", result.info.describe() if result.info else bundle)
        except BundleError as error:
            outcome.update(result="refused", reason=str(error), kind=error.kind)
            log.warning("fleet: the coordinator's bundle was refused: %s", error)
        except OSError as error:    # the file changed under us (a new one arriving): tried again next time
            log.warning("fleet: %s could not be read: %s", bundle, error)
            return {"result": "retry", "reason": str(error)}
        state = self.state()
        state["bundle"] = outcome
        write_atomic(self.fleet.folder / STATE_FILE, json.dumps(state, indent=2, ensure_ascii=False) + "\n")
        return outcome

    def _already_live(self, bundle: Path) -> bool:
        """Whether the live content is this very bundle (installed from a stick, say): its bundle.json the same."""
        import zipfile

        from kiosk.bundles.manifest import MANIFEST

        live = self.live.resolve() / MANIFEST
        if not live.is_file():
            return False
        try:
            with zipfile.ZipFile(bundle) as archive:
                inside = archive.read(MANIFEST)
        except (OSError, KeyError, zipfile.BadZipFile):
            return False
        return hashlib.sha256(inside).digest() == hashlib.sha256(live.read_bytes()).digest()

    def _live_version(self) -> str | None:
        from kiosk.bundles import live_info

        info = live_info(self.live)
        return info.version if info else None

    # --- reports to the coordinator ------------------------------------------------------------
    def publish(self, record: dict, stats_db: Path | None = None, venue: str = "") -> None:
        """Put this kiosk's health (with its name, venue and the fleet's last bundle) and a consistent copy of its
        statistics (SQLite's own backup: never a file caught mid-write) in the reports folder."""
        folder = self.fleet.reports_path
        folder.mkdir(parents=True, exist_ok=True)
        report = {**record, "name": self.fleet.name, "venue": venue, "device_id": self.fleet.device_id,
                  "fleet": {"bundle": self.state().get("bundle")}, "published": time.time()}
        write_atomic(folder / REPORT_HEALTH, json.dumps(report, indent=2, ensure_ascii=False) + "\n")
        if stats_db is not None and Path(stats_db).is_file():
            backup_stats(Path(stats_db), folder / REPORT_STATS)


def backup_stats(source: Path, target: Path) -> None:
    """A consistent copy of the statistics database ``source`` at ``target``, written aside then renamed."""
    part = target.with_name(target.name + ".part")
    part.unlink(missing_ok=True)
    reader, copy = sqlite3.connect(f"file:{source}?mode=ro", uri=True), sqlite3.connect(part)
    try:
        reader.backup(copy)
    finally:
        reader.close()
        copy.close()
    part.replace(target)
