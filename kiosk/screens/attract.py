"""The attract loop: the exhibition's pictures cross-fading slowly, "touch to start" in every language.

Nothing moves between cross-fades, so the kiosk idles at a low frame rate; each fade wakes
the frame rate for its own duration only. Any touch opens the language choice.
"""

from __future__ import annotations

import random
from pathlib import Path

from kivy.animation import Animation
from kivy.clock import Clock
from kivy.lang import Builder
from kivy.properties import ListProperty, NumericProperty, StringProperty

from kiosk.i18n import catalog
from kiosk.screens.base import KioskScreen
from kiosk.ui.theme import Theme

Builder.load_file(str(Path(__file__).with_name("attract.kv")))


class AttractScreen(KioskScreen):
    title = StringProperty("")
    prompt = StringProperty("")
    privacy = StringProperty("")
    font = StringProperty("Kiosk")
    step = NumericProperty(0)
    pictures = ListProperty([])

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.pictures = self._pictures()
        self._event = None

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
        if self._event:
            self._event.cancel()
            self._event = None
        Animation.cancel_all(self.ids.front)
        Animation.cancel_all(self.ids.back)

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
        box = (self.width or 1920, self.height or 1080)
        texture = self.app.pictures.texture(self.pictures[self.step % len(self.pictures)], box)
        if not fade:
            front.texture, front.opacity, back.opacity = texture, 1, 0
            return
        back.texture, back.opacity = front.texture, 1
        front.texture, front.opacity = texture, 0
        duration = self.app.content.collection.attract.fade_seconds
        self.app.framerate.wake(busy_for=duration)
        Animation(opacity=1, duration=duration).start(front)
