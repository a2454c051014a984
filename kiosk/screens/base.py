"""What every screen receives: the app's services and the navigator, never a global lookup."""

from __future__ import annotations

from kivy.properties import ObjectProperty
from kivy.uix.screenmanager import Screen


class KioskScreen(Screen):
    app = ObjectProperty(None)
    navigator = ObjectProperty(None)

    def reset(self) -> None:
        """Forget everything about the last visitor (called at idle reset)."""
