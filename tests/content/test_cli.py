"""The curator's commands, run as a curator runs them: kiosk validate, schema and new."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys

import jsonschema
import pytest
import yaml

from kiosk.cli import main
from kiosk.content.loader import load_content
from tests.conftest import PROJECT


def test_validate_prints_one_line_per_problem_and_fails(root, capsys, monkeypatch):
    folder = root("media-errors")
    monkeypatch.chdir(folder.parent)
    assert main(["validate", "media-errors"]) == 1
    out = capsys.readouterr()
    lines = out.out.splitlines()
    assert "media-errors/missing/exhibit.yaml:8:11: error: the file 'Picture.png' does not exist " \
           "(did you mean 'picture.png'? (names are case-sensitive))" in lines
    assert "0 exhibits valid, 6 skipped; 6 errors, 0 warnings" in out.out
    assert "content has errors" in out.err


def test_validate_summary_per_room_and_language(root, capsys, monkeypatch):
    monkeypatch.chdir(root("base").parent)
    assert main(["validate", "base"]) == 0
    out = capsys.readouterr().out
    assert "Exposition de test: 5 exhibits valid, 0 skipped; 0 errors, 0 warnings" in out
    assert "  origines        2 valid    0 skipped" in out
    assert "fr 100%, en 100%, de 40% (partial)" in out


def test_warnings_alone_exit_zero(root, capsys):
    assert main(["validate", str(root("link-errors") / "plain-http")]) == 0
    assert "warning: the link 'http://www.le-mes.org/' is not encrypted" in capsys.readouterr().out


def test_validate_json(root, capsys, monkeypatch):
    monkeypatch.chdir(root("type-errors").parent)
    assert main(["validate", "type-errors", "--json"]) == 1
    report = json.loads(capsys.readouterr().out)
    assert {"file": "type-errors/quiz-out-of-range/exhibit.yaml", "line": 9, "column": 14, "severity": "error",
            "message": "answer 5 does not exist (this question has 3 answers)",
            "hint": "'correct' counts answers from 1 to 3"} in report["findings"]
    assert report["summary"]["skipped"] == 9 and report["summary"]["errors"] == 9


def test_schemas_accept_valid_content_and_flag_typos(tmp_path, root):
    assert main(["schema", "--out", str(tmp_path)]) == 0
    exhibit_schema = json.loads((tmp_path / "exhibit.schema.json").read_text())
    collection_schema = json.loads((tmp_path / "collection.schema.json").read_text())
    base = root("base")
    jsonschema.validate(yaml.safe_load((base / "collection.yaml").read_text()), collection_schema)
    for manifest in sorted(base.glob("*-ok/exhibit.yaml")):
        jsonschema.validate(yaml.safe_load(manifest.read_text()), exhibit_schema)
    typo = yaml.safe_load((root("field-errors") / "typo-field" / "exhibit.yaml").read_text())
    with pytest.raises(jsonschema.ValidationError, match="titel"):
        jsonschema.validate(typo, exhibit_schema)
    quiz_without_questions = {"schema": 1, "type": "quiz", "room": "a", "title": "T", "summary": "S"}
    with pytest.raises(jsonschema.ValidationError, match="questions"):
        jsonschema.validate(quiz_without_questions, exhibit_schema)


def test_bundled_schemas_are_up_to_date(tmp_path):
    main(["schema", "--out", str(tmp_path)])
    for name in ("exhibit.schema.json", "collection.schema.json"):
        assert (tmp_path / name).read_text() == (PROJECT / "exhibits" / "_schemas" / name).read_text(), \
            "run: kiosk schema --out exhibits/_schemas"


@pytest.mark.parametrize("type_name", ["panel", "gallery", "quiz", "timeline", "compare"])
def test_new_exhibit_validates_at_once(root, capsys, type_name):
    folder = root("base")
    assert main(["new", f"nouveau-{type_name}", "--type", type_name, "--room", "alternatives", "--root", str(folder)]) == 0
    content = load_content(folder)
    result = next(r for r in content.results if r.id == f"nouveau-{type_name}")
    assert result.valid, [f.format() for f in result.findings]
    assert not any(f.is_error for f in result.findings)
    # only the partial language (de) is left to translate, and the curator is told so
    assert all("not translated into de" in f.message for f in result.findings)
    manifest = (folder / f"nouveau-{type_name}" / "exhibit.yaml").read_text()
    assert manifest.startswith("# yaml-language-server: $schema=../_schemas/exhibit.schema.json")
    assert "room: alternatives" in manifest and "  en: " in manifest


@pytest.mark.parametrize("args, message", [
    (["Nouveau", "--type", "panel", "--room", "origines"], "not a valid exhibit id"),
    (["panel-ok", "--type", "panel", "--room", "origines"], "already exists"),
    (["nouveau", "--type", "quizz", "--room", "origines"], "did you mean 'quiz'?"),
    (["nouveau", "--type", "quiz", "--room", "origine"], "did you mean 'origines'?"),
])
def test_new_refuses_with_a_reason(root, capsys, args, message):
    folder = root("base")
    before = sorted(p.name for p in folder.iterdir())
    assert main(["new", *args, "--root", str(folder)]) == 2
    assert message in capsys.readouterr().err
    assert sorted(p.name for p in folder.iterdir()) == before


def test_console_script_runs_without_traceback(root):
    """The installed command, as a curator types it, on a hostile folder."""
    env = dict(os.environ, PYTHONPATH=str(PROJECT))
    result = subprocess.run([sys.executable, "-m", "kiosk", "validate", str(root("yaml-errors"))],
                            capture_output=True, text=True, env=env, timeout=60)
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    assert "the tag !!python/object/apply:os.system is not allowed" in result.stdout


def test_run_without_a_display_says_so_in_one_line(capsys, monkeypatch):
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "SDL_VIDEODRIVER"):
        monkeypatch.delenv(name, raising=False)
    assert main(["run", "--content", str(PROJECT / "exhibits")]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "no display found" in err and "kiosk snapshot" in err


def test_run_refuses_content_with_nothing_to_show(root, capsys):
    assert main(["run", "--content", str(root("collection-errors"))]) == 1
    assert "nothing to show" in capsys.readouterr().err


def test_run_starts_the_kiosk_and_logs_ready(tmp_path):
    """The real command in its own process: it opens a window, draws, says 'ready in X.XX s'."""
    env = dict(os.environ, PYTHONPATH=str(PROJECT))
    env.pop("KIVY_NO_CONSOLELOG", None)
    result = subprocess.run([sys.executable, "-m", "kiosk", "run", "--content", str(PROJECT / "exhibits"),
                             "--size", "1280x800", "--quit-after", "2"], capture_output=True, text=True, env=env,
                            timeout=120)
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert re.search(r"ready in \d+\.\d\d s", output), output
    assert "Traceback" not in output
