"""A visitor's path through the real kiosk, with simulated touches: what they see at each step."""

from __future__ import annotations

import pytest
from PIL import Image

from kiosk.i18n import catalog

NAMES = {"Français": "fr", "English": "en", "Nederlands": "nl", "Español": "es", "Deutsch": "de", "العربية": "ar"}


def start_visit(kiosk, language_name: str = "Français"):
    kiosk.tap_at(960, 540)                 # any touch on the attract loop
    assert kiosk.app.navigator.current == "language"
    code = NAMES[language_name]
    kiosk.tap(next(w for w in kiosk.widgets(kiosk.screen) if getattr(w, "language", None) == code))
    assert kiosk.app.navigator.current == "home"


def open_exhibit(kiosk, exhibit_id: str):
    manifest = next(m for m in kiosk.app.content.exhibits if m.id == exhibit_id)
    home = kiosk.app.navigator.screen("home")
    home.show_room(manifest.room)
    kiosk.settle()
    card = next(c for c in home.ids.cards.children if c.exhibit_id == exhibit_id)
    home.ids.scroll.scroll_to(card, padding=0, animate=False)
    kiosk.settle()
    kiosk.tap(card)
    assert kiosk.app.navigator.current == "exhibit", kiosk.app.navigator.faulty
    return kiosk.app.navigator.screen("exhibit").view


def test_attract_language_home(fresh):
    kiosk = fresh
    assert kiosk.app.navigator.current == "attract"
    attract, collection = kiosk.screen, kiosk.app.content.collection
    shown = collection.languages.languages[attract.step % len(collection.languages.languages)]  # it cycles
    kiosk.find_text(collection.title.get(shown))
    kiosk.find_text(catalog(shown).gettext("Touch the screen to start"))
    start_visit(kiosk, "English")
    kiosk.find_text("Museum of Kapitalism")
    kiosk.find_text("1. Origins")
    kiosk.find_text("Next room: Hopes")
    assert kiosk.app.language == "en"


def test_language_screen_names_each_language_in_itself(fresh):
    kiosk = fresh
    kiosk.tap_at(960, 540)
    for name in ("Français", "English", "Nederlands", "Español", "Deutsch"):
        kiosk.find_text(name)
    arabic = [t for t in kiosk.visible_texts() if any("\u0600" <= ch <= "\u06ff" or "\ufe70" <= ch <= "\ufeff" for ch in t)]
    assert arabic, "العربية is offered"


def test_next_room_walks_the_exhibition_in_order(fresh):
    kiosk = fresh
    start_visit(kiosk)
    seen = []
    for _ in range(4):
        seen.append(kiosk.app.navigator.screen("home").room_id)
        kiosk.tap(kiosk.app.navigator.screen("home").ids.next_room)
    assert seen == ["origines", "espoirs", "limites", "alternatives"]


def test_cards_scroll_sideways_with_a_swipe(fresh):
    kiosk = fresh
    start_visit(kiosk)
    home = kiosk.app.navigator.screen("home")
    home.show_room("alternatives")
    kiosk.settle()
    scroll = home.ids.scroll
    assert scroll.scroll_x == 0
    x, y = scroll.to_window(*scroll.center)
    kiosk.swipe((x + 600, y), (x - 600, y))
    kiosk.frames(30)
    assert scroll.scroll_x > 0.2


def test_panel_shows_body_and_qr_codes(fresh):
    kiosk = fresh
    start_visit(kiosk)
    open_exhibit(kiosk, "alternatives-amap")
    kiosk.find_text("AMAP")
    kiosk.find_text(catalog("fr").gettext("Scan to read more on your phone"))
    screen = kiosk.app.navigator.screen("exhibit")
    assert screen.ids.qr_column.children, "the exhibit's links are shown as QR codes"


def test_quiz_feedback_score_and_play_again(fresh):
    kiosk = fresh
    start_visit(kiosk, "English")
    view = open_exhibit(kiosk, "origines-quiz")
    quiz = view.manifest.details
    for question in quiz.questions:
        right = min(question.correct)
        buttons = list(reversed(view.ids.answers.children))
        kiosk.tap(buttons[right])
        kiosk.find_text("Right!")
        kiosk.find_text(question.explanation.get("en")[:30])
        kiosk.tap(view.ids.action)
    kiosk.find_text(f"You got {len(quiz.questions)} out of {len(quiz.questions)}")
    kiosk.find_text("Well done!")
    kiosk.tap_text("Play again")
    kiosk.find_text(f"Question 1 of {len(quiz.questions)}")


def test_quiz_wrong_answer_shows_the_right_one(fresh):
    kiosk = fresh
    start_visit(kiosk, "English")
    view = open_exhibit(kiosk, "limites-quiz")
    question = view.manifest.details.questions[0]
    wrong = next(i for i in range(len(question.answers)) if i not in question.correct)
    kiosk.tap(list(reversed(view.ids.answers.children))[wrong])
    kiosk.find_text("Not quite.")
    buttons = list(reversed(view.ids.answers.children))
    assert buttons[min(question.correct)].background[:3] != buttons[wrong].background[:3]


def test_gallery_swipes_and_zooms(fresh):
    kiosk = fresh
    start_visit(kiosk, "English")
    view = open_exhibit(kiosk, "limites-en-images")
    carousel = view.ids.carousel
    kiosk.find_text(f"1 / {view.count}")
    # a finger swipes across the picture, between the arrows that stand beside it
    left, right = view.ids.prev.to_window(view.ids.prev.right, 0)[0], view.ids.next.to_window(view.ids.next.x, 0)[0]
    y = carousel.to_window(*carousel.center)[1]
    kiosk.swipe((right - 40, y), (left + 40, y))
    kiosk.wait(1.0)
    assert carousel.index == 1
    kiosk.find_text(f"2 / {view.count}")
    kiosk.find_text(view.manifest.images[1].caption.get("en")[:25])
    picture = carousel.current_slide
    touch_x, touch_y = picture.to_window(*picture.center)
    kiosk.double_tap_at(touch_x, touch_y)   # zooms in
    assert picture.scale > 2
    kiosk.double_tap_at(touch_x, touch_y)   # and out again
    assert picture.scale == pytest.approx(1)


def test_timeline_tap_shows_the_event(fresh):
    kiosk = fresh
    start_visit(kiosk, "English")
    view = open_exhibit(kiosk, "espoirs-associationnisme")
    events = view.manifest.details.events
    years = [e.date.start[0] for e in events]
    assert years == sorted(years)
    stop = next(s for s in view.ids.stops.children if s.event_index == 2)
    kiosk.tap(stop)
    kiosk.find_text(events[2].title.get("en"), root=view.ids.detail)
    assert view.state["selected"] == 2


def test_back_and_home_on_every_exhibit(fresh):
    kiosk = fresh
    start_visit(kiosk)
    open_exhibit(kiosk, "espoirs-creches-parentales")
    back = kiosk.app.navigator.screen("exhibit").ids.back
    assert back.text == "Espoirs", "the top bar's back button says where it leads: the room"
    kiosk.tap(back)
    assert kiosk.app.navigator.current == "home"
    assert kiosk.app.navigator.screen("home").room_id == "espoirs"
    open_exhibit(kiosk, "espoirs-creches-parentales")
    kiosk.tap_text(catalog("fr").gettext("Home"))
    assert kiosk.app.navigator.current == "home"


def test_a_failing_view_sends_the_visitor_home(fresh, monkeypatch):
    from kiosk.exhibit_types.timeline.view import TimelineView

    kiosk = fresh
    start_visit(kiosk)
    monkeypatch.setattr(TimelineView, "refresh", lambda self: 1 / 0)
    home = kiosk.app.navigator.screen("home")
    home.show_room("origines")
    kiosk.settle()
    card = next(c for c in home.ids.cards.children if c.exhibit_id == "origines-revolution-industrielle")
    kiosk.tap(card)
    assert kiosk.app.navigator.current == "home"
    assert "ZeroDivisionError" in kiosk.app.navigator.faulty["origines-revolution-industrielle"]
    assert not any("Traceback" in text for text in kiosk.visible_texts())


def test_screens_are_not_blank(fresh, tmp_path):
    kiosk = fresh
    start_visit(kiosk)
    path = kiosk.screenshot(tmp_path / "home.png")
    colours = Image.open(path).convert("RGB").getcolors(maxcolors=1 << 20)
    assert colours is None or len(colours) > 50


def test_coming_back_from_an_exhibit_the_row_keeps_its_place(fresh):
    kiosk = fresh
    start_visit(kiosk, "English")
    home = kiosk.app.navigator.screen("home")
    home.show_room("alternatives")
    kiosk.settle()
    cards = list(home.ids.cards.children)
    last = max(cards, key=lambda c: c.x)
    home.ids.scroll.scroll_to(last, padding=0, animate=False)
    kiosk.settle()
    place = home.ids.scroll.scroll_x
    assert place > 0.5
    kiosk.tap(last)
    assert kiosk.app.navigator.current == "exhibit"
    kiosk.tap_text("Back")
    assert kiosk.app.navigator.current == "home"
    assert home.ids.scroll.scroll_x == pytest.approx(place)
    assert list(home.ids.cards.children) == cards, "the row is shown as it was, not built again"
    kiosk.app.set_language("fr")  # a language switch rebuilds the texts and keeps the place too
    kiosk.settle()
    assert home.ids.scroll.scroll_x == pytest.approx(place)
    kiosk.app.idle.reset_now()  # the next visitor starts at the first room, at the start of the row
    kiosk.settle()
    start_visit(kiosk, "English")
    assert home.room_id == "origines" and home.ids.scroll.scroll_x == 0
