"""The ``gallery`` view: pictures to swipe through, with captions and credits.

- A quick flick (under 150 ms) turns the picture; a slow drag follows the finger and snaps
  (:mod:`kiosk.exhibit_types.gallery.swipe`). Pinch or double-tap zooms; a zoomed picture pans.
- Round arrows beside the picture, level with its middle, for those who don't swipe (over its
  edges when beside it would shrink the picture, as in portrait); an arrow that leads nowhere
  is a pale outline (hidden over the picture). Dots with "2 / 3" mark the position; the current
  dot is larger as well as filled.
- In a right-to-left language everything mirrors: the next picture comes from the left,
  swiping to the right goes forward, the next arrow is on the left, the first dot on the right.
- The caption sits under the picture, in a zone as tall as the longest caption, so the picture
  never changes size from one to the next; a caption of three lines or more reads from its
  start rather than centred. In portrait the picture takes the width and only the height it
  needs: what is left stays under the caption, not in bands around the picture.
"""

from __future__ import annotations

import time
from pathlib import Path

from kivy.animation import Animation
from kivy.clock import Clock
from kivy.core.window import Window
from kivy.graphics.transformation import Matrix
from kivy.lang import Builder
from kivy.properties import BooleanProperty, ListProperty, NumericProperty, ObjectProperty
from kivy.uix.behaviors import ButtonBehavior
from kivy.uix.relativelayout import RelativeLayout
from kivy.uix.scatter import Scatter
from kivy.uix.stencilview import StencilView
from kivy.uix.widget import Widget
from PIL import Image

from kiosk.exhibit_types.gallery.swipe import page_step, turned
from kiosk.gui.theme import glide
from kiosk.gui.widgets.exhibit_view import ExhibitView
from kiosk.gui.widgets.widgets import Icon, drawn_height

Builder.load_file(str(Path(__file__).with_name("gallery.kv")))
ZOOM = 2.5
RUBBER = 0.3        # past the first or last picture, the strip follows the finger this much
GLIDE = 0.2         # seconds for a picture to glide into place


class ZoomPicture(Scatter):
    """A picture that zooms on double-tap (and pinch); back to fit on the next double-tap."""

    texture = ObjectProperty(None, allownone=True)

    @property
    def zoomed(self) -> bool:
        return self.scale > 1.01

    def toggle_zoom(self, pos) -> None:
        """``pos`` in the parent's coordinates."""
        if self.zoomed:
            self.transform = Matrix()
        else:
            x, y = self.to_local(*pos)
            self.apply_transform(Matrix().scale(ZOOM, ZOOM, ZOOM), anchor=(x, y))
            self.keep_in_frame()

    def on_transform_with_touch(self, touch):
        if not self.zoomed:
            self.transform = Matrix()
        else:
            self.keep_in_frame()

    def keep_in_frame(self) -> None:
        """A zoomed picture always covers its frame: it cannot be dragged away."""
        if not self.parent:
            return
        (x, y), (w, h) = self.bbox
        width, height = self.parent.size
        dx = -x if x > 0 else (width - (x + w) if x + w < width else 0)
        dy = -y if y > 0 else (height - (y + h) if y + h < height else 0)
        if dx or dy:
            self.apply_transform(Matrix().translate(dx, dy, 0))


class PictureStrip(StencilView):
    """The pictures side by side, one shown; the strip follows a finger and turns on a flick.

    ``index``, ``slides``, ``current_slide``, ``load_next()`` and ``load_previous()`` as in
    Kivy's Carousel.
    """

    index = NumericProperty(0)
    offset = NumericProperty(0)
    rtl = BooleanProperty(False)
    slop = NumericProperty(16)     # a touch that moves less than this is a tap
    slides = ListProperty([])

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self._drag = None
        self._frames = []
        self._place = Clock.create_trigger(lambda _dt: self.place(), -1)
        self.bind(size=self._place, pos=self._place, offset=self._place, index=self._place, rtl=self._place)

    def add_slide(self, picture: ZoomPicture) -> None:
        frame = RelativeLayout()
        frame.add_widget(picture)
        self._frames.append(frame)          # on the strip when it can be seen (place)
        self.slides.append(picture)
        self._place()

    @property
    def current_slide(self):
        return self.slides[self.index] if self.slides else None

    def place(self) -> None:
        """Each picture at its place; only the one shown is on the strip at rest, and its
        neighbours join it while the strip moves. Under software GL a picture costs by the
        pixels it covers, even clipped away or transparent (docs/design.md, "Fill budget")."""
        sign = -1 if self.rtl else 1
        moving = self.offset != 0 or self._drag is not None
        for number, (frame, picture) in enumerate(zip(self._frames, self.slides)):
            frame.size = self.size
            frame.pos = (self.x + sign * (number - self.index) * self.width + self.offset, self.y)
            seen = number == self.index or (moving and abs(number - self.index) <= 1)
            if seen and frame.parent is None:
                self.add_widget(frame)
            elif not seen and frame.parent is self:
                self.remove_widget(frame)
            if not picture.zoomed:
                picture.transform = Matrix()
                picture.size = self.size

    def load_next(self) -> None:
        self.go(1)

    def load_previous(self) -> None:
        self.go(-1)

    def go(self, step: int) -> None:
        """Turn ``step`` pictures (the pictures glide from where they are to their place)."""
        new = turned(self.index, step, len(self.slides))
        if new != self.index:
            self.offset += (-1 if self.rtl else 1) * (new - self.index) * self.width
            self.index = new
        glide(self, GLIDE, offset=0)

    def on_index(self, *_args) -> None:
        for number, picture in enumerate(self.slides):
            if number != self.index and picture.zoomed:
                picture.transform = Matrix()

    # touches

    def on_touch_down(self, touch):
        if not self.collide_point(*touch.pos) or not self.slides:
            return False
        frame, picture = self._frames[self.index], self.current_slide
        if touch.is_double_tap:
            picture.toggle_zoom(frame.to_local(*touch.pos))
            return True
        if picture.zoomed:
            return frame.on_touch_down(touch)          # pan, pinch
        if self._drag is not None:                      # a second finger: a pinch begins
            first, self._drag = self._drag, None
            first.ungrab(self)
            self.go(0)
            frame.on_touch_down(first)
            return frame.on_touch_down(touch)
        Animation.cancel_all(self, "offset")
        touch.grab(self)
        self._drag = touch
        self._start_offset = self.offset
        return True

    def on_touch_move(self, touch):
        if touch is self._drag:
            if touch.grab_current is self:
                self.offset = self._start_offset + self._follow(touch.x - touch.ox)
            return True
        return super().on_touch_move(touch)

    def on_touch_up(self, touch):
        if touch is self._drag:
            if touch.grab_current is self:
                touch.ungrab(self)
                self._drag = None
                seconds = time.time() - touch.time_start
                self.go(page_step(touch.x - touch.ox, seconds, self.width, self.rtl, self.slop))
                self._place()       # a finger back where it started: the neighbours leave the strip
            return True
        return super().on_touch_up(touch)

    def _follow(self, dx: float) -> float:
        """How far the strip follows the finger: less past the first or last picture."""
        towards_next = dx > 0 if self.rtl else dx < 0
        at_end = self.index == len(self.slides) - 1 if towards_next else self.index == 0
        return dx * RUBBER if at_end else dx


class ArrowButton(ButtonBehavior, Icon):
    """A round arrow, big enough for a finger; it turns round in right-to-left layouts."""

    over_picture = BooleanProperty(False)   # drawn over the picture's edge rather than beside it


class Dot(Widget):
    current = BooleanProperty(False)


class GalleryView(ExhibitView):
    position = NumericProperty(0)
    count = NumericProperty(0)
    caption_height = NumericProperty(0)
    long_caption = BooleanProperty(False)         # the caption shown has three lines or more
    arrows_over_picture = BooleanProperty(False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.count = len(self.manifest.images)
        self._built = False
        self._dots = []     # in reading order
        self._ratios = [self._ratio(image) for image in self.manifest.images]   # height / width
        self._fit = Clock.create_trigger(lambda _dt: self.fit_captions(), -1)
        self._size_stage = Clock.create_trigger(lambda _dt: self.size_stage(), -1)
        self._place = Clock.create_trigger(lambda _dt: self.place_picture(), -1)
        self._neighbours = Clock.create_trigger(self._load_around, 0.3)
        self.ids.carousel.fbind("on_touch_down", self._touched)
        # a view built ahead comes on screen without a refresh: its neighbours are loaded then
        self.fbind("parent", lambda *_: self._neighbours() if self.parent is not None else None)
        self.ids.caption.bind(width=self._fit, texture_size=self._count_lines)
        self.ids.captions.bind(height=self._size_stage)
        self.bind(size=self._size_stage)
        self.ids.stage.bind(pos=self._place, size=self._place)
        self.ids.carousel.bind(rtl=self._place)

    @classmethod
    def step_count_for(cls, manifest) -> int:
        return len(manifest.images)

    def show_step(self, index: int) -> None:
        self.ids.carousel.index = index
        self.show_image(index)

    def refresh(self) -> None:
        if not self._built:
            self._build_slides()
        self.show_image(self.ids.carousel.index)
        self.fit_captions()

    def _build_slides(self) -> None:
        """One slide per picture; each picture is decoded when its slide can be seen (``_load``):
        a gallery opens with the one picture it shows, not with all of them (~45 ms each)."""
        for _image in self.manifest.images:
            self.ids.carousel.add_slide(ZoomPicture(texture=None))
            self._dots.append(Dot())
            self.ids.dots.add_widget(self._dots[-1])
        self._built = True
        self.ids.carousel.index = min(self.state.get("image", 0), self.count - 1)

    def _ratio(self, image) -> float:
        """The picture's height over its width, read from the file's header (no decoding)."""
        try:
            with Image.open(self.manifest.image_path(image.file)) as picture:
                width, height = picture.size
            return height / width
        except (OSError, ValueError, ZeroDivisionError):
            return 10 / 16

    def size_stage(self) -> None:
        """Portrait: the picture's box as tall as the picture at the full width, no more.

        Landscape: the picture takes the height the dots and the caption leave.
        """
        stage, gap = self.ids.stage, self.ctx.theme.space * 2
        if Window.height <= Window.width:
            stage.size_hint_y = 1
            self.padding = [0, 0, 0, gap]
            return
        fixed = self.ids.indicator.height + self.ids.captions.height + self.spacing * 2 + gap
        stage.size_hint_y = None
        stage.height = max(0, min(self.height - fixed, self.width * max(self._ratios)))
        self.padding = [0, 0, 0, max(gap, self.height - fixed - stage.height + gap)]   # the rest under the caption

    def place_picture(self) -> None:
        """The arrows level with the picture's middle: beside it when that keeps the picture within
        90 % of its size, otherwise over its edges. The strip takes the whole box: a swipe beside
        the picture turns it too."""
        stage, theme = self.ids.stage, self.ctx.theme
        previous, following = self.ids.prev, self.ids.next
        arrow, gap = previous.width, theme.space * 2
        natural = min(stage.width, stage.height / min(self._ratios))     # the widest picture at this height
        beside = stage.width - 2 * (arrow + gap)
        self.arrows_over_picture = beside < natural * 0.9
        if self.arrows_over_picture:
            start, end = stage.x + theme.space, stage.right - theme.space - arrow
        else:
            half = min(beside, natural) / 2
            start, end = stage.center_x - half - gap - arrow, stage.center_x + half + gap
        if theme.rtl:
            start, end = end, start
        previous.pos = (start, stage.center_y - previous.height / 2)
        following.pos = (end, stage.center_y - following.height / 2)

    def _count_lines(self, caption, _size) -> None:
        self.long_caption = caption._label is not None and len(caption._label._cached_lines) >= 3

    def fit_captions(self) -> None:
        """The caption zone is as tall as the longest caption: the picture keeps its size."""
        caption = self.ids.caption
        if caption.width < 10:
            return
        heights, theme = [0], self.ctx.theme
        for image in self.manifest.images:
            words = self.text(image.caption) or self.text(image.alt)
            height = drawn_height(theme, words, caption.width, caption.font_size)
            second = self._second_caption(image)
            if second:   # two languages at once: the second under it, in its own font
                height += drawn_height(theme, second, caption.width, caption.font_size * 0.9,
                                       font=theme.font_for(self.ctx.second_language)) + self.ids.captions.spacing
            heights.append(height)
        self.caption_height = max(heights)

    def _second_caption(self, image) -> str:
        return self.ctx.second_text(image.caption) or self.ctx.second_text(image.alt)

    def _load(self, index: int) -> None:
        slide = self.ids.carousel.slides[index]
        if slide.texture is None:
            box = (1600 * self.ctx.theme.scale, 1000 * self.ctx.theme.scale)
            slide.texture = self.ctx.pictures.texture(self.manifest.image_path(self.manifest.images[index].file), box)

    def _touched(self, carousel, touch) -> None:
        """A finger on the picture may drag a neighbour into view: have it ready. A touch elsewhere
        (Home, Back) loads nothing: a decode there delayed the button's pressed state by ~70 ms."""
        if carousel.collide_point(*touch.pos):
            self._load_around()

    def _load_around(self, *_args) -> None:
        """The pictures either side of the one shown, before a finger drags them into view."""
        if self.get_parent_window() is None or not self.ids.carousel.slides:
            return   # built off screen, or left
        index = self.ids.carousel.index
        for other in (index - 1, index + 1):
            if 0 <= other < self.count:
                self._load(other)

    def show_image(self, index) -> None:
        index = int(index or 0)
        self._load(index)
        self._neighbours()   # once this picture is on screen
        self.position = index
        self.state["image"] = index
        image = self.manifest.images[index]
        self.ids.caption.logical_text = self.text(image.caption) or self.text(image.alt)
        self.ids.caption_second.show(self.ctx, image.caption if self.ctx.second_text(image.caption) else image.alt)
        self.ids.credit.logical_text = self.text(image.credit)
        self.ids.counter.logical_text = f"{index + 1} / {self.count}"
        for number, dot in enumerate(self._dots):
            dot.current = number == index
