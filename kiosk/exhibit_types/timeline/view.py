"""The ``timeline`` view: dated stops to scroll through sideways; tap one for its detail below."""

from __future__ import annotations

from pathlib import Path

from kivy.clock import Clock
from kivy.lang import Builder
from kivy.properties import BooleanProperty, ListProperty, StringProperty
from kivy.uix.behaviors import ButtonBehavior
from kivy.uix.boxlayout import BoxLayout

from kiosk.gui.theme import rgba
from kiosk.gui.widgets.exhibit_view import ExhibitView
from kiosk.gui.widgets.widgets import Figure, TextBlock

Builder.load_file(str(Path(__file__).with_name("timeline.kv")))


class TimelineStop(ButtonBehavior, BoxLayout):
    date = StringProperty("")
    title = StringProperty("")
    selected = BooleanProperty(False)
    colour = ListProperty([0, 0, 0, 1])


def format_date(date) -> str:
    """'1844', '1939–1945', '1844-12-21' as written, with an en dash for ranges."""
    return date.text.replace("/", " – ")


class TimelineView(ExhibitView):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.ids.scroll.bind(scroll_x=lambda _w, value: self.state.__setitem__("scroll", value))

    @property
    def events(self):
        return self.manifest.details.events

    @classmethod
    def step_count_for(cls, manifest) -> int:
        return len(manifest.details.events)

    def show_step(self, index: int) -> None:
        self.select(index)

    def refresh(self) -> None:
        self.ids.hint.logical_text = self.ctx.gettext("Tap a date to read what happened.")
        room = self.ctx.room(self.manifest.room)
        colour = rgba(room.colour) if room else self.ctx.theme.ink
        self.ids.stops.clear_widgets()
        for index, event in enumerate(self.events):
            stop = TimelineStop(date=format_date(event.date), title=self.text(event.title), colour=colour)
            stop.event_index = index
            stop.bind(on_release=lambda s: self.select(s.event_index))
            self.ids.stops.add_widget(stop)
        self.select(self.state.get("selected", 0))
        scroll = self.state.get("scroll", 0.0)
        Clock.schedule_once(lambda _dt: setattr(self.ids.scroll, "scroll_x", scroll), 0)

    def select(self, index: int) -> None:
        self.state["selected"] = index
        for stop in self.ids.stops.children:
            stop.selected = stop.event_index == index
        event, theme, detail = self.events[index], self.ctx.theme, self.ids.detail
        detail.clear_widgets()
        detail.add_widget(TextBlock(logical_text=format_date(event.date), role="heading", bold=True, tone="muted"))
        detail.add_widget(TextBlock(logical_text=self.text(event.title), role="heading", bold=True))
        if event.text:
            detail.add_widget(TextBlock(logical_text=self.text(event.text)))
        picture = event.image or (self.manifest.images[0] if self.manifest.images and index == 0 else None)
        if picture:
            detail.add_widget(Figure.of(picture, self, max_height=400 * theme.scale))
        self.ids.detail_scroll.scroll_y = 1
