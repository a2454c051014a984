"""The ``timeline`` view: dated stops along a line, and the chosen event told in a card below.

The line runs in reading order: earliest on the left, or on the right in a right-to-left
language, with its arrows mirrored; it shows whole stops only and turns by a swipe. The chosen stop is filled with the room's colour and
points at the card. The card shows the event's picture beside its text (above it in
portrait); an event without a picture shows its date large in the room's colour instead,
so no half of the card stays blank. Long texts turn page by page (``PagedReader``).
"""

from __future__ import annotations

from pathlib import Path

from kivy.clock import Clock
from kivy.lang import Builder
from kivy.properties import BooleanProperty, ListProperty, NumericProperty, StringProperty
from kivy.uix.behaviors import ButtonBehavior
from kivy.uix.boxlayout import BoxLayout
from kivy.uix.stencilview import StencilView

from kiosk.gui.theme import rgba
from kiosk.gui.widgets.exhibit_view import ExhibitView
from kiosk.gui.widgets.reader import PagedReader  # noqa: F401  (kv rule)
from kiosk.gui.widgets.widgets import Figure, TextBlock

Builder.load_file(str(Path(__file__).with_name("timeline.kv")))


class TimelineStop(ButtonBehavior, BoxLayout):
    date = StringProperty("")
    title = StringProperty("")
    selected = BooleanProperty(False)
    colour = ListProperty([0, 0, 0, 1])


class StripWindow(StencilView):
    """The strip's window: it shows whole stops, and only those it shows take a touch."""

    def on_touch_down(self, touch):
        return self.collide_point(*touch.pos) and super().on_touch_down(touch)

    def on_touch_up(self, touch):
        return self.collide_point(*touch.pos) and super().on_touch_up(touch)


class DateCard(BoxLayout):
    """What stands beside an event that has no picture: its date, large, in the room's colour."""

    date = StringProperty("")
    position = StringProperty("")
    colour = ListProperty([0, 0, 0, 1])
    band = BooleanProperty(False)


def format_date(date, rtl: bool = False) -> str:
    """The date as the visitor reads it (:meth:`TimelineDate.label`)."""
    return date.label(rtl)


class TimelineView(ExhibitView):
    selected = NumericProperty(0)
    count = NumericProperty(0)
    first = NumericProperty(0)      # the first event shown in the strip, which shows whole stops only
    shown = NumericProperty(1)      # how many stops the strip shows

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.ids.reader.bind(page=lambda _r, page: self.state.__setitem__("page", page))
        self._trigger_aside = Clock.create_trigger(lambda _dt: self._fill_aside(), 0)
        self.ids.aside.bind(size=self._trigger_aside)

    @property
    def events(self):
        return self.manifest.details.events

    @classmethod
    def step_count_for(cls, manifest) -> int:
        return len(manifest.details.events)

    def show_step(self, index: int) -> None:
        self.select(index)

    @property
    def colour(self):
        room = self.ctx.room(self.manifest.room)
        return rgba(room.colour) if room else self.ctx.theme.ink

    def refresh(self) -> None:
        self.ids.hint.logical_text = self.ctx.gettext("Tap a date to read what happened.")
        self.count = len(self.events)
        self.ids.stops.clear_widgets()
        for index, event in enumerate(self.events):
            stop = TimelineStop(date=format_date(event.date, self.ctx.theme.rtl), title=self.text(event.title),
                                colour=self.colour)
            stop.event_index = index
            stop.bind(on_release=lambda s: self.select(s.event_index))
            self.ids.stops.add_widget(stop)
        self.place_strip()
        self.select(self.state.get("selected", 0), page=self.state.get("page", 0))

    def select(self, index: int, page: int = 0) -> None:
        index = max(0, min(len(self.events) - 1, index))
        self.selected = self.state["selected"] = index
        for stop in self.ids.stops.children:
            stop.selected = stop.event_index == index
        event = self.events[index]
        # without a picture, the date stands large beside the text: not said twice
        self.ids.date.logical_text = format_date(event.date, self.ctx.theme.rtl) if self.picture(index) else ""
        self.ids.date.opacity = 1 if self.picture(index) else 0
        self.ids.title.logical_text = self.text(event.title)
        text = self.text(event.text) if event.text else ""
        self.ids.reader.set_content(lambda _w, _h: [TextBlock(logical_text=text)], text, page=page)
        self._fill_aside()
        self._reveal(index)

    def picture(self, index: int):
        event = self.events[index]
        return event.image or (self.manifest.images[0] if self.manifest.images and index == 0 else None)

    def _fill_aside(self) -> None:
        aside, index = self.ids.aside, int(self.selected)
        aside.clear_widgets()
        picture = self.picture(index)
        if picture and aside.height > 1:
            height = aside.height - self.ctx.theme.small * 5      # room for the caption and credit
            aside.add_widget(Figure.of(picture, self, max_height=height, box=(aside.width, height)))
            aside.add_widget(BoxLayout())
        elif not picture:
            position = self.ctx.gettext("{number} of {count}").format(number=index + 1, count=len(self.events))
            aside.add_widget(DateCard(date=format_date(self.events[index].date, self.ctx.theme.rtl),
                                      position=position, colour=self.colour))

    def place_strip(self, *_args) -> None:
        """Fit whole stops in the strip (no stop cut by its edge) and show those from ``first`` on."""
        window, stops, theme = self.ids.window, self.ids.stops, self.ctx.theme
        if not self.events or window.width <= 1:
            return
        gap, count = stops.spacing, len(self.events)
        self.shown = max(1, min(count, int((window.width + gap) // (theme.touch * 3.2 + gap))))
        width = (window.width - gap * (self.shown - 1)) / self.shown
        for stop in stops.children:
            stop.width = width
        self.first = max(0, min(self.first, count - self.shown))
        step, total = width + gap, count * (width + gap) - gap
        stops.size = (total, window.height)
        stops.y = window.y
        stops.x = window.right + self.first * step - total if self.ctx.theme.rtl else window.x - self.first * step

    def _reveal(self, index: int) -> None:
        if index < self.first:
            self.first = index
        elif index >= self.first + self.shown:
            self.first = index - self.shown + 1
        self.place_strip()

    def on_touch_down(self, touch):
        if self.ids.window.collide_point(*touch.pos):
            touch.ud["timeline_strip"] = touch.x
        return super().on_touch_down(touch)

    def on_touch_up(self, touch):
        start = touch.ud.get("timeline_strip")
        if start is not None and abs(touch.x - start) > max(40, self.ids.window.width * 0.06):
            later = touch.x < start                  # a swipe to the left brings later events (right to left: earlier)
            step = self.shown if later != self.ctx.theme.rtl else -self.shown
            self.first = max(0, min(len(self.events) - self.shown, self.first + step))
            self.place_strip()
            return True
        return super().on_touch_up(touch)
