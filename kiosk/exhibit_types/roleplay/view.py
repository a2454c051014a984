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

from pathlib import Path

from kivy.clock import Clock
from kivy.core.window import Window
from kivy.lang import Builder
from kivy.properties import BooleanProperty, ListProperty, NumericProperty, StringProperty
from kivy.uix.behaviors import ButtonBehavior
from kivy.uix.boxlayout import BoxLayout
from kivy.uix.gridlayout import GridLayout
from kivy.uix.widget import Widget

from kiosk.exhibit_types.roleplay import model
from kiosk.exhibit_types.roleplay.engine import INDICATORS, START
from kiosk.exhibit_types.roleplay.play import STEPS, Session
from kiosk.gui.theme import mix, rgba
from kiosk.gui.widgets.exhibit_view import ExhibitView
from kiosk.gui.widgets.widgets import Icon, KioskButton, MirrorBox, TextBlock

Builder.load_file(str(Path(__file__).with_name("roleplay.kv")))

MODE_ICONS = {"majority": "vote", "consent": "hand", "consensus": "circle-check", "election": "users",
              "lots": "sparkles"}
INDICATOR_ICONS = {"participation": "message-square-text", "trust": "handshake", "health": "sprout"}
INDICATOR_COLOURS = {"participation": "#24628F", "trust": "#9A4A0B", "health": "#1E6B3A"}


class RoleplayCard(BoxLayout):
    background = ListProperty([])


class RoleplayNote(MirrorBox):
    icon = StringProperty("info")
    text = StringProperty("")
    detail = StringProperty("")          # a second, muted line
    role = StringProperty("body")
    bold = BooleanProperty(False)
    colour = ListProperty([])
    scale = NumericProperty(1.0)


class RoleplayToken(Widget):
    label = StringProperty("")
    filled = BooleanProperty(True)


class RoleplayGauge(BoxLayout):
    icon = StringProperty("")
    name = StringProperty("")
    value = NumericProperty(0)
    value_text = StringProperty("")
    colour = ListProperty([0, 0, 0, 1])


class RoleplayToggle(ButtonBehavior, MirrorBox):
    role = StringProperty("body")
    number = StringProperty("")
    name = StringProperty("")
    on = BooleanProperty(False)
    icon = StringProperty("check")


class RoleplayChoice(ButtonBehavior, MirrorBox):
    icon = StringProperty("")
    title = StringProperty("")
    text = StringProperty("")
    picked = BooleanProperty(False)


class RoleplayVoteRow(MirrorBox):
    number = StringProperty("")
    name = StringProperty("")


class RoleplayTally(MirrorBox):
    """A line of the end's table: a way of deciding, then what it adopted, who it overruled, the objections."""

    name = StringProperty("")
    adopted = StringProperty("")
    overruled = StringProperty("")
    objections = StringProperty("")
    header = BooleanProperty(False)


class RoleplayTimer(Widget):
    total = NumericProperty(120)
    left = NumericProperty(120)
    label = StringProperty("")


class RoleplayView(ExhibitView):
    portrait = BooleanProperty(False)
    side_share = NumericProperty(0.32)     # the side's share of the width in landscape

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.game_text = text = self.manifest.details
        self.session = Session(text.scenario(text.max_players), self.state, least=text.min_players,
                               discussion=text.discussion)
        self._timer = None
        self.action = None             # the phase's one main action (tests and the proof find it here)
        self.toggles: list[RoleplayToggle] = []
        self.choices: list[RoleplayChoice] = []
        self.votes: list[list[KioskButton]] = []
        self.bind(size=self._orient)
        Window.bind(size=self._orient)
        self._orient()

    @classmethod
    def step_count_for(cls, manifest) -> int:
        return len(STEPS)

    def show_step(self, index: int) -> None:
        self.session.go_to(STEPS[index])
        self.refresh()

    def _orient(self, *_args) -> None:
        self.portrait = Window.height > Window.width

    # -- helpers -------------------------------------------------------------------------------

    def tr(self, text: str) -> str:
        return self.ctx.gettext(text)

    def name_of(self, player: int) -> str:
        return self.text(self.game_text.roles[player].name)

    def choice_text(self, index: int) -> str:
        """A proposal's text, or (a decision about a person) the player's role."""
        decision = self.game_text.decisions[self.session.number - 1]
        return self.name_of(index) if decision.person else self.text(decision.proposals[index].text)

    def mode_name(self, mode: str) -> str:
        tr = self.tr
        return {"majority": tr("Majority vote"), "consent": tr("Consent"), "consensus": tr("Consensus"),
                "election": tr("Election without candidates"), "lots": tr("Drawing lots")}[mode]

    def mode_text(self, mode: str) -> str:
        tr = self.tr
        return {"majority": tr("Each one votes; more than half of the votes decides."),
                "consent": tr("Adopted unless someone has a reasoned objection; then it is amended."),
                "consensus": tr("Adopted only if everybody agrees."),
                "election": tr("Each one names someone; the most named is chosen unless someone objects."),
                "lots": tr("Chance decides, in front of everybody.")}[mode]

    def indicator_name(self, name: str) -> str:
        return {"participation": self.tr("Participation"), "trust": self.tr("Trust"),
                "health": self.tr("The project's health")}[name]

    def _text(self, text: str, role: str = "body", **options) -> TextBlock:
        return TextBlock(logical_text=text, role=role, **options)

    def _button(self, text: str, icon: str, action, kind: str = "primary", **options) -> KioskButton:
        theme = self.ctx.theme
        colours = {"primary": (theme.ink, theme.white, []), "accent": (theme.accent, theme.ink, []),
                   "secondary": (theme.surface, theme.ink, theme.ink)}[kind]
        button = KioskButton(text=text, icon=icon, background=colours[0], foreground=colours[1], outline=colours[2],
                             **options)
        button.bind(on_release=lambda *_: action())
        if kind == "accent":
            self.action = button
        return button

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
            if self.portrait:
                self._add(widget)
            else:
                self.ids.side.add_widget(widget, index=1)     # above the side's room left below

    def _add(self, *widgets) -> None:
        for widget in widgets:
            self.ids.panel.add_widget(widget)

    def _go(self, step, *args) -> None:
        step(*args)
        self.refresh()

    # -- every phase ---------------------------------------------------------------------------

    def refresh(self) -> None:
        self._stop_timer()
        self.action, self.toggles, self.choices, self.votes = None, [], [], []
        phase = self.session.phase
        self.absorbed = phase not in ("intro", "end", "debrief")
        self.ids.panel.clear_widgets()
        compact = phase in ("spoke", "decide", "object", "end", "debrief")     # a group's whole report fits the screen
        self.side_share = 0.4 if phase in ("end", "debrief") else 0.32        # the end's results stand beside
        self.ids.panel.spacing = self.ctx.theme.space * (1.5 if compact else 2.5)
        self._fill_side()
        getattr(self, f"_show_{phase}")()
        self.ids.panel.add_widget(Widget())     # the panel's room left below its content
        self.ids.panel_scroll.scroll_y = 1

    def _fill_side(self) -> None:
        tr, theme, session = self.tr, self.ctx.theme, self.session
        side = self.ids.side
        side.clear_widgets()
        if session.phase not in ("end", "debrief"):     # at the end, the results have the room
            self._progress(side)
        before = self._before() if session.phase == "outcome" else {}
        gauges = GridLayout(cols=3 if self.portrait else 1, size_hint_y=None, spacing=theme.space * 2,
                            orientation="rl-tb" if theme.rtl else "lr-tb")
        gauges.bind(minimum_height=gauges.setter("height"))
        for name in INDICATORS:
            value = session.game.indicators[name] if session.phase != "intro" else START
            change = value - before[name] if name in before else 0
            gauges.add_widget(RoleplayGauge(icon=INDICATOR_ICONS[name], name=self.indicator_name(name), value=value,
                                            colour=rgba(INDICATOR_COLOURS[name]),
                                            value_text=(f"({change:+d})  " if change else "") + f"{value}/10"))
        side.add_widget(gauges)
        if not self.portrait:
            side.add_widget(Widget())

    def _progress(self, side) -> None:
        """Which decision the group is at, and a segment per decision, dark once taken."""
        tr, theme, session = self.tr, self.ctx.theme, self.session
        total = len(self.game_text.decisions)
        number = session.last.number if session.phase == "outcome" else session.number
        line = tr("{total} decisions to take").format(total=total) if session.phase in (
            "intro", "situation", "pass", "role") else tr("Decision {number} of {total}").format(number=number, total=total)
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
        self._add(card)
        chosen = self.state.get("chosen_players", text.min_players)
        row = self._row(self._text(tr("How many are playing?"), "body", bold=True, pos_hint={"center_y": 0.5}))
        for count in range(text.min_players, text.max_players + 1):
            row.add_widget(self._button(str(count), "", lambda c=count: self._pick_players(c),
                                        "primary" if count == chosen else "secondary", size_hint_x=None,
                                        width=theme.touch * 1.1, wrap=False))
        self._add(row, self._button(tr("Start the game"), "play", lambda: self._go(self.session.start, chosen),
                                    "accent"))

    def _pick_players(self, count: int) -> None:
        self.state["chosen_players"] = count
        self.refresh()

    # situation, then each player's role in private

    def _show_situation(self) -> None:
        tr, theme = self.tr, self.ctx.theme
        self._header(tr("The situation"))
        self._add(self._text(self.text(self.game_text.situation)))
        roles = RoleplayCard(spacing=theme.space)
        roles.add_widget(self._text(tr("The roles in play"), "small", bold=True, tone="muted"))
        for player, role in enumerate(self.game_text.roles_for(self.session.players)):
            roles.add_widget(self._row(RoleplayToken(label=str(player + 1), pos_hint={"center_y": 0.5}),
                                       self._text(self.text(role.name), "small", bold=True, pos_hint={"center_y": 0.5}),
                                       height=theme.touch * 0.62))
        self._aside(roles)
        self._add(self._text(tr("Read it aloud together, then deal the roles."), "small", tone="muted"),
                  self._button(tr("Deal the roles"), "chevron-right", lambda: self._go(self.session.situation_read),
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
        card.add_widget(self._button(tr("I am player {number}: show my role").format(number=turn + 1), "eye",
                                     lambda: self._go(self.session.take_screen), "accent"))
        self._add(Widget(), card)

    def _show_role(self) -> None:
        tr, theme, session = self.tr, self.ctx.theme, self.session
        role = self.game_text.roles[session.turn]
        card = RoleplayCard()
        card.add_widget(self._row(RoleplayToken(label=str(session.turn + 1), pos_hint={"center_y": 0.5}),
                                  self._text(self.text(role.name), "heading", bold=True, pos_hint={"center_y": 0.5}),
                                  height=theme.touch * 0.8))
        card.add_widget(self._text(self.text(role.public)))
        secret = RoleplayCard(background=theme.ink)
        secret.add_widget(RoleplayNote(icon="lock", text=tr("Only for you:"), bold=True, colour=theme.white))
        secret.add_widget(self._text(self.text(role.secret), custom_color=theme.white))
        last = session.turn + 1 >= session.players
        label = tr("Hide it: to the first decision") if last else tr("Hide it and pass the screen on")
        self._add(card, secret, self._button(label, "eye-off", lambda: self._go(session.hide_role), "accent"))

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
        self._clock = RoleplayTimer(total=max(session.discussion, session.talk_left), left=session.talk_left)
        buttons = BoxLayout(orientation="vertical", spacing=theme.space * 2, size_hint_y=None,
                            height=theme.touch * 2 + theme.space * 2, pos_hint={"center_y": 0.5})
        buttons.add_widget(self._button(tr("Add a minute"), "plus", self._more_time, "secondary"))
        buttons.add_widget(self._button(tr("We are ready"), "check", lambda: self._go(session.ready), "accent"))
        self._add(self._row(self._clock, buttons, height=self._clock.height))
        self._tick(0)
        self._timer = Clock.schedule_interval(self._tick, 1)

    def _tick(self, elapsed: float) -> None:
        left = self.session.tick(1) if elapsed else self.session.talk_left
        self._clock.left = left
        self._clock.label = f"{left // 60}:{left % 60:02d}"
        if left <= 0:
            self._stop_timer()

    def _more_time(self) -> None:
        self._clock.total = max(self._clock.total, self.session.more_time())
        if self._timer is None:
            self._timer = Clock.schedule_interval(self._tick, 1)
        self._tick(0)

    def _stop_timer(self) -> None:
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None

    # mode: the group picks how to decide

    def _show_mode(self) -> None:
        self._question()
        self._add(self._text(self.tr("How will you decide?"), "body", bold=True))
        for mode in MODE_ICONS:
            choice = RoleplayChoice(icon=MODE_ICONS[mode], title=self.mode_name(mode), text=self.mode_text(mode))
            choice.bind(on_release=lambda _w, m=mode: self._go(self.session.choose_mode, m))
            self.choices.append(choice)
            self._add(choice)

    # spoke: who was heard

    def _players_grid(self, chosen: list[int], toggle, icon: str = "check", only=None) -> GridLayout:
        theme = self.ctx.theme
        many = self.session.players > 4 and not self.portrait
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
                  self._players_grid(session.draft["spoke"], session.toggle_spoke),
                  self._button(tr("On to the decision: {mode}").format(mode=self.mode_name(session.mode)),
                               MODE_ICONS[session.mode], lambda: self._go(session.to_decide), "accent"))

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
            card = RoleplayCard(padding=theme.pad * 0.75, spacing=theme.space)
            for index, proposal in enumerate(decision.proposals):
                card.add_widget(RoleplayNote(icon="file-text", text=f"{index + 1}. {self.text(proposal.text)}",
                                             role="small", colour=theme.ink, scale=0.8))
            self._aside(card)
        self._add(self._text(tr("Touch each one's choice (– : none)."), "small", tone="muted"))
        width = theme.touch * (0.85 if session.choices > 4 else 1)
        for player in range(session.players):
            row = RoleplayVoteRow(number=str(player + 1), name=self.name_of(player))
            buttons = []
            for choice in list(range(session.choices)) + [None]:
                picked = session.draft["votes"][player] == choice
                button = self._button("–" if choice is None else str(choice + 1), "",
                                      lambda p=player, c=choice: self._vote(p, c), "primary" if picked else "secondary",
                                      size_hint_x=None, width=width, wrap=False)
                buttons.append(button)
                row.add_widget(button)
            self.votes.append(buttons)
            self._add(row)

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
        self._add(self._button(self.tr("Count the votes"), "vote", lambda: self._go(self.session.count_votes), "accent"))

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
            self._add(RoleplayNote(icon="repeat", text=tr("Amended {count} times, asked again.").format(
                count=session.draft["amendments"]), role="small", colour=self.ctx.theme.ink))
        self._add(self._text(tr("Who objects, with a reason?"), "body", bold=True),
                  self._players_grid(session.draft["objections"], self._object, "hand"))
        settled = session.draft.get("proposal") is not None
        if session.draft["objections"]:
            self._add(self._row(self._button(tr("Amend it and ask again"), "repeat", lambda: self._go(session.amend),
                                             "secondary", disabled=not settled),
                                self._button(tr("Keep the objection: not adopted"), "ban", self._decide, "accent",
                                             disabled=not settled)))
        else:
            self._add(self._button(tr("No objection: adopted"), "check", self._decide, "accent", disabled=not settled))

    def _object(self, player: int) -> bool:
        objects = self.session.toggle_objection(player)
        Clock.schedule_once(lambda _dt: self.refresh())      # consent's buttons follow the objections
        return objects

    def _decide_consensus(self) -> None:
        tr, session = self.tr, self.session
        self._mode_line()
        self._proposal_choices()
        self._add(self._text(tr("Who does not agree?"), "body", bold=True),
                  self._players_grid(session.draft["objections"], session.toggle_objection, "x"),
                  self._button(tr("Record the decision"), "check", self._decide, "accent",
                               disabled=session.draft.get("proposal") is None))

    def _show_object(self) -> None:
        tr, session = self.tr, self.session
        self._question()
        self._mode_line()
        self._add(RoleplayNote(icon="users", text=tr("Most named: {name}.").format(name=self.name_of(session.named())),
                               role="heading", bold=True, colour=self.ctx.theme.ink),
                  self._text(tr("Does anyone object, with a reason?"), "body", bold=True),
                  self._players_grid(session.draft["objections"], session.toggle_objection, "hand"),
                  self._button(tr("Record the decision"), "check", self._decide, "accent"))

    def _decide_lots(self) -> None:
        tr, theme, session = self.tr, self.ctx.theme, self.session
        self._mode_line()
        card = RoleplayCard()
        card.add_widget(self._text(tr("Chance will pick one of these:"), "small", bold=True, tone="muted"))
        for index in range(session.choices):
            card.add_widget(RoleplayNote(icon="sparkles", text=f"{index + 1}. {self.choice_text(index)}",
                                         colour=theme.ink))
        self._add(card, self._text(tr("Gather round: the draw happens in front of everybody."), "small", tone="muted"),
                  self._button(tr("Draw"), "sparkles", self._decide, "accent"))

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
            names = ", ".join(self.name_of(p) for p in outcome.overruled)
            self._add(RoleplayNote(icon="triangle-alert", text=tr("Overruled (voted otherwise, or not heard): {names}.")
                                   .format(names=names), colour=theme.ink))
        if outcome.event is not None:
            event = RoleplayCard(background=mix(theme.accent, theme.surface, 0.3))
            event.add_widget(RoleplayNote(icon="cloud-rain", text=self.text(self.game_text.event_text(outcome.event)),
                                          bold=True, colour=theme.ink))
            self._add(event)
        self._add(RoleplayNote(icon="chart-bar", text=self._changes(outcome), role="small", bold=True, colour=theme.ink))
        label = tr("See how it ended") if session.game.over else tr("Next decision")
        self._add(self._button(label, "chevron-right", lambda: self._go(session.next_decision), "accent",
                               icon_end=True, icon_mirror=True))

    def _question_of(self, number: int) -> None:
        self._header(self.text(self.game_text.decisions[number - 1].question))

    def _chosen(self, outcome) -> str:
        decision = self.game_text.decisions[outcome.number - 1]
        if decision.person:
            return self.name_of(outcome.adopted)
        return self.text(decision.proposals[outcome.adopted].text)

    def _changes(self, outcome) -> str:
        """How the decision (and an event) moved the indicators: "Trust -1 · The project's health +2"."""
        before = self._before()
        moved = [f"{self.indicator_name(n)} {outcome.indicators[n] - before[n]:+d}" for n in INDICATORS
                 if outcome.indicators[n] != before[n]]
        return " · ".join(moved) if moved else self.tr("The indicators did not move.")

    def _show_end(self) -> None:
        tr, theme, game = self.tr, self.ctx.theme, self.session.game
        self._header(tr("How you decided"))
        for outcome in game.history:
            result = tr("{mode}: adopted, {choice}") if outcome.adopted is not None else tr("{mode}: nothing decided")
            question = self.text(self.game_text.decisions[outcome.number - 1].question)
            self._add(RoleplayNote(icon=MODE_ICONS[outcome.mode], text=f"{outcome.number}. {question}", role="small",
                                   bold=True, colour=theme.ink, scale=0.8,
                                   detail=result.format(mode=self.mode_name(outcome.mode),
                                                        choice=self._chosen(outcome) if outcome.adopted is not None else "")))
        self._aside(self._modes_card())
        self._add(self._button(tr("Talk about it"), "message-square-text", lambda: self._go(self.session.to_debrief),
                               "accent"))

    def _modes_card(self) -> RoleplayCard:
        """What each way of deciding produced, and who was never heard."""
        tr, theme, summary = self.tr, self.ctx.theme, self.session.game.summary()
        modes = RoleplayCard(spacing=theme.space)
        modes.add_widget(self._text(tr("What each way of deciding produced"), "small", bold=True, tone="muted"))
        modes.add_widget(RoleplayTally(name="", adopted=tr("Adopted"), overruled=tr("Overruled"),
                                       objections=tr("Objections"), header=True))
        for mode, line in summary["modes"].items():
            modes.add_widget(RoleplayTally(name=self.mode_name(mode), adopted=f"{line['adopted']}/{line['decisions']}",
                                           overruled=str(line["overruled"]), objections=str(line["objections"])))
        silent = ", ".join(self.name_of(p) for p in summary["never_heard"])
        modes.add_widget(RoleplayNote(icon="message-square-text", role="small", bold=True, colour=theme.ink, scale=0.8,
                                      text=tr("Never heard: {names}.").format(names=silent) if silent
                                      else tr("Everybody was heard at least once.")))
        return modes

    def _show_debrief(self) -> None:
        self._header(self.tr("Talk about it"))
        self._aside(self._modes_card())
        self._add(self._debrief_card(), self._button(self.tr("Play again"), "rotate-ccw", self._again, "accent"))

    def _debrief_card(self) -> RoleplayCard:
        """The curator's questions, one at a time: a group talks about one, then turns to the next."""
        tr, theme = self.tr, self.ctx.theme
        questions = self.game_text.debrief
        index = min(self.state.get("debrief", 0), len(questions) - 1)
        card = RoleplayCard(spacing=theme.space * 3)
        card.add_widget(RoleplayNote(icon="message-square-text", text=self.text(questions[index]), colour=theme.ink,
                                     role="heading", bold=True))
        if len(questions) > 1:
            back = self._button("", "chevron-left", lambda: self._turn_debrief(-1), "secondary", icon_mirror=True,
                                size_hint_x=None, width=theme.touch, disabled=index == 0, opacity=0.35 if index == 0 else 1)
            last = index + 1 == len(questions)
            on = self._button("", "chevron-right", lambda: self._turn_debrief(1), "secondary", icon_mirror=True,
                              size_hint_x=None, width=theme.touch, disabled=last, opacity=0.35 if last else 1)
            where = self._text(tr("Question {number} of {total}").format(number=index + 1, total=len(questions)),
                               "small", bold=True, tone="muted", halign="center", pos_hint={"center_y": 0.5})
            card.add_widget(self._row(back, where, on))
        return card

    def _turn_debrief(self, step: int) -> None:
        self.state["debrief"] = max(0, min(len(self.game_text.debrief) - 1, self.state.get("debrief", 0) + step))
        self.refresh()

    def _again(self) -> None:
        self.session.restart()
        self.refresh()

    def on_parent(self, _widget, parent) -> None:
        if parent is None:
            self._stop_timer()


class RoleplayStep(Widget):
    """A decision in the side's progress: filled once taken."""

    filled = BooleanProperty(False)
