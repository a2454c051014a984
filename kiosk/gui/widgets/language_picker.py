"""The language switch available on every screen: a panel of languages; the visitor keeps their place.

Under the languages, "Add a second language": content texts are then shown in both, the
interface staying in the first (``app.set_second_language``); "One language only" takes it away.
The start screen opens the panel with that part alone (``open_for(app, second_only=True)``), so
a mixed group can choose both before the visit.

One panel is built per kiosk, ahead of the first visitor, and shown again each time
(``LanguagePicker.open_for(app)``): its names are drawn once, and it opens and closes in one
frame (a 0.1 s fade cost three whole frames, ~0.3 s, under software GL). While it is in use, the
screen beneath is drawn from one picture of it (``BackdropModalView``).
"""

from __future__ import annotations

from pathlib import Path

from kivy.lang import Builder
from kivy.properties import BooleanProperty, ObjectProperty

from kiosk.gui.theme import Theme
from kiosk.gui.widgets.backdrop import BackdropModalView
from kiosk.gui.widgets.widgets import KioskButton
from kiosk.i18n import language_name

Builder.load_file(str(Path(__file__).with_name("language_picker.kv")))


class LanguagePicker(BackdropModalView):
    app = ObjectProperty(None)
    second_only = BooleanProperty(False)   # the second language alone (from the start screen)
    _shared: "LanguagePicker | None" = None

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.languages = tuple(self.app.content.collection.languages.languages)
        for code in self.languages:
            self.ids.grid.add_widget(self._button(code, self._choose))
        second, one = self.ids.second_grid, self.ids.one_language
        second.remove_widget(one)
        for code in self.languages:
            second.add_widget(self._button(code, self._choose_second))
        second.add_widget(one)      # "One language only" last
        self.mark_current()

    @staticmethod
    def _button(code: str, choose) -> KioskButton:
        button = KioskButton(text=language_name(code), font_override=Theme.font_for(code))
        button.language = code
        button.bind(on_release=choose)
        return button

    @classmethod
    def shared(cls, app) -> "LanguagePicker":
        """The kiosk's one panel, built on first use (or again when the content's languages changed)."""
        picker = cls._shared
        if picker is None or picker.app is not app or picker.languages != tuple(app.content.collection.languages.languages):
            picker = cls._shared = cls(app=app)
        return picker

    @classmethod
    def open_for(cls, app, second_only: bool = False) -> "LanguagePicker":
        picker = cls.shared(app)
        picker.second_only = second_only
        picker.mark_current()
        picker.open(animation=False)  # no fade in or out: one frame
        return picker

    def mark_current(self) -> None:
        """The visitor's language is ticked and outlined in the accent; the others are white cards."""
        app = self.app
        # before the visit (second_only) the visitor's language is not chosen yet: any can be the second
        second = app.second_language if self.second_only else app.shown_second
        for button in self.ids.grid.children:
            self._mark(button, button.language == app.language)
        for button in self.second_buttons():
            self._mark(button, button.language == second)
            button.disabled = not self.second_only and button.language == app.language   # not the first one again
            button.opacity = 0.35 if button.disabled else 1
            button.disabled_color = list(self.app.theme.ink)     # its name still read, faded (Kivy's is white)
        self._mark(self.ids.one_language, not second)
        self.ids.one_language.icon = "check" if not second else "x"

    def second_buttons(self) -> list:
        """The second language's buttons (not "One language only"), in reading order."""
        return [button for button in reversed(self.ids.second_grid.children) if hasattr(button, "language")]

    def _mark(self, button, current: bool) -> None:
        theme = self.app.theme
        button.background = theme.surface
        button.foreground = theme.ink
        button.outline = theme.accent if current else theme.line
        button.icon = "check" if current else ""

    def _choose(self, button) -> None:
        self.dismiss(animation=False)
        self.app.set_language(button.language)

    def _choose_second(self, button) -> None:
        self.dismiss(animation=False)
        self.app.set_second_language(getattr(button, "language", ""))
