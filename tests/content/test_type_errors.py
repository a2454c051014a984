"""Type-specific checks (quiz, timeline, compare, gallery) and the plain-Python models."""

from __future__ import annotations

import pytest

from kiosk.content.loader import load_content
from kiosk.exhibit_types.timeline.model import TimelineDate
from tests.conftest import findings_for, only

CASES = [
    ("quiz-no-correct", 7, "'correct' is missing in questions[1]"),
    ("quiz-out-of-range", 9, "answer 5 does not exist (this question has 3 answers)"),
    ("quiz-one-answer", 8, "'questions[1].answers' has 1 item(s); it needs between 2 and 6"),
    ("quiz-pass-mark", 11, "pass_mark is 3 but the quiz has only 1 question(s)"),
    ("timeline-bad-date", 9, "'18x4' is not a date"),
    ("timeline-backwards-range", 9, "the range '1945/1939' ends before it starts"),
    ("timeline-bad-month", 9, "'1901-13' has no month 13"),
    ("compare-no-right", 1, "'right' is missing"),
    ("gallery-one-image", 7, "a gallery needs at least 2 images (it has 1)"),
]


@pytest.mark.parametrize("case, line, message", CASES)
def test_type_error(root, case, line, message):
    content = load_content(root("type-errors"))
    error = only(findings_for(content, case))
    assert message in error.message
    assert error.line == line
    assert error.hint or case.startswith("quiz-one")


def test_quiz_model_counts_from_zero(root):
    quiz = next(m for m in load_content(root("base")).exhibits if m.id == "quiz-ok").details
    first, second = quiz.questions
    assert first.is_correct(1) and not first.is_correct(0)
    assert second.correct == frozenset({0, 1})
    assert second.answers[0].get("en") == "1844"
    assert quiz.pass_mark == 1 and quiz.passed(1) and not quiz.passed(0)


def test_timeline_sorted_by_date_with_ranges_and_negative_years(root):
    timeline = next(m for m in load_content(root("base")).exhibits if m.id == "timeline-ok").details
    assert [e.date.text for e in timeline.events] == ["-500", "1844-12-21", "1901", "1939/1945"]
    assert timeline.events[-1].date.is_range
    assert timeline.events[0].image.file == "old.png"
    assert timeline.span == (-500, 1945)


def test_timeline_manual_order_is_kept(root):
    folder = root("base") / "timeline-ok"
    manifest = folder / "exhibit.yaml"
    manifest.write_text(manifest.read_text() + "sort: manual\n")
    timeline = next(m for m in load_content(folder.parent).exhibits if m.id == "timeline-ok").details
    assert [e.date.text for e in timeline.events] == ["1901", "1844-12-21", "1939/1945", "-500"]


@pytest.mark.parametrize("text, start, end", [
    ("1844", (1844, 1, 1), (1844, 12, 31)),
    ("1900-02", (1900, 2, 1), (1900, 2, 28)),
    ("2000-02", (2000, 2, 1), (2000, 2, 29)),
    ("1789-07-14", (1789, 7, 14), (1789, 7, 14)),
    ("1939/1945-05-08", (1939, 1, 1), (1945, 5, 8)),
])
def test_timeline_dates(text, start, end):
    date = TimelineDate.parse(text)
    assert (date.start, date.end) == (start, end)


@pytest.mark.parametrize("text", ["", "18x4", "1901-02-30", "1901/", "1901-00", "abc/1902"])
def test_timeline_bad_dates(text):
    with pytest.raises(ValueError):
        TimelineDate.parse(text)


def test_compare_model(root):
    compare = next(m for m in load_content(root("base")).exhibits if m.id == "compare-ok").details
    assert compare.mode == "toggle"
    assert compare.left.image.alt.get("en") == "Left." and compare.right.image is None
    assert compare.prompt.get("fr") == "Quelle différence ?"
