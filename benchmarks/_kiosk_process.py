"""Helpers for benchmarks that run the kiosk as a separate process (under Xvfb when there is no display)."""

from __future__ import annotations

import atexit
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent


def kiosk_command(*args: str, size: str = "1920x1080") -> list[str]:
    return [sys.executable, "-m", "kiosk", "run", "--content", str(PROJECT / "exhibits"), "--size", size, *args]


def environment() -> dict:
    scratch = Path(tempfile.mkdtemp(prefix="kiosk-bench-"))
    atexit.register(shutil.rmtree, scratch, ignore_errors=True)
    env = dict(os.environ, KIVY_HOME=str(scratch / "kivy"), KIOSK_DATA_DIR=str(scratch / "data"), KIVY_NO_ARGS="1")
    env.pop("KIVY_NO_CONSOLELOG", None)
    # An installed kiosk runs from compiled bytecode (pip compiles it at install time); a shell
    # with PYTHONDONTWRITEBYTECODE set would make every start compile ~110 modules again (0.2 s).
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


class VirtualScreen:
    """An Xvfb server for the duration of a benchmark, unless a display already exists."""

    def __init__(self, size: str = "1920x1080"):
        self.size, self.process, self.display = size, None, os.environ.get("DISPLAY")

    def __enter__(self) -> "VirtualScreen":
        if self.display:
            return self
        if not shutil.which("Xvfb"):
            raise SystemExit("no display and no Xvfb: install the xvfb package")
        self.process = subprocess.Popen(["Xvfb", "-displayfd", "1", "-screen", "0", f"{self.size}x24", "-nolisten", "tcp"],
                                        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        self.display = ":" + self.process.stdout.readline().strip()  # Xvfb picks a free display and says which
        return self

    def __exit__(self, *exc) -> None:
        if self.process:
            self.process.terminate()
            self.process.wait()

    def env(self) -> dict:
        return dict(environment(), DISPLAY=self.display)


def kiosk_in_this_process(screen: VirtualScreen, size: tuple[int, int] = (1920, 1080)):
    """The real app on the bundled exhibition, in this process, on ``screen``; driven frame by frame
    (``EventLoop.idle()``), not run. Logging as 'kiosk run' has it."""
    import logging

    os.environ.update(screen.env())
    os.environ["KIVY_NO_CONSOLELOG"] = "1"
    sys.path.insert(0, str(PROJECT))
    from kiosk.content.loader import load_content
    from kiosk.gui.kivy_config import configure_kivy
    configure_kivy(size=size)
    for chatty in ("PIL", "markdown_it", "watchdog"):  # as 'kiosk run' does: their DEBUG lines cost ~1 ms each
        logging.getLogger(chatty).setLevel(logging.INFO)
    from kiosk.gui.app import KioskApp
    app = KioskApp(load_content(PROJECT / "exhibits"), data_dir=Path(os.environ["KIOSK_DATA_DIR"]))
    app._run_prepare()
    return app


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process so far."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def pss_mib(pid: int) -> float:
    for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
        if line.startswith("Pss:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def rss_mib(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def wait_quiet(pid: int, window: float = 4.0, busy: float = 0.15, limit: float = 180.0) -> float:
    """Wait until the kiosk has used less than ``busy`` CPU-seconds in ``window`` seconds: the
    attract loop has prepared the next visitor's screens, as on a kiosk left waiting. The seconds waited."""
    start = time.monotonic()
    while time.monotonic() - start < limit:
        before = cpu_seconds(pid)
        time.sleep(window)
        if cpu_seconds(pid) - before < busy:
            break
    return time.monotonic() - start


def wait_for_line(process: subprocess.Popen, fragment: str, timeout: float = 30) -> str:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        line = process.stdout.readline()
        if not line:
            if process.poll() is not None:
                raise RuntimeError(f"the kiosk exited with {process.returncode}")
            continue
        if fragment in line:
            return line
    raise TimeoutError(f"no line with {fragment!r} within {timeout} s")
