"""The attract loop: a poster for passers-by, the four rooms' pictures in turn, "touch to start" in every language.

The picture bleeds off its side of the screen (the whole height in landscape, the whole width
in portrait), cropped to cover it, never stretched, and decoded at the size it is shown. Beside
it (under it in portrait) the exhibition's title in large type, its subtitle, and the call to
action in an accent pill. Each slide shows the next room's picture, tagged with the room, and
the words in the next language; an Arabic slide mirrors the layout (the picture on the right).

Nothing moves between slides, so the kiosk idles at a low frame rate. The cross-fade is drawn
in a few steps (:data:`FADE_STEPS`) rather than as a 30-fps animation: under software OpenGL
every full-screen frame costs ~0.09 CPU-second whatever it shows (measured: presenting the
frame, not drawing it), so a slide costs two frames plus one picture decode, ~0.22 CPU-s; at
the default 12 s per slide that is ~2 % of a core. The pill pulses in those same frames: a
halo round it in the fade's first frame, gone in its last, so the pulse costs no frame of its
own. ``reduced_motion`` keeps the pill still. Any touch opens the language choice.

Cropping: the bundled pictures keep their subject clear of the outer 8 % of their width
(tools/illustrations/canvas.py); the poster takes more (16 % of each side in portrait and in
landscape at 16:9, 19 % at 16:10), so that the title, 100–120 px high at 1080 px, fits
beside the picture in every language. A picture with words near its sides (a timeline's end
years) loses them: curators choose the loop's pictures in collection.yaml (attract: images:).
"""

from __future__ import annotations

import functools
import random
from pathlib import Path

from kivy.clock import Clock
from kivy.core.window import Window
from kivy.lang import Builder
from kivy.properties import BooleanProperty, ListProperty, NumericProperty, StringProperty
from PIL import Image as Picture

from kiosk.gui.images import ORIENTATION
from kiosk.gui.screens.base import KioskScreen
from kiosk.gui.theme import Theme
from kiosk.gui.widgets.arabic_label import text_width
from kiosk.i18n import catalog
from kiosk.render.bidi import is_rtl, shape_line

FADE_STEPS = 2
BEAT_SECONDS = 0.75     # how long the pill's halo shows when there is no cross-fade to show it with
PICTURE_RATIO = 1.6     # the exhibition's pictures are 16:10
PORTRAIT_RATIO = 1.1    # the portrait poster's crop: 16:10 less 15.6 % of the width on each side
STAGE_SHARE = 0.62      # landscape: the picture's share of the width, the words have the rest
TITLE_SIZE = 1.9        # the title in landscape, in the theme's titles (106 px at 1080 px high)
PORTRAIT_TITLE_SIZE = 2.1  # and in portrait (118 px on a 1080×1920 screen)
TITLE_LINES, TITLE_GIVE = 2, 0.8  # the title keeps to 2 lines if 80 % of its size is enough for that
FIT = 0.97              # of the words' width a line is measured to fill (Kivy wraps a little early)
PROMPT_SIZE = 1.1       # the call to action, in the theme's headings (44 px at 1080 px)
PORTRAIT_PROMPT_SIZE = 1.15  # and in portrait, where the words have the whole width (46 px: one line in French)

Builder.load_file(str(Path(__file__).with_name("attract.kv")))


class AttractScreen(KioskScreen):
    title = StringProperty("")
    subtitle = StringProperty("")
    prompt = StringProperty("")
    privacy = StringProperty("")
    listen = StringProperty("")    # how audio guidance starts
    font = StringProperty("Kiosk")
    rtl = BooleanProperty(False)           # this slide's language reads right to left: the poster mirrors
    step = NumericProperty(0)
    pictures = ListProperty([])            # one per slide, the rooms in turn
    portrait = BooleanProperty(False)
    portrait_ratio = NumericProperty(PORTRAIT_RATIO)
    stage_share = NumericProperty(STAGE_SHARE)
    room = StringProperty("")              # the room of the picture shown, "1. Origins"
    room_colour = ListProperty([0, 0, 0, 0])
    title_size = NumericProperty(0)        # px: as large as the title's longest word allows
    prompt_size = NumericProperty(0)       # px: the call's letters
    prompt_width = NumericProperty(0)      # px: the call's text, as wide as it is or as the pill may be
    beat = NumericProperty(0)              # 1 while the pill's halo shows (the pulse), else 0
    reduced_motion = BooleanProperty(False)  # True: the pill never pulses

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.slides = self._slides()
        self.pictures = [path for path, _room in self.slides]
        self._event = None
        self._fade = None
        self._resized = Clock.create_trigger(self._on_window_size)  # after the theme has followed the window
        Window.bind(size=self._resized)

    def _on_window_size(self, *_args) -> None:
        """A window that changes after start (a late resize, a rotated screen) gets words and a picture fitted to it."""
        if self._event is not None and self.ids.front.texture is not None:
            self._fit_words()
            self._show_picture(fade=False)

    def content_changed(self) -> None:
        """New content went live while the loop runs: its pictures and title from the next slide on."""
        self.slides = self._slides()
        self.pictures = [path for path, _room in self.slides]

    def _slides(self) -> list:
        """(picture, room) for each slide: one picture of each room in visit order, then the next of each.

        The curator's chosen pictures keep their order within each room; otherwise every exhibit
        picture is used, each room's in a fixed shuffled order. A room with fewer pictures comes
        round again sooner; a chosen picture of no room's exhibit is shown after the rooms.
        """
        content = self.app.content
        chosen = content.collection.attract.images
        rooms = {m.id: m.room for m in content.exhibits}
        if chosen:
            found = [(content.root / relative, rooms.get(Path(relative).parts[0], "")) for relative in chosen]
        else:
            found = [(m.image_path(image.file), m.room) for m in content.exhibits for image in m.images]
        order = [room.id for room in content.collection.rooms] + [""]
        groups = [[path for path, room in found if room == room_id and path.is_file()] for room_id in order]
        if not chosen:
            for group in groups:
                random.Random(len(group)).shuffle(group)
        turns = max((len(group) for group in groups), default=0)
        return [(group[turn % len(group)], room_id) for turn in range(turns)
                for room_id, group in zip(order, groups) if group]

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
        self.beat = 0

    def on_touch_down(self, touch):
        if self.collide_point(*touch.pos):
            self.navigator.show_languages()
            return True
        return super().on_touch_down(touch)

    def on_reduced_motion(self, *_args) -> None:
        if self.reduced_motion:
            self.beat = 0

    def _next(self) -> None:
        self.step += 1
        self._show_step(fade=True)

    def _show_step(self, fade: bool) -> None:
        collection = self.app.content.collection
        languages = collection.languages.languages
        language = languages[self.step % len(languages)]
        gettext = catalog(language).gettext
        self.font = Theme.font_for(language)
        self.rtl = is_rtl(language)
        self.title = collection.title.get(language, [collection.languages.default])
        subtitle = collection.subtitle
        self.subtitle = subtitle.get(language) if subtitle and subtitle.has(language) else ""  # never another language's
        self.prompt = gettext("Touch the screen to start")
        self.privacy = gettext("No personal data is collected.")
        self.listen = gettext("Cannot see the screen? Hold two fingers on it for 2 seconds: it will speak.")
        self._show_room(language)
        self._fit_words()
        self._show_picture(fade)

    def _show_room(self, language: str) -> None:
        rooms = self.app.content.collection.rooms
        room_id = self.slides[self.step % len(self.slides)][1] if self.slides else ""
        number, room = next(((n, r) for n, r in enumerate(rooms, start=1) if r.id == room_id), (0, None))
        if room is None:
            self.room, self.room_colour = "", [0, 0, 0, 0]
            return
        title = room.title.get(language, [self.app.content.collection.languages.default])
        self.room, self.room_colour = shape_line(f"{number}. {title}"), self.app.theme.room_colour(room.colour)

    def _fit_words(self) -> None:
        """The title's size for the words' column (:func:`fit_title`); the call's width."""
        theme = self.app.theme
        width, height = Window.size
        room = words_width(width, height, theme.pad) * FIT
        portrait = height > width
        target = theme.title * (PORTRAIT_TITLE_SIZE if portrait else TITLE_SIZE)
        words = [text_width(word, self.font, target, bold=True) for word in self.title.split()]
        self.title_size = target * fit_title(words, text_width(" ", self.font, target, bold=True), room)
        self.prompt_size = theme.heading * (PORTRAIT_PROMPT_SIZE if portrait else PROMPT_SIZE)
        pill = self.prompt_size * 1.2 + theme.space * 1.5 + theme.pad * 2.5  # the icon, its gap, the pill's ends
        wanted = text_width(self.prompt, self.font, self.prompt_size, bold=True) + theme.space
        self.prompt_width = max(theme.pad, min(wanted, room - pill))

    def _show_picture(self, fade: bool) -> None:
        if not self.pictures:
            return
        front, back = self.ids.front, self.ids.back
        path = self.pictures[self.step % len(self.pictures)]
        box = attract_decode_box(*Window.size, self.app.theme.pad, picture_size(path))  # the screen's own size is still 100×100 at the first slide
        texture = self.app.pictures.texture(path, box)
        if not fade:
            front.texture, front.opacity, back.opacity = texture, 1, 0
            self.beat = 0
            return
        self.beat = 0 if self.reduced_motion else 1
        duration = self.app.content.collection.attract.fade_seconds
        if duration <= 0:
            front.texture = texture
            if self.beat:
                self._fade = Clock.schedule_once(lambda _dt: setattr(self, "beat", 0), BEAT_SECONDS)
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
            self.beat = 0  # the pulse ends with the fade, in the same frame


def attract_picture_box(width: float, height: float, pad: float) -> tuple[int, int]:
    """The picture's stage for a window (attract.kv): the whole height of its side in landscape, the top in portrait.

    ``pad`` is not needed any more (the picture has no margin); callers still pass the theme's.
    """
    if width >= height:
        return int(width * STAGE_SHARE), int(height)
    return int(width), int(width / PORTRAIT_RATIO)


def attract_decode_box(width: float, height: float, pad: float,
                       picture: tuple[int, int] = (PICTURE_RATIO, 1)) -> tuple[int, int]:
    """The box a picture (of ``picture``'s proportions) is decoded to fit in: the size that covers the stage."""
    stage_width, stage_height = attract_picture_box(width, height, pad)
    scale = max(stage_width / picture[0], stage_height / picture[1])
    return round(picture[0] * scale), round(picture[1] * scale)


def fit_title(words: list[float], space: float, room: float) -> float:
    """The scale (at most 1) at which a title whose words are ``words`` px wide fits ``room``.

    Its longest word must fit; a little smaller still (down to :data:`TITLE_GIVE`) when that
    keeps it to :data:`TITLE_LINES` lines ("Museum of / Kapitalism", not "Museum / of / …").
    """
    if not words:
        return 1.0

    def lines(scale: float) -> int:
        count, line = 1, 0.0
        for word in words:
            if line and (line + space + word) * scale > room:
                count, line = count + 1, word
            else:
                line = line + space + word if line else word
        return count

    largest = min(1.0, room / max(words))
    scale = largest
    while lines(scale) > TITLE_LINES and scale > largest * TITLE_GIVE:
        scale -= largest * 0.02
    return scale if lines(scale) <= TITLE_LINES else largest


def words_width(width: float, height: float, pad: float) -> float:
    """The width the words' lines may take (attract.kv: the column less its margins)."""
    if width >= height:
        return width * (1 - STAGE_SHARE) - pad * 4
    return width - pad * 6


def picture_size(path: Path) -> tuple[int, int]:
    """A picture's width and height as it is shown (only its header is read); 16:10 if unreadable."""
    try:
        return _header_size(Path(path), Path(path).stat().st_mtime_ns)
    except (OSError, ValueError):
        return PICTURE_RATIO, 1


@functools.lru_cache(maxsize=256)
def _header_size(path: Path, _changed: int) -> tuple[int, int]:
    with Picture.open(path) as picture:
        exif = picture.format != "PNG" or "exif" in picture.info  # as kiosk/gui/images.py reads it
        turned = exif and picture.getexif().get(ORIENTATION, 1) >= 5
        return picture.size[::-1] if turned else picture.size


