"""The way on's "next" as a visitor reads it, in French, English and Arabic at the three screen sizes:
a small "Next" over the whole title of the next exhibit (a second line rather than "…"), the arrow
at the reading end, and "Back to the room" as tall as it."""

from __future__ import annotations

import pytest

from kiosk.i18n import catalog
from tests.gui.test_cards_and_way_on import lines_drawn, sized  # noqa: F401  (a fixture)
from tests.gui.test_shell import window_box as box
from tests.gui.test_visitor_flow import open_exhibit, start_visit

EXHIBITS = ["origines-enclosures", "espoirs-securite-sociale", "alternatives-plateformes-cooperatives"]


def following_title(kiosk, screen) -> str:
    return kiosk.app.text(screen.following()[1].title)


@pytest.mark.parametrize("size", [(1920, 1080), (1280, 800), (1080, 1920)])
@pytest.mark.parametrize("language, code", [("Français", "fr"), ("English", "en"), ("العربية", "ar")])
def test_next_says_next_over_the_whole_title(fresh, sized, size, language, code):  # noqa: F811
    kiosk = fresh
    sized(size)
    start_visit(kiosk, language)
    theme = kiosk.app.theme
    for exhibit in EXHIBITS:
        open_exhibit(kiosk, exhibit)
        kiosk.settle()
        screen = kiosk.app.navigator.screen("exhibit")
        button, to_room = screen.ids.next, screen.ids.to_room
        kicker, title = button.ids.kicker, button.ids.title
        word = catalog(code).gettext("Next: {title}").split("{title}")[0].strip(" :\u00a0")
        assert kicker.logical_text == word, "a small 'Next' in the visitor's language"
        assert kicker.font_size < title.font_size and box(kicker)[1] >= box(title)[3] - 1, "above the title"
        assert title.logical_text == following_title(kiosk, screen), "the title whole, not 'Next: …'"
        assert 1 <= lines_drawn(title) <= 2
        if size == (1920, 1080) or "…" not in title.text:
            assert "…" not in title.text, f"{exhibit}: the whole title shows"
        assert box(title)[1] >= box(button)[1] and box(title)[3] <= box(button)[3], "inside its button"
        assert button.height >= theme.touch and to_room.height == pytest.approx(button.height), "the row even"
        arrow = next(w for w in button.children if getattr(w, "name", "") and w.width)
        assert arrow.name == "arrow-right" and arrow.mirror
        reading_end = box(arrow)[0] < box(title)[0] if code == "ar" else box(arrow)[0] > box(title)[2]
        assert reading_end, "the arrow at the end of the reading: left in Arabic, right otherwise"
        assert box(button)[2] <= box(screen.ids.footer)[2] + 1 and box(button)[0] >= box(screen.ids.footer)[0] - 1
        kiosk.tap(to_room)


def test_a_long_title_wraps_once_then_is_cut(fresh, sized):  # noqa: F811
    kiosk = fresh
    sized((1080, 1920))
    start_visit(kiosk, "Français")
    open_exhibit(kiosk, "origines-enclosures")
    screen = kiosk.app.navigator.screen("exhibit")
    screen.next_title = " ".join(["Une histoire très longue des communs et de leurs clôtures"] * 3)
    kiosk.settle()
    title = screen.ids.next.ids.title
    assert lines_drawn(title) == 2 and title.text.rstrip().endswith("…")
    assert screen.ids.next.height >= title.height
