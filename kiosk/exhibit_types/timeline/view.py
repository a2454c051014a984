"""The ``timeline`` view: dated stops along a line, and the chosen event told in a card below.

The line runs in reading order: earliest on the left, or on the right in a right-to-left
language, with its arrows mirrored; it shows whole stops only and turns by a swipe. A row of
dots beside the hint, one a date, says how many dates there are and which the strip shows.
The chosen stop is filled with the room's colour and points at the card. The card says
"1825 · 3 of 8" over the event's title and shows its picture beside its text (above it in
portrait). An event without a picture gives its text the card, and the dates that come next
(``LaterRow``, each a button) take the room the text leaves: beside it in landscape, under it
in portrait. Long texts turn page by page (``PagedReader``).

In portrait the text takes the height it needs and the picture above it takes the rest, up to
the picture's own height at the card's full width: no blank under a short text.
"""

from __future__ import annotations

from pathlib import Path

from kivy.clock import Clock
from kivy.core.text import Label as CoreLabel
from kivy.lang import Builder
from kivy.properties import BooleanProperty, ListProperty, NumericProperty, StringProperty
from kivy.uix.behaviors import ButtonBehavior
from kivy.uix.boxlayout import BoxLayout
from kivy.graphics import Color, Ellipse
from kivy.uix.stencilview import StencilView
from kivy.uix.widget import Widget

from kiosk.gui.widgets.exhibit_view import ExhibitView
from kiosk.gui.widgets.reader import PagedReader  # noqa: F401  (kv rule)
from kiosk.gui.widgets.widgets import Figure, MirrorBox, SecondText, TextBlock
from kiosk.render.bidi import has_rtl, shape_line

Builder.load_file(str(Path(__file__).with_name("timeline.kv")))
SMALLEST_ASIDE = 0.3        # in portrait the picture or the date keeps at least this share of the card's height
CREDIT_LINES = 2.5          # room under a picture for its credit, in small lines, until the figure is drawn


class TimelineStop(ButtonBehavior, BoxLayout):
    date = StringProperty("")
    title = StringProperty("")
    selected = BooleanProperty(False)
    colour = ListProperty([0, 0, 0, 1])
    date_scale = NumericProperty(1)     # under 1: the longest date of the line set smaller, on one line


class StripWindow(StencilView):
    """The strip's window: it shows whole stops, and only those it shows take a touch."""

    def on_touch_down(self, touch):
        return self.collide_point(*touch.pos) and super().on_touch_down(touch)

    def on_touch_up(self, touch):
        return self.collide_point(*touch.pos) and super().on_touch_up(touch)


class LaterRow(ButtonBehavior, MirrorBox):
    """A date that comes after the chosen one: its year, its title and an arrow; a touch opens it."""

    date = StringProperty("")
    title = StringProperty("")
    colour = ListProperty([0, 0, 0, 1])
    date_width = NumericProperty(0)     # the list's date column: its titles start level


class StripDots(Widget):
    """One dot a date, in reading order: the chosen one in the room's colour, those in view in ink."""

    count = NumericProperty(0)
    first = NumericProperty(0)
    shown = NumericProperty(1)
    selected = NumericProperty(0)
    colour = ListProperty([0, 0, 0, 1])
    rtl = BooleanProperty(False)

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        for name in ("count", "first", "shown", "selected", "colour", "rtl", "pos", "size"):
            self.fbind(name, self.draw)

    def draw(self, *_args) -> None:
        from kivy.app import App

        theme = App.get_running_app().theme
        self.canvas.clear()
        count = int(self.count)
        step = self.width / max(count, 1)
        with self.canvas:
            for index in range(count):
                place = count - 1 - index if self.rtl else index
                chosen, in_view = index == self.selected, self.first <= index < self.first + self.shown
                size = step * (0.62 if chosen else 0.46 if in_view else 0.36)
                Color(*(self.colour if chosen else theme.ink if in_view else theme.line))
                Ellipse(pos=(self.x + step * (place + 0.5) - size / 2, self.center_y - size / 2), size=(size, size))


def format_date(date, language: str = "", rtl: bool = False) -> str:
    """The date in the visitor's language (:meth:`TimelineDate.label`), ready for a label that
    draws its text as given: right to left, its Arabic letters joined and its parts in the
    order they are read (a range of years alone: its parts swapped by the model)."""
    text = date.label(language)
    if not rtl:
        return text
    return shape_line(text) if has_rtl(text) else date.label(language, rtl=True)


class TimelineView(ExhibitView):
    selected = NumericProperty(0)
    count = NumericProperty(0)
    first = NumericProperty(0)      # the first event shown in the strip, which shows whole stops only
    shown = NumericProperty(1)      # how many stops the strip shows
    aside_height = NumericProperty(0)   # portrait: the picture's share above the text
    reader_height = NumericProperty(0)  # portrait, no picture: the text's height, the later dates under it
    pictured = BooleanProperty(True)    # the chosen event has a picture
    listed = BooleanProperty(False)     # the dates that come next are listed beside or under its text: no picture
                                        # and one language (two languages at once take the room for their columns)
    colour_rgba = ListProperty([0, 0, 0, 1])

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.ids.reader.bind(page=lambda _r, page: self.state.__setitem__("page", page))
        self._trigger_aside = Clock.create_trigger(lambda _dt: self._fill_aside(), 0)
        self.ids.aside.bind(size=self._trigger_aside)
        self._trigger_fit = Clock.create_trigger(lambda _dt: self.fit_aside(), 0)   # after the layout it follows
        self._measured: dict = {}
        self._widths: dict = {}        # a date's width as drawn, by its text, font and size
        for widget, name in ((self.ids.card, "size"), (self.ids.reader, "column_width"), (self.ids.titles, "height"),
                             (self.ids.date, "height"), (self.ids.body, "height")):
            widget.bind(**{name: self._trigger_fit})
        self._trigger_later = Clock.create_trigger(lambda _dt: self._fill_later(), 0)
        self._trigger_trim = Clock.create_trigger(lambda _dt: self._trim_later(), 0)   # not inside its layout
        self.ids.later.bind(size=self._trigger_later, minimum_height=self._trigger_trim)

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
        return self.ctx.theme.room_colour(room.colour) if room else self.ctx.theme.ink

    def refresh(self) -> None:
        self.ids.hint.logical_text = self.ctx.gettext("Tap a date to read what happened.")
        self.count = len(self.events)
        self.colour_rgba = self.colour
        self.ids.stops.clear_widgets()
        for index, event in enumerate(self.events):
            stop = TimelineStop(date=format_date(event.date, self.ctx.language, self.ctx.theme.rtl), title=self.text(event.title),
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
        self.pictured = bool(self.picture(index))
        self.listed = not self.pictured and not self.ctx.second_text(event.text)
        self._show_date()
        self.ids.title.logical_text = self.text(event.title)
        self.ids.title_second.show(self.ctx, event.title)
        text = self.text(event.text) if event.text else ""
        second, build_second = self.ctx.second_text(event.text), None
        if second:   # two languages at once: a column each (kiosk.gui.widgets.reader)
            language = self.ctx.second_language
            font = self.ctx.theme.font_for(language)

            def build_second(_width, _height):
                return [SecondText(logical_text=second, language=language, font_override=font)]
        self.ids.reader.set_content(lambda _w, _h: [TextBlock(logical_text=text)], text, page=page, second=build_second)
        self.fit_aside()
        self._fill_aside()
        self._fill_later()
        self._reveal(index)

    def _show_date(self, *_args) -> None:
        """Over the title: the date and where it stands among the others, "1825 · 3 of 8"."""
        index = int(self.selected)
        position = self.ctx.gettext("{number} of {count}").format(number=index + 1, count=len(self.events))
        self.ids.date.logical_text = f"{self.events[index].date.label(self.ctx.language)} · {position}"   # shaped by the label

    def picture(self, index: int):
        return self.events[index].image       # its own only: the exhibit's cover is home's, not a date's

    def fit_aside(self) -> None:
        """The picture as large as the aside holds with its caption and credit. Portrait: the text
        above all takes what it needs, and the picture gets the rest; with no picture, the dates
        that come next get it."""
        card, detail, reader, figure = self.ids.card, self.ids.detail, self.ids.reader, self._figure()
        if card.orientation == "horizontal":
            if figure is not None:
                figure.max_height = self.ids.aside.height - self._under_picture(figure)
            return
        if reader.column_width <= 1:    # not laid out yet: a first height lets it find its columns, then it is fitted
            if not self.picture(int(self.selected)):
                self.reader_height = max(self.reader_height, self.ids.body.height)
            return
        text = self._text_needed(int(self.selected), reader)
        text += reader.spacing + reader.ids.control.height
        if not self.picture(int(self.selected)):
            self.aside_height = 0
            self.reader_height = min(text, self.ids.body.height)
            return
        inner = card.height - card.padding[1] - card.padding[3] - card.spacing
        needed = self.ids.date.height + self.ids.titles.height + detail.spacing * 2 + text
        origin = self.ctx.pictures.origin(figure.texture) if figure and figure.texture else None
        width, height = origin[1] if origin else (16, 10)      # till it is drawn: the usual 16:10
        largest = (card.width - card.padding[0] - card.padding[2]) * height / width + self._under_picture(figure)
        self.aside_height = round(max(inner * SMALLEST_ASIDE, min(largest, inner - needed)))
        if figure is not None:
            figure.max_height = self.aside_height - self._under_picture(figure)

    def _figure(self) -> Figure | None:
        return next((child for child in self.ids.aside.children if isinstance(child, Figure)), None)

    def _under_picture(self, figure: Figure | None) -> float:
        """The height of a figure's caption and credit (estimated until the figure is drawn)."""
        if figure is None:
            return self.ctx.theme.small * CREDIT_LINES
        words = figure.children[:-1]          # all but the picture, its first child
        return sum(child.height for child in words) + figure.spacing * len(words)

    def _text_needed(self, index: int, reader) -> float:
        """The height the reader needs for the event's text in portrait: one language over its columns, or two
        languages stacked, one under the other (kiosk.gui.widgets.reader)."""
        event = self.events[index]
        second = self.ctx.second_text(event.text)
        first = self._text_height(self.text(event.text) if event.text else "", reader.column_width)
        if not second:
            return first / reader.columns
        font = self.ctx.theme.font_for(self.ctx.second_language)
        return first + self._text_height(second, reader.column_width, font) + reader.ids.row.spacing

    def _text_height(self, text: str, width: float, font: str = "") -> float:
        """``text`` set in one column ``width`` wide, measured apart (the reader's own flow is rebuilt at every
        change of its height, and measures nothing meanwhile)."""
        key = (text, round(width), font)
        if key not in self._measured:
            block = TextBlock(logical_text=text, width=width, font_override=font)
            block.rewrap()
            block.texture_update()
            if len(self._measured) > 8:
                self._measured.clear()
            self._measured[key] = block.texture_size[1]
        return self._measured[key]

    def _fill_aside(self) -> None:
        aside, index = self.ids.aside, int(self.selected)
        aside.clear_widgets()
        picture = self.picture(index)
        room = aside.height if self.ids.card.orientation == "horizontal" else self.aside_height   # laid out or not yet
        if picture and room > 1:
            height = room - self._under_picture(None)
            figure = Figure.of(picture, self, max_height=height, box=(aside.width, height))
            aside.add_widget(figure)
            aside.add_widget(BoxLayout())
            figure.bind(height=self._trigger_fit)     # its shape, caption and credit are known now

    def _fill_later(self) -> None:
        """The dates after the chosen one, then the nearest before it, as many as the room beside or
        under a text without a picture holds, in the order of the line."""
        later, index, theme = self.ids.later, int(self.selected), self.ctx.theme
        later.clear_widgets()
        fits = int((later.height - theme.line_height(theme.small) - theme.space) // theme.touch)
        if not self.listed or fits < 1 or len(self.events) < 2:
            return
        chosen = sorted((list(range(index + 1, len(self.events))) + list(range(index - 1, -1, -1)))[:fits])
        gettext = self.ctx.gettext
        heading = (gettext("Later") if chosen[0] > index else gettext("Earlier") if chosen[-1] < index
                   else gettext("Other dates"))
        later.add_widget(TextBlock(logical_text=heading, role="small", tone="muted", bold=True))
        dates = [format_date(self.events[number].date, self.ctx.language, theme.rtl) for number in chosen]
        column = max(self._date_width(date, 1) for date in dates)
        for number, date in zip(chosen, dates):
            row = LaterRow(date=date, title=self.text(self.events[number].title), colour=self.colour,
                           date_width=column)
            row.bind(on_release=lambda _row, number=number: self.select(number))
            later.add_widget(row)
        later.add_widget(Widget())

    def _trim_later(self) -> None:
        """Titles wrapped on more lines than guessed: the last dates go, so none is cut by the card."""
        later = self.ids.later
        rows = [child for child in later.children if isinstance(child, LaterRow)]
        if later.minimum_height > later.height + 0.5 and rows:
            later.remove_widget(rows[0])            # children run last first
            if len(rows) == 1:
                later.clear_widgets()

    def place_strip(self, *_args) -> None:
        """Fit whole stops in the strip (no stop cut by its edge) and show those from ``first`` on."""
        window, stops, theme = self.ids.window, self.ids.stops, self.ctx.theme
        if not self.events or window.width <= 1:
            return
        gap, count = stops.spacing, len(self.events)
        least = theme.touch * 3.2 * theme.text_factor   # larger text: wider stops, so a title still takes two lines
        self.shown = max(1, min(count, int((window.width + gap) // (least + gap))))
        width = (window.width - gap * (self.shown - 1)) / self.shown
        widest = max((self._date_width(stop.date) for stop in stops.children), default=0)
        for stop in stops.children:
            stop.width = width
            stop.date_scale = min(1, (width - stop.padding[0] - stop.padding[2]) / widest) if widest else 1
        self.first = max(0, min(self.first, count - self.shown))
        step, total = width + gap, count * (width + gap) - gap
        stops.size = (total, window.height)
        stops.y = window.y
        stops.x = window.right + self.first * step - total if self.ctx.theme.rtl else window.x - self.first * step

    def _date_width(self, date: str, factor: float = 1.15) -> float:
        """How wide a date is drawn at ``factor`` times the body size (1.15: a chosen stop's, its largest)."""
        theme = self.ctx.theme
        key = (date, theme.font, theme.body * factor)
        if key not in self._widths:
            self._widths[key] = CoreLabel(text=date, font_name=theme.font, font_size=theme.body * factor,
                                          bold=True).get_extents(date)[0]
        return self._widths[key]

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
