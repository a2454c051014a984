"""The ``timeline`` exhibit type: dated events to scroll through (fields in ``model.py``)."""

from pathlib import Path

from kiosk.exhibit_types import ExhibitType
from kiosk.exhibit_types.timeline import model


def register(registry):
    registry.add(ExhibitType(name="timeline", fields=model.FIELDS, build=model.build,
                             description="dated events to scroll through",
                             template=Path(__file__).with_name("template.yaml"),
                             view="kiosk.exhibit_types.timeline.view:TimelineView"))
