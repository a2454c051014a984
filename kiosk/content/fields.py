"""Field kinds that touch the exhibit folder or the web, and the fields every exhibit shares.

Exhibit types add their own fields (see ``kiosk/exhibit_types/<name>/model.py``) to
:data:`COMMON_FIELDS`.
"""

from __future__ import annotations

from dataclasses import dataclass

from kiosk.content import links, media
from kiosk.content.audio import AudioKind
from kiosk.content.spec import (
    INVALID,
    Context,
    Field,
    Kind,
    ListKind,
    NumberKind,
    ObjectKind,
    StrKind,
    TextKind,
    join_path,
)
from kiosk.content.text import LocalizedText
from kiosk.content.versions import SCHEMA_FIELD

ID_PATTERN = r"^[a-z][a-z0-9-]{0,63}$"
ID_HINT = "use lower-case letters, digits and hyphens, starting with a letter: 'alternatives-amap'"


class ImageFileKind(Kind):
    """The name of an image file inside the exhibit folder; checked on disk."""

    expected = "the name of an image file in this folder"

    def check(self, value, path, ctx: Context):
        if not isinstance(value, str):
            return self.wrong_type(value, path, ctx, "write the file name, e.g. 'photo.png'")
        if ctx.folder is not None:
            for severity, message, hint in media.image_problems(ctx.folder, value):
                ctx.report(severity, path, message, hint)
        return value

    def schema(self):
        return {"type": "string", "pattern": r"^[^/\\].*\.(png|jpe?g|webp|PNG|JPE?G|WEBP)$"}


class UrlKind(Kind):
    """A web address, or a mapping of language code to web address."""

    expected = "a web address, or a mapping of language code to web address"

    def check(self, value, path, ctx: Context):
        if isinstance(value, str):
            self._check_url(value.strip(), path, ctx)
            return LocalizedText.neutral(value.strip())
        if not isinstance(value, dict) or not value:
            return self.wrong_type(value, path, ctx, "write the address after 'url:'")
        urls = {}
        for code, url in value.items():
            if ctx.languages.languages and code not in ctx.languages.languages:
                ctx.warning(path + (code,), f"'{code}' is not one of the collection's languages", key=True)
            if not isinstance(url, str):
                ctx.error(path + (code,), f"the '{code}' address should be a text, not {url!r}")
                continue
            self._check_url(url.strip(), path + (code,), ctx)
            urls[code] = url.strip()
        return LocalizedText.of(urls)

    @staticmethod
    def _check_url(url: str, path: tuple, ctx: Context) -> None:
        for severity, message, hint in links.url_problems(url):
            ctx.report(severity, path, message, hint)

    def schema(self):
        url = {"type": "string", "pattern": "^https?://"}
        return {"anyOf": [url, {"type": "object", "additionalProperties": url}]}


@dataclass(frozen=True)
class ImageRef:
    """An image of an exhibit, with its alternative text and credit."""

    file: str
    alt: LocalizedText
    credit: LocalizedText
    caption: LocalizedText | None = None

    @classmethod
    def from_values(cls, values: dict | None) -> "ImageRef | None":
        if not values:
            return None
        return cls(values["file"], values["alt"], values["credit"], values.get("caption"))


COLOUR = StrKind(pattern=r"^#[0-9A-Fa-f]{6}$", meaning="a colour like \"#2E6B3F\"",
                 hint="write the colour as \"#RRGGBB\", in quotes")

IMAGE = ObjectKind("image", (
    Field("file", ImageFileKind(), required=True, doc="An image file in this exhibit folder."),
    Field("alt", TextKind(), required=True, doc="What the image shows, for people who cannot see it."),
    Field("credit", TextKind(), required=True, doc="Author and licence."),
    Field("caption", TextKind(), doc="A caption shown under the image."),
))

LANGUAGE_CODE = StrKind(pattern=r"^[a-z]{2,3}$", meaning="a language code like fr or en",
                        hint="write the site's language as a two-letter code: fr, en, ar…")

LINK = ObjectKind("link", (
    Field("url", UrlKind(), required=True, doc="A web address (https://…), or one per language."),
    Field("label", TextKind(), required=True, doc="What the visitor finds there."),
    Field("language", ListKind(LANGUAGE_CODE, min_items=1, max_items=20, single_ok=True),
          doc="The language(s) the site is written in (fr, or [fr, en]): a visitor reading another one is told, "
              "as in \"(in French)\". Leave it out for a site in every language of the collection."),
))

COMMON_FIELDS = (
    SCHEMA_FIELD,
    Field("type", StrKind(meaning="an exhibit type"), required=True, doc="The exhibit type."),
    Field("room", StrKind(pattern=ID_PATTERN, meaning="a room id", hint=ID_HINT), required=True,
          doc="A room id from collection.yaml."),
    Field("order", NumberKind(-100_000, 100_000), default=100, doc="Position in the room, smaller first."),
    Field("title", TextKind(headline=True, max_length=120), required=True),
    Field("summary", TextKind(headline=True, max_length=400), required=True),
    Field("body", TextKind(), doc="Markdown; or body.<lang>.md files beside exhibit.yaml."),
    Field("images", ListKind(IMAGE, max_items=40), default=[]),
    Field("links", ListKind(LINK, max_items=10), default=[]),
    Field("tags", ListKind(StrKind(meaning="a short word"), max_items=30), default=[]),
    Field("facilitator_notes", TextKind(), doc="Shown only to facilitators."),
    Field("easy", TextKind(), doc="An easy-read version (FALC) of the summary and body, in Markdown: sentences of 15 "
                                  "words at most; or easy.<lang>.md files beside exhibit.yaml. Panels offer it."),
    Field("audio", AudioKind(), default={},
          doc="A reading of the exhibit per language: 'fr: narration-fr.ogg' (Ogg Vorbis or MP3), or 'file:', "
              "'captions:' (a WebVTT file: the line being read shows) and 'synthetic:' (the speech engine that made "
              "it; kiosk narrate writes these)."),
)


def check_translations(ctx: Context) -> None:
    """Missing translations: an error in the default language, else a warning where required."""
    policy = ctx.languages
    for use in ctx.texts:
        if use.text.is_neutral or not use.text:
            continue
        name = join_path(use.path)
        if not use.text.has(policy.default):
            ctx.error(use.path, f"'{name}' has no '{policy.default}' text (the default language)",
                      f"add a line '{policy.default}: …' under {name}")
        needed = policy.full + (policy.partial if use.headline else ())
        missing = [code for code in needed if not use.text.has(code)]
        if missing:
            ctx.warning(use.path, f"'{name}' is not translated into {', '.join(missing)}",
                        f"add a line '{missing[0]}: …' under {name}")


def valid(value) -> bool:
    return value is not INVALID
