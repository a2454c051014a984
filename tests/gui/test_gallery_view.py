"""The gallery as a visitor uses it: flicks, drags, pinches, arrows, and right-to-left."""

from __future__ import annotations

from kivy.tests.common import UnitTestTouch

from tests.gui.test_visitor_flow import open_exhibit, start_visit


def stage_centre(view):
    strip = view.ids.carousel
    return strip.to_window(*strip.center)


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
    kiosk.swipe((x + 400, y), (x - 400, y))                             # a long slow drag turns
    assert strip.index == 1


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
    kiosk.swipe((x - 400, y), (x + 400, y))             # the finger moves to the right: forward
    assert strip.index == 1
    frames = [slide.parent for slide in strip.slides]
    assert frames[0].x > frames[1].x, "the picture seen before lies to the right"
    assert frames[2].x < frames[1].x, "the next one waits on the left"
    dots = view._dots
    assert dots[0].to_window(*dots[0].pos)[0] > dots[-1].to_window(*dots[-1].pos)[0]
    kiosk.swipe((x + 60, y), (x - 60, y), steps=3, duration=0.06)   # a flick to the left: back
    assert strip.index == 0
