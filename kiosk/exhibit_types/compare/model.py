"""The ``compare`` type: two sides to compare, side by side (``divider``) or one at a time (``toggle``).

With ``divider`` the kiosk shows both sides side by side when the screen holds them at a
comfortable reading width, and as two tabs otherwise (portrait, small screens).

Example::

    type: compare
    prompt: {fr: Où va votre épargne ?, en: Where do your savings go?}
    mode: divider            # side by side when it fits; or: toggle (two tabs, always)
    left:
      title: {fr: ..., en: ...}
      text: {fr: ..., en: ...}
      image:                 # optional
        file: left.png
        alt: {fr: ..., en: ...}
        credit: "CC BY-SA 4.0"
    right:
      title: ...
      text: ...
"""

from __future__ import annotations

from dataclasses import dataclass

from kiosk.content.fields import IMAGE, ImageRef
from kiosk.content.spec import Field, ObjectKind, StrKind, TextKind
from kiosk.content.text import LocalizedText

SIDE = ObjectKind("side", (
    Field("title", TextKind(max_length=120), required=True),
    Field("text", TextKind(max_length=1500), required=True),
    Field("image", IMAGE, doc="Optional: {file, alt, credit} of a picture in this folder."),
))

FIELDS = (
    Field("prompt", TextKind(max_length=300), doc="The question the comparison raises."),
    Field("mode", StrKind(choices=("divider", "toggle")), default="divider"),
    Field("left", SIDE, required=True),
    Field("right", SIDE, required=True),
)


@dataclass(frozen=True)
class Side:
    title: LocalizedText
    text: LocalizedText
    image: ImageRef | None


@dataclass(frozen=True)
class Compare:
    prompt: LocalizedText | None
    mode: str
    left: Side
    right: Side

    @property
    def sides(self) -> tuple[Side, Side]:
        return self.left, self.right


def build(values: dict) -> Compare:
    def side(data: dict) -> Side:
        return Side(data["title"], data["text"], ImageRef.from_values(data["image"]))

    return Compare(values["prompt"], values["mode"], side(values["left"]), side(values["right"]))
