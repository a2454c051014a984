"""The gallery's position dots as a visitor sees them: big enough, and the current one told apart by its size."""

from __future__ import annotations

import pytest

from tests.gui.test_visitor_flow import open_exhibit, start_visit


def dot_boxes(view):
    """(x, centre y, width, height) of each dot in the window, in reading order."""
    boxes = []
    for dot in view._dots:
        x, y = dot.to_window(*dot.pos)
        boxes.append((x, y + dot.height / 2, dot.width, dot.height))
    return boxes


def assert_current_is_the_big_one(view, index: int) -> None:
    boxes = dot_boxes(view)
    current = boxes[index]
    others = [box for number, box in enumerate(boxes) if number != index]
    assert all(min(box[2:]) >= 14 for box in boxes), "every dot can be seen (14 px and more)"
    for other in others:
        assert min(current[2:]) >= 1.3 * max(other[2:]), "the current dot is larger, not only darker"
        assert abs(other[1] - current[1]) <= 1, "the dots stand on one centre line"


@pytest.mark.parametrize("language", ["Français", "العربية"])
def test_the_current_dot_is_larger_than_the_others_and_follows_the_picture(fresh, language):
    kiosk = fresh
    start_visit(kiosk, language)
    view = open_exhibit(kiosk, "limites-en-images")
    assert view.count >= 3
    assert_current_is_the_big_one(view, 0)
    kiosk.tap(view.ids.next)
    assert view.ids.carousel.index == 1
    assert_current_is_the_big_one(view, 1)
    first, last = dot_boxes(view)[0], dot_boxes(view)[-1]
    assert (first[0] > last[0]) == (language == "العربية"), "the first dot on the reading start's side"
