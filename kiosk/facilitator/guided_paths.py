"""Guided paths (tours and workshops) as the facilitator runs them (no Kivy here).

A guided path (``paths/*.yaml``, :mod:`kiosk.content.guided_paths`) is a tour or a
workshop. While one runs, the group sees each step's exhibit, the visitors' idle reset is
paused, the whole session counts as one visit, and polls are in group mode: their results
wait until the facilitator shows them (:class:`GroupResults`)::

    guided = GuidedPaths(kiosk, screens, clock, settings_editor)
    guided.start("visite-guidee")
    guided.next_step(); guided.reveal_results(); guided.stop()

When a step shows a game, the facilitator runs it from the bar through the game view's
workshop API (:class:`kiosk.gui.widgets.exhibit_view.WorkshopControls`)::

    game = guided.game()          # the view, or None when the step shows no game
    guided.game_controls()        # what the bar offers now: next phase, timer, debrief
    guided.run_game("next_phase") # or "toggle_timer", "extend_timer", "show_debrief"

The step the group is on and its timer are a :class:`GuidedSession`, plain Python with
an injectable clock::

    session = GuidedSession(path, now=time.monotonic())
    session.step.exhibit          # the exhibit shown to the group
    session.remaining(now)        # seconds left of the step's suggested duration (negative: overtime)
    session.next(now)             # to the next step; False at the last one

The timer is a guide for the facilitator, not a rule: nothing happens when it runs out
except that the bar shows the overtime.
"""

from __future__ import annotations

import logging

from kiosk.events import LanguageChosen, VisitEnded, VisitStarted

log = logging.getLogger(__name__)

GAME_VERBS = ("next_phase", "toggle_timer", "extend_timer", "show_debrief")
EXTRA_TALK = 60     # seconds the bar's "+1 min" gives a game's discussion


class GuidedSession:
    def __init__(self, path, now: float):
        if not path.steps:
            raise ValueError(f"the path '{path.id}' has no steps")
        self.path = path
        self.index = 0
        self.started = now

    @property
    def step(self):
        return self.path.steps[self.index]

    @property
    def count(self) -> int:
        return len(self.path.steps)

    @property
    def is_first(self) -> bool:
        return self.index == 0

    @property
    def is_last(self) -> bool:
        return self.index == self.count - 1

    def go_to(self, index: int, now: float) -> bool:
        """Go to step ``index`` and restart its timer; False (and no change) if there is no such step."""
        if not 0 <= index < self.count or index == self.index:
            return False
        self.index = index
        self.started = now
        return True

    def next(self, now: float) -> bool:
        return self.go_to(self.index + 1, now)

    def previous(self, now: float) -> bool:
        return self.go_to(self.index - 1, now)

    def remaining(self, now: float) -> float:
        """Seconds left of this step's suggested duration; negative once it has run over."""
        return self.step.minutes * 60 - (now - self.started)


def clock_text(seconds: float) -> str:
    """'04:05' for time left, '+01:10' for overtime."""
    whole = int(abs(seconds) + (0.999 if seconds > 0 else 0))
    sign = "+" if seconds < 0 else ""
    return f"{sign}{whole // 60:02d}:{whole % 60:02d}"



class GroupResults:
    """Polls in group mode: which ones the facilitator has revealed. Exhibit views read it."""

    def __init__(self) -> None:
        self.active = False
        self.revealed: set[str] = set()

    def start(self) -> None:
        self.active = True
        self.revealed.clear()

    def stop(self) -> None:
        self.active = False
        self.revealed.clear()

    def is_revealed(self, poll_id: str) -> bool:
        return poll_id in self.revealed

    def reveal(self, poll_id: str, shown: bool = True) -> None:
        (self.revealed.add if shown else self.revealed.discard)(poll_id)


class GuidedPaths:
    """Starting, stepping through and stopping a guided path."""

    def __init__(self, kiosk, screens, clock, settings_editor):
        self.kiosk, self.screens, self.clock = kiosk, screens, clock
        self.settings_editor = settings_editor
        self.session: GuidedSession | None = None
        self.group = GroupResults()

    @property
    def running(self) -> bool:
        return self.session is not None

    def resume(self) -> None:
        """At start-up: take up the path that ran when the kiosk stopped (a power cut in a workshop)."""
        settings = self.kiosk.settings
        if settings.mode != "free" and settings.path and self.kiosk.content.path(settings.path):
            self.start(settings.path)

    def start(self, path_id: str) -> None:
        path = self.kiosk.content.path(path_id)
        if path is None:
            return
        kiosk = self.kiosk
        self.settings_editor.change(mode="guided" if path.kind == "tour" else "workshop", path=path_id)
        self.session = GuidedSession(path, self.clock.now())
        kiosk.events.emit(VisitEnded())     # whoever was visiting; then the group's session counts as one visit
        kiosk.events.emit(VisitStarted())
        kiosk.events.emit(LanguageChosen(kiosk.language))
        self.group.start()
        kiosk.idle.paused = True
        kiosk.records.log("path started", path_id, kiosk.venue)
        log.info("guided session started: %s", path_id)
        self.screens.show_bar(True)
        self.show_step()

    def stop(self) -> None:
        kiosk = self.kiosk
        if self.session:
            kiosk.records.log("path ended", self.session.path.id, kiosk.venue)
            kiosk.events.emit(VisitEnded())
        self.session = None
        self.group.stop()
        kiosk.idle.paused = False
        self.screens.show_bar(False)
        if kiosk.settings.path:
            self.settings_editor.change(path=None)

    def show_step(self) -> None:
        if self.session:
            self.screens.show_to_group(self.session.step.exhibit)
            self.screens.refresh_bar()

    def next_step(self) -> None:
        if self.session and self.session.next(self.clock.now()):
            self.show_step()

    def previous_step(self) -> None:
        if self.session and self.session.previous(self.clock.now()):
            self.show_step()

    def remaining(self) -> float | None:
        """Seconds left of the step (negative: overtime), or None when no tour runs."""
        return self.session.remaining(self.clock.now()) if self.session else None

    def current_poll(self) -> str | None:
        """The id of the poll the group is looking at, if it is one."""
        manifest = self.kiosk.content.exhibit(self.kiosk.session.exhibit_id)
        return manifest.id if manifest is not None and manifest.type == "poll" else None

    def game(self):
        """The game the group is playing at this step (a view that offers workshop controls), or None."""
        if self.session is None:
            return None
        view = self.screens.shown_view()
        return view if view is not None and view.workshop_controls() is not None else None

    def game_controls(self):
        """What the bar offers for the game on screen (``WorkshopControls``), or None when there is none."""
        game = self.game()
        return game.workshop_controls() if game is not None else None

    def run_game(self, verb: str) -> None:
        """Do one of the game's workshop verbs: next_phase, toggle_timer, extend_timer (a minute), show_debrief."""
        game = self.game()
        if game is None or verb not in GAME_VERBS:
            return
        if verb == "extend_timer":
            game.extend_timer(EXTRA_TALK)
        else:
            getattr(game, verb)()
        self.kiosk.records.log("game " + verb, self.kiosk.session.exhibit_id, self.kiosk.venue)
        self.screens.refresh_bar()

    def reveal_results(self, shown: bool = True) -> None:
        poll = self.current_poll()
        if poll is None:
            return
        self.group.reveal(poll, shown)
        self.screens.refresh_exhibit()
