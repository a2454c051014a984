"""A French (AZERTY) on-screen keyboard for a kiosk with no physical keyboard, and a text entry built on it.

The keyboard is an ordinary widget in the layout: it never floats and cannot be dragged
away (unlike Kivy's VKeyboard), and no system keyboard is ever asked for. It owns the text
being typed; the typing rules (length limit, one-shot shift, no double spaces) live in
:mod:`kiosk.render.typing_rules`, without Kivy.

- ``OnScreenKeyboard``: a row of accented letters above two layers, letters and
  "123" (digits and symbols). Properties ``text``, ``max_length`` (200), ``shift``
  (``"off"``, ``"once"``, ``"lock"`` after a double tap), ``layer`` (``"letters"``,
  ``"symbols"``), ``submit_label`` (default: the translated "OK"); events ``on_text``
  (the property) and ``on_submit(text)``; method ``clear()``.
- ``TextEntry``: what is being typed (big, wrapping, with a caret and a "42/200"
  counter, or ``hint`` in grey while empty) above the keyboard. Same ``text``,
  ``max_length``, ``on_submit(text)`` and ``clear()``.

Example, in kv::

    TextEntry:
        hint: app.tr._("Your idea for another world")
        max_length: 200
        on_submit: root.post_idea(args[1])

The few words on keys ("Shift", "Delete", "Space", "OK") go through the app translator
and follow a language switch; the letters are never translated. Labels use the "Kiosk"
font (Noto Sans: œ, ç and € included; it has no arrow glyphs such as ⌫ or ⇧, hence words).

Place it inside a screen, under the kiosk's root widget: touches in a ``ModalView`` never
reach ``KioskRoot``, so typing there would not count as activity (the idle reset and the
lowered frame rate would treat the visitor as gone).
"""

from __future__ import annotations

from pathlib import Path

from kivy.app import App
from kivy.clock import Clock
from kivy.lang import Builder
from kivy.properties import (
    BooleanProperty,
    ListProperty,
    NumericProperty,
    ObjectProperty,
    OptionProperty,
    StringProperty,
)
from kivy.uix.behaviors import ButtonBehavior
from kivy.uix.boxlayout import BoxLayout
from kivy.uix.label import Label

from kiosk.gui.theme import MUTED
from kiosk.gui.widgets import widgets  # noqa: F401  (TextBlock's kv rule)
from kiosk.render import typing_rules as rules
from kiosk.render.bidi import has_rtl, shape_line
from kiosk.render.markdown import escape_markup

Builder.load_file(str(Path(__file__).with_name("keyboard.kv")))

#: English source texts of the special keys, for the translator (``i18n/*/kiosk.po``).
def _(text: str) -> str:
    """Marks a text for the catalogs (``pybabel extract`` finds ``_(...)``); it is translated when shown."""
    return text


KEY_WORDS = {rules.SHIFT: _("Shift"), rules.BACKSPACE: _("Delete"), rules.SPACE: _("Space"), rules.SUBMIT: _("OK")}
LAYER_LABELS = {"letters": "123", "symbols": "ABC"}   # the layer the key leads to
REPEAT_DELAY, REPEAT_INTERVAL = 0.5, 0.08              # a held backspace, in seconds
HOLD_FRAMES = 3                                        # ... and held for at least this many frames


def translate(text: str) -> str:
    """``text`` in the kiosk's language, or unchanged when there is no running app or translator."""
    translator = getattr(App.get_running_app(), "tr", None)
    return translator._(text) if translator is not None else text


class KeyboardKey(ButtonBehavior, Label):
    """One key, drawn like a KioskButton. ``key`` is what it types (lower case) or a special key name."""

    key = StringProperty("")
    units = NumericProperty(1)                 # width, in letter-key widths
    is_word = BooleanProperty(False)           # a translated word: drawn in the language's font
    background = ListProperty([1, 1, 1, 1])
    foreground = ListProperty([0.12, 0.10, 0.09, 1])
    outline = ListProperty([])


class KeyRow(BoxLayout):
    """A row of keys, centred: ``span`` is the width of a full row in key units."""

    keyboard = ObjectProperty(None, rebind=True)
    units = NumericProperty(0)
    span = NumericProperty(rules.ROW_UNITS)


class OnScreenKeyboard(BoxLayout):
    """The keyboard, as wide as its parent; its height follows the theme. ``press(key)`` is what a touch does."""

    text = StringProperty("")
    max_length = NumericProperty(200)
    shift = OptionProperty("off", options=rules.SHIFT_STATES)
    layer = OptionProperty("letters", options=rules.LAYERS)
    submit_label = StringProperty("")
    key_height = NumericProperty(64)           # set in kv from the theme: 64–80 dp
    gap = NumericProperty(8)

    __events__ = ("on_submit",)

    def __init__(self, **kwargs):
        self._letters: list[KeyboardKey] = []      # keys whose label follows shift
        self._specials: list[KeyboardKey] = []     # keys labelled with a word or a state
        self._layers: dict[str, BoxLayout] = {}
        self._repeat = self._held = None
        super().__init__(**kwargs)
        app = App.get_running_app()
        if app is not None and hasattr(app, "language"):
            app.bind(language=self._relabel)       # a weak reference: a removed keyboard is not kept alive

    # --- building ---------------------------------------------------------------------------
    def on_kv_post(self, _base_widget) -> None:
        """The keys are made once the kv rule (and its ``ids``) exists, also when built inside another rule."""
        self._build()

    def _build(self) -> None:
        self._fill_row(self.ids.accents, [(k, 1) for k in rules.ACCENTS], accents=True)
        for name, rows in rules.LAYOUTS.items():
            layer = BoxLayout(orientation="vertical", size_hint_y=None)
            self.bind(gap=layer.setter("spacing"))
            layer.spacing = self.gap
            layer.bind(minimum_height=layer.setter("height"))
            for keys in rows:
                row = KeyRow(keyboard=self)
                self._fill_row(row, keys)
                layer.add_widget(row)
            self._layers[name] = layer
        self._relabel()
        self._show_layer()

    def _fill_row(self, row: KeyRow, keys, accents: bool = False) -> None:
        row.units = sum(units for _key, units in keys)
        if accents:
            row.span = row.units
        for key, units in keys:
            button = KeyboardKey(key=key, units=units, size_hint_x=units, is_word=key in rules.SPECIAL_KEYS)
            button.bind(on_press=self._on_key_press, on_release=self._on_key_release)
            (self._specials if button.is_word else self._letters).append(button)
            self._paint(button, accents)
            row.add_widget(button)

    def _paint(self, button: KeyboardKey, accents: bool = False) -> None:
        theme = getattr(App.get_running_app(), "theme", None)
        if theme is None:
            return
        if button.key == rules.SUBMIT:
            button.background, button.foreground = theme.ink, theme.white
        elif button.key == rules.SPACE:
            button.background, button.foreground = theme.white, theme.muted
        elif button.is_word:
            button.background, button.foreground = theme.muted, theme.white
        else:
            button.background, button.foreground = (theme.paper if accents else theme.white), theme.ink

    # --- labels -----------------------------------------------------------------------------
    def _relabel(self, *_args) -> None:
        """Words in the current language; the layer key names the other layer."""
        for button in self._specials:
            if button.key == rules.LAYER:
                button.text = LAYER_LABELS[self.layer]
            elif button.key == rules.SUBMIT and self.submit_label:
                button.text = _shaped(self.submit_label)
            else:
                button.text = _shaped(translate(KEY_WORDS[button.key]))
        self.on_shift(self, self.shift)

    def on_submit_label(self, *_args) -> None:
        self._relabel()

    def on_shift(self, _widget, shift: str) -> None:
        for button in self._letters:
            button.text = rules.shown(button.key, shift)
        theme = getattr(App.get_running_app(), "theme", None)
        for button in self._specials:
            if button.key == rules.SHIFT and theme is not None:
                on = shift != "off"
                button.background = theme.accent if on else theme.muted
                button.foreground = theme.ink if on else theme.white
                button.outline = theme.ink if shift == "lock" else []

    def on_layer(self, *_args) -> None:
        self._show_layer()
        self._relabel()

    def _show_layer(self) -> None:
        if not self._layers:
            return  # set before the keys exist (a kwarg): _build shows it
        holder = self.ids.layer
        holder.clear_widgets()
        holder.add_widget(self._layers[self.layer])

    # --- typing -----------------------------------------------------------------------------
    def _on_key_press(self, button: KeyboardKey) -> None:
        if button.key == rules.BACKSPACE:
            self.press(rules.BACKSPACE)
            self._held = (button, Clock.frames)
            self._repeat = Clock.schedule_once(self._repeat_backspace, REPEAT_DELAY)

    def _on_key_release(self, button: KeyboardKey) -> None:
        if button.key == rules.BACKSPACE:
            self._stop_repeat()
        elif button.key == rules.SHIFT:
            touch = getattr(button, "last_touch", None)
            self.shift = rules.shift_after_tap(self.shift, bool(getattr(touch, "is_double_tap", False)))
        else:
            self.press(button.key)

    def press(self, key: str) -> None:
        """What a touch on ``key`` does (a character, or a special key name of :mod:`typing_rules`)."""
        if key == rules.LAYER:
            self.layer = rules.other_layer(self.layer)
        elif key == rules.SUBMIT:
            self.dispatch("on_submit", rules.finished(self.text))
        elif key == rules.SHIFT:
            self.shift = rules.shift_after_tap(self.shift)
        else:
            self.text = rules.apply_key(self.text, key, self.shift, int(self.max_length))
            self.shift = rules.shift_after_key(self.shift, key)

    def _repeat_backspace(self, _dt) -> None:
        """A held backspace deletes on; it waits a few frames first, since on a slow frame the finger may be up."""
        button, since = self._held or (None, 0)
        if button is None or button.state != "down":
            self._stop_repeat()
            return
        if Clock.frames - since >= HOLD_FRAMES:
            self.press(rules.BACKSPACE)
        self._repeat = Clock.schedule_once(self._repeat_backspace, REPEAT_INTERVAL)

    def _stop_repeat(self) -> None:
        if self._repeat is not None:
            self._repeat.cancel()
        self._repeat = self._held = None

    def on_text(self, _widget, text: str) -> None:
        """Text set from outside follows the same rules (length, spaces) as typed text."""
        fitted = rules.fit(text, int(self.max_length))
        if fitted != text:
            self.text = fitted

    def on_max_length(self, *_args) -> None:
        self.on_text(self, self.text)

    def clear(self) -> None:
        self.text = ""
        self.shift = "off"
        self.layer = "letters"

    def on_submit(self, text: str) -> None:
        pass


class TextEntry(BoxLayout):
    """The text being typed, with a caret and a counter, above an :class:`OnScreenKeyboard` (``ids.keyboard``)."""

    text = StringProperty("")
    max_length = NumericProperty(200)
    hint = StringProperty("")
    display_text = StringProperty("")          # kv markup: the text and its caret, or the hint

    __events__ = ("on_submit",)

    def on_kv_post(self, _base_widget) -> None:
        keyboard = self.ids.keyboard
        keyboard.text = self.text
        keyboard.bind(text=self._take_text, on_submit=self._forward_submit)
        self._show()

    # The two texts follow each other by their *current* values: a value being dispatched may
    # already be stale (the keyboard shortens a text that is too long while it is dispatched).
    def on_text(self, *_args) -> None:
        if "keyboard" in self.ids:  # not yet while a text given as a kwarg is set
            self.ids.keyboard.text = self.text
        self._show()

    def _take_text(self, keyboard, _text) -> None:
        self.text = keyboard.text

    def on_hint(self, *_args) -> None:
        self._show()

    def _show(self) -> None:
        if self.text:
            self.display_text = f"{escape_markup(self.text)}[color={MUTED}]|[/color]"
        else:
            self.display_text = self.hint if has_rtl(self.hint) else escape_markup(self.hint)

    def _forward_submit(self, _keyboard, text: str) -> None:
        self.dispatch("on_submit", text)

    def clear(self) -> None:
        self.ids.keyboard.clear()

    def on_submit(self, text: str) -> None:
        pass


def _shaped(word: str) -> str:
    """A key's word, joined and ordered for display when it is right-to-left (one line)."""
    return shape_line(word) if has_rtl(word) else word
