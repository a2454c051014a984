"""What the facilitator takes home: the session's records and statistics on a USB stick (no Kivy here).

::

    export = SessionExport(kiosk)
    for drive in export.drives():
        message = export.export(drive.mount_point)   # the answer, in the menu's language
    export.today()                                   # today's numbers for the menu, or None
"""

from __future__ import annotations

import logging

log = logging.getLogger(__name__)

FLUSH_SECONDS = 2


class SessionExport:
    def __init__(self, kiosk):
        self.kiosk = kiosk

    def drives(self) -> list:
        from kiosk.facilitator.export import removable_drives

        try:
            return removable_drives()
        except OSError as exc:
            log.warning("could not list removable drives: %s", exc)
            return []

    def export(self, folder) -> str:
        """Export to ``folder``; what happened, in the menu's language."""
        from kiosk.facilitator.export import ExportError, export_session
        from kiosk.facilitator.export_data import collect

        kiosk = self.kiosk
        try:
            data = collect(kiosk.records, kiosk.content, kiosk.venue, kiosk.language)
            written = export_session(data, folder)
        except ExportError as exc:
            log.warning("export to %s failed: %s", folder, exc)
            return self._translated(exc)
        self._export_stats(written)
        kiosk.records.log("export", written.name, kiosk.venue)
        tr = kiosk.facilitator_gettext
        return tr("Exported to {folder}").format(folder=written)

    def _translated(self, error) -> str:
        """The export error's message in the menu's language (its English text when untranslated)."""
        from kiosk.facilitator.export import MESSAGES, export_message

        if error.kind not in MESSAGES:
            return str(error)
        return export_message(error.kind, error.details, self.kiosk.facilitator_gettext,
                              self.kiosk.settings.facilitator_language)

    def _export_stats(self, folder) -> None:
        """The anonymous statistics beside the export, for ``kiosk stats merge`` and ``kiosk report`` elsewhere."""
        from kiosk.stats.store import StatsError, copy_stats

        self.kiosk.stats.flush(timeout=FLUSH_SECONDS)
        try:
            copy_stats(self.kiosk.stats.path, folder / "stats.db")
        except (StatsError, OSError) as exc:
            log.warning("the statistics were not exported to %s: %s", folder, exc)

    def today(self):
        """Today's visits at this venue, or None when the statistics cannot be read (logged)."""
        from kiosk.stats.query import today_numbers
        from kiosk.stats.store import StatsError

        try:
            return today_numbers(self.kiosk.stats.path, venue=self.kiosk.venue)
        except (StatsError, OSError) as exc:
            log.warning("today's numbers cannot be read: %s", exc)
            return None
