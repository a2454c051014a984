"""The facilitator's bar during a guided tour or a workshop: a strip of its own at the bottom.

Previous and next step, the step's countdown (it shows the overtime once it runs out),
the notes and discussion prompts that only the facilitator opens, and "show results"
when the step is a poll. When the step is a game, a second row runs it (the game view's
workshop API, :class:`kiosk.gui.widgets.exhibit_view.WorkshopControls`): the phase the
group is in, the discussion timer (pause, start, a minute more), the next phase, and the
debrief shown to the group; the players' own buttons keep working meanwhile. The group sees the exhibit; the bar stays out of its way: the
screens above are shortened by its height (``KioskRoot.bar_room``), so it never covers an
exhibit's controls. It speaks the facilitator's language (``app.facilitator_language``).
"""

from __future__ import annotations

from pathlib import Path

from kivy.clock import Clock
from kivy.lang import Builder
from kivy.properties import BooleanProperty, ObjectProperty, StringProperty
from kivy.uix.boxlayout import BoxLayout

from kiosk.facilitator.guided_paths import clock_text
from kiosk.gui.theme import Theme
from kiosk.gui.widgets.widgets import TextBlock
from kiosk.render.bidi import has_rtl

Builder.load_file(str(Path(__file__).with_name("facilitator_bar.kv")))


class FacilitatorBar(BoxLayout):
    app = ObjectProperty(None)
    step_label = StringProperty("")
    timer = StringProperty("")
    overtime = BooleanProperty(False)
    notes_open = BooleanProperty(False)
    poll = BooleanProperty(False)
    revealed = BooleanProperty(False)
    is_first = BooleanProperty(True)
    is_last = BooleanProperty(True)
    game = BooleanProperty(False)          # the step shows a game: its row is shown
    game_phase = StringProperty("")        # in the facilitator's language
    game_next = StringProperty("")
    game_timer = StringProperty("")        # "" when the phase has no timer
    game_running = BooleanProperty(False)
    game_debrief = BooleanProperty(False)
    game_stacked = BooleanProperty(False)  # the game's actions on a line of their own: they do not fit beside the phase

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self._game_view = None      # the game view whose changes the bar follows
        self._arrange_soon = Clock.create_trigger(self._arrange_game)
        self.bind(width=self._arrange_soon)
        for name in ("game_timer", "game_more", "game_next", "game_debrief"):
            self.ids[name].bind(width=self._arrange_soon)

    def _arrange_game(self, *_args) -> None:
        """The next-phase and debrief buttons at the end of the phase's line, or on a second line when the
        line is too narrow for them and the phase's name (portrait, a long caption)."""
        ids, theme = self.ids, self.app.theme
        shown = [ids[name] for name in ("game_timer", "game_more", "game_next", "game_debrief") if ids[name].width]
        needed = sum(b.width + theme.space * 1.5 for b in shown) + theme.icon * 1.2 + theme.touch * 2 + theme.space * 6
        self.game_stacked = needed > self.width
        line = ids.game_actions if self.game_stacked else ids.game_line
        for button in (ids.game_next, ids.game_debrief):
            if button.parent is not line:
                button.parent.remove_widget(button)
                line.add_widget(button)

    def refresh(self) -> None:
        guided = self.app.facilitator.guided.session if self.app else None
        if guided is None:
            return
        self.step_label = f"{guided.index + 1}/{guided.count}"
        self.is_first, self.is_last = guided.is_first, guided.is_last
        poll = self.app.facilitator.guided.current_poll()
        self.poll, self.revealed = poll is not None, self.app.facilitator.guided.group.is_revealed(poll)
        self.tick()
        self.refresh_game()
        if self.notes_open:
            self._fill_notes()

    def tick(self) -> None:
        remaining = self.app.facilitator.guided.remaining() if self.app else None
        if remaining is None:
            return
        self.timer, self.overtime = clock_text(remaining), remaining < 0
        if self.app.facilitator.guided.game() is not self._game_view:
            self.refresh_game()     # the group went to or from a game by its own taps

    def refresh_game(self, *_args) -> None:
        """The game row: what the game on screen offers now, in the facilitator's language."""
        guided, tr = self.app.facilitator.guided, self.app.facilitator_gettext
        view = guided.game()
        if view is not self._game_view:
            if self._game_view is not None:
                self._game_view.unbind(on_workshop=self.refresh_game)
            if view is not None:
                view.bind(on_workshop=self.refresh_game)
            self._game_view = view
        controls = view.workshop_controls() if view is not None else None
        self.game = controls is not None
        if controls is None:
            return
        self.game_phase = tr(controls.phase)
        self.game_next = tr(controls.next_phase) if controls.next_phase else ""
        self.game_timer = "" if controls.timer is None else clock_text(controls.timer)
        self.game_running, self.game_debrief = controls.timer_running, controls.debrief

    def run_game(self, verb: str) -> None:
        self.app.facilitator.guided.run_game(verb)
        self.refresh_game()

    def toggle_notes(self) -> None:
        self.notes_open = not self.notes_open
        if self.notes_open:
            self._fill_notes()

    def toggle_results(self) -> None:
        self.app.facilitator.guided.reveal_results(not self.revealed)
        self.refresh()

    def _fill_notes(self) -> None:
        guided, text, tr = self.app.facilitator.guided.session, self.app.facilitator_text, self.app.facilitator_gettext
        box = self.ids.notes
        box.clear_widgets()
        step = guided.step
        title = text(step.title) if step.title else text(self.app.content.exhibit(step.exhibit).title)
        minutes = tr("{minutes} min").format(minutes=int(step.minutes))
        self._note(f"{guided.index + 1}. {title} · {minutes}", role="heading", bold=True)
        self._note(text(step.notes))
        self._note(tr("To discuss"), bold=True, tone="accent")
        for prompt in step.prompts:
            self._note("• " + text(prompt))

    def _note(self, text: str, role: str = "body", bold: bool = False, tone: str = "white") -> None:
        """A line of the notes. Notes are written in French or English: a text with no Arabic letter is drawn
        in the Latin font, at its own line height, even when the menu speaks Arabic."""
        font = self.app.facilitator_language.font if has_rtl(text) else Theme.font_for("fr")
        self.ids.notes.add_widget(TextBlock(logical_text=text, role=role, bold=bold, tone=tone, font_override=font))
