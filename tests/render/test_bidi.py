"""Right-to-left text is wrapped in logical order, then each line is joined and reordered for display."""

from __future__ import annotations

import arabic_reshaper
import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.render.bidi import LRM, RTL_LANGUAGES, has_rtl, is_rtl, keep_left_to_right, shape_line, wrap_and_shape

MUSEUM = "متحف الرأسمالية"
FOUNDED = "تأسست أول جمعية سنة 2001 في فرنسا"
AMAP = "نظام AMAP للزراعة"


def visual(word: str) -> str:
    """How one Arabic word reads in a visual (left-to-right) string: joined, then reversed."""
    return arabic_reshaper.reshape(word)[::-1]


def char_count(text: str) -> int:
    return len(text)


# Languages

@pytest.mark.parametrize("language", ["ar", "fa", "he", "ur", "ar_EG", "fa-IR", "AR"])
def test_right_to_left_languages(language):
    assert is_rtl(language)


@pytest.mark.parametrize("language", ["fr", "en", "de_DE", "", "arn", "en_US"])
def test_left_to_right_languages(language):
    assert not is_rtl(language)


def test_rtl_languages_are_the_four_expected():
    assert RTL_LANGUAGES == {"ar", "fa", "he", "ur"}


# One line

@pytest.mark.parametrize("text", ["", "Musée du Kapitalisme", "Founded in 2001 (AMAP).", "  spaced  "])
def test_left_to_right_text_is_untouched(text):
    assert not has_rtl(text)
    assert shape_line(text) is text


def test_arabic_letters_are_joined_and_reversed():
    shaped = shape_line(MUSEUM)
    assert shaped == f"{visual('الرأسمالية')} {visual('متحف')}"
    assert not any("\u0600" <= char <= "\u06ff" for char in shaped)  # only presentation forms


def test_digits_keep_their_reading_order():
    shaped = shape_line(FOUNDED)
    assert "2001" in shaped and "1002" not in shaped
    words = shaped.split(" ")
    assert words[0] == visual("فرنسا")  # the last logical word is drawn leftmost
    assert words[-1] == visual("تأسست")
    assert words.index("2001") == 2  # between "في" and "سنة", as read right to left


def test_latin_word_keeps_its_reading_order():
    shaped = shape_line(AMAP)
    assert shaped == f"{visual('للزراعة')} AMAP {visual('نظام')}"


@pytest.mark.parametrize(("text", "run", "before", "after"), [
    ("احفظ الملف في /tmp/kiosk/health.json. ثم", "/tmp/kiosk/health.json", ".", "في"),
    ("شغّل 'kiosk validate /srv/musee': يذكر", "'kiosk validate /srv/musee'", ":", "شغّل"),
    ("اضبط الوقت: sudo date -s 'YYYY-MM-DD HH:MM'، أو", "sudo date -s 'YYYY-MM-DD HH:MM'", "،", ":"),
    ("حالة musee-kiosk: failed.", "musee-kiosk: failed", ".", "حالة"),
    ("تُرسم برمجيًا (llvmpipe (LLVM 15.0.6, 256 bits)): تستجيب", "llvmpipe (LLVM 15.0.6, 256 bits)", ":(", ")"),
])
def test_a_path_or_a_command_inside_arabic_keeps_its_edges_and_the_sentence_its_punctuation(text, run, before, after):
    """Read right to left: the Arabic word before the run, the run whole (its leading "/" and its quotes
    included), then the punctuation that follows it in the sentence; no mark is left in what is drawn."""
    shaped = shape_line(text)
    assert run in shaped, shaped
    start = shaped.index(run)
    left, right = shaped[:start].rstrip(" "), shaped[start + len(run):].lstrip(" ")
    assert left.endswith(before), "the sentence's punctuation after the run is drawn to its left"
    assert right.startswith(arabic_reshaper.reshape(after)[::-1] if has_rtl(after) else after)
    assert "\u200e" not in shaped


@pytest.mark.parametrize("text", ["خريطة البدائل القريبة منك (Transiscope) (بالفرنسية)",
                                  "(Transiscope) (بالفرنسية)", "تجمّع (Collectif pour une Transition Citoyenne) (بالفرنسية)"])
def test_a_bracketed_latin_name_then_a_bracketed_arabic_word_keep_their_own_brackets(text):
    """A QR card's label and its language notice: each bracket pair stays around its own words, also
    on a wrapped line that starts with the Latin name (a visitor saw "() (Transiscopeبالفرنسية")."""
    name = text[text.index("(") + 1:text.index(")")]
    shaped = shape_line(text)
    assert f"({name})" in shaped, shaped
    assert f"({visual('بالفرنسية')})" in shaped, shaped
    assert "()" not in shaped


def test_line_starting_with_a_latin_word_is_still_right_to_left():
    assert shape_line("AMAP هو نظام").endswith("AMAP")


def test_brackets_are_mirrored_to_read_correctly():
    assert shape_line("(نظام)") == f"({visual('نظام')})"


def test_arabic_indic_digits_keep_their_order():
    assert "٢٠٠١" in shape_line("سنة ٢٠٠١")


# Wrapping

PARAGRAPH = "أول ثاني ثالث رابع خامس سادس سابع ثامن تاسع عاشر"


def test_wrap_respects_the_width_of_the_measure():
    shaped = wrap_and_shape(PARAGRAPH, 15, char_count)
    lines = shaped.split("\n")
    assert len(lines) >= 3
    assert all(len(line) <= 15 for line in lines)


def test_first_logical_line_comes_first():
    shaped = wrap_and_shape(PARAGRAPH, 15, char_count)
    expected = ["أول ثاني ثالث", "رابع خامس سادس", "سابع ثامن تاسع", "عاشر"]
    assert shaped.split("\n") == [shape_line(line) for line in expected]
    assert shaped.split("\n")[0].endswith(visual("أول"))  # first word at the right end, top line


def test_wrap_keeps_digits_and_latin_words_readable():
    shaped = wrap_and_shape(f"{FOUNDED} {AMAP}", 25, char_count)
    assert "2001" in shaped and "AMAP" in shaped
    assert "1002" not in shaped and "PAMA" not in shaped


def test_explicit_newlines_and_empty_lines_are_kept():
    shaped = wrap_and_shape(f"{MUSEUM}\n\n{AMAP}", 100, char_count)
    assert shaped.split("\n") == [shape_line(MUSEUM), "", shape_line(AMAP)]


def test_a_word_wider_than_the_width_gets_its_own_line():
    assert wrap_and_shape("a bbbbbbbb c", 3, char_count).split("\n") == ["a", "bbbbbbbb", "c"]


def test_measure_is_given_the_shaped_line():
    seen = []

    def measure(text):
        seen.append(text)
        return 0

    assert wrap_and_shape(MUSEUM, 100, measure) == shape_line(MUSEUM)
    assert seen == [shape_line(MUSEUM)]


def test_left_to_right_paragraph_is_only_wrapped():
    text = "The first workers' cooperative\nopened in 1844 in Rochdale."
    assert wrap_and_shape(text, 20, char_count).split("\n") == [
        "The first workers'", "cooperative", "opened in 1844 in", "Rochdale."]


@given(st.lists(st.text(alphabet="abcxyz0123", min_size=1, max_size=8), max_size=30),
       st.integers(min_value=1, max_value=40))
def test_latin_wrapping_keeps_every_word_in_order(words, width):
    lines = wrap_and_shape(" ".join(words), width, char_count).split("\n")
    assert " ".join(lines).split() == words
    assert all(len(line) <= width or " " not in line for line in lines)


def test_an_accented_latin_name_is_one_run():
    assert keep_left_to_right("جمعية Emmaüs في") == f"جمعية {LRM}Emmaüs{LRM} في"
    assert shape_line("جمعية Emmaüs (France) تأسست.") == f".{visual('تأسست')} Emmaüs (France) {visual('جمعية')}"
