"""Two languages at once: chosen by touch, shown side by side (stacked in portrait), each column in its own
direction; the idle reset takes the second language away and a new visit starts with the venue's default."""

from __future__ import annotations

from contextlib import contextmanager

import pytest
from kivy.core.window import Window

from kiosk.gui.curator.proof_checks import screen_problems
from kiosk.gui.widgets.language_picker import LanguagePicker
from kiosk.i18n import language_name
from tests.gui.test_visitor_flow import open_exhibit, start_visit

PANEL = "alternatives-amap"


@pytest.fixture
def two(fresh):
    """The kiosk as the next visitor finds it, left with one language afterwards."""
    yield fresh
    app = fresh.app
    app.settings.default_second_language = None
    app.apply_settings()
    app.idle.reset_now()
    fresh.settle()


def add_second_language(kiosk, code: str) -> None:
    """Open the language panel from the current screen and touch ``code`` under "Add a second language"."""
    kiosk.app.navigator.screen(kiosk.app.navigator.current).choose_language()
    kiosk.settle()
    picker = LanguagePicker.shared(kiosk.app)
    kiosk.find_text(kiosk.app.gettext("Add a second language"), root=picker)
    kiosk.tap(next(button for button in picker.second_buttons() if button.language == code))
    assert kiosk.app.second_language == code


def columns(view):
    """The panel's two text columns, first language first, and the texts each shows."""
    slots = view.ids.reader._slots
    assert len(slots) == 2
    return slots, [[block.logical_text for block in reversed(slot.flow.children)] for slot in slots]


def test_a_second_language_by_touch_shows_both_texts_side_by_side(two):
    kiosk = two
    start_visit(kiosk, "Français")
    view = open_exhibit(kiosk, PANEL)
    assert len(view.ids.reader._slots) == 1 or view.ids.reader._second is None    # one language: as before
    add_second_language(kiosk, "ar")
    screen = kiosk.app.navigator.screen("exhibit")
    view = screen.view
    manifest = view.manifest
    assert screen.heading_second == manifest.title.get("ar")
    kiosk.find_text(manifest.title.get("ar")[:12])
    slots, texts = columns(view)
    assert texts[0][0] == "Français" and texts[1][0] == language_name("ar")
    app = kiosk.app
    assert texts[0][1] == app.text(manifest.summary) and texts[1][1] == app.second_text(manifest.summary) != ""
    assert slots[0].x + slots[0].width <= slots[1].x + 1, "French first, on the left"
    assert abs(slots[0].top - slots[1].top) < 1
    second = list(reversed(slots[1].flow.children))
    assert all(block.base_direction == "rtl" and block.font_name == "KioskArabic" for block in second)
    assert all(block.base_direction == "ltr" for block in slots[0].flow.children)
    assert second[1].color[:3] == list(kiosk.app.theme.muted[:3]), "the second language in the muted ink"
    screen.ids.home.dispatch("on_release")   # chrome stays in the first language
    kiosk.settle()
    assert kiosk.app.navigator.screen("home").ids.language.text == "Langue"


def test_arabic_first_puts_its_column_on_the_right_and_french_reads_left_to_right(two):
    kiosk = two
    start_visit(kiosk, "العربية")
    open_exhibit(kiosk, PANEL)
    add_second_language(kiosk, "fr")
    slots, texts = columns(kiosk.app.navigator.screen("exhibit").view)
    assert texts[0][0] == language_name("ar") and texts[1][0] == "Français"
    assert slots[0].x >= slots[1].x + slots[1].width - 1, "Arabic first, on the right"
    french = list(reversed(slots[1].flow.children))
    assert all(block.base_direction == "ltr" and block.font_name == "Kiosk" for block in french)
    assert french[1].halign in ("auto", "left")


@contextmanager
def portrait(kiosk):
    """The visitor's French and English on a portrait screen, back to landscape afterwards."""
    start_visit(kiosk, "Français")
    add_second_language(kiosk, "en")
    try:
        Window.size = (1080, 1920)
        kiosk.settle()
        yield
    finally:
        Window.size = (1920, 1080)
        kiosk.settle()


def test_in_portrait_the_second_language_stands_under_the_first(two):
    kiosk = two
    with portrait(kiosk):
        view = open_exhibit(kiosk, PANEL)
        kiosk.settle()
        slots, texts = columns(view)
        assert texts[1][0] == "English"
        assert slots[0].y >= slots[1].top - 1, "the first language above"
        assert abs(slots[0].x - slots[1].x) < 1 and slots[0].width > Window.width * 0.8
        screen = kiosk.app.navigator.screen("exhibit")   # the bar: the visitor's title whole, the second's only if room
        assert bool(screen.ids.heading_second.logical_text) == screen.second_fits
        assert "…" not in screen.ids.heading.logical_text or not screen.second_fits   # never cut to make room for it


def test_the_idle_reset_takes_the_second_language_away(two):
    kiosk = two
    start_visit(kiosk, "Français")
    add_second_language(kiosk, "ar")
    kiosk.app.idle.reset_now()
    kiosk.settle()
    assert kiosk.app.second_language == kiosk.app.session.second_language == ""
    start_visit(kiosk, "Français")
    view = open_exhibit(kiosk, PANEL)
    assert view.ids.reader._second is None and kiosk.app.navigator.screen("exhibit").heading_second == ""


def test_chosen_on_the_start_screen_and_taken_away_from_the_panel(two):
    kiosk = two
    kiosk.tap_at(960, 540)
    screen = kiosk.app.navigator.screen("language")
    assert screen.ids.second.text == "Ajouter une deuxième langue"
    kiosk.tap(screen.ids.second)
    picker = LanguagePicker.shared(kiosk.app)
    assert picker.second_only and picker.ids.grid.opacity == 0
    kiosk.tap(next(button for button in picker.second_buttons() if button.language == "fr"))   # any, before the visit
    assert screen.ids.second.text.replace("\u00a0", " ") == "Deuxième langue : Français"   # said, under the languages
    start_visit_here = next(w for w in kiosk.widgets(kiosk.screen) if getattr(w, "language", None) == "ar")
    kiosk.tap(start_visit_here)
    assert (kiosk.app.language, kiosk.app.second_language) == ("ar", "fr")
    kiosk.app.navigator.screen("home").choose_language()
    kiosk.settle()
    assert not picker.second_only
    kiosk.tap(picker.ids.one_language)
    assert kiosk.app.second_language == ""


def test_the_facilitator_default_second_language_starts_each_visit(facilitator):
    from tests.gui.test_facilitator import open_menu_in

    kiosk = facilitator
    app = kiosk.app
    try:
        menu = open_menu_in(kiosk, "en")
        heading = next(w for w in kiosk.widgets(menu) if getattr(w, "text", "") == "Second language at the start of each visit")
        siblings = list(reversed(heading.parent.children))
        grid = siblings[siblings.index(heading) + 1]      # its choices: None, then the languages but the first
        assert [button.text for button in reversed(grid.children)][:2] == ["None", "English"]
        kiosk.tap(next(button for button in grid.children if button.text == "English"))
        assert app.settings.default_second_language == "en"
        app.idle.reset_now()
        kiosk.settle()
        start_visit(kiosk, "Français")
        assert app.second_language == app.session.second_language == "en"
        view = open_exhibit(kiosk, PANEL)
        assert view.ids.reader._second is not None
    finally:
        app.settings.default_second_language = None
        app.settings.save()
        app.apply_settings()


def test_the_quiz_asks_in_both_languages_and_home_cards_carry_both_titles(two):
    kiosk = two
    start_visit(kiosk, "Français")
    add_second_language(kiosk, "ar")
    home = kiosk.app.navigator.screen("home")
    for card in home.ids.cards.children:
        manifest = kiosk.app.content.exhibit(card.exhibit_id)
        assert card.title_second == kiosk.app.second_text(manifest.title) != ""
        assert card.ids.second_label.base_direction == "rtl" and card.ids.second_label.height > 0
        assert card.ids.second_label.top <= card.ids.title_label.y + 1 and card.ids.summary_label.top <= card.ids.second_label.y + 1
    view = open_exhibit(kiosk, "origines-quiz")
    question = view.manifest.details.questions[0].question
    first, second = view.ids.question, view.ids.question_second
    assert second.logical_text == question.get("ar") and second.font_name == "KioskArabic"
    assert second.top <= first.y and second.y >= view.ids.question_zone.y - 1, "under the question, inside its zone"
    assert first.font_size > second.font_size
    # ... and every answer too: a reader of the second language can answer (the row grows, whole, for it)
    for row, answer in zip(reversed(view.ids.answers.children), view.manifest.details.questions[0].answers):
        words, second = row.ids.label, row.ids.second
        assert second.logical_text == answer.get("ar") and second.base_direction == "rtl" and second.height > 0
        assert second.top <= words.y + 1 and second.y >= row.y + row.gap / 2, "under the answer, inside its card"
    problems = [p.message for p in screen_problems(kiosk.app.root_widget, kiosk.app.pictures) if p.kind != "upscaled"]
    assert problems == []


def no_problems(kiosk) -> list:
    return [p.message for p in screen_problems(kiosk.app.root_widget, kiosk.app.pictures) if p.kind != "upscaled"]


def under(second, first) -> bool:
    """``second`` drawn, in Arabic letters, under ``first``."""
    return second.height > 0 and second.opacity == 1 and second.top <= first.y + 1 and second.base_direction == "rtl"


def go_home(kiosk) -> None:
    kiosk.tap(kiosk.app.navigator.screen("exhibit").ids.home)
    assert kiosk.app.navigator.current == "home"


def test_every_kind_of_exhibit_carries_the_second_language(two):
    """The room's summary, a poll (question, answers, explanation), a timeline (title, text in its own column,
    no list of later dates taking their room), a comparison (prompt, each side's text), a gallery's caption
    and the wall's prompt: each in Arabic under or beside the French, and nothing clipped."""
    kiosk = two
    start_visit(kiosk, "Français")
    add_second_language(kiosk, "ar")
    app = kiosk.app

    view = open_exhibit(kiosk, "alternatives-sondage")
    home = app.navigator.screen("home")
    assert home.ids.room_summary_second.logical_text == app.second_text(app.content.collection.room("alternatives").summary)
    assert under(home.ids.room_summary_second, home.ids.room_summary)
    poll = view.manifest.details
    assert view.ids.question_second.logical_text == poll.question.get("ar")
    assert under(view.ids.question_second, view.ids.question)
    rows = list(reversed(view.ids.options.children))
    for row, option in zip(rows, poll.options):
        assert row.second == option.get("ar") and row.second_font == "KioskArabic"
    assert no_problems(kiosk) == []
    kiosk.tap(rows[1])                       # a vote: the results, and the explanation in both languages
    view = app.navigator.screen("exhibit").view
    if poll.explanation:
        assert under(view.ids.explanation_second, view.ids.explanation)
    assert no_problems(kiosk) == []

    go_home(kiosk)
    view = open_exhibit(kiosk, "origines-revolution-industrielle")
    event = view.events[0]
    assert view.ids.title_second.logical_text == event.title.get("ar")
    assert under(view.ids.title_second, view.ids.title)
    reader = view.ids.reader
    assert len(reader._slots) == 2 and not view.listed and view.ids.later.children == []
    assert [b.logical_text for b in reader._slots[1].flow.children] == [event.text.get("ar")]
    kiosk.tap(next(stop for stop in view.ids.stops.children if stop.event_index == 1))
    assert [b.logical_text for b in reader._slots[1].flow.children] == [view.events[1].text.get("ar")]
    assert no_problems(kiosk) == []

    go_home(kiosk)
    view = open_exhibit(kiosk, "limites-pib-bien-etre")
    compare = view.manifest.details
    assert view.ids.prompt_second.logical_text == compare.prompt.get("ar")
    assert under(view.ids.prompt_second, view.ids.prompt)
    assert all(card.reader._second is not None and len(card.reader._slots) == 2 for card in view.cards)
    assert no_problems(kiosk) == []

    go_home(kiosk)
    view = open_exhibit(kiosk, "limites-en-images")
    images = view.manifest.images
    assert view.ids.caption_second.logical_text == (images[0].caption or images[0].alt).get("ar")
    assert under(view.ids.caption_second, view.ids.caption)
    kiosk.tap(view.ids.next)
    kiosk.settle()
    assert view.ids.caption_second.logical_text == (images[1].caption or images[1].alt).get("ar")
    assert no_problems(kiosk) == []

    go_home(kiosk)
    view = open_exhibit(kiosk, "alternatives-mur")
    assert view.ids.wall_prompt_second.logical_text == view.manifest.details.prompt.get("ar")
    assert under(view.ids.wall_prompt_second, view.ids.wall_prompt)
    assert no_problems(kiosk) == []


def test_stacked_languages_share_the_height_by_what_they_need(two):
    """Portrait: a short event's two texts stand one straight under the other, not each in a half."""
    kiosk = two
    with portrait(kiosk):
        view = open_exhibit(kiosk, "origines-revolution-industrielle")
        kiosk.settle()
        first, second = view.ids.reader._slots
        assert first.y >= second.top - 1, "French above English"
        assert first.y - second.top <= view.ids.reader.ids.row.spacing + 1, "no gap between them"
        assert abs(first.height - first.flow.height) <= 1 and view.ids.reader.page_count == 1
        assert no_problems(kiosk) == []
