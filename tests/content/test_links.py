"""Links become QR codes: web addresses only, short enough to scan."""

from __future__ import annotations

import pytest

from kiosk.content.exhibit import Link
from kiosk.content.links import MAX_QR_VERSION, qr_version
from kiosk.content.loader import load_content
from kiosk.content.text import LocalizedText
from tests.conftest import PROJECT, findings_for, only

CASES = [
    ("javascript", "error", "uses 'javascript:'; only web addresses"),
    ("file", "error", "uses 'file:'"),
    ("data", "error", "uses 'data:'"),
    ("no-host", "error", "has no valid site name"),
    ("plain-http", "warning", "is not encrypted (http)"),
    ("too-long", "error", "too long for a QR code that scans comfortably"),
]


@pytest.mark.parametrize("case, severity, message", CASES)
def test_link_problem(root, case, severity, message):
    finding = only(findings_for(load_content(root("link-errors")), case), severity)
    assert message in finding.message and finding.line == 8 and finding.hint


def test_qr_limit_matches_the_qr_library():
    assert qr_version("https://www.le-mes.org/") <= 3
    assert qr_version("https://" + "a" * 140) <= MAX_QR_VERSION < qr_version("https://" + "a" * 160)


def test_per_language_urls(root):
    panel = next(m for m in load_content(root("base")).exhibits if m.id == "panel-ok")
    assert panel.links[1].url.get("en") == "https://www.ess-france.org/"
    assert panel.links[0].url.get("de", ["fr"]) == "https://www.le-mes.org/"


def test_a_site_language_written_as_a_word_is_an_error_with_the_fix(root):
    finding = only(findings_for(load_content(root("link-errors")), "site-language"), "error")
    assert "'French' is not a language code like fr or en" in finding.message
    assert finding.line == 9 and "two-letter code" in finding.hint


def test_a_visitor_is_told_a_site_is_in_another_language_unless_it_has_a_page_in_theirs():
    site = Link(LocalizedText.neutral("https://www.le-mes.org/"), LocalizedText.of({"fr": "Le MES"}), ("fr",))
    assert site.foreign_to("ar") == "fr" and site.foreign_to("en") == "fr" and site.foreign_to("fr") is None
    both = Link(LocalizedText.of({"fr": "https://example.org/fr", "en": "https://example.org/en"}),
                LocalizedText.of({"fr": "Exemple"}), ("fr",))
    assert both.foreign_to("en") is None and both.foreign_to("ar") == "fr"
    unsaid = Link(LocalizedText.neutral("https://example.org/"), LocalizedText.of({"fr": "Exemple"}))
    assert unsaid.foreign_to("ar") is None


def test_the_bundled_french_sites_say_so():
    content = load_content(PROJECT / "exhibits")
    links = [link for manifest in content.exhibits for link in manifest.links]
    assert all(link.languages == ("fr",) for link in links if "le-mes.org" in link.url.get("fr", ["en"]))
    assert not [link for link in links if "(in French)" in link.label.get("en", ["fr"])], \
        "the kiosk adds the notice itself, in the visitor's language"
