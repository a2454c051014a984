"""The visitor's own list: exhibits kept during the visit, handed over as a QR code of plain text.

No account, no network, no device: the list lives in the visitor session (``session.basket``, exhibit
ids in the order they were kept) and is forgotten at the idle reset. To take it home, the visitor scans
one code with their phone's camera, which shows the text with its links to tap::

    items = [BasketItem("L'AMAP : des paniers de la ferme d'à côté", "https://www.reseau-amap.org/"), …]
    codes = basket_codes("Ma visite au Musée du Kapitalisme", items)    # one text, or two when too long
    codes[0].text          # "Ma visite au Musée du Kapitalisme\n\n1. L'AMAP : …\nhttps://www.reseau-amap.org/\n…"
    codes[0].version       # the QR version it needs (at most COMFORTABLE_VERSION when it can be)

A code stays at a size a phone reads at arm's length from a screen (:data:`COMFORTABLE_VERSION`,
77 × 77 modules); a longer list is split into two codes, "(1/2)" and "(2/2)". Should even two
halves be too long (a list of nearly every exhibit), each half grows up to the largest version the
list's codes draw (:data:`LARGEST_VERSION`), and the items that fit no code are named by count ("… +3"),
never silently lost.
"""

from __future__ import annotations

from dataclasses import dataclass

from qrcode.constants import ERROR_CORRECT_L

from kiosk.content.links import qr_version

COMFORTABLE_VERSION = 15    # 77 × 77 modules: 5 px each is under 400 px, read from arm's length (about 6 titles)
LARGEST_VERSION = 20        # 97 × 97 modules: two of these hold about 18 titles with their links
CORRECTION = ERROR_CORRECT_L   # a screen is clean and flat: the lowest error correction holds the most text
MAX_CODES = 2


@dataclass(frozen=True)
class BasketItem:
    title: str
    url: str = ""        # the exhibit's first link in the visitor's language ("" when it has none)


@dataclass(frozen=True)
class BasketCode:
    text: str
    version: int
    items: int           # how many of the list's items it carries


def basket_text(heading: str, items: list[BasketItem], start: int = 1, more: str = "") -> str:
    """The code's text: the heading, then each item numbered, its link on the next line; ``more`` closes it."""
    blocks = [heading]
    for number, item in enumerate(items, start=start):
        blocks.append(f"{number}. {item.title}" + (f"\n{item.url}" if item.url else ""))
    if more:
        blocks.append(more)
    return "\n\n".join(blocks)


def basket_codes(heading: str, items: list[BasketItem], more: str = "… +{count}") -> list[BasketCode]:
    """The texts to draw as QR codes: one when the list fits a comfortable code, else two halves. ``more`` is
    the line for items that fit no code (``{count}`` of them); empty list: no code."""
    if not items:
        return []
    whole = basket_text(heading, items)
    version = _version(whole)
    if version is not None and version <= COMFORTABLE_VERSION:
        return [BasketCode(whole, version, len(items))]
    half = (len(items) + 1) // 2
    parts = [(0, items[:half]), (half, items[half:])]
    codes = []
    for index, (offset, part) in enumerate(parts, start=1):
        title = f"{heading} ({index}/{MAX_CODES})"
        kept = list(part)
        while kept:
            left = len(part) - len(kept)
            text = basket_text(title, kept, start=offset + 1, more=more.format(count=left) if left else "")
            version = _version(text)
            if version is not None:
                codes.append(BasketCode(text, version, len(kept)))
                break
            kept.pop()
    return codes


def _version(text: str) -> int | None:
    """The QR version ``text`` needs with the kiosk's error correction; None beyond LARGEST_VERSION."""
    try:
        version = qr_version(text, CORRECTION)
    except ValueError:
        return None
    return version if version <= LARGEST_VERSION else None
