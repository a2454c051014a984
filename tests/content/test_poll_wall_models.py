"""The ``poll`` and ``wall`` types without a window: broken manifests, the models and the visitor's rules."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kiosk.cli import main
from kiosk.content.loader import load_content
from kiosk.exhibit_types.poll.model import DEBOUNCE_SECONDS, Ballot, percentages
from kiosk.exhibit_types.wall.model import can_submit, clean_idea
from tests.conftest import ROOTS, findings_for, only

HEAD = """schema: 1
type: {type}
room: alternatives
title: {{fr: Titre, en: Title, de: Titel}}
summary: {{fr: Résumé., en: Summary., de: Zusammenfassung.}}
"""
OPTION = "  - {fr: Nous, en: Us}\n"

POLL_OK = HEAD.format(type="poll") + """question: {fr: "Qui ?", en: "Who?"}
options:
  - {fr: Nous, en: Us}
  - {fr: Eux, en: Them}
explanation: {fr: Parce que., en: Because.}
"""
WALL_OK = HEAD.format(type="wall") + """prompt: {fr: "Quoi ?", en: "What?"}
suggested_tags:
  - {fr: alimentation, en: food, de: Ernährung}
  - {fr: logement, en: housing}
max_length: 120
"""

BROKEN = {
    "poll-one-option": (HEAD.format(type="poll") + 'question: {fr: "Q ?", en: "Q?"}\noptions:\n' + OPTION,
                        8, "'options' has 1 item(s); it needs between 2 and 6"),
    "poll-seven-options": (HEAD.format(type="poll") + 'question: {fr: "Q ?", en: "Q?"}\noptions:\n' + OPTION * 7,
                           8, "'options' has 7 item(s); it needs between 2 and 6"),
    "poll-no-question": (HEAD.format(type="poll") + "options:\n" + OPTION * 2,
                         1, "'question' is missing in this file"),
    "wall-too-long": (HEAD.format(type="wall") + 'prompt: {fr: "Quoi ?", en: "What?"}\nmax_length: 500\n',
                      7, "max_length is 500; it must be between 20 and 280"),
    "wall-too-short": (HEAD.format(type="wall") + 'prompt: {fr: "Quoi ?", en: "What?"}\nmax_length: 5\n',
                       7, "max_length is 5; it must be between 20 and 280"),
    "wall-no-prompt": (HEAD.format(type="wall"), 1, "'prompt' is missing in this file"),
    "wall-thirteen-tags": (HEAD.format(type="wall") + 'prompt: {fr: "Quoi ?", en: "What?"}\nsuggested_tags:\n'
                           + "  - {fr: a, en: a}\n" * 13,
                           8, "'suggested_tags' has 13 item(s); it needs between 0 and 12"),
}


@pytest.fixture
def content_root(tmp_path) -> Path:
    """A content root with the test collection, one folder per manifest (good and broken)."""
    root = tmp_path / "poll-wall"
    root.mkdir()
    shutil.copy(ROOTS / "type-errors" / "collection.yaml", root / "collection.yaml")
    manifests = {"poll-ok": POLL_OK, "wall-ok": WALL_OK, **{case: text for case, (text, _l, _m) in BROKEN.items()}}
    for case, text in manifests.items():
        (root / case).mkdir()
        (root / case / "exhibit.yaml").write_text(text, encoding="utf-8")
    return root


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_broken_manifest(content_root, case):
    _text, line, message = BROKEN[case]
    content = load_content(content_root)
    error = only(findings_for(content, case))
    assert message in error.message
    assert error.line == line
    assert error.file == content_root / case / "exhibit.yaml"
    assert content.exhibit(case) is None  # the kiosk leaves it out


def test_valid_poll_and_wall(content_root):
    content = load_content(content_root)
    poll, wall = content.exhibit("poll-ok").details, content.exhibit("wall-ok").details
    assert poll.question.get("en") == "Who?"
    assert [option.get("fr") for option in poll.options] == ["Nous", "Eux"]
    assert poll.explanation.get("en") == "Because."
    assert wall.max_length == 120 and len(wall.tags) == 2
    assert wall.tag_key(0, "fr") == "alimentation"
    assert wall.tag_text("alimentation", "de", ["fr"], "fr") == "Ernährung"
    assert wall.tag_text("logement", "de", ["fr", "en"], "fr") == "logement"   # falls back
    assert wall.tag_text("a tag that left the manifest", "en", [], "fr") == "a tag that left the manifest"


def test_wall_defaults(content_root):
    folder = content_root / "wall-ok"
    (folder / "exhibit.yaml").write_text(HEAD.format(type="wall") + 'prompt: {fr: "Quoi ?", en: "What?"}\n')
    wall = load_content(content_root).exhibit("wall-ok").details
    assert wall.max_length == 200 and wall.tags == ()


@pytest.mark.parametrize("type_name", ["poll", "wall"])
def test_new_exhibit_from_the_template_validates(root, type_name):
    folder = root("base")
    arguments = ["new", f"nouveau-{type_name}", "--type", type_name, "--room", "alternatives", "--root", str(folder)]
    assert main(arguments) == 0
    result = next(r for r in load_content(folder).results if r.id == f"nouveau-{type_name}")
    assert result.valid, [f.format() for f in result.findings]
    assert all("not translated into de" in f.message for f in result.findings)


@pytest.mark.parametrize("counts, expected", [
    ([0, 0, 0], [0, 0, 0]),
    ([1, 0, 0], [100, 0, 0]),
    ([1, 1, 1], [34, 33, 33]),
    ([2, 1], [67, 33]),
    ([1, 1, 1, 1, 1, 1], [17, 17, 17, 17, 16, 16]),
    ([7, 0, 3, 0], [70, 0, 30, 0]),
])
def test_percentages_add_up_to_100(counts, expected):
    assert percentages(counts) == expected


def test_one_vote_per_visitor_and_a_debounce():
    state = {}
    ballot = Ballot(state)
    assert not ballot.voted
    assert ballot.cast(2, now=10.0)
    assert state == {"voted": 2} and ballot.choice == 2
    assert not ballot.cast(1, now=10.3)                       # a double touch
    assert not ballot.cast(1, now=10.0 + DEBOUNCE_SECONDS * 3)  # already voted
    assert state == {"voted": 2}
    assert Ballot(state).voted          # a rebuilt view (language switch) remembers
    assert not Ballot({}).voted         # the next visitor (idle reset: a fresh state) votes again


def test_debounce_without_a_vote():
    ballot = Ballot({})
    ballot._last_tap = 5.0  # a touch the view ignored a moment ago
    assert not ballot.cast(0, now=5.5)                   # each touch restarts the wait
    assert not ballot.cast(0, now=5.5 + DEBOUNCE_SECONDS - 0.1)
    assert ballot.cast(0, now=10.0)


def test_ideas_are_tidied_and_need_text_or_a_tag():
    assert clean_idea("  une   AMAP\n au village  ", 200) == "une AMAP au village"
    assert clean_idea("x" * 300, 200) == "x" * 200
    assert can_submit("une idée", []) and can_submit("", ["logement"])
    assert not can_submit("   ", [])
