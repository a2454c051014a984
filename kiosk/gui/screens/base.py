"""What every screen receives: the app's services and the navigator, never a global lookup."""

from __future__ import annotations

from kivy.properties import BooleanProperty, ObjectProperty
from kivy.uix.screenmanager import Screen


class KioskScreen(Screen):
    app = ObjectProperty(None)
    navigator = ObjectProperty(None)
    paper = BooleanProperty(True)  # False for a screen that covers itself (every layer costs a full-screen fill)

    def reset(self) -> None:
        """Forget everything about the last visitor (called at idle reset)."""
