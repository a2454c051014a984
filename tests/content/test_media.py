"""Media checks: paths that leave the folder, missing, fake, truncated and oversized images."""

from __future__ import annotations

import os
import struct
import zlib

import pytest
from PIL import Image, PngImagePlugin

from kiosk.content.loader import load_content
from kiosk.content.media import MAX_PIXELS
from tests.conftest import findings_for, only

CASES = [
    ("absolute", "'/etc/passwd.png' is an absolute path", "copy the file into the exhibit folder"),
    ("climbs-out", "climbs out of the exhibit folder with '..'", "copy the file"),
    ("missing", "the file 'Picture.png' does not exist", "did you mean 'picture.png'?"),
    ("text-as-jpg", "'photo.jpg' is not a readable image", "export it again"),
    ("png-as-jpg", "'photo.jpg' is named like a JPEG image but holds a PNG image", "rename it to end in .png"),
    ("not-an-image-type", "'notes.txt' is not a PNG, JPEG or WebP image", ".png"),
]


@pytest.mark.parametrize("case, message, hint", CASES)
def test_media_error(root, case, message, hint):
    error = only(findings_for(load_content(root("media-errors")), case))
    assert message in error.message and hint in error.hint
    assert error.line == 8  # the line of `- file: …`


def _png_header_only(path, width, height):
    """A PNG whose header claims width×height pixels, with almost no data: a decompression bomb."""
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"\0" * 64)) + chunk(b"IEND", b""))


def test_decompression_bomb_refused_from_header(root, monkeypatch):
    folder = root("base") / "panel-ok"
    _png_header_only(folder / "picture.png", 30_000, 30_000)
    Image.init()
    real_load = PngImagePlugin.PngImageFile.load

    def load(self):
        assert self.size[0] < 30_000, "the bomb was decoded"
        return real_load(self)

    monkeypatch.setattr(PngImagePlugin.PngImageFile, "load", load)
    error = only(findings_for(load_content(folder.parent), "panel-ok"))
    assert "'picture.png' has far too many pixels" in error.message
    assert "scale it down" in error.hint


def test_image_just_over_the_limit(root):
    folder = root("base") / "panel-ok"
    _png_header_only(folder / "picture.png", MAX_PIXELS // 1000 + 1, 1000)
    message = only(findings_for(load_content(folder.parent), "panel-ok")).message
    assert f"{MAX_PIXELS // 1000 + 1}×1000 (40 megapixels), more than 40" in message


def test_truncated_image(root):
    folder = root("base") / "panel-ok"
    Image.effect_noise((400, 300), 80).convert("RGB").save(folder / "picture.png")
    data = (folder / "picture.png").read_bytes()
    (folder / "picture.png").write_bytes(data[: len(data) // 2])
    error = only(findings_for(load_content(folder.parent), "panel-ok"))
    assert "damaged or truncated" in error.message
    assert "copy the file again" in error.hint


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symbolic links here")
def test_symlink_leading_outside(root, tmp_path):
    folder = root("base") / "panel-ok"
    outside = tmp_path / "secret.png"
    Image.new("RGB", (10, 10)).save(outside)
    (folder / "picture.png").unlink()
    (folder / "picture.png").symlink_to(outside)
    error = only(findings_for(load_content(folder.parent), "panel-ok"))
    assert "is a link that leads out of the exhibit folder" in error.message


def test_symlink_inside_folder_is_fine(root):
    folder = root("base") / "panel-ok"
    (folder / "picture.png").rename(folder / "real.png")
    (folder / "picture.png").symlink_to("real.png")
    assert not findings_for(load_content(folder.parent), "panel-ok")
