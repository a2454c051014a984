"""The role-play's screens from the decision on: each mode's report, the outcome, the end and the debrief.

A part of :class:`kiosk.exhibit_types.roleplay.view.RoleplayView` (a mixin), which holds the helpers
(``_add``, ``_button``, ``_players_grid``…) and the phases before the decision.
"""

from __future__ import annotations

from kivy.clock import Clock
from kivy.core.text import Label as CoreLabel
from kivy.uix.stacklayout import StackLayout
from kivy.uix.widget import Widget

from kiosk.exhibit_types.roleplay import model
from kiosk.exhibit_types.roleplay.engine import INDICATORS
from kiosk.exhibit_types.roleplay.view_widgets import (
    MODE_ICONS, RoleplayCard, RoleplayChoice, RoleplayNote, RoleplayTally, RoleplayVoteRow,
)
from kiosk.gui.theme import mix
from kiosk.gui.widgets.arabic_label import text_width
from kiosk.gui.widgets.widgets import Chip
from kiosk.render.bidi import has_rtl


class DecisionScreens:
    # decide: each mode's report

    def _show_decide(self) -> None:
        self._question()
        getattr(self, f"_decide_{self.session.mode}")()

    def _mode_line(self) -> None:
        mode = self.session.mode
        self._aside(RoleplayNote(icon=MODE_ICONS[mode], text=self.mode_name(mode), detail=self.mode_text(mode),
                                 role="small", bold=True, colour=self.ctx.theme.ink, scale=0.8))

    def _vote_grid(self) -> None:
        tr, theme, session = self.tr, self.ctx.theme, self.session
        decision = self.game_text.decisions[session.number - 1]
        if not decision.person:
            self._aside(self._proposals_card())
        width = theme.touch * (0.85 if session.choices > 4 else 1)
        # "Blank" is a word, not a dash: as wide as it is drawn ("Enthaltung", "En blanco")
        word = CoreLabel(text=tr("Blank"), font_name="KioskArabic" if has_rtl(tr("Blank")) else theme.font,
                         font_size=theme.button, bold=True).get_extents(tr("Blank"))[0]
        blank = max(width * 1.6, theme.body * 6.2, word + theme.pad * 2.5)
        spacing = theme.space * 1.5
        columns = tr("Vote for player no.") if decision.person else tr("Vote for proposal no.")
        header = self._row(self._text(tr("Each one touches their own row."), "small", tone="muted"),   # over the names
                           self._text(columns, "small", bold=True, tone="muted", halign="center",
                                      size_hint_x=None, width=session.choices * (width + spacing) - spacing),
                           Widget(size_hint_x=None, width=blank))
        header.spacing = spacing
        self._add(header)
        for player in range(session.players):
            row = RoleplayVoteRow(number=str(player + 1), name=self.name_of(player))
            buttons = []
            for choice in list(range(session.choices)) + [None]:
                picked = session.draft["votes"][player] == choice
                button = self.action_button(tr("Blank") if choice is None else str(choice + 1), "",
                                            lambda p=player, c=choice: self._vote(p, c), "primary" if picked else "secondary",
                                            size_hint_x=None, width=blank if choice is None else width, wrap=False)
                buttons.append(button)
                row.add_widget(button)
            self.votes.append(buttons)
            self._add(row)

    def _proposals_card(self) -> RoleplayCard:
        """The decision's proposals, small: what the vote's numbers (or the modes) are about."""
        theme = self.ctx.theme
        decision = self.game_text.decisions[self.session.number - 1]
        card = RoleplayCard(padding=theme.pad * 0.75, spacing=theme.space)
        for index, proposal in enumerate(decision.proposals):
            card.add_widget(RoleplayNote(icon="file-text", text=f"{index + 1}. {self.text(proposal.text)}",
                                         role="small", colour=theme.ink, scale=0.8))
        return card

    def _vote(self, player: int, choice: int | None) -> None:
        self.session.vote(player, choice)
        theme = self.ctx.theme
        for index, button in enumerate(self.votes[player]):      # in place: the list stays where the finger is
            picked = index == (self.session.choices if choice is None else choice)
            button.background, button.foreground = (theme.ink, theme.white) if picked else (theme.surface, theme.ink)
            button.outline = [] if picked else theme.ink

    def _decide_majority(self) -> None:
        self._mode_line()
        self._vote_grid()
        count = self.action_button(self.tr("Count the votes"), "vote", lambda: self._go(self.session.count_votes), "accent")
        self._add(count)

    _decide_election = _decide_majority

    def _proposal_choices(self) -> None:
        session = self.session
        self._add(self._text(self.tr("The proposal you settled on:"), "body", bold=True))
        for index in range(session.choices):
            choice = RoleplayChoice(icon="file-text", title=f"{index + 1}. {self.choice_text(index)}",
                                    picked=session.draft.get("proposal") == index)
            choice.bind(on_release=lambda _w, i=index: self._go(session.settle_on, i))
            self.choices.append(choice)
            self._add(choice)

    def _decide_consent(self) -> None:
        tr, session = self.tr, self.session
        self._mode_line()
        self._proposal_choices()
        if session.draft["amendments"]:
            count = session.draft["amendments"]
            amended = self.ctx.ngettext("Amended once, asked again.", "Amended {count} times, asked again.", count)
            self._add(RoleplayNote(icon="repeat", text=amended.format(count=count), role="small",
                                   colour=self.ctx.theme.ink))
        self._add(self._text(tr("Who objects, with a reason?"), "body", bold=True),
                  self._players_grid(session.draft["objections"], self._object, "hand"))
        settled = session.draft.get("proposal") is not None
        if session.draft["objections"]:
            self._add(self._row(self.action_button(tr("Amend it and ask again"), "repeat", lambda: self._go(session.amend),
                                                   "secondary", disabled=not settled),
                                self.action_button(tr("Keep the objection: not adopted"), "ban", self._decide, "accent",
                                                   disabled=not settled)))
        else:
            self._add(self.action_button(tr("No objection: adopted"), "check", self._decide, "accent", disabled=not settled))

    def _object(self, player: int) -> bool:
        objects = self.session.toggle_objection(player)
        Clock.schedule_once(lambda _dt: self.refresh())      # consent's buttons follow the objections
        return objects

    def _decide_consensus(self) -> None:
        tr, session = self.tr, self.session
        self._mode_line()
        self._proposal_choices()
        record = self.action_button("", "check", self._decide, "accent", disabled=session.draft.get("proposal") is None)

        def verdict() -> None:       # the button says what recording does: one "no" and nothing is adopted
            blocked = bool(session.draft["objections"])
            record.text = tr("No consensus: not adopted") if blocked else tr("Everybody agrees: adopted")
            record.icon = "ban" if blocked else "check"

        def toggle(player: int) -> bool:
            disagrees = session.toggle_objection(player)
            verdict()
            return disagrees

        verdict()
        self._add(self._text(tr("Who does not agree?"), "body", bold=True),
                  self._players_grid(session.draft["objections"], toggle, "x"), record)

    def _show_object(self) -> None:
        tr, session = self.tr, self.session
        self._question()
        self._mode_line()
        self._add(RoleplayNote(icon="users", text=tr("Most named: {name}.").format(name=self.name_in_sentence(session.named())),
                               role="heading", bold=True, colour=self.ctx.theme.ink),
                  self._text(tr("Does anyone object, with a reason?"), "body", bold=True),
                  self._players_grid(session.draft["objections"], session.toggle_objection, "hand"),
                  self.action_button(tr("Record the decision"), "check", self._decide, "accent"))

    def _decide_lots(self) -> None:
        tr, theme, session = self.tr, self.ctx.theme, self.session
        self._mode_line()
        card = RoleplayCard()
        card.add_widget(self._text(tr("Chance will pick one of these:"), "small", bold=True, tone="muted"))
        for index in range(session.choices):
            card.add_widget(RoleplayNote(icon="sparkles", text=f"{index + 1}. {self.choice_text(index)}",
                                         colour=theme.ink))
        self._add(card, self._text(tr("Gather round: the draw happens in front of everybody."), "small", tone="muted"),
                  self.action_button(tr("Draw"), "sparkles", self._decide, "accent"))

    def _decide(self) -> None:
        self.session.decide()
        if self.session.game.over:
            self.ctx.emit(model.game_played(self.manifest.id, self.session.game))
        self.refresh()

    # outcome, then the end

    def _show_outcome(self) -> None:
        tr, theme, session = self.tr, self.ctx.theme, self.session
        outcome = session.last
        self._add(self._text(tr("Decision {number}: {mode}").format(number=outcome.number,
                                                                     mode=self.mode_name(outcome.mode)), "small",
                             bold=True, tone="muted"))
        self._question_of(outcome.number)
        if outcome.adopted is None:
            self._add(RoleplayNote(icon="ban", text=tr("Nothing was decided."), role="heading", bold=True,
                                   colour=theme.danger, scale=1.2))
        else:
            verdict = RoleplayCard(background=mix(theme.success, theme.surface, 0.12))
            verdict.add_widget(RoleplayNote(icon="circle-check", text=tr("Adopted:"), bold=True, colour=theme.success))
            verdict.add_widget(self._text(self._chosen(outcome), "body", bold=True))
            self._add(verdict)
        if outcome.overruled:
            names = ", ".join(self.name_in_sentence(p) for p in outcome.overruled)
            self._add(RoleplayNote(icon="triangle-alert", text=tr("Overruled (voted otherwise, or not heard): {names}.")
                                   .format(names=names), colour=theme.ink))
        if outcome.event is not None:
            self._add(self._event_card(outcome.event))
        self._add(self._changes(outcome))
        if not self.run_from_the_bar():     # in a workshop the facilitator's bar leads on
            label = tr("See how it ended") if session.game.over else tr("Next decision")
            self._add(self.action_button(label, "chevron-right", lambda: self._go(session.next_decision), "accent",
                                         icon_end=True, icon_mirror=True))

    def _question_of(self, number: int) -> None:
        self._header(self.text(self.game_text.decisions[number - 1].question))

    def _chosen(self, outcome) -> str:
        decision = self.game_text.decisions[outcome.number - 1]
        if decision.person:
            return self.name_of(outcome.adopted)
        return self.text(decision.proposals[outcome.adopted].text)

    def _event_card(self, event_id: str) -> RoleplayCard:
        """News from outside, not the choice's consequence: "Meanwhile:", good (sparkles) or bad (rain)."""
        theme = self.ctx.theme
        effects = next((e.effects for e in self.session.game.scenario.events if e.id == event_id), {})
        good = sum(effects.values()) >= 0
        tone = theme.success if good else theme.danger
        card = RoleplayCard(background=mix(tone, theme.surface, 0.12), spacing=theme.space)
        card.add_widget(RoleplayNote(icon="sparkles" if good else "cloud-rain", text=self.tr("Meanwhile:"),
                                     role="small", bold=True, colour=tone))
        card.add_widget(self._text(self.text(self.game_text.event_text(event_id)), "body", bold=True))
        return card

    def _changes(self, outcome):
        """How the decision (and an event) moved the indicators: a coloured chip per indicator, ▲ or ▼."""
        theme, before = self.ctx.theme, self._before()
        moved = [(n, outcome.indicators[n] - before[n]) for n in INDICATORS if outcome.indicators[n] != before[n]]
        if not moved:
            return RoleplayNote(icon="chart-bar", text=self.tr("The indicators did not move."), role="small",
                                bold=True, colour=theme.ink)
        chips = StackLayout(size_hint_y=None, spacing=theme.space * 1.5,
                            orientation="rl-tb" if theme.rtl else "lr-tb")
        chips.bind(minimum_height=chips.setter("height"))
        for name, change in moved:
            tone = theme.success if change > 0 else theme.danger
            amount = abs(change) if theme.rtl else f"{change:+d}"     # bidi would show "+3" as "3+": the arrow says it
            chips.add_widget(Chip(icon="trending-up" if change > 0 else "trending-down",
                                  text=f"{self.indicator_name(name)}  {amount}", foreground=tone,
                                  background=mix(tone, theme.surface, 0.14)))
        return chips

    def _show_end(self) -> None:
        tr, theme, game = self.tr, self.ctx.theme, self.session.game
        self._add(self._never_heard(headline=True))       # the game's verdict first: who was never heard
        self._header(tr("How you decided"))
        for outcome in game.history:
            mode = self.mode_name(outcome.mode)
            question = self.text(self.game_text.decisions[outcome.number - 1].question)
            result = tr("{mode} · chosen: {choice}").format(mode=mode, choice=self._chosen(outcome)) \
                if outcome.adopted is not None else tr("{mode}: nothing decided").format(mode=mode)
            self._add(RoleplayNote(icon=MODE_ICONS[outcome.mode], text=f"{outcome.number}. {question}", role="small",
                                   bold=True, colour=theme.ink, scale=0.8, detail=result))
        # a line drawn from the game closes the report (in landscape it moves beside, under the indicators it
        # reads, when the report would scroll and the side has the room: RoleplayView.pin_action)
        self._aside(self._modes_card())
        self._add(self._verdict())
        if not self.run_from_the_bar():
            self._add(self.action_button(tr("Talk about it"), "message-square-text", lambda: self._go(self.session.to_debrief),
                                         "accent"))

    def _verdict(self) -> RoleplayNote:
        """The end's closing line, from the game: the indicator that moved most, and whether all were heard."""
        tr, theme, verdict = self.tr, self.ctx.theme, self.session.game.verdict()
        name, start, end = verdict["indicator"], verdict["start"], verdict["end"]
        if name is None:
            moved, icon = tr("The indicators ended where they started."), "chart-bar"
        else:
            line = tr("{indicator}: the biggest rise, from {start} to {end}.") if end > start \
                else tr("{indicator}: the biggest fall, from {start} to {end}.")
            moved = line.format(indicator=self.indicator_name(name), start=start, end=end)
            icon = "trending-up" if end > start else "trending-down"
        heard = tr("Everybody was heard.") if verdict["heard"] else tr("Not everybody was heard.")
        self.closing = RoleplayNote(icon=icon, text=f"{moved} {heard}", role="small", bold=True, colour=theme.ink,
                                    scale=0.8)
        return self.closing

    def _modes_card(self) -> RoleplayCard:
        """What each way of deciding produced."""
        tr, theme, summary = self.tr, self.ctx.theme, self.session.game.summary()
        modes = RoleplayCard(spacing=theme.space, padding=theme.pad * 0.75)
        modes.add_widget(self._text(tr("What each way of deciding produced"), "small", bold=True, tone="muted"))
        cell = self._tally_cell()
        table = self._table_shown = self._table_fits(cell)
        if table:
            modes.add_widget(RoleplayTally(name="", adopted=tr("Adopted"), overruled=tr("Overruled"),
                                           objections=tr("Objections"), header=True, cell=cell))
        for mode, line in summary["modes"].items():
            if table:
                modes.add_widget(RoleplayTally(name=self.mode_name(mode), overruled=str(line["overruled"]),
                                               adopted=f"{line['adopted']}/{line['decisions']}",
                                               objections=str(line["objections"]), cell=cell))
                continue
            produced = tr("Adopted: {adopted} of {decisions} · overruled: {overruled} · objections: {objections}")
            modes.add_widget(RoleplayNote(icon=MODE_ICONS[mode], text=self.mode_name(mode), role="small", bold=True,
                                          detail=produced.format(**line), colour=theme.ink, scale=0.8))
        return modes

    def _tally_cell(self) -> float:
        """The width of the table's number columns: the longest word of their headers, as drawn (a header
        of several words wraps under itself: "mis en / minorité"), and a gap."""
        theme, tr = self.ctx.theme, self.tr
        words = [word for header in (tr("Adopted"), tr("Overruled"), tr("Objections")) for word in header.split()]
        widest = max(text_width(word, "KioskArabic" if has_rtl(word) else theme.font, theme.small * 0.85)
                     for word in words)
        return max(widest, text_width("10/10", theme.font, theme.small, bold=True)) + theme.space

    def _table_fits(self, cell: float | None = None) -> bool:
        """The modes' table, when its three number columns leave the modes' names room to wrap at words
        (their longest word whole, and at least five letters' worth)."""
        theme = self.ctx.theme
        # the side's share of what the split's gap leaves, less the side's and the card's paddings
        room = (self.width - (0 if self.stacked else self.ids.split.spacing)) * (1 if self.stacked else self.side_share) \
            - theme.pad * 3.5
        names = [self.mode_name(mode) for mode in self.session.game.summary()["modes"]]
        longest = max((text_width(word, "KioskArabic" if has_rtl(word) else theme.font, theme.small, bold=True)
                       for name in names for word in name.split()), default=0)
        cell = self._tally_cell() if cell is None else cell
        return room - 3 * (cell + theme.space) >= max(longest + theme.space, theme.small * 5)

    def _table_resized(self, *_args) -> None:
        """Built before the layout gave the view its width: build the end again if the table's choice changes."""
        shown = getattr(self, "_table_shown", None)
        if self.session.phase in ("end", "debrief") and shown not in (None, self._table_fits()):
            Clock.schedule_once(lambda _dt: self.refresh())

    def _never_heard(self, headline: bool = False) -> RoleplayNote:
        """Who never spoke: the end opens with it, as a headline."""
        tr, silent = self.tr, ", ".join(self.name_in_sentence(p) for p in self.session.game.summary()["never_heard"])
        theme = self.ctx.theme
        return RoleplayNote(icon="triangle-alert" if silent and headline else "message-square-text", bold=True,
                            colour=theme.danger if silent and headline else theme.ink,
                            role="heading" if headline else "body", scale=1.2 if headline else 1,
                            text=tr("Never heard: {names}.").format(names=silent) if silent
                            else tr("Everybody was heard at least once."))

    def _show_debrief(self) -> None:
        self._header(self.tr("Talk about it"))
        questions = self._debrief_card()
        if self.stacked:          # the question first, what the modes produced under it
            self._add(questions, self._modes_card())
        else:
            self._aside(self._modes_card())
            self._add(questions)
        self._add(self._never_heard(), self.action_button(self.tr("Play again"), "rotate-ccw", self._again, "accent"))

    def _debrief_card(self) -> RoleplayCard:
        """The curator's questions, one at a time: a group talks about one, then turns to the next."""
        tr, theme = self.tr, self.ctx.theme
        questions = self.game_text.debrief
        index = min(self.state.get("debrief", 0), len(questions) - 1)
        card = RoleplayCard(spacing=theme.space * 3)
        card.add_widget(RoleplayNote(icon="message-square-text", text=self.text(questions[index]), colour=theme.ink,
                                     role="heading", bold=True))
        if len(questions) > 1:
            first, last = index == 0, index + 1 == len(questions)
            back = self.action_button("", "chevron-left", lambda: self._turn_debrief(-1), "secondary", icon_mirror=True,
                                      size_hint_x=None, width=theme.touch, disabled=first, opacity=0.35 if first else 1)
            on = self.action_button("", "chevron-right", lambda: self._turn_debrief(1), "secondary", icon_mirror=True,
                                    size_hint_x=None, width=theme.touch, disabled=last, opacity=0.35 if last else 1)
            where = self._text(tr("Question {number} of {total}").format(number=index + 1, total=len(questions)),
                               "small", bold=True, tone="muted", halign="center", pos_hint={"center_y": 0.5})
            card.add_widget(self._row(back, where, on))
        return card
