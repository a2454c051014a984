"""The language choice: every content language named in its own language (Babel), big targets.

"Choose your language" is said in every language of the exhibition, and each card invites
in its own language ("Commencer la visite", "ابدأ الزيارة"), so nobody needs to read French
to begin.

Above them, "Add a second language" opens the language panel's second part: a mixed group (a
French-speaking parent, a grandparent who reads Arabic) chooses both before the visit; the
button then shows the second language's name.
"""

from __future__ import annotations

from pathlib import Path

from kivy.lang import Builder
from kivy.properties import StringProperty
from kivy.uix.behaviors import ButtonBehavior
from kivy.uix.boxlayout import BoxLayout

from kiosk.gui.screens.base import KioskScreen
from kiosk.gui.theme import Theme
from kiosk.i18n import catalog, language_name
from kiosk.render.bidi import has_rtl, is_rtl, shape_line

Builder.load_file(str(Path(__file__).with_name("language.kv")))


class LanguageCard(ButtonBehavior, BoxLayout):
    """One language: its name and an invitation to start, both in that language."""

    language = StringProperty("")
    name = StringProperty("")
    invitation = StringProperty("")
    font = StringProperty("Kiosk")


class LanguageScreen(KioskScreen):
    second_label = StringProperty("")   # "Add a second language", or the second language's name
    second_font = StringProperty("")

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.app.bind(second_language=self._show_second, language=self._show_second)   # methods: bound weakly
        self._show_second()
        policy = self.app.content.collection.languages
        heading = catalog(policy.default).gettext("Choose your language")
        self.ids.heading.logical_text = heading
        others = [catalog(code).gettext("Choose your language") for code in policy.languages if code != policy.default]
        others = [text for text in dict.fromkeys(others) if text and text != heading]
        self.ids.subheading.logical_text = " · ".join(t for t in others if not has_rtl(t))
        self.ids.subheading_rtl.logical_text = " · ".join(t for t in others if has_rtl(t))
        self.ids.subheading_rtl.font_override = "KioskArabic"
        for code in policy.languages:
            name = language_name(code)
            invitation = catalog(code).gettext("Start the visit")
            card = LanguageCard(language=code, font=Theme.font_for(code),
                                name=shape_line(name) if has_rtl(name) else name,
                                invitation=shape_line(invitation) if has_rtl(invitation) else invitation)
            card.bind(on_release=lambda c: self.navigator.start_visit(c.language))
            self.ids.grid.add_widget(card)

    def _show_second(self, *_args) -> None:
        second = self.app.second_language
        self.second_label = (self.app.gettext("Second language: {language}").format(language=language_name(second))
                             if second else self.app.gettext("Add a second language"))
        # the Arabic font (which has Latin letters too) when the name is Arabic; otherwise the visitor's
        self.second_font = Theme.font_for(second) if second and is_rtl(second) else ""

    def choose_second_language(self) -> None:
        from kiosk.gui.widgets.language_picker import LanguagePicker   # as the other screens do: on first use
        LanguagePicker.open_for(self.app, second_only=True)
