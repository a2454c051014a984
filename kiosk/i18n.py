"""UI translations (gettext catalogs) and language names (Babel). No Kivy here.

The catalogs' sources are ``i18n/<lang>/LC_MESSAGES/kiosk.po``. An installed kiosk (a wheel) carries them compiled
in ``kiosk/locale/`` (setup.py); a checkout has them compiled beside their sources by ``make catalogs``, and one
that was never compiled reads the ``.po`` itself, so every language shows however the kiosk was installed. A
missing catalog never crashes the kiosk: the English source text shows.
"""

from __future__ import annotations

import functools
import gettext
import io
import logging
from pathlib import Path

from babel import Locale, UnknownLocaleError

log = logging.getLogger(__name__)

DOMAIN = "kiosk"
PACKAGED = Path(__file__).resolve().parent / "locale"          # in a wheel, compiled at build time
CHECKOUT = Path(__file__).resolve().parent.parent / "i18n"      # in a checkout, beside their sources
CATALOG_DIR = PACKAGED if PACKAGED.is_dir() else CHECKOUT


@functools.lru_cache(maxsize=32)
def catalog(language: str) -> gettext.NullTranslations:
    found = gettext.translation(DOMAIN, CATALOG_DIR, languages=[language], fallback=True)
    if isinstance(found, gettext.GNUTranslations):
        return found
    source = CATALOG_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.po"
    return _compiled(source) if source.is_file() else found


def _compiled(source: Path) -> gettext.NullTranslations:
    """A catalog compiled in memory from its ``.po``, as ``make catalogs`` would have written it."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    try:
        with source.open("rb") as po:
            messages = read_po(po, locale=source.parent.parent.name)
        compiled = io.BytesIO()
        write_mo(compiled, messages, use_fuzzy=True)
        compiled.seek(0)
        return gettext.GNUTranslations(compiled)
    except Exception as error:  # a broken catalog shows English, never a traceback
        log.warning("the interface catalog %s cannot be read (%s): English is shown", source, error)
        return gettext.NullTranslations()


def interface_languages() -> list[str]:
    """The languages the interface is translated into (a folder per catalog in ``i18n/``): 'ar', 'de', 'en', …"""
    return sorted(folder.name for folder in CATALOG_DIR.iterdir() if (folder / "LC_MESSAGES").is_dir())


def language_name(code: str) -> str:
    """The language's name in that language: 'Français', 'English', 'العربية'."""
    try:
        name = Locale.parse(code).get_display_name(code) or code
    except (ValueError, UnknownLocaleError):
        return code
    return name[:1].upper() + name[1:]


def language_name_in(code: str, reader: str) -> str:
    """The language's name as a reader of ``reader`` calls it: 'French' for 'fr' in 'en', 'الفرنسية' in 'ar'."""
    try:
        name = Locale.parse(reader).languages.get(code) or language_name(code)
    except (ValueError, UnknownLocaleError):
        return language_name(code)
    return name


def N_(text: str) -> str:
    """Marks a text for translation where it is defined; it is translated where it is shown."""
    return text
