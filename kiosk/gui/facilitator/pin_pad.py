"""The facilitator's PIN pad, opened by the hidden gesture.

A visitor who stumbles on the gesture sees only this pad; it closes by itself after
:data:`CLOSE_AFTER` seconds without a touch, or :data:`CLOSE_AFTER_TYPING` once digits are
typed (it never vanishes under a finger that is typing). It is modal: every touch, on the
pad or beside it, stays with it, and a touch that began on it never reaches the screen
beneath, even when the pad closes before the finger lifts (``touch.ud["facilitator_only"]``,
which the root respects). The rules (hashing, tries, lock-out) live in
:mod:`kiosk.facilitator.pin`; this is only the keypad, in the facilitator's language::

    PinPad(guard=app.pin_guard, on_success=open_menu, gettext=app.facilitator_gettext).open()
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
from kiosk.icons import icon

Builder.load_file(str(Path(__file__).with_name("pin_pad.kv")))

CLOSE_AFTER = 15.0
CLOSE_AFTER_TYPING = 60.0
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
        app = App.get_running_app()
        theme = app.theme
        for key in KEYS:
            label = {"back": icon("delete"), "ok": self._("OK")}.get(key, key)   # Delete: its icon, never cut
            button = KioskButton(text=label, size_factor=1.3 if len(label) == 1 else 0.8, height=theme.touch * 1.1,
                                 font_override="Icons" if key == "back" else "Kiosk" if len(label) == 1
                                 else app.facilitator_language.font,
                                 background=theme.ink if key == "ok" else theme.light,
                                 foreground=theme.white if key == "ok" else theme.ink)
            button.key = key
            button.bind(on_release=lambda _button, key=key: self.press(key))
            self.ids.keypad.add_widget(button)

    # --- modal: every touch stays here ---------------------------------------------------------
    def on_touch_down(self, touch):
        touch.ud["facilitator_only"] = True   # the screen beneath never sees it, even if the pad closes meanwhile
        self._restart_closer()
        super().on_touch_down(touch)
        return True

    def on_touch_move(self, touch):
        super().on_touch_move(touch)
        return True

    def on_touch_up(self, touch):
        super().on_touch_up(touch)
        return True

    def on_open(self) -> None:
        self._restart_closer()

    def on_dismiss(self) -> None:
        for event in (self._closer, self._lock_event):
            if event:
                event.cancel()
        self._pin = ""

    def press(self, key: str) -> None:
        """A key of the pad: a digit, 'back', 'ok' or 'cancel'."""
        if key == "cancel":
            self.dismiss()
        elif key == "back":
            self._pin = self._pin[:-1]
        elif key == "ok":
            self._submit()
        elif len(self._pin) < PIN_MAX_DIGITS and not self.locked:
            self._pin += key
        self.digits = len(self._pin)
        if self._is_open:
            self._restart_closer()

    def _submit(self) -> None:
        result = self.guard.try_pin(self._pin)
        self._pin = ""
        if result.ok:
            self.dismiss()
            self.on_success()
        elif result.status is PinStatus.WRONG:
            self.message = App.get_running_app().facilitator_language.ngettext(
                "Wrong PIN. {count} try left.", "Wrong PIN. {count} tries left.", result.tries_left).format(
                count=result.tries_left)
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
        """Close after a while without a touch: longer once digits are typed, so it never vanishes while typing."""
        if self._closer:
            self._closer.cancel()
        self._closer = Clock.schedule_once(lambda _dt: self.dismiss(), CLOSE_AFTER_TYPING if self._pin else CLOSE_AFTER)
