"""The funders' report: ``write_report`` and ``kiosk report``, read back with pypdf (no Kivy, no database)."""

from __future__ import annotations

import os
import random
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

pypdf = pytest.importorskip("pypdf")

from kiosk.stats import report  # noqa: E402
from kiosk.stats.model import ExhibitAttention, PollResult, QuestionSuccess, StatsSummary  # noqa: E402
from kiosk.stats.report import PollWording, write_report  # noqa: E402
from kiosk.stats.report_sections import short_link  # noqa: E402
from kiosk.stats.report_texts import Words  # noqa: E402

EXHIBITS = ["origines-enclosures", "origines-revolution-industrielle", "origines-trois-economies", "origines-quiz",
            "espoirs-associationnisme", "espoirs-securite-sociale", "espoirs-creches-parentales", "espoirs-quiz",
            "limites-frontieres-planetaires", "alternatives-amap", "alternatives-monnaies-locales", "alternatives-quiz"]
LINKS = ["https://www.le-mes.org/", "https://transiscope.org/carte/", "https://miramap.org/", "https://www.rtes.fr/",
         "https://sol-monnaies-locales.org/", "https://www.ess-france.org/", "https://www.ripess.eu/",
         "https://coopcycle.org/fr/", "https://framasoft.org/", "https://www.acepp.asso.fr/",
         "https://www.regiedequartier.org/", "https://transition-citoyenne.org/"]
MADE = datetime(2025, 4, 2, 14, 30)
PROJECT = Path(__file__).parents[2]


def busy_month() -> StatsSummary:
    """Thirty days of March 2025 at three venues: 12 exhibits, 4 languages, 3 quizzes, 2 polls."""
    rng = random.Random(7)
    first = date(2025, 3, 1)
    per_day = {first + timedelta(days=n): rng.choice((0, 12, 25, 31, 48, 60)) for n in range(30)}
    exhibits = [ExhibitAttention(e, opened=rng.randint(20, 200), total_seconds=rng.randint(600, 30000),
                                 median_seconds=rng.randint(20, 180)) for e in EXHIBITS]
    quiz = [QuestionSuccess(e, q, answered=(n := rng.randint(10, 120)), right=rng.randint(0, n))
            for e in ("origines-quiz", "espoirs-quiz", "alternatives-quiz") for q in range(1, 5)]
    return StatsSummary(
        since=first, until=date(2025, 3, 30), venue=None,
        venues=["Lyon — MJC Monplaisir", "Grenoble", "Valence"], visits_per_day=per_day,
        visits=sum(per_day.values()), median_visit_seconds=252,
        exhibits=sorted(exhibits, key=lambda e: -e.total_seconds),
        languages={"fr": 612, "en": 140, "nl": 51, "ar": 23}, language_switches=37,
        qr_by_link={url: 60 - 4 * n for n, url in enumerate(LINKS)}, quiz=quiz,
        polls=[PollResult("alternatives-sondage", {1: 48, 2: 31, 3: 12}), PollResult("espoirs-vote", {2: 5})],
        wall_ideas=19)


def nothing() -> StatsSummary:
    return StatsSummary(since=date(2025, 3, 1), until=date(2025, 3, 30), venue="Valence")


def read(path: Path) -> tuple[pypdf.PdfReader, str]:
    reader = pypdf.PdfReader(path)
    text = "\n".join(page.extract_text() for page in reader.pages)
    return reader, " ".join(text.replace("\u202f", " ").replace("\xa0", " ").split())


def image_count(reader: pypdf.PdfReader) -> int:
    """How many distinct images the pages draw."""
    found = set()
    for page in reader.pages:
        resources = page["/Resources"].get_object()
        objects = resources["/XObject"].get_object() if "/XObject" in resources else {}
        found.update(ref.idnum for ref in objects.values() if ref.get_object()["/Subtype"] == "/Image")
    return len(found)


@pytest.mark.parametrize("lang, words", [
    ("fr", ["Visites", "Période : du 1er mars 2025 au 30 mars 2025", "anglais 140", "néerlandais",
            "Lyon — MJC Monplaisir", "Durée médiane d'une visite", "4 min 12 s", "« visite »",
            "Quelle alternative rejoindriez-vous d'abord ?", "Une AMAP", "Réponse 1"]),
    ("en", ["Visits", "Period: 1 March 2025 to 30 March 2025", "English 140", "Dutch", "Median visit length",
            "4 min 12 s", "“visit”", "Which alternative would you join first?", "Option 1"]),
])
def test_a_busy_month_gives_every_chart_and_the_key_figures(tmp_path, lang, words):
    summary = busy_month()
    polls = {"alternatives-sondage": PollWording(
        *{"fr": ("Quelle alternative rejoindriez-vous d'abord ?", ("Une AMAP", "Une monnaie locale", "Une coopérative")),
          "en": ("Which alternative would you join first?", ("An AMAP", "A local currency", "A cooperative"))}[lang])}
    out = tmp_path / "rapport.pdf"
    pages = write_report(summary, out, lang, titles={"origines-quiz": "Quiz : les origines"}, polls=polls, made=MADE)
    reader, text = read(out)
    assert pages == len(reader.pages) == 4
    assert image_count(reader) == 5
    total = Words(lang).number(summary.visits).replace("\u202f", " ")
    for expected in [*words, total]:
        assert expected in text
    assert reader.metadata.title.startswith("Musée du Kapitalisme")


def test_an_empty_chart_becomes_one_sentence(tmp_path):
    summary = busy_month()
    summary.quiz, summary.qr_by_link = [], {}
    write_report(summary, tmp_path / "report.pdf", "en", made=MADE)
    reader, text = read(tmp_path / "report.pdf")
    assert image_count(reader) == 3
    assert "No quiz answered in this period." in text and "No QR code shown in this period." in text


@pytest.mark.parametrize(("lang", "count", "says"), [
    ("fr", 1, "Dont 1 visite enregistrée alors que l'horloge de la borne était fausse"),
    ("fr", 14, "Dont 14 visites enregistrées alors que l'horloge de la borne était fausse"),
    ("en", 14, "Of these, 14 visits were recorded while the kiosk's clock was wrong"),
])
def test_visits_recorded_with_a_wrong_clock_are_named_under_the_key_figures(tmp_path, lang, count, says):
    summary = busy_month()
    write_report(summary, tmp_path / "clean.pdf", lang, made=MADE)
    assert "horloge" not in read(tmp_path / "clean.pdf")[1] and "clock" not in read(tmp_path / "clean.pdf")[1]
    summary.wrong_clock_visits = count
    write_report(summary, tmp_path / "report.pdf", lang, made=MADE)
    assert says in read(tmp_path / "report.pdf")[1]


def test_nothing_recorded_gives_one_page_that_says_so(tmp_path):
    out = tmp_path / "vide.pdf"
    assert write_report(nothing(), out, made=MADE) == 1
    reader, text = read(out)
    assert len(reader.pages) == 1 and image_count(reader) == 0
    assert "Aucune visite n'a été enregistrée sur la borne pendant cette période." in text
    assert "Lieu : Valence" in text


def test_a_long_period_and_long_titles_still_draw(tmp_path):
    summary = busy_month()
    summary.since, summary.until = date(2024, 1, 1), date(2025, 12, 31)
    long_title = "Une fiche au titre vraiment très long, qui ne tiendrait jamais sur deux lignes de la colonne " * 2
    write_report(summary, tmp_path / "long.pdf", "fr", titles={e: long_title for e in EXHIBITS}, made=MADE)
    reader, text = read(tmp_path / "long.pdf")
    assert image_count(reader) == 5 and "du 1er janvier 2024 au 31 décembre 2025" in text


def test_links_are_shortened_to_host_and_path():
    assert short_link("https://www.le-mes.org/") == "le-mes.org"
    assert short_link("https://transiscope.org/carte/?q=lyon") == "transiscope.org/carte"
    assert short_link("https://example.org/" + "a" * 80).endswith("…")


def test_an_unknown_language_is_refused(tmp_path):
    with pytest.raises(report.ReportError):
        write_report(nothing(), tmp_path / "x.pdf", "nl")
    assert not list(tmp_path.iterdir())


def test_the_command_writes_the_file_atomically(tmp_path, monkeypatch, capsys):
    from kiosk.cli import main

    monkeypatch.setenv("KIOSK_CONTENT", str(PROJECT / "exhibits"))
    db = tmp_path / "stats.db"
    db.write_bytes(b"")
    asked = []
    monkeypatch.setattr(report, "summarize", lambda *args: asked.append(args) or busy_month())
    out = tmp_path / "usb" / "rapport.pdf"
    assert main(["report", "--out", str(out), "--db", str(db), "--since", "2025-03-01", "--venue", "Grenoble"]) == 0
    assert asked == [(db, date(2025, 3, 1), "Grenoble")]
    assert [p.name for p in out.parent.iterdir()] == ["rapport.pdf"]
    assert capsys.readouterr().out.strip() == f"{out}: 4 pages, 2025-03-01 to 2025-03-30"
    _, text = read(out)
    assert "Quelle alternative rejoindriez-vous en premier ?" in text  # the bundled poll's wording, in French


def test_the_command_says_when_there_are_no_statistics(tmp_path, capsys):
    from kiosk.cli import main

    assert main(["report", "--out", str(tmp_path / "r.pdf"), "--db", str(tmp_path / "missing.db")]) == 1
    assert "no statistics" in capsys.readouterr().err and not (tmp_path / "r.pdf").exists()


def test_a_failed_write_leaves_no_temporary_file(tmp_path, monkeypatch):
    def refuse(*_args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(OSError):
        write_report(nothing(), tmp_path / "r.pdf", made=MADE)
    assert not list(tmp_path.iterdir())
