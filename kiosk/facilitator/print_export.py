"""Print-ready PDFs onto a USB stick, from the facilitator's menu (no Kivy here).

The same files as ``kiosk print`` (:mod:`kiosk.printing.make`), in every language of the exhibition, into a new
folder ``kiosk-print-YYYY-MM-DD-HHMM`` on the stick, made in a background thread; the menu shows the progress,
then where they are. A full or pulled-out stick says so; what was written stays whole (each file is written
aside, then renamed)::

    printing = PrintExport(kiosk, screens, clock)
    printing.start(Path("/media/kiosk/STICK"))
"""

from __future__ import annotations

import logging
import threading
from datetime import datetime
from pathlib import Path

log = logging.getLogger(__name__)
PROGRESS_SECONDS = 0.5


class PrintExport:
    def __init__(self, kiosk, screens, clock):
        self.kiosk, self.screens, self.clock = kiosk, screens, clock
        self.done: tuple[int, int] | None = None   # (files made, files to make) while it runs

    def start(self, folder) -> None:
        if self.done is not None:
            return
        from kiosk.printing.make import jobs

        content = self.kiosk.content
        languages = self.languages()
        self.done = (0, len(jobs(content)) * len(languages))
        target = Path(folder) / datetime.now().strftime("kiosk-print-%Y-%m-%d-%H%M")
        threading.Thread(target=self._make, args=(target, languages), name="print", daemon=True).start()
        self.clock.every(PROGRESS_SECONDS, self._show_progress)

    def languages(self) -> list[str]:
        """Every language of the exhibition: a venue prints for its visitors, whatever the menu speaks."""
        return list(self.kiosk.content.collection.languages.languages)

    def _show_progress(self) -> bool:
        if self.done is None:
            return False
        tr = self.kiosk.facilitator_gettext
        self.screens.notice(tr("Making the PDFs… {done} of {total}").format(done=self.done[0], total=self.done[1]))
        return True

    def _make(self, target: Path, languages: list[str]) -> None:
        from kiosk.printing.make import print_all

        tr = self.kiosk.facilitator_gettext

        def progress(_name: str) -> None:
            self.done = (self.done[0] + 1, self.done[1])

        try:
            result = print_all(self.kiosk.live.source, target, languages, progress=progress)
            outcome = tr("{count} PDF files written to {folder}").format(count=len(result.files), folder=target)
        except OSError as exc:   # a full, read-only or pulled-out stick
            log.warning("printing to %s failed: %s", target, exc)
            outcome = tr("The PDFs could not be written to {folder}: {reason}").format(
                folder=target.parent, reason=exc.strerror or exc)
        except Exception as exc:   # never let it take the kiosk down
            log.exception("printing to %s failed", target)
            outcome = f"{type(exc).__name__}: {exc}"
        self.clock.call_soon(lambda: self._finished(outcome))

    def _finished(self, outcome: str) -> None:
        self.done = None
        self.screens.notice(outcome)
        self.screens.refresh_menu()
