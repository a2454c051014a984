"""A modal panel whose screen beneath is drawn from one picture of it while the panel is in use.

Under software GL every frame draws the whole window again: with a panel open over an exhibit,
a finger on the panel paid for the exhibit's few hundred shapes and texts (~80 ms at 1920×1080)
before its pressed state showed, and the choice it made waited for that frame. The exhibit does
not change while the panel is open, so:

- every frame drawn while the panel is open copies the screen, as dimmed by the panel's overlay,
  into one texture (``glCopyTexSubImage2D`` from the frame being drawn: a copy, not a second
  drawing, so no frame is added, and the picture is always the one on screen);
- at the first touch on the panel, the screens beneath leave the window's canvas and the overlay
  draws that picture instead: one full-screen rectangle, as the overlay itself was;
- when the panel closes, the screens beneath come back, with whatever changed under the panel.

Kivy's own ``Widget.export_as_image`` draws the widget again into an Fbo: a second drawing, which
is what this saves; hence these few lines of GL.
"""

from __future__ import annotations

from pathlib import Path

from kivy.app import App
from kivy.graphics import Callback
from kivy.graphics.opengl import GL_TEXTURE_2D, GL_TEXTURE_BINDING_2D, glBindTexture, glCopyTexSubImage2D, glGetIntegerv
from kivy.graphics.texture import Texture
from kivy.lang import Builder
from kivy.properties import ObjectProperty
from kivy.uix.modalview import ModalView

Builder.load_file(str(Path(__file__).with_name("backdrop.kv")))


class BackdropModalView(ModalView):
    backdrop = ObjectProperty(None, allownone=True)
    """The picture of the screen beneath, drawn in place of it (None: the screens draw themselves)."""

    _warm = False
    _shared = None   # a panel built once per kiosk and shown again (the language and access panels)

    @classmethod
    def close_for_next_visitor(cls) -> None:
        """The idle reset: a panel a visitor left open does not greet the next one over the attract loop."""
        panel = cls._shared
        if panel is not None and panel.parent is not None:
            panel.dismiss(animation=False)

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        if not BackdropModalView._warm:   # built ahead, while nobody is touching
            BackdropModalView._warm = True
            _copy_into(Texture.create(size=(1, 1), colorfmt="rgba"))
        self._picture: Texture | None = None    # 8 MB at 1920×1080: held only while the panel is open
        self._copied = False
        self._hidden: list = []
        # in the panel's canvas: after the overlay (canvas.before), before the panel itself
        self.canvas.insert(self.canvas.indexof(self.canvas.before) + 1, Callback(self._copy_screen))

    def open(self, *args, **kwargs):
        self.show_screens()
        super().open(*args, **kwargs)
        self._align_center()
        self._picture = Texture.create(size=self._screen_size(), colorfmt="rgba")

    def _align_center(self, *_args):
        """In the middle of the window; within reach (kiosk.gui.root.ReachView) in the middle of its lower part,
        where the screens are drawn, its top never above that part's (its kv keeps it that tall at most)."""
        if not self._is_open:
            return
        window = self._window
        app = App.get_running_app()
        share = getattr(getattr(app, "theme", None), "reach", 1.0)
        if share >= 1:
            self.center = window.center
            return
        zone = window.height * share
        # the zone's middle, lowered so that its top stays in the zone, and never below the window's foot
        self.center = (window.width / 2, max(self.height / 2, min(zone / 2, zone - self.height / 2)))

    def on_dismiss(self):
        self.show_screens()
        self._picture = None

    def _screen_size(self) -> tuple[int, int]:
        return tuple(int(v) for v in self._window.size) if self._window is not None else (0, 0)

    def _copy_screen(self, _instruction) -> None:
        """While the screens draw themselves, keep the last frame of them (dimmed) in the picture."""
        picture = self._picture
        if picture is None or self.backdrop is not None:
            return
        if tuple(picture.size) != self._screen_size():   # the window turned: no picture this time
            self._picture, self._copied = None, False
            return
        _copy_into(picture)
        self._copied = True

    def on_touch_down(self, touch):
        self.hide_screens()   # before this touch's frame: it draws the pressed state over the picture
        return super().on_touch_down(touch)

    def hide_screens(self) -> None:
        """Draw the picture instead of the screens beneath, once a frame of them has been copied."""
        window = self._window
        if self.backdrop is not None or window is None or not self._copied or self._picture is None:
            return
        canvas = window.canvas
        self._hidden = [(i, c) for i, c in enumerate(canvas.children) if c is not self.canvas]
        for _index, instruction in self._hidden:
            canvas.remove(instruction)
        self.backdrop = self._picture

    def show_screens(self) -> None:
        """The screens beneath draw themselves again, with whatever changed under the panel."""
        window = self._window
        if self._hidden and window is not None:
            for index, instruction in self._hidden:
                window.canvas.insert(index, instruction)
        self._hidden = []
        self.backdrop = None
        self._copied = False


def _copy_into(texture: Texture) -> None:
    """Copy the frame being drawn (its lower left corner, the texture's size) into ``texture``.

    Kivy's ``Callback(reset_context=True)`` leaves no program in use, and nothing more is drawn:
    only the texture unit's binding is touched here, and it is put back as Kivy's drawing left it.
    The first copy of a process costs ~65 ms under llvmpipe (its copy path is set up): a 1×1 copy
    pays that ahead, when the panel is built.
    """
    bound = glGetIntegerv(GL_TEXTURE_BINDING_2D)
    texture.bind()
    glCopyTexSubImage2D(GL_TEXTURE_2D, 0, 0, 0, 0, 0, *texture.size)
    glBindTexture(GL_TEXTURE_2D, bound[0] if isinstance(bound, (list, tuple)) else bound)
