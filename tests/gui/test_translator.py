"""The runtime translator: kv texts follow a switch, and destroyed widgets do not pile up as observers."""

from __future__ import annotations

import gc

from kivy.lang import Builder
from kivy.properties import ObjectProperty
from kivy.uix.label import Label

from kiosk.gui.translator import Translator


class TranslatedLabel(Label):
    tr = ObjectProperty(None, rebind=True)


Builder.load_string("""
<TranslatedLabel>:
    text: self.tr._("Language") if self.tr else ""
""")


def test_switch_updates_kv_texts_and_unbinds_dead_widgets():
    translator = Translator("en")
    label = TranslatedLabel(tr=translator)
    assert label.text == "Language"
    translator.switch("fr")
    assert label.text == "Langue"
    before = translator.observer_count
    for _ in range(200):
        TranslatedLabel(tr=translator)
    gc.collect()
    assert translator.observer_count <= before + 5, "observers of destroyed labels are released"
    translator.switch("de")
    assert label.text == "Sprache"
