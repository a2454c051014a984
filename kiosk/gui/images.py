"""Pictures for the screen: scaled down with Pillow before they become textures, kept in a bounded cache.

Kivy's own image cache has no size limit and a 60 s timeout (KIVY_NOTES: 40 large PNGs kept
RSS near 650 MB). Here every picture is first reduced to the size it is shown at, and the
textures live in an LRU cache bounded in bytes::

    texture = pictures.texture(path, (800, 600))   # fits inside 800×600, aspect kept
"""

from __future__ import annotations

import logging
from collections import OrderedDict
from pathlib import Path

from kivy.graphics.texture import Texture
from PIL import Image, ImageOps

log = logging.getLogger(__name__)
DEFAULT_BUDGET = 24 * 1024 * 1024
ORIENTATION = 0x0112  # the EXIF tag
RESTING_BUDGET = 10 * 1024 * 1024  # kept between visits: the home screen's thumbnails


class PictureCache:
    def __init__(self, budget_bytes: int = DEFAULT_BUDGET):
        self.budget = budget_bytes
        self.used = 0
        self._textures: OrderedDict[tuple, Texture] = OrderedDict()
        self._origins: dict[int, tuple[Path, tuple[int, int]]] = {}  # id(texture) → file and its own size

    def origin(self, texture: Texture) -> tuple[Path, tuple[int, int]] | None:
        """The file a cached texture was made from and that file's size in pixels (for proof sheets)."""
        return self._origins.get(id(texture))

    def texture(self, path: Path, box: tuple[float, float]) -> Texture | None:
        """The picture at ``path`` fitting in ``box`` (pixels); None if it cannot be read."""
        box = (max(1, int(box[0])), max(1, int(box[1])))
        try:
            stat = Path(path).stat()
        except OSError:
            log.warning("picture %s is missing", path)
            return None
        key = (str(path), stat.st_mtime_ns, _bucket(box[0]), _bucket(box[1]))
        if key in self._textures:
            self._textures.move_to_end(key)
            return self._textures[key]
        texture, size = self._load(path, (key[2], key[3]))
        if texture is not None:
            self._store(key, texture)
            self._origins[id(texture)] = (Path(path), size)
        return texture

    def _load(self, path: Path, box: tuple[int, int]) -> tuple[Texture | None, tuple[int, int]]:
        try:
            with Image.open(path) as image:
                turned = image.getexif().get(ORIENTATION, 1) >= 5  # EXIF orientations 5–8 swap width and height
                size = image.size[::-1] if turned else image.size
                image.draft("RGB", box)
                picture = ImageOps.exif_transpose(image).convert("RGB")
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
        _, old = self._textures.popitem(last=False)
        self._origins.pop(id(old), None)
        self.used -= _bytes(old)

    def clear(self) -> None:
        self._textures.clear()
        self._origins.clear()
        self.used = 0


def _bucket(pixels: int) -> int:
    """Round sizes up to steps of 64 px so small layout changes reuse the same texture."""
    return max(64, (pixels + 63) // 64 * 64)


def _bytes(texture: Texture) -> int:
    return texture.width * texture.height * 3
