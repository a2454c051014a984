"""Widgets shared by every screen, with their kv rules.

- ``KioskButton``: a big rounded touch target (never under 48 dp; taller when its text wraps), e.g.
  ``KioskButton: text: app.tr._("Back"); background: app.theme.ink; on_release: ...``
- ``TextBlock``: a label that wraps to its width and grows to its text's height; in a
  right-to-left language it is shaped and right-aligned (``kiosk.gui.widgets.arabic_label``).
- ``QrPanel``: one link as a QR code, with its label and printed address.
"""

from __future__ import annotations

from pathlib import Path

from kivy.clock import Clock
from kivy.lang import Builder
from kivy.properties import BooleanProperty, ListProperty, NumericProperty, ObjectProperty, StringProperty
from kivy.uix.behaviors import ButtonBehavior
from kivy.uix.boxlayout import BoxLayout
from kivy.uix.label import Label

from kiosk.gui.widgets.arabic_label import BidiLabel
from kiosk.render.bidi import has_rtl, shape_line

Builder.load_file(str(Path(__file__).with_name("widgets.kv")))


class TextBlock(BidiLabel):
    """Wrapping text that takes the height it needs. Set ``logical_text``; its direction follows its script."""

    role = StringProperty("body")          # body, small, heading, title, button: a size of the theme
    size_factor = NumericProperty(1.0)
    tone = StringProperty("ink")           # ink, muted, accent, white: a colour of the theme
    custom_color = ListProperty([])
    font_override = StringProperty("")

    def on_logical_text(self, _widget, text: str) -> None:
        self.base_direction = "rtl" if has_rtl(text) else "ltr"


class KioskButton(ButtonBehavior, Label):
    """``wrap: False`` for a button whose width follows its text (set ``width`` from ``texture_size``)."""

    wrap = BooleanProperty(True)
    size_factor = NumericProperty(1.0)
    font_override = StringProperty("")
    background = ListProperty([0.12, 0.10, 0.09, 1])
    foreground = ListProperty([1, 1, 1, 1])
    outline = ListProperty([])
    _shaped = ""

    def on_text(self, _widget, value: str) -> None:
        """Right-to-left captions (one line) are shaped just before the next frame.

        Not here: Label hands the value being dispatched to its renderer after this handler
        runs, so a text set from inside ``on_text`` would be overwritten.
        """
        if value != self._shaped:
            self.base_direction = "rtl" if has_rtl(value) else "ltr"
            if self.base_direction == "rtl":
                Clock.schedule_once(lambda _dt: self._shape(value), -1)

    def _shape(self, logical: str) -> None:
        if self.text == logical:
            self._shaped = shape_line(logical)
            self.text = self._shaped


class Figure(BoxLayout):
    """A picture with its caption and credit: ``Figure.of(image_ref, view, max_height)``."""

    texture = ObjectProperty(None, allownone=True)
    caption = StringProperty("")
    credit = StringProperty("")
    max_height = NumericProperty(600)

    @classmethod
    def of(cls, image, view, max_height: float, box: tuple[float, float] | None = None) -> "Figure":
        box = box or (max_height * 16 / 9, max_height)
        texture = view.ctx.pictures.texture(view.manifest.image_path(image.file), box)
        return cls(texture=texture, caption=view.text(image.caption), credit=view.text(image.credit),
                   max_height=max_height)


class QrPanel(BoxLayout):
    """``QrPanel(qr_image, label, url, side)``: ``side`` is a whole number of px per module × modules."""

    texture = ObjectProperty(None, allownone=True)
    label = StringProperty("")
    url = StringProperty("")
    side = NumericProperty(0)
