"""The on-screen keyboard's typing rules, without a window: length limit, shift, spaces, backspace."""

from __future__ import annotations

import pytest

from kiosk.render.typing_rules import (
    BACKSPACE,
    LAYER,
    LAYOUT,
    SHIFT,
    SPACE,
    SUBMIT,
    apply_key,
    finished,
    fit,
    is_letter,
    other_layer,
    shift_after_key,
    shift_after_tap,
    shown,
)


def type_keys(keys, text: str = "", shift: str = "off", max_length: int = 200) -> tuple[str, str]:
    """Press ``keys`` one after the other, as the keyboard does; returns (text, shift)."""
    for key in keys:
        if key == SHIFT:
            shift = shift_after_tap(shift)
            continue
        text = apply_key(text, key, shift, max_length)
        shift = shift_after_key(shift, key)
    return text, shift


def test_letters_and_punctuation_are_appended():
    assert apply_key("ça march", "e") == "ça marche"
    assert apply_key("ça marche", "!") == "ça marche!"
    assert apply_key("", "€") == "€"


def test_shift_capitalises_the_next_letter_only():
    text, shift = type_keys([SHIFT, "c", "r", "è"])
    assert (text, shift) == ("Crè", "off")


@pytest.mark.parametrize("key, capital", [("œ", "Œ"), ("ç", "Ç"), ("é", "É"), ("æ", "Æ"), ("ù", "Ù"), ("ï", "Ï")])
def test_shift_gives_french_capitals(key, capital):
    assert apply_key("", key, shift="once") == capital


def test_shift_waits_for_a_letter_and_leaves_digits_and_punctuation_alone():
    text, shift = type_keys([SHIFT, "!", "2", " ", SPACE])
    assert (text, shift) == ("!2 ", "once")
    assert type_keys(["o"], text, shift) == ("!2 O", "off")


def test_caps_lock_stays_until_shift_is_touched_again():
    shift = shift_after_tap(shift_after_tap("off"), double_tap=True)
    assert shift == "lock"
    text, shift = type_keys(["o", "k"], shift=shift)
    assert (text, shift) == ("OK", "lock")
    assert shift_after_tap(shift) == "off"


def test_shift_tapped_twice_slowly_turns_off():
    assert shift_after_tap(shift_after_tap("off")) == "off"


def test_max_length_ignores_extra_keys_but_not_backspace():
    text, _ = type_keys("abcdefg", max_length=5)
    assert text == "abcde"
    assert apply_key(text, SPACE, max_length=5) == "abcde"
    assert apply_key(text, BACKSPACE, max_length=5) == "abcd"


def test_no_leading_space_and_no_double_space():
    assert apply_key("", SPACE) == ""
    assert apply_key("", " ") == ""
    assert apply_key("ça", SPACE) == "ça "
    assert apply_key("ça ", SPACE) == "ça "


def test_backspace_removes_one_character_and_is_harmless_when_empty():
    assert apply_key("Œuvre", BACKSPACE) == "Œuvr"
    assert apply_key("", BACKSPACE) == ""


@pytest.mark.parametrize("key", [SHIFT, LAYER, LAYOUT, SUBMIT, ""])
def test_keys_that_type_nothing(key):
    assert apply_key("texte", key) == "texte"


def test_the_sentence_of_the_ui_test():
    keys = [SHIFT, *"crèche", SPACE, *"coopérative,", SPACE, *"ça", SPACE, *"marche", SPACE, "!", SPACE,
            SHIFT, *"œuvre", SPACE, *"2026"]
    assert type_keys(keys) == ("Crèche coopérative, ça marche ! Œuvre 2026", "off")


def test_fit_holds_text_from_outside_to_the_same_rules():
    assert fit("  Lyon   Part-Dieu ", 200) == "Lyon Part-Dieu "
    assert fit("Saint-Étienne", 5) == "Saint"
    assert fit("a\tb\nc", 200) == "a b c"


def test_submitted_text_has_no_trailing_space():
    assert finished("Montreuil ") == "Montreuil"
    assert finished("") == ""


def test_helpers():
    assert is_letter("œ") and is_letter("É") and not is_letter("2") and not is_letter("€") and not is_letter(SPACE)
    assert shown("ç", "lock") == "Ç" and shown("ç", "off") == "ç" and shown("-", "once") == "-"
    assert other_layer("letters") == "symbols" and other_layer("symbols") == "letters"
