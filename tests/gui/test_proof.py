"""`kiosk proof`, run as a curator runs it: PNGs, contact sheets per language, and what to fix beside each exhibit."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
from PIL import Image, ImageStat

from kiosk.content.loader import load_content
from kiosk.gui.curator.proof_sheet import missing_translations
from tests.conftest import PROJECT
from tests.gui.test_snapshot import expected_files


def run_proof(content: Path, out: Path, *options: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(PROJECT), KIOSK_DATA_DIR=str(out.parent / "data"))
    return subprocess.run([sys.executable, "-m", "kiosk", "proof", str(content), "--out", str(out), *options],
                          capture_output=True, text=True, env=env, timeout=1200)


class Page(HTMLParser):
    """The parts of a contact sheet a test looks at: exhibits (by id), pictures, links and findings."""

    def __init__(self, path: Path):
        super().__init__()
        self.articles: dict[str, str] = {}
        self.images, self.links, self._article, self._text = [], [], None, []
        self.feed(path.read_text(encoding="utf-8"))

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "article":
            self._article, self._text = attrs["id"], []
        elif tag == "img":
            self.images.append(attrs["src"])
        elif tag == "a":
            self.links.append(attrs["href"])

    def handle_endtag(self, tag):
        if tag == "article":
            self.articles[self._article] = " ".join(self._text)
            self._article = None

    def handle_data(self, data):
        if self._article:
            self._text.append(data)


@pytest.fixture(scope="module")
def bundled_proof(tmp_path_factory):
    """One proof of the whole bundled exhibition, in every language (it also stands for `kiosk snapshot`)."""
    out = tmp_path_factory.mktemp("proof") / "out"
    result = run_proof(PROJECT / "exhibits", out, "--size", "1920x1080")
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return out, result


def test_the_bundled_exhibition_is_proofed_whole(bundled_proof):
    out, result = bundled_proof
    content = load_content(PROJECT / "exhibits")
    languages = content.collection.languages.languages
    files = {entry["file"] for entry in json.loads((out / "snapshots.json").read_text())}
    assert files == expected_files(content)
    for name in sorted(files):
        with Image.open(out / name) as image:
            assert image.size == (1920, 1080), name
            assert ImageStat.Stat(image.convert("L")).stddev[0] > 10, f"{name} looks blank"
    index = Page(out / "index.html")
    assert {f"sheet-{code}.html" for code in languages} <= set(index.links)
    for code in languages:
        page = Page(out / f"sheet-{code}.html")
        assert set(page.articles) == {r.id for r in content.results}, code
        for source in page.images:
            assert (out / source).is_file(), source
        shots = {f for f in files if re.search(rf"-{code}(-\d+)?\.png$", f)}
        assert shots <= set(page.links), f"{code}: screens missing from the sheet: {sorted(shots - set(page.links))}"
    assert re.search(r"proof: \d+ screens, 6 contact sheets", result.stdout)
    assert "100%" in result.stderr  # the progress bar got to its end


def test_the_bundled_exhibition_shows_no_fault_a_person_would_see(bundled_proof):
    """No clipped text, line cut by a scroll, cut card, upscaled picture or missing letter on any screen."""
    out, _ = bundled_proof
    faults = [(e["file"], p["kind"], p["message"]) for e in json.loads((out / "proof.json").read_text())["screens"]
              for p in e.get("problems", ())]
    assert faults == []


def test_small_pictures_missing_translations_and_skipped_exhibits_are_flagged_beside_their_exhibit(root, tmp_path):
    content = root("base")
    shutil.copytree(PROJECT / "tests" / "roots" / "field-errors" / "unknown-type", content / "unknown-type")
    out = tmp_path / "out"
    result = run_proof(content, out, "--size", "1280x800", "--lang", "en", "--lang", "de")
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]

    english = Page(out / "sheet-en.html")
    assert "picture too small" in english.articles["gallery-ok"]
    assert "gallery-ok-en-1.png" in english.articles["gallery-ok"]
    assert "one.png (48×32 px)" in english.articles["gallery-ok"]
    assert "not translated" not in english.articles["panel-ok"]
    skipped = " ".join(english.articles["unknown-type"].split())
    assert "skipped: visitors do not see it" in skipped and "unknown-type/exhibit.yaml:" in skipped
    german = Page(out / "sheet-de.html")
    assert "not translated no de text for: questions[1].question" in " ".join(german.articles["quiz-ok"].split())
    summary = (out / "index.html").read_text(encoding="utf-8")
    assert "sheet-de.html" in summary and "sheet-fr.html" not in summary


def test_missing_translations_leave_out_what_only_facilitators_read():
    content = load_content(PROJECT / "tests" / "roots" / "base")
    quiz = content.exhibit("quiz-ok")
    assert "questions[1].question" in missing_translations(quiz, "de")
    assert missing_translations(quiz, "en") == []
    assert all(not name.startswith("facilitator_notes") for m in content.exhibits
               for name in missing_translations(m, "de"))


def test_what_a_screen_showed_is_listed_beside_its_exhibit_on_the_sheet():
    from kiosk.gui.curator.proof_sheet import exhibit_findings

    content = load_content(PROJECT / "tests" / "roots" / "base")
    result = next(r for r in content.results if r.id == "quiz-ok")
    entries = [{"file": "quiz-ok-de-2.png", "problems": [{"kind": "overflow", "message": "text cut off: “Frage”"}]}]
    found = exhibit_findings(content, result, "de", entries)
    assert ("overflow", "text cut off: “Frage”", "quiz-ok-de-2.png") in [(f.kind, f.text, f.where) for f in found]
    assert any(f.kind == "missing" and "questions[1].question" in f.text for f in found)


def test_faults_a_person_sees_are_flagged_per_screen_on_the_sheets_and_counted(tmp_path):
    """tests/roots/proof-broken: a letter no font has, more QR cards than their column shows, tiny pictures."""
    out = tmp_path / "out"
    result = run_proof(PROJECT / "tests" / "roots" / "proof-broken", out, "--size", "1280x800", "--lang", "en")
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    found = {(e["file"], p["kind"]) for e in json.loads((out / "proof.json").read_text())["screens"]
             for p in e.get("problems", ())}
    assert {("attract-en.png", "upscaled"), ("home-en-salle.png", "glyph"), ("letters-missing-en-1.png", "glyph")} <= found
    assert ("language.png", "glyph") not in found and not any(kind == "overflow" for _, kind in found)
    # more QR cards than their column holds: whole cards and a pager to the others, none cut
    # (the cut-card check itself: tests/gui/test_proof_checks.py)
    assert ("many-links-en-1.png", "cut-card") not in found

    english = Page(out / "sheet-en.html")
    assert "letter missing from font the font Kiosk has no U+5B57 字" in " ".join(english.articles["letters-missing"].split())
    sheet = " ".join((out / "sheet-en.html").read_text(encoding="utf-8").split())
    assert "picture too small</b> the picture picture.png (48×32 px)" in sheet and 'href="attract-en.png"' in sheet
    summary = (out / "index.html").read_text(encoding="utf-8")
    for label in ("line cut by a scroll", "card cut off", "letter missing from font"):
        assert f"<th>{label}</th>" in summary
    assert re.search(r"\d+ cut cards, \d+ cards without their picture, \d+ upscaled pictures, \d+ missing letters", result.stdout)


@pytest.fixture(scope="module")
def larger_text_proof(tmp_path_factory):
    """The bundled exhibition as a visitor sees it with larger text and high contrast on, on the smallest
    screen the kiosk supports, in a left-to-right and the right-to-left language (issue: every visitor)."""
    out = tmp_path_factory.mktemp("proof-access") / "out"
    result = run_proof(PROJECT / "exhibits", out, "--size", "1280x800", "--lang", "fr", "--lang", "ar",
                       "--access", "large_text", "--access", "high_contrast")
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return out


def test_larger_text_and_high_contrast_cut_nothing_a_visitor_reads(larger_text_proof):
    """Every text 1.4× larger and the layouts reflowed: no clipped text, no line cut by a scroll, no cut card."""
    screens = json.loads((larger_text_proof / "proof.json").read_text())["screens"]
    assert {entry["language"] for entry in screens} == {"fr", "ar"}
    assert any(entry["file"].startswith("alternatives-epicerie-cooperative") for entry in screens)   # the games too
    faults = [(e["file"], p["kind"], p["message"]) for e in screens for p in e.get("problems", ())]
    assert faults == []
