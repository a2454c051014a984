"""``kiosk preview``: one exhibit in a window, reloaded on every save, driven the way a curator uses it.

The UI session already runs a KioskApp in this process (and Kivy runs one App per process),
so the preview runs as a subprocess and the test reads the lines it prints for the curator.
"""

from __future__ import annotations

import logging
import os
import queue
import re
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from kiosk.cli import main
from kiosk.gui.curator.preview import SaveWatcher, is_editor_noise, load_preview
from tests.conftest import PROJECT

LINE_TIMEOUT = 30.0
STATUS = re.compile(r"^preview: (showing (?P<shown>\S+) \(\d+ warnings?\)|(?P<broken>\S+) has (?P<errors>\d+) errors?:)$")


class CuratorTerminal:
    """The preview's stdout, one status line (and its findings) at a time; stderr is gathered on the side."""

    def __init__(self, process: subprocess.Popen):
        self.process = process
        self.lines: queue.Queue[str] = queue.Queue()
        self.stdout: list[str] = []
        self.stderr: list[str] = []
        threading.Thread(target=self._pump, args=(process.stdout, self.lines.put), daemon=True).start()
        threading.Thread(target=self._pump, args=(process.stderr, self.stderr.append), daemon=True).start()

    @staticmethod
    def _pump(stream, put) -> None:
        for line in stream:
            put(line.rstrip("\n"))

    def line(self) -> str:
        try:
            line = self.lines.get(timeout=LINE_TIMEOUT)
        except queue.Empty:
            pytest.fail(f"the preview printed nothing for {LINE_TIMEOUT:.0f} s.\nstdout:\n" + "\n".join(self.stdout)
                        + "\nstderr (end):\n" + "\n".join(self.stderr[-40:]))
        self.stdout.append(line)
        return line

    def status(self) -> tuple[str, list[str]]:
        """The next status line, and the error lines that follow it."""
        line = self.line()
        match = STATUS.match(line)
        assert match, f"not a status line: {line!r}; so far: {self.stdout}"
        errors = int(match["errors"] or 0)
        return line, [self.line() for _ in range(errors)]


def save_like_vim(file: Path, text: str) -> None:
    """What vim does on ':w': a write test file, the old file kept as a backup, the new file, the backup removed."""
    probe = file.with_name("4913")
    probe.write_text("")
    probe.unlink()
    backup = file.with_name(file.name + "~")
    os.replace(file, backup)
    file.write_text(text, encoding="utf-8")
    backup.unlink()


def files_in(folder: Path) -> set[str]:
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*")}


@pytest.fixture
def content(root) -> Path:
    return root("base")


@pytest.fixture
def kiosk_log_level():
    """``kiosk.cli.main`` turns the kiosk's log up for the window commands: put it back afterwards."""
    logger = logging.getLogger("kiosk")
    level = logger.level
    yield
    logger.setLevel(level)


def start_preview(folder: Path, tmp_path: Path) -> subprocess.Popen:
    env = dict(os.environ, PYTHONPATH=str(PROJECT), KIOSK_DATA_DIR=str(tmp_path / "kiosk-data"),
               KIVY_HOME=str(tmp_path / "kivy-home"), PYTHONUNBUFFERED="1")
    env.pop("KIVY_NO_CONSOLELOG", None)  # stderr as the curator sees it: a traceback would show there
    return subprocess.Popen([sys.executable, "-m", "kiosk", "preview", str(folder), "--size", "1280x800"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=tmp_path)


def test_preview_reloads_on_every_save_and_shows_errors_until_fixed(content, tmp_path):
    exhibit = content / "quiz-ok"
    manifest = exhibit / "exhibit.yaml"
    good = manifest.read_text(encoding="utf-8")
    before = files_in(content)
    process = start_preview(exhibit, tmp_path)
    terminal = CuratorTerminal(process)
    try:
        assert terminal.status() == ("preview: showing quiz-ok (0 warnings)", [])

        swap = exhibit / ".exhibit.yaml.swp"  # the editor opens the file: noise, no reload
        swap.write_text("vim swap")
        save_like_vim(manifest, good.replace("pass_mark: 1", "pass_mark: lots"))
        status, errors = terminal.status()
        assert status == "preview: quiz-ok has 1 error:"
        assert errors[0].startswith("quiz-ok/exhibit.yaml:15:12: error: 'pass_mark' should be a whole number"), errors

        save_like_vim(manifest, good.replace("pass_mark: 1", "pass_mark: 1: 2"))  # a YAML syntax error
        status, errors = terminal.status()
        assert status == "preview: quiz-ok has 1 error:"
        assert errors[0].startswith("quiz-ok/exhibit.yaml:15:13: error: not valid YAML"), errors

        save_like_vim(manifest, good)
        assert terminal.status() == ("preview: showing quiz-ok (0 warnings)", [])

        swap.unlink()  # the editor closes: noise
        save_like_vim(manifest, good.replace("Title quiz", "A quiz with a new title"))
        assert terminal.status() == ("preview: showing quiz-ok (0 warnings)", [])
    finally:
        process.terminate()
        returncode = process.wait(timeout=15)
    time.sleep(0.2)  # the readers reach the end of both pipes
    stderr = "\n".join(terminal.stderr)
    assert returncode == 0, stderr[-3000:]
    assert "Traceback" not in stderr, stderr[-3000:]
    assert terminal.lines.empty(), f"a save was reloaded more than once: {list(terminal.lines.queue)}"
    assert files_in(content) == before, "the preview wrote into the content folder"
    assert (tmp_path / "kiosk-data" / "preview").is_dir()


def test_a_folder_without_exhibit_yaml_is_refused_in_one_line(content, capsys, kiosk_log_level):
    assert main(["preview", str(content / "_drafts")]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err.count("\n") == 1 and "is not an exhibit folder (it has no exhibit.yaml)" in err, err


def test_a_content_folder_is_refused_in_one_line(content, capsys, kiosk_log_level):
    assert main(["preview", str(content)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "is a content folder, not an exhibit" in err, err


def test_without_a_display_the_preview_says_so(content, capsys, monkeypatch, kiosk_log_level):
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "SDL_VIDEODRIVER"):
        monkeypatch.delenv(name, raising=False)
    assert main(["preview", str(content / "quiz-ok")]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "no display found" in err, err


# --- the parts with no window ---------------------------------------------------------------------
@pytest.mark.parametrize("name, noise", [
    (".exhibit.yaml.swp", True), ("exhibit.yaml~", True), (".#exhibit.yaml", True), ("4913", True),
    ("#exhibit.yaml#", True), ("exhibit.yaml", False), ("body.fr.md", False), ("photo.png", False),
])
def test_editor_temp_files_are_noise(name, noise):
    assert is_editor_noise(name) is noise


def test_one_save_gives_one_reload(content):
    # A quiet period long enough for a loaded machine: the two watches' events of one save can
    # arrive a few tenths of a second apart when their threads wait for the processor.
    quiet = 1.0
    exhibit = content / "quiz-ok"
    calls = []
    watcher = SaveWatcher(exhibit, on_change=lambda: calls.append(time.monotonic()), debounce=quiet)
    watcher.start()
    try:
        (exhibit / ".exhibit.yaml.swp").write_text("swap")
        time.sleep(quiet * 2)
        assert calls == [], "an editor's swap file reloaded the exhibit"
        save_like_vim(exhibit / "exhibit.yaml", (exhibit / "exhibit.yaml").read_text(encoding="utf-8"))
        (content / "collection.yaml").write_text((content / "collection.yaml").read_text(encoding="utf-8"))
        deadline = time.monotonic() + 10
        while not calls and time.monotonic() < deadline:
            time.sleep(0.05)
        time.sleep(quiet * 2)
        assert len(calls) == 1
        (content / "gallery-ok" / "exhibit.yaml").write_text("another exhibit")
        time.sleep(quiet * 2)
        assert len(calls) == 1, "a save in another exhibit reloaded this one"
    finally:
        watcher.stop()


def test_a_missing_manifest_or_collection_is_an_error_not_a_crash(content):
    (content / "collection.yaml").unlink()
    loaded = load_preview(content / "quiz-ok")
    assert loaded.manifest is None
    assert loaded.report()[0] == "preview: quiz-ok has 1 error:"
    assert loaded.report()[1].startswith("collection.yaml:0:0: error: the content folder has no collection.yaml")
    (content / "quiz-ok" / "exhibit.yaml").unlink()
    loaded = load_preview(content / "quiz-ok")
    assert [f.message for f in loaded.errors] == ["the folder has no exhibit.yaml"]
