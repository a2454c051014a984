"""Parsing errors: every one is a finding with file and line, never a traceback."""

from __future__ import annotations

import time

import pytest

from kiosk.content.loader import load_content
from kiosk.content.yamldoc import MAX_DEPTH, MAX_FILE_BYTES
from tests.conftest import findings_for, only

CASES = [
    # folder, line, column, words the message must contain
    ("syntax", 3, 16, "not valid YAML"),
    ("tab-indent", 3, 1, "tab is used for indentation"),
    ("python-tag", 3, 8, "tag !!python/object/apply:os.system is not allowed"),
    ("not-mapping", 1, 1, "should be a mapping"),
    ("empty", 1, 1, "the file is empty"),
    ("billion-laughs", 2, 4, "anchors and aliases"),
    ("duplicate-key", 6, 1, "the key 'title' appears twice"),
    ("two-documents", 6, 1, "not valid YAML"),
    ("unknown-tag", 2, 7, "the tag !include is not allowed"),
]


@pytest.mark.parametrize("case, line, column, words", CASES)
def test_parse_error_names_file_line_and_problem(root, case, line, column, words):
    content = load_content(root("yaml-errors"))
    error = only(findings_for(content, case))
    assert words in error.message
    assert (error.line, error.column) == (line, column)
    assert error.file.name == "exhibit.yaml" and error.file.parent.name == case
    assert error.hint


def test_hints_help_the_curator(root):
    content = load_content(root("yaml-errors"))
    assert "double quotes" in only(findings_for(content, "syntax")).hint
    assert "spaces" in only(findings_for(content, "tab-indent")).hint


def test_folder_without_manifest_is_reported(root):
    error = only(findings_for(load_content(root("yaml-errors")), "no-manifest"))
    assert "has no exhibit.yaml" in error.message


def test_python_tag_never_runs(root, tmp_path, monkeypatch):
    calls = []
    monkeypatch.setattr("os.system", lambda *args: calls.append(args))
    load_content(root("yaml-errors"))
    assert calls == []


def test_file_that_is_not_utf8(root):
    folder = root("base") / "panel-ok"
    manifest = folder / "exhibit.yaml"
    manifest.write_bytes(manifest.read_bytes().replace(b"Titre", b"Ti\xe9tre", 1))
    error = only(findings_for(load_content(folder.parent), "panel-ok"))
    assert "not UTF-8" in error.message and "0xe9" in error.message
    assert error.line == 4 and error.column > 1
    assert "UTF-8" in error.hint


def test_huge_file_is_refused_without_parsing(root):
    folder = root("base") / "panel-ok"
    (folder / "exhibit.yaml").write_text("schema: 1\n" + "# padding\n" * (MAX_FILE_BYTES // 10 + 1))
    error = only(findings_for(load_content(folder.parent), "panel-ok"))
    assert "too large" in error.message


def test_deep_nesting_is_refused_quickly(root):
    folder = root("base") / "panel-ok"
    for depth in (MAX_DEPTH + 5, 100_000):
        (folder / "exhibit.yaml").write_text("schema: 1\nx: " + "[" * depth + "]" * depth + "\n")
        started = time.perf_counter()
        error = only(findings_for(load_content(folder.parent), "panel-ok"))
        assert "nested too deeply" in error.message
        assert time.perf_counter() - started < 5


def test_rest_of_exhibition_still_loads(root):
    """A broken exhibit is skipped; the collection itself stays usable."""
    content = load_content(root("yaml-errors"))
    assert content.collection is not None
    assert {r.id for r in content.skipped} == {case for case, *_ in CASES} | {"no-manifest"}
