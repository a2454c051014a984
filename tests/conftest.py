"""Shared fixtures: test content roots copied to a temporary folder, and a validator runner."""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
from pathlib import Path

import pytest

ROOTS = Path(__file__).parent / "roots"
PROJECT = Path(__file__).parent.parent

# Before anything imports Kivy: nothing in a test reads or writes the user's ~/.kivy or
# the kiosk's real data folder, and Kivy leaves the command line alone.
_SCRATCH = Path(tempfile.mkdtemp(prefix="kiosk-tests-"))
os.environ["KIVY_HOME"] = str(_SCRATCH / "kivy-home")
os.environ["KIOSK_DATA_DIR"] = str(_SCRATCH / "kiosk-data")
os.environ["KIVY_NO_ARGS"] = "1"
os.environ.setdefault("KIVY_NO_CONSOLELOG", "1")
os.environ.setdefault("KIVY_CLOCK", "free_only")  # the clock the kiosk runs with (kiosk.gui.kivy_config)
logging.getLogger("PIL").setLevel(logging.INFO)  # its chunk-by-chunk debug lines drown real failures


@pytest.fixture
def root(tmp_path):
    """``root("media-errors")`` copies tests/roots/media-errors to a temporary folder."""

    def copy(case: str) -> Path:
        target = tmp_path / case
        shutil.copytree(ROOTS / case, target, symlinks=True)
        return target

    return copy


def findings_for(content, exhibit_id: str):
    """The findings of one exhibit of a loaded content root."""
    return next(r.findings for r in content.results if r.id == exhibit_id)


def only(findings, severity: str = "error"):
    """The one finding of ``severity``; fails when there are none or several."""
    matching = [f for f in findings if f.severity == severity]
    assert len(matching) == 1, [f.format() for f in findings]
    return matching[0]
