"""``kiosk snapshot``: PNGs of every screen, exhibit, interactive step and language.

It drives the real app, the way a visitor would move through it, and photographs the
window after each step::

    attract-fr.png … attract-ar.png        the attract loop, once per language
    language.png                           the language choice
    home-fr-origines.png …                 each room, in each language
    origines-quiz-fr-1.png …               each exhibit, each step, in each language

It also writes ``snapshots.json``, the list of files with what each shows. Curators use it
to proof an exhibition without walking to the kiosk.
"""

from __future__ import annotations

import json
import logging
import os
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from kiosk.content.writing import write_text_atomic
from kiosk.gui.kivy_config import configure_kivy

log = logging.getLogger(__name__)
SETTLE_FRAMES = 3
FRAME = 1 / 30


def plan(content, languages: list[str] | None = None, only: list[str] | None = None) -> list[dict]:
    """Every snapshot to take, as plain data (testable without a window)."""
    codes = languages or list(content.collection.languages.languages)
    exhibits = [m for m in content.exhibits if not only or m.id in only]
    shots = [{"name": f"attract-{code}", "screen": "attract", "language": code} for code in codes]
    shots.append({"name": "language", "screen": "language", "language": content.collection.languages.default})
    for code in codes:
        for room in content.collection.rooms:
            if content.exhibits_in(room.id):
                shots.append({"name": f"home-{code}-{room.id}", "screen": "home", "language": code, "room": room.id})
        for manifest in exhibits:
            shots.append({"name": f"{manifest.id}-{code}", "screen": "exhibit", "language": code,
                          "exhibit": manifest.id, "steps": True})
    return shots


def take_snapshots(content, out: Path, size: tuple[int, int], languages=None, only=None) -> int:
    written, failures = render(content, out, size, plan(content, languages, only))
    print(f"wrote {len(written)} snapshots to {out}")
    return 0 if failures == 0 else 1


def render(content, out: Path, size: tuple[int, int], shots: list[dict], inspect=None,
           progress: bool = False) -> tuple[list[dict], int]:
    """Photograph ``shots``; returns the entries written (also in ``snapshots.json``) and the failure count.

    ``inspect(app)``, when given, is called on each screen before it is photographed; what it
    returns is kept in the entry under ``problems``. ``progress`` shows a progress bar on stderr.
    """
    configure_kivy(kiosk=False, size=size)
    out.mkdir(parents=True, exist_ok=True)
    data = Path(os.environ.get("KIOSK_DATA_DIR") or out / ".kiosk-data")
    app = _snapshot_app_class()(content, data_dir=data, shots=shots, out=out, inspect=inspect, progress=progress)
    app.run()
    write_text_atomic(out / "snapshots.json", json.dumps(app.written, indent=1, ensure_ascii=False))
    return app.written, app.failures


def _save_png(pixels: bytes, size: tuple[int, int], path: Path) -> None:
    """RGBA pixels (top row first) to a PNG, quickly: proofs are many and looked at, not archived."""
    from PIL import Image

    temporary = path.with_name(f".{path.name}.tmp")
    Image.frombytes("RGBA", tuple(size), pixels).save(temporary, "PNG", compress_level=1)
    temporary.replace(path)


def _snapshot_app_class():
    from kivy.clock import Clock

    from kiosk.gui.app import KioskApp

    class SnapshotApp(KioskApp):
        def __init__(self, content, data_dir, shots, out, inspect=None, progress=False, **kwargs):
            super().__init__(content, data_dir=data_dir, **kwargs)
            self.shots, self.out, self.written, self.failures = shots, out, [], 0
            self.inspect, self.show_progress, self.bar = inspect, progress, None
            self.queue = []
            self.writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="png")  # encodes while the next draws
            self.saving = []

        def _finish_saving(self):
            for entry, future in self.saving:
                try:
                    future.result()
                    self.written.append(entry)
                except OSError as exc:
                    log.error("snapshot %s could not be written: %s", entry["file"], exc)
                    self.failures += 1
            self.writer.shutdown()

        def on_start(self):
            from kivy.core.window import Window

            Window.canvas.remove(self.root_widget.canvas)  # photos are drawn off-screen: the window need not be
            self.idle.paused = True
            self.navigator.animations = False
            self.framerate.idle = self.framerate.active
            for shot in self.shots:
                self.queue.extend(self._expand(shot))
            if self.show_progress:
                from tqdm import tqdm
                self.bar = tqdm(total=len(self.queue), unit="screen", file=sys.__stderr__,  # not Kivy's log stream
                                dynamic_ncols=True)
            Clock.schedule_once(self._next, 0.3)

        def _expand(self, shot):
            if not shot.get("steps"):
                return [(shot, None)]
            manifest = self.content.exhibit(shot["exhibit"])
            from kiosk.gui.screens.exhibit import _view_class
            count = _view_class(manifest.type).step_count_for(manifest)
            return [(shot, step) for step in range(count)]

        def _next(self, _dt=None):
            if not self.queue:
                self._finish_saving()
                if self.bar is not None:
                    self.bar.close()
                self.stop()
                return
            shot, step = self.queue.pop(0)
            try:
                self._show(shot, step)
            except Exception:  # keep going: report the failure in the summary
                log.exception("snapshot %s failed", shot["name"])
                self.failures += 1
                Clock.schedule_once(self._next, 0)
                return
            self._settle(SETTLE_FRAMES, lambda: self._capture(shot, step))

        def _settle(self, frames, then):
            if frames <= 0:
                then()
            else:
                Clock.schedule_once(lambda _dt: self._settle(frames - 1, then), FRAME)

        def _show(self, shot, step):
            navigator = self.navigator
            if self.language != shot["language"]:
                self.set_language(shot["language"])
            if shot["screen"] == "attract":
                navigator.show_attract()
                attract = navigator.screen("attract")
                attract.step = self.content.collection.languages.languages.index(shot["language"])
                attract._show_step(fade=False)
            elif shot["screen"] == "language":
                navigator.go("language", animate=False)
            elif shot["screen"] == "home":
                navigator.show_home(shot["room"])
            else:
                if step == 0 or navigator.current != "exhibit":
                    self.session.views.pop(shot["exhibit"], None)
                    navigator.open_exhibit(shot["exhibit"])
                navigator.screen("exhibit").view.show_step(step)

        def _capture(self, shot, step):
            name = shot["name"] + (f"-{step + 1}" if step is not None else "") + ".png"
            entry = {**{k: v for k, v in shot.items() if k != "steps"}, "file": name,
                     "step": None if step is None else step + 1}
            if self.inspect is not None:
                entry["problems"] = self.inspect(self)
            texture = self.root_widget.export_as_image().texture  # drawn off-screen, read back at once
            self.saving.append((entry, self.writer.submit(_save_png, texture.pixels, texture.size, self.out / name)))
            if self.bar is not None:
                self.bar.set_postfix_str(name[:-4], refresh=False)
                self.bar.update(1)
            Clock.schedule_once(self._next, 0)

    return SnapshotApp

