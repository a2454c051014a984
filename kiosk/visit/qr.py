"""QR codes for links, drawn offline and kept on disk so each one is drawn once.

A visitor scans the code from 30–40 cm with their own phone. The PNG holds exactly one
pixel per module, quiet zone included; the view scales it up by a whole number with
nearest-neighbour filtering, so the edges stay sharp::

    cache = QrCache(Path("~/.cache/kiosk/qr").expanduser())
    qr = cache.get("https://www.le-mes.org/")
    scale = pixels_per_module(qr.modules, max_side_px=456)
    # kv: Image(source=str(qr.path), size=(qr.modules * scale,) * 2, nocache=True)
    #     and texture.mag_filter = "nearest"

Error correction and the size limit are those of :mod:`kiosk.content.links`, so a link the
validator accepts is a link the kiosk can draw. Files are named by a hash of the data and
of every drawing setting, written atomically, and drawn again when a cached one is unreadable.
"""

from __future__ import annotations

import hashlib
import io
import json
import logging
import re
from dataclasses import dataclass
from pathlib import Path

import qrcode
from PIL import Image, ImageColor

from kiosk.content.links import MAX_QR_VERSION, QR_ERROR_CORRECTION, qr_version
from kiosk.files import write_atomic

log = logging.getLogger(__name__)

FORMAT_VERSION = 1  # bump when the drawing changes, so old cached files are not reused
MIN_BORDER = 4  # modules of quiet zone the QR standard asks for
MIN_CONTRAST = 7.0  # WCAG AAA; phones read a QR code best with strong contrast
_CACHED_NAME = re.compile(r"[0-9a-f]{64}\.png")
_TEMPORARY_NAME = re.compile(r"\.[0-9a-f]{64}\.png\..*\.tmp")  # left by kiosk.files.write_atomic after a power cut

RGB = tuple[int, int, int]


@dataclass(frozen=True)
class QrImage:
    """A QR code ready for the view."""

    path: Path  # PNG file: exactly one pixel per module, quiet zone included
    modules: int  # width in modules, quiet zone included (e.g. 33 + 2*4 = 41)
    version: int


class QrCache:
    """Draws QR codes into ``folder`` and reuses the files it has already drawn."""

    def __init__(self, folder: Path, border: int = 4, dark: str = "#1F1A17", light: str = "#FFFFFF"):
        if border < MIN_BORDER:
            raise ValueError(f"a QR code needs a quiet zone of at least {MIN_BORDER} modules, not {border}")
        self.folder = Path(folder)
        self.border = border
        self.dark = _rgb(dark)
        self.light = _rgb(light)
        _check_colours(self.dark, self.light)

    def get(self, data: str, max_version: int = MAX_QR_VERSION, correction: int = QR_ERROR_CORRECTION) -> QrImage:
        """The QR code for ``data``: the cached PNG if it is sound, otherwise a newly drawn one. ``max_version`` and
        ``correction``: a larger code, with less error correction, for a long text drawn on a clean screen (a
        visitor's list, kiosk.visit.basket)."""
        version = _checked_version(data, max_version, correction)
        image = QrImage(self.folder / f"{self._key(data, correction)}.png", 17 + 4 * version + 2 * self.border, version)
        if not self._is_sound(image):
            self.folder.mkdir(parents=True, exist_ok=True)
            write_atomic(image.path, self._draw(data, version, correction))
        return image

    def clear(self) -> None:
        """Remove the PNGs this cache draws and any temporary files a power cut left; nothing else."""
        if not self.folder.is_dir():
            return
        for path in self.folder.iterdir():
            if _CACHED_NAME.fullmatch(path.name) or _TEMPORARY_NAME.fullmatch(path.name):
                path.unlink(missing_ok=True)

    def _key(self, data: str, correction: int = QR_ERROR_CORRECTION) -> str:
        settings = {"format": FORMAT_VERSION, "data": data, "border": self.border, "dark": self.dark,
                    "light": self.light, "error_correction": correction}
        text = json.dumps(settings, sort_keys=True, ensure_ascii=False)
        return hashlib.sha256(text.encode("utf-8")).hexdigest()

    def _is_sound(self, image: QrImage) -> bool:
        """True when the cached file exists, decodes fully and has the expected size."""
        try:
            with Image.open(image.path) as png:
                png.load()
                size = png.size
        except FileNotFoundError:
            return False
        except (OSError, SyntaxError, ValueError) as error:  # Pillow reports broken PNGs in these three ways
            log.warning("cached QR code %s is unreadable (%s); drawing it again", image.path, error)
            return False
        if size != (image.modules, image.modules):
            log.warning("cached QR code %s is %s px, not %s; drawing it again", image.path, size, image.modules)
            return False
        return True

    def _draw(self, data: str, version: int, correction: int = QR_ERROR_CORRECTION) -> bytes:
        """PNG bytes, one pixel per module, quiet zone included."""
        code = qrcode.QRCode(version=version, error_correction=correction, box_size=1, border=self.border)
        code.add_data(data)
        code.make(fit=False)
        matrix = code.get_matrix()
        png = Image.new("RGB", (len(matrix), len(matrix)))
        png.putdata([self.dark if dark else self.light for row in matrix for dark in row])
        stream = io.BytesIO()
        png.save(stream, format="PNG", optimize=True)
        return stream.getvalue()


def pixels_per_module(modules: int, max_side_px: int, minimum: int = 8) -> int:
    """The largest whole number of pixels per module that fits in ``max_side_px``, never below ``minimum``."""
    if modules <= 0:
        raise ValueError(f"a QR code has at least one module, not {modules}")
    return max(minimum, max_side_px // modules)


def contrast_ratio(first: RGB, second: RGB) -> float:
    """The WCAG contrast ratio of two sRGB colours, from 1 (same) to 21 (black on white)."""
    brighter, darker = sorted((_luminance(first), _luminance(second)), reverse=True)
    return (brighter + 0.05) / (darker + 0.05)


def _checked_version(data: str, limit: int = MAX_QR_VERSION, correction: int = QR_ERROR_CORRECTION) -> int:
    """The QR version for ``data``; ValueError when it is over ``limit`` (the kiosk's, for a link)."""
    try:
        version = qr_version(data, correction)
    except (ValueError, qrcode.exceptions.DataOverflowError):  # qrcode's ways of saying "over version 40"
        version = None
    if version is None or version > limit:
        raise ValueError(f"{len(data)} characters are too many for a QR code of version {limit} or less; "
                         f"the link validator should have refused {data[:60]!r}…")
    return version


def _check_colours(dark: RGB, light: RGB) -> None:
    if _luminance(dark) >= _luminance(light):
        raise ValueError(f"QR modules must be darker than the background: {dark} on {light}")
    ratio = contrast_ratio(dark, light)
    if ratio < MIN_CONTRAST:
        raise ValueError(f"QR colours {dark} on {light} have a contrast of {ratio:.1f}:1; phones need {MIN_CONTRAST:g}:1")


def _rgb(colour: str) -> RGB:
    """``"#1F1A17"``, ``"#fff"`` or a CSS name as (red, green, blue); ValueError when unknown."""
    red, green, blue = ImageColor.getrgb(colour)[:3]
    return red, green, blue


def _luminance(colour: RGB) -> float:
    """WCAG relative luminance of an sRGB colour."""
    linear = [c / 255 / 12.92 if c <= 10 else ((c / 255 + 0.055) / 1.055) ** 2.4 for c in colour]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
