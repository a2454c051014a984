"""Collective input in the real kiosk, with simulated touches: a poll and the wall of alternatives."""

from __future__ import annotations

import pytest
from kivy.core.window import Window

from kiosk.exhibit_types.wall.view import IdeaCard
from kiosk.gui.facilitator.moderation import ModerationPanel
from kiosk.gui.widgets.keyboard import KeyboardKey
from kiosk.i18n import catalog
from kiosk.records import RecordStore
from kiosk.render import typing_rules as rules
from tests.gui.test_visitor_flow import open_exhibit, start_visit

POLL, WALL, VENUE = "alternatives-sondage", "alternatives-mur", "Lille, 12 mars"


@pytest.fixture
def records(fresh, tmp_path):
    """A fresh record store for this test, at a venue; the app's own store and modes come back afterwards."""
    app = fresh.app
    group = app.facilitator.guided.group
    saved = app.records, app.venue, group.active, set(group.revealed)
    app.records, app.venue = RecordStore(tmp_path / "records.db"), VENUE
    yield app.records
    app.records.close()
    app.records, app.venue, group.active = saved[:3]
    group.revealed.clear()
    group.revealed.update(saved[3])


def options(view):
    return list(reversed(view.ids.options.children))


def test_a_vote_shows_the_bar_chart(fresh, records):
    kiosk = fresh
    start_visit(kiosk, "English")
    view = open_exhibit(kiosk, POLL)
    kiosk.find_text("Which alternative would you join first?")
    kiosk.find_text("Touch your answer.")
    assert "100%" not in kiosk.visible_texts()  # no results before voting

    kiosk.tap(options(view)[2])
    kiosk.find_text("Thank you! Your vote has been counted.")
    assert records.tally(POLL, VENUE, 4) == [0, 0, 1, 0]
    bars = options(view)
    assert [bar.fraction for bar in bars] == [0, 0, 1, 0]
    assert bars[2].chosen and all(bar.disabled for bar in bars)
    kiosk.find_text("100%")
    kiosk.find_text("1 vote so far")
    assert bars[2].percent == "100%" and bars[2].count == "1 vote" and bars[0].percent == "0%"
    kiosk.find_text("No answer is better than another")   # the explanation comes with the results

    kiosk.tap(options(view)[2])   # a second quick tap, then another answer: nothing changes
    kiosk.tap(options(view)[0])
    assert records.tally(POLL, VENUE, 4) == [0, 0, 1, 0]
    assert view.state["voted"] == 2

    kiosk.tap_text("Back")      # the same visitor, back on the poll: still one vote
    view = open_exhibit(kiosk, POLL)
    kiosk.find_text("Thank you! Your vote has been counted.")
    assert all(bar.disabled for bar in options(view)) and options(view)[2].chosen
    kiosk.tap(options(view)[1])
    assert records.tally(POLL, VENUE, 4) == [0, 0, 1, 0]


def test_the_next_visitor_votes_again(fresh, records):
    kiosk = fresh
    start_visit(kiosk, "English")
    kiosk.tap(options(open_exhibit(kiosk, POLL))[1])
    kiosk.app.idle.reset_now()
    kiosk.settle()
    start_visit(kiosk, "Français")
    view = open_exhibit(kiosk, POLL)
    kiosk.find_text("Quelle alternative rejoindriez-vous en premier ?")
    assert not any(bar.disabled for bar in options(view))
    kiosk.tap(options(view)[1])
    assert records.tally(POLL, VENUE, 4) == [0, 2, 0, 0]
    kiosk.find_text("100\u202f%")   # French puts a (narrow, unbreakable) space before the sign


def test_votes_are_counted_per_venue(fresh, records):
    kiosk = fresh
    records.vote(POLL, 0, "Nantes, 3 avril")
    start_visit(kiosk, "English")
    view = open_exhibit(kiosk, POLL)
    kiosk.tap(options(view)[3])
    assert [bar.fraction for bar in options(view)] == [0, 0, 0, 1]


def test_group_mode_waits_for_the_facilitator(fresh, records):
    kiosk = fresh
    kiosk.app.facilitator.guided.group.active = True
    start_visit(kiosk, "English")
    view = open_exhibit(kiosk, POLL)
    kiosk.tap(options(view)[0])
    kiosk.find_text("Thank you! Your vote has been counted.")
    kiosk.find_text("Results will be shown by the facilitator.")
    assert records.tally(POLL, VENUE, 4) == [1, 0, 0, 0]
    assert not any(bar.results for bar in options(view))
    assert not [text for text in kiosk.visible_texts() if text.endswith("%")]

    view.reveal()
    kiosk.settle()
    kiosk.find_text("100%")
    assert [bar.fraction for bar in options(view)] == [1, 0, 0, 0]
    assert not [t for t in kiosk.visible_texts() if "shown by the facilitator" in t]

    kiosk.app.set_language("fr")   # the view is redrawn: the results stay revealed
    kiosk.settle()
    kiosk.find_text("100\u202f%")
    assert kiosk.app.facilitator.guided.group.is_revealed(POLL)

    view.hide()
    kiosk.settle()
    assert not any(bar.results for bar in options(view))
    kiosk.find_text(catalog("fr").gettext("Results will be shown by the facilitator."))


def keyboard_key(kiosk, view, key: str):
    keyboard = view.entry.ids.keyboard
    return next(w for w in kiosk.widgets(keyboard) if isinstance(w, KeyboardKey) and w.key == key)


def test_an_idea_waits_for_the_facilitator_then_goes_on_the_wall(fresh, records):
    kiosk = fresh
    start_visit(kiosk, "English")
    view = open_exhibit(kiosk, WALL)
    kiosk.find_text("Which alternative exists near you?")
    kiosk.find_text("No ideas on the wall yet")

    kiosk.tap(view.ids.add)
    kiosk.find_text("Your idea, for example")
    for character in "cafe velo":
        kiosk.tap(keyboard_key(kiosk, view, rules.SPACE if character == " " else character))
    assert view.entry.text == "cafe velo"
    kiosk.tap(next(chip for chip in view.ids.chips.children if chip.text == "mobility"))
    kiosk.tap(keyboard_key(kiosk, view, rules.SUBMIT))

    kiosk.find_text("Thank you! Your idea will appear once the facilitator has read it.")
    pending = records.ideas(WALL, venue=VENUE, status="pending")
    assert [(idea.text, idea.tags) for idea in pending] == [("cafe velo", ("mobilité",))]
    assert not [w for w in kiosk.widgets(view.ids.cards) if isinstance(w, IdeaCard)]
    assert not [text for text in kiosk.visible_texts() if "cafe velo" in text]

    panel = ModerationPanel(kiosk.app)
    Window.add_widget(panel)
    try:
        kiosk.settle()
        kiosk.find_text("cafe velo", root=panel)
        kiosk.find_text("mobility", root=panel)
        kiosk.tap(next(w for w in kiosk.widgets(panel) if getattr(w, "text", "") == "Show on the wall"))
        assert records.ideas(WALL, venue=VENUE, status="approved")[0].text == "cafe velo"
        kiosk.find_text("Nothing to read here.", root=panel)
    finally:
        Window.remove_widget(panel)
    kiosk.settle()
    view = kiosk.app.navigator.screen("exhibit").view
    kiosk.find_text("cafe velo", root=view.ids.cards)
    kiosk.find_text("mobility", root=view.ids.cards)
    assert not [text for text in kiosk.visible_texts() if "No ideas on the wall yet" in text]


def test_the_writing_panel_keeps_the_draft_across_a_language_switch(fresh, records):
    kiosk = fresh
    start_visit(kiosk, "Français")
    view = open_exhibit(kiosk, WALL)
    kiosk.tap(view.ids.add)
    for character in "jardin":
        kiosk.tap(keyboard_key(kiosk, view, character))
    kiosk.tap(next(chip for chip in view.ids.chips.children if chip.text == "alimentation"))
    kiosk.app.set_language("en")
    kiosk.settle()
    assert view.entry.text == "jardin" and view.state["tags"] == [0]
    assert next(chip for chip in view.ids.chips.children if chip.text == "food").selected
    kiosk.tap(view.ids.cancel)
    kiosk.find_text("No ideas on the wall yet")
    assert records.ideas() == []


def test_nothing_to_send_is_refused(fresh, records):
    kiosk = fresh
    start_visit(kiosk, "English")
    view = open_exhibit(kiosk, WALL)
    kiosk.tap(view.ids.add)
    kiosk.tap(keyboard_key(kiosk, view, rules.SUBMIT))
    kiosk.find_text("Write a few words or pick a theme first.")
    assert records.ideas() == []
    assert view.state["mode"] == "write"
