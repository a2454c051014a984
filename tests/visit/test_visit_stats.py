"""A visit as anonymous events: what is recorded, in which order, with which numbers (no window)."""

from __future__ import annotations

from kiosk.visit.visit_stats import VisitStats


class Clock:
    def __init__(self):
        self.now = 1_800_000_000.0

    def __call__(self) -> float:
        return self.now


def test_one_visit_from_first_touch_to_idle_reset():
    events, clock = [], Clock()
    stats = VisitStats(events.append, venue=lambda: "Lille", clock=clock)
    stats.visit_started()
    stats.language("fr")
    stats.exhibit_opened("origines-quiz")
    stats.qr_shown("origines-quiz", "https://www.le-mes.org/")
    stats.qr_shown("origines-quiz", "https://www.le-mes.org/")  # redrawn after a language switch: once
    clock.now += 20
    stats.language("en")
    stats.language("en")
    stats.exhibit_opened("origines-quiz")  # rebuilt in the new language: still the same opening
    stats.quiz_answered("origines-quiz", 1, right=True)
    clock.now += 25
    stats.exhibit_closed()
    stats.poll_voted("alternatives-sondage", 2)
    stats.idea_sent("alternatives-mur")
    last_touch = clock.now + 5
    clock.now += 100  # the idle timeout and its countdown are not part of the visit
    stats.visit_ended(last_activity=last_touch)

    assert [e.kind for e in events] == ["visit_start", "language", "exhibit_open", "qr_shown", "language",
                                        "quiz_answer", "exhibit_close", "poll_vote", "wall_idea", "visit_end"]
    assert len({e.visit for e in events}) == 1 and events[0].visit != 0
    assert {e.venue for e in events} == {"Lille"}
    assert [e.detail for e in events if e.kind == "language"] == ["fr", "en"]
    close = next(e for e in events if e.kind == "exhibit_close")
    assert (close.exhibit, close.value, close.language) == ("origines-quiz", 45, "en")
    assert next(e for e in events if e.kind == "visit_end").value == 50
    answer = next(e for e in events if e.kind == "quiz_answer")
    assert (answer.value, answer.detail) == (1, "1")
    assert all(e.at == int(e.at) for e in events)


def test_nothing_outside_a_visit_but_what_the_group_does_and_a_new_visit_gets_a_new_number():
    events, clock = [], Clock()
    stats = VisitStats(events.append, venue=lambda: "", clock=clock)
    stats.language("fr")          # the idle reset putting the default language back: not a visitor's choice
    stats.visit_ended()           # no visit: nothing
    assert events == []
    stats.visit_started()
    stats.exhibit_opened("a")
    stats.visit_ended()
    stats.language("fr")          # the reset again; then the next visitor chooses the same language
    stats.visit_started()
    stats.language("fr")
    kinds = [e.kind for e in events]
    assert kinds == ["visit_start", "exhibit_open", "exhibit_close", "visit_end", "visit_start", "language"]
    assert events[0].visit != events[-1].visit and events[-1].detail == "fr"
