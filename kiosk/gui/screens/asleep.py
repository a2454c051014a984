"""The screen outside opening hours: black, with the light off where the machine allows (kiosk.display_power).

kiosk.gui.sleep puts the kiosk here once the venue is closed and nobody is visiting. Nothing moves, so the kiosk
draws nothing and sleeps between the clock's ticks. A touch anywhere wakes it for a visit.
"""

from __future__ import annotations

from kivy.core.window import Window

from kiosk.gui.screens.base import KioskScreen

BLACK = (0, 0, 0, 1)


class AsleepScreen(KioskScreen):
    def on_pre_enter(self, *_args) -> None:
        Window.clearcolor = BLACK   # the window's clear colour, not a full-screen rectangle (base.py)

    def on_leave(self, *_args) -> None:
        Window.clearcolor = self.app.theme.paper

    def on_touch_down(self, touch) -> bool:
        self.app.sleeper.wake(visit=True)
        return True
