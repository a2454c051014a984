"""The facilitator's own language: the menu, the PIN pad and the tour bar speak it, whatever the visitor chose.

Set in the menu (``settings.facilitator_language``, French by default) and kept with the
other settings. The visitor screens keep the visitor's language; only the facilitator's
widgets read this one. In kv::

    TextBlock:
        logical_text: app.facilitator_language.tr._("Facilitator menu")
        font_override: app.facilitator_language.font
    MirrorBox:
        rtl: app.facilitator_language.rtl
"""

from __future__ import annotations

from kivy.event import EventDispatcher
from kivy.properties import BooleanProperty, StringProperty

from kiosk.gui.theme import Theme
from kiosk.gui.translator import Translator
from kiosk.i18n import catalog
from kiosk.render.bidi import is_rtl


class FacilitatorLanguage(EventDispatcher):
    language = StringProperty("fr")
    rtl = BooleanProperty(False)       # the menu mirrors (Arabic)
    font = StringProperty("Kiosk")     # the font that has its letters

    def __init__(self, language: str = "fr", **kwargs):
        super().__init__(**kwargs)
        self.tr = Translator(language)  # kv rules on `tr._(...)` follow a switch
        self.use(language)

    def use(self, language: str) -> None:
        self.tr.switch(language)
        self.language, self.rtl, self.font = language, is_rtl(language), Theme.font_for(language)

    def gettext(self, text: str) -> str:
        return self.tr._(text)

    def ngettext(self, singular: str, plural: str, count: int) -> str:
        return catalog(self.language).ngettext(singular, plural, count)
