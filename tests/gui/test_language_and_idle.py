"""Switching language keeps the visitor's place; idle brings the next visitor a fresh kiosk; QR codes scan."""

from __future__ import annotations

import pytest
from PIL import Image

zxingcpp = pytest.importorskip("zxingcpp")

from tests.gui.test_visitor_flow import open_exhibit, start_visit  # noqa: E402


def switch_language(kiosk, code: str):
    """Open the language panel from the current screen and touch the language ``code``."""
    screen = kiosk.app.navigator.screen(kiosk.app.navigator.current)
    screen.choose_language()
    kiosk.settle()
    button = next(w for w in kiosk.widgets() if getattr(w, "language", None) == code and hasattr(w, "background"))
    kiosk.tap(button)
    assert kiosk.app.language == code


def test_language_switch_keeps_the_quiz_question(fresh):
    kiosk = fresh
    start_visit(kiosk, "Français")
    view = open_exhibit(kiosk, "espoirs-quiz")
    question = view.manifest.details.questions
    kiosk.tap(list(reversed(view.ids.answers.children))[min(question[0].correct)])
    kiosk.tap(view.ids.action)
    kiosk.find_text(question[1].question.get("fr")[:30])
    switch_language(kiosk, "en")
    assert kiosk.app.navigator.current == "exhibit"
    kiosk.find_text(question[1].question.get("en")[:30])
    kiosk.find_text(f"Question 2 of {len(question)}")


def test_language_switch_keeps_the_gallery_image(fresh):
    kiosk = fresh
    start_visit(kiosk, "English")
    view = open_exhibit(kiosk, "alternatives-monnaies-locales")
    view.ids.carousel.load_next()
    kiosk.wait(1.0)
    assert view.position == 1
    switch_language(kiosk, "fr")
    view = kiosk.app.navigator.screen("exhibit").view
    assert view.position == 1
    kiosk.find_text(view.manifest.images[1].caption.get("fr")[:25])


def test_a_language_switch_on_home_gives_the_same_cards_the_new_words(fresh):
    """The row's cards are not built again for a new language (that cost ~75 ms at the tap): they take its
    words, the kind and "Seen" included, and in Arabic the row runs from the right."""
    kiosk = fresh
    start_visit(kiosk, "English")
    open_exhibit(kiosk, "origines-enclosures")
    kiosk.app.navigator.back()
    kiosk.settle()
    home = kiosk.app.navigator.screen("home")
    before = list(home.ids.cards.children)
    seen = next(card for card in before if card.exhibit_id == "origines-enclosures")
    assert seen.seen and seen.seen_label == "Seen"
    for code in ("fr", "ar"):
        switch_language(kiosk, code)
        kiosk.settle()
        cards = home.ids.cards.children
        assert [id(card) for card in cards] == [id(card) for card in before], "the same cards"
        for card in cards:
            manifest = kiosk.app.content.exhibit(card.exhibit_id)
            assert card.title == kiosk.app.text(manifest.title) != "", card.exhibit_id
            if code == "fr" and card.exhibit_id in home.exhibits_in_view():
                kiosk.find_text(card.title_shown[:12])
        assert seen.seen and seen.seen_label == kiosk.app.gettext("Seen") != "Seen"
    reading_order = sorted(home.ids.cards.children, key=lambda card: -card.x)  # Arabic: the first card on the right
    manifests = kiosk.app.content.exhibits_in(home.room_id)
    assert [card.exhibit_id for card in reading_order] == [m.id for m in manifests]


def test_a_language_switch_in_compare_gives_the_same_cards_the_new_words_and_keeps_the_page(fresh):
    """Compare's cards take the new language's words instead of being built again at the tap; a switch
    to Arabic, whose cards run the other way, builds them again, mirrored."""
    from kiosk.gui.widgets.widgets import TextBlock

    kiosk = fresh
    start_visit(kiosk, "English")
    view = open_exhibit(kiosk, "origines-trois-economies")
    assert not view.tabs and len(view.cards) == 2
    reader = view.cards[0].reader
    reader.turn(1)
    kiosk.settle()
    assert reader.page == 1
    before = [id(card) for card in view.cards]
    switch_language(kiosk, "fr")
    kiosk.settle()
    assert [id(card) for card in view.cards] == before, "the same cards"
    sides = view.manifest.details.sides
    for card, side in zip(view.cards, sides):
        assert card.title.logical_text == kiosk.app.text(side.title)
        shown = " ".join(w.logical_text for w in card.reader.walk(restrict=True) if isinstance(w, TextBlock))
        assert kiosk.app.text(side.text)[:40] in shown and side.text.get("en")[:40] not in shown
        if card.picture is not None:
            assert card.picture.credit == kiosk.app.text(side.image.credit)
    assert view.cards[0].reader.page == 1, "the visitor's page is kept"
    kiosk.find_text(sides[1].title.get("fr")[:20])

    switch_language(kiosk, "ar")
    kiosk.settle()
    assert [id(card) for card in view.cards] != before, "built again, mirrored"
    first, second = view.cards
    assert first.x > second.x, "in Arabic the first side stands on the right"
    assert first.title.logical_text == sides[0].title.get("ar")


def test_partial_language_falls_back_without_empty_labels(fresh):
    kiosk = fresh
    start_visit(kiosk, "Deutsch")
    view = open_exhibit(kiosk, "espoirs-securite-sociale")
    kiosk.find_text(view.manifest.title.get("de"))
    kiosk.find_text(view.manifest.body.get("fr")[3:30])      # no German body: French is shown
    for widget in kiosk.widgets():
        if widget.__class__.__name__ in ("TextBlock", "KioskButton") and widget.opacity and widget.height > 1:
            # a button may be its symbol alone (the access button's, docs/design.md): never blank
            assert widget.text.strip() or getattr(widget, "icon", ""), f"empty label in {widget.parent}"


def test_arabic_title_is_shaped_right_to_left(fresh):
    kiosk = fresh
    start_visit(kiosk, "Français")
    open_exhibit(kiosk, "alternatives-amap")
    switch_language(kiosk, "ar")
    heading = kiosk.app.navigator.screen("exhibit").ids.heading
    assert heading.base_direction == "rtl"
    assert any("\ufe70" <= ch <= "\ufeff" or "\ufb50" <= ch <= "\ufdff" for ch in heading.text), "letters joined"
    assert heading.font_name == "KioskArabic"


def test_idle_countdown_then_attract_with_nothing_left(fresh):
    kiosk = fresh
    app = kiosk.app
    start_visit(kiosk, "English")
    view = open_exhibit(kiosk, "alternatives-quiz")
    kiosk.tap(list(reversed(view.ids.answers.children))[0])
    assert app.session.views
    timeout = app.content.collection.idle_timeout
    app.idle.tick(app.idle.last_touch + timeout + 0.5)
    kiosk.settle()
    assert app.root_widget.countdown_visible
    kiosk.find_text("Still there?", root=app.root_widget)
    app.idle.tick(app.idle.last_touch + timeout + 10.5)
    kiosk.settle()
    assert app.navigator.current == "attract"
    assert not app.root_widget.countdown_visible
    assert app.session.is_fresh and app.language == "fr"
    # the next visitor finds every exhibit as new
    start_visit(kiosk, "English")
    view = open_exhibit(kiosk, "alternatives-quiz")
    assert view.progress.index == 0 and view.progress.chosen is None
    assert kiosk.app.navigator.screen("home").room_id == "alternatives"


def test_a_language_panel_left_open_is_closed_for_the_next_visitor(fresh):
    """A visitor opened the language panel and walked away: the next one finds the attract loop, not the
    panel over it, and the screens draw themselves again."""
    from kivy.core.window import Window
    from kiosk.gui.widgets.language_picker import LanguagePicker

    kiosk = fresh
    start_visit(kiosk, "English")
    open_exhibit(kiosk, "origines-trois-economies")
    screens = list(Window.canvas.children)
    kiosk.app.navigator.screen("exhibit").choose_language()
    kiosk.settle()
    picker = LanguagePicker.shared(kiosk.app)
    assert picker.parent is Window
    kiosk.app.idle.reset_now()
    kiosk.settle()
    assert kiosk.app.navigator.current == "attract"
    assert picker.parent is None and list(Window.canvas.children) == screens


def test_touch_during_countdown_keeps_the_visit(fresh):
    kiosk = fresh
    app = kiosk.app
    start_visit(kiosk, "English")
    open_exhibit(kiosk, "limites-frontieres-planetaires")
    app.idle.tick(app.idle.last_touch + app.content.collection.idle_timeout + 1)
    kiosk.settle()
    assert app.root_widget.countdown_visible
    kiosk.tap_at(960, 540)
    assert not app.root_widget.countdown_visible
    assert app.navigator.current == "exhibit" and app.language == "en"


def test_qr_code_on_screen_decodes_to_the_link(fresh, tmp_path):
    """Each QR panel, as drawn on screen, decodes to its link, and the column shows every card whole.

    The codes shrink to fit their column (cut cards were a reported fault); modules stay at
    6 px or more at 1920×1080, about 1.7 mm on a 24-inch screen, which phones read at arm's length.
    """
    kiosk = fresh
    start_visit(kiosk, "English")
    view = open_exhibit(kiosk, "alternatives-habitat-participatif")
    kiosk.settle()
    panels = [w for w in kiosk.app.navigator.screen("exhibit").ids.qr_column.children if hasattr(w, "side")]
    expected = {link.url.get("en") for link in view.manifest.links}
    found = set()
    for number, panel in enumerate(panels):
        panel.export_to_png(str(tmp_path / f"qr{number}.png"))
        image = Image.open(tmp_path / f"qr{number}.png").convert("L")
        found |= {result.text for result in zxingcpp.read_barcodes(image)}
        code = kiosk.app.qr.get(panel.url)
        assert panel.side / code.modules >= 6, "at least 6 px per module at 1920×1080"
        scroll = kiosk.app.navigator.screen("exhibit").ids.qr_scroll
        bottom, top = panel.to_window(panel.x, panel.y)[1], panel.to_window(panel.x, panel.top)[1]
        low, high = scroll.to_window(scroll.x, scroll.y)[1], scroll.to_window(scroll.x, scroll.top)[1]
        assert low - 1 <= bottom and top <= high + 1, "the card is whole in its column, not cut"
    assert found == expected


def test_a_visitor_is_told_in_their_language_when_a_code_leads_to_a_site_in_french(fresh):
    kiosk = fresh
    start_visit(kiosk, "العربية")
    open_exhibit(kiosk, "origines-enclosures")
    kiosk.settle()
    screen = kiosk.app.navigator.screen("exhibit")

    def labels():   # every card, also those a paged column keeps for its next page
        return {panel.url: panel.label for panel in screen.qr_panels()}

    assert labels()["https://www.le-mes.org/"].endswith("(بالفرنسية)")
    assert labels()["https://transiscope.org/"].endswith("(بالفرنسية)")
    kiosk.app.set_language("en")
    kiosk.settle()
    assert labels()["https://www.le-mes.org/"].endswith("(in French)")
    kiosk.app.set_language("fr")
    kiosk.settle()
    assert not [label for label in labels().values() if "(en français)" in label], "a French reader is not told"


def test_every_screen_with_network_blocked(fresh, monkeypatch, network_blocked):
    attempts = network_blocked
    kiosk = fresh
    app = kiosk.app
    monkeypatch.setattr(app.framerate, "active", 0)            # draw frames as fast as possible
    monkeypatch.setattr(app.framerate, "idle", 0)
    app.framerate.wake()
    languages = app.content.collection.languages
    # every step of every exhibit in the default language and in Arabic (the other direction);
    # each exhibit's first screen in the others (a game's 16 steps in 6 languages took minutes of CI)
    every_step = {languages.default, "ar"}
    for language in languages.languages:
        app.navigator.start_visit(language)
        kiosk.settle()
        for manifest in app.content.exhibits:
            app.navigator.open_exhibit(manifest.id)
            kiosk.frames(3)
            view = app.navigator.screen("exhibit").view
            steps = type(view).step_count_for(manifest) if language in every_step else 1
            for step in range(steps):
                view.show_step(step)
                kiosk.frames(2)
    assert attempts == []
    assert app.navigator.faulty == {}
