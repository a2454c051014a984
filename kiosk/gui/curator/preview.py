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

The watching and reporting part is plain Python; the window part is made by
:func:`preview_app_class` once :func:`kiosk.gui.kivy_config.configure_kivy` has run.
"""

from __future__ import annotations

import copy
import functools
import logging
import signal
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

    app = preview_app_class()(loaded, data_dir=data_dir() / "preview", language=args.lang)
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


# --- the window ---------------------------------------------------------------------------------
@functools.cache
def preview_app_class():
    """The PreviewApp class (KioskApp on one exhibit); call it after configure_kivy."""
    from kivy.lang import Builder

    Builder.load_file(str(KV_FILE))
    return _define_classes()


def _define_classes():
    from kivy.clock import Clock
    from kivy.properties import BooleanProperty, ListProperty, OptionProperty, StringProperty
    from kivy.uix.boxlayout import BoxLayout

    from kiosk.gui.app import KioskApp
    from kiosk.facilitation import Facilitation
    from kiosk.gui.navigation import Navigator
    from kiosk.gui.screens.base import KioskScreen
    from kiosk.gui.theme import rgba

    ERROR_COLOUR = rgba("#9B1C1C")  # carries white text (8.2:1)

    class PreviewNavigator(Navigator):
        """Back and Home start the exhibit over; a view that fails shows the problem panel."""

        def exhibit_failed(self, exhibit_id: str, error: BaseException) -> None:
            self.app.view_failed(error)

        def show_home(self, room: str | None = None) -> None:
            self.app.start_over()

        def back(self) -> None:
            self.app.start_over()

    class PreviewFacilitation(Facilitation):
        """One curator, no group: no PIN, no menu, no guided session to resume."""

        def start(self) -> None:
            pass

        def open_entry(self) -> None:
            pass

    class PreviewFindingCard(BoxLayout):
        place = StringProperty("")
        message = StringProperty("")
        hint = StringProperty("")
        stripe = ListProperty([0, 0, 0, 1])
        quiet = BooleanProperty(False)  # a warning: smaller and muted

    class PreviewProblemScreen(KioskScreen):
        """Instead of the exhibit: its errors, or the exception its view raised, and what to do."""

        exhibit_id = StringProperty("")
        mode = OptionProperty("errors", options=("errors", "fault"))
        has_warnings = BooleanProperty(False)

        def show_findings(self, loaded: PreviewLoad) -> None:
            self._show(loaded.exhibit_id, "errors",
                       [self._card(place(f, loaded.root), f.message, f.hint, ERROR_COLOUR) for f in loaded.errors],
                       [self._card(place(f, loaded.root), f.message, f.hint, self.app.theme.accent, quiet=True)
                        for f in loaded.warnings])

        def show_fault(self, exhibit_id: str, where: str, error: BaseException) -> None:
            hint = self.app.tr._("The full error is printed in the terminal.")
            self._show(exhibit_id, "fault", [self._card(where, f"{type(error).__name__}: {error}", hint,
                                                         ERROR_COLOUR)], [])

        def _show(self, exhibit_id: str, mode: str, errors: list, warnings: list) -> None:
            self.exhibit_id, self.mode = exhibit_id, mode
            self.has_warnings = bool(warnings)
            for box, cards in ((self.ids.errors, errors), (self.ids.warnings, warnings)):
                box.clear_widgets()
                for card in cards:
                    box.add_widget(card)
            self.ids.scroll.scroll_y = 1

        @staticmethod
        def _card(where: str, message: str, hint: str, stripe, quiet: bool = False) -> PreviewFindingCard:
            return PreviewFindingCard(place=where, message=message, hint=hint, stripe=list(stripe),
                                      quiet=quiet)

    class PreviewApp(KioskApp):
        """``PreviewApp(loaded, data_dir, language).run()``: the kiosk on one exhibit, reloaded on every save."""

        def __init__(self, loaded: PreviewLoad, data_dir: Path, language: str | None = None, **kwargs):
            data_dir.mkdir(parents=True, exist_ok=True)
            language = language or loaded.content.collection.languages.default
            super().__init__(loaded.content, data_dir=data_dir, kiosk=False, language=language, **kwargs)
            self.facilitation = PreviewFacilitation(self)
            self.loaded = loaded
            self.exhibit_id = loaded.exhibit_id
            self.title = f"{self.tr._('Preview')}: {self.exhibit_id}"
            self.watcher = SaveWatcher(loaded.folder, on_change=lambda: Clock.schedule_once(self.reload))
            self._trial: list | None = None  # failures while a view is being built, when one is
            self._stop_requested = False

        # --- building and stopping -------------------------------------------------------------
        navigator_class = PreviewNavigator

        def first_screen(self) -> None:
            """Straight to the exhibit (or its problems), never attract or home."""
            self.idle.paused = True
            self.navigator.animations = False
            self.root_widget.screens.add_widget(
                PreviewProblemScreen(name=PROBLEM_SCREEN, app=self, navigator=self.navigator))
            self.watcher.start()  # before the first report line: a save right after it is seen
            self.present(self.loaded)

        def on_start(self) -> None:
            for signum in (signal.SIGINT, signal.SIGTERM):  # Ctrl+C in the terminal, or a kill: a clean stop
                signal.signal(signum, self._request_stop)
            Clock.schedule_interval(self._stop_if_requested, 0.2)

        def _request_stop(self, _signum, _frame) -> None:
            self._stop_requested = True  # only a flag: a signal handler must not touch the Clock's lock

        def _stop_if_requested(self, _dt) -> None:
            if self._stop_requested:
                self.stop()

        def on_stop(self) -> None:
            self.watcher.stop()
            super().on_stop()

        # --- reloading ----------------------------------------------------------------------------
        def reload(self, _dt=None) -> None:
            self.framerate.wake()
            try:
                self.present(load_preview(self.loaded.folder))
            except Exception as exc:  # whatever goes wrong, the curator gets the panel and the preview goes on
                self.show_fault(exc)

        def present(self, loaded: PreviewLoad) -> None:
            """Show the exhibit if it is valid, else the problem panel; tell the terminal either way."""
            self.loaded = loaded
            manifest = loaded.manifest
            if manifest is None:
                self.navigator.screen(PROBLEM_SCREEN).show_findings(loaded)
                self.navigator.go(PROBLEM_SCREEN)
                emit(loaded.report())
                return
            state = self._kept_state(manifest)
            if loaded.content is not self.content:
                language = self.language
                self.replace_content(loaded.content)
                languages = loaded.content.collection.languages.languages
                self.set_language(language if language in languages else self.default_language)
            if self.open_exhibit(manifest, state):
                emit(loaded.shown())

        def _kept_state(self, manifest) -> dict:
            """A copy of the curator's place in the exhibit, if it is still the same type of exhibit."""
            shown = self.content.exhibit(self.exhibit_id)
            if shown is None or shown.type != manifest.type:
                return {}
            return copy.deepcopy(self.session.views.get(self.exhibit_id, {}))

        def open_exhibit(self, manifest, state: dict) -> bool:
            """Build the exhibit's view at the curator's place, or from its start if that fails."""
            error = self._try_open(manifest, state)
            if error is not None and state:
                log.info("preview: %s could not keep its place (%r); showing it from the start", manifest.id, error)
                error = self._try_open(manifest, {})
            if error is not None:
                self.session.views[manifest.id] = state  # the place comes back once the next save mends the view
                self.show_fault(error)
                return False
            return True

        def _try_open(self, manifest, state: dict) -> BaseException | None:
            self.session.views[manifest.id] = state
            self.session.exhibit_id = manifest.id
            self._trial = []
            try:
                if self.navigator.screen("exhibit").show(manifest):
                    self.navigator.go("exhibit", animate=False)
            except Exception as exc:  # a bug in a screen, not in the view: still the curator's panel, not a crash
                self._trial.append(exc)
            failures, self._trial = self._trial, None
            return failures[0] if failures else None

        def start_over(self) -> None:
            manifest = self.content.exhibit(self.exhibit_id)
            if manifest is not None and self.navigator.current == "exhibit":
                self.open_exhibit(manifest, {})

        # --- when the view fails -------------------------------------------------------------------
        def view_failed(self, error: BaseException) -> None:
            """The exhibit's view raised (while built, refreshed, or in an event)."""
            if self._trial is not None:
                self._trial.append(error)
            else:
                self.show_fault(error)

        def show_fault(self, error: BaseException) -> None:
            log.error("preview: %s failed while being shown", self.exhibit_id, exc_info=error)
            where = display_path(self.loaded.folder / MANIFEST, self.loaded.root)
            self.navigator.screen(PROBLEM_SCREEN).show_fault(self.exhibit_id, where, error)
            self.navigator.go(PROBLEM_SCREEN, animate=False)
            emit([f"preview: {self.exhibit_id} failed while being shown: {type(error).__name__}: {error}"])

    return PreviewApp
