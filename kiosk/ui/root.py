"""The root widget: the screens, plus the "still there?" overlay on top of them.

Every touch anywhere first counts as activity (the idle watcher and the frame rate hear
of it) and then goes on to the screens, except a touch on the overlay, which only closes it.
"""

from __future__ import annotations

from pathlib import Path

from kivy.lang import Builder
from kivy.properties import BooleanProperty, NumericProperty, ObjectProperty
from kivy.uix.floatlayout import FloatLayout
from kivy.uix.screenmanager import ScreenManager

from kiosk.ui import widgets  # noqa: F401  (registers the shared widget rules)

Builder.load_file(str(Path(__file__).with_name("root.kv")))


class CountdownOverlay(FloatLayout):
    """"Still there?" over everything. It never takes touches: the root closes it on any touch."""

    seconds = NumericProperty(0)

    def on_touch_down(self, touch):
        return False

    def on_touch_move(self, touch):
        return False

    def on_touch_up(self, touch):
        return False


class KioskRoot(FloatLayout):
    screens: ScreenManager = ObjectProperty(None)
    countdown_visible = BooleanProperty(False)
    seconds = NumericProperty(0)

    def __init__(self, on_activity, **kwargs):
        self.on_activity = on_activity
        super().__init__(**kwargs)

    def on_touch_down(self, touch):
        self.on_activity()
        if self.countdown_visible:
            self.hide_countdown()
            return True
        return super().on_touch_down(touch)

    def on_touch_move(self, touch):
        self.on_activity()
        return super().on_touch_move(touch)

    def show_countdown(self, _gettext=None) -> None:
        self.countdown_visible = True

    def hide_countdown(self) -> None:
        self.countdown_visible = False

    def update_countdown(self, seconds: int, state: str) -> None:
        if self.countdown_visible:
            self.seconds = seconds
