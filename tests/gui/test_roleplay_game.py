"""A whole role-play, played as a group plays it: touches on the real kiosk, in French and in Arabic."""

from __future__ import annotations

import pytest
from kivy.uix.label import Label

from kiosk.exhibit_types.roleplay.view_widgets import RoleplayToggle, RoleplayVoteRow
from kiosk.render.bidi import shape_line
from tests.gui.driver import _shown
from tests.gui.test_visit_recording import events_after, last_event_id
from tests.gui.test_visitor_flow import open_exhibit, start_visit

GAME = "alternatives-epicerie-cooperative"     # decisions: the group's choice of mode, consent, majority, election


def find(kiosk, view, text: str):
    """The visible label whose text (before right-to-left shaping) holds ``text``, or None."""
    shaped = shape_line(text)        # a button's one-line caption is shaped in place
    return next((w for w in kiosk.widgets(view) if isinstance(w, Label) and w.opacity > 0 and _shown(w)
                 and (text in (getattr(w, "logical_text", "") or w.text) or shaped in w.text)), None)


def shown(kiosk, view, text: str) -> bool:
    return find(kiosk, view, text[:30]) is not None


def sees(kiosk, view, text: str) -> None:
    assert shown(kiosk, view, text), f"{text!r} is on screen"


def left_of(widget, other) -> bool:
    return widget.to_window(*widget.center)[0] < other.to_window(*other.center)[0]


def vote(kiosk, view, choices: list[int | None]) -> None:
    for player, choice in enumerate(choices):
        buttons = view.votes[player]
        kiosk.tap(buttons[-1 if choice is None else choice])
        assert view.session.draft["votes"][player] == choice


def report_speakers(kiosk, view, players: list[int]) -> None:
    assert view.session.phase == "spoke"
    for player in players:
        kiosk.tap(view.toggles[player])
        assert view.toggles[player].on
    kiosk.tap(view.action)


@pytest.mark.parametrize("language, chosen", [("Français", "consensus"), ("العربية", "lots")])
def test_a_group_of_three_plays_a_whole_game(fresh, language, chosen):
    kiosk = fresh
    recorded_before = last_event_id(kiosk.app)
    start_visit(kiosk, language)
    view = open_exhibit(kiosk, GAME)
    session, tr, game_text = view.session, view.tr, view.game_text
    rtl = view.ctx.theme.rtl
    assert session.phase == "intro" and not view.absorbed
    assert (view.ids.side.x > view.ids.panel_scroll.x) == rtl, "the indicators stand at the reading side's start"
    sees(kiosk, view, tr("How many are playing?"))
    kiosk.tap(find(kiosk, view, tr("Start the game")))        # three: the fewest this scenario takes
    assert session.phase == "situation" and session.players == 3 and view.absorbed
    assert shown(kiosk, view, view.text(game_text.situation))
    kiosk.tap(view.action)

    for player in range(3):                                   # each reads their role in private
        role = game_text.roles[player]
        assert session.phase == "pass" and shown(kiosk, view, view.text(role.name))
        assert not shown(kiosk, view, view.text(role.secret)), "the secret waits for its player"
        kiosk.tap(view.action)
        assert shown(kiosk, view, view.text(role.public)) and shown(kiosk, view, view.text(role.secret))
        kiosk.tap(view.action)                                # hide it and pass the screen on
        assert not shown(kiosk, view, view.text(role.secret))

    # 1: the group picks how to decide
    assert session.phase == "discuss" and shown(kiosk, view, view.text(game_text.decisions[0].question))
    left = session.talk_left
    kiosk.tap(find(kiosk, view, tr("Add a minute")))
    assert session.talk_left > left + 30, "a minute more to talk"
    kiosk.tap(view.action)                                    # we are ready
    assert session.phase == "mode"
    kiosk.tap(next(c for c in view.choices if c.title == view.mode_name(chosen)))
    report_speakers(kiosk, view, [0, 1])
    if chosen == "consensus":
        kiosk.tap(view.choices[0])                            # the proposal the group settled on
        assert view.choices[0].picked
        assert view.action.text == tr("Everybody agrees: adopted")
        kiosk.tap(view.toggles[2])                            # one does not agree
        assert view.action.text == tr("No consensus: not adopted"), "the button says the 'no' blocks it"
        kiosk.tap(view.action)
        assert session.last.adopted is None
        sees(kiosk, view, tr("Nothing was decided."))
    else:
        sees(kiosk, view, view.mode_name("lots"))
        kiosk.tap(view.action)                                # the draw, in front of everybody
        assert session.last.adopted is not None
        sees(kiosk, view, view.text(game_text.decisions[0].proposals[session.last.adopted].text))
    kiosk.tap(view.action)

    # 2: consent, one objection, the proposal amended and asked again
    kiosk.tap(view.action)
    report_speakers(kiosk, view, [0, 1, 2])
    assert session.mode == "consent"
    kiosk.tap(view.choices[1])
    kiosk.tap(view.toggles[1])                                # an objection: the proposal is amended
    kiosk.tap(find(kiosk, view, tr("Amend it and ask again")))
    assert session.draft["amendments"] == 1 and not session.draft["objections"]
    kiosk.tap(find(kiosk, view, tr("No objection: adopted")))
    assert session.phase == "outcome" and session.last.adopted == 1 and session.last.amendments == 1
    sees(kiosk, view, tr("Adopted:"))
    kiosk.tap(view.action)

    # 3: a majority vote, the third player overruled
    kiosk.tap(view.action)
    report_speakers(kiosk, view, [0, 2])
    assert session.mode == "majority"
    rows = [w for w in kiosk.widgets(view) if isinstance(w, RoleplayVoteRow)]
    row = next(r for r in rows if r.number == "1")
    token = next(w for w in row.children if type(w).__name__ == "RoleplayToken")
    assert left_of(view.votes[0][0], token) == rtl, "a voter's name starts the row, on the reading side"
    assert left_of(view.votes[0][0], view.votes[0][1]) != rtl, "choices run in reading order"
    vote(kiosk, view, [0, 0, 1])
    kiosk.tap(view.action)
    assert session.last.adopted == 0 and session.last.overruled == [1, 2], "voted otherwise, or never heard"
    sees(kiosk, view, view.name_in_sentence(2))   # "Overruled …: the young market gardener" (inside a sentence)
    kiosk.tap(view.action)

    # 4: an election without candidates: the most named faces objections
    kiosk.tap(view.action)
    toggles = [w for w in kiosk.widgets(view) if isinstance(w, RoleplayToggle)]
    first, second = (next(t for t in toggles if t.number == n) for n in ("1", "2"))
    assert left_of(first, second) != rtl, "players run in reading order"
    report_speakers(kiosk, view, [0, 1, 2])
    vote(kiosk, view, [2, 2, None])
    kiosk.tap(view.action)
    assert session.phase == "object"
    sees(kiosk, view, view.name_in_sentence(2))   # "Most named: the young market gardener."
    kiosk.tap(view.action)                                    # nobody objects
    assert session.last.adopted == 2
    kiosk.tap(view.action)

    # the end: how each decision was taken, what each mode produced, then the debrief
    assert session.phase == "end" and not view.absorbed, "the end gives the exhibit's way on back"
    for decision in game_text.decisions:
        sees(kiosk, view, view.text(decision.question))
    sees(kiosk, view, view.mode_name("consent"))
    kiosk.tap(view.action)
    assert session.phase == "debrief"
    sees(kiosk, view, view.text(game_text.debrief[0]))
    kiosk.tap(next(w for w in kiosk.widgets(view) if getattr(w, "icon", "") == "chevron-right"))
    sees(kiosk, view, view.text(game_text.debrief[1]))
    summary = session.game.summary()
    assert summary["decisions"] == 4 and summary["never_heard"] == []
    ended = [e for e in events_after(kiosk.app, recorded_before) if e["kind"] == "roleplay_end"]
    assert [(e["exhibit"], e["value"]) for e in ended] == [(GAME, 4)], "counted, nothing about who"
    assert ended[0]["detail"].startswith("3 ")
    kiosk.tap(view.action)                                    # play again
    assert session.phase == "intro"


def test_the_facilitator_runs_the_phases_the_timer_and_the_debrief(fresh):
    kiosk = fresh
    recorded_before = last_event_id(kiosk.app)
    start_visit(kiosk, "Français")
    view = open_exhibit(kiosk, GAME)
    session, changes = view.session, []
    view.bind(on_workshop=lambda *_: changes.append(session.phase))
    assert view.workshop_controls().next_phase == "Start the game"
    view.next_phase()
    view.next_phase()                                         # the situation read: the roles dealt
    assert session.phase == "pass" and view.workshop_controls().phase == "Players read their roles"
    view.next_phase()                                         # every role read, straight to the talk
    kiosk.settle()
    assert session.phase == "discuss" and "discuss" in changes, "the bar follows the game"
    controls = view.workshop_controls()
    assert controls.timer == session.talk_left and controls.timer_running
    view.toggle_timer()
    assert not view.workshop_controls().timer_running and view._clock.paused
    left = session.talk_left
    view.extend_timer(60)
    assert session.talk_left == left + 60 and not view.workshop_controls().timer_running
    view.toggle_timer()
    assert view.workshop_controls().timer_running
    view.next_phase()
    kiosk.settle()
    assert session.phase == "mode" and view.workshop_controls().next_phase == "", "only the group can choose"
    kiosk.tap(view.choices[0])
    view.next_phase()
    kiosk.settle()
    assert session.phase == "decide"
    kiosk.tap(view.action)                                    # nobody voted: nothing decided
    assert session.phase == "outcome" and view.workshop_controls().debrief
    view.show_debrief()                                       # the facilitator cuts the game short
    assert session.phase == "debrief" and not view.absorbed
    sees(kiosk, view, view.text(view.game_text.debrief[0]))
    ended = [e for e in events_after(kiosk.app, recorded_before) if e["kind"] == "roleplay_end"]
    assert [e["value"] for e in ended] == [1], "a game cut short counts, with its one decision"


def test_in_landscape_the_exhibits_picture_fills_the_column_under_the_indicators(fresh):
    """The column beside the panel was two thirds blank: the exhibit's own picture now takes the room
    under the indicators (and under a card set beside the panel), never drawn larger than its pixels."""
    from kivy.uix.image import Image

    from kiosk.gui.curator.proof_checks import screen_problems

    kiosk = fresh
    start_visit(kiosk, "Français")
    view = open_exhibit(kiosk, GAME)
    side = view.ids.side

    def picture():
        return next((w for w in side.children if isinstance(w, Image)), None)

    for _ in range(2):          # the intro, then the situation
        kiosk.settle()
        shown = picture()
        assert shown is not None and shown.opacity == 1 and shown.texture is not None
        assert shown.norm_image_size[0] <= shown.texture.width + 1, "never enlarged"
        gauges_bottom = min(w.y for w in side.children if w is not shown and w.height > 0)
        assert shown.top <= gauges_bottom + 1, "under the indicators"
        problems = screen_problems(kiosk.app.navigator.screen("exhibit"), kiosk.app.pictures)
        assert [p for p in problems if p.kind in ("overflow", "upscaled")] == []
        kiosk.tap(view.action if view.session.phase != "intro" else find(kiosk, view, view.tr("Start the game")))
