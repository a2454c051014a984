"""Verified content bundles: content carried to a kiosk on a USB stick, installed atomically.

A curator packs a content folder into one zip with a ``bundle.json`` that lists every file
with its SHA-256 and size. The kiosk verifies the zip before writing anything, unpacks it
beside the live content, validates it again, then swaps it live in one atomic step. A
half-copied stick never reaches a visitor's screen, and the previous version is kept::

    from kiosk.bundles import build_bundle, install_bundle, rollback, default_content_path

    build_bundle(Path("exhibits"), Path("/media/usb/KIOSK_CONTENT/expo.zip"))
    result = install_bundle(Path("/media/usb/KIOSK_CONTENT/expo.zip"), default_content_path())
    print(result.describe())
    rollback(default_content_path())      # the previous version is live again

The modules, in the order an install uses them: :mod:`~kiosk.bundles.manifest` (bundle.json,
:class:`BundleInfo`, :class:`BundleError`), :mod:`~kiosk.bundles.build`,
:mod:`~kiosk.bundles.verify`, :mod:`~kiosk.bundles.unpack`, :mod:`~kiosk.bundles.store`
(version folders and history), :mod:`~kiosk.bundles.switch` (the atomic swap) and
:mod:`~kiosk.bundles.install`. :mod:`~kiosk.bundles.commands` holds the ``kiosk`` commands.
Nothing here imports Kivy.
"""

from __future__ import annotations

from kiosk.bundles.build import BuildResult, build_bundle
from kiosk.bundles.install import InstallResult, install_bundle, rollback
from kiosk.bundles.manifest import BundleError, BundleInfo, live_info, read_bundle_info
from kiosk.folders import content_identity, default_content_path  # the kiosk's own default: where it runs from is where installs go

__all__ = [
    "BuildResult", "BundleError", "BundleInfo", "InstallResult", "build_bundle", "content_identity",
    "default_content_path", "install_bundle", "live_info", "read_bundle_info", "rollback",
]
