"""QR codes: phones read what the kiosk draws, the cache reuses sound files and redraws broken ones."""

from __future__ import annotations

import io
import os

import pytest
import zxingcpp
from PIL import Image

from kiosk.content.links import MAX_QR_VERSION
from kiosk.visit.qr import QrCache, pixels_per_module

HOME = "https://www.le-mes.org/"
ACCENTED = "https://exemple.fr/économie-solidaire/café?q=coop%C3%A9rative&ville=Besançon"
LONGEST_ACCEPTED = "https://" + "a" * 140


@pytest.fixture
def cache(tmp_path):
    return QrCache(tmp_path / "qr")


def decode(path) -> list[str]:
    """What a phone would read: the PNG scaled ×8 with nearest-neighbour, decoded by zxing-cpp."""
    with Image.open(path) as png:
        big = png.convert("L").resize((png.width * 8, png.height * 8), Image.Resampling.NEAREST)
    return [barcode.text for barcode in zxingcpp.read_barcodes(big, formats=zxingcpp.BarcodeFormat.QRCode)]


def wcag_contrast(first, second) -> float:
    def luminance(rgb):
        linear = [c / 255 / 12.92 if c / 255 <= 0.03928 else ((c / 255 + 0.055) / 1.055) ** 2.4 for c in rgb]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    high, low = sorted((luminance(first), luminance(second)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.mark.parametrize("data", [HOME, ACCENTED, LONGEST_ACCEPTED])
def test_text_round_trips(cache, data):
    assert decode(cache.get(data).path) == [data]


def test_one_pixel_per_module_with_quiet_zone(cache):
    qr = cache.get(HOME)
    with Image.open(qr.path) as png:
        assert png.format == "PNG" and png.mode in ("L", "RGB")
        assert png.size == (qr.modules, qr.modules) == (17 + 4 * qr.version + 8,) * 2
        pixels = png.convert("L").load()
    light, dark = pixels[0, 0], pixels[4, 4]
    assert light > dark
    edge = [(x, y) for x in range(qr.modules) for y in range(qr.modules) if min(x, y, qr.modules - 1 - max(x, y)) < 4]
    assert {pixels[p] for p in edge} == {light}
    # the top-left finder pattern starts right after the quiet zone, one pixel per module: 7 dark, 1 light ring
    assert [pixels[x, 4] for x in range(4, 11)] == [dark] * 7
    assert [pixels[x, 5] for x in range(4, 11)] == [dark] + [light] * 5 + [dark]


def test_dark_on_light_with_strong_contrast(cache):
    with Image.open(cache.get(HOME).path) as png:
        colours = {colour for _, colour in png.convert("RGB").getcolors()}
    assert colours == {(0x1F, 0x1A, 0x17), (0xFF, 0xFF, 0xFF)}
    assert wcag_contrast(*colours) >= 7


@pytest.mark.parametrize("dark, light", [("#777777", "#FFFFFF"), ("#FFFFFF", "#1F1A17"), ("#000000", "#000000")])
def test_weak_or_inverted_colours_are_refused(tmp_path, dark, light):
    with pytest.raises(ValueError, match="darker than the background|contrast"):
        QrCache(tmp_path, dark=dark, light=light)


def test_a_thin_quiet_zone_is_refused(tmp_path):
    with pytest.raises(ValueError, match="quiet zone of at least 4 modules"):
        QrCache(tmp_path, border=2)


def test_a_wider_quiet_zone_is_drawn(tmp_path):
    qr = QrCache(tmp_path, border=6).get(HOME)
    assert qr.modules == 17 + 4 * qr.version + 12
    assert decode(qr.path) == [HOME]


def test_cache_hit_reuses_the_file_without_rewriting_it(cache):
    first = cache.get(HOME)
    os.utime(first.path, ns=(1_000_000_000, 1_000_000_000))
    inode = first.path.stat().st_ino
    second = cache.get(HOME)
    assert second == first
    assert first.path.stat().st_mtime_ns == 1_000_000_000 and first.path.stat().st_ino == inode


def test_a_new_cache_on_the_same_folder_reuses_the_file(tmp_path):
    first = QrCache(tmp_path).get(HOME)
    os.utime(first.path, ns=(1_000_000_000, 1_000_000_000))
    assert QrCache(tmp_path).get(HOME) == first
    assert first.path.stat().st_mtime_ns == 1_000_000_000


def test_different_data_or_colours_give_different_files(tmp_path):
    cache = QrCache(tmp_path)
    paths = {cache.get(HOME).path, cache.get(ACCENTED).path, QrCache(tmp_path, dark="#000000").get(HOME).path,
             QrCache(tmp_path, border=5).get(HOME).path}
    assert len(paths) == 4
    assert all(len(path.stem) == 64 and path.suffix == ".png" for path in paths)


def _truncated(path):
    return path.read_bytes()[:-30]


def _garbage(path):
    return b"not a png at all"


def _empty(path):
    return b""


def _wrong_size(path):
    stream = io.BytesIO()
    Image.new("RGB", (12, 12), "white").save(stream, format="PNG")
    return stream.getvalue()


@pytest.mark.parametrize("damage", [_truncated, _garbage, _empty, _wrong_size])
def test_a_broken_cached_file_is_drawn_again(cache, damage, caplog):
    qr = cache.get(ACCENTED)
    qr.path.write_bytes(damage(qr.path))
    assert cache.get(ACCENTED) == qr
    assert decode(qr.path) == [ACCENTED]
    assert "drawing it again" in caplog.text


def test_no_temporary_files_are_left(cache):
    cache.get(HOME)
    assert [p.name for p in cache.folder.iterdir()] == [cache.get(HOME).path.name]


def test_clear_removes_only_what_the_cache_draws(cache):
    drawn = [cache.get(HOME).path, cache.get(ACCENTED).path]
    leftover = cache.folder / f".{drawn[0].name}.abc123.tmp"
    leftover.write_bytes(b"half a png")
    keep = cache.folder / "notes.png"
    keep.write_bytes(b"curator's file")
    cache.clear()
    assert sorted(cache.folder.iterdir()) == [keep]
    assert cache.get(HOME).path.exists()


def test_clear_without_a_folder_does_nothing(tmp_path):
    QrCache(tmp_path / "never-made").clear()
    assert not (tmp_path / "never-made").exists()


@pytest.mark.parametrize("data", ["https://" + "a" * 160, "https://" + "a" * 5000])
def test_too_long_data_is_refused(cache, data):
    with pytest.raises(ValueError, match=f"too many for a QR code of version {MAX_QR_VERSION} or less"):
        cache.get(data)
    assert not cache.folder.exists()


def test_pixels_per_module():
    assert pixels_per_module(41, 456) == 11
    assert pixels_per_module(57, 456) == 8
    assert pixels_per_module(41, 100) == 8
    assert pixels_per_module(41, 100, minimum=2) == 2


@pytest.mark.parametrize("version", range(1, MAX_QR_VERSION + 1))
def test_every_accepted_version_gets_8_px_per_module_on_a_1080p_panel(version):
    modules = 17 + 4 * version + 2 * 4
    assert pixels_per_module(modules, 456) >= 8
    assert modules * pixels_per_module(modules, 456) <= 456


def test_pixels_per_module_needs_modules():
    with pytest.raises(ValueError):
        pixels_per_module(0, 456)


def test_a_drawn_code_is_readable_by_all(cache):
    assert cache.get(HOME).path.stat().st_mode & 0o777 == 0o644
