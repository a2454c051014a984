"""The language switch available on every screen: a panel of languages; the visitor keeps their place."""

from __future__ import annotations

from pathlib import Path

from kivy.lang import Builder
from kivy.properties import ObjectProperty
from kivy.uix.modalview import ModalView

from kiosk.gui.theme import Theme
from kiosk.gui.widgets.widgets import KioskButton
from kiosk.i18n import language_name

Builder.load_file(str(Path(__file__).with_name("language_picker.kv")))


class LanguagePicker(ModalView):
    app = ObjectProperty(None)

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        for code in self.app.content.collection.languages.languages:
            current = code == self.app.language
            button = KioskButton(text=language_name(code), font_override=Theme.font_for(code),
                                 background=self.app.theme.ink if current else self.app.theme.muted)
            button.language = code
            button.bind(on_release=self._choose)
            self.ids.grid.add_widget(button)

    def _choose(self, button) -> None:
        self.dismiss()
        self.app.set_language(button.language)
