"""The ``quiz`` type: questions answered one at a time, with an explanation after each.

Example::

    type: quiz
    questions:
      - question: {fr: En quelle année est née la première AMAP ?, en: When was the first AMAP born?}
        answers: ["1971", "2001", "2014"]
        correct: 2                   # counting from 1; or a list: [1, 3]
        explanation: {fr: ..., en: ...}
    pass_mark: 3                     # optional: right answers for a "well done"

The model counts answers from 0, as Python does; curators count from 1.
"""

from __future__ import annotations

from dataclasses import dataclass

from kiosk.content.spec import Context, Field, ListKind, NumberKind, ObjectKind, TextKind
from kiosk.content.text import LocalizedText

MAX_ANSWERS = 6
MAX_QUESTIONS = 20


def _check_correct(values: dict, path: tuple, ctx: Context) -> None:
    answers, correct = values.get("answers"), values.get("correct")
    if not isinstance(answers, list) or not isinstance(correct, list):
        return
    for i, number in enumerate(correct):
        if isinstance(number, int) and number > len(answers):
            ctx.error(path + ("correct", i) if len(correct) > 1 else path + ("correct",),
                      f"answer {number} does not exist (this question has {len(answers)} answers)",
                      f"'correct' counts answers from 1 to {len(answers)}")
    if len(set(correct)) != len(correct):
        ctx.error(path + ("correct",), "the same answer is marked correct twice", "list each right answer once")


QUESTION = ObjectKind("question", (
    Field("question", TextKind(max_length=300), required=True),
    Field("answers", ListKind(TextKind(max_length=160), min_items=2, max_items=MAX_ANSWERS), required=True),
    Field("correct", ListKind(NumberKind(1, MAX_ANSWERS), min_items=1, max_items=MAX_ANSWERS, single_ok=True),
          required=True, doc="The number of the right answer, counting from 1, or a list of them."),
    Field("explanation", TextKind(max_length=600), required=True, doc="Shown after the visitor answers."),
), after=_check_correct)

FIELDS = (
    Field("questions", ListKind(QUESTION, min_items=1, max_items=MAX_QUESTIONS), required=True),
    Field("pass_mark", NumberKind(0, MAX_QUESTIONS), doc="How many right answers make a 'well done'."),
)


@dataclass(frozen=True)
class Question:
    question: LocalizedText
    answers: tuple[LocalizedText, ...]
    correct: frozenset[int]  # indexes counted from 0
    explanation: LocalizedText

    def is_correct(self, answer: int) -> bool:
        return answer in self.correct


@dataclass(frozen=True)
class Quiz:
    questions: tuple[Question, ...]
    pass_mark: int

    def passed(self, score: int) -> bool:
        return score >= self.pass_mark


def check(values: dict, ctx: Context) -> None:
    questions, pass_mark = values.get("questions"), values.get("pass_mark")
    if isinstance(questions, list) and isinstance(pass_mark, int) and pass_mark > len(questions):
        ctx.error(("pass_mark",), f"pass_mark is {pass_mark} but the quiz has only {len(questions)} question(s)",
                  f"use a number from 0 to {len(questions)}")


def build(values: dict) -> Quiz:
    questions = tuple(
        Question(q["question"], tuple(q["answers"]), frozenset(n - 1 for n in q["correct"]), q["explanation"])
        for q in values["questions"]
    )
    pass_mark = values["pass_mark"]
    if pass_mark is None:
        pass_mark = (len(questions) + 1) // 2
    return Quiz(questions, pass_mark)


class QuizProgress:
    """A visitor's way through a quiz, kept in a plain dict (the visitor session's state).

    >>> progress = QuizProgress(quiz, state={})
    >>> progress.answer(1)          # True when answer 1 (counting from 0) is right
    >>> progress.next()             # to the next question, or to the score
    """

    def __init__(self, quiz: Quiz, state: dict):
        self.quiz = quiz
        self.state = state
        state.setdefault("question", 0)
        state.setdefault("answers", {})  # question index (as text) → chosen answer index

    @property
    def index(self) -> int:
        return self.state["question"]

    @property
    def question(self) -> Question | None:
        return None if self.finished else self.quiz.questions[self.index]

    @property
    def finished(self) -> bool:
        return self.index >= len(self.quiz.questions)

    @property
    def chosen(self) -> int | None:
        return self.state["answers"].get(str(self.index))

    def answer(self, choice: int) -> bool:
        """Record the first answer to the current question; later taps change nothing."""
        if self.finished:
            return False
        self.state["answers"].setdefault(str(self.index), choice)
        return self.question.is_correct(self.chosen)

    def next(self) -> None:
        if self.chosen is not None and not self.finished:
            self.state["question"] += 1

    @property
    def score(self) -> int:
        return sum(1 for key, choice in self.state["answers"].items()
                   if self.quiz.questions[int(key)].is_correct(choice))

    def restart(self) -> None:
        self.state["question"] = 0
        self.state["answers"] = {}

    def go_to(self, index: int) -> None:
        self.state["question"] = max(0, min(index, len(self.quiz.questions)))


def verdict(score: int, quiz: Quiz) -> str:
    """How the end screen speaks to the visitor: ``"perfect"``, ``"passed"`` or ``"explore"``."""
    if score >= len(quiz.questions):
        return "perfect"
    return "passed" if quiz.passed(score) else "explore"


def answer_status(index: int, question: Question, chosen: int | None) -> str:
    """How an answer row looks: ``"open"`` before answering, then ``"right"``, ``"wrong"`` (the
    visitor's wrong choice) or ``"other"`` (a wrong answer nobody chose)."""
    if chosen is None:
        return "open"
    if question.is_correct(index):
        return "right"
    return "wrong" if index == chosen else "other"
