"""Compare as a visitor sees it: titles said once, pictures as wide as their column, the ⚖ between the titles."""

from __future__ import annotations

import pytest
from kivy.uix.image import Image

from kiosk.gui.curator.proof_checks import screen_problems
from kiosk.render.bidi import shape_line
from kiosk.gui.widgets.widgets import TextBlock
from tests.gui.test_reading_views import sized  # noqa: F401 (a fixture)
from tests.gui.test_visitor_flow import open_exhibit, start_visit

COMPARE = "origines-trois-economies"      # both sides have a picture
LANGUAGES = {"Français": "fr", "العربية": "ar"}


def texts(widget) -> list[str]:
    return [w.logical_text for w in widget.walk(restrict=True) if isinstance(w, TextBlock) and w.opacity > 0]


def pictures(widget) -> list[Image]:
    return [w for w in widget.walk(restrict=True) if isinstance(w, Image) and w.texture is not None]


@pytest.mark.parametrize("sized", [(1080, 1920), (1280, 800)], indirect=True, ids=["portrait", "1280"])
@pytest.mark.parametrize("language", LANGUAGES)
def test_with_tabs_the_card_does_not_repeat_the_title_of_its_tab(sized, language):
    kiosk = sized
    start_visit(kiosk, language)
    view = open_exhibit(kiosk, COMPARE)
    if not view.tabs:
        pytest.skip("side by side in this language at this size")
    for index, side in enumerate(view.manifest.details.sides):
        view.show_step(index)
        kiosk.settle()
        title = side.title.get(LANGUAGES[language])
        chosen = next(b for b in view.ids.toggles.children if b.side_index == index)
        assert chosen.text in (title, shape_line(title)) and chosen.icon == "check", "the tab names the side shown"
        assert title not in texts(view.ids.stage), "and the card does not say it again"
        assert not screen_problems(view, kiosk.app.pictures)


@pytest.mark.parametrize("sized", [(1080, 1920)], indirect=True, ids=["portrait"])
def test_in_portrait_the_picture_takes_the_width_of_the_card_at_16_9(sized):
    kiosk = sized
    start_visit(kiosk, "Français")
    view = open_exhibit(kiosk, COMPARE)
    card, theme = view.cards[0], view.ctx.theme
    (picture,) = pictures(card)
    width, height = picture.size
    assert width >= card.width - theme.pad * 2 - 1, "as wide as the card's column"
    assert height == pytest.approx(width * 9 / 16, abs=1)
    assert picture.norm_image_size[0] >= width - 1 and picture.norm_image_size[1] >= height - 1, "cut, not boxed"
    credit = next(w for w in picture.parent.children if isinstance(w, TextBlock))
    assert credit.texture_size[0] <= width + 1


@pytest.mark.parametrize("language", LANGUAGES)
def test_side_by_side_the_scales_sit_on_a_disc_between_the_titles(fresh, language):
    kiosk = fresh
    start_visit(kiosk, language)
    view = open_exhibit(kiosk, COMPARE)
    assert not view.tabs
    versus, theme = view.ids.versus, view.ctx.theme
    assert versus.opacity == 1 and min(versus.size) >= 48
    first, second = sorted(view.cards, key=lambda card: card.x)
    assert first.right - theme.pad < versus.x and versus.right < second.x + theme.pad, "it covers no text of the cards"
    assert versus.center_x == pytest.approx((first.right + second.x) / 2, abs=1)
    titles = [w for card in view.cards for w in card.walk(restrict=True) if isinstance(w, TextBlock) and w.role == "heading"]
    assert len(titles) == 2
    for title in titles:
        first_line = title.top - theme.line_height(title.font_size, title.font_name) / 2
        assert abs(versus.center_y - first_line) <= theme.space, "level with the titles"
    for card in view.cards:      # a picture side by side spans its column, or is left out for the text's sake
        for picture in pictures(card):
            assert picture.width >= card.width - theme.pad * 2 - 1
    assert not screen_problems(view, kiosk.app.pictures)
