"""``kiosk preview EXHIBIT_DIR``: one exhibit in a window, shown again each time one of its files is saved.

For curators writing an exhibit. The window is the real kiosk on its exhibit screen, as a
visitor sees it (the language button works); the terminal gets one line per reload::

    $ kiosk preview exhibits/origines-quiz --lang en --size 1280x800
    preview: showing origines-quiz (0 warnings)
    preview: origines-quiz has 1 error:
    origines-quiz/exhibit.yaml:15:13: error: not valid YAML: mapping values are not allowed in this context (…)
    preview: showing origines-quiz (0 warnings)

An exhibit with errors, or whose view raises while it is built, is replaced on screen by a
panel that says what is wrong and where, until the next save fixes it. A reload keeps the
curator's language and, while it still exists, their place in the exhibit (the quiz
question, the gallery picture…). Back and Home start the exhibit over.

Watching: a watchdog Observer (daemon threads) on the exhibit folder, recursively, and on
its content folder's ``collection.yaml``. An editor writes several events per save (vim:
``4913``, a ``~`` backup, the file, its ``.swp``), so events are gathered for
:data:`DEBOUNCE` seconds and editor temp files are ignored; the reload then runs on the
Kivy thread. The preview never writes into the content folder: it keeps its own data (poll
votes, wall messages, QR codes) in ``preview/`` inside the kiosk's data folder, away from
the kiosk's real records.

The watching and reporting part here is plain Python; the window is
:mod:`kiosk.gui.curator.preview_app`, imported once :func:`kiosk.gui.kivy_config.configure_kivy` has run.
"""

from __future__ import annotations

import logging
import sys
import threading
from dataclasses import dataclass, field
from fnmatch import fnmatchcase
from pathlib import Path

from watchdog.events import FileSystemEventHandler

from kiosk.content.collection import COLLECTION_FILE, load_collection
from kiosk.content.exhibit import MANIFEST
from kiosk.content.findings import ERROR, Finding, display_path
from kiosk.content.loader import ExhibitionContent, load_content

log = logging.getLogger(__name__)

DEBOUNCE = 0.3            # seconds of quiet after the last file event of a save
DEFAULT_SIZE = (1280, 720)
PROBLEM_SCREEN = "preview-problem"
KV_FILE = Path(__file__).resolve().with_name("preview.kv")
EDITOR_NOISE = ("*~", ".#*", "#*#", "*.swp", "*.swo", "*.swx", "*.swpx", "*.tmp", "*.kate-swp", "4913",
                "*___jb_tmp___", "*___jb_old___", ".goutputstream-*", ".~lock.*")
SAVE_EVENTS = ("created", "modified", "moved", "deleted", "closed")  # not opened / closed_no_write: reads


# --- start-up -------------------------------------------------------------------------------
def cmd_preview(args) -> int:
    from kiosk.gui.kivy_config import configure_kivy, has_display

    problem = not_an_exhibit(args.exhibit)
    if problem:
        print(f"kiosk preview: {problem}", file=sys.stderr)
        return 1
    if not has_display():
        print("kiosk preview: no display found (DISPLAY is not set); the preview needs a screen. To check the "
              f"exhibit without one, use 'kiosk validate {args.exhibit}'.", file=sys.stderr)
        return 1
    loaded = load_preview(args.exhibit.resolve())
    if loaded.content.collection is None:
        print(f"kiosk preview: {args.exhibit} needs a valid {COLLECTION_FILE} in its content folder:", file=sys.stderr)
        for finding in loaded.errors:
            print(finding.format(loaded.root), file=sys.stderr)
        return 1
    languages = loaded.content.collection.languages.languages
    if args.lang and args.lang not in languages:
        print(f"kiosk preview: the exhibition has no language '{args.lang}' (it has {', '.join(languages)})",
              file=sys.stderr)
        return 2
    configure_kivy(kiosk=False, size=args.size or DEFAULT_SIZE)
    from kiosk.folders import data_dir
    from kiosk.gui.curator.preview_app import PreviewApp

    app = PreviewApp(loaded, data_dir=data_dir() / "preview", language=args.lang)
    app.run()
    return 0


def not_an_exhibit(folder: Path) -> str | None:
    """Why ``folder`` cannot be previewed, in one line; None when it is an exhibit folder."""
    if not folder.exists():
        return f"{folder} does not exist"
    if (folder / COLLECTION_FILE).is_file():
        return f"{folder} is a content folder, not an exhibit: give one of its exhibit folders"
    if not (folder / MANIFEST).is_file():
        return (f"{folder} is not an exhibit folder (it has no {MANIFEST}); give the folder of one exhibit, "
                f"such as exhibits/origines-quiz")
    return None


# --- loading and reporting (no Kivy) ---------------------------------------------------------
@dataclass
class PreviewLoad:
    """What one reload found: the content (None without an exhibit.yaml) and everything to tell the curator."""

    folder: Path
    content: ExhibitionContent | None
    findings: list[Finding] = field(default_factory=list)

    @property
    def exhibit_id(self) -> str:
        return self.folder.name

    @property
    def root(self) -> Path:
        """The content folder: finding paths are shown relative to it."""
        return self.folder.parent

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.is_error]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if not f.is_error]

    @property
    def manifest(self):
        """The checked exhibit, or None when it (or its collection) has errors."""
        if self.content is None or self.content.collection is None or self.errors:
            return None
        return self.content.exhibit(self.exhibit_id)

    def report(self) -> list[str]:
        """The terminal lines for a load with errors: a heading, then every finding."""
        count = len(self.errors)
        lines = [f"preview: {self.exhibit_id} has {count} error{'' if count == 1 else 's'}:"]
        return lines + [f.format(self.root) for f in self.errors + self.warnings]

    def shown(self) -> list[str]:
        """The terminal lines once the exhibit is on screen."""
        count = len(self.warnings)
        lines = [f"preview: showing {self.exhibit_id} ({count} warning{'' if count == 1 else 's'})"]
        return lines + [f.format(self.root) for f in self.warnings]


def load_preview(folder: Path) -> PreviewLoad:
    """Load the exhibit in ``folder`` (an absolute path) with its content folder's collection."""
    if not (folder / MANIFEST).is_file():  # between an editor's delete and write, or removed
        return PreviewLoad(folder, None, [Finding(folder / MANIFEST, 0, 0, ERROR, f"the folder has no {MANIFEST}",
                                                  f"save {MANIFEST} again: the preview reloads by itself")])
    content = load_content(folder)
    found = [f for result in content.results for f in result.findings]
    if content.collection is None:
        found = collection_errors(folder.parent) + found
    else:
        found = content.collection_findings + found
    return PreviewLoad(folder, content, found)


def collection_errors(root: Path) -> list[Finding]:
    """Why the content folder has no usable collection (the single-exhibit loader keeps only the verdict)."""
    file = root / COLLECTION_FILE
    if not file.is_file():
        return [Finding(file, 0, 0, ERROR, f"the content folder has no {COLLECTION_FILE}",
                        "the preview needs its rooms and languages: put it back beside the exhibit folder")]
    _collection, findings = load_collection(file)
    return findings


def emit(lines: list[str]) -> None:
    """Tell the curator's terminal (and the tests), at once."""
    for line in lines:
        print(line)
    sys.stdout.flush()


def place(finding: Finding, root: Path) -> str:
    """``file:line:column`` relative to the content folder, leaving out what is unknown."""
    where = display_path(finding.file, root)
    if finding.line:
        where += f":{finding.line}" + (f":{finding.column}" if finding.column else "")
    return where


# --- watching for saves (no Kivy) -------------------------------------------------------------
def is_editor_noise(path) -> bool:
    """A temporary file an editor writes while saving (swap, backup, lock, write test), never content."""
    name = Path(str(path)).name
    return name.isdigit() or any(fnmatchcase(name, pattern) for pattern in EDITOR_NOISE)


class SaveWatcher:
    """``SaveWatcher(folder, on_change).start()``: ``on_change()`` once per save, on a timer thread."""

    def __init__(self, folder: Path, on_change, debounce: float = DEBOUNCE):
        self.folder = Path(folder)
        self.collection_file = self.folder.parent / COLLECTION_FILE
        self.on_change = on_change
        self.debounce = debounce
        self.observer = None
        self._timer: threading.Timer | None = None
        self._lock = threading.Lock()

    def start(self) -> None:
        from watchdog.observers import Observer

        logging.getLogger("watchdog").setLevel(logging.INFO)  # its debug line per inotify event drowns the terminal
        self.observer = Observer()
        self.observer.daemon = True
        self.observer.schedule(_Forward(self.event), str(self.folder), recursive=True)
        self.observer.schedule(_Forward(self.event), str(self.folder.parent), recursive=False)
        self.observer.start()  # the watches are in place when this returns

    def stop(self) -> None:
        with self._lock:
            if self._timer:
                self._timer.cancel()
            self._timer = None
        if self.observer is not None:
            self.observer.stop()
            self.observer.join(timeout=2)
            self.observer = None

    def event(self, event) -> None:
        if self.concerns(event):
            self.poke()

    def concerns(self, event) -> bool:
        """A file of the exhibit or the collection was written, moved or deleted (not read, not editor noise)."""
        if event.event_type not in SAVE_EVENTS or (event.is_directory and event.event_type == "modified"):
            return False
        paths = [Path(str(p)) for p in (event.src_path, event.dest_path) if p]
        return any(path == self.collection_file or self._in_exhibit(path) for path in paths)

    def _in_exhibit(self, path: Path) -> bool:
        try:
            parts = path.relative_to(self.folder).parts
        except ValueError:
            return False
        return not any(part.startswith(".") for part in parts) and not is_editor_noise(path)

    def poke(self) -> None:
        """Start (or start again) the quiet period after which ``on_change`` is called."""
        with self._lock:
            if self._timer:
                self._timer.cancel()
            self._timer = threading.Timer(self.debounce, self.on_change)
            self._timer.daemon = True
            self._timer.start()


class _Forward(FileSystemEventHandler):
    def __init__(self, callback):
        super().__init__()
        self.callback = callback

    def on_any_event(self, event) -> None:
        self.callback(event)
