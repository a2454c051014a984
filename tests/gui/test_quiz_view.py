"""The quiz as a visitor uses it: whole answer rows, answers that keep their place, verdicts by icon and word."""

from __future__ import annotations

import pytest
from kivy.uix.image import Image

from tests.gui.test_reading_views import SIZES, sized  # noqa: F401  (a fixture)
from tests.gui.test_visitor_flow import open_exhibit, start_visit


def rows(view) -> list:
    return list(reversed(view.ids.answers.children))   # in reading order


def test_a_tap_in_the_gap_between_two_answers_selects_one(fresh):
    kiosk = fresh
    start_visit(kiosk, "English")
    view = open_exhibit(kiosk, "limites-quiz")
    first, second = rows(view)[:2]
    bottom_of_first_card = first.to_window(first.x, first.y + first.gap / 2)[1]
    top_of_second_card = second.to_window(second.x, second.top - second.gap / 2)[1]
    assert top_of_second_card < bottom_of_first_card, "the answers look like separate cards"
    x = first.to_window(*first.center)[0]
    kiosk.tap_at(x, (bottom_of_first_card + top_of_second_card) / 2)
    assert view.progress.chosen in (0, 1)


def test_answers_keep_their_place_for_a_short_and_a_long_question(fresh):
    kiosk = fresh
    start_visit(kiosk, "English")
    view = open_exhibit(kiosk, "origines-quiz")
    questions = view.manifest.details.questions
    lengths = [len(q.question.get("en")) for q in questions]
    places = {}
    for index in (lengths.index(min(lengths)), lengths.index(max(lengths))):
        view.show_step(index)
        kiosk.settle()
        question, first = view.ids.question, rows(view)[0]
        assert question.text and question.y >= view.ids.question_zone.y - 1, "the question fits its zone"
        places[index] = first.to_window(first.x, first.top)
    short, long = places.values()
    assert short == pytest.approx(long, abs=1)
    view.progress.restart()


def test_right_and_wrong_are_shown_by_an_icon_and_a_word(fresh):
    kiosk = fresh
    start_visit(kiosk, "English")
    view = open_exhibit(kiosk, "origines-quiz")
    theme, tr = view.ctx.theme, view.ctx.gettext
    question = view.manifest.details.questions[0]
    kiosk.tap(rows(view)[min(question.correct)])
    assert view.ids.verdict_icon.name == "circle-check" and view.ids.verdict_icon.color == theme.success
    assert kiosk.find_text("Right!").color == theme.success
    kiosk.tap(view.ids.action)
    question = view.manifest.details.questions[1]
    wrong = next(i for i in range(len(question.answers)) if i not in question.correct)
    kiosk.tap(rows(view)[wrong])
    assert view.ids.verdict_icon.name == "circle-x" and view.ids.verdict_icon.color == theme.danger
    assert kiosk.find_text("Not quite.").color == theme.danger
    chosen, right = rows(view)[wrong], rows(view)[min(question.correct)]
    assert (chosen.status, chosen.tag) == ("wrong", tr("Your answer"))
    assert (right.status, right.tag) == ("right", tr("The right answer"))
    icons = {row.status: next(w for w in row.children if hasattr(w, "mirror")).name for row in rows(view)}
    assert icons["wrong"] == "circle-x" and icons["right"] == "circle-check"
    view.progress.restart()


def test_the_end_screen_gives_the_score_each_mark_and_a_way_to_play_again(fresh):
    kiosk = fresh
    start_visit(kiosk, "English")
    view = open_exhibit(kiosk, "alternatives-quiz")
    questions = view.manifest.details.questions
    for number, question in enumerate(questions):
        answer = min(question.correct) if number else next(i for i in range(9) if i not in question.correct)
        kiosk.tap(rows(view)[answer])
        kiosk.tap(view.ids.action)
    kiosk.find_text(f"You got {len(questions) - 1} out of {len(questions)}")
    marks = list(reversed(view.ids.marks.children))
    assert [m.correct for m in marks] == [False] + [True] * (len(questions) - 1)
    assert [m.children[-1].name for m in marks][:2] == ["circle-x", "circle-check"]
    assert [m.number for m in marks] == [str(n) for n in range(1, len(questions) + 1)]
    assert view.ids.sentence.text
    kiosk.find_text("Touch a result to see its question again")

    # a result touched: its question again, answered, its explanation; then straight back to the score
    kiosk.tap(list(reversed(view.ids.marks.children))[0])   # as drawn now (the end screen lays itself out again)
    kiosk.find_text(f"Question 1 of {len(questions)}")
    kiosk.find_text("Not quite.")
    kiosk.find_text(view.text(questions[0].explanation)[:40])
    assert view.ids.action.text == "Back to my score"
    kiosk.tap(view.ids.action)
    kiosk.find_text(f"You got {len(questions) - 1} out of {len(questions)}")
    assert view.progress.score == len(questions) - 1, "looking again changes no answer"

    kiosk.tap_text("Play again")
    kiosk.find_text(f"Question 1 of {len(questions)}")
    kiosk.tap(rows(view)[min(questions[0].correct)])
    assert view.ids.action.text == "Next question", "a new round goes on question after question"


def test_progress_runs_right_to_left_in_arabic(fresh):
    kiosk = fresh
    start_visit(kiosk, "العربية")
    view = open_exhibit(kiosk, "espoirs-quiz")
    steps = view._steps
    assert steps[0].current
    assert steps[0].to_window(*steps[0].pos)[0] > steps[-1].to_window(*steps[-1].pos)[0]
    label = view.ids.progress
    assert label.to_window(*label.pos)[0] > steps[0].to_window(*steps[0].pos)[0], "the words come first, on the right"
    row = rows(view)[0]
    icon = next(w for w in row.children if hasattr(w, "mirror"))
    assert icon.to_window(*icon.pos)[0] > row.to_window(*row.center)[0], "an answer's mark is at its start, the right"


def on_screen(widget) -> tuple[float, float, float, float]:
    """The widget's box in window coordinates: left, bottom, right, top."""
    left, bottom = widget.to_window(widget.x, widget.y)
    return left, bottom, left + widget.width, bottom + widget.height


@pytest.mark.parametrize("sized", SIZES, indirect=True, ids=["1920", "1280", "portrait"])
def test_before_the_first_answer_the_card_shows_the_quiz_picture_and_the_invitation(sized):
    kiosk = sized
    start_visit(kiosk, "Français")
    view = open_exhibit(kiosk, "origines-quiz")
    card = view.ids.card
    kiosk.find_text(view.ctx.gettext("Touch your answer."), root=card)
    picture = next(w for w in kiosk.widgets(card) if isinstance(w, Image) and w.texture is not None)
    assert picture.opacity == 1 and picture.get_root_window() is not None
    left, bottom, right, top = on_screen(picture)
    card_left, card_bottom, card_right, card_top = on_screen(card)
    assert card_left - 1 <= left and right <= card_right + 1 and card_bottom - 1 <= bottom and top <= card_top + 1
    shown_width, shown_height = picture.norm_image_size
    assert shown_width * shown_height >= card.width * card.height * 0.3, "the picture fills the card"
    if view.portrait:   # the card takes the room under the answers: no dead area under it
        screen_bottom = on_screen(view)[1]
        assert card_bottom - screen_bottom <= view.ctx.theme.pad * 2
        assert shown_width >= card.width * 0.6
    kiosk.tap(rows(view)[0])
    kiosk.find_text(view.ctx.gettext("Next question"), root=card)
    pictures = [w for w in kiosk.widgets(card) if isinstance(w, Image) and w.opacity > 0]
    if view.portrait:         # the picture stays in the room the verdict leaves, under the way on
        assert all(on_screen(w)[3] <= on_screen(view.ids.action)[1] for w in pictures)
    else:
        assert not pictures, "the verdict takes the picture's place"
    view.progress.restart()
