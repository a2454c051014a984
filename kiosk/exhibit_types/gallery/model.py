"""The ``gallery`` type: pictures to swipe through, each with a caption and a credit.

It uses the common ``images`` list and needs at least two images::

    type: gallery
    images:
      - file: circuit.png
        alt: {fr: ..., en: ...}
        caption: {fr: ..., en: ...}
        credit: "Illustration: Musée du Kapitalisme kiosk, CC BY-SA 4.0"
      - file: billet.png
        ...
"""

from __future__ import annotations

from dataclasses import dataclass

FIELDS = ()
MIN_IMAGES = 2


@dataclass(frozen=True)
class Gallery:
    """A gallery shows the exhibit's images one at a time."""


def build(values: dict) -> Gallery:
    return Gallery()
