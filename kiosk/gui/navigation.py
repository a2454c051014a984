"""Moving between screens: the one place that knows the visitor's path.

attract → language → home (rooms and exhibit cards) → exhibit, with back and home on every
exhibit. Screens are built on first use and kept; exhibit views are rebuilt on each visit
and released when left.
"""

from __future__ import annotations

import logging

from kivy.uix.screenmanager import FadeTransition, NoTransition

from kiosk import events
from kiosk.gui.views import lazy_class

log = logging.getLogger(__name__)

SCREENS = {
    "attract": "kiosk.gui.screens.attract:AttractScreen",
    "language": "kiosk.gui.screens.language:LanguageScreen",
    "home": "kiosk.gui.screens.home:HomeScreen",
    "exhibit": "kiosk.gui.screens.exhibit:ExhibitScreen",
    "facilitator": "kiosk.gui.facilitator.menu:FacilitatorScreen",
}


class Navigator:
    def __init__(self, app, manager):
        self.app = app
        self.manager = manager
        self.faulty: dict[str, str] = {}  # exhibit id → what went wrong, for the facilitator
        self.animations = True
        manager.transition = FadeTransition(duration=0.2)

    @property
    def current(self) -> str:
        return self.manager.current

    def screen(self, name: str):
        if not self.manager.has_screen(name):
            self.manager.add_widget(lazy_class(SCREENS[name])(name=name, app=self.app, navigator=self))
        return self.manager.get_screen(name)

    def go(self, name: str, animate: bool = True) -> None:
        self.screen(name)
        animate = animate and self.animations
        self.manager.transition = FadeTransition(duration=0.2) if animate else NoTransition()
        self.app.framerate.animate(0.3)
        self.manager.current = name

    def show_attract(self) -> None:
        self.go("attract", animate=False)

    def show_languages(self) -> None:
        self.app.events.emit(events.VisitStarted())  # the first touch (on the attract loop) starts a visit
        self.go("language")

    def start_visit(self, language: str) -> None:
        self.app.events.emit(events.VisitStarted())
        self.app.session.start(language)
        self.app.set_language(language)
        self.show_home()

    def show_home(self, room: str | None = None) -> None:
        home = self.screen("home")
        self.app.events.emit(events.ExhibitClosed())
        home.show_room(room)
        self.go("home")

    def open_exhibit(self, exhibit_id: str) -> None:
        manifest = self.app.content.exhibit(exhibit_id)
        if manifest is None or exhibit_id in self.faulty:
            return
        self.app.events.emit(events.ExhibitOpened(exhibit_id))  # before it is shown: its QR codes count for it
        if self.screen("exhibit").show(manifest):
            self.go("exhibit")

    def exhibit_failed(self, exhibit_id: str, error: BaseException) -> None:
        """An exhibit view raised: log it, mark it faulty, and take the visitor home quietly."""
        log.error("exhibit %r failed and is disabled until reload: %r", exhibit_id, error, exc_info=error)
        self.faulty[exhibit_id] = f"{type(error).__name__}: {error}"
        self.app.events.emit(events.ExhibitFailed(exhibit_id, error))
        self.show_home()

    def back(self) -> None:
        if self.current == "exhibit":
            manifest = self.app.content.exhibit(self.app.session.exhibit_id)
            self.show_home(manifest.room if manifest else None)
        else:
            self.show_languages()

    def forget_screens(self) -> None:
        """Drop the visitor screens so that they are built again from new content (after a reload)."""
        for name in ("attract", "language", "home", "exhibit"):
            if not self.manager.has_screen(name):
                continue
            screen = self.manager.get_screen(name)
            if self.current == name:
                if hasattr(screen, "content_changed"):
                    screen.content_changed()
                continue
            if hasattr(screen, "release"):
                screen.release()
            self.manager.remove_widget(screen)
        self.faulty.clear()

    def reset(self) -> None:
        """Back to attract with every screen cleared of the last visitor's traces."""
        for name in ("home", "exhibit"):
            if self.manager.has_screen(name):
                self.manager.get_screen(name).reset()
        self.show_attract()
