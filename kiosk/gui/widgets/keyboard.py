"""An on-screen keyboard for a kiosk with no physical keyboard, in each content language's layout, and a text entry built on it.

The keyboard is an ordinary widget in the layout: it never floats and cannot be dragged
away (unlike Kivy's VKeyboard), and no system keyboard is ever asked for. It owns the text
being typed; the layouts (Arabic, AZERTY, QWERTY, QWERTZ, Spanish) are plain data in
:mod:`kiosk.render.keyboard_layouts`, the typing rules (length limit, one-shot shift, no
double spaces) in :mod:`kiosk.render.typing_rules`, both without Kivy.

- ``OnScreenKeyboard``: a row of extra letters (accents; the Arabic hamza forms) above two
  layers, letters and "123" (digits and symbols). Its "globe" key opens the chooser of
  layouts, named in their own language. Properties ``text``, ``max_length`` (200),
  ``layout`` (a name of ``LAYOUTS``: start it with ``layout_for(language).name``), ``shift``
  (``"off"``, ``"once"``, ``"lock"`` after a double tap), ``layer`` (``"letters"``,
  ``"symbols"``), ``choosing`` (the chooser is shown), ``submit_label`` (with a "send" icon;
  without one, the key says the translated "OK" beside a tick); events ``on_text`` (the property) and ``on_submit(text)``; ``clear()``.
- ``TextEntry``: what is being typed (big, wrapping, with a caret and a "42/200"
  counter, or ``hint`` in grey while empty) above the keyboard. Same ``text``,
  ``max_length``, ``on_submit(text)`` and ``clear()``; with ``stretch`` (and a size hint) the
  writing area grows into the height the entry is given. Right-to-left text is joined and
  ordered as it is typed, digits and Latin words keeping their own order.

Example, in kv::

    TextEntry:
        hint: app.tr._("Your idea for another world")
        max_length: 200
        on_submit: root.post_idea(args[1])

Backspace, shift, send and the globe are drawn as icons (media/fonts/KioskIcons.ttf); each
key also has ``words``, the translated name of what it does ("Delete", "Shift"), shown on the
space bar and the send key and kept for tests and assistive tools. Letters are never
translated.

Place it inside a screen, under the kiosk's root widget: touches in a ``ModalView`` never
reach ``KioskRoot``, so typing there would not count as activity (the idle reset and the
lowered frame rate would treat the visitor as gone).
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

from kivy.app import App
from kivy.clock import Clock
from kivy.core.text import Label as CoreLabel
from kivy.lang import Builder
from kivy.metrics import dp
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
from kivy.uix.gridlayout import GridLayout
from kivy.uix.label import Label

from kiosk.gui.theme import MUTED
from kiosk.gui.widgets import widgets  # noqa: F401  (TextBlock's kv rule)
from kiosk.icons import icon
from kiosk.render import typing_rules as rules
from kiosk.render.bidi import has_rtl, shape_line
from kiosk.render.keyboard_layouts import LAYOUTS, ROW_UNITS, KeyboardLayout
from kiosk.render.markdown import escape_markup

Builder.load_file(str(Path(__file__).with_name("keyboard.kv")))


def _(text: str) -> str:
    """Marks a text for the catalogs (``pybabel extract`` finds ``_(...)``); it is translated when shown."""
    return text


#: English source texts of the special keys, for the translator (``i18n/*/kiosk.po``).
KEY_WORDS = {rules.SHIFT: _("Shift"), rules.BACKSPACE: _("Delete"), rules.SPACE: _("Space"),
             rules.SUBMIT: _("OK"), rules.LAYOUT: _("Keyboard layout"), rules.LAYER: _("Digits and symbols")}
KEY_ICONS = {rules.SHIFT: "arrow-big-up", rules.BACKSPACE: "delete", rules.SUBMIT: "send", rules.LAYOUT: "globe"}
SHOWN_WORDS = (rules.SPACE, rules.SUBMIT)              # keys that show their word beside (or instead of) an icon
LAYER_LABELS = {"letters": "123", "symbols": "ABC"}   # the layer the key leads to
CLOSE_CHOOSER = "close-chooser"
REPEAT_DELAY, REPEAT_INTERVAL = 0.5, 0.08              # a held backspace, in seconds
HOLD_FRAMES = 3                                        # ... and held for at least this many frames


def translate(text: str) -> str:
    """``text`` in the kiosk's language, or unchanged when there is no running app or translator."""
    translator = getattr(App.get_running_app(), "tr", None)
    return translator._(text) if translator is not None else text


class KeyboardKey(ButtonBehavior, Label):
    """One key, drawn like a KioskButton. ``key`` is what it types (lower case) or a special key name."""

    key = StringProperty("")
    words = StringProperty("")                 # what the key does, in the visitor's language ("Delete")
    units = NumericProperty(1)                 # width, in letter-key widths
    is_word = BooleanProperty(False)           # a special key (drawn in a darker colour, smaller type)
    font_ratio = NumericProperty(0.44)         # the label's size, as a share of the key's height
    letter_em = ListProperty([0, 0])           # a letter key: its layout's widest and tallest letter, per px of type
    background = ListProperty([1, 1, 1, 1])
    foreground = ListProperty([0.12, 0.10, 0.09, 1])
    outline = ListProperty([])


class KeyRow(BoxLayout):
    """A row of keys, centred: ``span`` is the width of a full row in key units."""

    keyboard = ObjectProperty(None, rebind=True)
    units = NumericProperty(0)
    span = NumericProperty(ROW_UNITS)


class LayoutChooser(GridLayout):
    """The keyboard's layouts by name (in their own language), instead of the keys, after a touch on the globe."""

    keyboard = ObjectProperty(None, rebind=True)


class OnScreenKeyboard(BoxLayout):
    """The keyboard, as wide as its parent; its height follows the theme. ``press(key)`` is what a touch does."""

    text = StringProperty("")
    max_length = NumericProperty(200)
    layout = OptionProperty("azerty", options=list(LAYOUTS))
    shift = OptionProperty("off", options=rules.SHIFT_STATES)
    layer = OptionProperty("letters", options=rules.LAYERS)
    choosing = BooleanProperty(False)          # the chooser of layouts is shown instead of the keys
    rtl = BooleanProperty(False)               # the layout types right-to-left text
    submit_label = StringProperty("")
    chooser_title = StringProperty("")         # above the chooser of layouts, in the visitor's language
    key_height = NumericProperty(64)           # set in kv from the theme: 64–80 dp (down to 48 dp: ``room``)
    gap = NumericProperty(8)
    room = NumericProperty(0)
    """The height its holder can give it, when that may be less than its keys ask (larger text on a
    1280×800 screen): the keys then lose height, never below a finger's 48 dp. 0: no limit."""

    SMALLEST_KEY = 48       # dp
    GAP_SHARE = 0.12        # a gap is this share of a key's height (keyboard.kv's gap)

    __events__ = ("on_submit",)

    def __init__(self, **kwargs):
        self._pages: dict[tuple[str, str], BoxLayout] = {}     # (layout, layer) → its rows, built once
        self._extras: dict[str, KeyRow] = {}
        self._shown: list[KeyboardKey] = []                    # the keys on screen now
        self._chooser: LayoutChooser | None = None
        self._repeat = self._held = None
        self._built = False
        super().__init__(**kwargs)
        app = App.get_running_app()
        if app is not None and hasattr(app, "language"):
            app.bind(language=self._relabel)       # a weak reference: a removed keyboard is not kept alive

    @property
    def current(self) -> KeyboardLayout:
        return LAYOUTS[self.layout]

    # --- building ---------------------------------------------------------------------------
    def on_kv_post(self, _base_widget) -> None:
        """The keys are made once the kv rule (and its ``ids``) exists, also when built inside another rule."""
        self._built = True
        self._show_page()

    def _page(self) -> BoxLayout:
        name = (self.layout, self.layer)
        if name not in self._pages:
            rows = self.current.letters if self.layer == "letters" else self.current.symbols
            page = BoxLayout(orientation="vertical", size_hint_y=None)
            self.bind(gap=page.setter("spacing"))
            page.spacing = self.gap
            page.bind(minimum_height=page.setter("height"))
            for keys in rows:
                row = KeyRow(keyboard=self)
                self._fill_row(row, keys)
                page.add_widget(row)
            self._pages[name] = page
        return self._pages[name]

    def _extra_row(self) -> KeyRow:
        if self.layout not in self._extras:
            row = KeyRow(keyboard=self)
            self._fill_row(row, [(key, 1) for key in self.current.extra], extra=True)
            row.span = max(row.units, ROW_UNITS)
            self._extras[self.layout] = row
        return self._extras[self.layout]

    def _fill_row(self, row: KeyRow, keys, extra: bool = False) -> None:
        row.units = sum(units for _key, units in keys)
        for key, units in keys:
            button = KeyboardKey(key=key, units=units, size_hint_x=units, is_word=key in rules.SPECIAL_KEYS)
            button.bind(on_press=self._on_key_press, on_release=self._on_key_release)
            self._paint(button, extra)
            row.add_widget(button)

    def _paint(self, button: KeyboardKey, extra: bool = False) -> None:
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
            button.background, button.foreground = (theme.paper if extra else theme.white), theme.ink

    def _show_page(self) -> None:
        """The keys of the current layout and layer, or the chooser of layouts."""
        if not self._built:
            return  # set before the keys exist (a kwarg): on_kv_post shows them
        self.rtl = self.current.rtl
        extra, holder = self.ids.extra, self.ids.layer
        for row in [child for child in extra.children if isinstance(child, KeyRow)]:
            extra.remove_widget(row)   # the chooser's title stays
        holder.clear_widgets()
        if self.choosing:
            self.chooser_title = _shaped(translate("Choose a keyboard"))
            holder.add_widget(self._layout_chooser())
            self._shown = list(self._chooser.children)
        else:
            extra.add_widget(self._extra_row())
            holder.add_widget(self._page())
            self._shown = [key for row in (self._extra_row(), *self._page().children) for key in row.children]
        self._relabel()

    def _layout_chooser(self) -> LayoutChooser:
        if self._chooser is None:
            self._chooser = LayoutChooser(keyboard=self)
            for name in (*LAYOUTS, CLOSE_CHOOSER):
                button = KeyboardKey(key=name, is_word=True)
                button.bind(on_release=lambda b: self.choose_layout(b.key))
                self._chooser.add_widget(button)
        return self._chooser

    # --- labels -----------------------------------------------------------------------------
    def _relabel(self, *_args) -> None:
        """Each key shown: its label (icons and words in the current language) and its colours."""
        for button in self._shown:
            if button.key in LAYOUTS or button.key == CLOSE_CHOOSER:
                self._label_choice(button)
            elif button.is_word:
                self._label_special(button)
            else:
                self._label_letter(button)
        self._paint_shift()

    def _label_letter(self, button: KeyboardKey) -> None:
        character = rules.shown(button.key, self.shift)
        button.font_name = _letter_font(character, self.rtl)
        button.font_ratio = 0.44
        button.letter_em = letter_em(self.current)
        button.text = escape_markup(_shaped(character))

    def _label_special(self, button: KeyboardKey) -> None:
        key = button.key
        words = self.submit_label if key == rules.SUBMIT and self.submit_label else translate(KEY_WORDS[key])
        button.words = words
        if key == rules.LAYER:
            caption = LAYER_LABELS[self.layer]
        elif key == rules.LAYOUT:
            caption = self.current.short
        elif key in SHOWN_WORDS:
            caption = words
        else:
            caption = ""
        button.font_name = "KioskArabic" if _arabic(caption) else "Kiosk"
        button.font_ratio = 0.30 if caption else 0.46
        glyph = "check" if key == rules.SUBMIT and not self.submit_label else KEY_ICONS.get(key, "")
        button.text = _caption(glyph, caption, self._icon_size())

    def _label_choice(self, button: KeyboardKey) -> None:
        theme = getattr(App.get_running_app(), "theme", None)
        chosen = button.key == self.layout
        if button.key == CLOSE_CHOOSER:
            button.words = translate("Back to the keys")
            button.text = _caption("keyboard", button.words, self._icon_size())
        else:
            button.words = LAYOUTS[button.key].label
            button.text = _caption("check" if chosen else "", button.words, self._icon_size())
        button.font_name = "KioskArabic" if _arabic(button.words) else "Kiosk"
        button.font_ratio = 0.30
        if theme is not None:
            button.background = theme.accent if chosen else (theme.muted if button.key == CLOSE_CHOOSER else theme.white)
            button.foreground = theme.white if button.key == CLOSE_CHOOSER else theme.ink

    def fitted(self, wanted: float, room: float) -> float:
        """The keys' height: ``wanted``, or less when the keyboard must fit ``room``. The keyboard is its
        rows of keys, the gaps between them, a gap and a half under the extra row and around it all."""
        if room <= 0:
            return wanted
        rows = 1 + max(len(self.current.letters), len(self.current.symbols))
        heights = rows + self.GAP_SHARE * (rows - 2 + 1.5 + 3)
        return max(dp(self.SMALLEST_KEY), min(wanted, room / heights))

    def _icon_size(self) -> int:
        return max(1, round(self.key_height * 0.42))

    def on_submit_label(self, *_args) -> None:
        self._relabel()

    def on_key_height(self, *_args) -> None:
        self._relabel()

    def on_shift(self, *_args) -> None:
        self._relabel()

    def _paint_shift(self) -> None:
        theme = getattr(App.get_running_app(), "theme", None)
        for button in self._shown:
            if button.key == rules.SHIFT and theme is not None:
                on = self.shift != "off"
                button.background = theme.accent if on else theme.muted
                button.foreground = theme.ink if on else theme.white
                button.outline = theme.ink if self.shift == "lock" else []

    def on_layer(self, *_args) -> None:
        self._show_page()

    def on_layout(self, *_args) -> None:
        self.shift = "off"
        self._show_page()

    def on_choosing(self, *_args) -> None:
        self._show_page()

    def choose_layout(self, name: str) -> None:
        """A touch in the chooser: that layout, on its letters (or back to the keys as they were)."""
        if name in LAYOUTS:
            self.layer = "letters"
            self.layout = name
        self.choosing = False

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
        elif key == rules.LAYOUT:
            self.choosing = True
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
        """An empty text, on the letters of the same layout (the visitor chose it)."""
        self.text = ""
        self.shift = "off"
        self.choosing = False
        self.layer = "letters"

    def on_submit(self, text: str) -> None:
        pass


class TextEntry(BoxLayout):
    """The text being typed, with a caret and a counter, above an :class:`OnScreenKeyboard` (``ids.keyboard``)."""

    text = StringProperty("")
    max_length = NumericProperty(200)
    hint = StringProperty("")
    note = StringProperty("")                  # a line that stays under the text while typing (the wall: no names)
    stretch = BooleanProperty(False)           # the writing area takes the height the entry is given
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
        if has_rtl(self.text):      # shaped and right to left as it is typed: the caret at the logical end
            self.display_text = f"{self.text}|"
        elif self.text:
            self.display_text = f"{escape_markup(self.text)}[color={MUTED}]|[/color]"
        else:
            self.display_text = self.hint if has_rtl(self.hint) else escape_markup(self.hint)

    def _forward_submit(self, _keyboard, text: str) -> None:
        self.dispatch("on_submit", text)

    def clear(self) -> None:
        self.ids.keyboard.clear()

    def on_submit(self, text: str) -> None:
        pass


def _letter_font(character: str, rtl: bool) -> str:
    return "KioskArabic" if rtl or _arabic(character) else "Kiosk"


_LETTER_EMS: dict[str, list[float]] = {}


def letter_em(layout: KeyboardLayout) -> list[float]:
    """The widest and the tallest letter of ``layout`` (both layers, both cases) as drawn, per px of type.

    Arabic letters such as ض are almost one and a half times as wide as their type is high, and
    the Arabic font's lines are twice as tall: the keys size their letters by these.
    """
    if layout.name not in _LETTER_EMS:
        sizes = [_measure(_shaped(character), _letter_font(character, layout.rtl))
                 for key in {*layout.keys("letters"), *layout.keys("symbols")} - set(rules.SPECIAL_KEYS)
                 for character in {key, rules.shown(key, "once")}]
        _LETTER_EMS[layout.name] = [max(w for w, _h in sizes), max(h for _w, h in sizes)]
    return _LETTER_EMS[layout.name]


def _measure(text: str, font_name: str, size: int = 100) -> tuple[float, float]:
    label = CoreLabel(text=text, font_name=font_name, font_size=size, bold=True)
    label.refresh()
    width, height = label.texture.size
    return width / size, height / size


def _shaped(word: str) -> str:
    """A key's word, joined and ordered for display when it is right-to-left (one line)."""
    return shape_line(word) if has_rtl(word) else word


def _arabic(text: str) -> bool:
    """Text that needs the Arabic font: Arabic letters, digits or punctuation (the Arabic comma is neutral)."""
    return any(unicodedata.bidirectional(char) in ("R", "AL", "AN") or "\u0600" <= char <= "\u06ff" for char in text)


def _caption(icon_name: str, word: str, icon_size: int) -> str:
    """A key's markup: its icon (in the icon font, a little larger than the word), then its word.

    A right-to-left word ends the caption (its reading side), so the icon stays on the left of
    the word in Latin and on the right of it in Arabic.
    """
    shown = escape_markup(_shaped(word))
    if not icon_name:
        return shown
    glyph = f"[font=Icons][size={icon_size}]{icon(icon_name)}[/size][/font]"
    if not word:
        return glyph
    return f"{shown}  {glyph}" if has_rtl(word) else f"{glyph}  {shown}"
