"""The visitor's list, without a window: kept and forgotten with the session, turned into one QR code of plain text
or two for a long list, each decoded as a phone would, every title and link in it."""

from __future__ import annotations

from kiosk.visit.basket import COMFORTABLE_VERSION, CORRECTION, LARGEST_VERSION, BasketItem, basket_codes
from kiosk.visit.qr import QrCache
from kiosk.visit.session import VisitorSession
from tests.visit.test_qr import decode

HEADING = "Ma visite : Musée du Kapitalisme"


def items(count: int) -> list[BasketItem]:
    return [BasketItem(f"Fiche n° {n} : l'économie solidaire, ça se vit", f"https://www.exemple-{n}.org/fiche")
            for n in range(1, count + 1)]


def test_keeping_toggles_and_the_idle_reset_forgets():
    session = VisitorSession("fr")
    assert session.keep("a") and session.keep("b") and session.basket == ["a", "b"]
    assert not session.keep("a") and session.basket == ["b"]
    assert not session.is_fresh
    session.reset()
    assert session.basket == [] and session.is_fresh


def test_a_short_list_is_one_comfortable_code_a_phone_reads_whole(tmp_path):
    codes = basket_codes(HEADING, items(2))
    assert len(codes) == 1 and codes[0].version <= COMFORTABLE_VERSION and codes[0].items == 2
    image = QrCache(tmp_path).get(codes[0].text, max_version=LARGEST_VERSION, correction=CORRECTION)
    assert image.modules == 17 + 4 * codes[0].version + 8
    text = decode(image.path)[0]
    assert text.startswith(HEADING) and "2. Fiche n° 2 : l'économie solidaire, ça se vit\nhttps://www.exemple-2.org/fiche" in text


def test_a_long_list_splits_into_two_codes_and_nothing_is_lost(tmp_path):
    cache = QrCache(tmp_path)
    for count in (9, 16, 40):
        codes = basket_codes(HEADING, items(count))
        assert len(codes) == 2 and all(code.version <= LARGEST_VERSION for code in codes)
        read = [decode(cache.get(code.text, max_version=LARGEST_VERSION, correction=CORRECTION).path)[0] for code in codes]
        assert read[0].startswith(f"{HEADING} (1/2)") and read[1].startswith(f"{HEADING} (2/2)")
        carried = sum(code.items for code in codes)
        for item in items(count)[:carried] if carried == count else []:
            assert any(item.title in text and item.url in text for text in read)
        if carried < count:   # too many for two codes: the rest is counted, never silently dropped
            assert sum(int(text.rsplit("+", 1)[1]) for text in read if "… +" in text) == count - carried


def test_an_empty_list_has_no_code_and_an_exhibit_without_a_link_is_its_title():
    assert basket_codes(HEADING, []) == []
    code = basket_codes(HEADING, [BasketItem("Le mur des alternatives")])[0]
    assert code.text == f"{HEADING}\n\n1. Le mur des alternatives"
