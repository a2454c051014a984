"""Checks for the links that become QR codes.

A visitor scans the code from 30–40 cm with their own phone, so an address must be web
(``https``, or ``http`` with a warning) and short enough for a QR code that is not too
dense: at most version :data:`MAX_QR_VERSION` at error-correction level M, which the kiosk
draws at 8 px per module or more on a 1920×1080 screen. The kiosk's QR drawing uses the
same settings, so what passes here is what visitors get.
"""

from __future__ import annotations

import functools
from urllib.parse import urlsplit

import qrcode
from qrcode.constants import ERROR_CORRECT_M

from kiosk.content.findings import ERROR, WARNING

MAX_QR_VERSION = 8  # 49 modules: 8 px each plus a 4-module quiet zone fits in 456 px
QR_ERROR_CORRECTION = ERROR_CORRECT_M


@functools.lru_cache(maxsize=1024)
def qr_version(data: str, correction: int = QR_ERROR_CORRECTION) -> int:
    """The smallest QR version that holds ``data`` at the kiosk's error-correction level (or ``correction``)."""
    code = qrcode.QRCode(error_correction=correction)
    code.add_data(data)
    return code.best_fit()


def url_problems(url: str) -> list[tuple[str, str, str]]:
    """(severity, message, hint) for each problem of ``url``; empty when it is fine."""
    if not url or any(ch.isspace() for ch in url):
        return [(ERROR, f"'{url}' is not a web address (it is empty or contains spaces)", "copy the address from the browser's address bar")]
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        shown = f"'{scheme}:'" if scheme else "no scheme"
        return [(ERROR, f"the link '{url}' uses {shown}; only web addresses (https://…) can become QR codes",
                 "use an address that starts with https://")]
    if not parts.hostname or "." not in parts.hostname:
        return [(ERROR, f"the link '{url}' has no valid site name", "a web address looks like https://www.example.org/page")]
    problems = []
    if scheme == "http":
        problems.append((WARNING, f"the link '{url}' is not encrypted (http)", "use https:// if the site offers it"))
    try:
        version = qr_version(url)
    except (ValueError, qrcode.exceptions.DataOverflowError):
        version = 41
    if version > MAX_QR_VERSION:
        problems.append((ERROR, f"the link is too long for a QR code that scans comfortably ({len(url)} characters)",
                         "use a shorter address, such as the page's short link or the site's home page"))
    return problems
