"""The logic runs on a machine where Kivy cannot be imported: content, models, rendering, services.

This is the one test that guards the house rule "logic is free of Kivy".
"""

from __future__ import annotations

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

from pathlib import Path
from kiosk.content.loader import load_content
from kiosk.cli import main
import kiosk.content.report, kiosk.content.schema_export, kiosk.content.scaffold
import kiosk.i18n, kiosk.paths, kiosk.settings, kiosk.facilitator.pin, kiosk.facilitator.sticks
import kiosk.services.live_content, kiosk.services.heap, kiosk.proof.sheet, kiosk.render.typography
from kiosk.render.bidi import shape_line
from kiosk.render.markdown import render_markdown
from kiosk.services.idle import IdleWatcher
from kiosk.services.qr import QrCache
from kiosk.services.session import VisitorSession
for name in ("panel", "gallery", "quiz", "timeline", "compare"):
    __import__(f"kiosk.exhibit_types.{name}.model")

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
import kiosk.stats.report, kiosk.services.visit_stats
recorder = StatsRecorder(scratch / "stats.db")
recorder.record(Event("visit_start", time.time(), "Lille", 1))
recorder.close()
assert summarize(scratch / "stats.db").visits == today_numbers(scratch / "stats.db").visits == 1
assert merge_files([scratch / "stats.db"], scratch / "all.db").total == 1
assert purge(scratch / "all.db", 30) == 0
assert main(["stats", "--db", str(scratch / "all.db")]) == 0
assert not [m for m in sys.modules if m == "kivy" or m.startswith("kivy.")]
print("ok without kivy")
"""


def test_content_core_runs_without_kivy():
    env = dict(os.environ, PYTHONPATH=str(PROJECT))
    result = subprocess.run([sys.executable, "-c", SCRIPT, str(ROOTS / "base")], capture_output=True, text=True,
                            env=env, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "ok without kivy" in result.stdout
