"""The quiz's end-screen verdict and how each answer row looks (no window needed)."""

from __future__ import annotations

from kiosk.content.text import LocalizedText
from kiosk.exhibit_types.quiz.model import Question, Quiz, answer_status, verdict


def text(value: str) -> LocalizedText:
    return LocalizedText({"en": value})


QUESTION = Question(text("Q?"), (text("a"), text("b"), text("c")), frozenset({1}), text("Because."))
QUIZ = Quiz(questions=(QUESTION,) * 4, pass_mark=2)


def test_verdict():
    assert verdict(4, QUIZ) == "perfect"
    assert verdict(3, QUIZ) == "passed"
    assert verdict(2, QUIZ) == "passed"
    assert verdict(1, QUIZ) == "explore"
    assert verdict(0, Quiz(questions=(QUESTION,), pass_mark=0)) == "passed"


def test_answer_status():
    assert [answer_status(i, QUESTION, None) for i in range(3)] == ["open"] * 3
    assert [answer_status(i, QUESTION, 0) for i in range(3)] == ["wrong", "right", "other"]
    assert [answer_status(i, QUESTION, 1) for i in range(3)] == ["other", "right", "other"]
