"""A small bar chart drawn in Kivy: one row per bar, its name, the bar, and its figure.

For the facilitator menu's numbers of the day::

    for row in bar_rows([("Français", 12), ("English", 5)], colour=theme.accent, unit="visits"):
        box.add_widget(row)
"""

from __future__ import annotations

from pathlib import Path

from kivy.lang import Builder
from kivy.properties import BooleanProperty, ListProperty, NumericProperty, StringProperty
from kivy.uix.boxlayout import BoxLayout

Builder.load_file(str(Path(__file__).with_name("bar_chart.kv")))


class BarRow(BoxLayout):
    label = StringProperty("")
    figure = StringProperty("")       # the value as written beside the bar
    fraction = NumericProperty(0)     # the bar's length, 0 to 1 of the longest
    colour = ListProperty([0.12, 0.10, 0.09, 1])
    rtl = BooleanProperty(False)      # right to left: the name on the right, the bar grows towards the figure

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        if self.rtl:  # the kv children exist only now
            children = list(self.children)
            self.clear_widgets()
            for child in children:  # children are stored last first: re-adding them reverses the row
                self.add_widget(child)


def bar_rows(values: list[tuple[str, float]], colour, figure=lambda value: f"{value:g}",
             rtl: bool = False) -> list[BarRow]:
    """A row per ``(label, value)``, the longest bar for the largest value."""
    largest = max((value for _, value in values), default=0) or 1
    return [BarRow(label=label, figure=figure(value), fraction=value / largest, colour=list(colour), rtl=rtl)
            for label, value in values]
