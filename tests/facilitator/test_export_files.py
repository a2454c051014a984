"""What an exported file holds: the CSV rows, the poll shares, the charts, the HTML summary, the names."""

from __future__ import annotations

import pytest
from PIL import Image

from kiosk import charts
from kiosk.exhibit_types.poll.model import percentages
from kiosk.facilitator.export import export_session
from kiosk.facilitator.export_data import ExportData, PollResult, WallIdea
from tests.facilitator.export_sample import MADE, read_csv, sample


def test_polls_csv_has_one_row_per_option(tmp_path):
    rows = read_csv(export_session(sample(), tmp_path) / "polls.csv")
    assert rows[0] == ["venue", "exhibit", "question", "option", "votes", "share %"]
    assert rows[1:4] == [
        ["Plougastel", "prix", "Qui fixe le prix des légumes ?", "Le marché", "2", "20"],
        ["Plougastel", "prix", "Qui fixe le prix des légumes ?", "Les paysan·nes", "3", "30"],
        ["Plougastel", "prix", "Qui fixe le prix des légumes ?", "Ensemble", "5", "50"],
    ]
    assert rows[4:] == [["Plougastel", "monnaie", "Une monnaie locale ?", "Oui", "0", "0"],
                        ["Plougastel", "monnaie", "Une monnaie locale ?", "Non", "0", "0"]]


def test_shares_are_the_whole_percentages_of_the_poll_screen(tmp_path):
    data = ExportData("t", "v", MADE, polls=[PollResult("tiers", "Qui ?", ["a", "b", "c"], [1, 1, 1], "v")])
    folder = export_session(data, tmp_path)
    assert [row[5] for row in read_csv(folder / "polls.csv")[1:]] == ["34", "33", "33"]
    assert percentages([1, 1, 1]) == [34, 33, 33]  # what the poll screen shows
    page = (folder / "summary.html").read_text(encoding="utf-8")
    assert "1 vote · 34 %" in page and "1 vote · 33 %" in page and "33.3" not in page


def test_ideas_csv_keeps_every_idea_with_formulas_defused(tmp_path):
    rows = read_csv(export_session(sample(), tmp_path) / "ideas.csv")
    assert rows[0] == ["venue", "created", "status", "tags", "text"]
    assert rows[1] == ["Plougastel", "2024-05-18T15:02:00", "approved", "coopérative; alimentation",
                       "Une épicerie coopérative, gérée à plusieurs"]
    assert [row[2] for row in rows[1:]] == ["approved", "approved", "pending", "hidden"]
    assert rows[3][4] == "'=HYPERLINK(\"http://evil\")"


def test_session_log_csv(tmp_path):
    rows = read_csv(export_session(sample(), tmp_path) / "session-log.csv")
    assert rows == [["time", "venue", "event", "detail"],
                    ["2024-05-18T14:00:00", "Plougastel", "session_start", "Atelier ouvert"],
                    ["2024-05-18T16:29:00", "Plougastel", "poll_closed", "prix : 10 votes"]]


def test_charts_are_pngs_of_the_expected_size(tmp_path):
    folder = export_session(sample(), tmp_path)
    with Image.open(folder / "poll-prix.png") as image:
        assert image.format == "PNG"
        expected = charts.draw_poll_chart("Qui fixe le prix des légumes ?", ["Le marché", "Les paysan·nes",
                                                                             "Ensemble"], [2, 3, 5], "Plougastel")
        assert image.size == expected.size
        assert image.width == charts.POLL_WIDTH and image.height > 300
    with Image.open(folder / "poll-monnaie.png") as two_options:
        assert two_options.height < image.height


def test_summary_escapes_text_and_counts_ideas(tmp_path):
    page = (export_session(sample(), tmp_path) / "summary.html").read_text(encoding="utf-8")
    assert "<script>" not in page
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; co" in page
    assert "Atelier « prix juste »" in page and "Salle des fêtes, Plougastel" in page and "2024-05-18 16:30" in page
    assert "Une épicerie coopérative" in page and "Texte masqué" not in page and "HYPERLINK" not in page
    assert "Pending : <strong>1</strong>" in page and "Hidden : <strong>1</strong>" in page
    assert page.count("data:image/png;base64,") == 2 and "session_start" in page


def test_duplicate_and_unsafe_exhibit_ids_get_distinct_chart_names(tmp_path):
    data = ExportData("t", "v", MADE, polls=[PollResult(i, "q", ["a"], [1], "v") for i in ("a/b", "A-b", "a/b")])
    names = sorted(p.name for p in export_session(data, tmp_path).glob("poll-*.png"))
    assert names == ["poll-A-b-2.png", "poll-a-b-3.png", "poll-a-b.png"]


def test_bad_data_is_refused_where_it_is_made():
    with pytest.raises(ValueError, match="one vote count"):
        PollResult("p", "q", ["a", "b"], [1], "v")
    with pytest.raises(ValueError, match="status"):
        WallIdea("t", [], "deleted", "2024-05-18T15:00:00", "v")
