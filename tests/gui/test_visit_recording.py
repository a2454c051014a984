"""A driven visit leaves the anonymous events the statistics need, and nothing more."""

from __future__ import annotations

import sqlite3

from tests.gui.test_language_and_idle import switch_language
from tests.gui.test_visitor_flow import open_exhibit, start_visit


def events_after(app, last_id: int) -> list[sqlite3.Row]:
    assert app.stats.flush(timeout=10), "the recorder wrote what it was given"
    with sqlite3.connect(app.stats.path) as db:
        db.row_factory = sqlite3.Row
        return db.execute("SELECT rowid, * FROM events WHERE rowid > ? ORDER BY rowid", (last_id,)).fetchall()


def last_event_id(app) -> int:
    app.stats.flush(timeout=10)
    with sqlite3.connect(app.stats.path) as db:
        return db.execute("SELECT coalesce(max(rowid), 0) FROM events").fetchone()[0]


def test_a_visit_is_recorded_from_its_first_touch_to_the_idle_reset(fresh):
    kiosk, app = fresh, fresh.app
    before = last_event_id(app)
    start_visit(kiosk, "English")
    view = open_exhibit(kiosk, "origines-quiz")
    quiz = view.manifest.details
    right = min(quiz.questions[0].correct)
    kiosk.tap(list(reversed(view.ids.answers.children))[right])
    switch_language(kiosk, "fr")
    kiosk.tap(view.ids.action)
    kiosk.tap(list(reversed(view.ids.answers.children))[0 if 0 not in quiz.questions[1].correct else 1])
    app.navigator.back()
    kiosk.settle()
    app.idle.reset_now()
    kiosk.settle()

    events = events_after(app, before)
    kinds = [e["kind"] for e in events]
    assert kinds[:3] == ["visit_start", "language", "exhibit_open"] and kinds[-2:] == ["exhibit_close", "visit_end"]
    assert [e["detail"] for e in events if e["kind"] == "language"] == ["en", "fr"]
    answers = [(e["detail"], e["value"], e["language"]) for e in events if e["kind"] == "quiz_answer"]
    assert answers == [("1", 1, "en"), ("2", 0, "fr")]
    shown = {e["detail"] for e in events if e["kind"] == "qr_shown"}
    assert shown == {link.url.get("en") for link in view.manifest.links} | {link.url.get("fr") for link in view.manifest.links}
    assert len({e["visit"] for e in events}) == 1 and events[0]["visit"] != 0
    assert {e["venue"] for e in events} == {app.venue}
    assert all(e["exhibit"] in ("", "origines-quiz") for e in events)
    assert kinds.count("exhibit_open") == 1, "a language switch keeps the same opening"


def test_what_is_stored_is_only_the_anonymous_columns(fresh):
    app = fresh.app
    with sqlite3.connect(app.stats.path) as db:
        columns = [row[1] for row in db.execute("PRAGMA table_info(events)")]
    assert set(columns) <= {"id", "at", "kind", "venue", "visit", "exhibit", "language", "value", "detail"}


def test_the_facilitator_menu_shows_todays_numbers_as_a_chart(facilitator):
    from kiosk.gui.facilitator.menu import MenuBar

    kiosk, app = facilitator, facilitator.app
    start_visit(kiosk, "English")
    open_exhibit(kiosk, "limites-quiz")
    kiosk.wait(1.1)
    app.idle.reset_now()
    kiosk.settle()
    app.stats.flush(timeout=10)
    app.set_language("en")
    app.facilitator.access.open_menu()
    kiosk.settle()
    kiosk.find_text("Today")
    kiosk.find_text("visits today · median length")
    rows = {row.label: row for row in kiosk.widgets(kiosk.screen) if isinstance(row, MenuBar)}
    assert "English" in rows and rows["English"].fraction > 0
    numbers = app.facilitator.export.today()  # the whole test session's visits today: the chart shows its top five
    assert numbers.visits >= 1 and numbers.languages.get("en", 0) >= 1
    titles = [app.text(app.content.exhibit(a.exhibit).title) for a in numbers.top_exhibits]
    assert titles and set(titles) <= set(rows)
    assert max(rows[t].fraction for t in titles) == 1


def test_no_text_in_the_menu_is_drawn_with_a_font_that_lacks_its_letters(facilitator):
    """العربية in today's chart, the guided paths' buttons: every character has a glyph in its font."""
    from fontTools.ttLib import TTFont
    from kivy.core.text import LabelBase
    from kivy.uix.label import Label

    kiosk, app = facilitator, facilitator.app
    start_visit(kiosk, "العربية")
    app.idle.reset_now()
    kiosk.settle()
    app.stats.flush(timeout=10)
    app.set_language("en")
    app.facilitator.settings_editor.change(mode="guided")
    app.facilitator.access.open_menu()
    kiosk.settle()
    cmaps = {}
    missing = []
    for label in kiosk.widgets(kiosk.screen):
        if not isinstance(label, Label) or not label.text:
            continue
        file = LabelBase._fonts[label.font_name][2 if label.bold else 0]
        cmap = cmaps.setdefault(file, TTFont(file).getBestCmap())
        missing += [(label.text, ch) for ch in label.text if not ch.isspace() and ord(ch) not in cmap]
    assert not missing
    assert any("\u0600" <= ch <= "\u06ff" or "\ufe70" <= ch <= "\ufeff" for label in kiosk.widgets(kiosk.screen)
               if isinstance(label, Label) for ch in label.text), "العربية is in today's chart"
    app.facilitator.settings_editor.change(mode="free")
