"""A fleet of kiosks kept in step by Syncthing: content out from a coordinator, health and statistics back.

:mod:`~kiosk.fleet.syncthing` drives Syncthing (its command line and REST API), :mod:`~kiosk.fleet.fleet`
sets a machine up as the coordinator or a kiosk, :mod:`~kiosk.fleet.member` is a kiosk's part (the bundle
installed between visitors, reports published), :mod:`~kiosk.fleet.status` the coordinator's table, and
:mod:`~kiosk.fleet.commands` the ``kiosk fleet`` commands. docs/fleet.md (docs/flotte.md in French) walks
through a set-up. Nothing here imports Kivy.
"""

from __future__ import annotations

from pathlib import Path


def fleet_member(data_dir: Path, live: Path):
    """This kiosk's part of its fleet (:class:`kiosk.fleet.member.FleetMember`), or None when it is in none. Cheap
    when it is in none: the kiosk's start-up pays for nothing more than a look for the fleet's file."""
    if not (Path(data_dir) / "fleet" / "fleet.json").is_file():
        return None
    from kiosk.fleet.member import FleetMember

    return FleetMember.of(data_dir, live)
