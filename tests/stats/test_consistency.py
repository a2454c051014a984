"""The menu, ``kiosk stats`` and the report count the same visits, and each number is written with the right plural."""

from __future__ import annotations

import gettext

import pytest

from kiosk.facilitator.today import language_rows, visits_text
from kiosk.i18n import catalog
from kiosk.stats.model import Event
from kiosk.stats.query import summarize, today_numbers
from kiosk.stats.report_sections import key_figures, languages_chart
from kiosk.stats.report_texts import Words
from kiosk.stats.text import format_summary
from tests.stats.conftest import D1, LILLE, at, sample_events, visit, write_db


def left_at_the_language_screen(number: int, hour: int) -> list[Event]:
    """A visit that started (a touch on the attract loop) and ended without any language chosen."""
    return visit(LILLE, number, at(D1, hour), [], 20)


@pytest.fixture
def db(tmp_path):
    events = sample_events() + left_at_the_language_screen(7_000_000_010, 12) + left_at_the_language_screen(
        7_000_000_011, 13)
    return write_db(tmp_path / "stats.db", events)


def test_the_languages_add_up_to_the_visits_in_the_menu_the_table_and_the_report(db):
    summary = summarize(db)
    assert summary.visits == 6
    assert summary.languages == {"fr": 2, "en": 1, "de": 1} and summary.without_language == 2
    # kiosk stats: the visits, and the languages with "none", over the same 6 visits
    table = format_summary(summary)
    assert "Visits: 6," in table
    assert "Languages (the one each visit started in; 6 visits)" in table
    assert "none        2   33 %  (left before choosing a language)" in table
    # the report: the key figure and the languages' caption say 6
    words = Words("en")
    assert dict(key_figures(summary, words))["Visits"] == "6"
    caption = languages_chart(summary, words)[2]
    assert "out of 6 visits" in caption and "no language chosen 2 (33%)" in caption
    # the menu, on 12 March at Lille: 2 visits with a language, 2 without
    today = today_numbers(db, venue=LILLE, now=at(D1, 18))
    rows = language_rows(today)
    assert today.visits == 4 and sum(count for _, count in rows) == 4 and (None, 2) in rows
    assert summarize(db, since=D1, until=D1, venue=LILLE).visits == 4


@pytest.mark.parametrize("count, english, french", [
    (1, "1 visit today", "1 visite aujourd’hui"), (2, "2 visits today", "2 visites aujourd’hui")])
def test_the_menus_visits_take_the_plural_of_their_number(db, count, english, french):
    today = today_numbers(db, venue=LILLE, now=at(D1, 18))
    numbers = type(today)(today.day, today.venue, visits=count)
    assert visits_text(numbers, gettext.gettext, gettext.ngettext).startswith(english)
    fr = catalog("fr")
    if fr.ngettext("{count} visit today", "{count} visits today", 2) == "{count} visits today":
        pytest.skip("the French catalog does not have these strings yet (make catalogs)")
    assert visits_text(numbers, fr.gettext, fr.ngettext).startswith(french)


@pytest.mark.parametrize("count, english, french", [(1, "1 vote", "1 vote"), (2, "2 votes", "2 votes"),
                                                    (0, "0 votes", "0 vote")])
def test_the_reports_votes_take_the_plural_of_their_number(count, english, french):
    assert Words("en").plural("votes_n", count) == english
    assert Words("fr").plural("votes_n", count) == french


def test_kiosk_stats_writes_1_vote_and_2_votes(tmp_path):
    events = visit(LILLE, 1, at(D1, 10), [("poll_vote", "poll", 1, "")], 10) + \
        visit(LILLE, 2, at(D1, 11), [("poll_vote", "solo", 2, ""), ("poll_vote", "poll", 2, "")], 10)
    table = format_summary(summarize(write_db(tmp_path / "s.db", events)))
    assert "poll  2 votes  option 1" in table and "solo  1 vote  option 2" in table
