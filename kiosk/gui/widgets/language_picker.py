"""The language switch available on every screen: a panel of languages; the visitor keeps their place.

One panel is built per kiosk, ahead of the first visitor, and shown again each time
(``LanguagePicker.open_for(app)``): its names are drawn once, and it opens and closes in one
frame (a 0.1 s fade cost three whole frames, ~0.3 s, under software GL). While it is in use, the
screen beneath is drawn from one picture of it (``BackdropModalView``).
"""

from __future__ import annotations

from pathlib import Path

from kivy.lang import Builder
from kivy.properties import ObjectProperty

from kiosk.gui.theme import Theme
from kiosk.gui.widgets.backdrop import BackdropModalView
from kiosk.gui.widgets.widgets import KioskButton
from kiosk.i18n import language_name

Builder.load_file(str(Path(__file__).with_name("language_picker.kv")))


class LanguagePicker(BackdropModalView):
    app = ObjectProperty(None)
    _shared: "LanguagePicker | None" = None

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.languages = tuple(self.app.content.collection.languages.languages)
        for code in self.languages:
            button = KioskButton(text=language_name(code), font_override=Theme.font_for(code))
            button.language = code
            button.bind(on_release=self._choose)
            self.ids.grid.add_widget(button)
        self.mark_current()

    @classmethod
    def shared(cls, app) -> "LanguagePicker":
        """The kiosk's one panel, built on first use (or again when the content's languages changed)."""
        picker = cls._shared
        if picker is None or picker.app is not app or picker.languages != tuple(app.content.collection.languages.languages):
            picker = cls._shared = cls(app=app)
        return picker

    @classmethod
    def open_for(cls, app) -> "LanguagePicker":
        picker = cls.shared(app)
        picker.mark_current()
        picker.open(animation=False)  # no fade in or out: one frame
        return picker

    def mark_current(self) -> None:
        """The visitor's language is ticked and outlined in the accent; the others are white cards."""
        theme = self.app.theme
        for button in self.ids.grid.children:
            current = button.language == self.app.language
            button.background = theme.surface
            button.foreground = theme.ink
            button.outline = theme.accent if current else theme.line
            button.icon = "check" if current else ""

    def _choose(self, button) -> None:
        self.dismiss(animation=False)
        self.app.set_language(button.language)
