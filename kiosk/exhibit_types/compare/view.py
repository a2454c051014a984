"""The ``compare`` view: two sides, with a divider to drag (``mode: divider``) or two buttons (``toggle``).

The divider stays between 30 % and 70 % so both sides remain readable; its position is
the visitor's and survives a language switch.
"""

from __future__ import annotations

from pathlib import Path

from kivy.factory import Factory
from kivy.lang import Builder
from kivy.properties import NumericProperty, StringProperty
from kivy.uix.boxlayout import BoxLayout

from kiosk.gui.widgets.exhibit_view import ExhibitView
from kiosk.gui.widgets.widgets import Figure, KioskButton, TextBlock

Builder.load_file(str(Path(__file__).with_name("compare.kv")))
LIMITS = (0.3, 0.7)


class CompareSide(BoxLayout):
    pass


class CompareView(ExhibitView):
    mode = StringProperty("divider")
    divider = NumericProperty(0.5)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.mode = self.manifest.details.mode
        self.divider = self.state.get("divider", 0.5)
        self.sides = [CompareSide(), CompareSide()]
        self.handle = Factory.DividerHandle(size_hint=(None, None))
        for widget in (*self.sides, self.handle):
            self.ids.stage.add_widget(widget)
        self.bind(divider=lambda *_: self.layout_sides())

    @classmethod
    def step_count_for(cls, manifest) -> int:
        return 2

    def show_step(self, index: int) -> None:
        if self.mode == "toggle":
            self.state["side"] = index
        else:
            self.set_divider(LIMITS[1] if index == 0 else LIMITS[0])
        self.refresh()

    def refresh(self) -> None:
        compare = self.manifest.details
        self.ids.prompt.logical_text = self.text(compare.prompt)
        tr = self.ctx.gettext
        self.ids.hint.logical_text = tr("Drag the line to compare.") if self.mode == "divider" else tr("Touch a side to see it.")
        for side_widget, side in zip(self.sides, compare.sides):
            self._fill_side(side_widget, side)
        self._fill_toggles()
        self.layout_sides()

    def _fill_side(self, widget: CompareSide, side) -> None:
        column, theme = widget.ids.column, self.ctx.theme
        column.clear_widgets()
        column.add_widget(TextBlock(logical_text=self.text(side.title), role="heading", bold=True))
        if side.image:
            column.add_widget(Figure.of(side.image, self, max_height=320 * theme.scale))
        column.add_widget(TextBlock(logical_text=self.text(side.text)))

    def _fill_toggles(self) -> None:
        self.ids.toggles.clear_widgets()
        if self.mode != "toggle":
            return
        for index, side in enumerate(self.manifest.details.sides):
            chosen = self.state.get("side", 0) == index
            button = KioskButton(text=self.text(side.title),
                                 background=self.ctx.theme.ink if chosen else self.ctx.theme.muted[:3] + [0.5])
            button.side_index = index
            button.bind(on_release=lambda b: self.show_step(b.side_index))
            self.ids.toggles.add_widget(button)

    def layout_sides(self, *_args) -> None:
        stage, left, right = self.ids.stage, *self.sides
        gap = self.ctx.theme.pad * 0.5
        if self.mode == "toggle":
            shown = self.state.get("side", 0)
            for index, side in enumerate(self.sides):
                side.opacity, side.disabled = (1, False) if index == shown else (0, True)
                side.pos, side.size = stage.pos, stage.size
            self.handle.opacity = 0
            return
        split = stage.x + stage.width * self.divider
        left.pos, left.size = stage.pos, (max(0, split - stage.x - gap), stage.height)
        right.pos, right.size = (split + gap, stage.y), (max(0, stage.right - split - gap), stage.height)
        self.handle.size = (self.ctx.theme.touch, stage.height)
        self.handle.center = (split, stage.center_y)

    def set_divider(self, value: float) -> None:
        self.divider = min(LIMITS[1], max(LIMITS[0], value))
        self.state["divider"] = self.divider

    def on_touch_down(self, touch):
        if self.mode == "divider" and self.handle.collide_point(*touch.pos):
            touch.grab(self)
            return True
        return super().on_touch_down(touch)

    def on_touch_move(self, touch):
        if touch.grab_current is self:
            stage = self.ids.stage
            self.set_divider((touch.x - stage.x) / max(1, stage.width))
            return True
        return super().on_touch_move(touch)

    def on_touch_up(self, touch):
        if touch.grab_current is self:
            touch.ungrab(self)
            return True
        return super().on_touch_up(touch)
