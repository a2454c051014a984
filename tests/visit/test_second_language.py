"""Two languages at once, without a window: the session's second language, the second text, its statistics."""

from __future__ import annotations

from kiosk.content.text import LocalizedText, second_text
from kiosk.events import EventBus, SecondLanguageChosen, VisitStarted
from kiosk.facilitator.settings import KioskSettings
from kiosk.stats.model import Event
from kiosk.stats.query import summarize
from kiosk.visit.session import VisitorSession
from kiosk.visit.subscribers import connect_visit
from kiosk.visit.visit_stats import VisitStats
from tests.stats.conftest import LILLE, sample_events, write_db

TITLE = LocalizedText.of({"fr": "Les monnaies locales", "ar": "العملات المحلية", "en": ""})


def test_the_second_language_goes_at_the_idle_reset_and_the_venue_default_comes_back():
    session = VisitorSession("fr", default_second_language="en")
    assert session.second_language == "en" and session.is_fresh
    session.second_language = "ar"
    assert not session.is_fresh
    session.reset()
    assert session.second_language == "en" and session.is_fresh
    session.default_second_language = ""
    session.second_language = "ar"
    session.reset()
    assert session.second_language == ""


def test_a_second_language_chosen_on_the_language_screen_stays_when_the_visit_starts():
    session = VisitorSession("fr")
    session.second_language = "ar"
    session.state_for("quiz")["question"] = 2
    session.start("fr")
    assert session.second_language == "ar" and session.views == {} and session.visits == 1


def test_the_second_text_is_never_a_fallback_nor_a_duplicate():
    assert second_text(TITLE, "ar", "Les monnaies locales") == "العملات المحلية"
    assert second_text(TITLE, "", "Les monnaies locales") == ""
    assert second_text(TITLE, "en", "Les monnaies locales") == ""        # empty in English: no French again
    assert second_text(TITLE, "nl", "Les monnaies locales") == ""        # missing: no fallback
    assert second_text(TITLE, "fr", "Les monnaies locales") == ""        # the first language's own text
    assert second_text(LocalizedText.neutral("Eusko"), "ar", "Eusko") == ""   # the same in every language
    assert second_text(None, "ar", "") == ""


def test_the_venue_default_second_language_is_a_setting_saved_with_the_others(tmp_path):
    settings = KioskSettings.load(tmp_path)
    assert settings.default_second_language is None
    settings.default_second_language = "ar"
    settings.save()
    assert KioskSettings.load(tmp_path).default_second_language == "ar"


def test_choosing_a_second_language_is_counted_once_per_visit_and_language(tmp_path):
    events, bus = [], EventBus()
    connect_visit(bus, stats=VisitStats(events.append, venue=lambda: LILLE), session=VisitorSession("fr"))
    bus.emit(VisitStarted())
    bus.emit(SecondLanguageChosen("ar"))
    bus.emit(SecondLanguageChosen(""))         # taken away: not counted
    bus.emit(SecondLanguageChosen("ar"))
    chosen = [e for e in events if e.kind == "second_language"]
    assert [e.detail for e in chosen] == ["ar", "ar"]
    other = Event("second_language", chosen[0].at, LILLE, chosen[0].visit + 1, detail="en")
    summary = summarize(write_db(tmp_path / "stats.db", [*sample_events(), *chosen, other]))
    assert summary.second_languages == {"ar": 1, "en": 1}
