"""A third-party exhibit type, ``stamp``, installed through the ``kiosk.exhibit_types`` entry point.

It lives outside the ``kiosk`` package on purpose: its view sees the kiosk only through
the ViewContext it is given. A visitor touches "Stamp my card"; the view emits a
:class:`kiosk.events.QuizAnswered` (the statistics count it) and thanks them.
"""

from dataclasses import dataclass

from kiosk.content.spec import Field, TextKind
from kiosk.exhibit_types import ExhibitType


@dataclass(frozen=True)
class Stamp:
    motto: object


def build(values: dict) -> Stamp:
    return Stamp(motto=values["motto"])


def register(registry):
    registry.add(ExhibitType(name="stamp", fields=(Field("motto", TextKind(max_length=120), required=True),),
                             build=build, description="a card to stamp", view="kiosk_sample_stamp.view:StampView"))
