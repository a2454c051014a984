"""The on-screen keyboard in the real kiosk: a visitor types by touch in each layout, sees the text, submits it once."""

from __future__ import annotations

import time

import pytest
from kivy.core.window import Window
from kivy.metrics import dp
from kivy.tests.common import UnitTestTouch
from kivy.uix.boxlayout import BoxLayout
from kivy.uix.widget import Widget

from kiosk.gui.widgets.keyboard import KeyboardKey, TextEntry
from kiosk.render import typing_rules as rules
from kiosk.render.bidi import shape_line
from kiosk.render.keyboard_layouts import LAYOUTS

SENTENCE = "Crèche coopérative, ça marche ! Œuvre 2026"


class Panel(BoxLayout):
    """Holds the entry over the current screen and keeps every touch from the screen below."""

    def on_touch_down(self, touch):
        super().on_touch_down(touch)
        return True

    def on_touch_up(self, touch):
        super().on_touch_up(touch)
        return True


@pytest.fixture
def entry(fresh):
    """A TextEntry across the bottom of the window, inside the kiosk's root (touches there count as activity)."""
    kiosk = fresh
    entry = TextEntry(hint="Votre idée pour un autre monde")
    panel = Panel(orientation="vertical")
    panel.add_widget(Widget())
    panel.add_widget(entry)
    kiosk.app.root_widget.add_widget(panel)
    kiosk.settle()
    yield entry
    kiosk.app.root_widget.remove_widget(panel)
    kiosk.settle()


def key(kiosk, entry, label: str) -> KeyboardKey:
    """The visible key showing exactly ``label``, or the special key of that name (``rules.SHIFT``)."""
    keys = [w for w in kiosk.widgets(entry) if isinstance(w, KeyboardKey)
            and (w.key == label if label in rules.SPECIAL_KEYS else w.text == label)]
    assert len(keys) == 1, f"{label!r}: {[k.text for k in kiosk.widgets(entry) if isinstance(k, KeyboardKey)]}"
    return keys[0]


def tap(kiosk, entry, *labels: str) -> None:
    for label in labels:
        kiosk.tap(key(kiosk, entry, label))


def type_word(kiosk, entry, word: str) -> None:
    for character in word:
        if character.isupper():
            tap(kiosk, entry, rules.SHIFT)
        tap(kiosk, entry, character)
    assert entry.ids.keyboard.shift == "off"


def test_typing_a_french_sentence_by_touch(kiosk, entry):
    space = rules.SPACE
    type_word(kiosk, entry, "Crèche")
    tap(kiosk, entry, space)
    type_word(kiosk, entry, "coopérative,")
    tap(kiosk, entry, space, "ç", "a", space)
    type_word(kiosk, entry, "marche")
    tap(kiosk, entry, space, "!", space)
    type_word(kiosk, entry, "Œuvre")
    tap(kiosk, entry, space, rules.LAYER, "2", "0", "2", "6", rules.LAYER)
    assert entry.text == SENTENCE
    kiosk.find_text(SENTENCE, root=entry)
    kiosk.find_text(f"{len(SENTENCE)}/200", root=entry)


def test_spaces_never_lead_or_double(kiosk, entry):
    space = rules.SPACE
    tap(kiosk, entry, space, "a", space, space, "b")
    assert entry.text == "a b"


def test_max_length_ignores_extra_keys(kiosk, entry):
    entry.max_length = 3
    kiosk.settle()
    tap(kiosk, entry, *"azer")
    assert entry.text == "aze"
    kiosk.find_text("3/3", root=entry)


def test_text_set_from_outside_follows_the_same_rules(kiosk, entry):
    entry.text = "  Lyon   " + "x" * 300
    kiosk.settle()
    assert entry.text == "Lyon " + "x" * 195
    assert entry.ids.keyboard.text == entry.text
    kiosk.find_text("200/200", root=entry)


def test_backspace_removes_one_character(kiosk, entry):
    delete = rules.BACKSPACE
    tap(kiosk, entry, "o", "u", delete)
    assert entry.text == "o"
    tap(kiosk, entry, delete, delete)
    assert entry.text == ""
    kiosk.find_text(entry.hint, root=entry)


def test_holding_backspace_repeats_until_the_finger_lifts(kiosk, entry):
    entry.text = "Montreuil-sous-Bois"
    delete = key(kiosk, entry, rules.BACKSPACE)
    touch = UnitTestTouch(*delete.to_window(*delete.center))
    touch.touch_down()
    deadline = time.monotonic() + 30
    while len(entry.text) > 15 and time.monotonic() < deadline:
        kiosk.frames(1)
    touch.touch_up()
    kiosk.settle()
    assert len(entry.text) <= 15, "a held backspace deletes more than one character"
    left = entry.text
    kiosk.frames(20)
    assert entry.text == left, "and stops when the finger is lifted"


def test_double_tap_on_shift_locks_capitals(kiosk, entry):
    shift = key(kiosk, entry, rules.SHIFT)
    kiosk.double_tap_at(*shift.to_window(*shift.center))
    assert entry.ids.keyboard.shift == "lock"
    tap(kiosk, entry, "L", "Y")
    assert entry.text == "LY"
    tap(kiosk, entry, rules.SHIFT, "o")
    assert entry.text == "LYo"


def test_submit_fires_once_with_the_text(kiosk, entry):
    submitted = []
    entry.bind(on_submit=lambda _entry, text: submitted.append(text))
    type_word(kiosk, entry, "Lyon")
    tap(kiosk, entry, rules.SPACE, rules.SUBMIT)
    assert submitted == ["Lyon"]
    entry.clear()
    assert entry.text == "" and entry.ids.keyboard.layer == "letters"


def test_keys_stay_letters_when_the_kiosk_speaks_arabic(kiosk, entry):
    app = kiosk.app
    app.set_language("ar")
    try:
        kiosk.settle()
        letter = key(kiosk, entry, "a")
        assert letter.font_name == "Kiosk"
        keyboard = entry.ids.keyboard
        keyboard.submit_label = "إرسال"
        kiosk.settle()
        submit = next(w for w in kiosk.widgets(entry) if isinstance(w, KeyboardKey) and w.key == "submit")
        assert submit.font_name == "KioskArabic"
        assert submit.text != "إرسال" and any("\ufe70" <= ch <= "\ufeff" for ch in submit.text), "joined letters"
        assert submit.texture_size[0] <= submit.width
        tap(kiosk, entry, "a", "é")
        assert entry.text == "aé"
    finally:
        app.set_language(app.content.collection.languages.default)
        kiosk.settle()


@pytest.mark.parametrize("size", [(1280, 800), (1920, 1080)])
def test_keys_are_big_readable_and_apart(kiosk, entry, size, tmp_path):
    Window.size = size
    try:
        kiosk.settle()
        entry.text = SENTENCE
        kiosk.settle()
        for layer in ("symbols", "letters"):
            entry.ids.keyboard.layer = layer
            kiosk.settle()
            assert_keys_apart(kiosk, entry)
        assert entry.height < Window.height * 0.8
        entry.export_to_png(str(tmp_path / f"keyboard-{size[0]}.png"))
        assert (tmp_path / f"keyboard-{size[0]}.png").stat().st_size > 10_000
    finally:
        Window.size = (1920, 1080)
        kiosk.settle()


def assert_keys_apart(kiosk, entry) -> None:
    keys = [w for w in kiosk.widgets(entry) if isinstance(w, KeyboardKey)]
    assert len(keys) == 16 + 11 + 12 + 11 + 4
    assert_apart(keys)


def assert_apart(keys) -> None:
    """Every key inside the window, at least 64 dp high and 48 dp wide, its label inside it, none overlapping."""
    assert len({round(k.height, 3) for k in keys}) == 1, "every row has the same height"
    boxes = []
    for k in keys:
        x, y = k.to_window(*k.pos)
        assert k.height >= dp(64) - 1 and k.width >= dp(48), (k.text, k.size)
        assert 0 <= x and x + k.width <= Window.width + 1 and 0 <= y and y + k.height <= Window.height + 1
        assert k.texture_size[0] <= k.width and k.texture_size[1] <= k.height, (k.text, k.texture_size, k.size)
        boxes.append((x, y, x + k.width, y + k.height, k.text))
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            assert a[2] <= b[0] or b[2] <= a[0] or a[3] <= b[1] or b[3] <= a[1], f"{a[4]!r} overlaps {b[4]!r}"


def test_typing_arabic_on_the_arabic_layout(kiosk, entry):
    """The globe key leads to the Arabic layout; the text is joined and right to left as it is typed."""
    keyboard = entry.ids.keyboard
    tap(kiosk, entry, rules.LAYOUT)
    kiosk.tap(next(w for w in kiosk.widgets(entry) if isinstance(w, KeyboardKey) and w.key == "ar"))
    assert keyboard.layout == "ar" and not keyboard.choosing
    for character in "حديقة":
        kiosk.tap(next(w for w in kiosk.widgets(entry) if isinstance(w, KeyboardKey) and w.key == character))
    tap(kiosk, entry, rules.SPACE, rules.LAYER, "2", "0", "2", "6", rules.LAYER, rules.SPACE)
    kiosk.tap(next(w for w in kiosk.widgets(entry) if isinstance(w, KeyboardKey) and w.key == "لا"))
    assert entry.text == "حديقة 2026 لا"
    display = entry.ids.display
    assert display.base_direction == "rtl" and display.font_name == "KioskArabic"
    assert display.text == shape_line("حديقة 2026 لا|"), "joined, right to left, the caret at the reading end"
    assert "2026" in display.text and "حديقة" not in display.text, "digits keep their order; letters are joined"
    assert display.texture_size[0] <= display.width


def test_the_globe_key_switches_layouts_on_the_keyboard(kiosk, entry):
    keyboard = entry.ids.keyboard
    assert keyboard.layout == "azerty"
    tap(kiosk, entry, rules.LAYOUT)
    names = {w.words for w in kiosk.widgets(entry) if isinstance(w, KeyboardKey) and w.key in LAYOUTS}
    assert names == {layout.label for layout in LAYOUTS.values()}
    assert not [w for w in kiosk.widgets(entry) if isinstance(w, KeyboardKey) and w.key == "a"], "the keys give way"
    kiosk.tap(next(w for w in kiosk.widgets(entry) if isinstance(w, KeyboardKey) and w.key == "qwertz"))
    assert keyboard.layout == "qwertz"
    tap(kiosk, entry, "z", "ß", "ü")
    assert entry.text == "zßü"
    tap(kiosk, entry, rules.LAYOUT)
    kiosk.tap(next(w for w in kiosk.widgets(entry) if isinstance(w, KeyboardKey) and w.key == "es"))
    tap(kiosk, entry, "ñ", "¿")
    assert entry.text == "zßüñ¿" and keyboard.layout == "es"


@pytest.mark.parametrize("layout", sorted(LAYOUTS))
def test_every_layout_fits_and_draws_every_key(kiosk, entry, layout):
    """No key of any layout, on either layer, overlaps another or leaves the window; every glyph is drawn."""
    keyboard = entry.ids.keyboard
    keyboard.layout = layout
    for layer in ("letters", "symbols"):
        keyboard.layer = layer
        kiosk.settle()
        keys = [w for w in kiosk.widgets(entry) if isinstance(w, KeyboardKey)]
        assert {k.key for k in keys} == set(LAYOUTS[layout].keys(layer))
        assert_apart(keys)


@pytest.mark.parametrize("size", [(1920, 1080), (1280, 800), (1080, 1920)])
def test_no_letter_is_cut_by_its_key(kiosk, entry, size):
    """Each letter of every layout, both cases, is drawn whole inside its key (Arabic ض is wider than it is tall)."""
    keyboard = entry.ids.keyboard
    Window.size = size
    try:
        for layout in sorted(LAYOUTS):
            keyboard.layout = layout
            for layer, shift in (("letters", "off"), ("letters", "once"), ("symbols", "off")):
                keyboard.layer, keyboard.shift = layer, shift
                kiosk.settle()
                letters = [w for w in kiosk.widgets(entry) if isinstance(w, KeyboardKey) and not w.is_word]
                assert len({round(k.font_size, 2) for k in letters if k.width == letters[0].width}) == 1
                for k in letters:
                    k.texture_update()
                    assert k.text_size == [None, None] or k.text_size == (None, None)
                    assert k.texture_size[0] <= k.width and k.texture_size[1] <= k.height, (layout, k.key, k.texture_size, k.size)
                    assert k.font_size >= dp(20), (layout, k.key, k.font_size)
    finally:
        keyboard.shift, keyboard.layer, keyboard.layout = "off", "letters", "azerty"
        Window.size = (1920, 1080)
        kiosk.settle()
