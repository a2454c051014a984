"""Today's line in the facilitator menu says one consistent thing: plurals by rule, no median of nothing."""

from __future__ import annotations

from datetime import date

from kiosk.facilitator.today import duration_text, visits_text
from kiosk.i18n import catalog
from kiosk.stats.query import TodayNumbers


def numbers(visits: int, ended: int, median: float) -> TodayNumbers:
    return TodayNumbers(date(2026, 3, 12), None, visits, median, ended_visits=ended)


def words(language: str):
    translations = catalog(language)
    return translations.gettext, translations.ngettext


def test_no_median_while_no_visit_has_ended():
    assert visits_text(numbers(22, 0, 0.0), *words("en")) == "22 visits today"


def test_the_median_in_seconds_then_in_minutes_and_seconds():
    assert visits_text(numbers(1, 1, 42.4), *words("en")) == "1 visit today · median length 42 s"
    assert visits_text(numbers(9, 7, 245.0), *words("en")) == "9 visits today · median length 4 min 05 s"


def test_french_plurals_follow_the_rule():
    gettext, ngettext = words("fr")
    assert visits_text(numbers(1, 0, 0.0), gettext, ngettext).startswith("1 visite ")
    assert visits_text(numbers(22, 0, 0.0), gettext, ngettext).startswith("22 visites ")


def test_a_time_spent_reads_at_a_glance():
    gettext = catalog("en").gettext
    assert duration_text(6.2, gettext) == "6 s"
    assert duration_text(150, gettext) == "2 min 30 s"
    assert duration_text(1500, gettext) == "25 min"
