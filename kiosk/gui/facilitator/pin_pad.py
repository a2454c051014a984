"""The facilitator's PIN pad, opened by the hidden gesture.

A visitor who stumbles on the gesture sees only this pad; it closes by itself after
:data:`CLOSE_AFTER` seconds without a key. The rules (hashing, tries, lock-out) live in
:mod:`kiosk.facilitator.pin`; this is only the keypad::

    PinPad(guard=app.pin_guard, on_success=open_menu, gettext=app.tr._).open()
"""

from __future__ import annotations

from pathlib import Path

from kivy.app import App
from kivy.clock import Clock
from kivy.lang import Builder
from kivy.properties import BooleanProperty, NumericProperty, ObjectProperty, StringProperty
from kivy.uix.modalview import ModalView

from kiosk.facilitator.pin import PIN_MAX_DIGITS, PinStatus
from kiosk.gui.widgets.widgets import KioskButton

Builder.load_file(str(Path(__file__).with_name("pin_pad.kv")))

CLOSE_AFTER = 10.0
KEYS = ("1", "2", "3", "4", "5", "6", "7", "8", "9", "back", "0", "ok")


class PinPad(ModalView):
    digits = NumericProperty(0)
    message = StringProperty("")
    locked = BooleanProperty(False)
    guard = ObjectProperty(None)

    def __init__(self, guard, on_success, gettext, **kwargs):
        self._pin = ""
        self._gettext = gettext
        self.on_success = on_success
        super().__init__(guard=guard, auto_dismiss=False, **kwargs)
        self._closer = self._lock_event = None
        self._add_keys()
        self._show_lock()

    def _add_keys(self) -> None:
        theme = App.get_running_app().theme
        for key in KEYS:
            label = {"back": self._("Delete"), "ok": self._("OK")}.get(key, key)
            button = KioskButton(text=label, size_factor=1.3 if len(label) == 1 else 0.9, height=theme.touch * 1.1,
                                 background=theme.accent if key == "ok" else theme.muted if key == "back" else theme.ink,
                                 foreground=theme.ink if key == "ok" else [1, 1, 1, 1])
            button.bind(on_release=lambda _button, key=key: self.press(key))
            self.ids.keypad.add_widget(button)

    def on_open(self) -> None:
        self._restart_closer()

    def on_dismiss(self) -> None:
        for event in (self._closer, self._lock_event):
            if event:
                event.cancel()
        self._pin = ""

    def press(self, key: str) -> None:
        """A key of the pad: a digit, 'back', 'ok' or 'cancel'."""
        self._restart_closer()
        if key == "cancel":
            self.dismiss()
        elif key == "back":
            self._pin = self._pin[:-1]
        elif key == "ok":
            self._submit()
        elif len(self._pin) < PIN_MAX_DIGITS and not self.locked:
            self._pin += key
        self.digits = len(self._pin)

    def _submit(self) -> None:
        result = self.guard.try_pin(self._pin)
        self._pin = ""
        if result.ok:
            self.dismiss()
            self.on_success()
        elif result.status is PinStatus.WRONG:
            self.message = self._("Wrong PIN. {count} tries left.").format(count=result.tries_left)
        else:
            self._show_lock()

    def _show_lock(self) -> None:
        """While the pad is locked, say for how long, every second; clear the message when it opens."""
        seconds = self.guard.locked_for()
        self.locked = bool(seconds)
        if seconds:
            self.message = self._("Too many wrong tries. Wait {seconds} s.").format(seconds=int(seconds + 0.999))
            self._lock_event = Clock.schedule_once(lambda _dt: self._show_lock(), 1)
        elif self._lock_event:
            self.message, self._lock_event = "", None

    def _(self, text: str) -> str:
        return self._gettext(text)

    def _restart_closer(self) -> None:
        if self._closer:
            self._closer.cancel()
        self._closer = Clock.schedule_once(lambda _dt: self.dismiss(), CLOSE_AFTER)
