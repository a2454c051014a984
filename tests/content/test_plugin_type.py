"""A third-party exhibit type, installed through the entry-point group, and one that fails to load."""

from __future__ import annotations

import os
import subprocess
import sys

from kiosk.cli import main
from kiosk.content.loader import load_content
from kiosk.exhibit_types import default_registry
from tests.conftest import PROJECT
from tests.plugin_site import PLUGIN, sample_plugin_installed


def test_an_installed_plugin_type_validates_and_loads(capsys):
    with sample_plugin_installed() as content_folder:
        assert "stamp" in default_registry()
        content = load_content(content_folder)
        assert content.ok, [f.format() for f in content.findings]
        stamp = content.exhibit("alternatives-stamp")
        assert stamp.type == "stamp" and stamp.details.motto.get("en", ["fr"]) == "To cooperate is to win together."
        assert main(["validate", str(content_folder)]) == 0
    assert "stamp" not in default_registry()


def test_a_plugin_that_fails_to_load_is_named_with_its_error(tmp_path):
    site = tmp_path / "site"
    info = site / "kiosk_broken_map-1.0.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: kiosk-broken-map\nVersion: 1.0\n")
    (info / "entry_points.txt").write_text("[kiosk.exhibit_types]\nmap = kiosk_broken_map:register\n")
    content = tmp_path / "content"
    (content / "alternatives-carte").mkdir(parents=True)
    (content / "collection.yaml").write_text((PLUGIN / "content" / "collection.yaml").read_text())
    (content / "alternatives-carte" / "exhibit.yaml").write_text(
        "schema: 1\ntype: map\nroom: alternatives\ntitle: {fr: Carte, en: Map}\nsummary: {fr: Une carte., en: A map.}\n")
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(site), str(PROJECT)]))
    done = subprocess.run([sys.executable, "-m", "kiosk", "validate", str(content)], capture_output=True, text=True,
                          env=env, timeout=120)
    assert done.returncode == 1
    assert "plugin 'map': warning: failed to load, its exhibit types are not available: " \
           "ModuleNotFoundError: No module named 'kiosk_broken_map'" in done.stdout
    assert "alternatives-carte/exhibit.yaml:2:7: error: unknown exhibit type 'map'" in done.stdout
    assert "An installed plugin failed to load, so its types are missing: 'map' (ModuleNotFoundError" in done.stdout
