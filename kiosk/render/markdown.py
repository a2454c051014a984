"""An exhibit body written in Markdown, turned into blocks of Kivy label markup.

Curators write ``body.<lang>.md`` files in CommonMark; a view shows each :class:`Block` as
one label (heading, paragraph, list item, quote or rule). This module never imports Kivy:
it escapes text itself, as ``kivy.utils.escape_markup`` does.

Links are not clickable on a kiosk. Their text stays in place, followed by a reference
marker, and the web addresses are collected so that the view can offer them as QR codes::

    >>> body = render_markdown("Read **the charter** on [the site](https://www.le-mes.org/).")
    >>> body.blocks[0].markup
    'Read [b]the charter[/b] on the site (QR 1).'
    >>> body.links
    (BodyLink(number=1, label='the site', url='https://www.le-mes.org/'),)

Raw HTML is shown as text, images as their alternative text in italics, and code as plain
text. Any string renders; none raises.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from markdown_it import MarkdownIt
from markdown_it.token import Token

from kiosk.render.bidi import has_rtl

WEB_URL = re.compile(r"https?://\S", re.IGNORECASE)
BULLET = "•"
_TAGS = {"strong_open": "[b]", "strong_close": "[/b]", "em_open": "[i]", "em_close": "[/i]"}
_BREAKS = {"softbreak": " ", "hardbreak": "\n"}
_TEXT_TOKENS = ("text", "text_special", "code_inline", "html_inline")


@dataclass(frozen=True)
class Block:
    kind: str  # "heading", "paragraph", "list_item", "quote", "rule"
    markup: str  # Kivy markup: [b]..[/b], [i]..[/i]; text escaped
    level: int = 0  # heading level (1-6), or list nesting depth (1 = top level)
    bullet: str = ""  # for list items: "•" for bullet lists, "1." "2." … for ordered lists


@dataclass(frozen=True)
class BodyLink:
    number: int  # 1, 2, … in order of first appearance
    label: str  # the link text (plain text)
    url: str


@dataclass(frozen=True)
class RenderedBody:
    blocks: tuple[Block, ...]
    links: tuple[BodyLink, ...]


def render_markdown(text: str) -> RenderedBody:
    """The blocks and the numbered web links of the Markdown ``text``."""
    builder = _BodyBuilder()
    for token in _PARSER.parse(text):
        builder.feed(token)
    return RenderedBody(tuple(builder.blocks), tuple(builder.links.values()))


def plain_blocks(text: str) -> list[str]:
    """The Markdown ``text`` as plain sentences, block by block, as a voice reads it: no formatting, no
    "(QR 1)" markers, a list item's number kept ("1."), bullets and rules left out."""
    plain = []
    for block in render_markdown(text).blocks:
        if block.kind == "rule":
            continue
        words = re.sub(r" \(QR \d+\)|\[/?[bi]\]", "", block.markup.replace("&bl;", "[").replace("&br;", "]"))
        words = words.replace("&amp;", "&")
        if block.kind == "list_item" and block.bullet and block.bullet != BULLET:
            words = f"{block.bullet} {words}"
        plain.append(words)
    return plain


def escape_markup(text: str) -> str:
    """``text`` shown literally by a Kivy label with markup on (as ``kivy.utils.escape_markup``)."""
    return text.replace("&", "&amp;").replace("[", "&bl;").replace("]", "&br;")


def literal(text: str) -> str:
    """A visitor's own text, shown as typed by a TextBlock: markup escaped; right-to-left text is left as it is."""
    return text if has_rtl(text) else escape_markup(text)


def _accept_every_link(url: str) -> bool:
    """markdown-it drops ``javascript:`` links, leaving their brackets; we keep their text instead.

    Nothing here becomes HTML, and only web addresses are collected (:data:`WEB_URL`).
    """
    return True


_PARSER = MarkdownIt("commonmark", {"html": False})
_PARSER.validateLink = _accept_every_link


# Inline content: the children of one ``inline`` token.

def _inline_markup(tokens: list[Token], links: dict[str, BodyLink]) -> str:
    """Kivy markup for a run of inline tokens; web links are numbered into ``links``."""
    parts: list[str] = []
    href: str | None = None  # the address of the link being read, if any
    label: list[Token] = []
    for token in tokens:
        if token.type == "link_open":
            href, label = str(token.attrs.get("href", "")), []
        elif token.type == "link_close" and href is not None:
            parts.append(_link_marker(href, _plain_text(label), links))
            href = None
        else:
            parts.append(_markup_of(token))
            if href is not None:
                label.append(token)
    return "".join(parts)


def _markup_of(token: Token) -> str:
    """Kivy markup for one inline token other than a link's ends."""
    if token.type in _TAGS:
        return _TAGS[token.type]
    if token.type == "image":
        alt = _plain_text(token.children or [])
        return f"[i]{escape_markup(alt)}[/i]" if alt else ""
    return escape_markup(_plain_text([token]))


def _plain_text(tokens: list[Token]) -> str:
    """The text of inline tokens without any formatting (images give their alternative text)."""
    pieces = []
    for token in tokens:
        if token.type in _BREAKS:
            pieces.append(_BREAKS[token.type])
        elif token.type == "image":
            pieces.append(_plain_text(token.children or []))
        elif token.type in _TEXT_TOKENS:
            pieces.append(token.content)
    return "".join(pieces)


def _link_marker(href: str, label: str, links: dict[str, BodyLink]) -> str:
    """`` (QR n)`` for a web link, numbered on its first appearance; nothing for other schemes."""
    if not WEB_URL.match(href):
        return ""
    label = " ".join(label.split()) or href
    link = links.setdefault(href, BodyLink(len(links) + 1, label, href))
    return escape_markup(f" (QR {link.number})")


# Block structure: markdown-it's flat stream of open/close tokens.

@dataclass
class _OpenList:
    next_number: int | None  # None for a bullet list

    def next_bullet(self) -> str:
        if self.next_number is None:
            return BULLET
        self.next_number += 1
        return f"{self.next_number - 1}."


@dataclass
class _OpenItem:
    level: int
    bullet: str
    paragraphs: list[str] = field(default_factory=list)
    shown: bool = False  # its block is out; later paragraphs follow as bullet-less items


_QUOTE = "quote"


class _BodyBuilder:
    """Turns the block tokens of one body into :class:`Block` objects, in reading order."""

    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.links: dict[str, BodyLink] = {}
        self._lists: list[_OpenList] = []
        self._containers: list[_OpenItem | str] = []  # open list items and quotes, innermost last
        self._heading = 0

    def feed(self, token: Token) -> None:
        handler = getattr(self, f"_on_{token.type}", None)
        if handler is not None:
            handler(token)

    def _on_heading_open(self, token: Token) -> None:
        self._heading = int(token.tag[1:])

    def _on_heading_close(self, token: Token) -> None:
        self._heading = 0

    def _on_bullet_list_open(self, token: Token) -> None:
        self._lists.append(_OpenList(None))

    def _on_ordered_list_open(self, token: Token) -> None:
        self._lists.append(_OpenList(int(token.attrs.get("start", 1))))

    def _on_bullet_list_close(self, token: Token) -> None:
        self._lists.pop()

    _on_ordered_list_close = _on_bullet_list_close

    def _on_list_item_open(self, token: Token) -> None:
        self._show_open_items()  # a parent item comes before its nested items
        self._containers.append(_OpenItem(len(self._lists), self._lists[-1].next_bullet()))

    def _on_list_item_close(self, token: Token) -> None:
        self._show_open_items()
        self._containers.pop()

    def _on_blockquote_open(self, token: Token) -> None:
        self._containers.append(_QUOTE)

    def _on_blockquote_close(self, token: Token) -> None:
        self._containers.pop()

    def _on_hr(self, token: Token) -> None:
        self._add(Block("rule", ""))

    def _on_inline(self, token: Token) -> None:
        self._add_text(_inline_markup(token.children or [], self.links))

    def _on_fence(self, token: Token) -> None:
        self._add_text(escape_markup(token.content.rstrip("\n")))

    _on_code_block = _on_fence

    def _add_text(self, markup: str) -> None:
        """Text goes to the open heading, else to the innermost list item or quote."""
        container = self._containers[-1] if self._containers else None
        if self._heading:
            self._add(Block("heading", markup, self._heading))
        elif isinstance(container, _OpenItem) and not container.shown:
            container.paragraphs.append(markup)
        elif isinstance(container, _OpenItem):
            self._add(Block("list_item", markup, container.level))
        else:
            self._add(Block("quote" if container == _QUOTE else "paragraph", markup))

    def _add(self, block: Block) -> None:
        self._show_open_items()
        self.blocks.append(block)

    def _show_open_items(self) -> None:
        """Emit the open list items not shown yet, outermost first, so the reading order holds."""
        for item in self._containers:
            if isinstance(item, _OpenItem) and not item.shown:
                self.blocks.append(Block("list_item", "\n".join(item.paragraphs), item.level, item.bullet))
                item.shown = True
