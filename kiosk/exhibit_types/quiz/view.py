"""The ``quiz`` view: one question at a time, feedback with the explanation, a score, and "play again"."""

from __future__ import annotations

from pathlib import Path

from kivy.lang import Builder

from kiosk.events import QuizAnswered
from kiosk.exhibit_types.quiz.model import QuizProgress
from kiosk.gui.theme import rgba
from kiosk.gui.widgets.exhibit_view import ExhibitView
from kiosk.gui.widgets.widgets import KioskButton

Builder.load_file(str(Path(__file__).with_name("quiz.kv")))
RIGHT, WRONG = "#2E6B3F", "#8C2F39"


class QuizView(ExhibitView):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.progress = QuizProgress(self.manifest.details, self.state)

    @classmethod
    def step_count_for(cls, manifest) -> int:
        return len(manifest.details.questions) + 1  # every question, then the score

    def show_step(self, index: int) -> None:
        self.progress.go_to(index)
        self.refresh()

    def refresh(self) -> None:
        if self.progress.finished:
            self._show_score()
        else:
            self._show_question()

    def _show_question(self) -> None:
        tr, progress = self.ctx.gettext, self.progress
        total = len(self.manifest.details.questions)
        self.ids.progress.logical_text = tr("Question {number} of {total}").format(number=progress.index + 1, total=total)
        self.ids.question.logical_text = self.text(progress.question.question)
        self._fill_answers()
        chosen = progress.chosen
        if chosen is None:
            self.ids.feedback.logical_text = self.ids.explanation.logical_text = ""
            self.ids.action.opacity, self.ids.action.disabled = 0, True
            return
        right = progress.question.is_correct(chosen)
        self.ids.feedback.logical_text = tr("Right!") if right else tr("Not quite.")
        self.ids.feedback.custom_color = rgba(RIGHT if right else WRONG)
        self.ids.explanation.logical_text = self.text(progress.question.explanation)
        last = progress.index + 1 == total
        self.ids.action.text = tr("See my score") if last else tr("Next question") + "  ›"
        self.ids.action.opacity, self.ids.action.disabled = 1, False

    def _fill_answers(self) -> None:
        box, question, chosen = self.ids.answers, self.progress.question, self.progress.chosen
        box.clear_widgets()
        for index, answer in enumerate(question.answers):
            button = KioskButton(text=self.text(answer), background=self._answer_colour(index, question, chosen),
                                 size_factor=0.95)
            button.answer_index = index
            button.bind(on_release=lambda b: self.choose(b.answer_index))
            box.add_widget(button)

    def _answer_colour(self, index, question, chosen) -> list:
        if chosen is None:
            return self.ctx.theme.ink
        if question.is_correct(index):
            return rgba(RIGHT)
        return rgba(WRONG) if index == chosen else self.ctx.theme.muted[:3] + [0.45]

    def choose(self, index: int) -> None:
        if self.progress.chosen is None:
            right = self.progress.answer(index)
            self.ctx.emit(QuizAnswered(self.manifest.id, self.progress.index + 1, right))
            self.refresh()

    def on_action(self) -> None:
        if self.progress.finished:
            self.progress.restart()
        else:
            self.progress.next()
        self.refresh()

    def _show_score(self) -> None:
        tr, quiz = self.ctx.gettext, self.manifest.details
        score, total = self.progress.score, len(quiz.questions)
        self.ids.progress.logical_text = ""
        self.ids.question.logical_text = tr("You got {score} out of {total}").format(score=score, total=total)
        self.ids.answers.clear_widgets()
        self.ids.feedback.logical_text = tr("Well done!") if quiz.passed(score) else tr("Keep exploring: the answers are in the rooms.")
        self.ids.feedback.custom_color = rgba(RIGHT if quiz.passed(score) else "#9A4A0B")
        self.ids.explanation.logical_text = ""
        self.ids.action.text = tr("Play again")
        self.ids.action.opacity, self.ids.action.disabled = 1, False
