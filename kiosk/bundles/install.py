"""Installing a bundle as the live content, atomically, and rolling back to the version before.

    result = install_bundle(Path("/media/usb/KIOSK_CONTENT/expo.zip"), Path("exhibits"),
                            progress=lambda done, total: print(f"{done}/{total}"))
    result.info.describe()          # '"Musée du Kapitalisme" version 2024-05-01 14:30 (made …)'
    rollback(Path("exhibits"))      # the version that was live before is live again

An install verifies the bundle (nothing written yet), unpacks it into the version store
beside the live path, validates the unpacked content, then switches the live path to it in
one atomic step. Until that step the live content is untouched; after it, it is entirely
the new version. The steps call :func:`~kiosk.bundles.checkpoint.checkpoint`, a test hook.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

from kiosk.bundles.checkpoint import checkpoint as _checkpoint
from kiosk.bundles.manifest import BundleError, BundleInfo, live_info, open_bundle
from kiosk.bundles.store import KEEP, VersionStore, recover
from kiosk.bundles.switch import NOT_SUPPORTED, can_exchange, folder_refusal, point_link, swap_folder
from kiosk.bundles.unpack import Progress, unpack_bundle
from kiosk.bundles.verify import VerifiedBundle, verify_bundle
from kiosk.content.loader import load_content

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class InstallResult:
    """The live content after an install or a rollback."""

    target: Path
    live: Path  # the version folder the live path now links to
    info: BundleInfo | None  # its bundle.json; None for content that was not installed from a bundle
    previous: Path | None  # the version a rollback would put back, if any
    removed: tuple[str, ...] = ()  # old version folders deleted


def install_bundle(zip_path: Path, target: Path, progress: Progress | None = None, trusted=()) -> InstallResult:
    """Verify, unpack, validate and switch ``zip_path`` live at ``target``; raises BundleError. With ``trusted``
    public keys (the kiosk's settings), only a bundle signed by one of them is installed."""
    store = VersionStore(target)
    _check_target(store.target)
    with store.locked(), _disk_errors(store.target):
        recover(store)
        with open_bundle(zip_path) as archive:
            verified = verify_bundle(archive, Path(zip_path), store.target, trusted)
            _checkpoint("verified")
            if _is_real_folder(store.target) and not can_exchange(store.target):
                raise BundleError(folder_refusal(store.target), kind="disk")
            version = _unpack_and_validate(archive, verified, store, progress)
        return _go_live(store, version)


def rollback(target: Path) -> InstallResult:
    """Put the version that was live before the current one back live; raises BundleError."""
    store = VersionStore(target)
    _check_target(store.target)
    with store.locked(), _disk_errors(store.target):
        recover(store)
        live, back = _rollback_versions(store)
        _switch_link(store, store.path(back), discard_on_failure=False)
        history = store.history()
        history = history[:history.index(back) + 1]
        store.write_history(history)
        _checkpoint("history-written")
        removed = store.prune(history, keep_also=(live,))
        _checkpoint("pruned")
        return _result(store, history, removed)


def _rollback_versions(store: VersionStore) -> tuple[str, str]:
    """The live version and the one a rollback puts back; raises BundleError when there is none."""
    history, live = store.history(), store.live_name()
    earlier = [name for name in history[:-1] if store.exists(name)]
    if live is None or not history or history[-1] != live or not earlier:
        raise BundleError(f"{store.target}: there is no earlier version to go back to (a rollback needs an earlier "
                          f"'kiosk install-bundle'; the kiosk keeps the live version and the {KEEP - 1} before it)",
                          kind="no_earlier")
    return live, earlier[-1]


@contextlib.contextmanager
def _disk_errors(target: Path):
    """An unexpected disk error (permissions, full disk) as a BundleError the curator can act on."""
    try:
        yield
    except OSError as exc:
        raise BundleError(f"{exc.filename or target}: {exc.strerror or exc}: check that the kiosk's user may write "
                          f"next to {target} and that the disk is not full, then try again; the live content is "
                          f"still one whole version", kind="disk") from exc


def _check_target(target: Path) -> None:
    if not target.parent.is_dir():
        raise BundleError(f"{target.parent}: this folder does not exist: check the live content path "
                          f"(--target or KIOSK_CONTENT)", kind="disk")
    if os.path.lexists(target) and not target.is_symlink() and not target.is_dir():
        raise BundleError(f"{target}: this is a file, not a content folder: check the live content path "
                          f"(--target or KIOSK_CONTENT)", kind="disk")


def _is_real_folder(target: Path) -> bool:
    return target.is_dir() and not target.is_symlink()


def _unpack_and_validate(archive, verified: VerifiedBundle, store: VersionStore,
                         progress: Progress | None) -> Path:
    """Unpack into ``incoming-*``, validate, then rename it to its version name; that folder."""
    incoming = store.new_incoming()
    try:
        unpack_bundle(archive, verified, incoming, progress)
        _checkpoint("unpacked")
        _validate(incoming, verified.path)
        _checkpoint("validated")
        version = store.path(store.new_version_name(hashlib.sha256(verified.manifest_bytes).hexdigest()[:8]))
        os.rename(incoming, version)
    except BaseException:
        _discard(store, incoming)
        raise
    _checkpoint("renamed")
    return version


def _validate(folder: Path, zip_path: Path) -> None:
    content = load_content(folder)
    if content.ok:
        return
    lines = [f"  {finding.format(folder)}" for finding in content.findings if finding.is_error]
    raise BundleError("\n".join([f"{zip_path}: the content in this bundle has errors, so it was not installed "
                                 f"and the live content was not changed:", *lines,
                                 "Fix them in the content folder (see 'kiosk validate'), then make the bundle again."]),
                      kind="invalid_content")


def _go_live(store: VersionStore, version: Path) -> InstallResult:
    """Switch the live path to ``version``, keep what was live before, record the history, prune."""
    history = store.history()
    if _is_real_folder(store.target):
        previous = _swap_real_folder(store, version)
    else:
        previous = store.live_name() or _keep_external(store)
        _switch_link(store, version)
    history = [name for name in history if name != previous] + ([previous] if previous else [])
    history = [*history, version.name][-KEEP:]
    store.write_history(history)
    _checkpoint("history-written")
    removed = store.prune(history, keep_also=(previous,) if previous else ())
    _checkpoint("pruned")
    return _result(store, history, removed)


def _swap_real_folder(store: VersionStore, version: Path) -> str:
    """Exchange the live real folder with a link to ``version``; the old folder's version name."""
    try:
        old = swap_folder(store.target, version)
    except OSError as exc:
        _discard_unless_live(store, version)
        if exc.errno in NOT_SUPPORTED:
            raise BundleError(folder_refusal(store.target), kind="disk") from exc
        raise BundleError(f"{store.target}: the switch failed ({exc.strerror or exc}); nothing was changed",
                          kind="disk") from exc
    _checkpoint("switched")
    return store.adopt(old)


def _keep_external(store: VersionStore) -> str | None:
    """A live link to a folder outside the store is recorded in the store, so a rollback can go back to it."""
    if not store.target.is_dir():
        return None
    return store.link_external(os.path.realpath(store.target))


def _switch_link(store: VersionStore, version: Path, discard_on_failure: bool = True) -> None:
    try:
        point_link(store.target, version)
    except OSError as exc:
        if discard_on_failure:
            _discard_unless_live(store, version)
        raise BundleError(f"{store.target}: the switch failed ({exc.strerror or exc}); nothing was changed",
                          kind="disk") from exc
    _checkpoint("switched")


def _discard(store: VersionStore, folder: Path) -> None:
    """Remove a version that never went live, and the store itself if that leaves it empty."""
    try:
        shutil.rmtree(folder)
    except FileNotFoundError:
        pass  # it was never created: nothing to tidy
    except OSError as exc:
        log.warning("could not remove %s (%s); the next install will", folder, exc)
        return
    store.remove_if_empty()


def _discard_unless_live(store: VersionStore, version: Path) -> None:
    """After a failed switch: remove ``version``, unless the switch happened and only what followed failed."""
    if os.path.realpath(store.target) != os.path.realpath(version):
        _discard(store, version)


def _result(store: VersionStore, history: list[str], removed: list[str]) -> InstallResult:
    previous = next((store.path(name) for name in reversed(history[:-1]) if store.exists(name)), None)
    return InstallResult(store.target, store.path(history[-1]), live_info(store.target), previous, tuple(removed))
