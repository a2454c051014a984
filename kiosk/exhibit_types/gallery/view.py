"""The ``gallery`` view: swipe between pictures; double-tap or pinch to zoom; captions and credits."""

from __future__ import annotations

from pathlib import Path

from kivy.graphics.transformation import Matrix
from kivy.lang import Builder
from kivy.properties import NumericProperty, ObjectProperty
from kivy.uix.scatter import Scatter

from kiosk.gui.widgets.exhibit_view import ExhibitView

Builder.load_file(str(Path(__file__).with_name("gallery.kv")))
ZOOM = 2.5


class ZoomPicture(Scatter):
    """A picture that zooms on double-tap (and pinch); back to fit on the next double-tap."""

    texture = ObjectProperty(None, allownone=True)

    def on_touch_down(self, touch):
        if self.collide_point(*touch.pos) and touch.is_double_tap:
            self.toggle_zoom(touch.pos)
            return True
        return super().on_touch_down(touch)

    def toggle_zoom(self, pos) -> None:
        if self.scale > 1.01:
            self.transform = Matrix()
        else:
            x, y = self.to_local(*pos)
            self.apply_transform(Matrix().scale(ZOOM, ZOOM, ZOOM), anchor=(x, y))

    def on_transform_with_touch(self, touch):
        if self.scale <= 1.01:
            self.transform = Matrix()


class GalleryView(ExhibitView):
    position = NumericProperty(0)
    count = NumericProperty(0)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.count = len(self.manifest.images)
        self._built = False

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

    def _build_slides(self) -> None:
        box = (1600 * self.ctx.theme.scale, 1000 * self.ctx.theme.scale)
        for image in self.manifest.images:
            texture = self.ctx.pictures.texture(self.manifest.image_path(image.file), box)
            picture = ZoomPicture(texture=texture)
            self.ids.carousel.add_widget(picture)
        self._built = True
        self.ids.carousel.index = min(self.state.get("image", 0), self.count - 1)

    def show_image(self, index) -> None:
        index = index or 0
        self.position = index
        self.state["image"] = index
        image = self.manifest.images[index]
        self.ids.caption.logical_text = self.text(image.caption) or self.text(image.alt)
        self.ids.credit.logical_text = self.text(image.credit)
        self.ids.counter.logical_text = f"{index + 1} / {self.count}"
        for slide in self.ids.carousel.slides:
            if slide.scale > 1.01:
                slide.transform = Matrix()
