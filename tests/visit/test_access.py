"""The visitor's access modes as data: what turns them on and off, what keeps and ends them (no window)."""

from __future__ import annotations

import pytest

from kiosk.render.contrast import HIGH_CONTRAST, ROOM_RATIO, STANDARD, contrast, deepened
from kiosk.stats.query import summarize
from kiosk.stats.report_sections import languages_chart
from kiosk.stats.report_texts import Words
from kiosk.stats.text import format_summary
from kiosk.visit.access import DRAWN, MODES, TEXT_FACTOR, AccessModes
from kiosk.visit.session import VisitorSession
from kiosk.visit.visit_stats import VisitStats
from tests.stats.conftest import D1, LILLE, at, visit, write_db


def test_a_mode_turns_on_and_off_and_says_when_it_changed():
    modes = AccessModes()
    assert modes.active == () and modes.text_factor == 1
    assert modes.set("large_text", True) is True
    assert modes.set("large_text", True) is False   # already on: nothing to count again
    assert modes.toggle("high_contrast") is True
    assert modes.active == ("large_text", "high_contrast") and modes.text_factor == TEXT_FACTOR >= 1.4
    with pytest.raises(ValueError, match="no access mode 'huge_text'"):
        modes.set("huge_text", True)
    modes.reset()
    assert modes.active == ()


def test_choosing_a_language_keeps_the_modes_and_the_idle_reset_ends_them():
    session = VisitorSession("fr")
    session.access.set("reduced_motion", True)     # on the language screen, before a language is chosen
    session.start("ar")
    assert session.access.active == ("reduced_motion",)
    assert not session.is_fresh
    session.reset()
    assert session.access.active == () and session.is_fresh


def test_each_mode_is_counted_once_per_visit_that_turned_it_on(tmp_path):
    events = []
    stats = VisitStats(events.append, venue=lambda: LILLE, clock=lambda: at(D1, 10))
    stats.visit_started()
    stats.access("large_text", True)
    stats.access("large_text", False)
    stats.access("large_text", True)                 # toggled twice in one visit: one visit
    assert [(e.kind, e.value, e.detail) for e in events[1:]] == [
        ("access", 1, "large_text"), ("access", 0, "large_text"), ("access", 1, "large_text")]
    other = visit(LILLE, 7_000_000_002, at(D1, 11), [("access", "", 1, "large_text"), ("access", "", 1, "high_contrast"),
                                                     ("access", "", 0, "high_contrast")], 30)
    db = write_db(tmp_path / "stats.db", events + other)
    summary = summarize(db)
    assert summary.access_modes == {"large_text": 2, "high_contrast": 1}
    assert "large_text       2 visits" in format_summary(summary)
    _heading, _chart, caption = languages_chart(summary, Words("fr"))
    assert "Modes d'accès activés : texte agrandi dans 2 visites, contraste renforcé dans 1 visite." in caption


@pytest.mark.parametrize("palette, floor", [(STANDARD, 4.5), (HIGH_CONTRAST, 7.0)])
def test_every_text_reads_on_every_background_it_is_drawn_on(palette, floor):
    white = "#FFFFFF"
    pairs = [("ink", "paper"), ("ink", "surface"), ("muted", "paper"), ("muted", "surface"), ("ink", "accent")]
    for text, background in pairs:
        assert contrast(palette[text], palette[background]) >= floor, (text, background)
    for background in ("ink", "success", "danger"):
        assert contrast(white, palette[background]) >= floor, ("white", background)


def test_in_high_contrast_outlines_show_and_every_room_colour_is_deepened_to_seven_to_one():
    assert contrast(HIGH_CONTRAST["line"], HIGH_CONTRAST["paper"]) >= 3   # a card's edge, a switch's track
    for colour in ("#8C2F39", "#9A4A0B", "#2F5D8C", "#2E6B3F", "#E0A526", "#FFFFFF"):
        deep = deepened(colour, ("#FFFFFF",), ROOM_RATIO)
        assert contrast(deep, "#FFFFFF") >= ROOM_RATIO, (colour, deep)
    assert deepened("#1F1A17", ("#FFFFFF",), ROOM_RATIO) == "#1F1A17"   # dark enough already: unchanged


def test_the_modes_are_the_ones_the_panel_lists():
    assert MODES == ("large_text", "high_contrast", "reduced_motion", "audio", "reach", "guide")
    assert set(DRAWN) < set(MODES) and "guide" not in DRAWN and "audio" not in DRAWN   # heard, not drawn
    assert all(hasattr(AccessModes(), mode) for mode in MODES)


def test_the_reachable_share_comes_from_where_the_screen_hangs():
    """A tape measure's figures: the picture's height, its lower edge above the floor, the highest reach."""
    from kiosk.visit.access import CHILD_REACH_MM, LEAST_SHARE, Mounting

    assert Mounting(screen_height_mm=600, bottom_mm=900).reachable_share() == pytest.approx(0.533)   # 1,220 mm
    assert Mounting(screen_height_mm=950, bottom_mm=800).reachable_share() == pytest.approx(0.442)   # 43" portrait
    assert Mounting(screen_height_mm=535, bottom_mm=700).reachable_share() == 0.972
    assert Mounting(screen_height_mm=400, bottom_mm=600).reachable_share() == 1.0     # all of it in reach
    children = Mounting(screen_height_mm=535, bottom_mm=900, reach_top_mm=CHILD_REACH_MM)
    assert children.reachable_share() == LEAST_SHARE and children.out_of_reach(), "hung too high: said so"
    assert not Mounting().out_of_reach()


def test_a_wrong_mounting_setting_names_the_field_and_keeps_the_defaults(tmp_path, caplog):
    import json

    from kiosk.facilitator.settings import KioskSettings
    from kiosk.visit.access import Mounting

    with pytest.raises(ValueError, match="screen_height_mm is the picture's height in millimetres"):
        Mounting(screen_height_mm=43)                 # inches, not millimetres
    with pytest.raises(ValueError, match="bottom_mm must be whole millimetres"):
        Mounting.from_setting({"bottom_mm": "90 cm"})
    (tmp_path / "settings.json").write_text(json.dumps({"reach": {"bottom": 900}}))
    settings = KioskSettings.load(tmp_path)
    assert settings.reach is None and settings.mounting == Mounting()
    assert "reach must be null or a mapping of screen_height_mm, bottom_mm and reach_top_mm" in caplog.text
    settings.reach = {"bottom_mm": 1000}
    settings.save()
    assert KioskSettings.load(tmp_path).mounting.reachable_share() == pytest.approx(0.367)
