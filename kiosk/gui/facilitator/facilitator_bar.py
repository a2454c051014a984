"""The facilitator's bar during a guided tour or a workshop: a strip of its own at the bottom.

Previous and next step, the step's countdown (it shows the overtime once it runs out),
the notes and discussion prompts that only the facilitator opens, and "show results"
when the step is a poll. The group sees the exhibit; the bar stays out of its way: the
screens above are shortened by its height (``KioskRoot.bar_room``), so it never covers an
exhibit's controls. It speaks the facilitator's language (``app.facilitator_language``).
"""

from __future__ import annotations

from pathlib import Path

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

    def refresh(self) -> None:
        guided = self.app.facilitator.guided.session if self.app else None
        if guided is None:
            return
        self.step_label = f"{guided.index + 1}/{guided.count}"
        self.is_first, self.is_last = guided.is_first, guided.is_last
        poll = self.app.facilitator.guided.current_poll()
        self.poll, self.revealed = poll is not None, self.app.facilitator.guided.group.is_revealed(poll)
        self.tick()
        if self.notes_open:
            self._fill_notes()

    def tick(self) -> None:
        remaining = self.app.facilitator.guided.remaining() if self.app else None
        if remaining is None:
            return
        self.timer, self.overtime = clock_text(remaining), remaining < 0

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
