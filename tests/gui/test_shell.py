"""The screens around the exhibits, as a visitor finds them: mirrored in Arabic, a way on from
every exhibit, a word when texts fall back to another language, seen cards, whole cards at rest."""

from __future__ import annotations

import pytest
from kivy.core.window import Window

from kiosk.gui.curator.proof_checks import screen_problems
from tests.gui.test_visitor_flow import open_exhibit, start_visit


def window_x(widget) -> float:
    return widget.to_window(widget.x, widget.y)[0]


def window_box(widget) -> tuple[float, float, float, float]:
    x, y = widget.to_window(widget.x, widget.y)
    return x, y, x + widget.width, y + widget.height


def exhibit_screen(kiosk):
    return kiosk.app.navigator.screen("exhibit")


def test_arabic_mirrors_rooms_cards_top_bar_qr_column_and_way_on(fresh):
    kiosk = fresh
    start_visit(kiosk, "العربية")
    kiosk.settle()
    home = kiosk.app.navigator.screen("home")
    tabs = {tab.room_id: window_x(tab) for tab in home.ids.rooms.children}
    order = [room.id for room in home.rooms]
    assert [room for room, _x in sorted(tabs.items(), key=lambda item: -item[1])] == order, \
        "room 1 is rightmost, then 2, 3, 4 leftwards"
    cards = sorted(home.ids.cards.children, key=window_x, reverse=True)
    first = kiosk.app.content.exhibits_in(home.room_id)[0]
    assert cards[0].exhibit_id == first.id, "the first card is the rightmost"
    assert window_box(cards[0])[2] <= Window.width and window_box(cards[0])[0] >= 0, "and it is on screen"

    open_exhibit(kiosk, first.id)
    kiosk.settle()
    ids = exhibit_screen(kiosk).ids
    assert window_x(ids.back) > window_x(ids.heading) > window_x(ids.home), "Back on the right, Home on the left"
    assert window_x(ids.qr_scroll) < window_x(ids.host), "the QR codes on the left"
    assert window_x(ids.to_room) > window_x(ids.next), "'back to the room' on the right, 'next' on the left"
    assert ids.back.icon_after and ids.back.draw_icon("chevron-left", True, True, 20) is not None


def test_every_exhibit_leads_on_to_the_next_in_its_room_then_to_the_next_room(fresh):
    kiosk = fresh
    start_visit(kiosk, "English")
    rooms = [room for room in kiosk.app.content.collection.rooms if kiosk.app.content.exhibits_in(room.id)]
    in_room = kiosk.app.content.exhibits_in(rooms[0].id)
    open_exhibit(kiosk, in_room[0].id)
    kiosk.settle()
    screen = exhibit_screen(kiosk)
    assert screen.next_label.startswith("Next: ")
    kiosk.tap(screen.ids.next)
    kiosk.settle()
    assert screen.manifest.id == in_room[1].id, "'next' opens the room's next exhibit"

    kiosk.app.navigator.show_home()
    open_exhibit(kiosk, in_room[-1].id)
    kiosk.settle()
    assert screen.next_label == f"Next room: {kiosk.app.text(rooms[1].title)}"
    kiosk.tap(screen.ids.next)
    kiosk.settle()
    home = kiosk.app.navigator.screen("home")
    assert kiosk.app.navigator.current == "home" and home.room_id == rooms[1].id

    open_exhibit(kiosk, kiosk.app.content.exhibits_in(rooms[1].id)[0].id)  # from home, where "next room" led
    kiosk.settle()
    kiosk.tap(screen.ids.to_room)
    kiosk.settle()
    assert kiosk.app.navigator.current == "home" and home.room_id == rooms[1].id, "back to the same room"


@pytest.mark.parametrize("size", [(1920, 1080), (1280, 800), (1080, 1920)])
@pytest.mark.parametrize("language", ["English", "العربية"])
def test_next_names_the_whole_next_exhibit_on_two_lines_at_most_within_the_bar(fresh, size, language):
    """A long title takes a second line rather than being cut ("Next: Neighbourhood management…")."""
    kiosk = fresh
    Window.size = size
    try:
        start_visit(kiosk, language)
        screen = exhibit_screen(kiosk)
        for manifest in kiosk.app.content.exhibits:
            kiosk.app.navigator.open_exhibit(manifest.id)
            kiosk.settle()
            button, footer = screen.ids.next, screen.ids.footer
            following = screen.following()
            lines = button.text.count("\n") + 1 if button.texture is None else \
                round(button.texture_size[1] / kiosk.app.theme.line_height(button.font_size, button.font_name))
            assert lines <= 2, manifest.id
            if following is not None and following[0] == "exhibit":
                title, shown = kiosk.app.text(following[1].title), screen.next_label.replace("\n", " ")
                # whole, or cut only once two lines are full (a long title in portrait, beside "back to the room")
                assert shown.endswith(title) or (shown.endswith("…") and lines == 2), f"{manifest.id}: {screen.next_label!r}"
            assert button.texture_size[0] <= button.width + 1 and button.texture_size[1] <= button.height + 1, manifest.id
            assert footer.y - 1 <= button.y and button.top <= footer.top + 1, f"{manifest.id}: 'next' stays in the bar"
            assert footer.x - 1 <= button.x and button.right <= footer.right + 1, f"{manifest.id}: 'next' stays in the bar"
            assert button.height >= kiosk.app.theme.touch - 1, "a full finger's height"
    finally:
        kiosk.app.navigator.show_attract()
        kiosk.app.set_language("en")
        Window.size = (1920, 1080)
        kiosk.settle()


def test_a_text_missing_in_the_visitors_language_is_shown_with_a_notice(fresh):
    kiosk = fresh
    exhibit = next(m for m in kiosk.app.content.exhibits if m.type == "panel")
    start_visit(kiosk, "Deutsch")   # the bundled exhibition has German titles, not German bodies
    open_exhibit(kiosk, exhibit.id)
    kiosk.settle()
    notice = kiosk.find_text("Einige Texte werden auf")
    assert "Französisch" in notice.text or "Englisch" in notice.text
    assert exhibit_screen(kiosk).ids.notice.opacity == 1

    kiosk.app.set_language("fr")     # the exhibition's own language: nothing falls back
    kiosk.settle()
    assert exhibit_screen(kiosk).notice == "" and exhibit_screen(kiosk).ids.notice.opacity == 0


def test_the_notice_moves_under_the_title_while_a_game_folds_the_way_on_away(fresh):
    """A game takes the way on's height once it starts; the notice goes with the way on, so it
    reads under the title in the bar, which keeps its height."""
    from tests.gui.test_commons_game import GAME
    kiosk = fresh
    start_visit(kiosk, "Deutsch")
    view = open_exhibit(kiosk, GAME)
    screen = exhibit_screen(kiosk)
    kiosk.settle()
    bar_height = screen.ids.bar.height
    assert screen.notice and screen.ids.notice.opacity == 1 and screen.ids.bar_notice.logical_text == ""
    three = next(w for w in kiosk.widgets(view) if getattr(w, "text", None) == "3")
    kiosk.tap(three)
    kiosk.tap(view.action)                                   # start: the game takes the whole height
    kiosk.settle()
    assert view.absorbed and screen.ids.footer.parent is None
    shown = screen.ids.bar_notice
    assert shown.logical_text == screen.notice and shown.opacity == 1
    assert kiosk.find_text("Einige Texte werden auf") == shown
    bar, heading = screen.ids.bar, screen.ids.heading
    assert screen.ids.bar.height == bar_height, "the bar keeps its height"
    assert bar.y <= shown.y and heading.top <= bar.top, "title and notice inside the bar"
    assert not screen_problems(kiosk.app.root_widget, kiosk.app.pictures), "nothing cut"


def test_seen_exhibits_are_marked_until_the_next_visitor(fresh):
    kiosk = fresh
    start_visit(kiosk, "English")
    home = kiosk.app.navigator.screen("home")
    first = kiosk.app.content.exhibits_in(home.room_id)[0]
    assert not any(card.seen for card in home.ids.cards.children)
    open_exhibit(kiosk, first.id)
    kiosk.tap(exhibit_screen(kiosk).ids.back)
    kiosk.settle()
    card = next(c for c in home.ids.cards.children if c.exhibit_id == first.id)
    assert card.seen and [c for c in home.ids.cards.children if c.seen] == [card]
    kiosk.find_text("Seen", root=card)
    assert card.kind and card.kind_icon, "each card says what kind of exhibit it is"

    kiosk.app.idle.reset_now()
    kiosk.settle()
    start_visit(kiosk, "English")
    kiosk.settle()
    assert not any(c.seen for c in home.ids.cards.children), "the next visitor starts with nothing seen"


def _whole_cards_in_view(home) -> list:
    scroll = home.ids.scroll
    left, bottom, right, top = window_box(scroll)
    shown = []
    for card in home.ids.cards.children:
        x0, y0, x1, y1 = window_box(card)
        if x1 <= left + 1 or x0 >= right - 1 or y1 <= bottom + 1 or y0 >= top - 1:
            continue  # wholly out of view
        assert left - 1 <= x0 and x1 <= right + 1 and bottom - 1 <= y0 and y1 <= top + 1, \
            f"card {card.exhibit_id} is cut by the row at rest"
        shown.append(card)
    return shown


def test_the_row_comes_to_rest_on_whole_cards(fresh):
    kiosk = fresh
    start_visit(kiosk, "English")
    home = kiosk.app.navigator.screen("home")
    home.show_room("alternatives")   # the room with the most exhibits
    kiosk.settle()
    assert len(_whole_cards_in_view(home)) == 3, "three whole cards at 1920×1080"
    scroll = home.ids.scroll
    y = window_box(scroll)[1] + scroll.height / 2
    kiosk.swipe((1500, y), (1150, y), steps=6)   # a short drag that stops between two cards
    kiosk.wait(1.0)
    assert scroll.scroll_x > 0
    assert len(_whole_cards_in_view(home)) == 3


def test_portrait_home_is_two_columns_of_whole_cards(fresh):
    kiosk = fresh
    Window.size = (1080, 1920)
    try:
        kiosk.settle()
        start_visit(kiosk, "English")
        kiosk.settle()
        home = kiosk.app.navigator.screen("home")
        assert home.ids.scroll.portrait and home.ids.cards.cols == 2
        shown = _whole_cards_in_view(home)
        assert len(shown) == 4 and len({round(window_x(c)) for c in shown}) == 2
        pictures = {round(card.picture_height) for card in home.ids.cards.children}
        assert len(pictures) == 1, "equal pictures"
        assert all(card.picture_height > card.height * 0.4 for card in shown), "not thumbnails lost in white"
    finally:
        Window.size = (1920, 1080)
        kiosk.settle()


def test_in_portrait_the_language_cards_are_taller_and_lower_within_reach(fresh):
    """Portrait is a layout of its own: the cards grow, and the grid sits low enough that its
    bottom row is in the lower quarter of a tall screen, with less blank under it than above the title."""
    from kiosk.gui.curator.proof_checks import screen_problems

    kiosk = fresh
    kiosk.tap_at(960, 540)
    screen = kiosk.app.navigator.screen("language")
    Window.size = (1080, 1920)
    try:
        kiosk.settle()
        grid, theme = screen.ids.grid, kiosk.app.theme
        cards = [w for w in kiosk.widgets(screen) if getattr(w, "language", None)]
        assert grid.cols == 2 and all(abs(card.height - theme.touch * 2.3) < 1 for card in cards)
        lowest = min(window_box(card)[1] for card in cards)
        assert lowest < 1920 * 0.25, f"the last row reaches the lower quarter ({lowest:.0f} px up)"
        assert lowest < 1920 - window_box(screen.ids.heading)[3], "less blank under the cards than over the title"
        assert [p for p in screen_problems(screen, kiosk.app.pictures) if p.kind == "overflow"] == []
    finally:
        Window.size = (1920, 1080)
        kiosk.settle()


@pytest.mark.parametrize("code, invitation", [("fr", "Commencer la visite"), ("en", "Start the visit")])
def test_each_language_card_invites_in_its_own_language(fresh, code, invitation):
    kiosk = fresh
    kiosk.tap_at(960, 540)
    screen = kiosk.app.navigator.screen("language")
    card = next(w for w in kiosk.widgets(screen) if getattr(w, "language", None) == code)
    kiosk.find_text(invitation, root=card)
    arabic = screen.ids.subheading_rtl
    assert "اختر" in arabic.logical_text and arabic.font_name == "KioskArabic" and arabic.height > 0, \
        "'choose your language' in Arabic too, in the font with its letters"
