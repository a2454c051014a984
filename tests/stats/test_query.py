"""Every figure of the summary, and today's numbers, on the hand-made visits of conftest.py."""

from __future__ import annotations

import sqlite3

import pytest

from kiosk.stats.model import Event, ExhibitAttention, GameResults, PollResult, QuestionSuccess
from kiosk.stats.query import summarize, today_numbers
from kiosk.stats.store import StatsError
from tests.stats.conftest import D1, D2, D3, LILLE, NANTES, URL1, URL2, at, sample_events, write_db


def test_the_summary_of_everything(sample_db):
    summary = summarize(sample_db)
    assert (summary.since, summary.until, summary.venue) == (None, D3, None)
    assert summary.venues == [LILLE, NANTES]
    assert summary.events == len(sample_events())
    assert summary.visits_per_day == {D1: 2, D2: 1, D3: 1}
    assert summary.visits == 4
    assert summary.median_visit_seconds == 150.0
    assert summary.exhibits == [ExhibitAttention("A", 3, 190.0, 60.0), ExhibitAttention("B", 2, 120.0, 60.0)]
    assert list(summary.languages.items()) == [("fr", 2), ("de", 1), ("en", 1)]
    assert summary.language_switches == 1
    assert list(summary.qr_by_link.items()) == [(URL1, 2), (URL2, 1)]
    assert summary.quiz == [QuestionSuccess("quiz", 1, 2, 1), QuestionSuccess("quiz", 2, 1, 0)]
    assert summary.quiz[0].share == 0.5
    assert summary.polls == [PollResult("poll", {1: 1, 2: 1})]
    assert summary.wall_ideas == 1
    assert summary.faults == {"B": 1}


def test_one_venue(sample_db):
    summary = summarize(sample_db, venue=LILLE)
    assert summary.venues == [LILLE]
    assert summary.visits == 3
    assert summary.visits_per_day == {D1: 2, D2: 1}
    assert summary.median_visit_seconds == 200.0
    assert summary.exhibits == [ExhibitAttention("A", 2, 180.0, 90.0), ExhibitAttention("B", 2, 120.0, 60.0)]
    assert summary.languages == {"fr": 2, "en": 1}
    assert summary.polls == [PollResult("poll", {2: 1})]
    assert summary.faults == {}
    assert summary.until == D2


def test_since_a_day(sample_db):
    summary = summarize(sample_db, since=D2)
    assert summary.since == D2
    assert summary.visits_per_day == {D2: 1, D3: 1}
    assert summary.median_visit_seconds == 75.0
    assert summary.languages == {"de": 1, "fr": 1}
    assert summary.language_switches == 0
    assert summary.quiz == [QuestionSuccess("quiz", 1, 1, 0)]
    assert summary.qr_by_link == {URL1: 1, URL2: 1}


def test_since_and_venue_and_until_together(sample_db):
    assert summarize(sample_db, since=D2, venue=LILLE).visits_per_day == {D2: 1}
    assert summarize(sample_db, since=D1, until=D1).visits == 2
    assert summarize(sample_db, since=D2, venue=NANTES, until=D2).events == 0


def test_nothing_selected_gives_zeros(sample_db, empty_db):
    for summary in (summarize(empty_db), summarize(sample_db, venue="Paris")):
        assert (summary.events, summary.visits, summary.median_visit_seconds, summary.until) == (0, 0, 0.0, None)
        assert summary.exhibits == summary.quiz == summary.polls == summary.venues == []
        assert summary.languages == summary.qr_by_link == summary.faults == summary.visits_per_day == {}


def test_the_first_language_wins_even_within_one_second(tmp_path):
    """Two language events in the same second: the one written first is the visit's first language."""
    events = sample_events()[:2]
    same_second = Event("language", events[1].at, LILLE, events[1].visit, detail="nl")
    db = write_db(tmp_path / "stats.db", [*events, same_second])
    summary = summarize(db)
    assert summary.languages == {"fr": 1}
    assert summary.language_switches == 1


def test_a_missing_file_is_an_error(tmp_path):
    with pytest.raises(StatsError, match="no statistics file"):
        summarize(tmp_path / "nope.db")
    assert not (tmp_path / "nope.db").exists()


def test_a_file_of_other_data_is_refused(tmp_path):
    other = tmp_path / "records.db"
    with sqlite3.connect(other) as db:
        db.execute("CREATE TABLE votes (exhibit TEXT)")
        db.execute("PRAGMA user_version = 1")
    db.close()
    with pytest.raises(StatsError, match="not a kiosk statistics file"):
        summarize(other)


def test_today_numbers(sample_db):
    today = today_numbers(sample_db, now=at(D1, 18))
    assert (today.day, today.venue, today.visits, today.median_visit_seconds) == (D1, None, 2, 250.0)
    assert today.top_exhibits == [ExhibitAttention("A", 2, 180.0, 90.0), ExhibitAttention("B", 1, 30.0, 30.0)]
    assert today.languages == {"en": 1, "fr": 1}
    assert today_numbers(sample_db, venue=NANTES, now=at(D1, 18)).visits == 0
    assert today_numbers(sample_db, venue=NANTES, now=at(D3, 18)).visits == 1


def test_today_numbers_keep_the_top_five(tmp_path):
    events = [event for number in range(8) for event in (
        Event("exhibit_open", at(D1, 12), LILLE, 1, f"e{number}"),
        Event("exhibit_close", at(D1, 12), LILLE, 1, f"e{number}", value=number))]
    today = today_numbers(write_db(tmp_path / "stats.db", events), now=at(D1, 13))
    assert [item.exhibit for item in today.top_exhibits] == ["e7", "e6", "e5", "e4", "e3"]


def test_today_numbers_before_anything_was_recorded(tmp_path):
    today = today_numbers(tmp_path / "stats.db", now=at(D1, 18))
    assert (today.day, today.visits, today.top_exhibits, today.languages) == (D1, 0, [], {})


def test_games_played_to_their_end_are_counted_with_rounds_rules_and_outcomes(tmp_path):
    events = [Event("game_end", at(D1, 10), LILLE, 7_000_000_009, "vallee", "fr", 8, "sustained 3 2"),
              Event("game_end", at(D1, 11), LILLE, 7_000_000_010, "vallee", "ar", 4, "collapsed 4 0"),
              Event("game_end", at(D2, 11), NANTES, 7_000_000_011, "vallee", "fr", 6, "sustained 2 1")]
    summary = summarize(write_db(tmp_path / "stats.db", events))
    assert summary.games == [GameResults("vallee", 3, 18, 3, {"sustained": 2, "collapsed": 1})]
    assert summarize(write_db(tmp_path / "lille.db", events), venue=LILLE).games[0].played == 2
