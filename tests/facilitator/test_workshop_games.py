"""A game in a workshop, without a window: the facilitator's verbs reach the game on screen, and only a game."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from kiosk.facilitator.controller import Facilitator
from kiosk.facilitator.guided_paths import EXTRA_TALK
from kiosk.facilitator.host import ManualClock
from tests.facilitator.test_controller import Screens, kiosk  # noqa: F401 (a fixture)


class FakeGame:
    """A view with the workshop API (kiosk.gui.widgets.exhibit_view), recording what it is asked."""

    def __init__(self, controls=SimpleNamespace(phase="Discussion", next_phase="To the vote")):
        self.controls, self.asked = controls, []

    def workshop_controls(self):
        return self.controls

    def next_phase(self):
        self.asked.append("next_phase")

    def toggle_timer(self):
        self.asked.append("toggle_timer")

    def extend_timer(self, seconds):
        self.asked.append(("extend_timer", seconds))

    def show_debrief(self):
        self.asked.append("show_debrief")


class GameScreens(Screens):
    def __init__(self):
        super().__init__()
        self.view = None

    def shown_view(self):
        return self.view


@pytest.fixture
def workshop(kiosk):  # noqa: F811 (the imported fixture)
    screens = GameScreens()
    facilitator = Facilitator(kiosk, screens, ManualClock())
    return facilitator.guided, screens, kiosk


def test_the_bar_reaches_the_game_only_while_a_path_runs(workshop):
    guided, screens, _kiosk = workshop
    screens.view = FakeGame()
    assert guided.game() is None and guided.game_controls() is None      # no path: the bar is not there
    guided.start("atelier-gouverner-les-communs")
    assert guided.game() is screens.view and guided.game_controls().next_phase == "To the vote"
    screens.view = FakeGame(controls=None)                                # a panel, a quiz: not a game
    assert guided.game() is None
    screens.view = None                                                   # the group is on the home screen
    assert guided.game_controls() is None


def test_each_verb_reaches_the_game_is_logged_and_redraws_the_bar(workshop):
    guided, screens, kiosk = workshop
    guided.start("atelier-gouverner-les-communs")
    game = screens.view = FakeGame()
    kiosk.session.exhibit_id = "alternatives-vallee-partagee"
    screens.calls.clear()
    for verb in ("next_phase", "toggle_timer", "extend_timer", "show_debrief", "quit"):
        guided.run_game(verb)
    assert game.asked == ["next_phase", "toggle_timer", ("extend_timer", EXTRA_TALK), "show_debrief"], \
        "an unknown verb does nothing"
    assert screens.calls.count(("refresh_bar",)) == 4
    logged = [(row.event, row.detail) for row in kiosk.records.log_entries("Lille") if row.event.startswith("game ")]
    assert logged == [(f"game {verb}", "alternatives-vallee-partagee")
                      for verb in ("next_phase", "toggle_timer", "extend_timer", "show_debrief")]


def test_nothing_happens_without_a_game(workshop):
    guided, screens, _kiosk = workshop
    guided.start("atelier-gouverner-les-communs")
    screens.calls.clear()
    guided.run_game("next_phase")
    assert screens.calls == []
