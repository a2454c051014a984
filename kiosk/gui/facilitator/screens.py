"""The facilitator's logic (:mod:`kiosk.facilitator`) shown with Kivy: its screens and its clock.

:class:`GuiScreens` implements :class:`kiosk.facilitator.host.FacilitatorScreens` with the
kiosk's navigator, root widget and dialogs; :class:`KivyScheduler` implements
:class:`kiosk.facilitator.host.Scheduler` with Kivy's ``Clock``.
"""

from __future__ import annotations

import time

from kivy.clock import Clock


class KivyScheduler:
    def now(self) -> float:
        return time.monotonic()

    def call_soon(self, callback) -> None:
        Clock.schedule_once(lambda _dt: callback())  # Kivy's Clock may be called from any thread

    def every(self, seconds: float, callback) -> None:
        Clock.schedule_interval(lambda _dt: callback(), seconds)


class GuiScreens:
    def __init__(self, app):
        self.app = app

    @property
    def navigator(self):
        return self.app.navigator

    def open_pin_pad(self, on_success) -> None:
        from kiosk.gui.facilitator.pin_pad import PinPad

        PinPad(guard=self.app.pin_guard, on_success=on_success, gettext=self.app.facilitator_gettext).open()

    def show_menu(self) -> None:
        self.navigator.go("facilitator")

    def leave_menu(self) -> None:
        self.navigator.reset()

    def show_bar(self, shown: bool) -> None:
        self.app.root_widget.show_facilitator_bar(shown)

    def refresh_bar(self) -> None:
        self.app.root_widget.facilitator_bar.refresh()

    def refresh_menu(self) -> None:
        if self.navigator.current == "facilitator":
            self.navigator.screen("facilitator").refresh()

    def notice(self, text: str) -> None:
        self.navigator.screen("facilitator").notice = text

    def show_to_group(self, exhibit_id: str) -> None:
        if self.navigator.current in ("attract", "language", "facilitator"):
            self.navigator.start_visit(self.app.language)
        self.navigator.open_exhibit(exhibit_id)

    def refresh_exhibit(self) -> None:
        self.navigator.screen("exhibit").refresh()

    def shown_view(self):
        return self.navigator.screen("exhibit").view if self.navigator.current == "exhibit" else None

    def confirm(self, title: str, text: str, yes_label: str, on_yes) -> None:
        from kiosk.gui.widgets.dialogs import confirm

        confirm(self.app, title, text, yes_label, on_yes)

    def quit(self) -> None:
        self.app.stop()
