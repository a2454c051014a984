"""Links become QR codes: web addresses only, short enough to scan."""

from __future__ import annotations

import pytest

from kiosk.content.links import MAX_QR_VERSION, qr_version
from kiosk.content.loader import load_content
from tests.conftest import findings_for, only

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
