"""Moving between screens: the one place that knows the visitor's path.

attract → language → home (rooms and exhibit cards) → exhibit, with back and home on every
exhibit. Screens are built on first use and kept; exhibit views are built for each visit
(or ahead of it, while the visitor looks at home: kiosk.gui.ahead) and released when left.
"""

from __future__ import annotations

import logging

from kivy.clock import Clock
from kivy.core.window import Window
from kivy.uix.screenmanager import NoTransition, ScreenManagerException

from kiosk import events
from kiosk.gui.ahead import LOOK_SECONDS, Ahead
from kiosk.gui.views import lazy_class, view_class

log = logging.getLogger(__name__)

SCREENS = {
    "attract": "kiosk.gui.screens.attract:AttractScreen",
    "language": "kiosk.gui.screens.language:LanguageScreen",
    "home": "kiosk.gui.screens.home:HomeScreen",
    "exhibit": "kiosk.gui.screens.exhibit:ExhibitScreen",
    "facilitator": "kiosk.gui.facilitator.menu:FacilitatorScreen",
    "asleep": "kiosk.gui.screens.asleep:AsleepScreen",   # outside opening hours (kiosk.gui.sleep)
}


class InstantTransition(NoTransition):
    """The next screen in the very frame of the tap.

    Kivy's NoTransition still runs a zero-length animation: the frame of the tap draws both
    screens (~100 ms under software GL at 1920×1080) and the old one leaves only on the next
    frame, which then draws the new one again (tap_latency.py saw the exhibit one frame late).
    Here the screens are swapped at once, with the same events in the same order.
    """

    def start(self, manager) -> None:
        if self.is_active:
            raise ScreenManagerException("start() is called twice!")
        self.manager = manager
        self.is_active = True
        self.add_screen(self.screen_in)
        self.screen_in.transition_progress, self.screen_out.transition_progress = 1.0, 0.0
        self.screen_in.dispatch("on_pre_enter")
        self.screen_out.dispatch("on_pre_leave")
        self._on_complete()   # the old screen leaves (NoTransition.on_complete), then on_enter, on_leave


class Navigator:
    def __init__(self, app, manager):
        self.app = app
        self.manager = manager
        self.faulty: dict[str, str] = {}  # exhibit id → what went wrong, for the facilitator
        # One frame from a screen to the next: under software GL a cross-fade costs ~0.09 CPU-s per
        # frame at 1920×1080, so a 0.2 s fade delayed the next screen by half a second (tap_latency.py).
        manager.transition = InstantTransition()
        self.ahead = Ahead(self)  # what the next taps will show, prepared while nobody touches
        Window.fbind("on_touch_down", self._touched)
        Clock.schedule_interval(self.ahead.look, LOOK_SECONDS)

    def _touched(self, *_args) -> bool:
        self.ahead.touched()
        return False  # the touch goes on to the widgets

    @property
    def current(self) -> str:
        return self.manager.current

    def screen(self, name: str):
        if not self.manager.has_screen(name):
            self.manager.add_widget(lazy_class(SCREENS[name])(name=name, app=self.app, navigator=self))
        return self.manager.get_screen(name)

    def go(self, name: str) -> None:
        self.ahead.stop()
        self.screen(name)
        self.manager.current = name

    def show_attract(self) -> None:
        self.go("attract")

    def show_languages(self) -> None:
        self.app.events.emit(events.VisitStarted())  # the first touch (on the attract loop) starts a visit
        self.go("language")

    def start_visit(self, language: str) -> None:
        self.app.events.emit(events.VisitStarted())
        self.app.session.start(language)
        self.app.set_language(language)
        self.show_home()

    def show_home(self, room: str | None = None) -> None:
        self.ahead.stop()  # a rehearsal off screen listens to the picture cache dry: the cards would get none
        home = self.screen("home")
        self.app.events.emit(events.ExhibitClosed())
        home.show_room(room)
        self.go("home")

    def open_exhibit(self, exhibit_id: str) -> None:
        manifest = self.app.content.exhibit(exhibit_id)
        if manifest is None or exhibit_id in self.faulty:
            return
        self.ahead.stop()  # the exhibit screen may be rehearsing another exhibit off screen
        self.app.events.emit(events.ExhibitOpened(exhibit_id))  # before it is shown: its QR codes count for it
        if self.screen("exhibit").show(manifest):
            self.go("exhibit")

    def exhibit_failed(self, exhibit_id: str, error: BaseException) -> None:
        """An exhibit view raised: log it, mark it faulty, and take the visitor home quietly."""
        if self.ahead.rehearsing == exhibit_id:  # built off screen, ahead of the visitor: it fails again when opened
            log.warning("exhibit %r failed while prepared ahead: %r", exhibit_id, error)
            return
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

    def prepare(self) -> None:
        """Build, while nobody is touching, what the next visitor's first taps will show.

        One piece per step, so the attract loop never stalls: the language and home screens
        (home with its first room's cards), the exhibit screen, the language panel, each exhibit type's view class
        with its kv rules, the pictures of the first room's exhibits, then a rehearsal of every other
        exhibit, so that home's idle moments only decode pictures (kiosk.gui.ahead; the other rooms'
        card pictures wait for those moments). A visitor's tap then only fills them in.
        """
        from kiosk.gui.widgets.language_picker import LanguagePicker

        ahead = self.ahead
        first_room = self.screen("home").room_id if self.manager.has_screen("home") else None

        def steps():
            yield lambda: self.screen("language")
            yield lambda: self.screen("home").refresh()
            yield lambda: self.screen("exhibit")
            yield lambda: LanguagePicker.shared(self.app)
            for type_name in sorted({m.type for m in self.app.content.exhibits}):
                yield lambda t=type_name: view_class(t)
            room = first_room or self.screen("home").room_id
            yield from ahead.exhibit_pictures(self.app.content.exhibits_in(room) if room else [])
            yield from ahead.learn(m for m in self.app.content.exhibits if m.room != room)  # home then only decodes

        ahead.run(steps(), while_=lambda: self.current == "attract")  # a visitor came: their taps build what they need

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
