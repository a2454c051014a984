"""The ``quiz`` exhibit type: questions one at a time, with explanations (fields in ``model.py``)."""

from pathlib import Path

from kiosk.exhibit_types import ExhibitType
from kiosk.exhibit_types.quiz import model


def register(registry):
    registry.add(ExhibitType(name="quiz", fields=model.FIELDS, build=model.build, check=model.check,
                             description="questions one at a time, with explanations",
                             template=Path(__file__).with_name("template.yaml"),
                             view="kiosk.exhibit_types.quiz.view:QuizView"))
