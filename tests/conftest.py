"""Shared fixtures: test content roots copied to a temporary folder, and a validator runner."""

from __future__ import annotations

import atexit
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
atexit.register(shutil.rmtree, _SCRATCH, ignore_errors=True)  # a run leaves nothing behind
os.environ["KIVY_HOME"] = str(_SCRATCH / "kivy-home")
os.environ["KIOSK_DATA_DIR"] = str(_SCRATCH / "kiosk-data")
os.environ["KIVY_NO_ARGS"] = "1"
os.environ.setdefault("KIVY_NO_CONSOLELOG", "1")
os.environ.setdefault("KIVY_CLOCK", "free_only")  # the clock the kiosk runs with (kiosk.gui.kivy_config)
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")  # narration plays into SDL's dummy device: no sound card on a test machine
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


def load_written(folder: Path, text: str, registry=None):
    """Write ``text`` as ``folder``'s exhibit.yaml (``__ROOM__`` becomes ``alternatives``), load the content
    root around it, and return that exhibit's result (a template's broken copy, in the type tests)."""
    from kiosk.content.loader import load_content

    (folder / "exhibit.yaml").write_text(text.replace("__ROOM__", "alternatives"))
    content = load_content(folder.parent, registry)
    return next(r for r in content.results if r.id == folder.name)


def line_of(text: str, needle: str, after: str = "") -> int:
    """The 1-based number of the first line of ``text`` holding ``needle`` (below the first holding ``after``)."""
    lines = text.splitlines()
    start = next(i + 1 for i, line in enumerate(lines) if after in line) if after else 0
    return next(i for i, line in enumerate(lines[start:], start + 1) if needle in line)
