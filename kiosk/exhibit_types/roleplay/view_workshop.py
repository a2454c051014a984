"""The role-play's workshop API: the facilitator's bar runs the phases, the timer and the debrief.

A part of :class:`kiosk.exhibit_types.roleplay.view.RoleplayView` (a mixin). The players' own
taps still work; the view calls ``workshop_changed()`` after each phase and each second of talk.
Where the group must report something (the mode, the votes, who objected), the bar offers no
"next": only the group knows.
"""

from __future__ import annotations

from kiosk.exhibit_types.roleplay import model
from kiosk.gui.widgets.exhibit_view import N_, WorkshopControls

#: Each phase as the facilitator's bar names it, and what its "next" does.
WORKSHOP_PHASES = {
    "intro": (N_("Introduction"), N_("Start the game")),
    "situation": (N_("The situation"), N_("Deal the roles")),
    "pass": (N_("Players read their roles"), N_("To the first decision")),
    "role": (N_("Players read their roles"), N_("To the first decision")),
    "discuss": (N_("Discussion"), N_("Who spoke")),
    "mode": (N_("Choosing how to decide"), ""),
    "spoke": (N_("Who spoke"), N_("The decision")),
    "decide": (N_("The decision"), ""),
    "object": (N_("The decision"), ""),
    "outcome": (N_("Outcome"), N_("Next decision")),
    "end": (N_("How you decided"), N_("Debrief")),
    "debrief": (N_("Debrief"), N_("Next question")),
}


class WorkshopRunner:
    def workshop_controls(self) -> WorkshopControls:
        session, phase = self.session, self.session.phase
        name, following = WORKSHOP_PHASES[phase]
        if phase == "outcome" and session.game.over:
            following = N_("See how it ended")
        if phase == "discuss" and session.mode is None:
            following = N_("Choosing how to decide")
        if phase == "debrief" and self.state.get("debrief", 0) + 1 >= len(self.game_text.debrief):
            following = ""
        return WorkshopControls(phase=name, next_phase=following,
                                timer=session.talk_left if phase == "discuss" else None,
                                timer_running=self._timer is not None,
                                debrief=bool(session.game.history) and phase != "debrief")

    def next_phase(self) -> None:
        session, phase = self.session, self.session.phase
        steps = {"intro": lambda: session.start(self.state.get("chosen_players", self.game_text.min_players)),
                 "situation": session.situation_read, "discuss": session.ready, "spoke": session.to_decide,
                 "outcome": session.next_decision, "end": session.to_debrief}
        if phase in ("pass", "role"):
            while session.phase in ("pass", "role"):
                session.hide_role()
        elif phase == "debrief":
            self._turn_debrief(1)
            return
        elif phase in steps:
            steps[phase]()
        self.refresh()

    def toggle_timer(self) -> None:
        if self.session.phase != "discuss":
            return
        if self._timer is not None:
            self.state["talk_paused"] = True
            self._stop_timer()
        else:
            self.state.pop("talk_paused", None)
            if self.session.talk_left <= 0:
                self.session.more_time()            # a talk that had run out starts again
            self._run_timer()
        self._clock.paused = bool(self.state.get("talk_paused"))
        self._tick(0)

    def extend_timer(self, seconds: int) -> None:
        if self.session.phase == "discuss":
            self.session.tick(-seconds)
            self._clock.total = max(self._clock.total, self.session.talk_left)
            self._tick(0)

    def show_debrief(self) -> None:
        """The debrief, for the group: a game cut short by the facilitator counts as played, with its decisions."""
        game = self.session.game
        if not game.history:
            return
        if not game.over and self.session.phase not in ("end", "debrief"):
            self.ctx.emit(model.game_played(self.manifest.id, game))
        self.state["debrief"] = 0
        self.session.to_debrief()
        self.refresh()
