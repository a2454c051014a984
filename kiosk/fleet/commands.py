"""The ``kiosk fleet`` commands (docs/fleet.md walks through them).

On the curator's laptop (the coordinator)::

    kiosk fleet init --role coordinator --name "Portable du MES"
    kiosk fleet id                                  # its device ID, as text and as a QR code
    kiosk fleet add-kiosk KIOSK_ID --name "Salle des fêtes"
    kiosk bundle exhibits -o expo.zip --sign mes-expo.key && kiosk fleet publish expo.zip
    kiosk fleet status                              # a table: each kiosk, last seen, content, visits, faults
    kiosk report --fleet --out fleet.pdf            # every kiosk's statistics in one report

On each kiosk::

    kiosk fleet init --role kiosk --name "Salle des fêtes"
    kiosk fleet join COORDINATOR_ID --name "Portable du MES"
    kiosk trust mes-expo.key.pub

``kiosk fleet serve`` runs Syncthing in the foreground (the fleet's service runs it); ``kiosk fleet
update`` installs a bundle that arrived and sends the reports now (the running kiosk does both by
itself, between visitors).
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from kiosk.fleet.fleet import Fleet, check_device_id
from kiosk.fleet.syncthing import SyncthingError
from kiosk.folders import data_dir


def cmd_fleet(args) -> int:
    try:
        return ACTIONS[args.action](args)
    except (SyncthingError, ValueError) as error:
        print(f"kiosk fleet {args.action}: {error}", file=sys.stderr)
        return 1


def _fleet() -> Fleet:
    fleet = Fleet.load(data_dir())
    if fleet is None:
        raise SyncthingError("this machine is in no fleet yet: set it up with 'kiosk fleet init --role coordinator' "
                             "(the curator's laptop) or 'kiosk fleet init --role kiosk'")
    return fleet


def _init(args) -> int:
    fleet = Fleet.create(data_dir(), args.role, args.name, api_port=args.api_port, listen=args.listen,
                         internet=not args.lan_only)
    print(f"this machine is the fleet's {fleet.role} '{fleet.name}'")
    _show_id(fleet)
    other = "kiosk fleet add-kiosk THIS_ID --name NAME' on the coordinator" if fleet.role == "kiosk" else \
        "kiosk fleet join THIS_ID' on each kiosk"
    print(f"next: run '{other}; keep Syncthing running with 'kiosk fleet serve' (or the fleet's service)")
    return 0


def _id(_args) -> int:
    _show_id(_fleet())
    return 0


def _show_id(fleet: Fleet) -> None:
    import qrcode

    code = qrcode.QRCode(border=2)
    code.add_data(fleet.device_id)
    code.print_ascii(out=sys.stdout, invert=True)
    print(f"device ID: {fleet.device_id}")


def _add_kiosk(args) -> int:
    folder = _fleet().add_kiosk(args.device_id, args.name, args.address)
    print(f"added the kiosk '{args.name}': it receives the published content, and its reports arrive in {folder}")
    return 0


def _join(args) -> int:
    fleet = _fleet()
    fleet.join(args.device_id, args.name, args.address)
    print(f"joined the coordinator '{args.name}' ({check_device_id(args.device_id)}): the content it publishes is "
          f"installed between visitors, and this kiosk's health and statistics go back to it")
    return 0


def _publish(args) -> int:
    from kiosk.bundles import BundleError, read_bundle_info
    from kiosk.bundles.signing import SIGNATURE

    fleet = _fleet()
    try:
        info = read_bundle_info(args.bundle)
    except BundleError as error:
        print(f"kiosk fleet publish: {error}", file=sys.stderr)
        return 1
    import zipfile

    with zipfile.ZipFile(args.bundle) as archive:
        signed = SIGNATURE in archive.namelist()
    target = fleet.publish(args.bundle)
    print(f"published {info.describe()} ({target}); the kiosks install it at their next pause between visitors")
    if not signed:
        print("note: this bundle is not signed: kiosks that trust a key will refuse it ('kiosk bundle --sign KEY')")
    return 0


def _status(args) -> int:
    from kiosk.fleet.status import fleet_rows, status_table

    fleet = _fleet()
    if fleet.role != "coordinator":
        return _kiosk_status(fleet)
    print(status_table(fleet_rows(fleet), now=time.time()))
    return 0


def _kiosk_status(fleet: Fleet) -> int:
    from kiosk.fleet.member import FleetMember

    bundle = FleetMember(fleet, Path(".")).state().get("bundle")
    coordinator = fleet.coordinator["name"] if fleet.coordinator else "none yet ('kiosk fleet join')"
    print(f"kiosk '{fleet.name}' ({fleet.device_id}); coordinator: {coordinator}")
    if bundle:
        print(f"last bundle from the fleet: {bundle.get('result')} on {bundle.get('when')}"
              + (f": {bundle.get('reason')}" if bundle.get("reason") else ""))
    return 0


def _update(args) -> int:
    """On a kiosk: install what arrived, then send the reports, now."""
    from kiosk.facilitator.settings import KioskSettings
    from kiosk.fleet.member import FleetMember
    from kiosk.folders import default_content_path

    fleet = _fleet()
    if fleet.role != "kiosk":
        raise SyncthingError("'kiosk fleet update' is for a kiosk")
    settings = KioskSettings.load()
    member = FleetMember(fleet, args.target or default_content_path())
    outcome = member.install_pending(trusted=settings.trusted_keys)
    if outcome is None:
        print("no new bundle from the fleet")
    elif outcome["result"] == "installed":
        print(f"installed the fleet's bundle, version {outcome.get('version')}")
    else:
        print(f"the fleet's bundle was refused: {outcome.get('reason')}", file=sys.stderr)
    member.publish(_health_now(member.live), data_dir() / "stats.db", venue=settings.venue)
    print(f"reports written to {fleet.reports_path}")
    return 0 if outcome is None or outcome["result"] == "installed" else 1


def _health_now(live: Path) -> dict:
    """The running kiosk's last health.json, or (the kiosk not running) what the data folder and the live content
    say; its content version as it is now, after an install."""
    from kiosk.bundles import live_info
    from kiosk.health import KioskState, health_record, read_health

    info = live_info(live)
    record = read_health(data_dir())
    if record is None:
        title = info.title_default if info else live.name
        record = health_record(KioskState(started=time.time(), content_title=title, content_version=None), data_dir())
        record["asleep"] = None   # unknown: the kiosk is not running
    record["content_version"] = info.version if info else None
    return record


def _serve(_args) -> int:
    """Run Syncthing in the foreground, as the fleet's service does (this process becomes Syncthing)."""
    fleet = _fleet()
    command = fleet.engine.serve_command()
    os.environ.update(STNODEFAULTFOLDER="1", STNOUPGRADE="1")
    os.execv(command[0], command)
    return 0   # not reached


def _leave(_args) -> int:
    fleet = _fleet()
    if fleet.engine.answers():
        raise SyncthingError("Syncthing is running for this fleet: stop its service first "
                             "('systemctl --user stop musee-kiosk-fleet')")
    fleet.leave()
    print("this machine is in no fleet any more; its content and statistics are untouched")
    return 0


ACTIONS = {"init": _init, "id": _id, "add-kiosk": _add_kiosk, "join": _join, "publish": _publish, "status": _status,
           "update": _update, "serve": _serve, "leave": _leave}
