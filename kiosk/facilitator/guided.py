"""A guided tour or a workshop in progress: which step the group is on, and its timer.

Plain Python with an injectable clock, so it is tested without a window::

    session = GuidedSession(path, now=time.monotonic())
    session.step.exhibit          # the exhibit shown to the group
    session.remaining(now)        # seconds left of the step's suggested duration (negative: overtime)
    session.next(now)             # to the next step; False at the last one
    session.previous(now)

The timer is a guide for the facilitator, not a rule: nothing happens when it runs out
except that the bar shows the overtime.
"""

from __future__ import annotations


class GuidedSession:
    def __init__(self, path, now: float):
        if not path.steps:
            raise ValueError(f"the path '{path.id}' has no steps")
        self.path = path
        self.index = 0
        self.started = now

    @property
    def step(self):
        return self.path.steps[self.index]

    @property
    def count(self) -> int:
        return len(self.path.steps)

    @property
    def is_first(self) -> bool:
        return self.index == 0

    @property
    def is_last(self) -> bool:
        return self.index == self.count - 1

    def go_to(self, index: int, now: float) -> bool:
        """Go to step ``index`` and restart its timer; False (and no change) if there is no such step."""
        if not 0 <= index < self.count or index == self.index:
            return False
        self.index = index
        self.started = now
        return True

    def next(self, now: float) -> bool:
        return self.go_to(self.index + 1, now)

    def previous(self, now: float) -> bool:
        return self.go_to(self.index - 1, now)

    def remaining(self, now: float) -> float:
        """Seconds left of this step's suggested duration; negative once it has run over."""
        return self.step.minutes * 60 - (now - self.started)


def clock_text(seconds: float) -> str:
    """'04:05' for time left, '+01:10' for overtime."""
    whole = int(abs(seconds) + (0.999 if seconds > 0 else 0))
    sign = "+" if seconds < 0 else ""
    return f"{sign}{whole // 60:02d}:{whole % 60:02d}"
