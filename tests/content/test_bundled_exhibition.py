"""The bundled exhibition is complete, clean and ours: what a facilitator could show tomorrow."""

from __future__ import annotations

import subprocess
import sys
from collections import Counter
from urllib.parse import urlsplit

import pytest
from PIL import Image, ImageChops, ImageStat

from kiosk.content.loader import load_content
from kiosk.exhibit_types import BUILTIN_TYPES
from tests.conftest import PROJECT

SEED_ORGANISATIONS = {
    "www.le-mes.org", "www.ess-france.org", "transiscope.org", "www.ripess.eu", "transition-citoyenne.org",
    "www.rtes.fr", "www.associations-citoyennes.net", "www.lelabo-ess.org", "sol-monnaies-locales.org",
    "www.habitatparticipatif-france.fr", "framasoft.org",
}
BOOK_EXPERIENCES = {"creches-parentales", "regies-de-quartier", "amap", "monnaies-locales", "finance-solidaire",
                    "habitat-participatif", "plateformes-cooperatives"}


@pytest.fixture(scope="module")
def content():
    return load_content(PROJECT / "exhibits")


def test_no_error_and_no_warning(content):
    assert [f.format(PROJECT) for f in content.findings] == []
    assert not content.skipped


def test_four_rooms_in_visit_order_with_three_exhibits_each(content):
    assert [room.id for room in content.collection.rooms] == ["origines", "espoirs", "limites", "alternatives"]
    per_room = Counter(m.room for m in content.exhibits)
    assert all(per_room[room] >= 3 for room in ("origines", "espoirs", "limites", "alternatives")), per_room


def test_every_type_and_three_quizzes(content):
    types = Counter(m.type for m in content.exhibits)
    assert set(types) == set(BUILTIN_TYPES)  # every built-in type is shown by at least one exhibit
    assert types["quiz"] >= 3


def test_six_experiences_from_the_book(content):
    book = {tag for m in content.exhibits if "livre" in m.tags for tag in m.tags} & BOOK_EXPERIENCES
    assert len(book) >= 6, book


def test_languages(content):
    policy = content.collection.languages
    assert policy.default == "fr" and set(policy.languages) == {"fr", "en", "nl", "es", "de", "ar"}
    assert set(policy.partial) == {"nl", "es", "de", "ar"}
    for manifest in content.exhibits:
        for use in manifest.texts:
            assert use.text.has("fr") and use.text.has("en"), (manifest.id, use.path)
        for code in policy.partial:
            assert manifest.title.has(code) and manifest.summary.has(code), (manifest.id, code)


def test_every_exhibit_links_to_an_organisation_of_the_seed(content):
    for manifest in content.exhibits:
        hosts = {urlsplit(link.url.get("fr")).hostname for link in manifest.links}
        assert hosts & SEED_ORGANISATIONS, (manifest.id, hosts)


def test_every_image_has_alt_text_and_a_licence(content):
    count = 0
    for manifest in content.exhibits:
        images = list(manifest.images)
        details = manifest.details
        images += [side.image for side in getattr(details, "sides", ()) if side.image]
        images += [event.image for event in getattr(details, "events", ()) if event.image]
        assert images, manifest.id
        for image in images:
            count += 1
            assert image.alt.has("fr") and image.alt.has("en"), (manifest.id, image.file)
            assert "CC BY-SA 4.0" in image.credit.get("fr"), (manifest.id, image.file)
    assert count >= 20


def test_font_licence_is_shipped():
    fonts = sorted(p.name for p in (PROJECT / "media" / "fonts").glob("*.ttf"))
    assert "NotoSans-Regular.ttf" in fonts and "NotoSansArabic-Regular.ttf" in fonts
    assert "SIL Open Font License" in (PROJECT / "media" / "fonts" / "OFL.txt").read_text()


def test_illustrations_are_reproduced_by_the_script(tmp_path, content):
    """Every picture of the exhibition comes out of tools/make_illustrations.py.

    Compared pixel by pixel with a small tolerance: another Pillow release may round an
    edge differently, and the PNG bytes may differ with its zlib.
    """
    subprocess.run([sys.executable, str(PROJECT / "tools" / "make_illustrations.py"), "--out-root", str(tmp_path)],
                   check=True, capture_output=True, timeout=300)
    bundled = sorted(p.relative_to(PROJECT / "exhibits") for p in (PROJECT / "exhibits").glob("*/*.png"))
    assert bundled
    for relative in bundled:
        with Image.open(tmp_path / relative) as made, Image.open(PROJECT / "exhibits" / relative) as shipped:
            assert made.size == shipped.size, relative
            difference = ImageStat.Stat(ImageChops.difference(made.convert("RGB"), shipped.convert("RGB"))).mean
            assert max(difference) < 1.0, (relative, difference)
