"""Bringing an SQLite file of the kiosk to the format the code knows, one numbered step at a time.

Both of the kiosk's own databases (``records.db``, ``stats.db``) keep their format in
``PRAGMA user_version``; each module lists the steps, version → function::

    MIGRATIONS = {1: create_v1, 2: add_venue_column}
    migrate(db, MIGRATIONS, "records")
"""

from __future__ import annotations

import logging
import sqlite3
from typing import Callable

log = logging.getLogger(__name__)


def migrate(db: sqlite3.Connection, steps: dict[int, Callable[[sqlite3.Connection], None]], name: str) -> None:
    """Run the missing steps in order, each in its own transaction (safe if two processes open the file at once)."""
    for step in range(db.execute("PRAGMA user_version").fetchone()[0] + 1, max(steps) + 1):
        db.execute("BEGIN IMMEDIATE")  # the tables and the version change together, or not at all
        try:
            if db.execute("PRAGMA user_version").fetchone()[0] < step:  # another process may have done it
                log.info("%s: migrating to format %d", name, step)
                steps[step](db)
                db.execute(f"PRAGMA user_version = {step}")
        except BaseException:
            db.rollback()
            raise
        db.commit()
