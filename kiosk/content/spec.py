"""Declarative field specifications: one description gives both the checks and the JSON Schema.

A manifest format is a tuple of :class:`Field`. Each field has a kind (text, whole number,
list of objects, …) that knows how to check a YAML value, turn it into a plain Python
value, and describe itself as JSON Schema for editors::

    QUESTION = ObjectKind("question", (
        Field("question", TextKind(), required=True),
        Field("answers", ListKind(TextKind(), min_items=2, max_items=6), required=True),
    ))

Checking never raises on bad content: problems become findings in the :class:`Context`,
and the bad value becomes :data:`INVALID`.
"""

from __future__ import annotations

import datetime
import difflib
import re
from dataclasses import dataclass
from typing import Any, Callable

from kiosk.content.findings import ERROR, WARNING, Finding
from kiosk.content.text import ANY_LANGUAGE, LocalizedText
from kiosk.content.yamldoc import Document

INVALID = type("Invalid", (), {"__repr__": lambda self: "INVALID", "__bool__": lambda self: False})()
LANGUAGE_CODE = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$")


@dataclass(frozen=True)
class LanguagePolicy:
    """Which languages the collection offers, and how complete each must be."""

    default: str = "fr"
    languages: tuple[str, ...] = ("fr",)
    partial: tuple[str, ...] = ()

    @property
    def full(self) -> tuple[str, ...]:
        return tuple(code for code in self.languages if code != self.default and code not in self.partial)


@dataclass
class TextUse:
    """A text met while checking, kept to judge translation coverage afterwards."""

    path: tuple
    text: LocalizedText
    headline: bool


class Context:
    """Collects the findings for one file, placing each at the line of the value concerned."""

    def __init__(self, doc: Document, languages: LanguagePolicy | None = None, folder=None):
        self.doc = doc
        self.languages = languages or LanguagePolicy()
        self.folder = folder
        self.findings: list[Finding] = []
        self.texts: list[TextUse] = []

    def report(self, severity: str, path: tuple, message: str, hint: str = "", key: bool = False) -> None:
        line, column = self.doc.mark(path, key=key)
        self.findings.append(Finding(self.doc.file, line, column, severity, message, hint))

    def error(self, path: tuple, message: str, hint: str = "", key: bool = False) -> None:
        self.report(ERROR, path, message, hint, key)

    def warning(self, path: tuple, message: str, hint: str = "", key: bool = False) -> None:
        self.report(WARNING, path, message, hint, key)

    @property
    def has_errors(self) -> bool:
        return any(f.is_error for f in self.findings)


def describe(value: Any) -> str:
    """How a curator would name the kind of a YAML value."""
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"'{str(value).lower()}' (yes/no)"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, str):
        return "a text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping (key: value lines)"
    if isinstance(value, (datetime.date, datetime.datetime)):
        return f"the date {value}"
    return type(value).__name__


def join_path(path: tuple) -> str:
    """``("questions", 0, "answers")`` → ``questions[1].answers`` (counting from 1, as curators do)."""
    text = ""
    for part in path:
        text += f"[{part + 1}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def did_you_mean(word: str, choices) -> str:
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f"did you mean '{close[0]}'?" if close else ""


@dataclass(frozen=True)
class Field:
    name: str
    kind: "Kind"
    required: bool = False
    default: Any = None
    doc: str = ""


class Kind:
    """Base of every field kind."""

    expected = "a value"

    def check(self, value: Any, path: tuple, ctx: Context) -> Any:
        raise NotImplementedError

    def schema(self) -> dict:
        raise NotImplementedError

    def wrong_type(self, value: Any, path: tuple, ctx: Context, hint: str = "") -> Any:
        ctx.error(path, f"'{join_path(path)}' should be {self.expected}, not {describe(value)}", hint)
        return INVALID


class TextKind(Kind):
    """A translatable text. ``headline`` marks title and summary, which partial languages still need."""

    expected = "a text, or a mapping of language code to text"

    def __init__(self, headline: bool = False, max_length: int = 20_000):
        self.headline = headline
        self.max_length = max_length

    def check(self, value, path, ctx):
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            value = str(value)
        if isinstance(value, str):
            text = LocalizedText.neutral(self._string(value.strip(), path, ctx))
        elif isinstance(value, dict):
            text = LocalizedText.of(self._translations(value, path, ctx))
        else:
            return self.wrong_type(value, path, ctx, "write the text after the colon, in quotes if it contains ': '")
        ctx.texts.append(TextUse(path, text, self.headline))
        return text

    def _translations(self, value: dict, path: tuple, ctx: Context) -> dict:
        translations = {}
        for code, text in value.items():
            if ctx.languages.languages and code not in ctx.languages.languages:
                hint = did_you_mean(code, ctx.languages.languages) or f"the collection's languages are {', '.join(ctx.languages.languages)}"
                ctx.warning(path + (code,), f"'{code}' is not one of the collection's languages", hint, key=True)
            if isinstance(text, (int, float)) and not isinstance(text, bool):
                text = str(text)
            if not isinstance(text, str):
                ctx.error(path + (code,), f"the '{code}' text of '{join_path(path)}' should be a text, not {describe(text)}",
                          "put the text in double quotes")
                continue
            translations[code] = self._string(text.strip(), path + (code,), ctx)
        return translations

    def _string(self, text: str, path: tuple, ctx: Context) -> str:
        if len(text) > self.max_length:
            ctx.error(path, f"this text is too long ({len(text)} characters, at most {self.max_length})",
                      "split it or shorten it: visitors read standing up")
        return text

    def schema(self):
        return {"anyOf": [{"type": "string"}, {"type": "object", "additionalProperties": {"type": "string"},
                                                 "propertyNames": {"pattern": LANGUAGE_CODE.pattern}}]}


class StrKind(Kind):
    """A plain string, optionally from a list of choices or matching a pattern."""

    def __init__(self, choices: tuple[str, ...] = (), pattern: str = "", meaning: str = "a word", hint: str = ""):
        self.choices = choices
        self.pattern = re.compile(pattern) if pattern else None
        self.expected = meaning
        self.hint = hint

    def check(self, value, path, ctx):
        if not isinstance(value, str):
            return self.wrong_type(value, path, ctx, self.hint)
        if self.choices and value not in self.choices:
            hint = did_you_mean(value, self.choices) or f"choose one of: {', '.join(self.choices)}"
            ctx.error(path, f"'{value}' is not a valid {join_path(path)}", hint)
            return INVALID
        if self.pattern and not self.pattern.match(value):
            ctx.error(path, f"'{value}' is not {self.expected}", self.hint)
            return INVALID
        return value

    def schema(self):
        schema: dict = {"type": "string"}
        if self.choices:
            schema["enum"] = list(self.choices)
        if self.pattern:
            schema["pattern"] = self.pattern.pattern
        return schema


class NumberKind(Kind):
    """A number within bounds; ``whole`` for integers."""

    def __init__(self, minimum: float, maximum: float, whole: bool = True):
        self.minimum, self.maximum, self.whole = minimum, maximum, whole
        self.expected = "a whole number" if whole else "a number"

    def check(self, value, path, ctx):
        numeric = (int,) if self.whole else (int, float)
        if isinstance(value, bool) or not isinstance(value, numeric):
            return self.wrong_type(value, path, ctx, "write digits only, without quotes")
        if not self.minimum <= value <= self.maximum:
            ctx.error(path, f"{join_path(path)} is {value}; it must be between {self.minimum} and {self.maximum}")
            return INVALID
        return value

    def schema(self):
        return {"type": "integer" if self.whole else "number", "minimum": self.minimum, "maximum": self.maximum}


class ListKind(Kind):
    """A list of items of one kind, with a minimum and maximum length."""

    def __init__(self, item: Kind, min_items: int = 0, max_items: int = 1000, single_ok: bool = False):
        self.item, self.min_items, self.max_items, self.single_ok = item, min_items, max_items, single_ok
        self.expected = "a list (lines starting with '- ')"

    def check(self, value, path, ctx):
        if self.single_ok and not isinstance(value, list):
            value = [value]
        if not isinstance(value, list):
            return self.wrong_type(value, path, ctx)
        if not self.min_items <= len(value) <= self.max_items:
            ctx.error(path, f"'{join_path(path)}' has {len(value)} item(s); it needs {self._bounds()}")
        items = [self.item.check(item, path + (i,), ctx) for i, item in enumerate(value)]
        return INVALID if any(item is INVALID for item in items) else items

    def _bounds(self) -> str:
        if self.max_items >= 1000:
            return f"at least {self.min_items}"
        return f"between {self.min_items} and {self.max_items}"

    def schema(self):
        schema = {"type": "array", "items": self.item.schema(), "minItems": self.min_items}
        if self.max_items < 1000:
            schema["maxItems"] = self.max_items
        if self.single_ok:
            return {"anyOf": [self.item.schema(), schema]}
        return schema


class ObjectKind(Kind):
    """A mapping with known fields. Unknown fields are warnings, with a guess at the typo."""

    expected = "a mapping (key: value lines)"

    def __init__(self, name: str, fields: tuple[Field, ...], after: Callable | None = None):
        self.name = name
        self.fields = fields
        self.after = after  # after(values, path, ctx) for checks across fields

    def check(self, value, path, ctx):
        if not isinstance(value, dict):
            needed = [f.name for f in self.fields if f.required]
            return self.wrong_type(value, path, ctx, f"write {', '.join(needed)} on indented lines under it" if needed else "")
        values = check_fields(value, self.fields, path, ctx)
        if self.after and values is not INVALID:
            self.after(values, path, ctx)
        return values

    def schema(self):
        return object_schema(self.fields)


def check_fields(value: dict, fields: tuple[Field, ...], path: tuple, ctx: Context, extra_known=()) -> dict:
    """Check a mapping against ``fields``; returns the converted values, defaults filled in."""
    known = {f.name: f for f in fields}
    for name in value:
        if name not in known and name not in extra_known:
            hint = did_you_mean(name, list(known) + list(extra_known)) or "remove it, or check its spelling"
            ctx.warning(path + (name,), f"unknown field '{name}' is ignored", hint, key=True)
    result = {}
    for f in fields:
        if f.name in value and value[f.name] is not None:
            result[f.name] = f.kind.check(value[f.name], path + (f.name,), ctx)
        elif f.required:
            where = f"in {join_path(path)}" if path else "in this file"
            ctx.error(path + (f.name,) if f.name in value else path, f"'{f.name}' is missing {where}",
                      f"add a line '{f.name}: …'")
            result[f.name] = INVALID
        else:
            result[f.name] = f.default
    return result


def object_schema(fields: tuple[Field, ...]) -> dict:
    schema = {
        "type": "object",
        "properties": {f.name: dict(f.kind.schema(), **({"description": f.doc} if f.doc else {})) for f in fields},
        "additionalProperties": False,
    }
    required = [f.name for f in fields if f.required]
    if required:
        schema["required"] = required
    return schema


def fully_checked(value) -> bool:
    """True when ``value`` was checked without an error anywhere inside it (for checks across fields)."""
    if value is INVALID or value is None:
        return False
    if isinstance(value, dict):
        return all(v is None or fully_checked(v) for v in value.values())
    if isinstance(value, (list, tuple)):
        return all(fully_checked(v) for v in value)
    return True


def plain_string(text: LocalizedText | None) -> str:
    """The language-neutral value of a text, for logging."""
    if not text:
        return ""
    return text.translations.get(ANY_LANGUAGE) or next(iter(text.translations.values()), "")
