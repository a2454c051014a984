"""The ``kiosk bundle``, ``kiosk install-bundle`` and ``kiosk rollback`` commands.

    kiosk keygen mes-expo.key                 # mes-expo.key (private) and mes-expo.key.pub
    kiosk bundle exhibits -o /media/usb/KIOSK_CONTENT/expo.zip --version "spring 2024" [--sign mes-expo.key]
    kiosk trust mes-expo.key.pub               # on the kiosk: from now on, only bundles this key signed
    kiosk install-bundle /media/usb/KIOSK_CONTENT/expo.zip [--target /srv/kiosk/exhibits]
    kiosk rollback [--target /srv/kiosk/exhibits]

Each is a thin wrapper around :mod:`kiosk.bundles`: 0 when all is well, 1 when refused or
failed, with the reason and what to do on stderr.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from kiosk.bundles import default_content_path
from kiosk.bundles.build import build_bundle
from kiosk.bundles.install import InstallResult, install_bundle, rollback
from kiosk.bundles.manifest import BundleError
from kiosk.bundles.signing import PREFIX, PublicKey, load_secret_key, make_key_pair, public_key_of
from kiosk.facilitator.settings import KioskSettings


def cmd_bundle(args) -> int:
    _quiet_loader()
    try:
        key = load_secret_key(args.sign) if args.sign else None
        result = build_bundle(args.path, args.out, args.bundle_version, signing_key=key)
    except BundleError as exc:
        return _refused("kiosk bundle", exc)
    if key is not None:
        print(f"signed with key {public_key_of(key).fingerprint}")
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
        result = install_bundle(args.bundle, target, trusted=KioskSettings.load().trusted_keys)
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


def cmd_keygen(args) -> int:
    try:
        secret, public = make_key_pair(args.key)
    except BundleError as exc:
        return _refused("kiosk keygen", exc)
    key = PublicKey.parse(public.read_text(encoding="utf-8"))
    print(f"wrote {secret} (private: keep it on the curator's computer, never on a stick or a kiosk) and {public}\n"
          f"fingerprint {key.fingerprint}\n"
          f"on each kiosk: kiosk trust {public.name}   (or the facilitator's menu, from a stick)\n"
          f"sign a bundle: kiosk bundle CONTENT -o FILE.zip --sign {secret}")
    return 0


def cmd_trust(args) -> int:
    settings = KioskSettings.load()
    keys = [PublicKey.parse(text) for text in settings.trusted_keys]
    if args.remove:
        wanted = args.remove.replace(" ", "").upper()
        kept = [key for key in keys if key.fingerprint.replace(" ", "") != wanted]
        if len(kept) == len(keys):
            print(f"kiosk trust: no trusted key has the fingerprint {args.remove}; see 'kiosk trust'", file=sys.stderr)
            return 1
        settings.trusted_keys = [key.text for key in kept]
        settings.save()
        print(f"key {args.remove} removed" + ("; this kiosk installs unsigned bundles again" if not kept else ""))
        return 0
    if args.key:
        try:
            key = PublicKey.parse(_key_text(args.key))
        except (OSError, ValueError) as exc:
            print(f"kiosk trust: {exc}", file=sys.stderr)
            return 1
        settings.trusted_keys = [*settings.trusted_keys, key.text]
        settings.save()
        print(f"trusted key {key.fingerprint}: this kiosk now installs only bundles signed by "
              f"{'it' if len(settings.trusted_keys) == 1 else 'one of its ' + str(len(settings.trusted_keys)) + ' keys'}")
        return 0
    if not keys:
        print("this kiosk trusts no signing key: it installs any whole bundle ('kiosk trust KEY.pub' to require one)")
    for key in keys:
        print(f"{key.fingerprint}  {key.text}")
    return 0


def _key_text(given: str) -> str:
    """The key itself, or the content of the .pub file it names."""
    path = Path(given)
    return path.read_text(encoding="utf-8") if not given.startswith(PREFIX) and path.exists() else given


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
