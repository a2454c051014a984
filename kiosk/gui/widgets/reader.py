"""PagedReader: reading text that never scrolls, in columns of 45–75 characters and whole pages.

A view hands it a function that builds the blocks (texts, figures) for a column width, and a
sample of the text (its average character sets how wide a column may be)::

    reader = PagedReader()
    reader.set_content(lambda width, height: [TextBlock(logical_text=body)], sample=body)
    reader.bind(page=lambda _r, page: state.__setitem__("page", page))

A block with ``keep_with_next = True`` (a heading) never ends a page.

Two languages at once: ``set_content(build, sample, second=build_second)`` gives the second
language its own column, beside the first (the first on the reading start: on the right in a
right-to-left language) or under it when ``stacked`` (portrait; the two share the height by what they
need). Each column is cut into its own pages, and the page control turns both together.

The reader picks one to ``max_columns`` columns (``kiosk.render.pages.columns_for``), cuts
the flow into pages between lines (no line is ever shown cut in half), at the end of a sentence
or a paragraph when that leaves the page at most a third blank, and shows a page control
(‹ 2 / 4 ›, round arrows that turn round in right to left) when there is more than one page.
A page that ends inside a sentence says so: its "next" arrow becomes a "Read on →" button
(``continued``), and its last line fades towards the colour it is printed on, so the cut reads as
meant. A horizontal swipe turns the page too. In a right-to-left language the first
column is on the right and the page control mirrors.
"""

from __future__ import annotations

import math
import re
from pathlib import Path

from kivy.clock import Clock
from kivy.core.text import Label as CoreLabel
from kivy.core.window import Window
from kivy.graphics import Color, Rectangle, RoundedRectangle
from kivy.graphics.texture import Texture
from kivy.lang import Builder
from kivy.properties import BooleanProperty, ListProperty, NumericProperty, StringProperty
from kivy.uix.behaviors import ButtonBehavior
from kivy.uix.boxlayout import BoxLayout
from kivy.uix.label import Label
from kivy.uix.stencilview import StencilView
from kivy.uix.widget import Widget

from kiosk.gui.widgets.widgets import Icon
from kiosk.render.bidi import shape_line
from kiosk.render.pages import columns_for, ends_mid_sentence, ends_sentence, page_breaks

_TAG = re.compile(r"\[/?[a-z]+(=[^\]]*)?\]")
FADE = 0.85     # how far the last line of a page cut inside a sentence fades, at its foot


class ReaderArrow(ButtonBehavior, Icon):
    """A round arrow button of the page control (its chevron turns round in right to left)."""

    background = ListProperty([1, 1, 1, 1])


def _fade_texture():
    """A column of white growing opaque towards its foot (a ``Color`` tints it): the last line's fade."""
    steps = 32
    texture = Texture.create(size=(1, steps), colorfmt="rgba")
    texture.blit_buffer(bytes(b for row in range(steps)      # row 0 is the foot
                              for b in (255, 255, 255, round(255 * FADE * (1 - row / (steps - 1)) ** 1.4))),
                        colorfmt="rgba", bufferfmt="ubyte")
    texture.mag_filter = "linear"
    return texture


def backdrop(widget) -> list[float]:
    """The opaque colour a widget is drawn on: the first filled shape under it, up its parents."""
    while widget is not None:
        colour = None
        for instruction in widget.canvas.before.children + widget.canvas.children:
            if isinstance(instruction, Color):
                colour = instruction.rgba
            elif isinstance(instruction, (Rectangle, RoundedRectangle)) and colour and colour[3] >= 1:
                return list(colour)
        widget = widget.parent if widget.parent is not widget else None    # the window is its own parent
    return list(Window.clearcolor)


class ColumnSlot(Widget):
    """One column of a page: a window (clipped at a line) onto the flow of blocks, and the fade
    drawn over its last line when the page ends inside a sentence."""

    def __init__(self, flow, **kwargs):
        super().__init__(**kwargs)
        self.window = StencilView(size_hint=(None, None), size=(0, 0))
        self.flow = flow
        self.window.add_widget(flow)
        self.add_widget(self.window)
        with self.canvas.after:
            self.fade_colour = Color(0, 0, 0, 0)
            self.fade = Rectangle(texture=_fade_texture(), size=(0, 0))

    def show_fade(self, height: float, colour) -> None:
        """A fade ``height`` high over the window's foot, towards ``colour``; 0: none."""
        self.fade_colour.rgba = list(colour[:3]) + [1 if height else 0]
        self.fade.pos, self.fade.size = self.window.pos, (self.window.width, height)


Builder.load_file(str(Path(__file__).with_name("reader.kv")))


class PagedReader(BoxLayout):
    rtl = BooleanProperty(False)
    page = NumericProperty(0)
    page_count = NumericProperty(1)
    columns = NumericProperty(1)
    column_width = NumericProperty(0)
    max_columns = NumericProperty(2)
    centred = BooleanProperty(False)   # the columns centred in the room (under a centred picture); else at the reading start
    gap = NumericProperty(24)
    font_name = StringProperty("Kiosk")
    font_size = NumericProperty(28)
    sample = StringProperty("")
    pages = ListProperty([])       # (start, end) of each column's slice of the flow, in px from its top
    continued = BooleanProperty(False)   # the page shown ends inside a sentence that the next one goes on with
    stacked = BooleanProperty(False)     # two languages: the second under the first (portrait), not beside it

    def __init__(self, **kwargs):
        self._build = self._second = None
        self._slots: list[ColumnSlot] = []
        self._mid_sentence: list[bool] = []
        self._slot_pages: list[list[tuple[float, float]]] = []   # two languages: each column's own pages
        self._slot_mid: list[list[bool]] = []
        self._trigger_reflow = Clock.create_trigger(self.reflow, -1)   # within the frame: a snapshot sees it
        super().__init__(**kwargs)
        self.fbind("rtl", self._trigger_reflow)
        self.fbind("page", self._measure)
        self.fbind("centred", self._trigger_reflow)
        self.fbind("stacked", self._trigger_reflow)

    def set_content(self, build, sample: str, page: int = 0, second=None) -> None:
        """``build(column_width, page_height)`` gives the blocks of one column, top to bottom; ``second``, the
        blocks of the second language's column (None: one language, in as many columns as fit)."""
        self._build, self._second, self.sample, self.page = build, second, _TAG.sub("", sample), page
        self._trigger_reflow()

    def turn(self, step: int) -> None:
        self.page = max(0, min(self.page_count - 1, self.page + step))

    def reflow(self, *_args) -> None:
        row = self.ids.row
        if self._build is None or row.width <= 1 or row.height <= 1:
            return
        row.clear_widgets()
        self._slots = []
        if self._second is not None:
            self._reflow_two(row)
            return
        row.orientation = "horizontal"
        self.columns, self.column_width = columns_for(row.width, self.char_width(), self.gap, self.max_columns)
        for _ in range(self.columns):
            self._add_slot(self._build, self.column_width, row.height, size_hint_x=None, width=self.column_width)
        spacers = 2 if self.centred else 1
        leftover = row.width - self.columns * self.column_width - self.gap * (self.columns - 1 + spacers)
        if leftover > 0:                    # the room left over stays at the reading end, or on both sides
            row.add_widget(Widget(size_hint_x=None, width=leftover / spacers))
            if self.centred:
                row.add_widget(Widget(size_hint_x=None, width=leftover / 2), index=len(row.children))
        self._measure()

    def _reflow_two(self, row) -> None:
        """Two languages: a column each, side by side (the first at the reading start) or stacked."""
        row.orientation = "vertical" if self.stacked else "horizontal"
        self.columns = 2
        if self.stacked:
            width, height = row.width, (row.height - row.spacing) / 2
        else:
            width, height = (row.width - row.spacing) / 2, row.height
        self.column_width = width
        for build in (self._build, self._second):
            self._add_slot(build, width, height, size_hint=(None, None), size=(width, height))
        self._measure()

    def _share_height(self) -> None:
        """Stacked, the two languages share the height by what they need: both whole when they fit (the second
        straight under the first, no gap between), else in proportion to their lengths, so that they take about
        as many pages each (never less than 30 % each)."""
        row = self.ids.row
        room = row.height - row.spacing
        if room <= 1 or not all(_drawn(block) for slot in self._slots for block in slot.flow.children):
            return
        needs = [slot.flow.height for slot in self._slots]
        if sum(needs) <= room:
            first = needs[0]
        else:
            first = room * min(0.7, max(0.3, needs[0] / max(1.0, sum(needs))))
        for slot, height in zip(self._slots, (first, room - first)):
            if abs(slot.height - height) > 1:
                slot.height = height

    def _add_slot(self, build, column_width: float, page_height: float, **size) -> None:
        flow = BoxLayout(orientation="vertical", size_hint=(None, None), width=column_width, spacing=self.gap * 0.4)
        flow.bind(minimum_height=flow.setter("height"), height=self._measure)   # at once: no stale page shows
        for block in build(column_width, page_height):
            flow.add_widget(block)
        slot = ColumnSlot(flow, **size)
        slot.bind(pos=self._measure, size=self._measure)
        self.ids.row.add_widget(slot)
        self._slots.append(slot)

    def char_width(self) -> float:
        sample = shape_line(self.sample[:800]) or "Reading comfort"   # Arabic letters joined, as drawn
        label = CoreLabel(text=sample, font_name=self.font_name, font_size=self.font_size)
        return label.get_extents(sample)[0] / len(sample)

    def cuts(self, flow=None) -> tuple[list[float], list[float]]:
        """Where the first column's flow (or ``flow``) may be cut (block tops, lines inside texts, its end), and
        which of these cuts end a paragraph or a sentence.

        Counted from the blocks' heights, so that a layout not yet done cannot shift them.
        """
        flow = flow or self._slots[0].flow
        cuts, clean, top, keep = [], [], 0.0, False
        for block in reversed(flow.children):        # top to bottom
            if not keep:                             # a heading stays with what follows it
                cuts.append(top)
                clean.append(top)
            keep = getattr(block, "keep_with_next", False)
            if isinstance(block, Label) and block._label is not None and not keep:
                y, rtl = top + block.padding[1], getattr(block, "is_rtl", False)
                for line in block._label._cached_lines[:-1]:
                    y += line.h
                    cuts.append(y)
                    if ends_sentence("".join(word.text for word in line.words), rtl):
                        clean.append(y)
            top += block.height + flow.spacing
        cuts.append(max(0.0, top - flow.spacing))
        return cuts, clean

    def _measure(self, *_args) -> None:
        if not self._slots:
            return
        two = self._second is not None
        slots = self._slots if two else self._slots[:1]
        if two and self.stacked:
            self._share_height()
        self._slot_pages, self._slot_mid = [], []
        for slot in slots:
            cuts, clean = self.cuts(slot.flow)
            pages = page_breaks(cuts, slot.height if two else self.ids.row.height, clean)
            self._slot_pages.append(pages)
            self._slot_mid.append(ends_mid_sentence(pages, clean))
        self.pages, self._mid_sentence = self._slot_pages[0], self._slot_mid[0]
        if two:
            self.page_count = max(len(pages) for pages in self._slot_pages)
        else:
            self.page_count = max(1, math.ceil(len(self.pages) / self.columns))
        if all(_drawn(block) for slot in slots for block in slot.flow.children):
            # only a measured flow says how many pages there are: new words (a language switch) are
            # one short page until drawn, and the visitor's page would be lost to that first guess
            self.page = min(self.page, self.page_count - 1)
        self._place()

    def _place(self, *_args) -> None:
        two = self._second is not None
        last = min(len(self.pages), (int(self.page) + 1) * self.columns) - 1     # the last column shown
        if two:
            self.continued = any(int(self.page) < len(mid) and mid[int(self.page)] for mid in self._slot_mid)
        else:
            self.continued = bool(self._mid_sentence[last]) if 0 <= last < len(self._mid_sentence) else False
        for index, slot in enumerate(self._slots):
            pages, mid = (self._slot_pages[index], self._slot_mid[index]) if two else (self.pages, self._mid_sentence)
            number = int(self.page) if two else int(self.page) * self.columns + index
            window, flow = slot.window, slot.flow
            if number >= len(pages):
                window.size, flow.opacity = (0, 0), 0
                slot.show_fade(0, (0, 0, 0, 0))
                continue
            start, end = pages[number]
            top = slot.top if two else self.ids.row.top
            window.size = (slot.width, end - start)
            window.pos = (slot.x, top - (end - start))
            flow.pos = (slot.x, top + start - flow.height)
            flow.opacity = 1
            fades = mid[number] if two else self.continued and number == last
            slot.show_fade(self._last_line(number, slot.flow, pages) if fades else 0,
                           backdrop(self) if fades else (0, 0, 0, 0))

    def _last_line(self, number: int, flow=None, pages=None) -> float:
        """The height of the last line column ``number`` shows (the step between its last two cuts)."""
        cuts = sorted(self.cuts(flow)[0])
        end = (pages or self.pages)[number][1]
        before = [cut for cut in cuts if cut < end - 0.5]
        return end - before[-1] if before else 0

    def on_touch_down(self, touch):
        if self.collide_point(*touch.pos):
            touch.ud[f"reader{id(self)}"] = touch.pos
        return super().on_touch_down(touch)

    def on_touch_up(self, touch):
        handled = super().on_touch_up(touch)
        start = touch.ud.get(f"reader{id(self)}")
        if start and not handled:
            dx, dy = touch.x - start[0], touch.y - start[1]
            if abs(dx) > max(self.width * 0.06, 40) and abs(dx) > 2 * abs(dy):
                step = 1 if dx < 0 else -1         # a swipe to the left shows what comes next
                self.turn(-step if self.rtl else step)
                return True
        return handled


def _drawn(block) -> bool:
    """Whether a block of the flow has its height: a label once its words are drawn."""
    if not isinstance(block, Label):
        return True
    words = getattr(block, "logical_text", None) or block.text
    return not words or (bool(block.text) and block.texture is not None)
