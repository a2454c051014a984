"""The ``panel`` type: a Markdown body with pictures; no fields of its own.

Example ``exhibit.yaml``::

    schema: 1
    type: panel
    room: alternatives
    title: {fr: Les AMAP, en: Community-supported farming}
    summary: {fr: ..., en: ...}
    images:
      - {file: amap.png, alt: {fr: ..., en: ...}, credit: "CC BY-SA 4.0"}

with the body in ``body.fr.md`` and ``body.en.md`` beside it.
"""

from __future__ import annotations

from dataclasses import dataclass

FIELDS = ()


@dataclass(frozen=True)
class Panel:
    """A panel has nothing beyond the common fields: its body is the exhibit's body."""


def build(values: dict) -> Panel:
    return Panel()
