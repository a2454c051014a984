"""The logic runs on a machine where Kivy cannot be imported.

This is the one test that guards the house rule "Kivy under one roof": every module of
``kiosk`` outside ``kiosk/gui/`` and the exhibit types' ``view.py`` (and its parts, ``view_*.py``)
is found by walking the package (no hand-kept list), then imported with Kivy made unimportable. The command line,
bundles and statistics then run for real.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

from tests.conftest import PROJECT, ROOTS

SCRIPT = r"""
import importlib.abc, sys

class NoKivy(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name == "kivy" or name.startswith("kivy."):
            raise ImportError("kivy is not available here")

sys.meta_path.insert(0, NoKivy())
try:
    import kivy
except ImportError:
    pass
else:
    raise SystemExit("kivy was importable")

import importlib, json
from pathlib import Path
modules = json.loads(sys.argv[2])
for name in modules:
    importlib.import_module(name)
print(f"imported {len(modules)} modules")

from kiosk.content.loader import load_content
from kiosk.cli import main
from kiosk.render.bidi import shape_line
from kiosk.render.markdown import render_markdown
from kiosk.render.typing_rules import apply_key
from kiosk.visit.qr import QrCache
assert apply_key("", "a", "once") == "A"

assert "2001" in shape_line("سنة 2001")
assert render_markdown("**ok**").blocks[0].markup == "[b]ok[/b]"
import tempfile
assert QrCache(Path(tempfile.mkdtemp())).get("https://www.le-mes.org/").path.is_file()

content = load_content(Path(sys.argv[1]))
assert len(content.exhibits) == 5, [f.format() for f in content.findings]
assert main(["validate", sys.argv[1]]) == 0

# bundles: the running kiosk and its facilitator menu install them
import shutil
from kiosk.bundles import build_bundle, content_identity, install_bundle, live_info, read_bundle_info, rollback
import kiosk.bundles.commands
scratch = Path(tempfile.mkdtemp())
shutil.copytree(sys.argv[1], scratch / "exhibits")
build_bundle(scratch / "exhibits", scratch / "expo.zip", "sans kivy")
assert read_bundle_info(scratch / "expo.zip").version == "sans kivy"
before = content_identity(scratch / "exhibits")
install_bundle(scratch / "expo.zip", scratch / "exhibits")
assert live_info(scratch / "exhibits").version == "sans kivy"
assert content_identity(scratch / "exhibits") != before
rollback(scratch / "exhibits")

# statistics: recorded by the app, read, merged and reported on any computer
import time
from kiosk.stats.model import Event
from kiosk.stats.recorder import StatsRecorder
from kiosk.stats.query import summarize, today_numbers
from kiosk.stats.merge import merge_files
from kiosk.stats.store import purge
import kiosk.stats.report, kiosk.visit.visit_stats
recorder = StatsRecorder(scratch / "stats.db")
recorder.record(Event("visit_start", time.time(), "Lille", 1))
recorder.close()
assert summarize(scratch / "stats.db").visits == today_numbers(scratch / "stats.db").visits == 1
assert merge_files([scratch / "stats.db"], scratch / "all.db").total == 1
assert purge(scratch / "all.db", 30) == 0
assert main(["stats", "--db", str(scratch / "all.db")]) == 0
from kiosk.stats.report import write_report
write_report(summarize(scratch / "all.db"), scratch / "r.pdf")
assert (scratch / "r.pdf").read_bytes().startswith(b"%PDF")
assert not [m for m in sys.modules if m == "kivy" or m.startswith("kivy.")]
print("ok without kivy")
"""


def kivy_free_modules() -> list[str]:
    """Every module of the package outside the Kivy roof: ``kiosk/gui/`` and the exhibit types' views."""
    package = PROJECT / "kiosk"
    names = []
    for file in sorted(package.rglob("*.py")):
        relative = file.relative_to(PROJECT)
        if file.name == "__main__.py":  # runs the command line when imported; it only calls kiosk.cli
            continue
        a_view = relative.parts[1] == "exhibit_types" and file.stem.split("_")[0] == "view"   # view.py, view_*.py
        if relative.parts[:2] == ("kiosk", "gui") or a_view:
            continue
        parts = relative.with_suffix("").parts
        names.append(".".join(parts[:-1] if parts[-1] == "__init__" else parts))
    return names


def test_the_walk_finds_the_logic_and_leaves_out_the_gui():
    modules = kivy_free_modules()
    assert {"kiosk.cli", "kiosk.content.loader", "kiosk.facilitator.pin", "kiosk.stats.report",
            "kiosk.exhibit_types.quiz.model", "kiosk.visit.idle"} <= set(modules)
    assert not [m for m in modules if m.startswith("kiosk.gui") or m.rpartition(".")[2].split("_")[0] == "view"]


def test_everything_outside_the_gui_runs_without_kivy():
    env = dict(os.environ, PYTHONPATH=str(PROJECT))
    modules = kivy_free_modules()
    result = subprocess.run([sys.executable, "-c", SCRIPT, str(ROOTS / "base"), json.dumps(modules)],
                            capture_output=True, text=True, env=env, timeout=180)
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"imported {len(modules)} modules" in result.stdout
    assert "ok without kivy" in result.stdout
