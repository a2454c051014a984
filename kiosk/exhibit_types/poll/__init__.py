"""The ``poll`` exhibit type: one question, one vote per visitor, the results as bars (fields in ``model.py``)."""

from pathlib import Path

from kiosk.exhibit_types import ExhibitType
from kiosk.exhibit_types.poll import model


def register(registry):
    registry.add(ExhibitType(name="poll", fields=model.FIELDS, build=model.build,
                             description="one question, visitors vote, the results as bars",
                             template=Path(__file__).with_name("template.yaml"),
                             view="kiosk.exhibit_types.poll.view:PollView"))
