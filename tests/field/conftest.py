"""The project built as a wheel, once per test session (pip builds it in isolation, as `pip install .` does)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import PROJECT


@pytest.fixture(scope="session")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--wheel-dir", str(out), str(PROJECT)],
                   check=True, timeout=600)
    (built,) = out.glob("musee_kiosk-*.whl")
    return built
