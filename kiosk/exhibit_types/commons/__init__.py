"""The ``commons`` exhibit type: a territory's shared resources, harvested by 2 to 6 players.

The rules are in ``engine.py``, the format in ``model.py``, a game's phases in ``play.py``.
"""

from pathlib import Path

from kiosk.exhibit_types import ExhibitType
from kiosk.exhibit_types.commons import model


def register(registry):
    registry.add(ExhibitType(name="commons", fields=model.FIELDS, build=model.build, check=model.check,
                             description="a game for 2 to 6 players: share a territory's resources round by round",
                             template=Path(__file__).with_name("template.yaml"),
                             view="kiosk.exhibit_types.commons.view:CommonsView"))
