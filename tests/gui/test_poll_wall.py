"""Collective input in the real kiosk, with simulated touches: a poll and the wall of alternatives."""

from __future__ import annotations

from contextlib import contextmanager

import pytest
from kivy.core.window import Window

from kiosk.exhibit_types.wall.view import IdeaCard
from kiosk.gui.facilitator.moderation import ModerationPanel
from kiosk.gui.widgets.keyboard import KeyboardKey
from kiosk.i18n import catalog
from kiosk.records import RecordStore
from kiosk.render import typing_rules as rules
from kiosk.render.bidi import shape_line
from kiosk.render.keyboard_layouts import layout_for
from tests.gui.test_visitor_flow import NAMES, open_exhibit, start_visit

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
    kiosk.find_text("Thank you! Your choice: Cohousing, to live together differently")
    assert records.tally(POLL, VENUE, 4) == [0, 0, 1, 0]
    bars = options(view)
    assert [bar.fraction for bar in bars] == [0, 0, 1, 0]
    assert bars[2].chosen and all(bar.disabled for bar in bars)
    kiosk.find_text("100%")
    kiosk.find_text("Yours is the first vote here!")
    assert bars[2].percent == "100%" and bars[2].count == "1 vote" and bars[0].percent == "0%"
    kiosk.find_text("No answer is better than another")   # the explanation comes with the results

    kiosk.tap(options(view)[2])   # a second quick tap, then another answer: nothing changes
    kiosk.tap(options(view)[0])
    assert records.tally(POLL, VENUE, 4) == [0, 0, 1, 0]
    assert view.state["voted"] == 2

    kiosk.tap_text("Back")      # the same visitor, back on the poll: still one vote
    view = open_exhibit(kiosk, POLL)
    kiosk.find_text("Thank you! Your choice: Cohousing")
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
    kiosk.find_text("Thank you! Your choice: An AMAP")
    kiosk.find_text("Results will be shown by the facilitator.")
    assert options(view)[0].tag == "Your choice" and options(view)[0].mark == "circle-check", "marked while waiting too"
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

    kiosk.find_text("Thank you!")
    kiosk.find_text("Your idea will appear on the wall once the facilitator has read it.")
    assert not [text for text in kiosk.visible_texts() if "No ideas on the wall yet" in text], "one message, not two"
    pending = records.ideas(WALL, venue=VENUE, status="pending")
    assert [(idea.text, idea.tags) for idea in pending] == [("cafe velo", ("mobilité",))]
    assert not [w for w in kiosk.widgets(view.ids.cards) if isinstance(w, IdeaCard)]
    assert not [text for text in kiosk.visible_texts() if "cafe velo" in text]

    kiosk.app.facilitator_language.use("en")   # the moderation panel speaks the facilitator's language
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
        kiosk.app.facilitator_language.use(kiosk.app.settings.facilitator_language)
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


def test_the_empty_wall_invites_the_first_idea_with_one_message(fresh, records):
    kiosk = fresh
    start_visit(kiosk, "English")
    view = open_exhibit(kiosk, WALL)
    kiosk.find_text("No ideas on the wall yet")
    kiosk.find_text("Be the first")
    notice = view.ids.notice
    assert notice.alone and notice.icon_name and notice.opacity == 1
    assert not view.ids.cards.children
    x, y = notice.ids.card.to_window(*notice.ids.card.center)
    host = view.to_window(*view.center)
    assert abs(x - host[0]) < 2 and abs(y - host[1]) < view.height * 0.2, "in the middle of the wall, not in a corner"


def send_idea(kiosk, language: str, idea: str):
    """A visitor in ``language`` types ``idea`` on the wall's keyboard and sends it; returns the wall's view."""
    start_visit(kiosk, language)
    view = open_exhibit(kiosk, WALL)
    kiosk.tap(view.ids.add)
    for character in idea:
        kiosk.tap(keyboard_key(kiosk, view, character))
    kiosk.tap(keyboard_key(kiosk, view, rules.SUBMIT))
    return view


def test_after_sending_only_the_thanks_show(fresh, records):
    kiosk = fresh
    view = send_idea(kiosk, "Français", "velo")
    thanks = catalog("fr").gettext("Your idea will appear on the wall once the facilitator has read it.")
    empty = catalog("fr").gettext("No ideas on the wall yet")
    kiosk.find_text(thanks)
    assert not [text for text in kiosk.visible_texts() if empty in text]
    records.moderate(records.ideas(WALL, venue=VENUE)[0].id, "approved")
    view.refresh()                                  # the wall now has an idea: the thanks stay above it
    kiosk.settle()
    kiosk.find_text(thanks)
    kiosk.find_text("velo", root=view.ids.cards)
    assert not view.ids.notice.alone


def test_an_unreadable_wall_says_so(fresh, records):
    kiosk = fresh
    start_visit(kiosk, "English")
    records.close()                                 # reading the ideas now fails
    view = open_exhibit(kiosk, WALL)
    kiosk.find_text("The wall cannot be shown just now")
    assert not [text for text in kiosk.visible_texts() if "No ideas on the wall yet" in text]
    assert view.ids.add.opacity == 1


@pytest.mark.parametrize("language", ["Français", "English", "Nederlands", "Deutsch", "Español", "العربية"])
def test_each_language_starts_on_its_keyboard(fresh, records, language):
    kiosk = fresh
    start_visit(kiosk, language)
    view = open_exhibit(kiosk, WALL)
    kiosk.tap(view.ids.add)
    keyboard = view.entry.ids.keyboard
    expected = layout_for(NAMES[language])
    assert keyboard.layout == expected.name
    shown = {w.key for w in kiosk.widgets(keyboard) if isinstance(w, KeyboardKey)}
    assert set(expected.keys("letters")) == shown


def test_the_keyboard_follows_a_language_switch_and_keeps_a_choice(fresh, records):
    kiosk = fresh
    start_visit(kiosk, "Français")
    view = open_exhibit(kiosk, WALL)
    kiosk.tap(view.ids.add)
    kiosk.app.set_language("ar")
    kiosk.settle()
    keyboard = view.entry.ids.keyboard
    assert keyboard.layout == "ar"
    kiosk.tap(keyboard_key(kiosk, view, rules.LAYOUT))
    kiosk.tap(keyboard_key(kiosk, view, "es"))
    kiosk.tap(view.ids.cancel)
    kiosk.tap(view.ids.add)
    assert view.entry.ids.keyboard.layout == "es", "the visitor's own choice stays"


def test_vote_counts_are_plural_forms(fresh, records):
    kiosk = fresh
    records.vote(POLL, 0, VENUE)
    records.vote(POLL, 0, VENUE)
    records.vote(POLL, 1, VENUE)
    start_visit(kiosk, "English")
    view = open_exhibit(kiosk, POLL)
    kiosk.tap(options(view)[3])
    assert [bar.count for bar in options(view)] == ["2 votes", "1 vote", "0 votes", "1 vote"]
    kiosk.find_text(f"4 votes so far · {VENUE}")
    assert not [text for text in kiosk.visible_texts() if "first vote" in text], "not the first: the venue's total"
    kiosk.app.set_language("ar")
    kiosk.settle()
    counts = [bar.count for bar in options(view)]
    assert counts == ["صوتان", "صوت واحد", "لا أصوات", "صوت واحد"], "Arabic's dual, singular and zero forms"
    kiosk.find_text(shape_line("صوتان"))


def test_poll_bars_run_right_to_left_in_arabic(fresh, records):
    kiosk = fresh
    records.vote(POLL, 0, VENUE)
    start_visit(kiosk, "العربية")
    view = open_exhibit(kiosk, POLL)
    kiosk.tap(options(view)[1])
    rows = options(view)
    half = rows[0]
    assert half.fraction == 0.5
    track = half.ids.track
    left, right = track.to_window(track.x, 0)[0], track.to_window(track.right, 0)[0]
    bar_left = track.to_window(half.bar_x, 0)[0]
    assert abs(bar_left + half.bar_width - right) < 1, "the bar starts at the right end of its track"
    assert abs(bar_left - (left + right) / 2) < 1, "and grows to the left"
    label, figures = half.ids.label, half.ids.figures
    assert label.to_window(*label.pos)[0] > figures.to_window(*figures.pos)[0], "the answer on the right, the figures left"
    mark = rows[1].ids.mark   # the visitor's answer: its tick leads from the right
    assert mark.to_window(*mark.pos)[0] > rows[1].ids.label.to_window(*rows[1].ids.label.pos)[0]
    assert label.halign in ("auto", "right") and label.base_direction == "rtl"


def test_the_gap_between_answers_is_a_target(fresh, records):
    kiosk = fresh
    start_visit(kiosk, "English")
    view = open_exhibit(kiosk, POLL)
    first, second = options(view)[:2]
    x = first.to_window(*first.center)[0]
    gap_y = (first.to_window(0, first.y)[1] + second.to_window(0, second.top)[1]) / 2
    kiosk.tap_at(x, gap_y)
    assert view.state.get("voted") in (0, 1), "a touch between two answers chooses one of them"


def test_typing_takes_the_whole_exhibit_and_the_way_on_comes_back_after(fresh, records):
    kiosk = fresh
    start_visit(kiosk, "English")
    view = open_exhibit(kiosk, WALL)
    screen = kiosk.app.navigator.screen("exhibit")
    assert screen.ids.footer.parent is not None and screen.ids.qr_column.children
    kiosk.tap(view.ids.add)
    kiosk.settle()
    assert screen.ids.footer.parent is None, "no hidden 'next' button under the keyboard's last row"
    assert not screen.ids.qr_column.children, "the QR codes make room for the keyboard"
    send = keyboard_key(kiosk, view, rules.SUBMIT)
    top_bar_bottom = screen.ids.back.to_window(screen.ids.back.x, screen.ids.back.y)[1]
    prompt = view.ids.write_prompt
    assert prompt.to_window(prompt.x, prompt.top)[1] <= top_bar_bottom + 1, "the question stays under the top bar"
    assert send.to_window(send.x, send.y)[1] >= 0, "the keyboard is whole on screen"
    kiosk.tap(view.ids.cancel)
    kiosk.settle()
    assert screen.ids.footer.parent is not None and screen.ids.qr_column.children, "the way on and the codes are back"


def window_box(widget):
    (left, bottom), (right, top) = widget.to_window(widget.x, widget.y), widget.to_window(widget.right, widget.top)
    return left, bottom, right, top


@contextmanager
def screen_size(kiosk, size):
    """The window at ``size`` for the block, back to 1920×1080 after it."""
    Window.size = size
    try:
        kiosk.settle()
        yield
    finally:
        Window.size = (1920, 1080)
        kiosk.settle()


def test_after_a_vote_the_explanation_is_whole_on_a_small_arabic_screen(fresh, records):
    kiosk = fresh
    with screen_size(kiosk, (1280, 800)):
        start_visit(kiosk, "العربية")
        view = open_exhibit(kiosk, POLL)
        kiosk.tap(options(view)[1])
        kiosk.settle()
        explanation, scroll = view.ids.explanation, view.ids.scroll
        assert explanation.parent is not None and explanation.texture_size[1] > 0
        left, bottom, right, top = window_box(explanation)
        s_left, s_bottom, s_right, s_top = window_box(scroll)
        assert s_bottom - 1 <= bottom and top <= s_top + 1, "the explanation is inside the poll, no scroll needed"
        assert 0 <= bottom and top <= Window.height
        assert view.compact and all(row.compact for row in options(view))


def test_portrait_poll_has_its_picture_above_the_question_and_no_blank(fresh, records):
    kiosk = fresh
    with screen_size(kiosk, (1080, 1920)):
        start_visit(kiosk, "Français")
        view = open_exhibit(kiosk, POLL)
        kiosk.settle()
        assert view.pictured and view.ids.aside.parent is view
        figure = view.ids.aside.children[0]
        assert figure.opacity == 1 and figure.children[-1].height > view.height * 0.2, "a picture, not a thumbnail"
        question = view.ids.question
        assert window_box(figure)[1] >= window_box(question)[3], "the picture stands above the question"
        last = options(view)[-1]
        assert window_box(last)[1] - window_box(view)[1] < view.ctx.theme.touch, "the answers reach the bottom"
        kiosk.tap(options(view)[0])
        kiosk.settle()
        assert window_box(view.ids.explanation)[1] >= window_box(view)[1] - 1, "the results and their explanation fit"


def test_portrait_arabic_writing_fills_the_screen_and_keeps_every_letter_whole(fresh, records):
    kiosk = fresh
    with screen_size(kiosk, (1080, 1920)):
        start_visit(kiosk, "العربية")
        view = open_exhibit(kiosk, WALL)
        kiosk.tap(view.ids.add)
        kiosk.settle()
        gap = view.ctx.theme.pad
        panel, header = view.ids.write_panel, view.ids.write_header
        assert window_box(panel)[3] - window_box(header)[3] < gap, "the question right under the top bar"
        assert window_box(view.ids.chips)[1] - window_box(view.entry)[3] < gap, "the writing area right under the tags"
        assert window_box(view.entry)[1] - window_box(panel)[1] < gap, "the keyboard at the bottom, within reach"
        keys = [w for w in kiosk.widgets(view.entry.ids.keyboard) if isinstance(w, KeyboardKey) and not w.is_word]
        assert {k.key for k in keys} >= {"ض", "ش", "ص"}
        for key in keys:
            assert key.texture_size[0] <= key.width and key.texture_size[1] <= key.height, (key.key, key.texture_size, key.size)


def test_before_a_vote_every_answer_is_a_radio_row_beside_the_picture(fresh, records):
    kiosk = fresh
    start_visit(kiosk, "Français")
    view = open_exhibit(kiosk, POLL)
    kiosk.find_text(catalog("fr").gettext("Touch your answer."))
    theme, rows = view.ctx.theme, options(view)
    for row in rows:
        assert row.mark == "circle" and row.ids.mark.opacity == 1, "a radio circle, like the quiz's answers"
        assert row.height >= theme.touch and row.width == view.ids.options.width, "the whole row is the target"
    assert view.sided and view.pictured, "landscape: the poll's picture beside the answers, no empty stage"
    figure = view.ids.aside.children[0]
    assert figure.opacity == 1 and figure.children[-1].height > view.height * 0.3, "a picture, not a thumbnail"
    assert window_box(figure)[0] >= window_box(rows[0])[2], "beside the answers, after them in reading order"


def test_after_a_vote_the_thanks_name_the_choice_and_its_row_is_marked(fresh, records):
    kiosk = fresh
    fr = catalog("fr")
    start_visit(kiosk, "Français")
    view = open_exhibit(kiosk, POLL)
    kiosk.tap(options(view)[3])
    choice = "Une coopérative, pour travailler sans patron"
    kiosk.find_text(fr.gettext("Thank you! Your choice: {choice}").format(choice=choice))
    texts = kiosk.visible_texts()
    assert not [text for text in texts if fr.gettext("Touch your answer.") in text], "the thanks replace the invitation"
    assert not [text for text in texts if fr.gettext("No votes yet: be the first!") in text], "their own vote counts"
    kiosk.find_text(fr.gettext("Yours is the first vote here!"))
    rows = options(view)
    mine, others = rows[3], rows[:3]
    assert mine.chosen and mine.mark == "circle-check" and mine.ids.mark.opacity == 1, "a tick on the chosen answer"
    kiosk.find_text(fr.gettext("Your choice"), root=mine)
    assert all(row.background != mine.background and not row.mark for row in others), "tinted: not colour alone"
    kiosk.find_text("100\u202f%", root=mine)
    for row in rows:
        track = row.ids.track
        assert track.opacity == 1 and track.height > 0 and track.width > row.width * 0.4, "every bar has its track"
    assert mine.bar_width == pytest.approx(mine.ids.track.width) and others[0].bar_width == 0
    assert not view.pictured and all(row.width == view.ids.options.width for row in rows), "the results take the width"


def test_no_votes_yet_never_shows_after_a_vote_even_when_the_records_fail(fresh, records):
    kiosk = fresh
    start_visit(kiosk, "English")
    view = open_exhibit(kiosk, POLL)
    records.close()                                 # the vote cannot be stored, the tally cannot be read
    kiosk.tap(options(view)[0])
    kiosk.find_text("Thank you! Your choice: An AMAP")
    assert not [text for text in kiosk.visible_texts() if "No votes yet" in text]
    kiosk.find_text("Yours is the first vote here!")
    assert options(view)[0].percent == "100%"


def test_the_snapshot_of_the_results_shows_a_vote_without_recording_it(fresh, records):
    kiosk = fresh
    start_visit(kiosk, "English")
    view = open_exhibit(kiosk, POLL)
    view.show_step(1)
    kiosk.settle()
    kiosk.find_text("Thank you! Your choice: An AMAP")
    assert options(view)[0].chosen and options(view)[0].percent == "100%"
    assert records.tally(POLL, VENUE, 4) == [0, 0, 0, 0]
    view.show_step(0)
    kiosk.settle()
    kiosk.find_text("Touch your answer.")
    assert not any(row.results or row.chosen for row in options(view))


def invitation_fills_the_wall(view) -> None:
    notice, add = view.ids.notice, view.ids.add
    card = notice.ids.card
    assert notice.alone and add.parent is notice.ids.action.__self__, "the write button stands in the invitation"
    assert add.height >= view.ctx.theme.touch and add.opacity == 1
    figure = notice.ids.aside.children[0]
    assert figure.opacity == 1 and figure.children[-1].height > card.height * 0.3, "the wall's picture"
    panel = view.ids.wall_panel
    left, bottom, right, top = window_box(card)
    p_left, p_bottom, p_right, p_top = window_box(panel)
    header = view.ids.wall_header.height + panel.spacing
    assert (top - bottom) >= (p_top - p_bottom - header) * 0.95 and (right - left) >= (p_right - p_left) * 0.95, \
        "no dead area around the invitation"


@pytest.mark.parametrize("size", [(1920, 1080), (1080, 1920)])
def test_the_empty_wall_is_one_invitation_with_its_picture_and_the_button(fresh, records, size):
    kiosk = fresh
    with screen_size(kiosk, size):
        start_visit(kiosk, "Français")
        view = open_exhibit(kiosk, WALL)
        kiosk.settle()
        kiosk.find_text(catalog("fr").gettext("No ideas on the wall yet"))
        invitation_fills_the_wall(view)
        figure, words = view.ids.notice.ids.aside.children[0], view.ids.notice.ids.words
        if size[0] > size[1]:
            assert window_box(figure)[2] <= window_box(words)[0], "landscape: the picture beside the message"
        else:
            assert window_box(figure)[1] >= window_box(words)[3], "portrait: the picture above the message"
        kiosk.tap(view.ids.add)
        assert view.state["mode"] == "write"


def test_after_sending_on_an_empty_wall_only_the_thanks_show_with_the_button(fresh, records):
    kiosk = fresh
    view = send_idea(kiosk, "العربية", "ساحة")
    ar = catalog("ar")
    kiosk.find_text(shape_line(ar.gettext("Thank you!")))
    assert not [text for text in kiosk.visible_texts() if shape_line(ar.gettext("No ideas on the wall yet")) in text]
    invitation_fills_the_wall(view)
    figure, words = view.ids.notice.ids.aside.children[0], view.ids.notice.ids.words
    assert window_box(figure)[0] >= window_box(words)[2], "right to left: the picture first, on the right"


def test_the_wall_asks_for_no_names_while_the_visitor_types_not_only_before(fresh):
    """The request was in the empty field's grey hint, gone at the first letter: it now stays under the text."""
    kiosk = fresh
    start_visit(kiosk, "English")
    view = open_exhibit(kiosk, WALL)
    kiosk.tap(view.ids.add)
    kiosk.find_text("Your idea, for example: a shared garden in my street.")
    for character in "cafe":
        kiosk.tap(keyboard_key(kiosk, view, character))
    assert view.entry.text == "cafe"
    texts = kiosk.visible_texts()
    assert not [t for t in texts if "shared garden" in t], "the example goes once the visitor writes"
    kiosk.find_text("It will be shown on the wall: please write no names.")
    note, counter = view.entry.ids.note, view.entry.ids.counter
    assert abs(note.center_y - counter.center_y) < note.height, "on the counter's line"
    assert note.right <= counter.x, "at the line's start, the counter at its end"
