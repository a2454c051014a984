"""Checks for the media files an exhibit names (images).

A path in a manifest must stay inside its exhibit folder: no absolute path, no ``..``,
and no symbolic link that leads out. An image must be a real PNG, JPEG or WebP whose
content matches its name, must decode to the end (a truncated copy from a USB stick is
caught here), and must stay under :data:`MAX_PIXELS`. The pixel count is read from the
header first, so a decompression bomb is refused without being decoded.
"""

from __future__ import annotations

import difflib
import functools
import os
import warnings
from pathlib import Path, PurePosixPath, PureWindowsPath

from PIL import Image, UnidentifiedImageError

from kiosk.content.findings import ERROR

MAX_PIXELS = 40_000_000
IMAGE_FORMATS = {".png": "PNG", ".jpg": "JPEG", ".jpeg": "JPEG", ".webp": "WEBP"}
_EXTENSION_OF = {"PNG": ".png", "JPEG": ".jpg", "WEBP": ".webp"}

Problem = tuple[str, str, str]  # (severity, message, hint)


def resolve_inside(folder: Path, relative: str) -> tuple[Path | None, list[Problem]]:
    """The file ``relative`` names inside ``folder``, or the problems that forbid it."""
    if not relative.strip():
        return None, [(ERROR, "the file name is empty", "write the name of a file in this exhibit folder")]
    if PurePosixPath(relative).is_absolute() or PureWindowsPath(relative).is_absolute() or PureWindowsPath(relative).drive:
        return None, [(ERROR, f"'{relative}' is an absolute path", "copy the file into the exhibit folder and write only its name")]
    parts = PureWindowsPath(relative).parts
    if ".." in parts:
        return None, [(ERROR, f"'{relative}' climbs out of the exhibit folder with '..'",
                       "copy the file into the exhibit folder and write only its name")]
    path = Path(folder, *parts)
    if not path.exists():
        return None, [(ERROR, f"the file '{relative}' does not exist", _missing_hint(folder, relative))]
    real_folder = os.path.realpath(folder)
    if os.path.commonpath([real_folder, os.path.realpath(path)]) != real_folder:
        return None, [(ERROR, f"'{relative}' is a link that leads out of the exhibit folder",
                       "replace the link with a copy of the file")]
    if not path.is_file():
        return None, [(ERROR, f"'{relative}' is a folder, not a file", "name a file inside it")]
    return path, []


def image_problems(folder: Path, relative: str, max_pixels: int = MAX_PIXELS) -> list[Problem]:
    """Every problem with the image ``relative`` in ``folder``; empty when it is fine."""
    path, problems = resolve_inside(folder, relative)
    if path is None:
        return problems
    expected = IMAGE_FORMATS.get(path.suffix.lower())
    if expected is None:
        return [(ERROR, f"'{relative}' is not a PNG, JPEG or WebP image", "export the picture as .png or .jpg")]
    stat = path.stat()
    return list(_decode_problems(os.path.realpath(path), stat.st_size, stat.st_mtime_ns, relative, expected, max_pixels))


@functools.lru_cache(maxsize=4096)
def _decode_problems(path: str, size: int, mtime_ns: int, relative: str, expected: str, max_pixels: int) -> tuple:
    """Decode the image once per version of the file (size and modification time are part of the key)."""
    return tuple(_read_image(path, relative, expected, max_pixels))


def _read_image(path: str, relative: str, expected: str, max_pixels: int) -> list[Problem]:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(path, formats=list(set(IMAGE_FORMATS.values()))) as image:
                width, height = image.size
                if width * height > max_pixels:
                    return [_too_big(relative, width, height, max_pixels)]
                if image.format != expected:
                    return [(ERROR, f"'{relative}' is named like a {expected} image but holds a {image.format} image",
                             f"rename it to end in {_EXTENSION_OF[image.format]}")]
                _read_to_the_end(image)
    except Image.DecompressionBombError:
        return [(ERROR, f"'{relative}' has far too many pixels", f"scale it down to at most {max_pixels // 1_000_000} megapixels")]
    except UnidentifiedImageError:
        return [(ERROR, f"'{relative}' is not a readable image", "open it in an image editor and export it again as PNG or JPEG")]
    except (OSError, SyntaxError, ValueError) as exc:
        return [(ERROR, f"'{relative}' is damaged or truncated ({exc})", "copy the file again from its source")]
    return []


def _read_to_the_end(image: Image.Image) -> None:
    """Raise if the file stops early. PNG: check every chunk's CRC; JPEG: decode at 1/8 scale."""
    if image.format == "PNG":
        image.verify()
        return
    if image.format == "JPEG":
        image.draft("RGB", (max(1, image.width // 8), max(1, image.height // 8)))
    image.load()


def _too_big(relative: str, width: int, height: int, max_pixels: int) -> Problem:
    megapixels = width * height / 1_000_000
    return (ERROR, f"'{relative}' is {width}×{height} ({megapixels:.0f} megapixels), more than {max_pixels // 1_000_000}",
            "scale it down: 1920×1080 is plenty for the kiosk screen")


def _missing_hint(folder: Path, relative: str) -> str:
    try:
        names = [entry.name for entry in Path(folder).iterdir() if entry.is_file()]
    except OSError:
        names = []
    close = difflib.get_close_matches(Path(relative).name, names, n=1, cutoff=0.6)
    if close:
        return f"did you mean '{close[0]}'? (names are case-sensitive)"
    return "put the file in the exhibit folder, or correct its name"
