"""Exhibit bodies in Markdown become blocks of Kivy label markup, with links as numbered references."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kiosk.render.markdown import Block, BodyLink, RenderedBody, escape_markup, render_markdown

OUR_TAGS = re.compile(r"\[/?[bi]\]")


def blocks(text: str) -> list[Block]:
    return list(render_markdown(text).blocks)


def markups(text: str) -> list[str]:
    return [block.markup for block in render_markdown(text).blocks]


# Inline formatting

@pytest.mark.parametrize("text, markup", [
    ("un **mot** fort", "un [b]mot[/b] fort"),
    ("un *mot* penché", "un [i]mot[/i] penché"),
    ("un _mot_ penché", "un [i]mot[/i] penché"),
    ("***les deux***", "[i][b]les deux[/b][/i]"),
    ("le code `print(x)`", "le code print(x)"),
    ("une ligne\nla suite", "une ligne la suite"),
    ("une ligne  \nforcée", "une ligne\nforcée"),
    ("une ligne\\\nforcée", "une ligne\nforcée"),
])
def test_inline_formatting(text, markup):
    assert markups(text) == [markup]


# Escaping

@pytest.mark.parametrize("text, markup", [
    ("[b]pas gras[/b]", "&bl;b&br;pas gras&bl;/b&br;"),
    ("[color=ff0000]rouge[/color]", "&bl;color=ff0000&br;rouge&bl;/color&br;"),
    ("Tom & Jerry", "Tom &amp; Jerry"),
    ("déjà &bl; échappé", "déjà &amp;bl; échappé"),
    ("un `[i]code[/i]`", "un &bl;i&br;code&bl;/i&br;"),
    ("**[i]**", "[b]&bl;i&br;[/b]"),
])
def test_text_is_escaped(text, markup):
    assert markups(text) == [markup]


def test_escape_markup_matches_kivy():
    assert escape_markup("a & [b] ]") == "a &amp; &bl;b&br; &br;"


def test_raw_html_is_shown_as_text():
    assert markups("<b>gras?</b> non") == ["<b>gras?</b> non"]
    assert markups("<div>\n[x]\n</div>") == ["<div> &bl;x&br; </div>"]


def test_images_become_their_alternative_text_in_italics():
    assert markups("Voir ![une *affiche* [1]](affiche.png) ici") == ["Voir [i]une affiche &bl;1&br;[/i] ici"]
    assert markups("![](vide.png) seul") == [" seul"]


# Links

def test_links_stay_in_the_text_with_a_numbered_marker():
    body = render_markdown("Lire [la charte](https://www.le-mes.org/charte) et [le site](https://www.ess-france.org/).")
    assert body.blocks[0].markup == "Lire la charte (QR 1) et le site (QR 2)."
    assert body.links == (BodyLink(1, "la charte", "https://www.le-mes.org/charte"),
                          BodyLink(2, "le site", "https://www.ess-france.org/"))


def test_the_same_url_keeps_its_number_across_blocks():
    body = render_markdown("[a](https://a.org/) [b](https://b.org/)\n\n- [encore a](https://a.org/)")
    assert [b.markup for b in body.blocks] == ["a (QR 1) b (QR 2)", "encore a (QR 1)"]
    assert [(link.number, link.label) for link in body.links] == [(1, "a"), (2, "b")]


def test_link_label_is_plain_text_and_formatting_stays_in_the_flow():
    body = render_markdown("**[la *charte* `v2`](http://le-mes.org/)**")
    assert body.blocks[0].markup == "[b]la [i]charte[/i] v2 (QR 1)[/b]"
    assert body.links == (BodyLink(1, "la charte v2", "http://le-mes.org/"),)


def test_autolinks_and_empty_labels_use_the_address():
    body = render_markdown("<https://le-mes.org/> [](https://vide.org/)")
    assert body.blocks[0].markup == "https://le-mes.org/ (QR 1)  (QR 2)"
    assert [link.label for link in body.links] == ["https://le-mes.org/", "https://vide.org/"]


@pytest.mark.parametrize("url", ["javascript:alert(1)", "mailto:contact@le-mes.org", "file:///etc/passwd",
                                 "data:text/html,x", "ftp://le-mes.org/", "/relative/page", "#ancre"])
def test_non_web_links_keep_only_their_text(url):
    body = render_markdown(f"avant [le texte]({url}) après")
    assert body.blocks[0].markup == "avant le texte après"
    assert body.links == ()


def test_email_autolink_keeps_only_its_text():
    body = render_markdown("<contact@le-mes.org>")
    assert body.blocks[0].markup == "contact@le-mes.org" and body.links == ()


# Blocks

@pytest.mark.parametrize("level", range(1, 7))
def test_headings(level):
    assert blocks("#" * level + " Le *titre*") == [Block("heading", "Le [i]titre[/i]", level)]


def test_setext_headings():
    assert blocks("Titre\n=====\n\nSous-titre\n---") == [Block("heading", "Titre", 1), Block("heading", "Sous-titre", 2)]


def test_paragraphs_rule_and_order():
    assert blocks("Un.\n\n***\n\nDeux.") == [Block("paragraph", "Un."), Block("rule", ""), Block("paragraph", "Deux.")]


def test_blockquote_gives_one_quote_block_per_paragraph():
    assert blocks("> Première\n> ligne.\n>\n> **Seconde**.\n\nAprès.") == [
        Block("quote", "Première ligne."), Block("quote", "[b]Seconde[/b]."), Block("paragraph", "Après.")]


@pytest.mark.parametrize("text", ["```python\nx = [1, 2]\n\nprint(x)\n```", "    x = [1, 2]\n\n    print(x)"])
def test_code_blocks_become_escaped_paragraphs(text):
    assert blocks(text) == [Block("paragraph", "x = &bl;1, 2&br;\n\nprint(x)")]


def test_bullet_and_ordered_lists():
    assert blocks("- un\n- deux\n\n3. trois\n4. quatre") == [
        Block("list_item", "un", 1, "•"), Block("list_item", "deux", 1, "•"),
        Block("list_item", "trois", 1, "3."), Block("list_item", "quatre", 1, "4.")]


def test_nested_lists_carry_their_depth():
    text = "1. un\n   - a\n     1. i\n     2. ii\n   - b\n2. deux"
    assert [(b.level, b.bullet, b.markup) for b in blocks(text)] == [
        (1, "1.", "un"), (2, "•", "a"), (3, "1.", "i"), (3, "2.", "ii"), (2, "•", "b"), (1, "2.", "deux")]


def test_paragraphs_in_one_item_are_joined():
    assert blocks("- premier\n\n  second *par.*\n- suivant") == [
        Block("list_item", "premier\nsecond [i]par.[/i]", 1, "•"), Block("list_item", "suivant", 1, "•")]


def test_paragraph_after_a_nested_list_continues_without_bullet():
    assert blocks("- parent\n  - enfant\n\n  suite") == [
        Block("list_item", "parent", 1, "•"), Block("list_item", "enfant", 2, "•"), Block("list_item", "suite", 1)]


def test_quote_inside_a_list_item_follows_the_item():
    assert blocks("- item\n\n  > cité") == [Block("list_item", "item", 1, "•"), Block("quote", "cité")]


def test_empty_input_and_empty_items():
    assert render_markdown("") == render_markdown("  \n\n") == RenderedBody((), ())
    assert blocks("-") == [Block("list_item", "", 1, "•")]


# Languages

def test_french_accents_pass_through():
    text = "## Économie sociale et solidaire\n\nÀ côté, « l’œuvre » coûte 5 € — ça déçoit ?"
    assert markups(text) == ["Économie sociale et solidaire", "À côté, « l’œuvre » coûte 5 € — ça déçoit ?"]


def test_arabic_text_passes_through():
    text = "# الاقتصاد الاجتماعي\n\nهذا **نص** عربي مع [رابط](https://example.org/ar)."
    body = render_markdown(text)
    assert [b.markup for b in body.blocks] == ["الاقتصاد الاجتماعي", "هذا [b]نص[/b] عربي مع رابط (QR 1)."]
    assert body.links == (BodyLink(1, "رابط", "https://example.org/ar"),)


# Any input

MARKDOWN_ISH = st.text(alphabet="*_`[]()!#>-+=~|\\<>&;:/. 1aé\n\t", max_size=200)


def assert_well_formed(markup: str) -> None:
    """Only our own [b]/[i] tags, properly nested; every other bracket is escaped."""
    open_tags: list[str] = []
    for tag in OUR_TAGS.findall(markup):
        if tag.startswith("[/"):
            assert open_tags and open_tags.pop() == tag[2], markup
        else:
            open_tags.append(tag[1])
    assert not open_tags, markup
    assert not re.search(r"[\[\]]", OUR_TAGS.sub("", markup)), markup


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=300), MARKDOWN_ISH))
def test_any_text_renders_to_well_formed_markup(text):
    body = render_markdown(text)
    for block in body.blocks:
        assert block.kind in {"heading", "paragraph", "list_item", "quote", "rule"}
        assert_well_formed(block.markup)
    assert [link.number for link in body.links] == list(range(1, len(body.links) + 1))
    assert all(link.url.lower().startswith(("http://", "https://")) for link in body.links)


@pytest.mark.parametrize("text", ["> " * 200 + "fond", "- " * 200 + "fond", "*" * 500 + "x" + "*" * 500,
                                  "[" * 300 + "x" + "](http://a.org)" * 300, "\x00\ufffd\u202e", "&#0; &#x110000;"])
def test_pathological_input_does_not_raise(text):
    for block in render_markdown(text).blocks:
        assert_well_formed(block.markup)
