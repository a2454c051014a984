"""The ``quiz`` view: one question at a time, feedback with the explanation, a score, and "play again".

The layout keeps the visitor's hand in one place: the question sits in a zone as tall as the
quiz's longest question (so the answers never move from one question to the next), each answer
is a whole row with no dead gap between rows, and the verdict ("Right!" / "Not quite.") comes
with an icon and a colour in a card beside the answers (below them in portrait)::

    progress:  Question 2 of 5  ■ ■ □ □ □          (mirrored in right-to-left)
    question:  [zone of fixed height]
    answers:   ( ) answer 1  |  verdict card: icon, word, explanation, Next
               ( ) answer 2  |

Before the answer the same card invites the touch and shows the quiz's picture as large as the
card's room allows (a quiz without a picture shows a large mark and the question's number), so
no half of the screen waits empty. In portrait the card takes the room left under the answers,
and keeps the picture under the verdict when that room holds it.
"""

from __future__ import annotations

from pathlib import Path

from kivy.clock import Clock
from kivy.core.window import Window
from kivy.lang import Builder
from kivy.properties import BooleanProperty, ListProperty, NumericProperty, StringProperty
from kivy.uix.behaviors import ButtonBehavior
from kivy.uix.boxlayout import BoxLayout
from kivy.uix.widget import Widget

from kiosk.events import QuizAnswered
from kiosk.exhibit_types.quiz.model import QuizProgress, answer_status, verdict
from kiosk.gui.widgets.exhibit_view import ExhibitView
from kiosk.gui.widgets.widgets import Figure, MirrorBox, drawn_height

Builder.load_file(str(Path(__file__).with_name("quiz.kv")))
QUESTION_LINES = 3          # the question zone holds this many heading lines; longer questions get smaller
SMALLEST_QUESTION = 0.7     # ... down to this fraction of the heading size
SECOND_QUESTION = 0.8       # two languages at once: the question in the second language, under it, at this share
SMALLEST_ANSWER = 0.8       # larger text (1.4×): an answer may come down to 0.8 of it, 1.12× the usual body text;
                            # two languages (each answer on two lines): to 0.8 of the body text
ROW_ICONS = {"open": "circle", "right": "circle-check", "wrong": "circle-x", "other": "circle"}
SMALLEST_PICTURE = 2.5      # the prompt's picture is left out when its room is lower than this many touch heights


class AnswerRow(ButtonBehavior, MirrorBox):
    """One answer, the whole row a target; its card is drawn inside a margin that still answers touches."""

    status = StringProperty("open")
    tag = StringProperty("")
    text = StringProperty("")
    gap = NumericProperty(0)            # the margin around the drawn card, which still answers touches
    background = ListProperty([1, 1, 1, 1])
    compact = BooleanProperty(False)    # tighter margins (portrait)
    size_factor = NumericProperty(1.0)  # the answer's text, as the question's view fits it (QuizView.answer_factor)
    second = StringProperty("")         # two languages at once: the answer in the second language, under it
    second_font = StringProperty("")
    second_language = StringProperty("")


class ProgressStep(Widget):
    """One segment of the progress bar: ``done``, ``current`` or neither."""

    done = BooleanProperty(False)
    current = BooleanProperty(False)


class ResultMark(ButtonBehavior, BoxLayout):
    """A question's result on the end screen: a check or a cross in colour, over the question's
    number. A touch shows that question again, answered, with its explanation."""

    correct = BooleanProperty(False)   # not ``right``: that is the widget's right edge
    number = StringProperty("")


class QuizMark(BoxLayout):
    """What stands under the prompt of a quiz without a picture: a large mark and the question's number."""

    text = StringProperty("")


class QuizView(ExhibitView):
    second_font = StringProperty("")    # the font of the second language's question (its own letters)
    second_language = StringProperty("")   # ... and its language (audio guidance speaks it in that voice)
    question_height = NumericProperty(0)
    question_factor = NumericProperty(1.0)
    answer_factor = NumericProperty(1.0)
    """Larger text, landscape: when the question at its smallest still leaves the answers too little room, the
    answers' text comes down too, a step at a time, to :data:`SMALLEST_ANSWER` (still larger than usual)."""
    portrait = BooleanProperty(False)
    answered = BooleanProperty(False)   # the current question has its answer: the verdict card shows
    in_progress = BooleanProperty(True)
    finish_roomy = BooleanProperty(True)   # the end card has room for its icon (fit_finish)
    """Until the score shows, the exhibit screen's "next" stays quiet: the answers come first."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.progress = QuizProgress(self.manifest.details, self.state)
        self._game, self._finish = self.ids.game.__self__, self.ids.finish.__self__  # strong: one is out of the tree
        self._prompt, self._verdict_box = self.ids.prompt.__self__, self.ids.verdict.__self__
        self._slot = self.ids.picture_slot.__self__
        self._figure = self._mark = None
        self._fit = Clock.create_trigger(lambda _dt: self.fit_question(), -1)
        self._fit_picture = Clock.create_trigger(lambda _dt: self.fit_picture(), -1)
        self.ids.question_zone.bind(width=self._fit)
        self.ids.ask.bind(height=self._fit)   # the column's height bounds the question in landscape
        self.ids.answers.bind(minimum_height=self._fit)
        self.bind(size=self._orient, portrait=self._fill_card)
        Window.bind(size=self._orient)

    @classmethod
    def step_count_for(cls, manifest) -> int:
        return len(manifest.details.questions) + 1  # every question, then the score

    def show_step(self, index: int) -> None:
        self.state["reviewing"] = False
        self.progress.go_to(index)
        self.refresh()

    def refresh(self) -> None:
        self.in_progress = not self.progress.finished
        if self.progress.finished:
            self._show_part(self._finish)
            self._show_score()
        else:
            self._show_part(self._game)
            self._show_question()
        self.fit_question()

    def _orient(self, *_args) -> None:
        """Portrait is the screen's shape, not the view's (the QR strip takes a share of a portrait screen)."""
        self.portrait = Window.height > Window.width

    def _show_part(self, part) -> None:
        for other in (self._game, self._finish):
            if other is not part and other.parent is self:
                self.remove_widget(other)
        if part.parent is None:
            self.add_widget(part)

    # the question

    def fit_question(self) -> None:
        """Size the question zone for the quiz's longest question, so answers keep their place."""
        width = self.ids.question_zone.width
        if width < 10:
            return
        theme = self.ctx.theme
        limit = QUESTION_LINES * theme.heading * 1.4
        if not self.portrait:   # landscape: the question and the tallest set of answers share the column's height
            ask = self.ids.ask
            room = ask.height - self._tallest_answers() - ask.spacing * 2
            if ask.height > 1 and self.ids.answers.children:   # laid out: the question shrinks to the room left
                limit = min(limit, max(room, 0))
        factor = 1.0
        tallest = self._tallest_question(width, theme.heading)
        # larger text, or two languages (each answer on two lines): a long question may come down to the small
        # text's size (in larger text still 1.2× the usual body text), and the answers a little too
        crowded = theme.text_factor > 1 or bool(self.ctx.second_language)
        smallest = 0.6 if crowded else SMALLEST_QUESTION
        while tallest > limit and factor > smallest:
            factor = round(factor - 0.1, 2)
            tallest = self._tallest_question(width, theme.heading * factor)
        self.question_factor, self.question_height = factor, tallest
        if tallest > limit and crowded and not self.portrait and self.answer_factor > SMALLEST_ANSWER:
            self.answer_factor = round(self.answer_factor - 0.05, 2)    # the answers are laid out again: this runs again

    def on_answer_factor(self, _view, factor: float) -> None:
        for row in self.ids.answers.children:
            row.size_factor = factor

    def fit_finish(self, *_args) -> None:
        """The end card leaves its icon out when, with it, the card would be taller than its place."""
        finish, card = self.ids.finish, self.ids.finish_card
        if finish.height <= 1:
            return
        icon = self.ids.finish_icon
        with_icon = card.minimum_height + (0 if self.finish_roomy else self.ctx.theme.icon * 2.4 + card.spacing)
        self.finish_roomy = with_icon <= finish.height or icon.name == ""

    def _tallest_answers(self) -> float:
        """The height of the answers as drawn now (rows of the current question; the others are alike)."""
        return self.ids.answers.minimum_height if self.ids.answers.children else 0

    def _tallest_question(self, width: float, font_size: float) -> float:
        """The height of the quiz's tallest question, with its second language's under it when there is one."""
        theme = self.ctx.theme
        second_font = theme.font_for(self.ctx.second_language) if self.ctx.second_language else ""

        def height(question) -> float:
            first = drawn_height(theme, self.text(question.question), width, font_size, bold=True, role="heading")
            second = self.ctx.second_text(question.question)
            return first + (theme.space + drawn_height(theme, second, width, font_size * SECOND_QUESTION,
                                                       role="heading", font=second_font) if second else 0)
        return max(height(question) for question in self.manifest.details.questions)

    def _show_question(self) -> None:
        tr, progress = self.ctx.gettext, self.progress
        total = len(self.manifest.details.questions)
        self.ids.progress.logical_text = tr("Question {number} of {total}").format(number=progress.index + 1, total=total)
        self._fill_steps(total)
        self.ids.question.logical_text = self.text(progress.question.question)
        self.ids.question_second.logical_text = self.ctx.second_text(progress.question.question)
        self.second_font = self.ctx.theme.font_for(self.ctx.second_language)
        self.second_language = self.ctx.second_language
        self._fill_answers()
        chosen = progress.chosen
        self.answered = chosen is not None
        self._fill_card()
        self._fill_picture()
        if chosen is None:
            self.ids.prompt_word.logical_text = tr("Touch your answer.")
            return
        right = progress.question.is_correct(chosen)
        theme = self.ctx.theme
        if right:
            self._verdict("circle-check", tr("Right!"), theme.success)
        else:
            self._verdict("circle-x", tr("Not quite."), theme.danger)
        self.ids.explanation.logical_text = self.text(progress.question.explanation)
        last = progress.index + 1 == total or self.state.get("reviewing")
        self.ids.action.text = tr("Back to my score") if self.state.get("reviewing") \
            else tr("See my score") if last else tr("Next question")
        self.ids.action.icon = "list-checks" if last else "chevron-right"

    def _fill_card(self, *_args) -> None:
        """Before the answer: the prompt and the picture. After it: the verdict, and in portrait the
        picture in the room the verdict leaves (in landscape the verdict takes the whole card)."""
        parts = [self._verdict_box if self.answered else self._prompt]
        if not self.answered or self.portrait:
            parts.append(self._slot)
        card = self.ids.card.__self__
        if list(reversed(card.children)) != parts:
            card.clear_widgets()
            for part in parts:
                card.add_widget(part)

    def _fill_picture(self) -> None:
        """The quiz's picture under the prompt, or, without one, a large mark and the question's number."""
        slot, images = self._slot, self.manifest.images
        if images and self._figure is None:
            box = (Window.width, Window.height * 0.6)    # at most the card's room, in either orientation
            self._figure = Figure.of(images[0], self, max_height=0, box=box)
            self._figure.bind(height=self._fit_picture)     # its caption and credit are measured
        if self._figure is None or self._figure.texture is None:
            self._mark = self._mark or QuizMark()
            self._mark.text = self.ctx.gettext("Question {number} of {total}").format(
                number=self.progress.index + 1, total=len(self.manifest.details.questions))
        shown = self._figure if self._figure is not None and self._figure.texture is not None else self._mark
        if shown.parent is not slot:
            slot.clear_widgets()
            slot.add_widget(shown)
        self._fit_picture()

    def fit_picture(self) -> None:
        """As large as the slot holds with its credit; left out when the slot is too low for it."""
        figure, slot = self._figure, self._slot
        if figure is None or figure.parent is not slot:
            return
        words = figure.children[:-1]            # the caption and credit under the picture, its first child
        extras = sum(child.height for child in words) + figure.spacing * len(words)
        room = slot.height - extras
        figure.max_height = max(0, room)
        figure.opacity = 1 if room >= self.ctx.theme.touch * SMALLEST_PICTURE else 0

    def _verdict(self, icon_name: str, word: str, colour) -> None:
        self.ids.verdict_icon.name = icon_name
        self.ids.verdict_icon.color = colour
        self.ids.feedback.logical_text = word
        self.ids.feedback.custom_color = colour

    def _fill_steps(self, total: int) -> None:
        box = self.ids.steps
        if len(box.children) != total:
            box.clear_widgets()
            self._steps = [ProgressStep() for _ in range(total)]   # in reading order
            for step in self._steps:
                box.add_widget(step)
        for number, step in enumerate(self._steps):
            step.done, step.current = number < self.progress.index, number == self.progress.index

    def _fill_answers(self) -> None:
        box, question, chosen = self.ids.answers, self.progress.question, self.progress.chosen
        box.clear_widgets()
        tr = self.ctx.gettext
        for index, answer in enumerate(question.answers):
            status = answer_status(index, question, chosen)
            tag = ""
            if index == chosen:
                tag = tr("Your answer")
            elif status == "right":
                tag = tr("The right answer")
            row = AnswerRow(status=status, text=self.text(answer), tag=tag, compact=self.portrait,
                            size_factor=self.answer_factor, second=self.ctx.second_text(answer),
                            second_font=self.second_font, second_language=self.second_language)
            row.answer_index = index
            row.bind(on_release=lambda r: self.choose(r.answer_index))
            box.add_widget(row)

    def choose(self, index: int) -> None:
        if self.progress.chosen is None:
            right = self.progress.answer(index)
            self.ctx.emit(QuizAnswered(self.manifest.id, self.progress.index + 1, right))
            self.refresh()
            Clock.schedule_once(self._show_next_button, 0.1)   # once the verdict card is laid out

    def _show_next_button(self, *_args) -> None:
        """On a short portrait screen the quiz scrolls: bring the verdict and its button into view."""
        game = self.ids.game
        if game.do_scroll_y:
            game.scroll_y = 0

    def on_action(self) -> None:
        if self.progress.finished:
            self.progress.restart()
            self.state["reviewing"] = False
        elif self.state.get("reviewing") and self.progress.chosen is not None:
            self.state["reviewing"] = False
            self.progress.go_to(len(self.manifest.details.questions))
        else:
            self.progress.next()
        self.refresh()

    def review(self, index: int) -> None:
        """A result touched on the end screen: its question again, answered, then back to the score."""
        self.state["reviewing"] = True
        self.progress.go_to(index)
        self.refresh()

    # the end

    def _show_score(self) -> None:
        tr, quiz = self.ctx.gettext, self.manifest.details
        score, total = self.progress.score, len(quiz.questions)
        outcome = verdict(score, quiz)
        self.ids.score.logical_text = tr("You got {score} out of {total}").format(score=score, total=total)
        self.ids.headline.logical_text = tr("Keep exploring: the answers are in the rooms.") if outcome == "explore" \
            else tr("Well done!")
        self.ids.finish_icon.name = "sparkles" if outcome != "explore" else "book-open"
        self.ids.sentence.logical_text = {
            "perfect": tr("Every answer right: you know this story well."),
            "passed": tr("Read the explanations again, or walk through the room to find the rest."),
            "explore": tr("Each question is told somewhere in this room: look around, then try again."),
        }[outcome]
        marks = self.ids.marks
        marks.clear_widgets()
        answers = self.state["answers"]
        for number, question in enumerate(quiz.questions):
            chosen = answers.get(str(number))
            mark = ResultMark(correct=chosen is not None and question.is_correct(chosen), number=str(number + 1))
            mark.bind(on_release=lambda _mark, index=number: self.review(index))
            marks.add_widget(mark)
        self.ids.review_hint.logical_text = tr("Touch a result to see its question again, with the answer.")
        self.ids.again.text = tr("Play again")
