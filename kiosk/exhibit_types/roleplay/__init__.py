"""The ``roleplay`` game: a group takes decisions together, in one of five ways (rules in ``engine.py``).

The format is in ``model.py``; the view (``view.py``, ``roleplay.kv``) runs a game's phases.
"""

from pathlib import Path

from kiosk.exhibit_types import ExhibitType
from kiosk.exhibit_types.roleplay import model


def register(registry):
    registry.add(ExhibitType(name="roleplay", fields=model.FIELDS, build=model.build, check=model.check,
                             description="a role-play for 3 to 6 players: take decisions together, in five ways",
                             template=Path(__file__).with_name("template.yaml"),
                             view="kiosk.exhibit_types.roleplay.view:RoleplayView"))
