"""Facilitator mode: the hidden gesture and PIN, the menu's actions, guided tours and workshops.

The one place that knows the facilitator's flow, as :mod:`kiosk.gui.navigation` knows the
visitor's::

    gesture (3 s in the top-left corner) → PIN pad → menu (screen "facilitator")
    menu → start a path → the group sees each step; the facilitator bar has previous,
    next, the step timer, notes and prompts, and "show results" on a poll

A guided session pauses the visitors' idle reset and puts polls in group mode (results
wait for the facilitator). Rules with no Kivy live elsewhere: PIN and lock-out in
:mod:`kiosk.facilitator.pin`, steps and timer in :mod:`kiosk.facilitator.guided`, settings in
:mod:`kiosk.facilitator.settings`, the export in :mod:`kiosk.facilitator.export`.
"""

from __future__ import annotations

import logging
import threading
import time

from kivy.clock import Clock

from kiosk.content.findings import display_path
from kiosk.facilitator.guided import GuidedSession

log = logging.getLogger(__name__)

EXIT_CONFIRM_SECONDS = 5.0


class Facilitation:
    def __init__(self, app):
        self.app = app
        self.guided: GuidedSession | None = None
        self._exit_armed_at = 0.0
        self.installing: float | None = None  # the share done while a bundle is being installed

    def start(self) -> None:
        """At start-up: say when no PIN protects the menu, and resume an interrupted guided session."""
        if not self.app.pin_guard.is_set:
            log.warning("no facilitator PIN is set: the menu opens without one. Set it with 'kiosk set-pin'.")
        settings = self.app.settings
        if settings.mode != "free" and settings.path and self.app.content.path(settings.path):
            self.start_guided(settings.path)

    # --- getting in and out -----------------------------------------------------------------
    def open_entry(self) -> None:
        """The hidden gesture: the PIN pad, or the menu straight away while no PIN is set."""
        if not self.app.pin_guard.is_set:
            self.open_menu()
            return
        from kiosk.gui.facilitator.pin_pad import PinPad

        PinPad(guard=self.app.pin_guard, on_success=self.open_menu, gettext=self.app.tr._).open()

    def open_menu(self) -> None:
        log.info("facilitator menu opened")
        self.app.root_widget.show_facilitator_bar(False)
        self.app.navigator.go("facilitator")

    def close_menu(self) -> None:
        if self.guided:
            self.app.root_widget.show_facilitator_bar(True)
            self.show_step()
        else:
            self.app.navigator.reset()

    def ask_exit(self) -> None:
        """Exit after a second tap within a few seconds (the only way out of --kiosk mode)."""
        now = time.monotonic()
        if now - self._exit_armed_at <= EXIT_CONFIRM_SECONDS:
            log.info("facilitator left the kiosk")
            self.app.stop()
            return
        self._exit_armed_at = now
        self._notice(self.app.tr._("Tap “Exit the kiosk” again to close the kiosk."))

    # --- settings ---------------------------------------------------------------------------
    def change_settings(self, **values) -> None:
        settings = self.app.settings
        for name, value in values.items():
            setattr(settings, name, value)
        settings.save()
        self.app.apply_settings()
        for name, value in values.items():  # the session log that goes with an export
            self.app.records.log("setting", f"{name}={'' if value is None else value}", self.app.venue)

    # --- guided tours and workshops ---------------------------------------------------------
    def start_guided(self, path_id: str) -> None:
        path = self.app.content.path(path_id)
        if path is None:
            return
        self.change_settings(mode="guided" if path.kind == "tour" else "workshop", path=path_id)
        self.guided = GuidedSession(path, time.monotonic())
        self.app.visit_stats.visit_ended()     # whoever was visiting, then the group's session counts as one visit
        self.app.visit_stats.visit_started()
        self.app.visit_stats.language(self.app.language)
        self.app.group_mode = True
        self.app.revealed_polls.clear()
        self.app.idle.paused = True
        self.app.records.log("path started", path_id, self.app.venue)
        log.info("guided session started: %s", path_id)
        self.app.root_widget.show_facilitator_bar(True)
        self.show_step()

    def stop_guided(self) -> None:
        if self.guided:
            self.app.records.log("path ended", self.guided.path.id, self.app.venue)
            self.app.visit_stats.visit_ended()
        self.guided = None
        self.app.group_mode = False
        self.app.idle.paused = False
        self.app.root_widget.show_facilitator_bar(False)
        if self.app.settings.path:
            self.change_settings(path=None)

    def show_step(self) -> None:
        if not self.guided:
            return
        navigator = self.app.navigator
        if navigator.current in ("attract", "language", "facilitator"):
            navigator.start_visit(self.app.language)
        navigator.open_exhibit(self.guided.step.exhibit)
        self.app.root_widget.facilitator_bar.refresh()

    def next_step(self) -> None:
        if self.guided and self.guided.next(time.monotonic()):
            self.show_step()

    def previous_step(self) -> None:
        if self.guided and self.guided.previous(time.monotonic()):
            self.show_step()

    def current_poll(self) -> str | None:
        """The id of the poll the group is looking at, if it is one."""
        manifest = self.app.content.exhibit(self.app.session.exhibit_id)
        return manifest.id if manifest is not None and manifest.type == "poll" else None

    def reveal_results(self, shown: bool = True) -> None:
        poll = self.current_poll()
        if poll is None:
            return
        (self.app.revealed_polls.add if shown else self.app.revealed_polls.discard)(poll)
        self.app.navigator.screen("exhibit").refresh()

    # --- content ----------------------------------------------------------------------------
    def problems(self) -> list[str]:
        """One line per skipped exhibit or path and per faulty exhibit, for the menu."""
        content, lines = self.app.content, []
        for result in [*content.skipped, *(r for r in content.path_results if not r.valid)]:
            first = next((f for f in result.findings if f.is_error), None)
            lines.append(f"{result.id}: " + (first.format(content.root.parent) if first else "invalid"))
        for exhibit_id, error in self.app.navigator.faulty.items():
            failed = self.app.tr._("failed while shown")
            lines.append(f"{exhibit_id}: {failed} ({error})")
        return lines

    def reload_content(self) -> str:
        tr = self.app.tr._
        content = self.app.live.read()
        if content.collection is None:
            first = content.collection_findings[0] if content.collection_findings else None
            reason = first.format(content.root.parent) if first else display_path(content.root)
            log.error("content reload refused, the content in use is kept: %s", reason)
            return tr("The content could not be read; the previous content is kept.") + f" ({reason})"
        self.stop_guided()
        self.app.replace_content(content)
        self.app.records.log("content reloaded", f"{len(content.exhibits)} exhibits", self.app.venue)
        return tr("Content reloaded: {exhibits} exhibits, {skipped} skipped.").format(
            exhibits=len(content.exhibits), skipped=len(content.skipped))

    # --- wall, export, typing -----------------------------------------------------------------
    def open_moderation(self) -> None:
        from kiosk.gui.facilitator.moderation import ModerationPanel
        from kiosk.gui.widgets.dialogs import open_panel

        open_panel(ModerationPanel(self.app), self.app.tr._("Close"),
                   on_close=lambda: self.app.navigator.screen("facilitator").refresh())

    def drives(self) -> list:
        from kiosk.facilitator.export import removable_drives

        try:
            return removable_drives()
        except OSError as exc:
            log.warning("could not list removable drives: %s", exc)
            return []

    def export(self, folder) -> str:
        from kiosk.facilitator.export import ExportError, export_session
        from kiosk.facilitator.export_data import collect

        try:
            data = collect(self.app.records, self.app.content, self.app.venue, self.app.language)
            written = export_session(data, folder)
        except ExportError as exc:
            log.warning("export to %s failed: %s", folder, exc)
            return str(exc)
        self._export_stats(written)
        self.app.records.log("export", written.name, self.app.venue)
        return self.app.tr._("Exported to {folder}").format(folder=written)

    # --- today's numbers -------------------------------------------------------------------------
    def today(self):
        """Today's visits at this venue, or None when the statistics cannot be read (logged)."""
        from kiosk.stats.query import today_numbers
        from kiosk.stats.store import StatsError

        try:
            return today_numbers(self.app.stats.path, venue=self.app.venue)
        except (StatsError, OSError) as exc:
            log.warning("today's numbers cannot be read: %s", exc)
            return None

    # --- new content from a USB stick -----------------------------------------------------------
    def stick_bundles(self) -> list:
        """Bundles in ``KIOSK_CONTENT/`` on the plugged-in sticks (read-only sticks too)."""
        from kiosk.facilitator.export import removable_drives
        from kiosk.facilitator.sticks import stick_bundles

        try:
            return stick_bundles(removable_drives(writable=False))
        except OSError as exc:
            log.warning("could not list removable drives: %s", exc)
            return []

    def describe_live(self) -> str:
        """The live content as the facilitator reads it: its bundle's title, version and date, or its title."""
        from kiosk.bundles import live_info

        live = live_info(self.app.live.source)
        if live:
            return self.describe(live)
        return self.app.tr._("“{title}” (not installed from a bundle)").format(
            title=self.app.text(self.app.content.collection.title))

    def describe(self, info) -> str:
        """A bundle as the facilitator reads it: title, version and date, in the menu's language."""
        title = info.title.get(self.app.language) or info.title_default
        return self.app.tr._("“{title}”, version {version}, made {date}").format(
            title=title, version=info.version, date=info.made_local)

    def confirm_install(self, found) -> None:
        from kiosk.gui.widgets.dialogs import confirm

        tr = self.app.tr._
        text = "\n\n".join([tr("Install {bundle}?").format(bundle=self.describe(found.info)),
                             tr("Live now: {bundle}").format(bundle=self.describe_live()),
                             tr("Visitors see the new content from the next visit on. The version live now is "
                                "kept: 'kiosk rollback' puts it back.")])
        confirm(self.app, tr("New content"), text, tr("Install"), lambda: self.install(found))

    def install(self, found) -> None:
        """Install ``found`` in the background; the menu shows the progress, then the outcome."""
        if self.installing is not None:
            return
        self.installing = 0.0
        threading.Thread(target=self._install, args=(found,), name="bundle-install", daemon=True).start()
        self._refresh_menu()
        Clock.schedule_interval(self._show_progress, 0.5)

    def _show_progress(self, _dt=None) -> bool:
        if self.installing is None:
            return False  # done: the outcome replaced the progress
        self._notice(self.app.tr._("Installing… {percent} %").format(percent=int(self.installing * 100)))
        return True

    def _install(self, found) -> None:
        from kiosk.bundles import BundleError, install_bundle

        def progress(done: int, total: int) -> None:
            self.installing = done / total if total else 1.0

        try:
            install_bundle(found.path, self.app.live.source, progress=progress)
            outcome = None
        except BundleError as exc:
            outcome = str(exc)
        except Exception as exc:  # never let a failed install take the kiosk down
            log.exception("installing %s failed", found.path)
            outcome = f"{type(exc).__name__}: {exc}"
        Clock.schedule_once(lambda _dt: self._installed(found, outcome))

    def _installed(self, found, problem: str | None) -> None:
        self.installing = None
        self._refresh_menu()
        tr = self.app.tr._
        if problem:
            log.warning("content from %s not installed: %s", found.path, problem)
            self._notice(tr("Not installed; the content live now is unchanged. {reason}").format(reason=problem))
            return
        self.app.records.log("content installed", f"{found.info.version} from {found.path.name}", self.app.venue)
        self._notice(tr("Installed: {bundle}. Visitors see it from the next visit on.").format(
            bundle=self.describe(found.info)))

    def _export_stats(self, folder) -> None:
        """The anonymous statistics beside the export, for ``kiosk stats merge`` and ``kiosk report`` elsewhere."""
        from kiosk.stats.store import StatsError, copy_stats

        self.app.stats.flush(timeout=2)
        try:
            copy_stats(self.app.stats.path, folder / "stats.db")
        except (StatsError, OSError) as exc:
            log.warning("the statistics were not exported to %s: %s", folder, exc)

    def choose_folder(self, on_chosen) -> None:
        from kiosk.gui.widgets.dialogs import choose_folder

        choose_folder(self.app, on_chosen)

    def ask_text(self, title: str, initial: str, max_length: int, on_done) -> None:
        from kiosk.gui.widgets.dialogs import ask_text

        ask_text(self.app, title, initial, max_length, on_done)

    def _refresh_menu(self) -> None:
        if self.app.navigator.current == "facilitator":
            self.app.navigator.screen("facilitator").refresh()

    def _notice(self, text: str) -> None:
        screen = self.app.navigator.screen("facilitator")
        screen.notice = text
