"""A Raspberry Pi (64-bit Raspberry Pi OS, bookworm: Python 3.11, glibc 2.36) never needs a compiler: every pinned
runtime dependency has an arm64 wheel. Asks the package index, as the installer does (pip download, no install)."""

from __future__ import annotations

import re
import subprocess
import sys
import tomllib

from tests.conftest import PROJECT

CONSTRAINTS = PROJECT / "packaging" / "constraints.txt"
# pip does not widen --platform by itself: every glibc a bookworm system can run, and the older manylinux2014 tag
PLATFORMS = ["manylinux2014_aarch64", *(f"manylinux_2_{minor}_aarch64" for minor in range(17, 37))]


def _name(requirement: str) -> str:
    return re.split(r"[\s<>=!~;\[]", requirement, maxsplit=1)[0].lower().replace("_", "-")


def pins() -> dict[str, str]:
    lines = [line.strip() for line in CONSTRAINTS.read_text().splitlines() if line.strip() and not line.startswith("#")]
    return {_name(line): line for line in lines}


def test_every_runtime_dependency_is_pinned():
    wanted = tomllib.loads((PROJECT / "pyproject.toml").read_text())["project"]["dependencies"]
    assert {_name(requirement) for requirement in wanted} <= set(pins()), "packaging/constraints.txt misses one"
    assert all("==" in line for line in pins().values())


def test_every_pinned_dependency_has_an_arm64_wheel_for_python_3_11(tmp_path):
    platforms = [option for platform in PLATFORMS for option in ("--platform", platform)]
    fetched = subprocess.run([sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--only-binary=:all:",
                              *platforms, "--python-version", "3.11", "--implementation", "cp", "--dest", str(tmp_path),
                              *pins().values()], capture_output=True, text=True, timeout=600)
    assert fetched.returncode == 0, "\n".join(line for line in fetched.stderr.splitlines() if "ERROR" in line)
    wheels = {_name(wheel.name.split("-")[0]): wheel.name for wheel in tmp_path.glob("*.whl")}
    assert set(wheels) == set(pins())
    for name, wheel in wheels.items():
        assert wheel.endswith("-any.whl") or "aarch64" in wheel, f"{name}: {wheel}"
