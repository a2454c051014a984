"""The ``commons`` view: a territory's shared resources, played by 2 to 6 people around one screen.

Two sides (one above the other in portrait, mirrored in right-to-left)::

    territory                      | the phase's panel
    [forest  42 hectares  ↘]       | Round 2 of 8 · The upper village's turn
    [ trees, fewer as it is used ] | [−] 3 [+]  The forest, at most 8
    [river   30 tonnes    ↗]       | This round brings you 30 coins.
    [ droplets …             ]     | [Confirm and hide my choice]

The territory's side is the shared state everyone watches: each resource is a band of its
icons, as many as its stock warrants (its starting stock shows 16), tinted from its colour
to dry sand as it is used up, greyed when lost. Players are never told the capacity.

The phases are those of :mod:`kiosk.exhibit_types.commons.play`; each is a panel built when
the phase starts. While the group plays (from the roles to the last result) the view asks
for the whole height (``absorbed``): the exhibit's way on folds away until the end.

In a workshop the facilitator runs the phases from the bar (the workshop API of
:class:`kiosk.gui.widgets.exhibit_view.ExhibitView`): the next phase, the discussion timer
(paused, started, a minute more) and the debrief shown large; the players' own taps still
work meanwhile. The players' choices stay theirs: the bar cannot move past a round's choices.
"""

from __future__ import annotations

from pathlib import Path

from kivy.clock import Clock
from kivy.core.text import Label as CoreLabel
from kivy.core.window import Window
from kivy.graphics import Color, Line, Rectangle, RoundedRectangle
from kivy.lang import Builder
from kivy.properties import BooleanProperty, ListProperty, NumericProperty, StringProperty
from kivy.uix.boxlayout import BoxLayout
from kivy.uix.widget import Widget

from kiosk.events import CommonsPlayed
from kiosk.exhibit_types.commons.play import Session
from kiosk.gui.theme import mix, rgba
from kiosk.gui.widgets.exhibit_view import (
    N_, DebriefPaging, ExhibitView, WorkshopControls, fold_beside, leave_room, pin_controls,
)
from kiosk.gui.widgets.widgets import Icon, KioskButton, MirrorBox, TextBlock
from kiosk.icons import icon as glyph
from kiosk.render.bidi import shape_line
from kiosk.render.typography import in_sentence, sentence_start

Builder.load_file(str(Path(__file__).with_name("commons.kv")))

#: The colour each kind of resource is drawn in (on the paper; dark enough for its text).
KIND_COLOURS = {"forest": "#2F6B3A", "water": "#24628F", "fish": "#1D6B78", "soil": "#7A4E22", "pasture": "#7A6414"}
DRY = "#C9B48A"              # a used-up resource fades towards this sand colour
LOST = "#8C8680"
ICONS_AT_START = 20          # a resource at its starting stock shows this many icons
MOST_ICONS = 32
FIELD_ICONS = {"droplets": "droplet"}   # one drop a unit: two drops side by side read as Arabic letters (ره)
RULE_ICONS = {"quota": "scale", "rotation": "repeat", "monitoring": "eye", "sanction": "gavel", "reserve": "piggy-bank"}
STEPS = ("intro", "roles", "choose", "pass", "result", "discuss", "rules", "end")
PORTRAIT_SIDE = 0.5          # the territory's share of the height in portrait, at most…
PORTRAIT_SIDE_LEAST = 0.2    # …and at least, when the panel needs the room
TALK_MORE = 30               # seconds a "+30 s" adds to the discussion
#: Each phase as the facilitator's bar names it, and what its "next" does (the workshop API).
WORKSHOP_PHASES = {
    "intro": (N_("Introduction"), N_("Start the game")),
    "roles": (N_("Players read their roles"), N_("Start round 1")),
    "choose": (N_("Players are choosing"), ""),
    "pass": (N_("Players are choosing"), ""),
    "result": (N_("Results of the round"), N_("Talk it over")),
    "discuss": (N_("Discussion"), N_("To the vote")),
    "rules": (N_("Vote on the rules"), N_("Next round")),
    "end": (N_("Debrief"), N_("Next question")),
}


class IconField(Widget):
    """A resource's units on a regular grid, one icon per unit-step, filled in reading order.

    ``count`` icons are drawn full; the places of the units lost since the start (up to
    ``start``) stay as faint icons, so a fall shows as empty places. Icons are never mirrored.
    """

    icon = StringProperty("")
    count = NumericProperty(0)
    start = NumericProperty(ICONS_AT_START)
    colour = ListProperty([0, 0, 0, 1])
    rtl = BooleanProperty(False)

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self._draw = Clock.create_trigger(lambda _dt: self.draw(), -1)
        self.bind(size=self._draw, pos=self._draw, count=self._draw, icon=self._draw, colour=self._draw,
                  start=self._draw, rtl=self._draw)

    def places(self) -> int:
        return int(max(self.start, self.count))

    def grid(self) -> tuple[int, int]:
        """Columns and rows of nearly square cells, room for every place."""
        places = max(1, self.places())
        columns = max(1, min(places, round((places * self.width / max(1, self.height)) ** 0.5)))
        rows = -(-places // columns)
        while columns > 1 and -(-places // (columns - 1)) == rows:      # no empty column at the end
            columns -= 1
        return columns, rows

    def slots(self) -> list[tuple[float, float]]:
        """Cell centres (shares of the widget's size), row by row from the top, in reading order."""
        columns, rows = self.grid()
        order = range(columns - 1, -1, -1) if self.rtl else range(columns)
        return [((c + 0.5) / columns, 1 - (r + 0.5) / rows) for r in range(rows) for c in order][:self.places()]

    def draw(self) -> None:
        self.canvas.clear()
        if not self.icon or self.width < 10 or self.height < 10:
            return
        columns, rows = self.grid()
        side = min(self.width / columns, self.height / rows) * 0.8
        label = CoreLabel(text=glyph(self.icon), font_name="Icons", font_size=side)
        label.refresh()
        texture = label.texture
        with self.canvas:
            for index, (fx, fy) in enumerate(self.slots()):
                Color(*self.colour[:3], 1 if index < self.count else 0.2)
                Rectangle(texture=texture, size=texture.size,
                          pos=(round(self.x + fx * self.width - texture.width / 2),
                               round(self.y + fy * self.height - texture.height / 2)))


class ResourceBand(BoxLayout):
    icon = StringProperty("trees")
    field_icon = StringProperty("")      # the picture's icon, when not the band's
    name = StringProperty("")
    amount = StringProperty("")
    trend = StringProperty("")
    count = NumericProperty(0)
    start = NumericProperty(ICONS_AT_START)
    tint = ListProperty([1, 1, 1, 1])
    ink = ListProperty([0, 0, 0, 1])


class TakeStepper(MirrorBox):
    icon = StringProperty("")
    name = StringProperty("")
    note = StringProperty("")
    value = NumericProperty(0)
    least = NumericProperty(0)
    limit = NumericProperty(0)
    ink = ListProperty([0, 0, 0, 1])

    def __init__(self, **kwargs):
        self.register_event_type("on_change")
        super().__init__(**kwargs)

    def on_change(self, step: int) -> None:
        pass


class RuleRow(MirrorBox):
    icon = StringProperty("")
    title = StringProperty("")
    text = StringProperty("")
    action = StringProperty("")        # the button's word; empty: the rule cannot be proposed now
    in_force = BooleanProperty(False)

    def __init__(self, **kwargs):
        self.register_event_type("on_propose")
        super().__init__(**kwargs)

    def on_propose(self) -> None:
        pass


class NoteRow(MirrorBox):
    icon = StringProperty("info")
    text = StringProperty("")
    role = StringProperty("body")
    bold = BooleanProperty(False)
    colour = ListProperty([])
    scale = NumericProperty(1.0)


class FitText(TextBlock):
    """One line as wide as its text: an amount ("116 قطعة نقدية") never wraps."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        for name in ("logical_text", "font_size", "font_name", "bold"):
            self.fbind(name, self._fit)
        self._fit()

    def _fit(self, *_args) -> None:
        # unjoined Arabic letters are wider than joined ones: the measure errs on the roomy side
        # (an empty cell is measured without a font: its kv rule may not have given it the kiosk's yet)
        text = self.measurer()(self.logical_text) if self.logical_text else 0
        self.width = text + self.padding[0] + self.padding[2] + self.font_size * 0.25


class ResultRow(MirrorBox):
    """A line of a round's table: the player, what they took (when it is shown), what they earned."""

    name = StringProperty("")
    taken = StringProperty("")
    coins = StringProperty("")
    header = BooleanProperty(False)


class PlayerToken(Widget):
    """A player's disc in the game's header: filled once they have played, ringed while it is their turn."""

    label = StringProperty("")
    done = BooleanProperty(False)
    current = BooleanProperty(False)


class CommonsCard(BoxLayout):
    background = ListProperty([])


class TalkTimer(Widget):
    total = NumericProperty(90)
    left = NumericProperty(90)
    label = StringProperty("")
    paused = BooleanProperty(False)     # the facilitator paused the talk: the ring and the time grey, "Paused" shows
    paused_label = StringProperty("")


class CommonsView(DebriefPaging, ExhibitView):
    built_ahead = False   # 130–250 ms to build: not while a visitor may tap on home (kiosk.gui.ahead)
    portrait = BooleanProperty(False)
    # the territory's share of a landscape screen; the end's replay and results take half, so its title
    # and legend stay on fewer lines and the column fits under the top bar (1280×800, and 1920×1080 in nl)
    side_share = NumericProperty(0.44)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.game_text = self.manifest.details
        self.session = Session(self.game_text.territory, self.state, secret=self.game_text.secret_choices)
        self._timer = None
        self._vote: dict = {}
        self.action, self.controls = None, []
        self.steppers: dict[str, TakeStepper] = {}
        self.hands: list[KioskButton] = []
        self.rule_rows: dict[str, RuleRow] = {}
        self._bands_shown: list[dict] | None = None     # what the territory's picture shows now
        self._gain: NoteRow | None = None                # the choose screen's "this round brings you …"
        self.bind(size=self._orient)
        Window.bind(size=self._orient)
        self._orient()
        self._fit_trigger = Clock.create_trigger(lambda _dt: self._fit())
        self.ids.panel.bind(minimum_height=self._fit_trigger)
        self.ids.split.bind(height=self._fit_trigger)
        self._pin = Clock.create_trigger(lambda _dt: self.pin_action(), -1)
        self.ids.panel_scroll.bind(height=self._pin)
        self._beside: list[Widget] = []     # what stands in the picture's column only while it fits there
        # next frame: the texts are laid out by then
        fit_side = Clock.create_trigger(lambda _dt: fold_beside(self.ids.picture_side, self.ids.panel, self._beside), 0)
        self.ids.picture_side.bind(minimum_height=fit_side, height=fit_side)
        self.ids.panel.bind(minimum_height=self._pin)

    @classmethod
    def step_count_for(cls, manifest) -> int:
        return len(STEPS)

    def show_step(self, index: int) -> None:
        self.session.go_to(STEPS[index])
        self.refresh()

    # -- the workshop API: the facilitator's bar runs the phases ---------------------------------

    def workshop_controls(self) -> WorkshopControls:
        phase, session = self.session.phase, self.session
        name, following = WORKSHOP_PHASES[phase]
        if phase == "result" and session.game.over:
            following = N_("See how it ended")
        if phase == "end" and self.state.get("debrief", 0) + 1 >= len(self.game_text.debrief):
            following = ""
        timer = self.state.get("talk_left", self.game_text.discussion) if phase == "discuss" else None
        shown = phase == "end" and self._for_a_group()
        return WorkshopControls(phase=name, next_phase=following, timer=timer,
                                timer_running=self._timer is not None,
                                debrief=bool(session.game.history) and not shown)

    def next_phase(self) -> None:
        phase = self.session.phase
        if phase == "intro":
            self._start(self.state.get("chosen_players", self.session.territory.players))
        elif phase == "roles":
            self.state.pop("secret_shown", None)
            while self.session.phase == "roles":
                self.session.role_read()
            self.refresh()
        elif phase == "result":
            self._discuss()
        elif phase == "discuss":
            self._to_rules()
        elif phase == "rules":
            self._next_round()
        elif phase == "end":
            self._turn_debrief(1)

    def toggle_timer(self) -> None:
        if self.session.phase != "discuss":
            return
        if self._timer is not None:
            self.state["talk_paused"] = True
            self._stop_timer()
        else:
            self.state.pop("talk_paused", None)
            if self.state.get("talk_left", 0) <= 0:
                self.state["talk_left"] = self.game_text.discussion      # a talk that had run out starts again
                self._talk.total = self.game_text.discussion
            self._run_timer()
        self._talk.paused = bool(self.state.get("talk_paused"))
        self._tick(0)

    def extend_timer(self, seconds: int) -> None:
        if self.session.phase == "discuss":
            self._talk_more(seconds)

    def show_debrief(self) -> None:
        """The end screen, large, for the group: the replay so far and the debrief questions (a game cut short
        by the facilitator counts as played, with the rounds it had)."""
        game = self.session.game
        if not game.history:
            return
        if self.session.phase != "end" and not game.over:
            self._report()
        self._vote = {}
        self.state.update(phase="end", group_debrief=True, debrief=0)
        self.refresh()

    def _for_a_group(self) -> bool:
        """The end is shown to a whole group: the facilitator asked for the debrief, or a guided path runs."""
        group = self.ctx.group
        return bool(self.state.get("group_debrief")) or bool(group is not None and group.active)

    def _orient(self, *_args) -> None:
        self.portrait = Window.height > Window.width

    def _fit(self) -> None:
        """In portrait the territory gives up height (down to a strip) when the panel needs it to show whole."""
        side, scroll, split = self.ids.picture_side, self.ids.panel_column, self.ids.split
        if not self.portrait:
            side.size_hint_y = scroll.size_hint_y = 1
            return
        room = max(1, split.height - split.spacing)
        least = max([PORTRAIT_SIDE_LEAST] + [(child.size_hint_min_y or 0) / room for child in side.children])
        share = min(max(PORTRAIT_SIDE, least), max(least, 1 - self.ids.panel.minimum_height / room))
        side.size_hint_y, scroll.size_hint_y = share, 1 - share

    # -- helpers -------------------------------------------------------------------------------

    def tr(self, text: str) -> str:
        return self.ctx.gettext(text)

    def coins(self, amount: int) -> str:
        return self.ctx.ngettext("{n} coin", "{n} coins", amount).format(n=amount)

    def units(self, resource_id: str, amount: int) -> str:
        unit = self.game_text.resources[resource_id].unit
        return f"{amount} {self.text(unit)}" if unit else str(amount)

    def name_of(self, player: int) -> str:
        return self.text(self.game_text.players[player].name)

    def resource_name(self, resource_id: str) -> str:
        return self.text(self.game_text.resources[resource_id].name)

    def _text(self, text: str, role: str = "body", **options) -> TextBlock:
        return TextBlock(logical_text=text, role=role, **options)

    def _add(self, *widgets) -> None:
        for widget in widgets:
            self.ids.panel.add_widget(widget)

    # -- every phase ---------------------------------------------------------------------------

    def refresh(self) -> None:
        self._stop_timer()
        self.action, self.steppers, self.hands, self.rule_rows = None, {}, [], {}
        self.controls = []    # what pin_action keeps in sight, in order (the action alone when empty)
        phase = self.session.phase
        self.absorbed = phase not in ("intro", "end") or (phase == "end" and self._for_a_group())   # a group's debrief: all of it
        self.ids.panel.clear_widgets()
        self.ids.pinned.clear_widgets()
        self._beside = []
        self.ids.panel.spacing = self.ctx.theme.space * 2.5
        self._fill_picture_side(phase)
        getattr(self, f"_show_{phase}")()
        panel = self.ids.panel
        if phase in ("choose", "result", "discuss") and not self.portrait:
            panel.add_widget(Widget(), index=len(panel.children) - 1)    # landscape: centred under the header
        leave_room(panel, self.action, self.portrait)     # in portrait, the action at the bottom
        self._pin()
        self.ids.panel_scroll.scroll_y = 1
        self.workshop_changed()

    def pin_action(self) -> None:
        """Landscape: when the panel must scroll, its controls (the player count and "Start the game",
        or the phase's main action) move under the scroll view, in sight and whole."""
        controls = self.controls or ([self.action] if self.action is not None else [])
        pin_controls(self.ids.panel, self.ids.pinned, self.ids.panel_scroll, controls, self.portrait)

    def _fill_picture_side(self, phase: str) -> None:
        side = self.ids.picture_side
        self.side_share = 0.5 if phase == "end" else 0.44
        if phase == "end":
            self._bands_shown = None
            side.clear_widgets()
            chart = StockChart(self)
            chart.bind(size_hint_min_y=self._fit_trigger)
            side.add_widget(chart)
            return
        bands = self._bands()
        if bands == self._bands_shown and side.children:
            return          # the territory has not changed since the last screen: its picture stays as drawn
        self._bands_shown = bands
        side.clear_widgets()
        for band in bands:
            side.add_widget(ResourceBand(**band))

    def _bands(self) -> list[dict]:
        """What each resource's band shows: its stock as a field of icons, its colour drying up, its amount and trend."""
        game, last = self.session.game, self.session.last_round
        theme = self.ctx.theme
        bands = []
        for resource in game.territory.resources:
            kind, icon_name = self.game_text.resources[resource.id].kind, self.game_text.resources[resource.id].icon
            colour = rgba(KIND_COLOURS[kind])
            stock, lost = game.stocks[resource.id], resource.id in game.collapsed
            health = 0 if lost else min(1.0, stock / max(1, resource.stock))
            trend = ""
            if last is not None and not lost:
                before = last.stocks_before[resource.id]
                trend = "trending-up" if stock > before else "trending-down" if stock < before else ""
            bands.append(dict(
                icon=icon_name if not lost else "ban", name=self.resource_name(resource.id),
                field_icon="" if lost else FIELD_ICONS.get(icon_name, ""),
                count=1 if lost else min(MOST_ICONS, round(ICONS_AT_START * stock / max(1, resource.stock))),
                start=1 if lost else ICONS_AT_START,
                ink=rgba(LOST) if lost else colour,
                tint=mix(rgba(LOST), theme.surface, 0.18) if lost else
                mix(mix(colour, rgba(DRY), health), theme.surface, 0.16 + 0.1 * health),
                amount=self.tr("Lost") if lost else self.units(resource.id, stock), trend=trend))
        return bands

    def _header(self, done: int | None = None, current: int | None = None, line: str = "") -> None:
        """The game's line at the top of the panel: the round, and a disc per player (who played, whose turn)."""
        theme = self.ctx.theme
        row = MirrorBox(rtl=theme.rtl, size_hint_y=None, height=theme.touch * 0.8, spacing=theme.space * 1.5)
        text = self._text(line or self._round_line(), "body", bold=True, pos_hint={"center_y": 0.5})
        row.add_widget(text)
        if done is not None:
            for player in range(self.session.players):
                row.add_widget(PlayerToken(label=str(player + 1), done=player < done, current=player == current,
                                           pos_hint={"center_y": 0.5}))
        self._add(row)

    def _round_line(self, number: int | None = None) -> str:
        game = self.session.game
        if number is None:
            number = min(game.round, game.last_round) if not game.history or not game.over else len(game.history)
        if game.territory.unknown_end:
            return self.tr("Round {number}").format(number=number)
        return self.tr("Round {number} of {total}").format(number=number, total=game.last_round)

    # intro: the situation, how to play, how many players

    def _show_intro(self) -> None:
        tr, theme = self.tr, self.ctx.theme
        self._add(self._text(self.text(self.game_text.situation)))
        steps = CommonsCard()
        steps.add_widget(self._text(tr("How to play"), "body", bold=True))
        secretly = self.game_text.secret_choices
        earns = " " + tr("Each unit you take earns you coins.")      # the coins, said before the first round shows them
        for icon_name, sentence in (
                ("hand-coins", tr("Each round, every player takes what they want from the shared resources, "
                                  "without the others seeing.") + earns if secretly else
                 tr("Each round, every player takes what they want from the shared resources, for all to see.") + earns),
                ("sprout", tr("What is left grows back, at a pace nobody knows in advance.")),
                ("vote", tr("Between rounds, talk it over, then vote rules that the game will enforce."))):
            steps.add_widget(NoteRow(icon=icon_name, text=sentence, role="small", colour=theme.ink, scale=0.8))
        workshop = self.run_from_the_bar()
        if not workshop:
            self._add(steps)
        most = self.session.territory.players
        choice = MirrorBox(rtl=theme.rtl, size_hint_y=None, height=theme.touch, spacing=theme.space * 1.5)
        question = self._text(tr("How many are playing?"), "body", bold=True, pos_hint={"center_y": 0.5})
        question.bind(height=lambda _text, height: setattr(choice, "height", max(theme.touch, height)))  # it may wrap
        choice.add_widget(question)
        chosen = self.state.get("chosen_players", most)
        for count in range(2, most + 1):
            kind = "primary" if count == chosen else "secondary"
            button = self.action_button(str(count), "", lambda c=count: self._choose_players(c), kind, size_hint_x=None,
                                        width=theme.touch * 1.2, wrap=False)
            choice.add_widget(button)
        self._add(choice)
        if workshop:
            # the facilitator's bar starts the game: the player count right under the story, in sight above the bar
            self._add(steps)
            return
        start = self.action_button(tr("Start the game"), "play", lambda: self._start(chosen), "accent")
        self._add(start)
        self.controls = [choice, start]

    def _choose_players(self, count: int) -> None:
        self.state["chosen_players"] = count
        self.refresh()

    def _start(self, players: int) -> None:
        self.session.start(players=players)
        self.refresh()

    # roles: each player reads theirs; a secret one is hidden again before the screen passes on

    def _show_roles(self) -> None:
        tr, theme, session = self.tr, self.ctx.theme, self.session
        player = self.game_text.players[session.turn]
        self._header(session.turn, session.turn,
                     tr("Player {number} of {total}").format(number=session.turn + 1, total=session.players))
        card = CommonsCard()
        card.add_widget(self._text(self.text(player.name), "heading", bold=True))
        card.add_widget(self._text(self.text(player.role)))
        self._add(card)
        if player.secret is not None:
            if self.state.get("secret_shown"):
                secret = CommonsCard(background=theme.ink)
                secret.add_widget(NoteRow(icon="lock", text=tr("Only for you:"), bold=True, colour=theme.white))
                secret.add_widget(self._text(self.text(player.secret), custom_color=theme.white))
                self._add(secret, self.action_button(tr("Hide it"), "eye-off", self._toggle_secret, "secondary"))
            else:
                self._add(self._text(tr("You have a secret goal. Read it without showing the others."), tone="muted"),
                          self.action_button(tr("Show my secret goal"), "eye", self._toggle_secret, "secondary"))
        last = session.turn + 1 >= session.players
        following = tr("Start round 1") if last else \
            tr("Pass the screen to {name}").format(name=in_sentence(self.name_of(session.turn + 1)))
        self._add(Widget(size_hint_y=None, height=theme.space), self.action_button(following, "chevron-right", self._role_read,
                                                                                   "accent", icon_end=True, icon_mirror=True))

    def _toggle_secret(self) -> None:
        self.state["secret_shown"] = not self.state.get("secret_shown")
        self.refresh()

    def _role_read(self) -> None:
        self.state.pop("secret_shown", None)
        self.session.role_read()
        self.refresh()

    # choose: the current player's take of each resource

    def _show_choose(self) -> None:
        tr, theme, session = self.tr, self.ctx.theme, self.session
        game, turn = session.game, session.turn
        self._header(turn, turn)
        self._add(self._text(tr("{name}, how much do you take?").format(name=self.name_of(turn)), "heading", bold=True))
        chosen = session.chosen
        resting = game.resting() == turn
        for resource in game.territory.resources:
            kind = self.game_text.resources[resource.id].kind
            limit = game.limit(turn, resource.id)
            if resource.id in game.collapsed:
                note = tr("Lost: nothing to take.")
            elif resting:
                note = tr("Your turn to rest: you take nothing this round.")
            elif "quota" in game.rules:
                note = tr("Quota: at most {number} a round.").format(number=self.units(resource.id, limit))
            else:
                note = tr("At most {number} a round.").format(number=self.units(resource.id, limit))
            stepper = TakeStepper(icon=self.game_text.resources[resource.id].icon, name=self.resource_name(resource.id),
                                  note=note, value=chosen[resource.id], limit=limit, ink=rgba(KIND_COLOURS[kind]))
            stepper.bind(on_change=lambda s, step, r=resource.id: self._step(r, s, step))
            self.steppers[resource.id] = stepper
            self._add(stepper)
        self._gain = NoteRow(icon="coins", text=self._gain_text(), bold=True, colour=theme.ink)
        self._add(self._gain)
        if "monitoring" in game.rules:
            self._add(NoteRow(icon="eye", text=tr("Monitoring: everyone will see what you took."), role="small"))
        more = turn + 1 < session.players
        label = tr("Confirm and hide my choice") if more and session.secret else tr("Confirm my choice")
        self._add(self.action_button(label, "check", self._confirm, "accent"))

    def _gain_text(self) -> str:
        game, chosen = self.session.game, self.session.chosen
        gain = sum(round(chosen[r.id] * game.prices[r.id]) for r in game.territory.resources)
        return self.tr("This round brings you {coins}.").format(coins=self.coins(gain))

    def _step(self, resource_id: str, stepper: TakeStepper, step: int) -> None:
        """− or +: the stepper's number and the round's gain change in place (the screen is not built again, so the
        press answers in its own frame; a take changes neither the limits nor the territory)."""
        stepper.value = self.session.set_take(resource_id, int(stepper.value) + step)
        self._gain.text = self._gain_text()

    def _confirm(self) -> None:
        record = self.session.confirm()
        if record is not None and self.session.game.over:
            self._report()
        self.refresh()

    # pass: the screen goes to the next player, the last choice hidden

    def _show_pass(self) -> None:
        tr, theme = self.tr, self.ctx.theme
        turn = self.session.turn
        name = in_sentence(self.name_of(turn))   # always inside a sentence here: "Pass the screen to the town hall."
        self._header(turn, turn)
        card = CommonsCard(padding=theme.pad * 2, spacing=theme.space * 3)
        hidden = Icon(name="eye-off", pos_hint={"center_x": 0.5})
        hidden.font_size = theme.icon * 3      # after the kv rule, which sets the usual size
        card.add_widget(hidden)
        card.add_widget(self._text(tr("Your choice is hidden."), "body", tone="muted", halign="center"))
        # one instruction, then the next player's button ("Pass the screen to…" said it a third time)
        card.add_widget(self._text(tr("Your turn: {name}").format(name=name), "heading", bold=True, halign="center",
                                   size_factor=1.2))
        card.add_widget(self.action_button(sentence_start(tr("I am {name}: my turn").format(name=name)), "hand",
                                           self._passed_on, "accent"))
        self._add(Widget(), card)     # centred: room above it, and the panel's room below

    def _passed_on(self) -> None:
        self.session.passed_on()
        self.refresh()

    # result: what the round did to the territory and to each player

    def _show_result(self) -> None:
        tr, theme, session = self.tr, self.ctx.theme, self.session
        game, record = session.game, session.last_round
        self._header(line=self._round_line(record.number))
        self._add(self._text(tr("Results of round {number}").format(number=record.number), "heading", bold=True))
        if record.event is not None:
            event = CommonsCard(background=mix(theme.accent, theme.surface, 0.3))
            event.add_widget(NoteRow(icon="cloud-rain", text=self.text(self.game_text.event_texts[record.event]), bold=True,
                                     colour=theme.ink))
            self._add(event)
        for resource in game.territory.resources:
            if resource.id in record.collapsed:
                line = tr("{resource} is lost: nothing will grow back.").format(resource=self.resource_name(resource.id))
                self._add(NoteRow(icon="ban", text=line, bold=True, colour=theme.danger))
                continue
            self._add(NoteRow(icon=self.game_text.resources[resource.id].icon, text=self._change_line(resource, record),
                              colour=theme.ink))
        shown = "monitoring" in record.rules or not session.secret
        table = CommonsCard()
        table.add_widget(ResultRow(name="", taken=tr("Took") if shown else "", coins=tr("Earned"), header=True))
        for player in range(session.players):
            took = ", ".join(self.units(r, n) for r, n in record.taken[player].items() if n) or "0"
            table.add_widget(ResultRow(name=self.name_of(player), taken=took if shown else "",
                                       coins=self.coins(record.gains[player])))
            if player in record.warned:
                table.add_widget(NoteRow(icon="triangle-alert", text=tr("Warned: more than a fair share."),
                                         role="small", colour=theme.danger))
            if record.fines[player]:
                table.add_widget(NoteRow(icon="gavel", text=tr("Fined {coins}.").format(coins=self.coins(record.fines[player])),
                                         role="small", colour=theme.danger))
        if not shown:
            table.add_widget(self._text(tr("Who took what stays secret: only the total is known."), "small", tone="muted"))
        if "reserve" in record.rules:
            table.add_widget(NoteRow(icon="piggy-bank", text=tr("Shared reserve: {coins}.").format(coins=self.coins(record.reserve)),
                                     role="small", colour=theme.ink))
        self._add(table)
        if self.run_from_the_bar():
            return      # the facilitator's bar leads on: one button for one action
        if game.over:
            self._add(self.action_button(tr("See how it ended"), "chart-line", self._discuss, "accent"))
        else:
            self._add(self.action_button(tr("Talk it over"), "message-square-text", self._discuss, "accent"))

    def _change_line(self, resource, record) -> str:
        """What the round did to a resource: taken, grown back, the event's part, what is left."""
        tr, rid = self.tr, resource.id
        taken = sum(t[rid] for t in record.taken)
        harvested = record.stocks_before[rid] - taken - record.outsider.get(rid, 0)
        grown = resource.regrowth(harvested) if harvested >= resource.threshold else 0
        event = record.stocks_after[rid] - harvested - grown
        values = {"resource": self.resource_name(rid), "taken": self.units(rid, taken), "grown": self.units(rid, grown),
                  "left": self.units(rid, record.stocks_after[rid]), "event": self.units(rid, abs(event))}
        if event < 0:
            line = tr("{resource}: {taken} taken, {grown} grew back, {event} lost to the event, {left} now.")
        elif event > 0:
            line = tr("{resource}: {taken} taken, {grown} grew back, {event} brought by the event, {left} now.")
        else:
            line = tr("{resource}: {taken} taken, {grown} grew back, {left} now.")
        return line.format(**values)

    def _discuss(self) -> None:
        self.session.discuss()
        self.state["talk_left"] = self.game_text.discussion
        self.state.pop("talk_paused", None)
        self.refresh()

    # discuss: a timer and questions to start the talk

    def _show_discuss(self) -> None:
        tr, theme = self.tr, self.ctx.theme
        self._header(line=self._round_line(self.session.last_round.number))
        self._add(self._text(tr("Talk it over"), "heading", bold=True))
        row = MirrorBox(rtl=theme.rtl, size_hint_y=None, height=theme.touch * 2.6, spacing=theme.space * 3)
        self._talk = TalkTimer(total=max(self.game_text.discussion, self.state.get("talk_left", 0)),
                               left=self.state.get("talk_left", self.game_text.discussion),
                               paused=bool(self.state.get("talk_paused")), paused_label=shape_line(tr("Paused").upper()))
        questions = BoxLayout(orientation="vertical", spacing=theme.space * 1.5, size_hint_y=None, pos_hint={"center_y": 0.5})
        questions.bind(minimum_height=questions.setter("height"))
        # as tall as the timer, or as the questions when they wrap more (larger text)
        questions.bind(height=lambda _box, height: setattr(row, "height", max(theme.touch * 2.6, height)))
        for sentence in (tr("Is the territory holding up? How can you tell?"),
                         tr("Did someone take more than the others? Why?"),
                         tr("Would a rule help? Which one?")):
            questions.add_widget(NoteRow(icon="message-square-text", text=sentence, role="small", colour=theme.ink))
        self._talk.pos_hint = {"center_y": 0.5}
        row.add_widget(self._talk)
        row.add_widget(questions)
        self._add(row)
        if not self.run_from_the_bar():    # in a workshop the facilitator's bar holds "+1 min" and "To the vote"
            buttons = MirrorBox(rtl=theme.rtl, size_hint_y=None, height=theme.touch, spacing=theme.space * 2)
            buttons.add_widget(self.action_button(tr("+30 s"), "timer", self._talk_more, "secondary"))
            buttons.add_widget(self.action_button(tr("To the vote"), "vote", self._to_rules, "accent"))
            self._add(buttons)
        self._tick(0)
        self._run_timer()

    def _run_timer(self) -> None:
        """Count the talk down, unless the facilitator paused it or it is over."""
        if self._timer is None and not self.state.get("talk_paused") and self.state.get("talk_left", 0) > 0:
            self._timer = Clock.schedule_interval(self._tick, 1)

    def _tick(self, elapsed: float) -> None:
        left = max(0, self.state.get("talk_left", self.game_text.discussion) - (1 if elapsed else 0))
        self.state["talk_left"] = left
        self._talk.left = left
        self._talk.label = f"{left // 60}:{left % 60:02d}"
        if left <= 0:
            self._stop_timer()
        self.workshop_changed()

    def _talk_more(self, seconds: int = TALK_MORE) -> None:
        self.state["talk_left"] = self.state.get("talk_left", 0) + seconds
        self._talk.total = max(self._talk.total, self.state["talk_left"])
        self._run_timer()
        self._tick(0)

    def _stop_timer(self) -> None:
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None

    def _to_rules(self) -> None:
        self.session.to_rules()
        self._vote = {}
        self.refresh()

    # rules: propose one, then a show of hands

    def rule_name(self, rule: str) -> str:
        tr = self.tr
        return {"quota": tr("Quota"), "rotation": tr("Rotation"), "monitoring": tr("Monitoring"),
                "sanction": tr("Sanctions"), "reserve": tr("Shared reserve")}[rule]

    def rule_text(self, rule: str) -> str:
        tr = self.tr
        return {"quota": tr("Nobody takes more than a set amount a round."),
                "rotation": tr("Each round, one player in turn lets the land rest."),
                "monitoring": tr("Everybody's takes are shown after each round."),
                "sanction": tr("More than a fair share: a warning, then growing fines."),
                "reserve": tr("Part of every gain is kept for hard times, and shared at the end.")}[rule]

    def _show_rules(self) -> None:
        tr, theme, game = self.tr, self.ctx.theme, self.session.game
        if self._vote.get("rule"):
            self._show_vote()
            return
        self.ids.panel.spacing = theme.space * 1.5     # five rules and the way on share the height
        # the round in the heading itself: a line of its own would push the fifth rule out of sight at 1920×1080
        self._add(self._text(tr("Rules for round {number}").format(number=game.round), "heading", bold=True))
        votes = self.session.votes_since_round()
        if votes:
            self._add(self._vote_summary(votes))
        for rule in game.territory.rules:
            in_force = rule in game.rules
            blocked = rule == "sanction" and "monitoring" not in game.rules and not in_force
            row = RuleRow(icon=RULE_ICONS[rule], in_force=in_force,
                          title=self.rule_name(rule) + (" · " + tr("in force") if in_force else ""),
                          text=self._sanction_needs() if blocked else self.rule_text(rule),
                          action="" if blocked else tr("Remove") if in_force else tr("Propose"))
            row.bind(on_propose=lambda _row, r=rule, f=in_force: self._propose(r, f))
            self.rule_rows[rule] = row
            self._add(row)
        if not self.run_from_the_bar():    # in a workshop the facilitator's bar starts the next round
            self._add(self.action_button(tr("Play round {number}").format(number=game.round), "play", self._next_round, "accent"))

    def _sanction_needs(self) -> str:
        """Why sanctions cannot be proposed yet, and what to adopt first (the engine refuses them without monitoring)."""
        return self.tr("Not yet: first adopt {rule}, then propose sanctions. Nobody can fine what nobody sees.").format(
            rule=self.rule_name("monitoring"))

    def _vote_summary(self, votes: list[tuple[str, int, int, bool]]) -> CommonsCard:
        """The votes since the last round, one line each: the rule, the hands for and against, what came of it."""
        tr, theme, players = self.tr, self.ctx.theme, self.session.players
        card = CommonsCard(spacing=theme.space * 0.75, padding=[theme.pad, theme.pad * 0.6])   # the rules still fit
        card.add_widget(self._text(tr("Votes since the last round"), "small", bold=True, tone="muted"))
        for number, (rule, yes, against, repeal) in enumerate(votes, start=1):
            passed = yes * 2 > players
            if repeal:
                line = tr("Drop {rule}: {yes} for, {against} against. Dropped.") if passed else \
                    tr("Drop {rule}: {yes} for, {against} against. It stays.")
            else:
                line = tr("{rule}: {yes} for, {against} against. Adopted.") if passed else \
                    tr("{rule}: {yes} for, {against} against. Not adopted.")
            card.add_widget(NoteRow(icon=RULE_ICONS[rule], text=line.format(rule=self.rule_name(rule), yes=yes,
                                                                            against=against),
                                    role="small", bold=number == len(votes),
                                    colour=theme.success if passed else theme.ink))
        return card

    def _propose(self, rule: str, repeal: bool) -> None:
        defaults = {"quota": max(1, self.session.game.territory.max_take // 2), "reserve": 20, "sanction": 10}
        self._vote = {"rule": rule, "repeal": repeal, "amount": 0 if repeal else defaults.get(rule, 0)}
        self.refresh()

    def _show_vote(self) -> None:
        tr, theme, session = self.tr, self.ctx.theme, self.session
        rule, repeal = self._vote["rule"], self._vote["repeal"]
        heading = tr("Drop the rule: {rule}?") if repeal else tr("Adopt the rule: {rule}?")
        self._add(self._text(heading.format(rule=self.rule_name(rule)), "heading", bold=True),
                  self._text(self.rule_text(rule)))
        if repeal and rule == "monitoring" and "sanction" in session.game.rules:
            self._add(NoteRow(icon="gavel", text=tr("Sanctions go with it: nobody can fine what nobody sees."),
                              role="small", colour=theme.danger))
        if not repeal and rule in ("quota", "reserve", "sanction"):
            sentence = {"quota": tr("At most this many a round, each:"), "reserve": tr("Percent of every gain kept:"),
                        "sanction": tr("The first fine, in coins:")}[rule]
            limit = {"quota": session.game.territory.max_take, "reserve": 50, "sanction": 100}[rule]
            step = {"quota": 1, "reserve": 10, "sanction": 5}[rule]
            self._add(self._text(sentence, bold=True))
            amount = TakeStepper(icon=RULE_ICONS[rule], name=self.rule_name(rule), value=self._vote["amount"],
                                 least=step, limit=limit, ink=theme.ink)
            amount.bind(on_change=lambda s, d: self._set_amount(s, d * step, limit))
            self._add(amount)
        self._add(self._text(tr("Hands up: how many are for it?"), bold=True))
        hands = MirrorBox(rtl=theme.rtl, size_hint_y=None, height=theme.touch, spacing=theme.space * 1.5)
        for count in range(session.players + 1):
            self.hands.append(self.action_button(str(count), "", lambda c=count: self._count_hands(c), "secondary",
                                                 size_hint_x=None, width=theme.touch * 1.2, wrap=False))
            hands.add_widget(self.hands[-1])
        hands.add_widget(Widget())
        self._add(hands, self._text(tr("More than half of the players adopt it, from the next round."), "small",
                                    tone="muted"))
        self._add(self.action_button(tr("Back to the rules"), "chevron-left", self._cancel_vote, "secondary", icon_mirror=True))

    def _set_amount(self, stepper: TakeStepper, change: int, limit: int) -> None:
        self._vote["amount"] = max(1, min(limit, self._vote["amount"] + change))
        stepper.value = self._vote["amount"]

    def _count_hands(self, yes: int) -> None:
        self.session.vote(self._vote["rule"], yes, self._vote["amount"], self._vote["repeal"])
        self._vote = {}             # back to the rules, where the votes' summary shows what came of it
        self.refresh()

    def _cancel_vote(self) -> None:
        self._vote = {}
        self.refresh()

    def _next_round(self) -> None:
        self._vote = {}
        self.session.next_round()
        self.refresh()

    # end: each player's and the group's results, the replay, the debrief

    def _mixed_headline(self, results: dict) -> str:
        """When some resources fell and others did not, the headline names each way ("" when all fell):
        a forest that grew back is not "a poorer territory"."""
        starts, stocks = results["starts"], results["stocks"]
        down = [rid for rid in starts if stocks[rid] < starts[rid]]
        if len(down) == len(starts):
            return ""
        up = [rid for rid in starts if stocks[rid] > starts[rid]]
        names = lambda ids: ", ".join(self.resource_name(rid) for rid in ids)   # noqa: E731
        line = self.tr("Down since the start: {resources}.").format(resources=names(down))
        if up:
            line += " " + self.tr("Up: {resources}.").format(resources=names(up))
        return line

    def _show_end(self) -> None:
        tr, theme, session = self.tr, self.ctx.theme, self.session
        results = session.game.results()
        headline, icon_name, colour = {
            "sustained": (tr("The territory held."), "sprout", theme.success),
            "depleted": (tr("The territory is poorer than at the start."), "trending-down", theme.ink),
            "collapsed": (tr("Part of the territory was lost."), "ban", theme.danger),
        }[results["outcome"]]
        if results["outcome"] == "depleted":
            headline = self._mixed_headline(results) or headline
        self._add(NoteRow(icon=icon_name, text=headline, role="heading", bold=True, colour=colour, scale=1.4))
        gains = CommonsCard(spacing=theme.space)
        best = max(results["gains"]) or 1
        for player, coins in enumerate(results["gains"]):
            gains.add_widget(PlayerBar(name=self.name_of(player), amount=self.coins(coins), share=coins / best))
        together = tr("Together: {coins}, after {rounds} rounds.").format(coins=self.coins(results["total"]),
                                                                          rounds=results["rounds"])
        adopted = ", ".join(self.rule_name(rule) for rule in results["rules"])
        summary = [NoteRow(icon="handshake", text=together, bold=True, colour=theme.ink),
                   self._text(tr("Rules in force at the end: {rules}.").format(rules=adopted) if adopted
                              else tr("No rule was adopted."), "small", tone="muted")]
        self.ids.panel.spacing = theme.space * 1.5      # the end fits without scrolling
        if self._for_a_group():     # the replay beside the question, large, then the results
            for widget in summary:
                gains.add_widget(widget)
            self._add(self._debrief_card(), gains, self.action_button(tr("Play again"), "rotate-ccw", self._again, "accent"))
            return
        if self.portrait:
            for widget in summary:
                gains.add_widget(widget)
            self._add(gains)
        else:       # landscape: the players' results stand under the replay, the group's and the debrief in the panel
            self.ids.picture_side.add_widget(gains)     # (into the panel, under the headline, if the column is short)
            self._beside = [gains]
            self._add(*summary)
        self._add(self._debrief_card(), self.action_button(tr("Play again"), "rotate-ccw", self._again, "accent"))

    def _debrief_card(self) -> CommonsCard:
        """The curator's questions, one at a time: a group talks about one, then turns to the next."""
        tr, theme = self.tr, self.ctx.theme
        questions = self.game_text.debrief
        index = min(self.state.get("debrief", 0), len(questions) - 1)
        large = self._for_a_group()
        card = CommonsCard(spacing=theme.space * (3 if large else 1.5))
        card.add_widget(self._text(tr("Talk about it"), "heading", bold=True, size_factor=1.2 if large else 1))
        card.add_widget(NoteRow(icon="message-square-text", text=self.text(questions[index]), colour=theme.ink,
                                bold=True, role="heading" if large else "body", scale=1.4 if large else 1))
        if len(questions) > 1:
            pager = MirrorBox(rtl=theme.rtl, size_hint_y=None, height=theme.touch, spacing=theme.space * 2)
            back = self.action_button("", "chevron-left", lambda: self._turn_debrief(-1), "secondary", icon_mirror=True,
                                      size_hint_x=None, width=theme.touch, disabled=index == 0)
            back.opacity = 0.35 if index == 0 else 1
            on = self.action_button("", "chevron-right", lambda: self._turn_debrief(1), "secondary", icon_mirror=True,
                                    size_hint_x=None, width=theme.touch, disabled=index + 1 == len(questions))
            on.opacity = 0.35 if index + 1 == len(questions) else 1
            where = self._text(tr("Question {number} of {total}").format(number=index + 1, total=len(questions)),
                               "small", bold=True, tone="muted", halign="center", pos_hint={"center_y": 0.5})
            for widget in (back, where, on):
                pager.add_widget(widget)
            card.add_widget(pager)
        return card

    def _report(self) -> None:
        results, session = self.session.game.results(), self.session
        self.ctx.emit(CommonsPlayed(self.manifest.id, session.players, results["rounds"], session.rules_adopted(),
                                    results["outcome"]))

    def on_parent(self, _widget, parent) -> None:
        if parent is None:
            self._stop_timer()


class PlayerBar(BoxLayout):
    """A player's name, a bar as long as their share of the best result, and their coins."""

    name = StringProperty("")
    amount = StringProperty("")
    share = NumericProperty(0)


class StockChart(BoxLayout):
    """Each resource's stock, round after round: the replay the debrief starts from."""

    def __init__(self, view: CommonsView, **kwargs):
        super().__init__(orientation="vertical", **kwargs)
        self.view = view
        theme = view.ctx.theme
        self.padding, self.spacing = theme.pad, theme.space * 1.5
        with self.canvas.before:
            Color(*theme.surface)
            self._card = RoundedRectangle(radius=[theme.radius])
        self.bind(pos=self._place, size=self._place)
        self.bind(minimum_height=self.setter("size_hint_min_y"))     # never squeezed below its plot's least
        lines = self.series()
        rounds = max(len(points) for points in lines.values()) - 1
        # the rounds played, not a round number: a game cut short on round 2 has played one
        title = view.ctx.ngettext("Each resource, over the round played", "Each resource, over the {number} rounds played",
                                  rounds).format(number=rounds)
        self.add_widget(TextBlock(logical_text=title, role="body", bold=True))
        self.add_widget(TextBlock(logical_text=view.tr("Each line: the stock as a share of its start (100 %)."),
                                  role="small", tone="muted"))
        # the plot keeps a height of its own: a long legend or results beside it never squeeze it away
        self.add_widget(Plot(lines={r: [100 * p / max(1, points[0]) for p in points] for r, points in lines.items()},
                             colours={r: rgba(KIND_COLOURS[view.game_text.resources[r].kind]) for r in lines},
                             theme=theme, size_hint_min_y=theme.touch * (1.3 if view.portrait else 1.6)))   # wide in portrait
        for resource_id, points in lines.items():
            change = view.tr("{start} at the start, {end} at the end").format(
                start=view.units(resource_id, points[0]), end=view.units(resource_id, points[-1]))
            self.add_widget(LegendRow(icon=view.game_text.resources[resource_id].icon, name=view.resource_name(resource_id),
                                      change=change, colour=rgba(KIND_COLOURS[view.game_text.resources[resource_id].kind])))

    def _place(self, *_args) -> None:
        self._card.pos, self._card.size = self.pos, self.size

    def series(self) -> dict[str, list[int]]:
        game = self.view.session.game
        lines = {r.id: [min(r.stock, r.capacity)] for r in game.territory.resources}
        for record in game.history:
            for resource_id, stock in record.stocks_after.items():
                lines[resource_id].append(stock)
        return lines


class LegendRow(MirrorBox):
    icon = StringProperty("")
    name = StringProperty("")
    change = StringProperty("")
    colour = ListProperty([0, 0, 0, 1])


class Plot(Widget):
    """Lines from the start (left; right in right-to-left) to the last round, on a light grid.

    Each line is a resource's stock as a percentage of its start; a dashed line marks 100 %.
    """

    def __init__(self, lines: dict[str, list[float]], colours: dict, theme, **kwargs):
        super().__init__(**kwargs)
        self.lines, self.colours, self.theme = lines, colours, theme
        self._draw = Clock.create_trigger(lambda _dt: self.draw(), -1)
        self.bind(size=self._draw, pos=self._draw)

    def draw(self) -> None:
        self.canvas.clear()
        if self.width < 20 or self.height < 20:
            return
        theme = self.theme
        rounds = max(len(points) for points in self.lines.values()) - 1
        top = max(100, max(max(points) for points in self.lines.values())) * 1.1     # room for the 100 % mark
        rtl = theme.rtl

        def x_at(step: int) -> float:
            share = step / max(1, rounds)
            return self.right - self.width * share if rtl else self.x + self.width * share

        with self.canvas:
            Color(*theme.line)
            for step in range(rounds + 1):
                Line(points=[x_at(step), self.y, x_at(step), self.top], width=1)
            Line(points=[self.x, self.y, self.right, self.y], width=1.5)
            Color(*theme.muted)      # the start's level: 100 %
            hundred = self.y + self.height * 0.92 * 100 / top
            Line(points=[self.x, hundred, self.right, hundred], width=1, dash_length=8, dash_offset=6)
            mark = CoreLabel(text="100 %", font_name=theme.font, font_size=theme.small * 0.8)
            mark.refresh()
            if hundred + mark.texture.height <= self.top:      # named above the line, at the start's side
                Rectangle(texture=mark.texture, size=mark.texture.size,
                          pos=(self.right - mark.texture.width if rtl else self.x, hundred + theme.space * 0.5))
            for resource_id, points in self.lines.items():
                Color(*self.colours[resource_id])
                xy = []
                for step, stock in enumerate(points):
                    xy += [x_at(step), self.y + self.height * 0.92 * stock / top]
                Line(points=xy, width=theme.space * 0.5, joint="round", cap="round")
