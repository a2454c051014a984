"""The Pillow charts (kiosk.charts): poll results for the export, the report's bars, and the font fallback."""

from __future__ import annotations

import io
from datetime import date

from PIL import Image

from kiosk import charts
from kiosk.charts import Row, day_bars_png, draw_poll_chart, poll_chart_png, row_bars_png, vote_label


def size_of(png: bytes) -> tuple[int, int]:
    with Image.open(io.BytesIO(png)) as image:
        assert image.format == "PNG"
        return image.size


def test_chart_falls_back_to_pillows_font(monkeypatch, tmp_path):
    monkeypatch.setattr(charts, "FONTS", tmp_path)
    monkeypatch.setattr(charts, "SYSTEM_FONTS", {False: "no-such-font.ttf", True: "no-such-font.ttf"})
    charts.font.cache_clear()
    try:
        image = charts.draw_poll_chart("Qui décide ?", ["Élu·es", "Nous"], [1, 2])
        report_png = row_bars_png([Row("Élu·es", 1, "1")])
    finally:
        charts.font.cache_clear()
    assert image.width == charts.POLL_WIDTH
    assert size_of(report_png)[0] == charts.REPORT_WIDTH


def test_poll_labels_use_the_screens_whole_percentages():
    assert vote_label(1, 34) == "1 vote · 34 %" and vote_label(12, 48) == "12 votes · 48 %"
    three = draw_poll_chart("Qui ?", ["a", "b", "c"], [1, 1, 1])
    nobody = draw_poll_chart("Qui ?", ["a", "b", "c"], [0, 0, 0])
    assert three.size == nobody.size  # a bar per option, votes or not
    assert size_of(poll_chart_png("Qui ?", ["a", "b", "c"], [1, 1, 1], "Lyon")) == three.size


def test_report_bars_fill_the_text_width_and_grow_with_rows():
    one = size_of(row_bars_png([Row("Quiz · Q1", 0.72, "72 % (134)")], scale=1.0, track=True))
    many = size_of(row_bars_png([Row(f"Fiche {n}", n, str(n)) for n in range(6)]))
    assert one[0] == many[0] == charts.REPORT_WIDTH and many[1] > one[1]


def test_day_bars_for_a_month_and_for_two_years():
    month = size_of(day_bars_png({date(2025, 3, 3): 12}, date(2025, 3, 1), date(2025, 3, 31),
                                 lambda day, year: f"{day:%b %Y}" if year else f"{day:%b}"))
    years = size_of(day_bars_png({}, date(2024, 1, 1), date(2025, 12, 31), lambda day, year: f"{day:%b}"))
    assert month[0] == years[0] == charts.REPORT_WIDTH and years[1] < month[1]  # no day numbers on long periods
