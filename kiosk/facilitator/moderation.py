"""The facilitator's reading of the wall of alternatives: which ideas, and what can be decided (no Kivy).

Visitors' ideas arrive "pending"; the facilitator shows them on the public wall
("approved") or hides them ("hidden"), and can change their mind. Only the ideas of the
content's ``wall`` exhibits at the current venue are listed, newest first::

    wall = WallModeration(kiosk)
    wall.counts()                  # {"pending": 3, "approved": 12, "hidden": 1}
    for idea in wall.ideas("pending"):
        wall.decisions(idea)       # ["approved", "hidden"]
        wall.moderate(idea.id, "approved")

The screen is :class:`kiosk.gui.facilitator.moderation.ModerationPanel`.
"""

from __future__ import annotations

import logging
import sqlite3

from kiosk.records import STATUSES

log = logging.getLogger(__name__)

DECISIONS = ("approved", "hidden")  # the order of the buttons: show on the wall, hide


class WallModeration:
    def __init__(self, kiosk):
        self.kiosk = kiosk

    def walls(self) -> dict:
        """The ``wall`` exhibits of the content, by id."""
        return {m.id: m for m in self.kiosk.content.exhibits if m.type == "wall"}

    def ideas(self, status: str) -> list:
        """The ideas with ``status`` at the current venue, of walls that are shown; [] when unreadable (logged)."""
        walls = self.walls()
        try:
            ideas = self.kiosk.records.ideas(venue=self.kiosk.venue, status=status)
        except sqlite3.Error:
            log.exception("moderation: the ideas could not be read")
            return []
        return [idea for idea in ideas if idea.exhibit in walls]

    def counts(self) -> dict[str, int]:
        return {status: len(self.ideas(status)) for status in STATUSES}

    @staticmethod
    def decisions(idea) -> list[str]:
        """The statuses the facilitator can move ``idea`` to."""
        return [status for status in DECISIONS if status != idea.status]

    def moderate(self, idea_id: int, status: str) -> bool:
        """Record the decision; False (logged) when the records refuse it."""
        try:
            self.kiosk.records.moderate(idea_id, status)
        except (sqlite3.Error, KeyError):
            log.exception("moderation: idea %r could not be set to %r", idea_id, status)
            return False
        return True
