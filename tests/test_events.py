"""Visitor actions as events: the bus, and who subscribes (statistics, records, the session). No window."""

from __future__ import annotations

import sqlite3
from types import SimpleNamespace

from kiosk import events as ev
from kiosk.records import RecordStore
from kiosk.visit.session import VisitorSession
from kiosk.visit.subscribers import connect_records, connect_visit
from kiosk.visit.visit_stats import VisitStats


def test_each_subscriber_gets_the_events_of_its_type_in_order():
    bus, seen = ev.EventBus(), []
    bus.subscribe(ev.PollVoted, lambda e: seen.append(("a", e.option)))
    bus.subscribe(ev.PollVoted, lambda e: seen.append(("b", e.option)))
    bus.subscribe(ev.IdeaSent, lambda e: seen.append(("idea", e.text)))
    bus.emit(ev.PollVoted("sondage", 2))
    assert seen == [("a", 2), ("b", 2)]
    bus.emit(ev.QrShown("x", "https://example.org/"))  # nobody listens: nothing happens
    assert seen == [("a", 2), ("b", 2)]


def test_a_failing_subscriber_is_logged_and_the_others_still_run(caplog):
    bus, seen = ev.EventBus(), []

    def broken(_event):
        raise RuntimeError("disk on fire")

    bus.subscribe(ev.QuizAnswered, broken)
    bus.subscribe(ev.QuizAnswered, seen.append)
    bus.emit(ev.QuizAnswered("quiz", 1, True))
    assert seen == [ev.QuizAnswered("quiz", 1, True)]
    assert "a subscriber to QuizAnswered failed" in caplog.text and "disk on fire" in caplog.text


def test_unsubscribe():
    bus, seen = ev.EventBus(), []
    bus.subscribe(ev.ExhibitOpened, seen.append)
    bus.unsubscribe(ev.ExhibitOpened, seen.append)
    bus.emit(ev.ExhibitOpened("x"))
    assert seen == []


def test_a_visit_told_as_events_reaches_the_statistics_and_the_session():
    recorded, session = [], VisitorSession("fr")
    bus = ev.EventBus()
    connect_visit(bus, VisitStats(recorded.append, venue=lambda: "Lille", clock=lambda: 1000.0), session)
    bus.emit(ev.VisitStarted())
    bus.emit(ev.LanguageChosen("ar"))
    bus.emit(ev.ExhibitOpened("alternatives-sondage"))
    assert session.exhibit_id == "alternatives-sondage"
    bus.emit(ev.QrShown("alternatives-sondage", "https://www.le-mes.org/"))
    bus.emit(ev.PollVoted("alternatives-sondage", 0))
    bus.emit(ev.QuizAnswered("origines-quiz", 2, False))
    bus.emit(ev.IdeaSent("alternatives-mur", "Une recyclerie", ("alimentation",)))
    bus.emit(ev.ExhibitFailed("timeline", ValueError("bad")))
    bus.emit(ev.ExhibitClosed())
    assert session.exhibit_id is None
    bus.emit(ev.VisitEnded())
    kinds = [e.kind for e in recorded]
    assert kinds[0] == "visit_start" and kinds[-1] == "visit_end"
    assert {"language", "exhibit_open", "qr_shown", "poll_vote", "quiz_answer", "wall_idea", "fault"} <= set(kinds)
    assert next(e for e in recorded if e.kind == "poll_vote").value == 1  # the statistics count options from 1
    assert all(e.venue == "Lille" for e in recorded)


def test_votes_and_ideas_go_to_the_records_of_the_current_venue(tmp_path):
    store, place = RecordStore(tmp_path / "records.db"), {"venue": "Lille"}
    bus = ev.EventBus()
    connect_records(bus, store=lambda: store, venue=lambda: place["venue"])
    bus.emit(ev.PollVoted("sondage", 2))
    place["venue"] = "Lyon"
    bus.emit(ev.PollVoted("sondage", 0))
    bus.emit(ev.IdeaSent("mur", "Une recyclerie", ("alimentation",)))
    assert store.tally("sondage", "Lille", 3) == [0, 0, 1]
    assert store.tally("sondage", "Lyon", 3) == [1, 0, 0]
    [idea] = store.ideas("mur", venue="Lyon", status="pending")
    assert idea.text == "Une recyclerie"
    store.close()


def test_a_record_store_that_fails_is_logged_and_the_visit_goes_on(caplog):
    def broken_store():
        return SimpleNamespace(vote=_raise, add_idea=_raise)

    bus, seen = ev.EventBus(), []
    connect_records(bus, store=broken_store, venue=lambda: "")
    bus.subscribe(ev.PollVoted, seen.append)
    bus.emit(ev.PollVoted("sondage", 1))
    bus.emit(ev.IdeaSent("mur", "x"))
    assert seen == [ev.PollVoted("sondage", 1)]
    assert "poll 'sondage': the vote could not be recorded" in caplog.text
    assert "wall 'mur': an idea could not be stored" in caplog.text


def _raise(*_args, **_kwargs):
    raise sqlite3.OperationalError("database is locked")
