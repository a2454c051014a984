"""The facilitator's side of the kiosk, put together (no Kivy here).

Each part serves one thing the facilitator does; this class only builds them and wires
the few places where one part needs another::

    facilitator = Facilitator(kiosk, screens, clock)
    facilitator.access           # gesture, PIN, menu, exit          (kiosk.facilitator.access)
    facilitator.settings_editor  # mode, language, timeout, venue    (kiosk.facilitator.access)
    facilitator.guided           # guided paths: tours and workshops (kiosk.facilitator.guided_paths)
    facilitator.content          # problems, reload, stick bundles   (kiosk.facilitator.content_updates)
    facilitator.export           # USB export, today's numbers       (kiosk.facilitator.session_export)
    facilitator.wall             # reading the wall's ideas          (kiosk.facilitator.moderation)
    facilitator.printing         # print-ready PDFs to a stick       (kiosk.facilitator.print_export)

``kiosk``, ``screens`` and ``clock`` are declared in :mod:`kiosk.facilitator.host`.
"""

from __future__ import annotations

from kiosk.facilitator.access import FacilitatorAccess, SettingsEditor
from kiosk.facilitator.content_updates import ContentUpdates
from kiosk.facilitator.guided_paths import GuidedPaths
from kiosk.facilitator.moderation import WallModeration
from kiosk.facilitator.print_export import PrintExport
from kiosk.facilitator.session_export import SessionExport


class Facilitator:
    def __init__(self, kiosk, screens, clock):
        self.settings_editor = SettingsEditor(kiosk)
        self.guided = GuidedPaths(kiosk, screens, clock, self.settings_editor)
        self.access = FacilitatorAccess(kiosk, screens, clock, guided_running=lambda: self.guided.running)
        self.content = ContentUpdates(kiosk, screens, clock, stop_guided=self.guided.stop)
        self.export = SessionExport(kiosk)
        self.wall = WallModeration(kiosk)
        self.printing = PrintExport(kiosk, screens, clock)

    def start(self) -> None:
        """At start-up: say when no PIN protects the menu, and take up an interrupted guided session."""
        self.access.warn_without_pin()
        self.guided.resume()

    def close_menu(self) -> None:
        self.access.close_menu(self.guided.show_step)
