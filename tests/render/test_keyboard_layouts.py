"""The on-screen keyboard's layouts, without a window: one per content language, every letter reachable, rows that fit."""

from __future__ import annotations

import pytest

from kiosk.render.keyboard_layouts import LAYOUTS, ROW_UNITS, layout_for, row_units
from kiosk.render.typing_rules import BACKSPACE, LAYER, LAYOUT, SHIFT, SPACE, SUBMIT, apply_key, shown

#: The letters each language needs, and the layout a visitor reading it starts on.
NEEDS = {
    "fr": ("azerty", "azertyuiopqsdfghjklmwxcvbnéèêëàâùûüçôöîïœæ'-"),
    "en": ("qwerty", "abcdefghijklmnopqrstuvwxyz'-"),
    "nl": ("qwerty", "abcdefghijklmnopqrstuvwxyzéëïöü'-"),
    "de": ("qwertz", "abcdefghijklmnopqrstuvwxyzäöüß"),
    "es": ("es", "abcdefghijklmnopqrstuvwxyzñáéíóúü¿¡"),
    "ar": ("ar", "ابتثجحخدذرزسشصضطظعغفقكلمنهويءأإآؤئىة،؟"),
}


@pytest.mark.parametrize("language", sorted(NEEDS))
def test_each_language_starts_on_its_layout_and_can_type_its_letters(language):
    name, letters = NEEDS[language]
    layout = layout_for(language)
    assert layout.name == name
    keys = set(layout.keys("letters")) | set(layout.keys("symbols"))
    assert set(letters) <= keys, set(letters) - keys


def test_other_languages_and_spellings():
    assert layout_for("de_AT").name == "qwertz" and layout_for("AR").name == "ar" and layout_for("fr-BE").name == "azerty"
    assert layout_for("it").name == "qwerty" and layout_for("").name == "qwerty"


@pytest.mark.parametrize("name", sorted(LAYOUTS))
def test_every_layout_has_its_special_keys_and_fits(name):
    layout = LAYOUTS[name]
    for layer in ("letters", "symbols"):
        keys = layout.keys(layer)
        assert {BACKSPACE, SPACE, LAYER, LAYOUT, SUBMIT} <= set(keys)
        assert (SHIFT in keys) == layout.capitals, "a shift key exactly where there are capitals"
        assert len(keys) == len(set(keys)), "no key twice on a layer"
        assert set("0123456789") <= set(layout.keys("symbols"))
    for row in [*layout.letters, *layout.symbols]:
        assert row_units(row) <= ROW_UNITS, row
    assert layout.label and layout.short


def test_arabic_is_right_to_left_and_types_its_ligature():
    arabic = LAYOUTS["ar"]
    assert arabic.rtl and not arabic.capitals
    assert apply_key("", "لا") == "لا"
    assert apply_key("a" * 199, "لا", max_length=200) == "a" * 199, "a ligature does not cross the length limit"
    assert shown("ش", "once") == "ش"
    assert [layout.name for layout in LAYOUTS.values() if layout.rtl] == ["ar"]


def test_capitals_stay_one_letter():
    assert shown("ß", "once") == "ß" and shown("ñ", "lock") == "Ñ" and shown("ü", "once") == "Ü"
