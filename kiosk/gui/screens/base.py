"""What every screen receives: the app's services and the navigator, never a global lookup."""

from __future__ import annotations

from kivy.properties import ObjectProperty
from kivy.uix.screenmanager import Screen


class KioskScreen(Screen):
    """A visitor or facilitator screen. Its paper is the window's clear colour (KioskApp.build): under
    software GL a full-screen rectangle costs ~20 ms a frame at 1920×1080, clearing the window almost nothing."""

    app = ObjectProperty(None)
    navigator = ObjectProperty(None)

    def reset(self) -> None:
        """Forget everything about the last visitor (called at idle reset)."""

    def choose_access(self) -> None:
        """The access panel (larger text, high contrast, less motion), over this screen."""
        from kiosk.gui.widgets.access_panel import AccessPanel
        AccessPanel.open_for(self.app)
