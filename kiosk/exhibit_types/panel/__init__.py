"""The ``panel`` exhibit type: text and pictures (fields in ``model.py``)."""

from pathlib import Path

from kiosk.exhibit_types import ExhibitType
from kiosk.exhibit_types.panel import model


def register(registry):
    registry.add(ExhibitType(name="panel", fields=model.FIELDS, build=model.build, body_required=True,
                             description="a Markdown text with pictures",
                             template=Path(__file__).with_name("template.yaml"),
                             view="kiosk.exhibit_types.panel.view:PanelView"))
