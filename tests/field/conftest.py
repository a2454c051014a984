"""The project built as a wheel, once per test worker (pip builds it in isolation, as `pip install .` does)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import PROJECT


@pytest.fixture(scope="session")
def wheel(tmp_path_factory) -> Path:
    """Built from a copy of the project: a build writes into the tree it builds (build/, the catalogs), and
    under `make test` another worker may be building the same wheel at the same moment."""
    source = tmp_path_factory.mktemp("source") / "project"
    shutil.copytree(PROJECT, source, symlinks=True, ignore=shutil.ignore_patterns(
        ".venv", ".git", "build", "dist", "*.egg-info", "__pycache__", ".pytest_cache"))
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--wheel-dir", str(out), str(source)],
                   check=True, timeout=600)
    (built,) = out.glob("musee_kiosk-*.whl")
    return built
