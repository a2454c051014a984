"""The ``roleplay`` view: a group of 2 to 6 takes decisions together around one screen.

Two sides (one above the other in portrait, mirrored in right-to-left)::

    Decision 2 of 4  ▮▮▯▯          | Who will keep the accounts?
    Participation        6/10      | (1) The mayor   [1] [2] [3] [–]
    ██████████░░░░░░               | (2) The grocer  [1] [2] [3] [–]
    Trust                 5/10     | (3) The farmer  [1] [2] [3] [–]
    Project's health      7/10     | [Count the votes]

The side is what everybody watches: how far the game is and the three indicators, as
bars. The phases are those of :mod:`kiosk.exhibit_types.roleplay.play`; each is a panel
built when the phase starts. While the group plays (from the situation to the last
outcome) the view asks for the whole height (``absorbed``).
"""

from __future__ import annotations

from kivy.clock import Clock
from kivy.core.window import Window
from kivy.properties import BooleanProperty, NumericProperty
from kivy.uix.boxlayout import BoxLayout
from kivy.uix.gridlayout import GridLayout
from kivy.uix.image import Image
from kivy.uix.widget import Widget

from kiosk.exhibit_types.roleplay.view_decisions import DecisionScreens
from kiosk.exhibit_types.roleplay.view_workshop import WorkshopRunner
from kiosk.exhibit_types.roleplay.engine import INDICATORS, START
from kiosk.exhibit_types.roleplay.play import STEPS, Session
from kiosk.exhibit_types.roleplay.view_widgets import (
    INDICATOR_COLOURS, INDICATOR_ICONS, MODE_ICONS, RoleplayCard, RoleplayChoice, RoleplayGauge, RoleplayNote,
    RoleplayStep, RoleplayTimer, RoleplayToggle, RoleplayToken,
)
from kiosk.gui.theme import rgba
from kiosk.gui.widgets.exhibit_view import DebriefPaging, ExhibitView, fold_beside, leave_room, pin_controls
from kiosk.gui.widgets.widgets import Icon, KioskButton, MirrorBox, TextBlock
from kiosk.render.typography import in_sentence


class RoleplayView(DecisionScreens, WorkshopRunner, DebriefPaging, ExhibitView):
    built_ahead = False   # 130–250 ms to build: not while a visitor may tap on home (kiosk.gui.ahead)
    stacked = BooleanProperty(False)       # the side above the panel (portrait)
    side_share = NumericProperty(0.32)     # the side's share of the width in landscape

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.game_text = text = self.manifest.details
        self.session = Session(text.scenario(text.max_players), self.state, least=text.min_players,
                               discussion=text.discussion)
        self._timer = None
        self.action = None             # the phase's one main action (tests and the proof find it here)
        self.closing = None            # the end's line drawn from the game
        self.toggles: list[RoleplayToggle] = []
        self.choices: list[RoleplayChoice] = []
        self.votes: list[list[KioskButton]] = []
        self.bind(size=self._orient, width=self._table_resized)
        Window.bind(size=self._orient)
        self._orient()
        self._pin = Clock.create_trigger(lambda _dt: self.pin_action(), -1)
        self.ids.panel_scroll.bind(height=self._pin)
        self.ids.panel.bind(minimum_height=self._pin)
        self._asides: list[Widget] = []     # what stands beside the panel in landscape, in the order it came
        # next frame: the texts are laid out by then
        fit = Clock.create_trigger(lambda _dt: fold_beside(self.ids.side, self.ids.panel, self._asides), 0)
        self.ids.side.bind(minimum_height=fit, height=fit)

    @classmethod
    def step_count_for(cls, manifest) -> int:
        return len(STEPS)

    def show_step(self, index: int) -> None:
        self.session.go_to(STEPS[index])
        self.refresh()

    def _orient(self, *_args) -> None:
        self.stacked = Window.height > Window.width

    # -- helpers -------------------------------------------------------------------------------

    def tr(self, text: str) -> str:
        return self.ctx.gettext(text)

    def name_of(self, player: int) -> str:
        return self.text(self.game_text.roles[player].name)

    def name_in_sentence(self, player: int) -> str:
        """A role's name inside a sentence, after a colon: "Most named: the chair"."""
        return in_sentence(self.name_of(player))

    def choice_text(self, index: int) -> str:
        """A proposal's text, or (a decision about a person) the player's role."""
        decision = self.game_text.decisions[self.session.number - 1]
        return self.name_of(index) if decision.person else self.text(decision.proposals[index].text)

    def mode_name(self, mode: str) -> str:
        tr = self.tr
        return {"majority": tr("Majority vote"), "consent": tr("Consent"), "consensus": tr("Consensus"),
                "election": tr("Election without candidates"), "lots": tr("Drawing lots")}[mode]

    def mode_text(self, mode: str) -> str:
        return self._mode_words(mode)[0]

    def mode_cost(self, mode: str) -> str:
        """What the way of deciding costs the group, in one short line (the choice of a mode shows it)."""
        return self._mode_words(mode)[1]

    def _mode_words(self, mode: str) -> tuple[str, str]:
        """A way of deciding: how it works, then what it costs."""
        tr = self.tr
        return {"majority": (tr("Each one votes; more than half of the votes decides."),
                             tr("Quick, but the minority loses.")),
                "consent": (tr("Adopted unless someone has a reasoned objection; then it is amended."),
                            tr("Objections improve the proposal, round after round.")),
                "consensus": (tr("Adopted only if everybody agrees."), tr("Strong support once all agree, but slow.")),
                "election": (tr("Each one names someone; the most named is chosen unless someone objects."),
                             tr("No campaign: the group names someone, reasons aloud.")),
                "lots": (tr("Chance decides, in front of everybody."), tr("Fair and quick, but nobody chooses."))}[mode]

    def indicator_name(self, name: str) -> str:
        return {"participation": self.tr("Participation"), "trust": self.tr("Trust"),
                "health": self.tr("The project's health")}[name]

    def _text(self, text: str, role: str = "body", **options) -> TextBlock:
        return TextBlock(logical_text=text, role=role, **options)

    def _row(self, *widgets, height=None) -> MirrorBox:
        """A row in reading order; without a height, as tall as its tallest (a button's caption may wrap)."""
        theme = self.ctx.theme
        row = MirrorBox(rtl=theme.rtl, size_hint_y=None, height=height or theme.touch, spacing=theme.space * 2)
        for widget in widgets:
            row.add_widget(widget)
        if height is None:
            row.bind(minimum_height=row.setter("height"))
        return row

    def _aside(self, *widgets) -> None:
        """Beside the panel in landscape (under the indicators), in the panel in portrait."""
        for widget in widgets:
            if self.stacked:
                self._add(widget)
            else:
                self.ids.side.add_widget(widget, index=1)     # above the side's room left below
                self._asides.append(widget)

    def _measured(self, widget):
        """A paragraph (or a card of them) held to about 34 body widths, ~75 characters a line
        (docs/design.md, "Reading width"), at the reading side's start."""
        theme, panel = self.ctx.theme, self.ids.panel
        widget.size_hint_x = None
        widget.pos_hint = {"right": 1} if theme.rtl else {"x": 0}

        def fit(*_args) -> None:
            widget.width = min(panel.width - panel.padding[0] - panel.padding[2], theme.body * 34)

        panel.bind(width=fit)
        fit()
        return widget

    def _add(self, *widgets) -> None:
        for widget in widgets:
            self.ids.panel.add_widget(widget)

    def _go(self, step, *args) -> None:
        step(*args)
        self.refresh()

    # -- every phase ---------------------------------------------------------------------------

    def refresh(self) -> None:
        self._stop_timer()
        self.action, self.toggles, self.choices, self.votes, self.closing = None, [], [], [], None
        phase = self.session.phase
        self.absorbed = phase not in ("intro", "end", "debrief")
        self.ids.panel.clear_widgets()
        self.ids.pinned.clear_widgets()
        self._asides = []
        compact = phase in ("mode", "spoke", "decide", "object", "end", "debrief")   # the whole report fits
        ending = phase in ("end", "debrief")
        self.side_share = 0.45 if ending else 0.32       # the end's results stand beside (a table, if it fits)
        self.ids.side.spacing = self.ctx.theme.space * (1.25 if ending else 2)
        # the landscape end's report (a headline, four decisions, a closing line) fits 1280×800 with tighter gaps
        self.ids.panel.spacing = self.ctx.theme.space * (1 if ending and not self.stacked else 1.5 if compact else 2.5)
        self._fill_side()
        getattr(self, f"_show_{phase}")()
        leave_room(self.ids.panel, self.action, self.stacked)     # in portrait, the action at the bottom
        self._pin()
        self.ids.panel_scroll.scroll_y = 1
        self.workshop_changed()

    def pin_action(self) -> None:
        """Landscape, at the end, when the report would scroll: first its closing line moves beside, under the
        indicators it reads, if the side has the room left; then, if it still must scroll, its way on ("Talk
        about it") moves under it, in sight and whole. (A vote's rows scroll with "Count the votes" under them.)"""
        panel, side, scroll = self.ids.panel, self.ids.side, self.ids.panel_scroll
        if self.stacked or self.session.phase not in ("end", "debrief"):
            return
        closing = self.closing
        if closing is not None and closing in panel.children and panel.minimum_height > scroll.height + scroll.given_up + 1:
            room = side.children[0].height if side.children else 0       # what the side leaves below its cards
            if room >= closing.height * panel.width / max(1, side.width) + side.spacing:    # narrower there
                panel.remove_widget(closing)
                side.add_widget(closing, index=len(side.children) - 1)   # under the indicators
                return          # the panel is laid out again, and this runs again
        pinned, action = self.ids.pinned, self.action
        if action is not None and action in pinned.children:
            # pinned while the report's texts were still being measured: back at its end once it all fits
            if panel.minimum_height + action.height + panel.spacing <= scroll.height + scroll.given_up + pinned.height + 1:
                pinned.remove_widget(action)
                panel.add_widget(action, index=1 if panel.children else 0)    # above the room left below
            return
        pin_controls(panel, pinned, scroll, [action] if action is not None else [], False)

    def _fill_side(self) -> None:
        theme, session = self.ctx.theme, self.session
        side = self.ids.side
        side.clear_widgets()
        if session.phase not in ("end", "debrief"):     # at the end, the results have the room
            self._progress(side)
        before = self._before() if session.phase == "outcome" else {}
        gauges = GridLayout(cols=3 if self.stacked else 1, size_hint_y=None, spacing=theme.space * 1.5,
                            orientation="rl-tb" if theme.rtl else "lr-tb")
        gauges.bind(minimum_height=gauges.setter("height"))
        for name in INDICATORS:
            value = session.game.indicators[name] if session.phase != "intro" else START
            change = value - before[name] if name in before else 0
            gauges.add_widget(RoleplayGauge(icon=INDICATOR_ICONS[name], name=self.indicator_name(name), value=value,
                                            colour=rgba(INDICATOR_COLOURS[name]),
                                            value_text=(f"({change:+d})  " if change else "") + f"{value}/10"))
        side.add_widget(gauges)
        if not self.stacked:
            side.add_widget(self._side_picture())   # the column's room left below (cards beside the panel go above it)

    def _side_picture(self) -> Widget:
        """The room under the indicators, in landscape: the exhibit's own picture, as large as that
        room allows and never enlarged; nothing when the room is too low for it (a critique found
        two thirds of the column blank). At the end the results take the column."""
        images = self.manifest.images
        if not images or self.session.phase in ("end", "debrief"):
            return Widget()
        theme = self.ctx.theme
        box = (Window.width * self.side_share, Window.height * 0.45)
        picture = Image(texture=self.ctx.pictures.texture(self.manifest.image_path(images[0].file), box),
                        fit_mode="scale-down")
        picture.bind(height=lambda image, height: setattr(image, "opacity", 1 if height >= theme.touch * 2 else 0))
        return picture

    def _progress(self, side) -> None:
        """Which decision the group is at, and a segment per decision, dark once taken."""
        tr, theme, session = self.tr, self.ctx.theme, self.session
        total = len(self.game_text.decisions)
        number = session.last.number if session.phase == "outcome" else session.number
        if session.phase in ("intro", "situation", "pass", "role"):
            line = self.ctx.ngettext("{total} decision to take", "{total} decisions to take", total).format(total=total)
        else:
            line = tr("Decision {number} of {total}").format(number=number, total=total)
        side.add_widget(self._text(line, "body", bold=True))
        steps = MirrorBox(rtl=theme.rtl, size_hint_y=None, height=theme.space * 1.5, spacing=theme.space)
        for index in range(total):
            steps.add_widget(RoleplayStep(filled=index < len(session.game.history) and session.phase != "intro"))
        side.add_widget(steps)

    def _before(self) -> dict[str, int]:
        history = self.session.game.history
        return dict(history[-2].indicators) if len(history) > 1 else dict.fromkeys(INDICATORS, START)

    def _header(self, line: str) -> None:
        self._add(self._text(line, "heading", bold=True))

    # intro: the rules in one screen, how many play

    def _show_intro(self) -> None:
        tr, theme, text = self.tr, self.ctx.theme, self.game_text
        card = RoleplayCard()
        card.add_widget(self._text(tr("How to play"), "body", bold=True))
        for icon_name, sentence in (
                ("lock", tr("Each of you plays a role, with a secret only you read.")),
                ("message-square-text", tr("For each decision, talk it over, then decide in the way the game sets "
                                           "or the one you choose.")),
                ("vote", tr("The screen keeps count: who was heard, trust, and how the project is doing."))):
            card.add_widget(RoleplayNote(icon=icon_name, text=sentence, role="small", colour=theme.ink, scale=0.8))
        self._add(self._measured(card))
        chosen = self.state.get("chosen_players", text.min_players)
        row = self._row(self._text(tr("How many are playing?"), "body", bold=True, pos_hint={"center_y": 0.5}))
        for count in range(text.min_players, text.max_players + 1):
            row.add_widget(self.action_button(str(count), "", lambda c=count: self._pick_players(c),
                                              "primary" if count == chosen else "secondary", size_hint_x=None,
                                              width=theme.touch * 1.1, wrap=False))
        self._add(row)
        if not self.run_from_the_bar():     # in a workshop the facilitator's bar starts the game
            self._add(self.action_button(tr("Start the game"), "play", lambda: self._go(self.session.start, chosen), "accent"))

    def _pick_players(self, count: int) -> None:
        self.state["chosen_players"] = count
        self.refresh()

    # situation, then each player's role in private

    def _show_situation(self) -> None:
        tr, theme = self.tr, self.ctx.theme
        self._header(tr("The situation"))
        self._add(self._measured(self._text(self.text(self.game_text.situation))))
        roles = RoleplayCard(spacing=theme.space)
        roles.add_widget(self._text(tr("The roles in play"), "small", bold=True, tone="muted"))
        for player, role in enumerate(self.game_text.roles_for(self.session.players)):
            roles.add_widget(self._row(RoleplayToken(label=str(player + 1), pos_hint={"center_y": 0.5}),
                                       self._text(self.text(role.name), "small", bold=True, pos_hint={"center_y": 0.5}),
                                       height=theme.touch * 0.62))
        self._aside(roles)
        self._add(self._text(tr("Read it aloud together, then deal the roles."), "small", tone="muted"))
        if not self.run_from_the_bar():
            self._add(self.action_button(tr("Deal the roles"), "chevron-right", lambda: self._go(self.session.situation_read),
                                         "accent", icon_end=True, icon_mirror=True))

    def _show_pass(self) -> None:
        tr, theme, turn = self.tr, self.ctx.theme, self.session.turn
        card = RoleplayCard(padding=theme.pad * 2, spacing=theme.space * 3)
        hand = Icon(name="hand", pos_hint={"center_x": 0.5})
        hand.font_size = theme.icon * 2.5
        card.add_widget(hand)
        card.add_widget(self._text(tr("Give the screen to player {number}.").format(number=turn + 1), halign="center"))
        card.add_widget(self._text(self.name_of(turn), "heading", bold=True, halign="center", size_factor=1.2))
        card.add_widget(self._text(tr("Only this player looks: the role has a secret."), "small", tone="muted",
                                   halign="center"))
        card.add_widget(self.action_button(tr("I am player {number}: show my role").format(number=turn + 1), "eye",
                                           lambda: self._go(self.session.take_screen), "accent"))
        self._add(Widget(), card)

    def _show_role(self) -> None:
        tr, theme, session = self.tr, self.ctx.theme, self.session
        role = self.game_text.roles[session.turn]
        card = RoleplayCard()
        card.add_widget(self._row(RoleplayToken(label=str(session.turn + 1), pos_hint={"center_y": 0.5}),
                                  self._text(self.text(role.name), "heading", bold=True, pos_hint={"center_y": 0.5})))
        card.add_widget(self._text(self.text(role.public)))
        secret = RoleplayCard(background=theme.ink)
        secret.add_widget(RoleplayNote(icon="lock", text=tr("Only for you:"), bold=True, colour=theme.white))
        secret.add_widget(self._text(self.text(role.secret), custom_color=theme.white))
        last = session.turn + 1 >= session.players
        label = tr("Hide it: to the first decision") if last else tr("Hide it and pass the screen on")
        self._add(self._measured(card), self._measured(secret),
                  self.action_button(label, "eye-off", lambda: self._go(session.hide_role), "accent"))

    # discuss: the question, the proposals, a timer

    def _question(self) -> None:
        decision = self.game_text.decisions[self.session.number - 1]
        self._header(self.text(decision.question))

    def _show_discuss(self) -> None:
        tr, theme, session = self.tr, self.ctx.theme, self.session
        decision = self.game_text.decisions[session.number - 1]
        self._question()
        if decision.person:
            self._add(RoleplayNote(icon="users", text=tr("The choice is one of you."), colour=theme.ink))
        for index, proposal in enumerate(decision.proposals):
            self._add(RoleplayNote(icon="file-text", text=f"{index + 1}. {self.text(proposal.text)}", colour=theme.ink))
        mode = session.mode
        how = tr("You will decide by: {mode}.").format(mode=self.mode_name(mode)) if mode else \
            tr("After the talk, you choose how to decide.")
        self._add(RoleplayNote(icon=MODE_ICONS.get(mode, "scale"), text=how, role="small", bold=True, colour=theme.ink))
        self._clock = RoleplayTimer(total=max(session.discussion, session.talk_left), left=session.talk_left,
                                    paused=bool(self.state.get("talk_paused")))
        if self.run_from_the_bar():     # the bar holds "+1 min" and the way on
            self._add(self._row(self._clock, Widget(), height=self._clock.height))
        else:
            buttons = BoxLayout(orientation="vertical", spacing=theme.space * 2, size_hint_y=None,
                                height=theme.touch * 2 + theme.space * 2, pos_hint={"center_y": 0.5})
            buttons.add_widget(self.action_button(tr("Add a minute"), "plus", self._more_time, "secondary"))
            buttons.add_widget(self.action_button(tr("We are ready"), "check", lambda: self._go(session.ready), "accent"))
            self._add(self._row(self._clock, buttons, height=self._clock.height))
        self._tick(0)
        self._run_timer()

    def _run_timer(self) -> None:
        """Count the talk down, unless the facilitator paused it or it is over."""
        if self._timer is None and not self.state.get("talk_paused") and self.session.talk_left > 0:
            self._timer = Clock.schedule_interval(self._tick, 1)

    def _tick(self, elapsed: float) -> None:
        left = self.session.tick(1) if elapsed else self.session.talk_left
        self._clock.left = left
        self._clock.label = f"{left // 60}:{left % 60:02d}"
        if left <= 0:
            self._stop_timer()
        self.workshop_changed()

    def _more_time(self) -> None:
        self._clock.total = max(self._clock.total, self.session.more_time())
        self._run_timer()
        self._tick(0)

    def _stop_timer(self) -> None:
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None

    # mode: the group picks how to decide

    def _show_mode(self) -> None:
        self._question()
        if self.game_text.decisions[self.session.number - 1].person:
            self._add(RoleplayNote(icon="users", text=self.tr("The choice is one of you."), role="small",
                                   colour=self.ctx.theme.ink))
        else:
            self._aside(self._proposals_card())   # what is being decided, before how (beside, in landscape)
        self._add(self._text(self.tr("How will you decide?"), "body", bold=True))
        for mode in MODE_ICONS:
            choice = RoleplayChoice(icon=MODE_ICONS[mode], title=self.mode_name(mode), text=self.mode_text(mode))
            choice.ids.choice_words.add_widget(RoleplayNote(icon="scale", text=self.mode_cost(mode), role="small",
                                                            bold=True, colour=self.ctx.theme.ink, scale=0.7))
            choice.bind(on_release=lambda _w, m=mode: self._go(self.session.choose_mode, m))
            self.choices.append(choice)
            self._add(choice)

    # spoke: who was heard

    def _players_grid(self, chosen: list[int], toggle, icon: str = "check", only=None) -> GridLayout:
        theme = self.ctx.theme
        many = self.session.players > 4 and not self.stacked
        grid = GridLayout(cols=3 if many else 2, size_hint_y=None, spacing=theme.space * 1.5,
                          orientation="rl-tb" if theme.rtl else "lr-tb")
        grid.bind(minimum_height=grid.setter("height"))
        for player in range(self.session.players):
            if only is not None and player not in only:
                continue
            row = RoleplayToggle(number=str(player + 1), name=self.name_of(player), on=player in chosen, icon=icon,
                                 role="small" if many else "body")
            row.bind(on_release=lambda w, p=player: setattr(w, "on", toggle(p)))
            self.toggles.append(row)
            grid.add_widget(row)
        return grid

    def _show_spoke(self) -> None:
        tr, session = self.tr, self.session
        self._question()
        self._add(self._text(tr("Who spoke in the discussion?"), "body", bold=True),
                  self._text(tr("Touch each one who said what they thought."), "small", tone="muted"),
                  self._players_grid(session.draft["spoke"], session.toggle_spoke))
        if not self.run_from_the_bar():
            self._add(self.action_button(tr("On to the decision: {mode}").format(mode=self.mode_name(session.mode)),
                                         MODE_ICONS[session.mode], lambda: self._go(session.to_decide), "accent"))

    def on_parent(self, _widget, parent) -> None:
        if parent is None:
            self._stop_timer()


