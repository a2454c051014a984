"""Pictures for the screen: scaled down with Pillow before they become textures, kept in a bounded cache.

Kivy's own image cache has no size limit and a 60 s timeout (KIVY_NOTES: 40 large PNGs kept
RSS near 650 MB). Here every picture is first reduced to the size it is shown at, and the
textures live in an LRU cache bounded in bytes::

    texture = pictures.texture(path, (800, 600))   # fits inside 800×600, aspect kept

A tap should not wait for a decode (~25–45 ms a picture under software GL): while nobody
touches, the navigator decodes ahead the pictures the next screens will ask for
(:meth:`PictureCache.prefetch`, one per step), at the boxes it learnt by listening to what a
screen asked for (:meth:`PictureCache.listen`).
"""

from __future__ import annotations

import logging
from collections import OrderedDict
from contextlib import contextmanager
from pathlib import Path

from kivy.graphics.texture import Texture
from PIL import Image, ImageOps

log = logging.getLogger(__name__)
DEFAULT_BUDGET = 32 * 1024 * 1024   # a room's exhibit pictures and every room's card pictures, at 1920×1080
ORIENTATION = 0x0112  # the EXIF tag
RESTING_BUDGET = 10 * 1024 * 1024  # kept between visits: the home screen's thumbnails
PREFETCH_SHARE = 0.85  # pictures decoded ahead fill at most this share of the budget


class PictureCache:
    def __init__(self, budget_bytes: int = DEFAULT_BUDGET):
        self.budget = budget_bytes
        self.used = 0
        self._textures: OrderedDict[tuple, Texture] = OrderedDict()
        self._origins: dict[int, tuple[Path, tuple[int, int]]] = {}  # id(texture) → file and its own size
        self._listeners: list[tuple[list, bool]] = []
        self._uses: dict[tuple, int] = {}  # key → when it was last asked for or decoded ahead (a counter)
        self._clock = 0
        self.decoded = 0  # pictures decoded so far (the tests check that a tap decodes none)

    def origin(self, texture: Texture) -> tuple[Path, tuple[int, int]] | None:
        """The file a cached texture was made from and that file's size in pixels (for proof sheets)."""
        return self._origins.get(id(texture))

    def texture(self, path: Path, box: tuple[float, float]) -> Texture | None:
        """The picture at ``path`` fitting in ``box`` (pixels); None if it cannot be read."""
        for heard, _dry in self._listeners:
            heard.append((Path(path), box))
        if any(dry for _heard, dry in self._listeners):
            return None
        key = self._key(path, box)
        if key is None:
            log.warning("picture %s is missing", path)
            return None
        if key in self._textures:
            self._use(key)
            return self._textures[key]
        larger = self._larger(key)
        if larger is not None:
            return larger
        texture, size = self._load(path, (key[2], key[3]))
        self.decoded += 1
        if texture is not None:
            self._store(key, texture)
            self._use(key)
            self._origins[id(texture)] = (Path(path), size)
        return texture

    def _larger(self, key: tuple, use: bool = True) -> Texture | None:
        """The same file decoded already for a larger box, if at most twice the size wanted.

        A layout settles in a few passes within one frame and asks for its pictures at sizes it
        will not keep (first at Kivy's default sizes): those are served by the picture decoded
        ahead for the final size, drawn a little smaller, instead of being decoded in the tap's frame.
        """
        for other, texture in self._textures.items():
            if other[:2] != key[:2]:
                continue
            shrink = min(key[2] / texture.width, key[3] / texture.height)  # how much smaller it is drawn
            if 0.5 <= shrink <= 1:
                if use:
                    self._use(other)
                return texture
        return None

    def has(self, path: Path, box: tuple[float, float]) -> bool:
        """Whether the picture at ``path`` for ``box`` is decoded already (a tap would not wait for it)."""
        key = self._key(path, box)
        return key is None or self._held(key)

    def _held(self, key: tuple) -> bool:
        return key in self._textures or self._larger(key, use=False) is not None

    def now(self) -> int:
        """A mark in the cache's time: pictures asked for or kept after it are not let go by ``prefetch``."""
        return self._clock

    def keep(self, path: Path, box: tuple[float, float]) -> None:
        """Mark a decoded picture as wanted now (it goes to the end of the queue)."""
        self._keep(self._key(path, box))

    def _keep(self, key: tuple | None) -> None:
        if key in self._textures:
            self._use(key)
        elif key is not None:
            self._larger(key)   # the larger picture that serves it

    def prefetch(self, path: Path, box: tuple[float, float], since: int | None = None) -> bool:
        """Decode ahead the picture a screen will ask for, if there is room; True if a decode was done.

        Room is made by letting go of pictures not wanted since ``since`` (the attract loop's,
        another room's), never of those wanted since; when there is none to let go, nothing is done.
        """
        key = self._key(path, box)   # one look at the file for the whole decision
        if key is None or self._held(key):
            self._keep(key)
            return False
        need = key[2] * key[3] * 3
        while self.used + need > self.budget * PREFETCH_SHARE:
            oldest = next(iter(self._textures), None)
            if oldest is None or since is None or self._uses.get(oldest, 0) > since:
                return False
            self._forget_oldest()
        self.texture(path, box)
        return True

    def _use(self, key: tuple) -> None:
        self._textures.move_to_end(key)
        self._clock += 1
        self._uses[key] = self._clock

    @contextmanager
    def listen(self, dry: bool = False):
        """``with pictures.listen() as heard:`` lists the (path, box) that screens ask for meanwhile.

        ``dry``: only listen, decode nothing (``texture`` gives None), for a screen built off screen to learn from.
        """
        listener = ([], dry)
        self._listeners.append(listener)
        try:
            yield listener[0]
        finally:
            self._listeners.remove(listener)

    @staticmethod
    def _key(path: Path, box: tuple[float, float]) -> tuple | None:
        box = (max(1, int(box[0])), max(1, int(box[1])))
        try:
            stat = Path(path).stat()
        except OSError:
            return None
        return (str(path), stat.st_mtime_ns, _bucket(box[0]), _bucket(box[1]))

    def _load(self, path: Path, box: tuple[int, int]) -> tuple[Texture | None, tuple[int, int]]:
        try:
            with Image.open(path) as image:
                # A PNG's getexif() reads the whole file first (~20 ms); a PNG has EXIF only in an
                # eXIf chunk, which Pillow has already seen by then (image.info) when it comes first.
                exif = image.format != "PNG" or "exif" in image.info
                turned = exif and image.getexif().get(ORIENTATION, 1) >= 5  # EXIF orientations 5–8 swap width and height
                size = image.size[::-1] if turned else image.size
                image.draft("RGB", box)
                picture = (ImageOps.exif_transpose(image) if exif else image).convert("RGB")
                picture.thumbnail(box, Image.LANCZOS)
        except (OSError, ValueError, Image.DecompressionBombError) as exc:
            log.warning("picture %s cannot be shown: %s", path, exc)
            return None, (0, 0)
        texture = Texture.create(size=picture.size, colorfmt="rgb")
        texture.blit_buffer(picture.tobytes(), colorfmt="rgb", bufferfmt="ubyte")
        texture.flip_vertical()
        return texture, size

    def _store(self, key: tuple, texture: Texture) -> None:
        self._textures[key] = texture
        self.used += _bytes(texture)
        while self.used > self.budget and len(self._textures) > 1:
            self._forget_oldest()

    def shrink(self, to_bytes: int) -> None:
        """Forget the least recently used pictures until at most ``to_bytes`` remain (when a visitor leaves)."""
        while self.used > to_bytes and self._textures:
            self._forget_oldest()

    def _forget_oldest(self) -> None:
        key, old = self._textures.popitem(last=False)
        self._uses.pop(key, None)
        self._origins.pop(id(old), None)
        self.used -= _bytes(old)

    def clear(self) -> None:
        self._textures.clear()
        self._origins.clear()
        self._uses.clear()
        self.used = 0


def _bucket(pixels: int) -> int:
    """Round sizes up to steps of 64 px so small layout changes reuse the same texture."""
    return max(64, (pixels + 63) // 64 * 64)


def _bytes(texture: Texture) -> int:
    return texture.width * texture.height * 3
