"""UI translations (gettext catalogs in ``i18n/``) and language names (Babel). No Kivy here.

Catalogs are compiled from ``i18n/<lang>/LC_MESSAGES/kiosk.po`` by ``make catalogs``. A
missing catalog never crashes the kiosk: ``fallback=True`` shows the English source text.
"""

from __future__ import annotations

import functools
import gettext
from pathlib import Path

from babel import Locale, UnknownLocaleError

DOMAIN = "kiosk"
CATALOG_DIR = Path(__file__).resolve().parent.parent / "i18n"


@functools.lru_cache(maxsize=32)
def catalog(language: str) -> gettext.NullTranslations:
    return gettext.translation(DOMAIN, CATALOG_DIR, languages=[language], fallback=True)


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
