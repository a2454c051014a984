"""The language choice: every content language named in its own language (Babel), big targets."""

from __future__ import annotations

from pathlib import Path

from kivy.lang import Builder

from kiosk.gui.screens.base import KioskScreen
from kiosk.gui.theme import Theme
from kiosk.gui.widgets.widgets import KioskButton
from kiosk.i18n import catalog, language_name

Builder.load_file(str(Path(__file__).with_name("language.kv")))


class LanguageScreen(KioskScreen):
    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        policy = self.app.content.collection.languages
        self.ids.heading.logical_text = catalog(policy.default).gettext("Choose your language")
        others = [catalog(code).gettext("Choose your language") for code in policy.languages if code != policy.default]
        self.ids.subheading.logical_text = " · ".join(t for t in others if t and t != self.ids.heading.logical_text and not _is_rtl_text(t))
        for code in policy.languages:
            button = KioskButton(text=language_name(code), font_override=Theme.font_for(code))
            button.height = self.app.theme.touch * 1.15
            button.language = code
            button.bind(on_release=lambda b: self.navigator.start_visit(b.language))
            self.ids.grid.add_widget(button)


def _is_rtl_text(text: str) -> bool:
    return any("\u0590" <= ch <= "\u08ff" for ch in text)
