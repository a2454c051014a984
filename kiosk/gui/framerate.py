"""Adaptive frame rate: full speed while someone touches, nearly asleep when idle.

Kivy's loop wakes ``maxfps`` times a second even when nothing changes (KIVY_NOTES: 60 fps
idles at ~0.5 CPU-s per 20 s, 2 fps at ~0.02). After :data:`IDLE_AFTER` seconds without
activity the rate drops to :data:`IDLE_FPS`; a touch restores it. The first
touch after idle waits at most 1/IDLE_FPS s.
"""

from __future__ import annotations

import time

from kivy.clock import Clock

ACTIVE_FPS = 30
IDLE_FPS = 2
IDLE_AFTER = 5.0


class AdaptiveFrameRate:
    def __init__(self, active: int = ACTIVE_FPS, idle: int = IDLE_FPS, idle_after: float = IDLE_AFTER):
        self.active, self.idle, self.idle_after = active, idle, idle_after
        self.last_touch = time.monotonic()
        self.busy_until = 0.0
        self._set(active)

    def wake(self, busy_for: float = 0.0) -> None:
        """Someone touched the screen (and something may move for ``busy_for`` seconds)."""
        self.last_touch = time.monotonic()
        self.busy_until = max(self.busy_until, self.last_touch + busy_for)
        self._set(self.active)

    def tick(self) -> None:
        now = time.monotonic()
        if now - self.last_touch >= self.idle_after and now >= self.busy_until:
            self._set(self.idle)

    @property
    def fps(self) -> float:
        return Clock._max_fps

    @staticmethod
    def _set(fps: float) -> None:
        if Clock._max_fps != fps:
            Clock._max_fps = fps
