"""The ``poll`` view: the question, one big button per answer, then the venue's results as bars.

Each answer is a :class:`PollOption`: a big button until the visitor votes, then a row of
the bar chart (its bar, drawn with canvas Rectangles, fills in proportion to its votes;
the percentage and the number of votes sit beside it). The visitor votes once per visit:
``"voted"`` is kept in the visitor's state, which the idle reset forgets.

In portrait the exhibit's picture stands above the question, in the room the answers leave;
in landscape, when the results and their explanation are taller than the view (Arabic, a short
screen), the figures become tighter (``compact``), so they fit under the question without a scroll.

In group mode (``ctx.group.active``, guided tours and workshops) the results wait for the
facilitator: the facilitator's bar calls :meth:`PollView.reveal` and :meth:`PollView.hide`.
The revealed polls are kept in ``ctx.group``, so they stay revealed across a language
switch or a rebuild of the view. A vote is emitted as :class:`kiosk.events.PollVoted`:
the venue's records and the statistics take it from there.
"""

from __future__ import annotations

import logging
import sqlite3
import time
from pathlib import Path

from kivy.core.window import Window
from kivy.lang import Builder
from kivy.properties import BooleanProperty, ListProperty, NumericProperty, StringProperty
from kivy.uix.behaviors import ButtonBehavior
from kivy.uix.boxlayout import BoxLayout

from kiosk.events import PollVoted
from kiosk.exhibit_types.poll.model import Ballot, percentages
from kiosk.gui.theme import rgba
from kiosk.gui.widgets.exhibit_view import ExhibitView
from kiosk.gui.widgets.widgets import Figure
from kiosk.render.bidi import is_rtl

log = logging.getLogger(__name__)
Builder.load_file(str(Path(__file__).with_name("poll.kv")))


class PollOption(ButtonBehavior, BoxLayout):
    """One answer: a button before the results, a bar of the chart after them."""

    label = StringProperty("")
    percent = StringProperty("")          # "40 %", shown with the results
    count = StringProperty("")            # "2 votes"
    fraction = NumericProperty(0)         # the bar's length, 0 to 1
    results = BooleanProperty(False)
    chosen = BooleanProperty(False)
    compact = BooleanProperty(False)      # a short screen: tighter figures
    rtl = BooleanProperty(False)
    background = ListProperty([0.12, 0.10, 0.09, 1])
    foreground = ListProperty([1, 1, 1, 1])
    colour = ListProperty([0.18, 0.42, 0.25, 1])  # the bar: the room's colour
    inset = NumericProperty(0)            # drawn inside the row's touch area, above and below
    bar_width = NumericProperty(0)        # the bar, in window pixels along the row
    bar_x = NumericProperty(0)            # its left edge: the bar grows from the reading side

    def on_fraction(self, *_args) -> None:
        self._place_bar()

    def on_pos(self, *_args) -> None:
        self._place_bar()

    def on_size(self, *_args) -> None:
        self._place_bar()

    def _place_bar(self) -> None:
        self.bar_width = self.width * self.fraction
        self.bar_x = self.right - self.bar_width if self.rtl else self.x

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.on_rtl()  # the kv children exist only now

    def on_rtl(self, *_args) -> None:
        """Right to left: the figures on the left, the bar grows from the right (kv)."""
        if "figures" not in self.ids:
            return
        self._place_bar()
        figures, label = self.ids.figures, self.ids.label
        self.clear_widgets()
        for widget in ((figures, label) if self.rtl else (label, figures)):
            self.add_widget(widget)


class PollView(ExhibitView):
    portrait = BooleanProperty(False)     # the screen's shape (the QR strip takes a share of a portrait one)
    pictured = BooleanProperty(False)     # the picture stands above the question (portrait)
    compact = BooleanProperty(False)      # landscape, the results taller than the view: tighter figures

    def __init__(self, manifest, ctx, state: dict, **kwargs):
        super().__init__(manifest, ctx, state, **kwargs)
        self.ballot = Ballot(state)
        ids = self.ids
        # strong references: a block with nothing to say leaves the column (and its gap with it)
        self._blocks = [ids[name].__self__ for name in ("question", "hint", "total", "options", "waiting", "explanation")]
        self._aside, self._figure = ids.aside.__self__, None
        ids.aside.bind(height=self._fit_picture)
        ids.column.bind(height=self._fit_results)
        ids.scroll.bind(height=self._fit_results)
        Window.bind(size=self._orient)
        self._orient()

    def _orient(self, *_args) -> None:
        portrait = Window.height > Window.width
        self.compact = False    # measured again for this shape
        if portrait != self.portrait:
            self.portrait = portrait
            if self.ids.options.children:   # drawn already: redrawn for the new shape
                self.refresh()

    @property
    def poll(self):
        return self.manifest.details

    @classmethod
    def step_count_for(cls, manifest) -> int:
        return 2  # the question, then the results

    def show_step(self, index: int) -> None:
        """Step 1 shows the results without voting (for the snapshot and proof tools)."""
        if index >= 1:
            self.state["peek"] = True
        else:
            self.state.pop("peek", None)
        self.refresh()

    # --- the facilitator --------------------------------------------------------------------
    @property
    def revealed(self) -> bool:
        return self.ctx.group.is_revealed(self.manifest.id)

    def reveal(self) -> None:
        """Group mode: show the results to the group."""
        self.ctx.group.reveal(self.manifest.id)
        self.refresh()

    def hide(self) -> None:
        """Group mode: hide the results again (before the next group votes)."""
        self.ctx.group.reveal(self.manifest.id, shown=False)
        self.refresh()

    @property
    def results_shown(self) -> bool:
        if self.ctx.group.active:
            return self.revealed
        return self.ballot.voted or bool(self.state.get("peek"))

    # --- the visitor ------------------------------------------------------------------------
    def choose(self, index: int) -> None:
        if not self.ballot.cast(index, time.monotonic()):
            return  # already voted, or a second touch of the same tap
        self.ctx.emit(PollVoted(self.manifest.id, index))
        self.refresh()

    # --- drawing ----------------------------------------------------------------------------
    def refresh(self) -> None:
        tr = self.ctx.gettext
        self.ids.question.logical_text = self.text(self.poll.question)
        voted, shown = self.ballot.voted, self.results_shown
        self.ids.hint.logical_text = tr("Thank you! Your vote has been counted.") if voted else tr("Touch your answer.")
        waiting = self.ctx.group.active and not shown and voted
        self.ids.waiting.logical_text = tr("Results will be shown by the facilitator.") if waiting else ""
        counts = self._tally() if shown else [0] * len(self.poll.options)
        self._fill_options(counts, shown)
        self._show_totals(counts, shown)
        self._fill_column()
        self._fill_picture()

    def _fit_results(self, *_args) -> None:
        """Once the results outgrow the view in landscape, their rows stay compact (no flicker back)."""
        scroll = self.ids.scroll
        if not self.portrait and self.results_shown and self.ids.column.height > scroll.height + 1 and scroll.height > 1:
            self.compact = True

    def on_compact(self, *_args) -> None:
        for row in self.ids.options.children:
            row.compact = self.compact

    def _fill_column(self) -> None:
        column = self.ids.column
        column.clear_widgets()
        for block in self._blocks:
            if block is self._blocks[3] or block.logical_text:
                column.add_widget(block)

    def _fill_picture(self) -> None:
        """Portrait: the exhibit's first picture above the question, as large as the room left holds."""
        images = self.manifest.images
        if self.portrait and images and self._figure is None:
            box = (Window.width, Window.height * 0.4)
            self._figure = Figure.of(images[0], self, max_height=0, box=box)
            self._figure.bind(height=self._fit_picture)   # its credit is measured
            self._aside.add_widget(self._figure)
        self.pictured = self.portrait and self._figure is not None and self._figure.texture is not None
        if self.pictured and self._aside.parent is None:
            self.add_widget(self._aside, index=len(self.children))
        elif not self.pictured and self._aside.parent is not None:
            self.remove_widget(self._aside)
        self._fit_picture()

    def _fit_picture(self, *_args) -> None:
        figure = self._figure
        if figure is None or not self.pictured:
            return
        extras = figure.height - figure.children[-1].height      # the credit under the picture
        room = self._aside.height - extras
        figure.max_height = max(0, room)
        figure.opacity = 1 if room >= self.ctx.theme.touch * 1.5 else 0

    def _tally(self) -> list[int]:
        try:
            return self.ctx.records.tally(self.manifest.id, self.ctx.venue, len(self.poll.options))
        except sqlite3.Error:
            log.exception("poll %r: the results could not be read", self.manifest.id)
            return [0] * len(self.poll.options)

    def _fill_options(self, counts: list[int], shown: bool) -> None:
        box, theme, chosen = self.ids.options, self.ctx.theme, self.ballot.choice
        shares, total = percentages(counts), sum(counts)
        box.clear_widgets()
        for index, option in enumerate(self.poll.options):
            row = PollOption(label=self.text(option), results=shown, chosen=index == chosen,
                             colour=self._room_colour(), rtl=is_rtl(self.ctx.language),
                             compact=self.compact, disabled=self.ballot.voted)
            if shown:
                row.fraction = counts[index] / total if total else 0
                row.percent = self.ctx.gettext("{percent}%").format(percent=shares[index])
                row.count = self.ctx.ngettext("{count} vote", "{count} votes", counts[index]).format(count=counts[index])
                row.background, row.foreground = theme.light, theme.ink
            elif self.ballot.voted:
                row.background = theme.accent if index == chosen else theme.light
                row.foreground = theme.ink if index == chosen else theme.muted
            else:   # white cards, like every other choice in the kiosk
                row.background, row.foreground = theme.surface, theme.ink
            row.option_index = index
            row.bind(on_release=lambda r: self.choose(r.option_index))
            box.add_widget(row)

    def _show_totals(self, counts: list[int], shown: bool) -> None:
        total = sum(counts)
        where = self.ctx.venue
        if not shown:
            self.ids.total.logical_text = ""
        elif total == 0:
            self.ids.total.logical_text = self.ctx.gettext("No votes yet: be the first!")
        else:
            text = self.ctx.ngettext("{count} vote so far", "{count} votes so far", total).format(count=total)
            self.ids.total.logical_text = f"{text} · {where}" if where else text
        explanation = self.poll.explanation
        self.ids.explanation.logical_text = self.text(explanation) if shown and explanation else ""

    def _room_colour(self) -> list:
        room = self.ctx.room(self.manifest.room)
        return rgba(room.colour) if room else self.ctx.theme.ink
