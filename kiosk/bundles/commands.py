"""The ``kiosk bundle``, ``kiosk install-bundle`` and ``kiosk rollback`` commands.

    kiosk bundle exhibits -o /media/usb/KIOSK_CONTENT/expo.zip --version "spring 2024"
    kiosk install-bundle /media/usb/KIOSK_CONTENT/expo.zip [--target /srv/kiosk/exhibits]
    kiosk rollback [--target /srv/kiosk/exhibits]

Each is a thin wrapper around :mod:`kiosk.bundles`: 0 when all is well, 1 when refused or
failed, with the reason and what to do on stderr.
"""

from __future__ import annotations

import logging
import sys

from kiosk.bundles import default_content_path
from kiosk.bundles.build import build_bundle
from kiosk.bundles.install import InstallResult, install_bundle, rollback
from kiosk.bundles.manifest import BundleError


def cmd_bundle(args) -> int:
    _quiet_loader()
    try:
        result = build_bundle(args.path, args.out, args.bundle_version)
    except BundleError as exc:
        return _refused("kiosk bundle", exc)
    warnings = result.info.summary.get("warnings", 0)
    if warnings:
        print(f"note: the content has {warnings} warning{'s' if warnings != 1 else ''} "
              f"(see 'kiosk validate {args.path}')")
    print(result.describe())
    return 0


def cmd_install_bundle(args) -> int:
    _quiet_loader()
    target = args.target or default_content_path()
    try:
        result = install_bundle(args.bundle, target)
    except BundleError as exc:
        return _refused("kiosk install-bundle", exc)
    what = result.info.describe() if result.info else f"the content of {args.bundle}"
    print(f"installed {what} in {target}; {_previous_note(result)}")
    return 0


def cmd_rollback(args) -> int:
    target = args.target or default_content_path()
    try:
        result = rollback(target)
    except BundleError as exc:
        return _refused("kiosk rollback", exc)
    what = result.info.describe() if result.info else f"the content that was live before the first bundle " \
                                                       f"({result.live.name})"
    print(f"back to {what} in {target}; {_previous_note(result)}")
    return 0


def _previous_note(result: InstallResult) -> str:
    if result.previous is None:
        return "there is no earlier version to go back to"
    return "the version before it is kept for 'kiosk rollback'"


def _refused(command: str, exc: BundleError) -> int:
    print(f"{command}: {exc}", file=sys.stderr)
    return 1


def _quiet_loader() -> None:
    """The refusal lists the content's errors itself: the loader's own log lines would repeat them."""
    logging.getLogger("kiosk.content.loader").setLevel(logging.ERROR)
