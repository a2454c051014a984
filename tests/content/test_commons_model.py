"""The commons type's checks, fed real folders: the template is valid, each mistake is named with its line."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.exhibit_types import ExhibitType, load_registry
from kiosk.exhibit_types.commons import model
from tests.conftest import line_of, load_written

TEMPLATE = Path(model.__file__).with_name("template.yaml")


@pytest.fixture
def registry():
    found = load_registry(plugins=False)
    if "commons" not in found:
        found.add(ExhibitType(name="commons", fields=model.FIELDS, build=model.build, check=model.check,
                              template=TEMPLATE))
    return found


@pytest.fixture
def folder(root):
    base = root("base")
    target = base / "jeu-foret"
    target.mkdir()
    return target


def load(folder, registry, text):
    return load_written(folder, text, registry)


def test_the_template_is_a_valid_game_and_builds_the_engines_territory(folder, registry):
    result = load(folder, registry, TEMPLATE.read_text())
    assert result.valid, [f.format() for f in result.findings]
    game = result.manifest.details
    assert game.territory.players == 3 and game.territory.rounds == 8 and game.territory.unknown_end is None
    assert game.territory.resources[0].capacity == 100 and game.collapse_within == 3
    assert game.players[0].secret.get("en").startswith("You want")
    assert game.players[1].secret is None and game.secret_choices
    assert game.event_texts["storm"].get("fr") == "Une tempête abat des arbres."


def test_an_unknown_end_is_a_span_of_rounds(folder, registry):
    result = load(folder, registry, TEMPLATE.read_text().replace("rounds: 8 ", "rounds: {from: 6, to: 10} "))
    assert result.valid, [f.format() for f in result.findings]
    assert result.manifest.details.territory.unknown_end == (6, 10)


@pytest.mark.parametrize("old, new, needle, message", [
    ("      - resource: forest", "      - resource: forets", "resource: forets",
     "event 'storm' names the resource 'forets', which does not exist"),
    ("probability: 0.1 ", "probability: 1.5 ", "probability:", "it must be between 0 and 1"),
    ("stock: 60 ", "stock: 160 ", "stock: 160", "the stock (160) is larger than the capacity (100)"),
    ("collapse_within: 3 ", "collapse_within: 2 ", "collapse_within:", "loses a resource only in round 3, not by round 2"),
    ("max_take: 8 ", "max_take: 1 ", "collapse_within:", "never loses anything"),
    ("rules: [quota, rotation, monitoring, sanction, reserve]", "rules: [quota, sanction]", "rules:",
     "'sanction' is offered without 'monitoring'"),
    ("rules: [quota, rotation,", "rules: [quotas, rotation,", "rules:", "'quotas' is not a valid rules[1]"),
    ("rounds: 8 ", "rounds: {from: 9, to: 6} ", "rounds:", "cannot end between round 9 and an earlier round 6"),
])
def test_a_mistake_is_named_with_its_line_and_a_hint(folder, registry, old, new, needle, message):
    text = TEMPLATE.read_text()
    assert old in text
    text = text.replace(old, new)
    result = load(folder, registry, text)
    assert not result.valid
    errors = [f for f in result.findings if f.severity == "error"]
    assert any(message in f.message for f in errors), [f.format() for f in errors]
    error = next(f for f in errors if message in f.message)
    assert error.line == line_of(text, needle), error.format()
    assert error.hint or "it must be between" in error.message   # the message names the fix


def test_events_whose_chances_add_up_past_one_are_refused(folder, registry):
    text = TEMPLATE.read_text()
    storm = text[text.index("  - id: storm"):text.index("rules:")]
    text = text.replace(storm, storm + storm.replace("id: storm", "id: fire").replace("0.1 ", "0.95 "))
    result = load(folder, registry, text)
    assert any("add up to 1.05, more than 1" in f.message for f in result.findings), \
        [f.format() for f in result.findings]


def test_a_territory_sharing_cannot_hold_is_a_warning(folder, registry):
    text = TEMPLATE.read_text().replace("regrowth: 0.3 ", "regrowth: 0.05 ").replace("collapse_within: 3 ",
                                                                                  "collapse_within: 4 ")
    result = load(folder, registry, text)
    warnings = [f for f in result.findings if "sharing cannot hold 'forest'" in f.message]
    assert warnings and warnings[0].severity == "warning"
