"""`pip install .` alone gives every language and the fonts: the wheel carries them (setup.py, kiosk.i18n)."""

from __future__ import annotations

import gettext
import subprocess
import sys
import zipfile

from kiosk import i18n
from tests.conftest import PROJECT

LANGUAGES = sorted(folder.parent.parent.name for folder in PROJECT.glob("i18n/*/LC_MESSAGES/kiosk.po"))


def test_the_wheel_carries_every_catalog_compiled_and_every_font_with_its_licence(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    assert {f"kiosk/locale/{code}/LC_MESSAGES/kiosk.mo" for code in LANGUAGES} <= names
    fonts = {path.name for path in (PROJECT / "media" / "fonts").iterdir()}
    assert {f"kiosk/fonts/{name}" for name in fonts} <= names
    assert "kiosk/fonts/OFL.txt" in names and "kiosk/fonts/LUCIDE-LICENSE.txt" in names


def test_a_kiosk_installed_from_the_wheel_speaks_french_and_finds_its_fonts(wheel, tmp_path):
    """The wheel unpacked on its own (no checkout beside it) reads its own catalogs and fonts."""
    zipfile.ZipFile(wheel).extractall(tmp_path)
    script = ("from kiosk.i18n import CATALOG_DIR, catalog; from kiosk.folders import FONTS; "
              "print(CATALOG_DIR); print(FONTS); print(catalog('fr').gettext('Choose your language'))")
    shown = subprocess.run([sys.executable, "-c", script], cwd=tmp_path, env={"PYTHONPATH": str(tmp_path)},
                           capture_output=True, text=True, check=True).stdout.splitlines()
    assert shown[0] == str(tmp_path / "kiosk" / "locale") and shown[1] == str(tmp_path / "kiosk" / "fonts")
    assert shown[2] == "Choisissez votre langue"


def test_a_checkout_whose_catalogs_were_never_compiled_reads_their_sources(tmp_path):
    source = tmp_path / "fr" / "LC_MESSAGES" / "kiosk.po"
    source.parent.mkdir(parents=True)
    source.write_bytes((PROJECT / "i18n" / "fr" / "LC_MESSAGES" / "kiosk.po").read_bytes())
    assert i18n._compiled(source).gettext("Choose your language") == "Choisissez votre langue"


def test_a_broken_catalog_shows_english_and_says_so(tmp_path, caplog):
    source = tmp_path / "fr" / "LC_MESSAGES" / "kiosk.po"
    source.parent.mkdir(parents=True)
    source.write_bytes(b'msgid "Choose your language"\nmsgstr "Choisissez\n\x00\xff')
    shown = i18n._compiled(source)
    assert type(shown) is gettext.NullTranslations
    assert shown.gettext("Choose your language") == "Choose your language"
    assert f"the interface catalog {source} cannot be read" in caplog.text
