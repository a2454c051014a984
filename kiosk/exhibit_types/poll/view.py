"""The ``poll`` view: the question, one big row per answer, then the venue's results as bars.

Each answer is a :class:`PollOption`: a row with a radio circle until the visitor votes, then a
row of the bar chart (a bar in its track under the answer, in proportion to its votes; the
percentage and the number of votes beside it). After the vote the invitation gives way to
the thanks, which name the answer chosen, and that answer's row is tinted, ticked and marked
"Your choice"; the visitor's own vote is always among the figures, so "no votes yet" never
follows a vote. The visitor votes once per visit: ``"voted"`` is kept in the visitor's state,
which the idle reset forgets.

The exhibit's picture stands above the question in portrait, and beside the answers in
landscape until the results take the whole width (or when the answers beside it would not fit
the height); in landscape, when the results and their explanation are taller than the view
(Arabic, a short screen), the figures become tighter (``compact``), so they fit under the
question without a scroll.

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

from kiosk.events import PollVoted
from kiosk.exhibit_types.poll.model import Ballot, percentages
from kiosk.gui.theme import mix
from kiosk.gui.widgets.exhibit_view import ExhibitView
from kiosk.gui.widgets.widgets import Figure, MirrorBox, drawn_height
from kiosk.render.bidi import is_rtl

log = logging.getLogger(__name__)
Builder.load_file(str(Path(__file__).with_name("poll.kv")))


class PollOption(ButtonBehavior, MirrorBox):
    """One answer: a row with a radio circle before the vote, a bar of the chart after it.

    Declared in reading order (mark, words, figures), the row runs right to left in Arabic and
    its bar grows from the reading side. The visitor's own answer is tinted, ringed in the room's
    colour and marked with a tick and the words "Your choice": never by colour alone.
    """

    label = StringProperty("")
    second = StringProperty("")           # two languages at once: the answer in the second language, under it
    second_font = StringProperty("")
    second_language = StringProperty("")
    mark = StringProperty("circle")       # the leading icon: a radio circle, a tick on the chosen one, none
    tag = StringProperty("")              # "Your choice" under the chosen answer
    percent = StringProperty("")          # "40 %", shown with the results
    count = StringProperty("")            # "2 votes"
    fraction = NumericProperty(0)         # the bar's length, 0 to 1
    results = BooleanProperty(False)
    chosen = BooleanProperty(False)
    compact = BooleanProperty(False)      # a short screen: tighter figures
    background = ListProperty([1, 1, 1, 1])
    foreground = ListProperty([0.12, 0.10, 0.09, 1])
    colour = ListProperty([0.18, 0.42, 0.25, 1])  # the bar and the chosen answer's ring: the room's colour
    inset = NumericProperty(0)            # drawn inside the row's touch area, above and below
    bar_width = NumericProperty(0)        # the filled part of the bar's track, in window pixels
    bar_x = NumericProperty(0)            # its left edge: the bar grows from the reading side

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.ids.track.bind(pos=self._place_bar, size=self._place_bar)  # the kv children exist only now
        self._place_bar()

    def on_fraction(self, *_args) -> None:
        self._place_bar()

    def on_rtl(self, *_args) -> None:
        super().on_rtl()
        self._place_bar()

    def _place_bar(self, *_args) -> None:
        if "track" not in self.ids:
            return
        track = self.ids.track
        self.bar_width = track.width * self.fraction
        self.bar_x = track.right - self.bar_width if self.rtl else track.x


class PollPrompt(MirrorBox):
    """The line under the question: a hand and "Touch your answer.", then a tick and the thanks."""

    icon_name = StringProperty("hand")
    logical_text = StringProperty("")
    voted = BooleanProperty(False)


class PollView(ExhibitView):
    portrait = BooleanProperty(False)     # the screen's shape (the QR strip takes a share of a portrait one)
    pictured = BooleanProperty(False)     # the picture is shown: above the question (portrait) or beside it
    sided = BooleanProperty(False)        # landscape before the results: the picture beside the answers
    compact = BooleanProperty(False)      # landscape, the results taller than the view: tighter figures
    side_share = NumericProperty(0.58)    # landscape before the vote: the answers' share of the width

    def __init__(self, manifest, ctx, state: dict, **kwargs):
        super().__init__(manifest, ctx, state, **kwargs)
        self.ballot = Ballot(state)
        ids = self.ids
        # strong references: a block with nothing to say leaves the column (and its gap with it)
        self._blocks = [ids[name].__self__ for name in ("question", "question_second", "prompt", "total", "options",
                                                       "waiting", "explanation", "explanation_second")]
        self._aside, self._figure = ids.aside.__self__, None
        ids.aside.bind(size=self._fit_picture)
        self.bind(size=self._resized)
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

    def _resized(self, *_args) -> None:
        if self.ids.options.children and not self.portrait:   # does the picture still fit beside the answers?
            self._fill_picture()

    @property
    def poll(self):
        return self.manifest.details

    @classmethod
    def step_count_for(cls, manifest) -> int:
        return 2  # the question, then the results

    def show_step(self, index: int) -> None:
        """Step 1 shows the results as a visitor sees them after choosing the first answer (for the
        snapshot and proof tools: nothing is recorded)."""
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

    @property
    def choice(self) -> int | None:
        """The visitor's answer; the snapshot's results step shows the first one (``peek``, not recorded)."""
        if self.ballot.voted:
            return self.ballot.choice
        return 0 if self.state.get("peek") else None

    # --- the visitor ------------------------------------------------------------------------
    def choose(self, index: int) -> None:
        if not self.ballot.cast(index, time.monotonic()):
            return  # already voted, or a second touch of the same tap
        self.ctx.emit(PollVoted(self.manifest.id, index))
        self.refresh()

    # --- drawing ----------------------------------------------------------------------------
    def refresh(self) -> None:
        tr, chosen = self.ctx.gettext, self.choice
        self.ids.question.logical_text = self.text(self.poll.question)
        self.ids.question_second.show(self.ctx, self.poll.question)
        shown = self.results_shown
        self._fill_prompt(chosen)
        waiting = self.ctx.group.active and not shown and chosen is not None
        self.ids.waiting.logical_text = tr("Results will be shown by the facilitator.") if waiting else ""
        counts = self._counts(chosen) if shown else [0] * len(self.poll.options)
        self._fill_options(counts, shown, chosen)
        self._show_totals(counts, shown, chosen)
        self._fill_column()
        self._fill_picture()

    def _fill_prompt(self, chosen: int | None) -> None:
        """Before the vote, the invitation; after it, the thanks naming the answer chosen."""
        tr, prompt = self.ctx.gettext, self.ids.prompt
        if chosen is None:
            prompt.icon_name, prompt.voted = "hand", False
            prompt.logical_text = tr("Touch your answer.")
        else:
            prompt.icon_name, prompt.voted = "circle-check", True
            choice = self.text(self.poll.options[chosen])
            prompt.logical_text = tr("Thank you! Your choice: {choice}").format(choice=choice)

    def _counts(self, chosen: int | None) -> list[int]:
        """The venue's votes, the visitor's own among them (the snapshot's, unrecorded, added)."""
        counts = self._tally()
        if chosen is not None and not self.ballot.voted:
            counts[chosen] += 1
        elif chosen is not None:
            counts[chosen] = max(counts[chosen], 1)   # recorded, even when the records could not be read
        return counts

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
            if block is self.ids.options.__self__ or block.logical_text:   # the answers, always
                column.add_widget(block)

    def _fill_picture(self) -> None:
        """The exhibit's first picture: above the question in portrait, beside the answers in
        landscape until the results take the whole width; as large as the room left holds."""
        images = self.manifest.images
        wanted = bool(images) and (self.portrait or not self.results_shown and self._fits_beside())
        if wanted and self._figure is None:
            self._figure = Figure.of(images[0], self, max_height=0, box=self._picture_box())
            self._figure.bind(height=self._fit_picture)   # its credit is measured
            self._aside.add_widget(self._figure)
        self.pictured = wanted and self._figure is not None and self._figure.texture is not None
        self.sided = self.pictured and not self.portrait
        self.orientation = "horizontal" if self.sided else "vertical"
        if self._aside.parent is not None:
            self.remove_widget(self._aside)
        if self.pictured:   # above in portrait; beside, on the far side of the reading, in landscape
            first = self.portrait or is_rtl(self.ctx.language)
            self.add_widget(self._aside, index=len(self.children) if first else 0)
        self._fit_picture()

    def _fits_beside(self) -> bool:
        """Landscape: whether the question and the answers fit the view's height beside the picture.

        Measured at the width they would have there, as they will be drawn: laying them out to
        find out would show one layout, then the other.
        """
        theme = self.ctx.theme
        column = (self.width - self.spacing) * self.side_share - theme.pad      # less the column's own margin
        icon = theme.icon * 1.2 + theme.space * 2                           # a row's radio circle and its gap
        if column - theme.pad * 2 - icon < theme.touch * 2:                  # not laid out yet, or no room at all
            return False
        second = self.ctx.second_text
        font = theme.font_for(self.ctx.second_language) if self.ctx.second_language else ""
        height = drawn_height(theme, self.text(self.poll.question), column, theme.heading, bold=True, role="heading")
        if second(self.poll.question):
            height += drawn_height(theme, second(self.poll.question), column, theme.heading * 0.8, role="heading",
                                   font=font) + theme.pad * 0.6
        height += drawn_height(theme, self.ctx.gettext("Touch your answer."), column - icon, theme.body)
        for option in self.poll.options:
            words = column - theme.pad * 2 - icon
            label = drawn_height(theme, self.text(option), words, theme.button * 0.95, bold=True)
            if second(option):
                label += drawn_height(theme, second(option), words, theme.button * 0.85, font=font)
            height += max(theme.touch, label + theme.pad) + theme.space
        return height + theme.pad * 0.6 * 2 + theme.pad <= self.height       # the column's gaps, its bottom margin

    @staticmethod
    def _picture_box() -> tuple[float, float]:
        """The box the picture is decoded for: the width over 40 % of the height (portrait), or
        about half the width of the stage beside the answers (landscape)."""
        if Window.height > Window.width:
            return Window.width, Window.height * 0.4
        return Window.width * 0.35, Window.height * 0.6

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

    def _fill_options(self, counts: list[int], shown: bool, chosen: int | None) -> None:
        box, tr = self.ids.options, self.ctx.gettext
        second = self.ctx.second_language
        second_font = self.ctx.theme.font_for(second) if second else ""
        shares, total = percentages(counts), sum(counts)
        box.clear_widgets()
        for index, option in enumerate(self.poll.options):
            row = PollOption(label=self.text(option), results=shown, chosen=index == chosen,
                             second=self.ctx.second_text(option), second_language=second, second_font=second_font,
                             colour=self._room_colour(), rtl=is_rtl(self.ctx.language),
                             compact=self.compact, disabled=chosen is not None)
            self._style(row, chosen)
            if shown:
                row.fraction = counts[index] / total if total else 0
                row.percent = tr("{percent}%").format(percent=shares[index])
                row.count = self.ctx.ngettext("{count} vote", "{count} votes", counts[index]).format(count=counts[index])
            row.option_index = index
            row.bind(on_release=lambda r: self.choose(r.option_index))
            box.add_widget(row)

    def _style(self, row: PollOption, chosen: int | None) -> None:
        """White rows with a radio circle to touch; once voted, the visitor's answer tinted, ticked and named."""
        theme = self.ctx.theme
        if row.chosen:
            row.mark, row.tag = "circle-check", self.ctx.gettext("Your choice")
            row.background = mix(row.colour, theme.surface, 0.12)
        elif chosen is not None:
            row.mark = ""    # nothing left to touch: no radio circle
            row.foreground = theme.ink if row.results else theme.muted

    def _show_totals(self, counts: list[int], shown: bool, chosen: int | None) -> None:
        total, tr = sum(counts), self.ctx.gettext
        where = self.ctx.venue
        if not shown:
            self.ids.total.logical_text = ""
        elif total == 0:    # only before this visitor's vote: their own counts
            self.ids.total.logical_text = tr("No votes yet: be the first!")
        elif total == 1 and chosen is not None:
            self.ids.total.logical_text = tr("Yours is the first vote here!")
        else:
            text = self.ctx.ngettext("{count} vote so far", "{count} votes so far", total).format(count=total)
            self.ids.total.logical_text = f"{text} · {where}" if where else text
        explanation = self.poll.explanation
        self.ids.explanation.logical_text = self.text(explanation) if shown and explanation else ""
        self.ids.explanation_second.show(self.ctx, explanation if shown else None)

    def _room_colour(self) -> list:
        room = self.ctx.room(self.manifest.room)
        return self.ctx.theme.room_colour(room.colour) if room else self.ctx.theme.ink
