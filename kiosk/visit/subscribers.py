"""Who listens to the visitor's events (:mod:`kiosk.events`): statistics, records, the session. No Kivy.

::

    connect_visit(bus, stats=visit_stats, session=session)
    connect_records(bus, store=lambda: app.records, venue=lambda: app.venue)

The record store and the venue are read when an event arrives (the facilitator can change
the venue, and tests swap the store).
"""

from __future__ import annotations

import logging
import sqlite3

from kiosk import events as ev

log = logging.getLogger(__name__)


def connect_visit(bus: ev.EventBus, stats, session) -> None:
    """The anonymous statistics (:class:`kiosk.visit.visit_stats.VisitStats`) and the visitor session."""
    bus.subscribe(ev.VisitStarted, lambda e: stats.visit_started())
    bus.subscribe(ev.VisitEnded, lambda e: stats.visit_ended(e.last_activity))
    bus.subscribe(ev.LanguageChosen, lambda e: stats.language(e.language))
    bus.subscribe(ev.SecondLanguageChosen, lambda e: stats.second_language(e.language))
    bus.subscribe(ev.AccessChanged, lambda e: stats.access(e.mode, e.on))
    bus.subscribe(ev.BasketKept, lambda e: stats.basket(e.size))
    bus.subscribe(ev.NarrationPlayed, lambda e: stats.narration(e.exhibit, e.language))
    bus.subscribe(ev.ExhibitOpened, lambda e: setattr(session, "exhibit_id", e.exhibit))
    bus.subscribe(ev.ExhibitOpened, lambda e: session.seen.add(e.exhibit))  # home marks it "seen"
    bus.subscribe(ev.ExhibitOpened, lambda e: stats.exhibit_opened(e.exhibit))
    bus.subscribe(ev.ExhibitClosed, lambda e: setattr(session, "exhibit_id", None))
    bus.subscribe(ev.ExhibitClosed, lambda e: stats.exhibit_closed())
    bus.subscribe(ev.ExhibitFailed, lambda e: stats.fault(e.exhibit, e.error))
    bus.subscribe(ev.QrShown, lambda e: stats.qr_shown(e.exhibit, e.url))
    bus.subscribe(ev.QuizAnswered, lambda e: stats.quiz_answered(e.exhibit, e.question, e.right))
    bus.subscribe(ev.PollVoted, lambda e: stats.poll_voted(e.exhibit, e.option + 1))
    bus.subscribe(ev.IdeaSent, lambda e: stats.idea_sent(e.exhibit))
    bus.subscribe(ev.CommonsPlayed, lambda e: stats.game_ended(e.exhibit, e.players, e.rounds, e.rules_adopted,
                                                               e.outcome))
    bus.subscribe(ev.RoleplayPlayed, lambda e: stats.roleplay_ended(e.exhibit, e.players, e.modes))


def connect_records(bus: ev.EventBus, store, venue) -> None:
    """The venue's record of votes and ideas (:class:`kiosk.records.RecordStore`), at the current venue."""

    def vote(event: ev.PollVoted) -> None:
        try:
            store().vote(event.exhibit, event.option, venue())
        except sqlite3.Error:
            log.exception("poll %r: the vote could not be recorded", event.exhibit)

    def idea(event: ev.IdeaSent) -> None:
        try:
            store().add_idea(event.exhibit, event.text, list(event.tags), venue())
        except sqlite3.Error:
            log.exception("wall %r: an idea could not be stored", event.exhibit)

    bus.subscribe(ev.PollVoted, vote)
    bus.subscribe(ev.IdeaSent, idea)
