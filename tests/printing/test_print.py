"""`kiosk print` on the bundled exhibition, in French and Arabic, made once for the session: page sizes, fonts
embedded, no text outside its box, and every QR code read back (pdftoppm, then zxing-cpp, as a phone would) to
the links the content gives."""

from __future__ import annotations

import shutil
import subprocess

import pytest
import zxingcpp
from PIL import Image
from pypdf import PdfReader

from kiosk.cli import main
from kiosk.content.loader import load_content
from kiosk.printing.make import print_all
from tests.conftest import PROJECT

EXHIBITS = PROJECT / "exhibits"
MM = 72 / 25.4
pytestmark = pytest.mark.skipif(shutil.which("pdftoppm") is None,
                                reason="pdftoppm (poppler-utils) is not installed: tools/system-packages.sh")


@pytest.fixture(scope="session")
def printed(tmp_path_factory):
    out = tmp_path_factory.mktemp("print")
    result = print_all(EXHIBITS, out, ["fr", "ar"])
    return out, result, load_content(EXHIBITS)


def codes_in(pdf, tmp_path) -> set[str]:
    """Every QR code on every page, read from the page printed at 200 dpi."""
    subprocess.run(["pdftoppm", "-r", "200", "-png", str(pdf), str(tmp_path / "page")], check=True, timeout=300)
    found = set()
    for page in sorted(tmp_path.glob("page*.png")):
        with Image.open(page) as image:
            found |= {code.text for code in zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode)}
        page.unlink()
    return found


def test_every_document_is_made_in_each_language_with_nothing_outside_its_box(printed):
    out, result, content = printed
    names = {"cards.pdf", "posters.pdf", *(f"{kind}-{path.id}.pdf" for path in content.paths
                                           for kind in ("handout", "booklet"))}
    for language in ("fr", "ar"):
        assert {file.name for file in (out / language).iterdir()} == names
    assert result.overflows == []


def test_pages_are_a5_cards_a3_posters_and_a4_handouts_with_their_fonts_embedded(printed):
    out, _result, content = printed
    sizes = {"cards.pdf": (148, 210), "posters.pdf": (297, 420),
             f"handout-{content.paths[0].id}.pdf": (210, 297), f"booklet-{content.paths[0].id}.pdf": (210, 297)}
    for name, (width, height) in sizes.items():
        reader = PdfReader(out / "ar" / name)
        for page in reader.pages:
            assert abs(float(page.mediabox.width) - width * MM) < 1 and abs(float(page.mediabox.height) - height * MM) < 1
            for font in page["/Resources"]["/Font"].values():
                descriptor = font.get_object()["/DescendantFonts"][0].get_object()["/FontDescriptor"]
                assert "/FontFile2" in descriptor, f"{name}: {font.get_object()['/BaseFont']} is not embedded"
    cards = PdfReader(out / "fr" / "cards.pdf")
    assert len(cards.pages) == len(content.exhibits)
    assert len(PdfReader(out / "fr" / "posters.pdf").pages) == sum(1 for r in content.collection.rooms
                                                                    if content.exhibits_in(r.id))


def test_the_arabic_pages_read_right_to_left_in_arabic_letters(printed):
    out, _result, content = printed
    text = PdfReader(out / "ar" / "posters.pdf").pages[0].extract_text()
    assert any("\u0600" <= ch <= "\u06ff" or "\ufe70" <= ch <= "\ufeff" for ch in text)
    room = content.collection.rooms[0]
    assert room.title.get("ar") and "Origines" not in text


def test_every_qr_code_reads_back_to_a_link_of_the_content(printed, tmp_path):
    out, _result, content = printed
    every_link = {link.url.get("fr", ["fr"]) for manifest in content.exhibits for link in manifest.links}
    on_cards = codes_in(out / "fr" / "cards.pdf", tmp_path)
    assert on_cards == every_link, "each exhibit's links, each read whole"
    path = content.paths[0]
    step_links = {link.url.get("ar", ["ar", "fr"]) for step in path.steps
                  for link in content.exhibit(step.exhibit).links}
    assert codes_in(out / "ar" / f"handout-{path.id}.pdf", tmp_path) == step_links


def test_the_command_says_what_it_wrote(tmp_path, capsys):
    assert main(["print", str(EXHIBITS), "--out", str(tmp_path), "--lang", "en", "--only", "posters", "--quiet"]) == 0
    assert "wrote 1 PDF files" in capsys.readouterr().out and (tmp_path / "en" / "posters.pdf").is_file()
    assert main(["print", str(EXHIBITS), "--out", str(tmp_path), "--lang", "xx"]) == 2
    assert "has no language xx" in capsys.readouterr().err
