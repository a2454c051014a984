"""The laptop build (packaging/musee-kiosk.spec): PyInstaller makes one folder; the program in it starts and
draws the attract screen, in Arabic, from the exhibition it carries, with no checkout and no venv beside it."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from PIL import Image

from tests.conftest import PROJECT

pytestmark = pytest.mark.slow


@pytest.fixture(scope="session")
def laptop_build(tmp_path_factory):
    pytest.importorskip("PyInstaller", reason="pip install pyinstaller (in the project's test extras)")
    work = tmp_path_factory.mktemp("pyinstaller")
    subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
                    "--distpath", str(work / "dist"), "--workpath", str(work / "build"),
                    str(PROJECT / "packaging" / "musee-kiosk.spec")], check=True, capture_output=True, timeout=1200)
    program = work / "dist" / "musee-kiosk" / "musee-kiosk"
    assert program.is_file()
    return program


def test_the_built_program_snapshots_the_attract_screen_from_the_exhibition_it_carries(laptop_build, tmp_path):
    environment = {key: value for key, value in os.environ.items() if not key.startswith(("PYTHON", "VIRTUAL_ENV"))}
    environment.update(KIOSK_DATA_DIR=str(tmp_path / "data"), KIVY_HOME=str(tmp_path / "kivy"), KIVY_NO_ARGS="1")
    environment.pop("KIOSK_CONTENT", None)
    done = subprocess.run([str(laptop_build), "snapshot", "--out", str(tmp_path / "shots"), "--size", "1280x800",
                           "--lang", "ar", "--only", "alternatives-amap"], cwd=tmp_path, env=environment,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    attract = Image.open(tmp_path / "shots" / "attract-ar.png").convert("RGB")
    assert attract.size == (1280, 800)
    assert len(attract.getcolors(1280 * 800) or []) > 200, "a picture and text, not a blank screen"
    listed = json.loads((tmp_path / "shots" / "snapshots.json").read_text())
    assert listed, "the snapshots are listed"
