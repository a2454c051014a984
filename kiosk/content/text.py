"""Translatable text: one string for every language, or one string per language.

In YAML a text field is either ``title: Eusko`` (the same in every language) or::

    title:
      fr: Les monnaies locales
      en: Local currencies

:meth:`LocalizedText.get` never returns an empty string while any translation exists: it
tries the asked language, then the fallbacks (the collection's default language first),
then any language that has the text.
"""

from __future__ import annotations

from dataclasses import dataclass
from types import MappingProxyType
from typing import Iterable, Mapping

ANY_LANGUAGE = "*"


def second_text(localized: "LocalizedText | None", language: str, first: str) -> str:
    """The text in ``language`` to show beside ``first`` (what the visitor's language shows): "" when there is
    no second language, when the content has no text in it (never a fallback), or when it would only repeat
    ``first`` (a text the same in every language, a visitor's language that fell back to this one)."""
    if not localized or not language or localized.is_neutral:
        return ""
    text = localized.translations.get(language) or ""
    return "" if text == first else text


@dataclass(frozen=True)
class LocalizedText:
    """A text in one or several languages. ``ANY_LANGUAGE`` holds a language-neutral string."""

    translations: Mapping[str, str]

    @classmethod
    def neutral(cls, text: str) -> "LocalizedText":
        return cls(MappingProxyType({ANY_LANGUAGE: text}))

    @classmethod
    def of(cls, translations: Mapping[str, str]) -> "LocalizedText":
        return cls(MappingProxyType(dict(translations)))

    @property
    def is_neutral(self) -> bool:
        return ANY_LANGUAGE in self.translations

    def has(self, language: str) -> bool:
        """True when the text exists in ``language`` without falling back."""
        return self.is_neutral or bool(self.translations.get(language))

    def languages(self) -> set[str]:
        return {code for code, text in self.translations.items() if text and code != ANY_LANGUAGE}

    def get(self, language: str, fallbacks: Iterable[str] = ()) -> str:
        """The text in ``language``, else in the first fallback that has it, else in any language."""
        return self.get_with_language(language, fallbacks)[0]

    def get_with_language(self, language: str, fallbacks: Iterable[str] = ()) -> tuple[str, str]:
        """``(text, the language it is in)``, as ``get`` chooses it; ``ANY_LANGUAGE`` for a neutral text."""
        for code in (language, *fallbacks, ANY_LANGUAGE):
            text = self.translations.get(code)
            if text:
                return text, code
        return next(((text, code) for code, text in self.translations.items() if text), ("", language))

    def with_translations(self, extra: Mapping[str, str]) -> "LocalizedText":
        """A copy with ``extra`` translations added (used for body.<lang>.md files)."""
        merged = dict(self.translations)
        merged.update(extra)
        return LocalizedText.of(merged)

    def __bool__(self) -> bool:
        return any(self.translations.values())
