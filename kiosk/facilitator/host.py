"""What the facilitator's logic needs from the kiosk around it, declared once (no Kivy here).

The controllers of :mod:`kiosk.facilitator` never import Kivy and never reach into the App.
They receive three things, each a small declared interface:

- ``kiosk``: the kiosk's state and stores (:class:`KioskCore`), the same object for every
  controller; the App is one, a test passes a ``SimpleNamespace``.
- ``screens``: what the facilitator sees and touches (:class:`FacilitatorScreens`),
  implemented in Kivy by :class:`kiosk.gui.facilitator.screens.GuiScreens`.
- ``clock``: monotonic time and callbacks on the UI thread (:class:`Scheduler`), Kivy's
  ``Clock`` in the kiosk and :class:`ManualClock` in the tests::

      clock = ManualClock()
      updates = ContentUpdates(kiosk, screens, clock)
      updates.install(found)        # a thread does the work…
      clock.run_pending()           # …and its outcome lands on the "UI thread" here
"""

from __future__ import annotations

import threading
from typing import Any, Callable, Protocol


class Scheduler(Protocol):
    def now(self) -> float:
        """Monotonic seconds."""

    def call_soon(self, callback: Callable[[], None]) -> None:
        """Run ``callback`` on the UI thread, soon; safe to call from any thread."""

    def every(self, seconds: float, callback: Callable[[], bool]) -> None:
        """Run ``callback`` every ``seconds`` on the UI thread until it returns False."""


class FacilitatorScreens(Protocol):
    def open_pin_pad(self, on_success: Callable[[], None]) -> None: ...
    def show_menu(self) -> None: ...
    def leave_menu(self) -> None:
        """Back to the attract loop, for the next visitor."""
    def show_bar(self, shown: bool) -> None: ...
    def refresh_bar(self) -> None: ...
    def refresh_menu(self) -> None:
        """Redraw the menu if it is showing."""
    def notice(self, text: str) -> None:
        """The answer to the facilitator's last action, on the menu."""
    def show_to_group(self, exhibit_id: str) -> None:
        """Start a visit if none runs, then open the exhibit."""
    def refresh_exhibit(self) -> None: ...
    def shown_view(self) -> Any:
        """The exhibit view the group is looking at (kiosk.gui.widgets.exhibit_view.ExhibitView), or None."""
    def confirm(self, title: str, text: str, yes_label: str, on_yes: Callable[[], None]) -> None: ...
    def quit(self) -> None: ...


class KioskCore(Protocol):
    """The kiosk's state and stores, as the facilitator's controllers read them."""

    content: Any            # kiosk.content.loader.ExhibitionContent, replaced on reload
    settings: Any           # kiosk.facilitator.settings.KioskSettings
    records: Any            # kiosk.records.RecordStore
    stats: Any              # kiosk.stats.recorder.StatsRecorder
    events: Any             # kiosk.events.EventBus: what the group does counts like a visit
    idle: Any               # kiosk.visit.idle.IdleWatcher
    session: Any            # kiosk.visit.session.VisitorSession
    live: Any               # kiosk.content.live.LiveContent
    pin_guard: Any          # kiosk.facilitator.pin.PinGuard
    language: str
    venue: str
    faulty: dict[str, str]  # exhibit id → what went wrong while it was shown

    def gettext(self, text: str) -> str: ...                 # the visitor's language
    def text(self, localized) -> str: ...
    def facilitator_gettext(self, text: str) -> str: ...     # the facilitator's language (the menu's)
    def facilitator_text(self, localized) -> str: ...
    def apply_settings(self) -> None: ...
    def replace_content(self, content) -> None: ...


class ManualClock:
    """A :class:`Scheduler` for tests: time moves when told, callbacks run when told."""

    def __init__(self, start: float = 1000.0):
        self.time = start
        self._lock = threading.Lock()
        self._soon: list[Callable[[], None]] = []
        self._repeating: list[tuple[float, Callable[[], bool]]] = []

    def now(self) -> float:
        return self.time

    def call_soon(self, callback) -> None:
        with self._lock:
            self._soon.append(callback)

    def every(self, seconds: float, callback) -> None:
        self._repeating.append((seconds, callback))

    def advance(self, seconds: float) -> None:
        self.time += seconds
        self.run_pending()

    def run_pending(self) -> None:
        """Run what was handed to the UI thread, then each repeating callback once."""
        with self._lock:
            soon, self._soon = self._soon, []
        for callback in soon:
            callback()
        self._repeating = [(s, c) for s, c in self._repeating if c() is not False]
