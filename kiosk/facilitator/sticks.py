"""Content bundles on USB sticks: the files in a ``KIOSK_CONTENT/`` folder at the root of a stick.

The facilitator menu lists them beside the live content, and installs one only after the
facilitator confirms (``kiosk install-bundle`` does the work). No Kivy here::

    for found in stick_bundles(removable_drives(writable=False)):
        print(found.drive, found.path.name, found.info.describe() if found.info else found.problem)

A curator's public signing key (``KEY.pub`` from ``kiosk keygen``) in the same folder is offered to
the facilitator to trust (:func:`stick_keys`): from then on, only bundles it signed are installed.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from kiosk.bundles import BundleError, BundleInfo, read_bundle_info
from kiosk.bundles.signing import PublicKey

log = logging.getLogger(__name__)
BUNDLE_FOLDER = "KIOSK_CONTENT"
OLDEST = datetime.min.replace(tzinfo=timezone.utc)


@dataclass(frozen=True)
class StickBundle:
    path: Path
    drive: str                  # the stick's name, as the facilitator sees it
    info: BundleInfo | None     # None when the bundle cannot be read
    problem: str = ""           # why it cannot be read (damaged, half-copied, …), for the curator
    kind: str = ""              # the same in a word (BundleError.kind), for a sentence in the menu's language

    def headline(self, gettext) -> str:
        """Why it cannot be installed, in one sentence of the facilitator's language ("" when it can)."""
        return BundleError("", self.kind).headline(gettext) if self.kind else ""


def stick_bundles(drives) -> list[StickBundle]:
    """Every ``*.zip`` in ``KIOSK_CONTENT/`` on ``drives``, the most recently made first, unreadable ones last."""
    found = [_read(file, drive.label) for drive in drives for file in _zips(Path(drive.mount_point) / BUNDLE_FOLDER)]
    return sorted(found, key=lambda b: (b.info is None, -(b.info.made if b.info else OLDEST).timestamp(), b.path.name))


@dataclass(frozen=True)
class StickKey:
    path: Path
    drive: str
    key: PublicKey


def stick_keys(drives) -> list[StickKey]:
    """Every readable public signing key (``*.pub``) in ``KIOSK_CONTENT/`` on ``drives``, once each."""
    found: dict[str, StickKey] = {}
    for drive in drives:
        for file in _files(Path(drive.mount_point) / BUNDLE_FOLDER, ".pub"):
            try:
                key = PublicKey.parse(file.read_text(encoding="utf-8")[:4096])
            except (OSError, ValueError, UnicodeDecodeError) as exc:
                log.warning("%s on the stick is not a signing key: %s", file, exc)
                continue
            found.setdefault(key.text, StickKey(file, drive.label, key))
    return list(found.values())


def _zips(folder: Path) -> list[Path]:
    return _files(folder, ".zip")


def _files(folder: Path, suffix: str) -> list[Path]:
    try:
        return sorted(p for p in folder.iterdir()
                      if p.suffix.lower() == suffix and not p.name.startswith(".") and p.is_file())
    except OSError:  # no such folder, or the stick was pulled out
        return []


def _read(file: Path, drive: str) -> StickBundle:
    try:
        return StickBundle(file, drive, read_bundle_info(file))
    except BundleError as exc:
        log.warning("bundle %s on the stick cannot be read: %s", file, exc)
        return StickBundle(file, drive, None, str(exc).removeprefix(f"{file}: "), exc.kind)  # the menu names the file
