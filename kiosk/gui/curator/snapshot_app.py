"""The app that ``kiosk snapshot`` and ``kiosk proof`` drive: the kiosk photographing each screen (Kivy).

Import this module only after :func:`kiosk.gui.kivy_config.configure_kivy`; what to
photograph is planned in :mod:`kiosk.gui.curator.snapshot`, free of Kivy.
"""

from __future__ import annotations

import logging
import sys
from concurrent.futures import ThreadPoolExecutor

from kivy.clock import Clock

from kiosk.gui.app import KioskApp
from kiosk.gui.curator.snapshot import FRAME, SETTLE_FRAMES, save_png
from kiosk.gui.views import view_class

log = logging.getLogger(__name__)


class SnapshotApp(KioskApp):
    def __init__(self, content, data_dir, shots, out, inspect=None, progress=False, access=(), second="", **kwargs):
        super().__init__(content, data_dir=data_dir, **kwargs)
        self.access_modes = tuple(access)   # every screen photographed in these access modes (kiosk.visit.access)
        self.second_for_shots = second      # and with texts in this second language too ("": one language)
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
        self.framerate.idle = self.framerate.active
        for shot in self.shots:
            self.queue.extend(self._expand(shot))
        if self.show_progress:
            from tqdm import tqdm
            self.bar = tqdm(total=len(self.queue), unit="screen", file=sys.__stderr__,  # not Kivy's log stream
                            dynamic_ncols=True)
        Clock.schedule_once(self._next, 0.3)

    def _first_frame(self, *args) -> None:
        super()._first_frame(*args)
        self.collector.stop()  # no tap to keep a collection out of: Python collects when it would by itself

    def _expand(self, shot):
        if not shot.get("steps"):
            return [(shot, None)]
        manifest = self.content.exhibit(shot["exhibit"])
        count = view_class(manifest.type).step_count_for(manifest)
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
        # a visitor's access modes end at the idle reset, before the attract loop: it is photographed without them
        for mode in self.access_modes:
            self.set_access(mode, shot["screen"] != "attract")
        if self.second_for_shots:
            self.set_second_language(self.second_for_shots if shot["screen"] != "attract" else "")
        if self.language != shot["language"]:
            self.set_language(shot["language"])
        if shot["screen"] == "attract":
            attract = navigator.screen("attract")
            step = self.content.collection.languages.languages.index(shot["language"])
            if navigator.current == "attract" and attract.step == step:
                return  # the first frame after start, photographed as the kiosk drew it (not redrawn)
            navigator.show_attract()
            attract.step = step
            attract._show_step(fade=False)
        elif shot["screen"] == "language":
            navigator.go("language")
        elif shot["screen"] == "home":
            self.session.seen.clear()   # home as a new visitor finds it: no card marked "seen" by earlier shots
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
        self.saving.append((entry, self.writer.submit(save_png, texture.pixels, texture.size, self.out / name)))
        if self.bar is not None:
            self.bar.set_postfix_str(name[:-4], refresh=False)
            self.bar.update(1)
        Clock.schedule_once(self._next, 0)
