"""The visitor's list, as a visitor keeps it: "Keep" on an exhibit, "My list" from the way on or home, the code a
phone reads (titles and links in the visitor's language), a row taken off, the code again on "still there?", and
nothing left for the next visitor but an anonymous count."""

from __future__ import annotations

from kivy.core.window import Window

from kiosk.gui.widgets.basket_panel import BasketPanel, BasketRow
from kiosk.visit.basket import CORRECTION, LARGEST_VERSION
from tests.gui.test_visit_recording import events_after, last_event_id
from tests.gui.test_visitor_flow import open_exhibit, start_visit
from tests.visit.test_qr import decode


def panel_codes(app) -> list[str]:
    """What a phone reads from the list's codes, as the kiosk draws them."""
    return [decode(app.qr.get(code.text, max_version=LARGEST_VERSION, correction=CORRECTION).path)[0]
            for code in app.basket_codes()]


def test_kept_exhibits_go_home_in_one_code_and_the_next_visitor_finds_an_empty_list(fresh):
    kiosk, app = fresh, fresh.app
    before = last_event_id(app)
    start_visit(kiosk, "Français")
    open_exhibit(kiosk, "alternatives-amap")
    screen = app.navigator.screen("exhibit")
    assert screen.ids.my_list.width == 0 and not screen.kept, "no list yet: no button for it"
    kiosk.tap(screen.ids.keep)
    assert screen.kept and screen.ids.keep.icon == "bookmark-check" and app.session.basket == ["alternatives-amap"]
    assert screen.ids.keep.background == list(app.theme.surface), "lit once kept"
    assert screen.ids.my_list.text == "Ma liste (1)" and screen.ids.my_list.width >= app.theme.touch
    kiosk.tap(screen.ids.home)
    open_exhibit(kiosk, "origines-enclosures")
    kiosk.tap(app.navigator.screen("exhibit").ids.keep)
    kiosk.tap(app.navigator.screen("exhibit").ids.home)
    home = app.navigator.screen("home")
    assert home.ids.my_list.text == "Ma liste (2)"

    kiosk.tap(home.ids.my_list)
    panel = BasketPanel._shared
    assert panel.parent is Window
    rows = [row for row in panel.ids.rows.children if isinstance(row, BasketRow)][::-1]
    amap, enclosures = (app.content.exhibit(i) for i in ("alternatives-amap", "origines-enclosures"))
    assert [row.title for row in rows] == [app.text(amap.title), app.text(enclosures.title)]
    (text,) = panel_codes(app)
    assert text.startswith("Ma visite : Musée du Kapitalisme")
    for manifest in (amap, enclosures):
        assert app.text(manifest.title) in text and app.text(manifest.links[0].url) in text
    assert panel.code_sides and panel.code_sides[0] >= 4 * (17 + 4 * app.basket_codes()[0].version + 8)

    kiosk.tap(rows[0].ids.drop)                    # taken off again
    assert app.session.basket == ["origines-enclosures"]
    assert [row.title for row in panel.ids.rows.children if isinstance(row, BasketRow)] == [app.text(enclosures.title)]
    assert app.text(amap.title) not in panel_codes(app)[0]
    kiosk.tap(panel.ids.done)
    assert panel.parent is None and home.ids.my_list.text == "Ma liste (1)"

    # "still there?": the list's code, for a visitor walking away
    app.root_widget.show_countdown()
    kiosk.settle()
    overlay = app.root_widget.ids.overlay
    assert overlay.with_list and overlay.ids.basket.children
    app.idle.reset_now()
    kiosk.settle()
    assert app.session.basket == [] and app.basket_size == 0 and home.ids.my_list.width == 0
    kept = [row for row in events_after(app, before) if row["kind"] == "basket"]
    assert [(row["value"], row["exhibit"]) for row in kept] == [(1, "")], "its size only, never which exhibits"


def test_a_long_list_in_arabic_splits_into_two_codes_one_at_a_time_on_a_small_screen(fresh):
    kiosk, app = fresh, fresh.app
    start_visit(kiosk, "العربية")
    try:
        Window.size = (1280, 800)
        kiosk.settle()
        for manifest in app.content.exhibits[:12]:
            app.keep(manifest.id)
        BasketPanel.open_for(app)
        kiosk.settle()
        panel = BasketPanel._shared
        texts = panel_codes(app)
        assert len(texts) == 2 and texts[0].startswith("زيارتي") and "(1/2)" in texts[0] and "(2/2)" in texts[1]
        pager = panel.ids.code_row.children[0]
        buttons = [b for b in pager.buttons.children if hasattr(b, "code_index")]
        assert sorted(b.code_index for b in buttons) == [0, 1] and all("2" in b.text and "/" not in b.text for b in buttons)
        first, second = sorted(buttons, key=lambda b: b.code_index)
        assert first.x > second.x, "right to left: 1/2 first, on the right"
        kiosk.tap(second)
        assert pager.shown == 1
        code = next(w for w in pager.stage.children if w.width > 10)
        assert code.right <= panel.right and code.x >= panel.x, "a whole code inside the panel"
        kiosk.tap(panel.ids.done)
    finally:
        Window.size = (1920, 1080)
        kiosk.settle()
