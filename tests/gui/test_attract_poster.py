"""The attract loop as a passer-by sees it from a few metres: a poster, at 1920×1080 and 1080×1920.

The picture covers its side of the screen to the edges (no black band), the title is 96–120 px
high, the call to action is an accent pill in full view; slides walk through the four rooms and
the languages, an Arabic slide mirrors the poster, and the pill's pulse costs no frame of its own.
"""

from __future__ import annotations

import pytest
from kivy.core.window import Window
from PIL import Image, ImageChops

from kiosk.gui.curator.proof_checks import screen_problems
from kiosk.gui.screens.attract import FADE_STEPS, attract_picture_box
from kiosk.gui.theme import INK
from kiosk.i18n import catalog

SIZES = [(1920, 1080), (1080, 1920)]
BAND = 3  # px: the most of solid background a picture's edge may show (rounding)


@pytest.fixture
def attract(fresh):
    screen = fresh.app.navigator.screen("attract")
    assert fresh.app.navigator.current == "attract"
    yield screen
    screen.reduced_motion = False
    if getattr(screen, "_event", None) is not None:
        screen._event()   # the loop goes on (show() held it)
    if Window.size != (1920, 1080):
        Window.size = (1920, 1080)
        fresh.settle()


def show(kiosk, attract, language: str, size=(1920, 1080)):
    """The slide in ``language``, as the loop shows it, in a window of ``size``."""
    if Window.size != size:
        Window.size = size
        kiosk.settle()
    if getattr(attract, "_event", None) is not None:   # the loop's next slide could land mid-test on a loaded machine
        attract._event.cancel()
    attract.step = kiosk.app.content.collection.languages.languages.index(language)
    attract._show_step(fade=False)
    kiosk.settle()


def window_box(widget) -> tuple[float, float, float, float]:
    x, y = widget.to_window(*widget.pos)
    return x, y, x + widget.width, y + widget.height


def solid_edges(kiosk, box) -> dict[str, int]:
    """How many rows or columns of solid background colour each edge of ``box`` (window coordinates) shows."""
    texture = kiosk.app.root_widget.export_as_image().texture
    shot = Image.frombytes("RGBA", tuple(texture.size), texture.pixels).convert("RGB")  # top row first
    left, bottom, right, top = (round(v) for v in box)
    height = shot.height
    region = shot.crop((left, height - top, right, height - bottom))
    ink = ImageChops.difference(region, Image.new("RGB", region.size, INK)).convert("L")
    solid = ink.point(lambda v: 255 if v < 12 else 0)   # a pixel of the screen's own background
    rows = list(solid.resize((1, solid.height), Image.BOX).tobytes())
    columns = list(solid.resize((solid.width, 1), Image.BOX).tobytes())

    def run(values):
        count = 0
        for value in values:
            if value < 250:
                break
            count += 1
        return count

    return {"top": run(rows), "bottom": run(rows[::-1]), "left": run(columns), "right": run(columns[::-1])}


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("language", ["fr", "ar"])
def test_the_picture_covers_its_side_to_the_edges(fresh, attract, size, language):
    show(fresh, attract, language, size)
    stage, front = attract.ids.stage, attract.ids.front
    x0, y0, x1, y1 = window_box(stage)
    width, height = Window.size
    assert abs(stage.width - attract_picture_box(width, height, fresh.app.theme.pad)[0]) <= 2
    if width > height:
        assert y0 <= 1 and y1 >= height - 1, "the whole height"
        outer = x1 if language == "ar" else x0
        assert outer == pytest.approx(width if language == "ar" else 0, abs=1), "to the screen's edge, mirrored in Arabic"
        assert stage.width >= width * 0.6
    else:
        assert x0 <= 1 and x1 >= width - 1 and y1 >= height - 1, "the whole width, from the top"
        assert stage.height >= width * 0.85
    shown = front.norm_image_size
    assert shown[0] >= stage.width - 1 and shown[1] >= stage.height - 1, "cropped to cover it"
    assert shown[0] / shown[1] == pytest.approx(front.texture.width / front.texture.height, rel=0.01), "not stretched"
    assert max(shown[0] / front.texture.width, shown[1] / front.texture.height) <= 1.1, "decoded at the size it is shown"
    bands = solid_edges(fresh, (x0, y0, x1, y1))
    assert max(bands.values()) <= BAND, f"a band of background at the picture's edge: {bands}"


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_the_title_is_large_and_whole_in_every_language(fresh, attract, size):
    languages = fresh.app.content.collection.languages.languages
    for language in languages:
        show(fresh, attract, language, size)
        title = attract.ids.title
        low = 96 if language in ("fr", "en", "ar") else 88   # "Kapitalismus" is a long word
        assert low <= title.font_size <= 122, f"{language}: title at {title.font_size:.0f} px"
        assert title.texture_size[0] <= title.width + 2 and title.height >= title.texture_size[1] - 2
        lines = title.texture_size[1] / fresh.app.theme.line_height(title.font_size, title.font_name)
        assert round(lines) <= (2 if language in ("fr", "en", "ar") else 3), f"{language}: the title takes {lines:.1f} lines"


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("language", ["fr", "ar"])
def test_the_call_to_action_is_a_pill_in_full_view(fresh, attract, size, language):
    show(fresh, attract, language, size)
    cta, prompt, theme = attract.ids.cta, attract.ids.prompt, fresh.app.theme
    left, bottom, right, top = window_box(cta)
    assert 0 <= left and right <= Window.width and 0 <= bottom and top <= Window.height
    assert cta.height >= theme.touch and prompt.font_size >= 40 * theme.scale
    assert prompt.logical_text == catalog(language).gettext("Touch the screen to start")
    assert prompt.texture_size[0] <= prompt.width + 2 and prompt.texture_size[1] <= cta.height
    sx0, sy0, sx1, sy1 = window_box(attract.ids.stage)
    assert right <= sx0 + 1 or left >= sx1 - 1 or top <= sy0 + 1, "beside or under the picture, never on it"
    icon = next(w for w in cta.children if getattr(w, "name", "") == "pointer")
    assert (icon.x > prompt.x) == (language == "ar"), "the hand leads the words in their reading direction"
    assert screen_problems(fresh.app.root_widget, fresh.app.pictures) == [], "the proof finds nothing"


def test_the_pill_pulses_with_the_cross_fade_and_not_with_reduced_motion(fresh, attract):
    fade = fresh.app.content.collection.attract.fade_seconds
    assert fade > 0 and FADE_STEPS == 2
    front = attract.ids.front
    attract._next()
    assert attract.beat == 1 and front.opacity < 1, "the halo shows in the fade's first frame"
    assert fresh.wait_until(lambda: front.opacity >= 1, fade * 4)
    assert attract.beat == 0, "and goes in its last: the pulse draws no frame of its own"
    fresh.wait(0.3)
    assert attract.beat == 0, "between slides nothing moves"

    attract.reduced_motion = True
    attract._next()
    assert attract.beat == 0
    assert fresh.wait_until(lambda: front.opacity >= 1, fade * 4)
    assert attract.beat == 0


def test_slides_walk_through_the_rooms_and_the_languages(fresh, attract):
    content = fresh.app.content
    rooms = [room.id for room in content.collection.rooms]
    assert [room for _path, room in attract.slides[:2 * len(rooms)]] == rooms * 2, "each room in turn"
    chosen = content.collection.attract.images      # the curator's choice, or every exhibit picture
    pictures = {content.root / relative for relative in chosen} if chosen else \
        {m.image_path(image.file) for m in content.exhibits for image in m.images}
    assert {path for path, _room in attract.slides} == pictures, "every picture comes round"
    languages = content.collection.languages.languages
    shown = []
    for step in range(len(languages)):
        attract.step = step
        attract._show_step(fade=False)
        shown.append((attract.prompt, attract.room))
    fresh.settle()
    assert [prompt for prompt, _room in shown] == [catalog(code).gettext("Touch the screen to start") for code in languages]
    assert shown[0][1] == "1. Origines" and shown[1][1] == "2. Hopes", "the picture's room, in the slide's language"
    assert attract.ids.room.opacity == 1
