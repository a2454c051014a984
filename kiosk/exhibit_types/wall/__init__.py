"""The ``wall`` exhibit type: visitors leave ideas, a facilitator puts them on the wall (fields in ``model.py``)."""

from pathlib import Path

from kiosk.exhibit_types import ExhibitType
from kiosk.exhibit_types.wall import model


def register(registry):
    registry.add(ExhibitType(name="wall", fields=model.FIELDS, build=model.build,
                             description="a wall of visitors' ideas, read by a facilitator first",
                             template=Path(__file__).with_name("template.yaml"),
                             view="kiosk.exhibit_types.wall.view:WallView"))
