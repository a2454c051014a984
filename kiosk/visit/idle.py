"""Idle watching: after a while without a touch, ask "still there?", then reset for the next visitor.

Plain Python with an injectable clock, so the rules are tested without a window::

    watcher = IdleWatcher(timeout=90, countdown=10, on_warning=show_overlay, on_reset=reset_kiosk)
    watcher.touch(now)        # on every touch
    watcher.tick(now)         # about once a second

States: ``active`` → (``timeout`` s without a touch) → ``warning`` (``on_warning`` is called,
``remaining(now)`` counts down) → (``countdown`` s more) → ``on_reset`` and back to ``idle``.
A touch during the warning goes back to ``active``; ``idle`` stays until the next touch.
"""

from __future__ import annotations

from typing import Callable

ACTIVE, WARNING, IDLE = "active", "warning", "idle"


class IdleWatcher:
    def __init__(self, timeout: float, countdown: float = 10.0, on_warning: Callable[[], None] | None = None,
                 on_reset: Callable[[], None] | None = None, on_resume: Callable[[], None] | None = None):
        self.timeout = timeout
        self.countdown = countdown
        self.on_warning = on_warning or (lambda: None)
        self.on_reset = on_reset or (lambda: None)
        self.on_resume = on_resume or (lambda: None)
        self.state = IDLE
        self.last_touch = 0.0
        self.paused = False  # a guided group session is never reset

    def touch(self, now: float) -> None:
        """A visitor touched the screen."""
        was_warning = self.state == WARNING
        self.state = ACTIVE
        self.last_touch = now
        if was_warning:
            self.on_resume()

    def tick(self, now: float) -> None:
        """Advance the state machine; call it regularly."""
        if self.state == IDLE or self.paused:
            return
        quiet = now - self.last_touch
        if self.state == ACTIVE and quiet >= self.timeout:
            self.state = WARNING
            self.on_warning()
        if self.state == WARNING and quiet >= self.timeout + self.countdown:
            self.state = IDLE
            self.on_reset()

    def remaining(self, now: float) -> int:
        """Whole seconds left in the countdown (shown to the visitor)."""
        left = self.timeout + self.countdown - (now - self.last_touch)
        return max(0, int(left + 0.999))

    def reset_now(self) -> None:
        """Go idle at once (used by the facilitator or when content changes)."""
        self.state = IDLE
        self.on_reset()
