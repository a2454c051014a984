"""The running kiosk's part of ``health.json`` (kiosk.health): gathered on the main loop every minute, written
by a short-lived thread (the statistics query and the disk, never in a tap's frame)."""

from __future__ import annotations

import logging
import os
import sqlite3
import threading
import time
from pathlib import Path

from kivy.clock import Clock
from kivy.core.window import Window

from kiosk.bundles import live_info
from kiosk.health import INTERVAL, KioskState, health_record, write_health

log = logging.getLogger(__name__)


class HealthWriter:
    def __init__(self, app, data_dir: Path):
        self.app, self.data_dir = app, data_dir
        self.started = time.time()
        self.screen: dict = {}
        self._every_minute = None
        self._published_visit, self._published_stats = None, 0.0   # the statistics last sent to the fleet

    def start(self) -> None:
        """At the first frame: the screen is known, and the first record goes out a few seconds later."""
        self.screen = {"width": Window.width, "height": Window.height, "refresh_hz": refresh_hz(),
                       "renderer": gl_renderer()}
        if self._every_minute is None:
            Clock.schedule_once(self.write, 5)
            self._every_minute = Clock.schedule_interval(self.write, INTERVAL)

    def state(self) -> KioskState:
        app = self.app
        live = live_info(app.live.source)
        return KioskState(started=self.started, content_title=app.text(app.content.collection.title),
                          content_version=live.version if live else None, asleep=app.sleeper.asleep,
                          faults=dict(app.navigator.faulty), recording_errors=app.stats.dropped,
                          screen=dict(self.screen))

    def write(self, _dt: float | None = None) -> None:
        state, folder, fleet, venue = self.state(), self.data_dir, self.app.fleet, self.app.venue

        def write():
            record = health_record(state, folder)
            if fleet is not None:
                record["fleet"] = {"name": fleet.fleet.name, "bundle": fleet.state().get("bundle")}
            write_health(folder, record)
            if fleet is not None:
                self._publish(fleet, record, venue)
        threading.Thread(target=write, name="health", daemon=True).start()

    def _publish(self, fleet, record: dict, venue: str) -> None:
        """The health to the fleet's coordinator every minute; the statistics when a visit ended since, or hourly."""
        stats = self.data_dir / "stats.db"
        due = record.get("last_visit") != self._published_visit or time.time() - self._published_stats > 3600
        try:
            fleet.publish(record, stats if due else None, venue=venue)
        except (OSError, sqlite3.Error) as error:   # a full disk, a locked file: said, and tried again in a minute
            log.warning("fleet: the reports could not be written: %s", error)
            return
        if due:
            self._published_visit, self._published_stats = record.get("last_visit"), time.time()


def gl_renderer() -> str:
    from kivy.graphics.opengl import GL_RENDERER, glGetString

    renderer = glGetString(GL_RENDERER)
    return renderer.decode(errors="replace") if isinstance(renderer, bytes) else str(renderer)


def refresh_hz() -> float | None:
    """The screen's refresh rate from X's RandR (Xwayland under cage says it too); None when unknown."""
    if not os.environ.get("DISPLAY"):
        return None
    try:
        from Xlib import display as xdisplay

        connection = xdisplay.Display()
        try:
            rate = connection.screen().root.xrandr_get_screen_info().rate
        finally:
            connection.close()
    except Exception as error:   # no X library, no RandR, a refused connection: the doctor says "unknown"
        log.info("the screen's refresh rate is unknown: %s", error)
        return None
    return float(rate) or None
