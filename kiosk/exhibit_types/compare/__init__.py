"""The ``compare`` exhibit type: two sides to compare (fields in ``model.py``)."""

from pathlib import Path

from kiosk.exhibit_types import ExhibitType
from kiosk.exhibit_types.compare import model


def register(registry):
    registry.add(ExhibitType(name="compare", fields=model.FIELDS, build=model.build,
                             description="two sides to compare",
                             template=Path(__file__).with_name("template.yaml"),
                             view="kiosk.exhibit_types.compare.view:CompareView"))
