"""The visitor kiosk: the Kivy App, its services and its screens.

The App only wires things together. Services (language, idle watching, the visitor
session, pictures, QR codes, frame rate) live at App level; screens receive what they need
from the :class:`~kiosk.gui.navigation.Navigator`, which is the one place that moves between
screens. Import this module only after :func:`kiosk.gui.kivy_config.configure_kivy`.
"""

from __future__ import annotations

import logging
import threading
import time
from datetime import datetime
from pathlib import Path

from kivy.app import App
from kivy.base import ExceptionHandler, ExceptionManager
from kivy.clock import Clock
from kivy.core.window import Window
from kivy.lang import global_idmap
from kivy.properties import NumericProperty, ObjectProperty, StringProperty

from kiosk import STARTED
from kiosk.content.live import LiveContent
from kiosk.content.loader import ExhibitionContent
from kiosk.content.text import ANY_LANGUAGE, second_text
from kiosk.events import (
    AccessChanged, BasketKept, EventBus, LanguageChosen, NarrationPlayed, SecondLanguageChosen, VisitEnded,
)
from kiosk.exhibit_types.context import ViewContext
from kiosk.facilitator.controller import Facilitator
from kiosk.facilitator.pin import PinGuard
from kiosk.facilitator.settings import KioskSettings
from kiosk.gui.ahead import fingers_on_screen
from kiosk.gui.facilitator.language import FacilitatorLanguage
from kiosk.gui.facilitator.screens import GuiScreens, KivyScheduler
from kiosk.gui.framerate import AdaptiveFrameRate
from kiosk.gui.guide import AudioGuide
from kiosk.fleet import fleet_member
from kiosk.gui.health_writer import HealthWriter
from kiosk.gui.images import RESTING_BUDGET, PictureCache
from kiosk.gui.input_waker import InputWaker
from kiosk.gui.navigation import Navigator
from kiosk.gui.root import KioskRoot
from kiosk.gui.sleep import Sleeper
from kiosk.gui.theme import Theme
from kiosk.gui.widgets.narration import NarrationPlayer
from kiosk.gui.translator import Translator
from kiosk.i18n import catalog
from kiosk.memory import QuietCollector, tune_heap
from kiosk.records import RecordStore
from kiosk.render.typography import keep_with_word
from kiosk.stats.recorder import StatsRecorder
from kiosk.visit.idle import IdleWatcher
from kiosk.visit.qr import QrCache
from kiosk.visit.session import VisitorSession
from kiosk.visit.speech import SpeechMaker
from kiosk.visit.subscribers import connect_records, connect_visit
from kiosk.visit.visit_stats import VisitStats
from kiosk.watchdog import Watchdog

log = logging.getLogger(__name__)
LIVE_CHECK_SECONDS = 10  # how often the attract loop looks for newly installed content


class KioskApp(App):
    """``KioskApp(content, data_dir=..., kiosk=False, language=None).run()``"""

    title = "Musée du Kapitalisme"
    use_kivy_settings = False
    tr = ObjectProperty(None, rebind=True)
    theme = ObjectProperty(None, rebind=True)
    language = StringProperty("fr")
    second_language = StringProperty("")   # content texts shown in it too, beside the visitor's ("": none)
    basket_size = NumericProperty(0)       # exhibits on the visitor's list (kiosk.visit.basket)
    navigator_class = Navigator

    def __init__(self, content: ExhibitionContent, data_dir: Path, kiosk: bool = False, language: str | None = None,
                 content_source: Path | None = None, **kwargs):
        super().__init__(**kwargs)
        self.content = content
        self.live = LiveContent(content_source or content.root)  # new content goes live between two visitors
        self._live_checked = time.monotonic()
        self.kiosk_mode = kiosk
        self.start_language = language
        collection = content.collection
        self.session = VisitorSession(collection.languages.default)
        self.language = collection.languages.default
        self.tr = Translator(self.language)
        self.shown_in: set[str] = set()  # languages of texts shown in place of the visitor's (see text())
        self.qr = QrCache(data_dir / "qr")
        self.pictures = PictureCache()
        self.narration = NarrationPlayer()   # the kiosk's one reading at a time (kiosk.gui.widgets.narration)
        self.narration.bind(on_started=self._narration_started)
        self.speech = SpeechMaker(data_dir / "speech")   # audio guidance's words, spoken by espeak-ng here
        self.records = RecordStore(data_dir / "records.db")
        self.stats = StatsRecorder(data_dir / "stats.db")  # anonymous visit statistics, written off the UI thread
        self.visit_stats = VisitStats(self.stats.record, venue=lambda: self.venue)
        self.events = EventBus()  # visitor actions: views and the navigator emit, these subscribe
        connect_visit(self.events, stats=self.visit_stats, session=self.session)
        connect_records(self.events, store=lambda: self.records, venue=lambda: self.venue)
        self.venue = ""  # town and date, set in the facilitator menu
        self.idle = IdleWatcher(collection.idle_timeout, 10, on_warning=self._idle_warning,
                                on_reset=self._idle_reset, on_resume=self._idle_resume)
        self.settings = KioskSettings.load(data_dir)
        self.fleet = fleet_member(data_dir, self.live.source)   # a fleet's kiosk: its bundles, its reports (or None)
        self.health = HealthWriter(self, data_dir)   # health.json every minute, for kiosk doctor (and the fleet)
        self.pin_guard = PinGuard(self.settings)
        self.facilitator_language = FacilitatorLanguage(self.settings.facilitator_language)  # not the visitor's
        self.facilitator = Facilitator(self, GuiScreens(self), KivyScheduler())
        self.apply_settings()
        self.ready_seconds: float | None = None

    # --- building -------------------------------------------------------------------------
    def build(self):
        self.theme = Theme(reachable=self.settings.mounting.reachable_share())
        global_idmap["theme"] = self.theme  # exhibit types' kv files say `theme.pad` (see ViewContext)
        self.framerate = AdaptiveFrameRate()
        self.collector = QuietCollector()
        self.watchdog = Watchdog()   # systemd's, when the kiosk runs as a service with a watchdog
        self.input_waker = InputWaker(on_input=lambda: Clock.schedule_once_free(self._woken_by_input))
        if hasattr(Clock, "schedule_once_free"):  # the free_only clock, set by configure_kivy before Kivy loads
            self.input_waker.start()
        else:
            log.info("Kivy's clock was loaded before the kiosk configured it: touches after idle wait for a frame")
        self.root_widget = KioskRoot(on_secret_hold=self.facilitator.access.open_entry)
        # Every touch counts as activity, also on panels opened above the root (PIN pad, keyboard).
        Window.bind(on_touch_down=self._on_window_touch, on_touch_move=self._on_window_touch)
        self.navigator = self.navigator_class(self, self.root_widget.screens)
        # audio guidance (an access mode): touches explore and are spoken; it listens on the Window before the screens
        self.guide = AudioGuide(self, self.speech, on_activity=self._on_activity)
        self.guide.watch(self.root_widget.screens, self.root_widget)
        self.view_context = self._view_context()
        Window.bind(on_request_close=self._refuse_close if self.kiosk_mode else lambda *_: False)
        Window.bind(on_keyboard=self._on_keyboard)
        ExceptionManager.add_handler(ViewFaultHandler(self))
        Window.clearcolor = self.theme.paper    # every screen's paper: no screen paints a full-screen layer for it
        self.theme.bind(paper=lambda _theme, paper: setattr(Window, "clearcolor", paper))
        self.sleeper = Sleeper(self)   # outside opening hours, once nobody is visiting
        Clock.schedule_interval(self._tick, 1.0)
        self.first_screen()
        self.facilitator.start()
        Window.bind(on_flip=self._first_frame)
        return self.root_widget

    def _view_context(self) -> ViewContext:
        """All that exhibit views receive (kiosk.exhibit_types.context): no view sees the App."""
        navigator = lambda: self.navigator  # noqa: E731  (the preview swaps in its own navigator class)
        return ViewContext(
            language_now=lambda: self.language, fallbacks_now=lambda: self.fallbacks, venue_now=lambda: self.venue,
            collection_now=lambda: self.content.collection, records_now=lambda: self.records,
            text=self.text, second_text=self.second_text, second_now=lambda: self.shown_second, gettext=self.gettext,
            ngettext=lambda singular, plural, n: catalog(self.language).ngettext(singular, plural, n),
            emit=self.events.emit, pictures=self.pictures, qr=self.qr, theme=self.theme, group=self.facilitator.guided.group,
            open_exhibit=lambda exhibit_id: navigator().open_exhibit(exhibit_id),
            show_home=lambda room=None: navigator().show_home(room), back=lambda: navigator().back())

    def first_screen(self) -> None:
        """Attract, or straight into a visit when a start language was given."""
        if self.start_language:
            self.navigator.start_visit(self.start_language)
        else:
            self.navigator.show_attract()

    def _first_frame(self, *_args) -> None:
        """Log once, when the first frame has been drawn: 'ready in X.XX s' since the process started."""
        Window.unbind(on_flip=self._first_frame)
        self.ready_seconds = time.monotonic() - STARTED
        log.info("ready in %.2f s", self.ready_seconds)
        tune_heap()  # from now on big buffers go back to the system when freed (not before: it slows the start)
        self.collector.start()  # full garbage collections wait for a quiet moment, not in a tap's frame
        self.watchdog.ready()
        if self.watchdog.interval:   # from the main loop: a frozen loop stops telling systemd it is alive
            Clock.schedule_interval(self.watchdog.alive, self.watchdog.interval)
        self.navigator.prepare()
        self.health.start()

    def _woken_by_input(self, _dt) -> None:
        """A finger came down or lifted, seen outside Kivy: the loop reads it now, not after its sleep.

        This runs inside the clock's sleep (a "free" callback of the free_only clock), which
        otherwise lasts until 1/fps after the last frame (half a second when idle, 33 ms at full
        speed: a lifted finger then waited for it before the tap's screen was even built);
        moving the last frame's time back by that much ends the sleep, and the loop goes on to
        read the touch.
        """
        fps = self.framerate.fps
        self.framerate.wake()
        Clock._last_tick = min(Clock._last_tick, Clock.time() - 1.0 / max(fps, 1))

    def on_stop(self) -> None:
        self.watchdog.stopping()
        self.input_waker.stop()
        self.events.emit(VisitEnded(self._last_touch_time()))
        self.stats.close()
        self.records.close()

    def open_settings(self, *args):
        return False  # F1 opens nothing

    def _on_keyboard(self, _window, key, _scancode, _codepoint, modifiers) -> bool:
        """Keys do nothing in kiosk mode (Escape, F1, Alt+F4, …): it is left from the facilitator menu."""
        return self.kiosk_mode

    def _refuse_close(self, *_args) -> bool:
        log.info("close request refused (kiosk mode)")
        return True

    # --- facilitator settings and content -------------------------------------------------------
    def apply_settings(self) -> None:
        """Use the facilitator's settings: idle timeout, language of a new visit, venue, where the screen hangs."""
        collection = self.content.collection
        self.idle.timeout = self.settings.idle_timeout or collection.idle_timeout
        self.session.default_language = self.default_language
        self._default_second(self.default_second_language)
        self.venue = self.settings.venue
        self.facilitator_language.use(self.settings.facilitator_language)
        if self.theme is not None:     # built with the window (build); it takes the share there too
            self.theme.reachable = self.settings.mounting.reachable_share()
            if self.session.access.reach:
                self.theme.use_access(self.session.access)

    @property
    def default_language(self) -> str:
        languages = self.content.collection.languages
        chosen = self.settings.default_language
        return chosen if chosen in languages.languages else languages.default

    @property
    def default_second_language(self) -> str:
        """The venue's second language for a new visit ("" for none, or one the content does not have)."""
        chosen = self.settings.default_second_language
        return chosen if chosen in self.content.collection.languages.languages else ""

    def _default_second(self, language: str) -> None:
        """A new default second language: a visit that kept the one before takes it at once."""
        session = self.session
        if session.second_language == session.default_second_language and language != session.second_language:
            session.second_language = language
            self.second_language = language
        session.default_second_language = language

    def replace_content(self, content: ExhibitionContent) -> None:
        """Show new content: visitor screens are rebuilt from it on their next use."""
        log.info("content replaced: %d exhibits, %d skipped", len(content.exhibits), len(content.skipped))
        self.content = content
        self.navigator.forget_screens()
        self.session.reset()
        if self.navigator.current == "attract":
            self.navigator.prepare()
        self.apply_settings()
        self.release_memory()

    # --- language ---------------------------------------------------------------------------
    def set_language(self, language: str) -> None:
        """Switch every visible text to ``language``; the visitor keeps their place."""
        self.session.language = language
        self.events.emit(LanguageChosen(language))
        self.theme.use_language(language)
        self.tr.switch(language)
        self.language = language

    # --- the visitor's list -------------------------------------------------------------------
    def keep(self, exhibit_id: str) -> bool:
        """Put an exhibit on the visitor's list, or take it off (kiosk.visit.basket); True when it is on it now."""
        kept = self.session.keep(exhibit_id)
        self.basket_size = len(self.session.basket)
        return kept

    def basket_items(self) -> list:
        """The visitor's list in their language: each exhibit's title and its first link (kiosk.visit.basket)."""
        from kiosk.visit.basket import BasketItem

        items = []
        for exhibit_id in self.session.basket:
            manifest = self.content.exhibit(exhibit_id)
            if manifest is not None:   # (new content may have dropped it)
                links = manifest.links
                items.append(BasketItem(self.text(manifest.title), self.text(links[0].url) if links else ""))
        return items

    def basket_codes(self) -> list:
        """The texts of the QR codes that hand the list over: one, or two for a long list; none when it is empty."""
        from kiosk.visit.basket import basket_codes

        heading = self.gettext("My visit to {exhibition}").format(exhibition=self.text(self.content.collection.title))
        return basket_codes(heading, self.basket_items())

    def set_second_language(self, language: str) -> None:
        """Show content texts in ``language`` too, beside the visitor's ("": one language again); the visitor
        keeps their place. The interface (buttons, "Back") stays in the visitor's language."""
        language = language if language in self.content.collection.languages.languages else ""
        self.session.second_language = language
        self.events.emit(SecondLanguageChosen(language))
        self.second_language = language

    @property
    def shown_second(self) -> str:
        """The second language texts are shown in now: "" when there is none, or it is the visitor's own."""
        return self.second_language if self.second_language != self.language else ""

    def second_text(self, localized) -> str:
        """A content text in the second language, to show beside ``text(localized)``: "" when there is no
        second language, when the content has no text in it (never a fallback) or it would repeat the first."""
        if not localized or not self.shown_second:
            return ""
        first = localized.get(self.language, self.fallbacks)
        return keep_with_word(second_text(localized, self.shown_second, first))

    # --- access ---------------------------------------------------------------------------
    def set_access(self, mode: str, on: bool) -> None:
        """Turn one of the visitor's access modes on or off (kiosk.visit.access): every screen takes its sizes
        and colours at once; the modes last until the idle reset."""
        if self.session.access.set(mode, on):
            self.events.emit(AccessChanged(mode, on))
            self.theme.use_access(self.session.access)
            self.guide.follow(self.session.access)

    def _narration_started(self, player) -> None:
        self.events.emit(NarrationPlayed(self.session.exhibit_id or "", player.language))

    def gettext(self, text: str) -> str:
        """A text of the interface in the current language."""
        return self.tr._(text)

    def facilitator_gettext(self, text: str) -> str:
        """A text of the facilitator's screens, in the facilitator's language (set in the menu)."""
        return self.facilitator_language.gettext(text)

    def facilitator_text(self, localized) -> str:
        """A content text (a tour's title, an exhibit's) in the facilitator's language, falling back."""
        policy = self.content.collection.languages
        language = self.facilitator_language.language
        return keep_with_word(localized.get(language, [language, policy.default, *policy.languages])) if localized else ""

    @property
    def faulty(self) -> dict[str, str]:
        """Exhibits that failed while shown (id → error), until the next reload."""
        return self.navigator.faulty

    @property
    def fallbacks(self) -> list[str]:
        policy = self.content.collection.languages
        return [self.language, policy.default, *policy.languages]

    def text(self, localized) -> str:
        """A content text in the visitor's language, falling back but never empty.

        A text shown in another language is noted in ``shown_in`` (its language), so the
        screen can say so ("Some texts are shown in French"); screens clear it before drawing.
        """
        if not localized:
            return ""
        text, code = localized.get_with_language(self.language, self.fallbacks)
        if code != self.language and code != ANY_LANGUAGE and text:
            self.shown_in.add(code)
        return keep_with_word(text)

    # --- idle -------------------------------------------------------------------------------
    def _on_window_touch(self, *_args) -> bool:
        self._on_activity()
        return False  # the touch goes on to the widgets

    def _on_activity(self) -> None:
        self.idle.touch(time.monotonic())
        self.framerate.wake()

    def _tick(self, _dt) -> None:
        self.idle.tick(time.monotonic())
        self.root_widget.update_countdown(self.idle.remaining(time.monotonic()), self.idle.state)
        self.framerate.tick()
        self.collector.tick(time.monotonic(), self._last_activity())
        if self.facilitator.guided.running:
            self.root_widget.facilitator_bar.tick()
        if self.navigator.current == "attract" and time.monotonic() - self._live_checked >= LIVE_CHECK_SECONDS:
            self.take_new_content()  # nobody is visiting: new content can go live now
        self.sleeper.tick(datetime.now())

    def _last_activity(self) -> float:
        """The last touch, or now while a finger is on the screen."""
        return time.monotonic() if fingers_on_screen() else self.idle.last_touch

    def _idle_warning(self) -> None:
        if self.navigator.current != "attract":
            self.root_widget.show_countdown(self.tr._)

    def _idle_resume(self) -> None:
        self.root_widget.hide_countdown()

    def _idle_reset(self) -> None:
        log.info("idle: resetting for the next visitor")
        if self.session.basket:   # counted with the visit it belongs to: its size, never which exhibits
            self.events.emit(BasketKept(len(self.session.basket)))
        self.events.emit(VisitEnded(self._last_touch_time()))
        self.basket_size = 0
        self.root_widget.hide_countdown()
        from kiosk.gui.widgets.language_picker import LanguagePicker   # as navigation does: not at start-up
        LanguagePicker.close_for_next_visitor()
        from kiosk.gui.widgets.access_panel import AccessPanel
        AccessPanel.close_for_next_visitor()
        from kiosk.gui.widgets.basket_panel import BasketPanel
        BasketPanel.close_for_next_visitor()
        self.narration.stop()
        self.narration.reset_volume()   # the next visitor hears the default volume
        self.session.reset()
        self.theme.use_access(self.session.access)   # the next visitor finds the kiosk as it was set up
        self.guide.follow(self.session.access, quietly=True)
        self.set_language(self.default_language)
        self.second_language = self.session.second_language   # the venue's, or none
        self.navigator.reset()
        if not self.take_new_content():
            self.release_memory()
        self._install_from_fleet()

    def _install_from_fleet(self) -> None:
        """Between two visitors, a bundle the fleet's coordinator published is verified and installed in the
        background (seconds); it goes live as a stick's does, when the attract loop next looks (take_new_content)."""
        if self.fleet is None or self.fleet.pending() is None:
            return
        threading.Thread(target=self.fleet.install_pending, kwargs={"trusted": tuple(self.settings.trusted_keys)},
                         name="fleet-install", daemon=True).start()

    def _last_touch_time(self) -> float:
        """The last touch as wall-clock time (the idle watcher counts in monotonic time)."""
        return time.time() - max(0.0, time.monotonic() - self.idle.last_touch)

    def take_new_content(self) -> bool:
        """Show the content that went live since it was loaded (call between visitors); True if it changed."""
        self._live_checked = time.monotonic()
        if not self.live.changed():
            return False
        content = self.live.load()
        if content is None:
            return False
        self.replace_content(content)
        self.records.log("new content live", f"{len(content.exhibits)} exhibits", self.venue)
        return True

    def release_memory(self, keep_pictures: bool = False) -> None:
        """Free textures held by removed widgets (they sit in reference cycles), and give the memory back.

        Between two visitors the pictures go down to home's, and the garbage is collected now.
        During a visit (``keep_pictures``) the pictures stay, the next taps show them, and the
        garbage waits for a quiet moment (a full collection takes 100-230 ms: not in a tap's frame).
        """
        if keep_pictures:
            self.collector.want()
            return
        self.pictures.shrink(RESTING_BUDGET)
        self.collector.collect()


class ViewFaultHandler(ExceptionHandler):
    """An exception raised by an exhibit view during an event: the visitor goes home, the exhibit is marked faulty.

    Anything else is left to Kivy (which stops the app and logs the traceback).
    """

    def __init__(self, app: KioskApp):
        super().__init__()
        self.app = app

    def handle_exception(self, exception):
        navigator = getattr(self.app, "navigator", None)
        exhibit_id = self.app.session.exhibit_id
        if navigator is None or navigator.current != "exhibit" or exhibit_id is None:
            return ExceptionManager.RAISE
        navigator.exhibit_failed(exhibit_id, exception)
        return ExceptionManager.PASS
