"""The gallery as a visitor uses it: flicks, drags, pinches, arrows, and right-to-left."""

from __future__ import annotations

import pytest
from kivy.tests.common import UnitTestTouch
from kivy.uix.behaviors import ButtonBehavior
from kivy.uix.image import Image

from kiosk.gui.curator.proof_checks import screen_problems
from tests.gui.test_reading_views import SIZES, sized  # noqa: F401 (a fixture)
from tests.gui.test_visitor_flow import open_exhibit, start_visit


def stage_centre(view):
    strip = view.ids.carousel
    return strip.to_window(*strip.center)


def picture_box(view):
    """The shown picture as drawn, in window coordinates: (x, y, width, height)."""
    strip = view.ids.carousel
    image = next(w for w in strip.current_slide.walk(restrict=True) if isinstance(w, Image))
    width, height = image.norm_image_size
    x, y = image.to_window(image.center_x - width / 2, image.center_y - height / 2)
    return x, y, width, height


def window_box(widget):
    x, y = widget.to_window(*widget.pos)
    return x, y, widget.width, widget.height


def test_a_quick_flick_turns_the_picture(fresh):
    kiosk = fresh
    start_visit(kiosk, "English")
    view = open_exhibit(kiosk, "limites-en-images")
    x, y = stage_centre(view)
    kiosk.swipe((x + 60, y), (x - 60, y), steps=3, duration=0.06)   # 120 px in 60 ms: a flick
    assert view.ids.carousel.index == 1
    kiosk.find_text(f"2 / {view.count}")
    kiosk.swipe((x - 60, y), (x + 60, y), steps=3, duration=0.06)
    assert view.ids.carousel.index == 0


def test_a_slow_drag_follows_the_finger_and_snaps_back_when_short(fresh):
    kiosk = fresh
    start_visit(kiosk, "English")
    view = open_exhibit(kiosk, "limites-en-images")
    strip = view.ids.carousel
    x, y = stage_centre(view)
    touch = UnitTestTouch(x, y)
    touch.touch_down()
    for step in range(1, 6):
        touch.touch_move(x - 30 * step, y)
        kiosk.wait(0.05)
    assert strip.offset == -150, "the picture follows the finger"
    touch.touch_up()
    kiosk.settle()
    kiosk.wait(0.4)
    assert (strip.index, strip.offset) == (0, 0), "a short slow drag snaps back"
    reach = picture_box(view)[2] * 0.4
    kiosk.swipe((x + reach, y), (x - reach, y))                         # a long slow drag turns
    assert strip.index == 1


def test_at_rest_only_the_shown_picture_is_drawn_and_its_neighbour_joins_during_a_drag(fresh):
    """Under software GL a picture clipped away still costs its pixels: the strip keeps the
    neighbours off until a finger moves it, and lets them go when it comes to rest."""
    kiosk = fresh
    start_visit(kiosk, "English")
    view = open_exhibit(kiosk, "limites-en-images")
    strip = view.ids.carousel
    assert strip.children == [strip.current_slide.parent]
    x, y = stage_centre(view)
    touch = UnitTestTouch(x, y)
    touch.touch_down()
    touch.touch_move(x - 90, y)
    kiosk.wait(0.05)
    assert len(strip.children) == 2 and strip.slides[1].parent in strip.children, "the next picture slides in"
    kiosk.wait(0.3)                 # a slow, short drag: it snaps back
    touch.touch_up()
    kiosk.settle()
    kiosk.wait(0.4)
    assert strip.index == 0 and strip.children == [strip.current_slide.parent]
    kiosk.tap(view.ids.next)
    kiosk.wait(0.4)
    assert strip.index == 1 and strip.children == [strip.current_slide.parent], "after an arrow's glide"


def test_pinch_and_double_tap_zoom(fresh):
    kiosk = fresh
    start_visit(kiosk, "English")
    view = open_exhibit(kiosk, "limites-en-images")
    picture = view.ids.carousel.current_slide
    x, y = stage_centre(view)
    one, two = UnitTestTouch(x - 100, y), UnitTestTouch(x + 100, y)
    one.touch_down()
    two.touch_down()
    for step in range(1, 6):
        one.touch_move(x - 100 - 30 * step, y)
        two.touch_move(x + 100 + 30 * step, y)
        kiosk.frames(1)
    one.touch_up()
    two.touch_up()
    kiosk.settle()
    assert picture.scale > 1.5, "pinching apart zooms in"
    assert view.ids.carousel.index == 0, "a pinch does not turn the picture"
    kiosk.double_tap_at(x, y)
    assert picture.scale == 1


def test_arrows_turn_the_picture_and_are_finger_sized(fresh):
    kiosk = fresh
    start_visit(kiosk, "English")
    view = open_exhibit(kiosk, "limites-en-images")
    previous, following = view.ids.prev, view.ids.next
    assert min(following.size) >= view.ctx.theme.touch
    assert previous.disabled and previous.x < following.x
    assert following.text and following.font_name == "Icons"
    kiosk.tap(following)
    assert view.ids.carousel.index == 1
    kiosk.tap(previous)
    assert view.ids.carousel.index == 0


def test_in_arabic_the_pictures_run_right_to_left(fresh):
    kiosk = fresh
    start_visit(kiosk, "العربية")
    view = open_exhibit(kiosk, "limites-en-images")
    strip = view.ids.carousel
    previous, following = view.ids.prev, view.ids.next
    assert following.to_window(*following.pos)[0] < previous.to_window(*previous.pos)[0], "next is on the left"
    x, y = stage_centre(view)
    reach = picture_box(view)[2] * 0.4                   # within the picture (the arrows stand beside it)
    kiosk.swipe((x - reach, y), (x + reach, y))         # the finger moves to the right: forward
    assert strip.index == 1
    frames = [slide.parent for slide in strip.slides]
    assert frames[0].x > frames[1].x, "the picture seen before lies to the right"
    assert frames[2].x < frames[1].x, "the next one waits on the left"
    dots = view._dots
    assert dots[0].to_window(*dots[0].pos)[0] > dots[-1].to_window(*dots[-1].pos)[0]
    kiosk.swipe((x + 60, y), (x - 60, y), steps=3, duration=0.06)   # a flick to the left: back
    assert strip.index == 0


@pytest.mark.parametrize("sized", SIZES, indirect=True, ids=["1920", "1280", "portrait"])
@pytest.mark.parametrize("language", ["Français", "العربية"])
def test_the_arrows_are_level_with_the_middle_of_the_picture(sized, language):
    kiosk = sized
    start_visit(kiosk, language)
    view = open_exhibit(kiosk, "limites-en-images")
    x, y, width, height = picture_box(view)
    for arrow in (view.ids.prev, view.ids.next):
        ax, ay, aw, ah = window_box(arrow)
        assert abs((ay + ah / 2) - (y + height / 2)) <= 1, "the arrow is level with the picture's middle"
        assert y <= ay and ay + ah <= y + height, "the arrow stands within the picture's height"
        if not view.arrows_over_picture:
            near = min(abs(ax + aw - x), abs(ax - (x + width)))
            assert near <= view.ctx.theme.space * 3, "beside the picture, not at the screen's edge"
    caption = window_box(view.ids.caption)
    assert caption[1] + caption[3] <= y, "the caption is under the picture, apart from the arrows"
    assert not screen_problems(view, kiosk.app.pictures)


@pytest.mark.parametrize("sized", [(1080, 1920)], indirect=True, ids=["portrait"])
def test_in_portrait_the_picture_fills_its_box_with_no_bands(sized):
    kiosk = sized
    start_visit(kiosk, "Français")
    view = open_exhibit(kiosk, "limites-en-images")
    stage = view.ids.stage
    _x, y, width, height = picture_box(view)
    assert width >= stage.width - 1, "the picture takes the width"
    assert height >= stage.height - 1, "and its box is no taller than the picture"
    assert view.arrows_over_picture, "the arrows stand over its edges rather than shrink it"
    dots = view.ids.dots
    assert y - dots.to_window(*dots.pos)[1] - dots.height <= view.ctx.theme.touch, "the dots follow the picture"


def test_a_turned_off_arrow_is_an_outline_and_cannot_be_pressed(fresh):
    kiosk = fresh
    start_visit(kiosk, "Français")
    view = open_exhibit(kiosk, "limites-en-images")
    previous, following = view.ids.prev, view.ids.next
    theme = view.ctx.theme

    def fill(arrow):
        colours = [i.rgba for i in arrow.canvas.before.children if type(i).__name__ == "Color"]
        return colours[1]          # the disc's colour (the first is the ring kept over a picture)

    assert previous.disabled and not following.disabled
    assert fill(previous)[3] == 0, "no disc: only an outline"
    assert list(fill(following)) == list(theme.ink)
    assert list(previous.disabled_color) == list(theme.line), "a pale chevron"
    kiosk.tap(previous)
    assert view.ids.carousel.index == 0
    kiosk.tap(following)
    kiosk.tap(following)
    assert view.ids.carousel.index == view.count - 1
    assert following.disabled and not previous.disabled
    assert fill(following)[3] == 0


def test_the_position_dots_are_large_enough_to_see_and_are_marks_not_buttons(fresh):
    kiosk = fresh
    start_visit(kiosk, "Français")
    view = open_exhibit(kiosk, "limites-en-images")
    assert len(view._dots) == view.count
    for dot in view._dots:
        assert min(dot.size) >= 16
        assert not isinstance(dot, ButtonBehavior), "not tappable: no target smaller than a finger"
    assert [dot.current for dot in view._dots] == [True] + [False] * (view.count - 1)


@pytest.mark.parametrize("language", ["Français", "العربية"])
def test_a_long_caption_reads_from_its_start_and_the_credit_keeps_its_gap(fresh, language):
    kiosk = fresh
    start_visit(kiosk, language)
    view = open_exhibit(kiosk, "limites-en-images")
    caption, credit, theme = view.ids.caption, view.ids.credit, view.ctx.theme
    lines = len(caption._label._cached_lines)
    assert lines >= 3, "the bundled first caption is a long one"
    assert caption.halign == credit.halign == "auto", "started from the reading start (right in Arabic)"
    if language == "العربية":
        assert caption.base_direction == "rtl"
    bottom = credit.to_window(*credit.pos)[1]
    footer = kiosk.app.navigator.screen("exhibit").ids.footer
    assert bottom - footer.top >= theme.space * 2 - 1, "a gap between the credit and the way on's line"


def test_a_short_caption_stays_centred(fresh):
    kiosk = fresh
    start_visit(kiosk, "Français")
    view = open_exhibit(kiosk, "limites-en-images")
    view.ids.caption.logical_text = "Une courte légende."
    kiosk.settle()
    assert not view.long_caption and view.ids.caption.halign == "center"
