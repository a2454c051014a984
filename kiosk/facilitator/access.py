"""Getting into the facilitator menu and out of the kiosk, and changing its settings (no Kivy here).

::

    gesture (3 s in the top-left corner) → PIN pad (when a PIN is set) → menu
    "Exit the kiosk" tapped twice within EXIT_CONFIRM_SECONDS → the kiosk stops

``SettingsEditor.change(**values)`` saves the facilitator's choices at once, applies them
and writes them to the session log that goes with an export. A value the settings refuse
(a date that is no date) changes nothing and comes back as a message for the menu.
"""

from __future__ import annotations

import logging

log = logging.getLogger(__name__)

EXIT_CONFIRM_SECONDS = 5.0


class FacilitatorAccess:
    """The hidden gesture, the PIN, the menu, and the only way out of ``--kiosk`` mode."""

    def __init__(self, kiosk, screens, clock, guided_running):
        self.kiosk, self.screens, self.clock = kiosk, screens, clock
        self._guided_running = guided_running  # () -> bool: a tour goes on when the menu closes
        self._exit_armed_at: float | None = None

    def warn_without_pin(self) -> None:
        if not self.kiosk.pin_guard.is_set:
            log.warning("no facilitator PIN is set: the menu opens without one. Set it with 'kiosk set-pin'.")

    def open_entry(self) -> None:
        """The hidden gesture: the PIN pad, or the menu straight away while no PIN is set."""
        if self.kiosk.pin_guard.is_set:
            self.screens.open_pin_pad(self.open_menu)
        else:
            self.open_menu()

    def open_menu(self) -> None:
        log.info("facilitator menu opened")
        self.screens.show_bar(False)
        self.screens.show_menu()

    def close_menu(self, show_step) -> None:
        """Back to the group's step when a tour runs (``show_step()``), else to the attract loop."""
        if self._guided_running():
            self.screens.show_bar(True)
            show_step()
        else:
            self.screens.leave_menu()

    def ask_exit(self) -> None:
        """Exit after a second tap within a few seconds."""
        now = self.clock.now()
        if self._exit_armed_at is not None and now - self._exit_armed_at <= EXIT_CONFIRM_SECONDS:
            log.info("facilitator left the kiosk")
            self.screens.quit()
            return
        self._exit_armed_at = now
        tr = self.kiosk.facilitator_gettext
        self.screens.notice(tr("Tap “Exit the kiosk” again to close the kiosk."))


class SettingsEditor:
    """The facilitator's changes to the kiosk's settings: saved, applied and logged, or refused."""

    def __init__(self, kiosk):
        self.kiosk = kiosk

    def change(self, **values) -> str | None:
        """Save ``values``; None when done, else why nothing changed (in the menu's language)."""
        settings = self.kiosk.settings
        before = settings.to_dict()
        try:
            for name, value in values.items():
                setattr(settings, name, value)
        except ValueError as exc:
            settings.update(before)
            log.warning("setting refused: %s", exc)
            tr = self.kiosk.facilitator_gettext
            return tr("Not changed: {reason}").format(reason=exc)
        settings.save()
        self.kiosk.apply_settings()
        for name, value in values.items():  # the session log that goes with an export
            self.kiosk.records.log("setting", f"{name}={'' if value is None else value}", self.kiosk.venue)
        return None
