"""Home's cards and an exhibit's bars as a visitor sees them, with simulated touches: cards of a row
alike (summaries of the same lines, the kind in the text, not on the artwork), dots that say where
the row is, a top bar of one height whose back button names the room, the way on's last button
showing the house, and a quiz whose "next room" waits quietly until the score shows."""

from __future__ import annotations

import pytest
from kivy.core.window import Window

from kiosk.gui.screens.home import SUMMARY_LINES, TITLE_LINES
from kiosk.i18n import catalog
from kiosk.render.bidi import shape_line
from tests.gui.test_shell import window_box as box
from tests.gui.test_visitor_flow import open_exhibit, start_visit


def lines_drawn(label) -> int:
    label.texture_update()
    return len(label._label._cached_lines) if label.text else 0


@pytest.fixture
def sized(kiosk):
    """``sized((w, h))``: the window at that size for the test, 1920×1080 again after it."""
    def resize(size):
        Window.size = size
        kiosk.settle()
    yield resize
    Window.size = (1920, 1080)
    kiosk.settle()
    # Theme.update() sets ``scale`` before the sizes, and a TextBlock's font size is bound to the
    # scale alone: coming back from 1280×800 the labels keep the small sizes. Touch the scale
    # again so that the tests after this one find the 1920×1080 sizes.
    theme = kiosk.app.theme
    theme.scale += 0.001
    theme.update()
    kiosk.settle()


@pytest.mark.parametrize("language, size", [("Français", (1920, 1080)), ("العربية", (1280, 800)),
                                            ("Français", (1080, 1920))])
def test_the_cards_of_a_row_are_alike(fresh, sized, language, size):
    kiosk = fresh
    sized(size)
    start_visit(kiosk, language)
    home = kiosk.app.navigator.screen("home")
    cut = 0
    for room in home.rooms:
        home.show_room(room.id)
        kiosk.settle()
        cards = home.ids.cards.children
        assert len({round(card.picture_height) for card in cards}) == 1, "every picture of the row as high"
        tops = [box(card.ids.title_label)[3] - box(card)[1] for card in cards]
        assert max(tops) - min(tops) <= 1, "titles start on the same line"
        for card in cards:
            title, summary = card.ids.title_label, card.ids.summary_label
            assert 1 <= lines_drawn(title) <= TITLE_LINES, card.exhibit_id
            shown = lines_drawn(summary)
            assert 1 <= shown <= SUMMARY_LINES == card.summary_lines, f"{card.exhibit_id}: {shown} lines"
            if summary.text.rstrip().endswith("…") or summary.text.lstrip().startswith("…"):
                assert shown == SUMMARY_LINES, f"{card.exhibit_id}: a cut summary fills its {SUMMARY_LINES} lines"
                cut += 1
            else:
                assert card.summary == card.full_summary, f"{card.exhibit_id}: uncut, the summary is whole"
            assert box(summary)[1] >= box(card)[1], f"{card.exhibit_id}: the summary ends inside its card"
    if language == "Français":
        assert cut, "the French summaries are long enough to be cut somewhere"


def test_the_kind_of_exhibit_is_said_in_the_cards_text_not_on_its_picture(fresh):
    kiosk = fresh
    start_visit(kiosk, "Français")
    home = kiosk.app.navigator.screen("home")
    french = catalog("fr").gettext
    for card in home.ids.cards.children:
        chip, picture, title = card.ids.kind_chip, card.children[-1], card.ids.title_label
        assert chip.shaped in (french("Read"), french("Timeline"), french("Compare"), french("Quiz"))
        if box(card)[2] <= Window.width:   # in view
            kiosk.find_text(chip.shaped, root=card)
        assert box(chip)[3] <= box(picture)[1] + 0.5, f"{card.exhibit_id}: the chip is under the artwork"
        assert box(chip)[1] >= box(title)[3] - 0.5, "and above the title"
        assert box(card)[0] <= box(chip)[0] and box(chip)[2] <= box(card)[2]


def test_dots_under_the_row_say_which_cards_are_in_view(fresh, sized):
    kiosk = fresh
    start_visit(kiosk, "English")
    home = kiosk.app.navigator.screen("home")
    dots, scroll = home.ids.pager.ids.dots, home.ids.scroll
    home.show_room("alternatives")
    kiosk.settle()
    count = len(home.ids.cards.children)
    assert dots.in_view() == [True] * 3 + [False] * (count - 3)
    assert len(dots.canvas.children) > count, "a dot per card is drawn"
    assert box(dots)[3] <= box(scroll)[1], "under the row, not over a card"
    assert not dots.canvas.children or all(getattr(i, "rgba", None) != list(home.room_colour)
                                           for i in dots.canvas.children), "grey, not the room's colour"
    x, y = scroll.to_window(*scroll.center)
    kiosk.swipe((x + 500, y), (x - 500, y), steps=6)
    kiosk.wait(1.0)
    assert dots.in_view()[0] is False and dots.in_view().count(True) == 3, "the dots follow the row"

    sized((1080, 1920))
    kiosk.app.idle.reset_now()
    kiosk.settle()
    start_visit(kiosk, "English")
    home.show_room("origines")    # four cards: all in view in portrait
    kiosk.settle()
    assert all(dots.in_view()) and not dots.canvas.children, "nothing to say when every card is in view"
    assert home.ids.pager.width == 0 and home.ids.pager.disabled, "and no arrows to tap"


@pytest.mark.parametrize("language,size", [("English", (1920, 1080)), ("العربية", (1920, 1080)), ("English", (1280, 800))])
def test_the_arrows_under_the_row_turn_a_page_of_cards_in_reading_order(fresh, sized, language, size):
    kiosk = fresh
    sized(size)
    start_visit(kiosk, language)
    home = kiosk.app.navigator.screen("home")
    pager, scroll = home.ids.pager, home.ids.scroll
    home.show_room("alternatives")
    kiosk.settle()
    count = len(home.ids.cards.children)
    previous, following, dots = pager.ids.previous, pager.ids.next, pager.ids.dots
    rtl = language == "العربية"
    assert (box(following)[2] <= box(dots)[0]) if rtl else (box(dots)[2] <= box(following)[0]), "next, after the dots"
    assert box(pager)[3] <= box(scroll)[1], "under the row"
    edge = box(scroll)[2] if rtl else box(scroll)[0]
    assert abs((box(pager)[2] if rtl else box(pager)[0]) - edge) <= 1, "at the row's reading start"
    side = kiosk.app.theme.touch * 0.8   # a resized window gives the theme new sizes: the arrows follow, round
    assert all(abs(arrow.width - side) < 1 and abs(arrow.height - side) < 1 for arrow in (previous, following))
    millimetres = following.width * 0.277   # a 24-inch 1920×1080 screen (or a 15-inch 1280×800): 0.277 mm a pixel
    assert millimetres >= 9, f"a fingertip's target: {millimetres:.0f} mm"

    def in_view():
        return [card.exhibit_id for card in reversed(home.ids.cards.children)
                if box(scroll)[0] - 1 <= box(card)[0] and box(card)[2] <= box(scroll)[2] + 1]

    where = pager.ids.where
    assert (box(where)[2] <= box(following)[0]) if rtl else (box(following)[2] <= box(where)[0]), "the count, after next"
    # a range in Arabic is written with words: "1–3" between Arabic words reads "3–1" (its dash takes the line's
    # direction), so the catalog says "1 إلى 3 من 11"
    span = "{first} إلى {last} من {count}" if rtl else "{first}–{last} of {count}"
    kiosk.find_text(shape_line(span.format(first=1, last=3, count=count)))
    first_cards = home.exhibits_in_view()
    kiosk.tap(following)
    kiosk.wait(0.6)
    assert dots.in_view() == [False] * 3 + [True] * 3 + [False] * (count - 6)
    kiosk.find_text(shape_line(span.format(first=4, last=6, count=count)))
    assert sorted(in_view()) == sorted(home.exhibits_in_view()) and not set(in_view()) & set(first_cards)
    for _ in range(count):
        kiosk.tap(following)
        kiosk.wait(0.4)
    assert dots.in_view()[-3:] == [True] * 3 and following.opacity < 1, "the last page: next is greyed"
    for _ in range(count):
        kiosk.tap(previous)
        kiosk.wait(0.4)
    assert home.exhibits_in_view() == first_cards and previous.opacity < 1


@pytest.mark.parametrize("size", [(1920, 1080), (1280, 800), (1080, 1920)])
@pytest.mark.parametrize("language, code", [("Français", "fr"), ("العربية", "ar")])
def test_the_top_bar_keeps_its_height_and_cuts_a_long_title(fresh, sized, size, language, code):
    kiosk = fresh
    sized(size)
    start_visit(kiosk, language)
    theme = kiosk.app.theme
    longest = max(kiosk.app.content.exhibits, key=lambda m: len(m.title.get(code) or ""))
    open_exhibit(kiosk, longest.id)
    screen = kiosk.app.navigator.screen("exhibit")
    ids = screen.ids
    assert ids.bar.height == pytest.approx(theme.touch + theme.pad), "one height in every language and size"
    heading = ids.heading
    assert heading.height <= ids.bar.height - theme.pad * 0.5 + 1, "the title's lines fit in the bar"
    room = kiosk.app.text(kiosk.app.content.collection.room(longest.room).title)
    assert ids.back.text.replace("\u00a0", " ") in (room, ids.back._shaped), "the back button names the room"
    left, _b, right, _t = box(heading)
    lang_left, _lb, lang_right, _lt = box(ids.language)
    if code == "fr":
        drawn = left + heading.padding[0] + heading.texture_size[0] - heading.padding[0] - heading.padding[2]
        assert drawn <= lang_left - theme.pad * 0.5 + 1, "the title stops short of 'Langue'"
    else:
        assert right <= box(ids.back)[0] + 1 and left >= lang_right - 1
    assert lines_drawn(heading) <= heading.line_limit
    if "…" not in heading.text:
        assert len(heading.text.split()) == len(screen.heading.split()), "a title cut short says so with '…'"


@pytest.mark.parametrize("size", [(1920, 1080), (1280, 800)])
def test_a_long_arabic_title_takes_two_lines_at_its_tighter_leading_before_it_is_cut(fresh, sized, size):
    """Arabic headings step 1.3 font sizes a line, not the font's 1.57: the bar holds two lines at
    80 %, so a curator's long title is not cut to one line with '…' while a second line fits."""
    kiosk = fresh
    sized(size)
    start_visit(kiosk, "العربية")
    theme = kiosk.app.theme
    open_exhibit(kiosk, "origines-enclosures")
    screen = kiosk.app.navigator.screen("exhibit")
    screen.heading = "التعاونيات: ملك لمن يعملون فيها، وصوت واحد لكل عضو، وأرباح تبقى في المشروع وفي الحي"
    kiosk.settle()
    heading = screen.ids.heading
    assert heading.line_limit == 2 and lines_drawn(heading) == 2
    assert heading.size_factor == pytest.approx(0.8) and "…" not in heading.text
    assert theme.lines_in(theme.touch, heading.font_size, heading.font_name, "heading") == 2
    assert theme.touch // theme.line_height(heading.font_size, heading.font_name) == 1, "the font's own line holds one"
    assert heading.height <= theme.touch + 1, "two lines fit the bar"


def test_back_to_the_start_shows_the_house(fresh):
    kiosk = fresh
    start_visit(kiosk, "Français")
    rooms = kiosk.app.navigator.screen("home").rooms
    last = kiosk.app.content.exhibits_in(rooms[-1].id)[-1]
    open_exhibit(kiosk, last.id)
    screen = kiosk.app.navigator.screen("exhibit")
    button = screen.ids.next
    assert button.text == catalog("fr").gettext("Back to the start")
    assert button.icon == "house" and not button.icon_after, "the house before the words, no arrow"
    kiosk.tap(button)
    home = kiosk.app.navigator.screen("home")
    assert kiosk.app.navigator.current == "home" and home.room_id == rooms[0].id
    assert home.ids.next_room.icon == "arrow-right", "home's way on points onward"
    home.show_room(rooms[-1].id)
    kiosk.settle()
    assert home.ids.next_room.icon != "arrow-right", "from the last room, round to the first: no arrow onward"


@pytest.mark.parametrize("language", ["Français", "العربية"])
def test_the_quizs_next_room_is_quiet_until_the_score_shows(fresh, language):
    kiosk = fresh
    start_visit(kiosk, language)
    view = open_exhibit(kiosk, "origines-quiz")
    screen = kiosk.app.navigator.screen("exhibit")
    button, answers = screen.ids.next, view.ids.answers
    colour = list(screen.room_colour)

    def quiet() -> bool:
        return button.background[3] == 0 and list(button.foreground) == colour

    assert quiet(), "before the first answer 'next room' is words in the room's colour, no filled button"
    answer = list(answers.children)[0]
    assert button.background[3] < answer.background[3], "the answers stand out more"
    questions = view.manifest.details.questions
    for question in questions:
        rows = list(reversed(view.ids.answers.children))
        kiosk.tap(rows[min(question.correct)])
        assert quiet(), "still quiet while the quiz goes on"
        kiosk.tap(view.ids.action)
    assert view.progress.finished
    assert list(button.background) == colour and list(button.foreground) == list(kiosk.app.theme.white), \
        "the score is shown: 'next room' is the filled button again"
    kiosk.tap(view.ids.again)
    assert quiet(), "playing again, it waits again"

    kiosk.tap(screen.ids.to_room)
    open_exhibit(kiosk, "origines-enclosures")
    assert not quiet(), "other exhibits lead on with the filled button"


def test_in_portrait_a_notice_beside_the_arrows_takes_the_dots_room(fresh, sized):
    from kiosk.gui.curator.proof_checks import screen_problems

    kiosk = fresh
    sized((1080, 1920))
    start_visit(kiosk, "Deutsch")        # some German texts fall back to French: the footer holds the notice
    home = kiosk.app.navigator.screen("home")
    home.show_room("alternatives")
    kiosk.settle()
    pager = home.ids.pager
    assert home.notice and pager.compact and pager.ids.dots.width == 0 and pager.width > 0
    assert [p for p in screen_problems(home, kiosk.app.pictures) if p.kind == "overflow"] == []


@pytest.mark.parametrize("language", ["English", "Français", "العربية"])
def test_in_portrait_the_last_rooms_footer_keeps_its_button_within_the_row(fresh, sized, language):
    """"Back to the first room" is long: the dots go before the button runs past the cards' edge; the count stays."""
    kiosk = fresh
    sized((1080, 1920))
    start_visit(kiosk, language)
    home = kiosk.app.navigator.screen("home")
    home.show_room("alternatives")
    kiosk.settle()
    pager, button, scroll = home.ids.pager, home.ids.next_room, home.ids.scroll
    assert box(scroll)[0] - 1 <= box(button)[0] and box(button)[2] <= box(scroll)[2] + 1, "the button within the row's edges"
    assert box(pager)[0] - 1 <= box(pager.ids.where)[0] and box(pager.ids.where)[2] <= box(pager)[2] + 1
    left, right = (button, pager) if language == "العربية" else (pager, button)
    assert box(left)[2] <= box(right)[0], "the pager and the button side by side, apart"
    count = len(home.ids.cards.children)
    assert pager.ids.where.text and str(count) in pager.ids.where.text, "the count says how many cards"
    from kiosk.gui.screens.home import ScrollDots

    dots = pager.ids.dots
    needed = (pager.ids.previous.width + pager.ids.next.width + pager.ids.where.width + pager.spacing * 3
              + ScrollDots.natural_width(count, dots.height, kiosk.app.theme.space))
    assert pager.dotless == (pager.room < needed), "the dots go exactly when arrows, dots and count are too wide"
    assert (dots.width > 0) == (not pager.dotless), "dots shown where they fit, and only there"
    if language == "Français":   # "Retour à la première salle" leaves no room for eleven dots
        assert pager.dotless
