"""The on-screen keyboard's layouts, one per content language, as plain data. No Kivy here.

The keyboard (:mod:`kiosk.gui.widgets.keyboard`) draws one of these and switches between them
with its "globe" key; :func:`layout_for` picks the one to start on from the visitor's language::

    >>> layout_for("de").name
    'qwertz'
    >>> layout_for("ar").rtl
    True
    >>> [key for key, _units in LAYOUTS["es"].letters[1]][-3:]
    ['ñ', "'", '-']

A layout has an ``extra`` row of letters above its two layers (accents, or the Arabic letters
that do not fit the three main rows), the ``letters`` layer and the ``symbols`` layer ("123").
Each layer is a list of rows; each row a list of ``(key, width in key units)``. A key is the
text it types (one character, or the Arabic ligature "لا") or a special key of
:mod:`kiosk.render.typing_rules`. Rows are at most :data:`ROW_UNITS` wide (shorter rows are
centred), so that keys keep one size on every layout.
"""

from __future__ import annotations

from dataclasses import dataclass

from kiosk.render.typing_rules import BACKSPACE, LAYER, LAYOUT, SHIFT, SPACE, SUBMIT

ROW_UNITS = 13
Row = list[tuple[str, float]]


@dataclass(frozen=True)
class KeyboardLayout:
    name: str                     # "azerty"
    label: str                    # on the layout chooser, in its own language: "Français (AZERTY)"
    short: str                    # on the globe key: "AZERTY"
    extra: tuple[str, ...]        # the row above both layers
    letters: list[Row]
    symbols: list[Row]
    rtl: bool = False             # the text typed reads right to left
    capitals: bool = True         # the script has capitals (a shift key)

    def keys(self, layer: str) -> list[str]:
        """Every key of ``layer`` ("letters" or "symbols"), the extra row first."""
        rows = self.letters if layer == "letters" else self.symbols
        return [*self.extra, *(key for row in rows for key, _units in row)]


def _keys(characters, units: float = 1) -> Row:
    return [(key, units) for key in characters]


def _bottom() -> Row:
    return [(LAYER, 2), (LAYOUT, 2.5), (SPACE, 6), (SUBMIT, 2.5)]


def _latin_symbols(currency: str = "€") -> list[Row]:
    return [
        [*_keys("1234567890"), (BACKSPACE, 3)],
        _keys(f'@{currency}%():;"/+&#'),
        [(SHIFT, 2), *_keys(",.?!'-«»_*")],
        _bottom(),
    ]


def _latin(top: str, middle: str, bottom: str, *, backspace: float = 3) -> list[Row]:
    return [
        [*_keys(top), (BACKSPACE, backspace)],
        _keys(middle),
        [(SHIFT, 2), *_keys(bottom)],
        _bottom(),
    ]


LAYOUTS: dict[str, KeyboardLayout] = {layout.name: layout for layout in (
    KeyboardLayout("ar", "العربية", "عربي",
                   extra=("أ", "إ", "آ", "ء", "ؤ", "ئ", "ى", "ة", "لا"),
                   letters=[
                       [*_keys("ضصثقفغعهخحج"), (BACKSPACE, 2)],
                       _keys("شسيبلاتنمكط"),
                       _keys("ذدرزوظ،.؟!"),
                       _bottom(),
                   ],
                   symbols=[
                       [*_keys("1234567890"), (BACKSPACE, 3)],
                       _keys('٠١٢٣٤٥٦٧٨٩'),
                       _keys('@€%():؛"/+-«»'),
                       _bottom(),
                   ],
                   rtl=True, capitals=False),
    KeyboardLayout("azerty", "Français (AZERTY)", "AZERTY",
                   extra=tuple("éèêëàâùûüçôöîïœæ"),
                   letters=_latin("azertyuiop", "qsdfghjklm'-", "wxcvbn,.?!"),
                   symbols=_latin_symbols()),
    KeyboardLayout("qwerty", "English, Nederlands (QWERTY)", "QWERTY",
                   extra=tuple("éèëêïöüáóàç"),
                   letters=_latin("qwertyuiop", "asdfghjkl'-", "zxcvbnm,.?!"),
                   symbols=_latin_symbols()),
    KeyboardLayout("qwertz", "Deutsch (QWERTZ)", "QWERTZ",
                   extra=tuple("éèàçêô„“"),
                   letters=_latin("qwertzuiopü", "asdfghjklöäß", "yxcvbnm,.?!", backspace=2),
                   symbols=_latin_symbols()),
    KeyboardLayout("es", "Español", "ES",
                   extra=tuple("áéíóúüàèç¿¡"),
                   letters=_latin("qwertyuiop", "asdfghjklñ'-", "zxcvbnm,.?!"),
                   symbols=_latin_symbols()),
)}

#: The layout each content language starts on; any other language starts on :data:`DEFAULT`.
BY_LANGUAGE = {"ar": "ar", "fr": "azerty", "en": "qwerty", "nl": "qwerty", "de": "qwertz", "es": "es"}
DEFAULT = "qwerty"


def layout_for(language: str) -> KeyboardLayout:
    """The layout a visitor reading ``language`` ("fr", "de_AT", "AR") starts on."""
    primary = (language or "").replace("-", "_").split("_")[0].lower()
    return LAYOUTS[BY_LANGUAGE.get(primary, DEFAULT)]


def row_units(row: Row) -> float:
    return sum(units for _key, units in row)
