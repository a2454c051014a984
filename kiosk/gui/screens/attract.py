"""The attract loop: the exhibition's pictures cross-fading slowly, "touch to start" in every language.

Nothing moves between cross-fades, so the kiosk idles at a low frame rate. The cross-fade
itself is drawn in a few steps (:data:`FADE_STEPS`) rather than as a 30-fps animation:
under software OpenGL every full-screen frame costs ~0.09 CPU-second whatever it shows
(measured: presenting the frame, not drawing it), so a slide costs two frames plus one
picture decode, ~0.22 CPU-s; at the default 12 s per slide that is ~2 % of a core.
Any touch opens the language choice.

In portrait the screen is a poster: the picture bleeds off the top and the sides, cropped to
:data:`PORTRAIT_RATIO` (the bundled pictures keep their subject clear of the outer 8 % of their
width, tools/illustrations/canvas.py), and the words stand under it.
"""

from __future__ import annotations

import random
from pathlib import Path

from kivy.clock import Clock
from kivy.core.window import Window
from kivy.lang import Builder
from kivy.properties import BooleanProperty, ListProperty, NumericProperty, StringProperty

from kiosk.gui.screens.base import KioskScreen
from kiosk.gui.theme import Theme
from kiosk.i18n import catalog

FADE_STEPS = 2
PICTURE_RATIO = 1.6     # the exhibition's pictures are 16:10
PORTRAIT_RATIO = 1.34   # the portrait poster's crop: 16:10 less 8 % of the width on each side

Builder.load_file(str(Path(__file__).with_name("attract.kv")))


class AttractScreen(KioskScreen):
    title = StringProperty("")
    prompt = StringProperty("")
    privacy = StringProperty("")
    font = StringProperty("Kiosk")
    step = NumericProperty(0)
    pictures = ListProperty([])
    portrait = BooleanProperty(False)
    portrait_ratio = NumericProperty(PORTRAIT_RATIO)

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.pictures = self._pictures()
        self._event = None
        self._fade = None
        Window.bind(size=self._on_window_size)

    def _on_window_size(self, *_args) -> None:
        """A window that grows after start (a late resize, a rotated screen) gets a picture decoded for it."""
        if self._event is not None and self.ids.front.texture is not None:
            self._show_picture(fade=False)

    def content_changed(self) -> None:
        """New content went live while the loop runs: its pictures and title from the next slide on."""
        self.pictures = self._pictures()

    def _pictures(self) -> list:
        content = self.app.content
        chosen = content.collection.attract.images
        if chosen:
            paths = [content.root / relative for relative in chosen]
        else:
            paths = [m.image_path(image.file) for m in content.exhibits for image in m.images]
        random.Random(len(paths)).shuffle(paths)
        return [p for p in paths if p.is_file()]

    def on_pre_enter(self, *_):
        self.step = 0
        self._show_step(fade=False)
        seconds = self.app.content.collection.attract.slide_seconds
        self._event = Clock.schedule_interval(lambda _dt: self._next(), seconds)

    def on_leave(self, *_):
        for event in (self._event, self._fade):
            if event:
                event.cancel()
        self._event = self._fade = None

    def on_touch_down(self, touch):
        if self.collide_point(*touch.pos):
            self.navigator.show_languages()
            return True
        return super().on_touch_down(touch)

    def _next(self) -> None:
        self.step += 1
        self._show_step(fade=True)

    def _show_step(self, fade: bool) -> None:
        languages = self.app.content.collection.languages.languages
        language = languages[self.step % len(languages)]
        gettext = catalog(language).gettext
        self.font = Theme.font_for(language)
        self.title = self.app.content.collection.title.get(language, [self.app.content.collection.languages.default])
        self.prompt = gettext("Touch the screen to start")
        self.privacy = gettext("No personal data is collected.")
        self._show_picture(fade)

    def _show_picture(self, fade: bool) -> None:
        if not self.pictures:
            return
        front, back = self.ids.front, self.ids.back
        box = attract_decode_box(*Window.size, self.app.theme.pad)  # the screen's own size is still 100×100 at the first slide
        texture = self.app.pictures.texture(self.pictures[self.step % len(self.pictures)], box)
        if not fade:
            front.texture, front.opacity, back.opacity = texture, 1, 0
            return
        duration = self.app.content.collection.attract.fade_seconds
        if duration <= 0:
            front.texture = texture
            return
        back.texture, back.opacity = front.texture, 1
        front.texture, front.opacity = texture, 0
        self._fade_step(0, duration / FADE_STEPS)

    def _fade_step(self, step: int, interval: float) -> None:
        front, back = self.ids.front, self.ids.back
        front.opacity = (step + 1) / FADE_STEPS
        if step + 1 < FADE_STEPS:
            self._fade = Clock.schedule_once(lambda _dt: self._fade_step(step + 1, interval), interval)
        else:
            back.opacity, back.texture = 0, None  # nothing hidden left to draw


def attract_picture_box(width: float, height: float, pad: float) -> tuple[int, int]:
    """The picture's stage for a window (attract.kv): 62 % of the width in landscape, the whole width in portrait."""
    if width >= height:
        return int((width - pad * 6) * 0.62), int(height - pad * 4)
    return int(width), int(width / PORTRAIT_RATIO)


def attract_decode_box(width: float, height: float, pad: float) -> tuple[int, int]:
    """The box a picture is decoded to fit in: the stage, or in portrait enough to cover it (a 16:10 picture)."""
    stage_width, stage_height = attract_picture_box(width, height, pad)
    if width >= height:
        return stage_width, stage_height
    return max(stage_width, int(stage_height * PICTURE_RATIO)), stage_height
