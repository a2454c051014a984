"""Field checks: each broken exhibit gives one clear finding at the right line."""

from __future__ import annotations

import pytest

from kiosk.content.loader import load_content
from tests.conftest import findings_for, only

ERRORS = [
    ("unknown-type", 2, "unknown exhibit type 'quizz'", "did you mean 'quiz'? known types: commons, compare, gallery, panel, poll, quiz, roleplay, timeline, wall"),
    ("missing-summary", 1, "'summary' is missing", "add a line 'summary: …'"),
    ("wrong-type", 7, "'order' should be a whole number, not a text", "digits only"),
    ("unknown-room", 3, "the room 'alternative' is not declared", "did you mean 'alternatives'?"),
    ("missing-default-text", 4, "'title' has no 'fr' text (the default language)", "add a line 'fr: …'"),
    ("missing-schema", 1, "'schema' is missing", "schema: 1"),
    ("future-schema", 1, "schema 7 is not known", "update the kiosk"),
    ("Bad_Id", 1, "'Bad_Id' is not a valid exhibit id", "lower-case"),
    ("panel-without-body", 1, "a panel needs a body", "body.fr.md"),
    ("body-twice", 6, "the 'fr' body is given twice", "keep only one"),
]

WARNINGS = [
    ("typo-field", 7, "unknown field 'titel' is ignored", "did you mean 'title'?"),
    ("missing-full-text", 4, "'title' is not translated into en", "en: …"),
    ("missing-partial-headline", 5, "'summary' is not translated into de", "de: …"),
    ("unknown-language", 6, "'fn' is not one of the collection's languages", "fr, en, de"),
]


@pytest.fixture(scope="module")
def content(tmp_path_factory):
    import shutil

    from tests.conftest import ROOTS
    target = tmp_path_factory.mktemp("roots") / "field-errors"
    shutil.copytree(ROOTS / "field-errors", target)
    return load_content(target)


@pytest.mark.parametrize("case, line, message, hint", ERRORS)
def test_error(content, case, line, message, hint):
    error = only(findings_for(content, case), "error")
    assert message in error.message
    assert hint in error.hint
    assert error.line == line
    assert case in {r.id for r in content.skipped}


@pytest.mark.parametrize("case, line, message, hint", WARNINGS)
def test_warning_keeps_the_exhibit(content, case, line, message, hint):
    findings = findings_for(content, case)
    warning = only(findings, "warning")
    assert message in warning.message and hint in warning.hint
    assert warning.line == line
    assert not any(f.is_error for f in findings)
    assert case in {m.id for m in content.exhibits}


def test_yes_is_not_a_title(content):
    errors = [f for f in findings_for(content, "bool-title") if f.is_error]
    assert any("should be a text, not 'true'" in f.message and "double quotes" in f.hint for f in errors)


def test_partial_language_body_falls_back_silently(root):
    """The base panel has no German body: no finding, and the kiosk shows the French one."""
    content = load_content(root("base"))
    panel = next(m for m in content.exhibits if m.id == "panel-ok")
    assert not findings_for(content, "panel-ok")
    assert panel.body.get("de", ["fr"]).startswith("## Intertitre")
    assert panel.title.get("de") == "Titel panel"


def test_unknown_field_in_nested_object_names_it(root):
    folder = root("base") / "quiz-ok"
    manifest = folder / "exhibit.yaml"
    manifest.write_text(manifest.read_text().replace("    explanation: {fr: Les deux.", "    explication: {fr: Les deux."))
    findings = findings_for(load_content(folder.parent), "quiz-ok")
    assert any("unknown field 'explication'" in f.message and "did you mean 'explanation'?" in f.hint for f in findings)
    assert any("'explanation' is missing in questions[2]" in f.message for f in findings)


def test_findings_are_in_line_order(content):
    for result in content.results:
        lines = [f.line for f in result.findings if f.file.name == "exhibit.yaml"]
        assert lines == sorted(lines)
