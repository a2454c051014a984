"""The picture cache: each picture decoded once at the size it is shown, within a budget in bytes."""

from __future__ import annotations

import pytest
from PIL import Image

from kiosk.gui.images import PictureCache


@pytest.fixture
def picture(kiosk, tmp_path):
    """A 1600×1000 PNG, the size of the bundled illustrations (``kiosk``: a GL context for textures)."""
    path = tmp_path / "picture.png"
    Image.new("RGB", (1600, 1000), (200, 120, 40)).save(path)
    return path


def test_a_picture_is_decoded_once_for_its_box(picture):
    cache = PictureCache()
    texture = cache.texture(picture, (800, 600))
    assert 800 <= texture.width < 800 + 64 and texture.width / texture.height == pytest.approx(1.6, abs=0.01), \
        "as large as the box asks (sizes go in steps of 64 px), its own shape kept"
    assert cache.texture(picture, (800, 600)) is texture and cache.decoded == 1
    assert cache.origin(texture)[1] == (1600, 1000), "the proof knows the file's own pixels"


def test_a_passing_smaller_size_is_served_by_the_picture_already_decoded(picture):
    """A layout settling in a few passes asks first at sizes it will not keep."""
    cache = PictureCache()
    shown = cache.texture(picture, (1280, 800))
    assert cache.texture(picture, (900, 600)) is shown and cache.decoded == 1, "drawn ≤ 2× smaller: no new decode"
    thumbnail = cache.texture(picture, (300, 200))
    assert cache.decoded == 2 and thumbnail.width < 300 + 64, "much smaller: its own decode, sharp"
    larger = cache.texture(picture, (1600, 1000))
    assert cache.decoded == 3 and larger.width == 1600, "never drawn larger than decoded"


def test_the_budget_lets_the_least_recently_used_go(picture, tmp_path):
    one = 1280 * 832 * 3   # the bucketed box of a 1280×800 request
    cache = PictureCache(budget_bytes=int(one * 2.5))
    others = []
    for n in range(3):
        path = tmp_path / f"other{n}.png"
        Image.new("RGB", (1600, 1000), (n * 40, 0, 0)).save(path)
        others.append(path)
        cache.texture(path, (1280, 800))
    assert cache.used <= cache.budget
    assert not cache.has(others[0], (1280, 800)) and cache.has(others[2], (1280, 800))


def test_decoding_ahead_never_lets_go_of_what_is_wanted_now(picture, tmp_path):
    cache = PictureCache(budget_bytes=1280 * 832 * 3 * 2)
    since = cache.now()            # a run of work ahead begins; the visitor's screen then shows a picture
    cache.texture(picture, (1280, 800))
    wanted = tmp_path / "wanted.png"
    Image.new("RGB", (1600, 1000)).save(wanted)
    assert cache.prefetch(wanted, (1280, 800), since) is False, "no room without letting the shown one go"
    assert cache.has(picture, (1280, 800))
    assert cache.prefetch(wanted, (1280, 800), cache.now()) is True and cache.has(wanted, (1280, 800))
