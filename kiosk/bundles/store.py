"""The version store beside the live content: version folders, their history, and recovery.

For a live path ``/srv/kiosk/exhibits``, the layout on disk is::

    /srv/kiosk/exhibits -> .exhibits.versions/v-20240501-143005-1a2b3c4d   (a relative symbolic link)
    /srv/kiosk/.exhibits.versions/
        v-20240412-101500-previous        the folder that was live before the first bundle
        v-20240420-093000-9f8e7d6c
        v-20240501-143005-1a2b3c4d        live
        history.json                      ["v-20240412-101500-previous", "v-20240420-…", "v-20240501-…"]

``history.json`` lists the version folders in the order they became live; the last one is
live. The live version and the ``KEEP - 1`` before it are kept. An install killed half-way
leaves ``incoming-*`` folders, ``.exhibits.swap-*`` names or a stale history, which
:func:`recover` tidies at the start of the next install or rollback::

    store = VersionStore(Path("exhibits"))
    with store.locked():
        recover(store)
        store.history()
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import logging
import os
import secrets
import shutil
import time
from pathlib import Path

from kiosk.bundles.manifest import BundleError
from kiosk.bundles.switch import swap_prefix
from kiosk.files import fsync_dir, write_atomic

log = logging.getLogger(__name__)

KEEP = 3  # version folders kept: the live one and the two before it
HISTORY = "history.json"
INCOMING = "incoming-"
VERSION = "v-"
PREVIOUS = "previous"


class VersionStore:
    """The folder ``.NAME.versions`` beside the live path ``NAME``."""

    def __init__(self, target: Path):
        self.target = Path(os.path.abspath(target))
        self.folder = self.target.parent / f".{self.target.name}.versions"

    def path(self, name: str) -> Path:
        return self.folder / name

    def exists(self, name: str) -> bool:
        return self.path(name).is_dir()

    def versions(self) -> list[str]:
        """The names of the version folders in the store, oldest first."""
        if not self.folder.is_dir():
            return []
        return sorted(entry.name for entry in self.folder.iterdir() if entry.name.startswith(VERSION))

    def live_name(self) -> str | None:
        """The version folder the live path links to, or None when it is not one of the store's."""
        if not self.target.is_symlink():
            return None
        destination = os.path.normpath(os.path.join(self.target.parent, os.readlink(self.target)))
        name = os.path.basename(destination)
        inside = os.path.dirname(destination) == str(self.folder) and name.startswith(VERSION)
        return name if inside and self.exists(name) else None

    def history(self) -> list[str]:
        """The version folder names in the order they became live (the last one is live)."""
        file = self.folder / HISTORY
        if not file.is_file():
            return []
        try:
            names = json.loads(file.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, ValueError) as exc:
            log.warning("%s cannot be read (%s); the rollback history starts again from the live version", file, exc)
            return []
        if not isinstance(names, list) or not all(isinstance(n, str) and n.startswith(VERSION) for n in names):
            log.warning("%s is not a list of version folders; the rollback history starts again", file)
            return []
        return names

    def write_history(self, names: list[str]) -> None:
        """Write history.json atomically: the old list or the new one, never half of one."""
        self.folder.mkdir(exist_ok=True)
        write_atomic(self.folder / HISTORY, json.dumps(names, indent=1) + "\n")

    def new_incoming(self) -> Path:
        """A fresh, not yet created, ``incoming-<random>`` folder path in the store."""
        self.folder.mkdir(exist_ok=True)
        return self.folder / f"{INCOMING}{secrets.token_hex(6)}"

    def new_version_name(self, label: str) -> str:
        """``v-YYYYmmdd-HHMMSS-label``, with a number added if that name is taken."""
        base = f"{VERSION}{time.strftime('%Y%m%d-%H%M%S')}-{label}"
        name, number = base, 1
        while os.path.lexists(self.path(name)):
            number += 1
            name = f"{base}-{number}"
        return name

    def adopt(self, source: Path, label: str = PREVIOUS) -> str:
        """Move the folder ``source`` (beside the live path) into the store; its version name."""
        self.folder.mkdir(exist_ok=True)
        name = self.new_version_name(label)
        os.rename(source, self.path(name))
        fsync_dir(self.folder)
        fsync_dir(self.target.parent)
        return name

    def link_external(self, destination: str) -> str:
        """Record a live folder outside the store as a version: a link to it, in the store."""
        self.folder.mkdir(exist_ok=True)
        name = self.new_version_name(PREVIOUS)
        os.symlink(destination, self.path(name))
        fsync_dir(self.folder)
        return name

    def prune(self, history: list[str], keep_also: tuple[str, ...] = ()) -> list[str]:
        """Remove version folders that are neither in ``history``, live, nor in ``keep_also``."""
        keep = {*history, *keep_also, self.live_name()}
        removed = []
        for name in self.versions():
            if name not in keep and self._remove(self.path(name)):
                removed.append(name)
        if removed:
            fsync_dir(self.folder)
        return removed

    def remove_if_empty(self) -> None:
        """Remove the store folder when it holds nothing (after a refused first install)."""
        if self.folder.is_dir() and not any(self.folder.iterdir()):
            self.folder.rmdir()

    @staticmethod
    def _remove(path: Path) -> bool:
        try:
            if path.is_symlink() or not path.is_dir():
                path.unlink()
            else:
                shutil.rmtree(path)
        except OSError as exc:
            log.warning("could not remove the old version %s (%s); it will be tried again next time", path, exc)
            return False
        return True

    @contextlib.contextmanager
    def locked(self):
        """Hold the lock of this live path's folder: one install or rollback at a time."""
        try:
            handle = os.open(self.target.parent, os.O_RDONLY)
        except OSError as exc:
            raise BundleError(f"{self.target.parent}: this folder cannot be opened ({exc.strerror}): check the "
                              f"live content path (--target or KIOSK_CONTENT)", kind="disk") from exc
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(handle)
            raise BundleError(f"{self.target}: another install or rollback is running: wait until it has "
                              f"finished, then try again", kind="busy") from None
        try:
            yield self
        finally:
            os.close(handle)


def recover(store: VersionStore) -> None:
    """Tidy what an interrupted install or rollback left: temporary names, then the history."""
    for entry in _entries(store.folder, INCOMING):
        log.info("removing %s, left by an interrupted install", entry)
        shutil.rmtree(entry)
    for entry in _entries(store.target.parent, swap_prefix(store.target)):
        if entry.is_symlink() or not entry.is_dir():
            entry.unlink()
        else:
            name = store.adopt(entry)
            log.warning("the folder that was live before an interrupted install is kept as %s", name)
    for entry in _entries(store.folder, f".{HISTORY}."):  # a kill while history.json was being replaced
        log.info("removing %s, left by an interrupted write of the history", entry)
        entry.unlink()
    _reconcile_history(store)


def _entries(folder: Path, prefix: str) -> list[Path]:
    if not folder.is_dir():
        return []
    return sorted(entry for entry in folder.iterdir() if entry.name.startswith(prefix))


def _reconcile_history(store: VersionStore) -> None:
    """Make history.json agree with what is live: after a kill, the live link is the truth."""
    history = store.history()
    fixed = [name for name in history if store.exists(name)]
    live = store.live_name()
    if live in fixed:
        fixed = fixed[:fixed.index(live) + 1]  # a rollback stopped before it wrote the history
    elif live is not None:
        adopted = [name for name in store.versions() if name.endswith(f"-{PREVIOUS}") and name not in fixed]
        fixed = [*fixed, *adopted, live][-KEEP:]  # an install stopped before it wrote the history
    if fixed != history:
        store.write_history(fixed)
