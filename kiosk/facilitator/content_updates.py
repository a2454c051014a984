"""The facilitator's hold on the content: what was skipped, reloading, and new versions from a stick.

No Kivy here. A bundle found on a stick is described beside the live content, installed
only after the facilitator confirms, in a background thread; the menu shows the progress
and then the outcome, in the menu's language::

    updates = ContentUpdates(kiosk, screens, clock, stop_guided=guided.stop)
    for found in updates.stick_bundles():
        updates.confirm_install(found)      # → screens.confirm(…) → install(found)
"""

from __future__ import annotations

import logging
import threading

from kiosk.content.findings import display_path
from kiosk.exhibit_types import default_registry

log = logging.getLogger(__name__)

PROGRESS_SECONDS = 0.5


class ContentUpdates:
    def __init__(self, kiosk, screens, clock, stop_guided):
        self.kiosk, self.screens, self.clock = kiosk, screens, clock
        self._stop_guided = stop_guided
        self.installing: float | None = None  # the share done while a bundle is being installed

    # --- what is shown, and what is not ------------------------------------------------------
    def problems(self) -> list[str]:
        """One line per skipped exhibit or path and per faulty exhibit, for the menu."""
        content, lines, tr = self.kiosk.content, [], self.kiosk.facilitator_gettext
        for result in [*content.skipped, *(r for r in content.path_results if not r.valid)]:
            first = next((f for f in result.findings if f.is_error), None)
            lines.append(f"{result.id}: " + (first.format(content.root.parent) if first else tr("invalid")))
        not_loaded = tr("Exhibit type plugin {name} failed to load ({error})")
        lines += [not_loaded.format(name=name, error=error) for name, error in sorted(default_registry().disabled.items())]
        failed = tr("failed while shown")
        lines += [f"{exhibit_id}: {failed} ({error})" for exhibit_id, error in self.kiosk.faulty.items()]
        return lines

    def reload_content(self) -> str:
        """Read the content again; the answer for the menu."""
        kiosk, tr = self.kiosk, self.kiosk.facilitator_gettext
        content = kiosk.live.read()
        if content.collection is None:
            first = content.collection_findings[0] if content.collection_findings else None
            reason = first.format(content.root.parent) if first else display_path(content.root)
            log.error("content reload refused, the content in use is kept: %s", reason)
            return tr("The content could not be read; the previous content is kept.") + f" ({reason})"
        self._stop_guided()
        kiosk.replace_content(content)
        kiosk.records.log("content reloaded", f"{len(content.exhibits)} exhibits", kiosk.venue)
        return tr("Content reloaded: {exhibits} exhibits, {skipped} skipped.").format(
            exhibits=len(content.exhibits), skipped=len(content.skipped))

    # --- new content from a USB stick ----------------------------------------------------------
    def stick_bundles(self) -> list:
        """Bundles in ``KIOSK_CONTENT/`` on the plugged-in sticks (read-only sticks too)."""
        from kiosk.facilitator.export import removable_drives
        from kiosk.facilitator.sticks import stick_bundles

        try:
            return stick_bundles(removable_drives(writable=False))
        except OSError as exc:
            log.warning("could not list removable drives: %s", exc)
            return []

    # --- signing keys ---------------------------------------------------------------------------
    def trusted(self) -> list:
        """The public keys whose signed bundles this kiosk installs (none: any whole bundle)."""
        from kiosk.bundles.signing import PublicKey

        return [PublicKey.parse(text) for text in self.kiosk.settings.trusted_keys]

    def stick_keys(self) -> list:
        """Signing keys on the plugged-in sticks that this kiosk does not trust yet."""
        from kiosk.facilitator.export import removable_drives
        from kiosk.facilitator.sticks import stick_keys

        try:
            found = stick_keys(removable_drives(writable=False))
        except OSError as exc:
            log.warning("could not list removable drives: %s", exc)
            return []
        trusted = set(self.kiosk.settings.trusted_keys)
        return [key for key in found if key.key.text not in trusted]

    def confirm_trust(self, found) -> None:
        tr = self.kiosk.facilitator_gettext
        text = "\n\n".join([
            tr("Trust the signing key {fingerprint}?").format(fingerprint=found.key.fingerprint),
            tr("Compare these 16 characters with those the curator gave you. From now on, this kiosk installs only "
               "bundles signed by a key it trusts, from a stick or from the fleet."),
        ])
        self.screens.confirm(tr("Signing key"), text, tr("Trust"), lambda: self.trust(found))

    def trust(self, found) -> None:
        settings = self.kiosk.settings
        settings.trusted_keys = [*settings.trusted_keys, found.key.text]
        settings.save()
        self.kiosk.records.log("signing key trusted", found.key.fingerprint, self.kiosk.venue)
        self.screens.refresh_menu()
        tr = self.kiosk.facilitator_gettext
        self.screens.notice(tr("Key {fingerprint} trusted: only the bundles it signs are installed now.").format(
            fingerprint=found.key.fingerprint))

    def describe_live(self) -> str:
        """The live content as the facilitator reads it: its bundle's title, version and date, or its title."""
        from kiosk.bundles import live_info

        live = live_info(self.kiosk.live.source)
        if live:
            return self.describe(live)
        tr = self.kiosk.facilitator_gettext
        return tr("“{title}” (not installed from a bundle)").format(
            title=self.kiosk.facilitator_text(self.kiosk.content.collection.title))

    def describe(self, info) -> str:
        """A bundle as the facilitator reads it: title, version and date, in the menu's language."""
        tr = self.kiosk.facilitator_gettext
        title = info.title.get(self.kiosk.language) or info.title_default
        return tr("“{title}”, version {version}, made {date}").format(
            title=title, version=info.version, date=info.made_local)

    def confirm_install(self, found) -> None:
        tr = self.kiosk.facilitator_gettext
        text = "\n\n".join([tr("Install {bundle}?").format(bundle=self.describe(found.info)),
                             tr("Live now: {bundle}").format(bundle=self.describe_live()),
                             tr("Visitors see the new content from the next visit on. The version live now is "
                                "kept: 'kiosk rollback' puts it back.")])
        self.screens.confirm(tr("New content"), text, tr("Install"), lambda: self.install(found))

    def install(self, found) -> None:
        """Install ``found`` in the background; the menu shows the progress, then the outcome."""
        if self.installing is not None:
            return
        self.installing = 0.0
        threading.Thread(target=self._install, args=(found,), name="bundle-install", daemon=True).start()
        self.screens.refresh_menu()
        self.clock.every(PROGRESS_SECONDS, self._show_progress)

    def _show_progress(self) -> bool:
        if self.installing is None:
            return False  # done: the outcome replaced the progress
        tr = self.kiosk.facilitator_gettext
        self.screens.notice(tr("Installing… {percent} %").format(percent=int(self.installing * 100)))
        return True

    def _install(self, found) -> None:
        from kiosk.bundles import BundleError, install_bundle

        def progress(done: int, total: int) -> None:
            self.installing = done / total if total else 1.0

        try:
            install_bundle(found.path, self.kiosk.live.source, progress=progress,
                           trusted=self.kiosk.settings.trusted_keys)   # signed ones only, once a key is trusted
            outcome = None
        except BundleError as exc:  # its headline in the menu's language, then the details for the curator
            outcome = " ".join(part for part in (exc.headline(self.kiosk.facilitator_gettext), str(exc)) if part)
        except Exception as exc:  # never let a failed install take the kiosk down
            log.exception("installing %s failed", found.path)
            outcome = f"{type(exc).__name__}: {exc}"
        self.clock.call_soon(lambda: self._installed(found, outcome))

    def _installed(self, found, problem: str | None) -> None:
        self.installing = None
        self.screens.refresh_menu()
        tr = self.kiosk.facilitator_gettext
        if problem:
            log.warning("content from %s not installed: %s", found.path, problem)
            self.screens.notice(tr("Not installed; the content live now is unchanged. {reason}").format(reason=problem))
            return
        self.kiosk.records.log("content installed", f"{found.info.version} from {found.path.name}", self.kiosk.venue)
        self.screens.notice(tr("Installed: {bundle}. Visitors see it from the next visit on.").format(
            bundle=self.describe(found.info)))
