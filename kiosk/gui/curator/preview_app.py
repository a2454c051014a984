"""The window of ``kiosk preview``: the kiosk on one exhibit, reloaded on every save (Kivy).

Import this module only after :func:`kiosk.gui.kivy_config.configure_kivy`; the command,
the loading and the watching are in :mod:`kiosk.gui.curator.preview`, free of Kivy.
"""

from __future__ import annotations

import copy
import logging
import signal
from pathlib import Path

from kivy.clock import Clock
from kivy.lang import Builder
from kivy.properties import BooleanProperty, ListProperty, OptionProperty, StringProperty
from kivy.uix.boxlayout import BoxLayout

from kiosk.content.exhibit import MANIFEST
from kiosk.content.findings import display_path
from kiosk.facilitator.access import FacilitatorAccess
from kiosk.facilitator.controller import Facilitator
from kiosk.gui.app import KioskApp
from kiosk.gui.curator.preview import KV_FILE, PROBLEM_SCREEN, PreviewLoad, SaveWatcher, emit, load_preview, place
from kiosk.gui.facilitator.screens import GuiScreens, KivyScheduler
from kiosk.gui.navigation import Navigator
from kiosk.gui.screens.base import KioskScreen
from kiosk.gui.theme import rgba

log = logging.getLogger(__name__)
Builder.load_file(str(KV_FILE))

ERROR_COLOUR = rgba("#9B1C1C")  # carries white text (8.2:1)

class PreviewNavigator(Navigator):
    """Back and Home start the exhibit over; a view that fails shows the problem panel."""

    def exhibit_failed(self, exhibit_id: str, error: BaseException) -> None:
        self.app.view_failed(error)

    def show_home(self, room: str | None = None) -> None:
        self.app.start_over()

    def back(self) -> None:
        self.app.start_over()

class PreviewAccess(FacilitatorAccess):
    """The hidden gesture opens nothing in a preview."""

    def open_entry(self) -> None:
        pass


class PreviewFacilitator(Facilitator):
    """One curator, no group: no PIN, no menu, no guided session to resume."""

    def __init__(self, kiosk, screens, clock):
        super().__init__(kiosk, screens, clock)
        self.access = PreviewAccess(kiosk, screens, clock, guided_running=lambda: False)

    def start(self) -> None:
        pass

class PreviewFindingCard(BoxLayout):
    place = StringProperty("")
    message = StringProperty("")
    hint = StringProperty("")
    stripe = ListProperty([0, 0, 0, 1])
    quiet = BooleanProperty(False)  # a warning: smaller and muted

class PreviewProblemScreen(KioskScreen):
    """Instead of the exhibit: its errors, or the exception its view raised, and what to do."""

    exhibit_id = StringProperty("")
    mode = OptionProperty("errors", options=("errors", "fault"))
    has_warnings = BooleanProperty(False)

    def show_findings(self, loaded: PreviewLoad) -> None:
        self._show(loaded.exhibit_id, "errors",
                   [self._card(place(f, loaded.root), f.message, f.hint, ERROR_COLOUR) for f in loaded.errors],
                   [self._card(place(f, loaded.root), f.message, f.hint, self.app.theme.accent, quiet=True)
                    for f in loaded.warnings])

    def show_fault(self, exhibit_id: str, where: str, error: BaseException) -> None:
        hint = self.app.tr._("The full error is printed in the terminal.")
        self._show(exhibit_id, "fault", [self._card(where, f"{type(error).__name__}: {error}", hint,
                                                     ERROR_COLOUR)], [])

    def _show(self, exhibit_id: str, mode: str, errors: list, warnings: list) -> None:
        self.exhibit_id, self.mode = exhibit_id, mode
        self.has_warnings = bool(warnings)
        for box, cards in ((self.ids.errors, errors), (self.ids.warnings, warnings)):
            box.clear_widgets()
            for card in cards:
                box.add_widget(card)
        self.ids.scroll.scroll_y = 1

    @staticmethod
    def _card(where: str, message: str, hint: str, stripe, quiet: bool = False) -> PreviewFindingCard:
        return PreviewFindingCard(place=where, message=message, hint=hint, stripe=list(stripe),
                                  quiet=quiet)

class PreviewApp(KioskApp):
    """``PreviewApp(loaded, data_dir, language).run()``: the kiosk on one exhibit, reloaded on every save."""

    def __init__(self, loaded: PreviewLoad, data_dir: Path, language: str | None = None, **kwargs):
        data_dir.mkdir(parents=True, exist_ok=True)
        language = language or loaded.content.collection.languages.default
        super().__init__(loaded.content, data_dir=data_dir, kiosk=False, language=language, **kwargs)
        self.facilitator = PreviewFacilitator(self, GuiScreens(self), KivyScheduler())
        self.loaded = loaded
        self.exhibit_id = loaded.exhibit_id
        self.title = f"{self.tr._('Preview')}: {self.exhibit_id}"
        self.watcher = SaveWatcher(loaded.folder, on_change=lambda: Clock.schedule_once(self.reload))
        self._trial: list | None = None  # failures while a view is being built, when one is
        self._stop_requested = False

    # --- building and stopping -------------------------------------------------------------
    navigator_class = PreviewNavigator

    def first_screen(self) -> None:
        """Straight to the exhibit (or its problems), never attract or home."""
        self.idle.paused = True
        self.root_widget.screens.add_widget(
            PreviewProblemScreen(name=PROBLEM_SCREEN, app=self, navigator=self.navigator))
        self.watcher.start()  # before the first report line: a save right after it is seen
        self.present(self.loaded)

    def on_start(self) -> None:
        for signum in (signal.SIGINT, signal.SIGTERM):  # Ctrl+C in the terminal, or a kill: a clean stop
            signal.signal(signum, self._request_stop)
        Clock.schedule_interval(self._stop_if_requested, 0.2)

    def _request_stop(self, _signum, _frame) -> None:
        self._stop_requested = True  # only a flag: a signal handler must not touch the Clock's lock

    def _stop_if_requested(self, _dt) -> None:
        if self._stop_requested:
            self.stop()

    def on_stop(self) -> None:
        self.watcher.stop()
        super().on_stop()

    # --- reloading ----------------------------------------------------------------------------
    def reload(self, _dt=None) -> None:
        self.framerate.wake()
        try:
            self.present(load_preview(self.loaded.folder))
        except Exception as exc:  # whatever goes wrong, the curator gets the panel and the preview goes on
            self.show_fault(exc)

    def present(self, loaded: PreviewLoad) -> None:
        """Show the exhibit if it is valid, else the problem panel; tell the terminal either way."""
        self.loaded = loaded
        manifest = loaded.manifest
        if manifest is None:
            self.navigator.screen(PROBLEM_SCREEN).show_findings(loaded)
            self.navigator.go(PROBLEM_SCREEN)
            emit(loaded.report())
            return
        state = self._kept_state(manifest)
        if loaded.content is not self.content:
            language = self.language
            self.replace_content(loaded.content)
            languages = loaded.content.collection.languages.languages
            self.set_language(language if language in languages else self.default_language)
        if self.open_exhibit(manifest, state):
            emit(loaded.shown())

    def _kept_state(self, manifest) -> dict:
        """A copy of the curator's place in the exhibit, if it is still the same type of exhibit."""
        shown = self.content.exhibit(self.exhibit_id)
        if shown is None or shown.type != manifest.type:
            return {}
        return copy.deepcopy(self.session.views.get(self.exhibit_id, {}))

    def open_exhibit(self, manifest, state: dict) -> bool:
        """Build the exhibit's view at the curator's place, or from its start if that fails."""
        error = self._try_open(manifest, state)
        if error is not None and state:
            log.info("preview: %s could not keep its place (%r); showing it from the start", manifest.id, error)
            error = self._try_open(manifest, {})
        if error is not None:
            self.session.views[manifest.id] = state  # the place comes back once the next save mends the view
            self.show_fault(error)
            return False
        return True

    def _try_open(self, manifest, state: dict) -> BaseException | None:
        self.session.views[manifest.id] = state
        self.session.exhibit_id = manifest.id
        self._trial = []
        try:
            if self.navigator.screen("exhibit").show(manifest):
                self.navigator.go("exhibit")
        except Exception as exc:  # a bug in a screen, not in the view: still the curator's panel, not a crash
            self._trial.append(exc)
        failures, self._trial = self._trial, None
        return failures[0] if failures else None

    def start_over(self) -> None:
        manifest = self.content.exhibit(self.exhibit_id)
        if manifest is not None and self.navigator.current == "exhibit":
            self.open_exhibit(manifest, {})

    # --- when the view fails -------------------------------------------------------------------
    def view_failed(self, error: BaseException) -> None:
        """The exhibit's view raised (while built, refreshed, or in an event)."""
        if self._trial is not None:
            self._trial.append(error)
        else:
            self.show_fault(error)

    def show_fault(self, error: BaseException) -> None:
        log.error("preview: %s failed while being shown", self.exhibit_id, exc_info=error)
        where = display_path(self.loaded.folder / MANIFEST, self.loaded.root)
        self.navigator.screen(PROBLEM_SCREEN).show_fault(self.exhibit_id, where, error)
        self.navigator.go(PROBLEM_SCREEN)
        emit([f"preview: {self.exhibit_id} failed while being shown: {type(error).__name__}: {error}"])

