"""The ``schema`` line, read one way for collection.yaml, exhibit.yaml and paths/*.yaml."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.content.collection import collection_from_dict
from kiosk.content.exhibit import exhibit_from_dict
from kiosk.content.guided_paths import path_from_dict
from kiosk.content.loader import ExhibitionContent
from kiosk.content.spec import Context
from kiosk.content.versions import load_version
from kiosk.content.yamldoc import parse_document
from kiosk.exhibit_types import load_registry

REGISTRY = load_registry(plugins=False)
FOLDER = Path("exhibits/origines-communs")


def judged(kind: str, schema_line: str):
    """(item, [(message, hint)]) for a file of ``kind`` holding ``schema_line`` and a title."""
    text = f"{schema_line}\ntitle: {{fr: Titre}}\n"
    if kind == "exhibit":
        item, findings = exhibit_from_dict(parse_document(text, FOLDER / "exhibit.yaml"), FOLDER, None, REGISTRY)
    elif kind == "path":
        item, findings = path_from_dict(parse_document(text, Path("paths/visite.yaml")), ExhibitionContent(Path("."), None))
    else:
        item, findings = collection_from_dict(parse_document(text, Path("collection.yaml")))
    return item, [(f.message, f.hint) for f in findings if f.is_error]


@pytest.mark.parametrize("kind", ["exhibit", "path"])
@pytest.mark.parametrize("line, message, hint", [
    ("# no schema", "'schema' is missing in this file", "add a line 'schema: 1' at the top"),
    ("schema: 2", "schema 2 is not known to this kiosk (it knows 1)", "update the kiosk, or write 'schema: 1'"),
    ("schema: '1'", "schema '1' is not known to this kiosk (it knows 1)", "update the kiosk, or write 'schema: 1'"),
    ("schema: true", "schema True is not known to this kiosk (it knows 1)", "update the kiosk, or write 'schema: 1'"),
])
def test_an_unknown_version_is_one_finding_and_nothing_else(kind, line, message, hint):
    item, errors = judged(kind, line)
    assert item is None and errors == [(message, hint)]


@pytest.mark.parametrize("line, message", [
    ("# no schema", "'schema' is missing in this file"),
    ("schema: 2", "schema is 2; it must be between 1 and 1"),
])
def test_the_collection_judges_its_schema_line_as_a_field(line, message):
    item, errors = judged("collection", line)
    assert item is None and [m for m, _ in errors] == [message]


def test_the_loader_of_the_version_gets_the_details_then_the_context():
    ctx = Context(parse_document("schema: 1\n", Path("x.yaml")))
    calls = []
    item, findings = load_version({"schema": 1}, ctx, {1: lambda data, *rest: calls.append(rest) or ("item", [])}, "a", 2)
    assert (item, findings) == ("item", []) and calls == [("a", 2, ctx)]
    assert load_version({"schema": 3}, ctx, {1: None, 2: None}) == (None, ctx.findings)
    assert ctx.findings[-1].message == "schema 3 is not known to this kiosk (it knows 1, 2)"
