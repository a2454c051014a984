"""Guided tours and book workshops (paths/<id>.yaml): loading, each mistake at its line, and the bundled ones."""

from __future__ import annotations

import json
import logging

import jsonschema
import pytest
import yaml

from kiosk.cli import main
from kiosk.content.guided_paths import PATHS_FOLDER, GuidedPath, PathStep
from kiosk.content.loader import exhibit_folders, load_content
from kiosk.content.schema_export import path_schema
from tests.conftest import PROJECT, ROOTS, only

EXHIBITS = ["origines-communs", "alternatives-monnaies"]

ERRORS = [
    ("unknown-exhibit", "visite.yaml", 13, 14, "the exhibit 'alternatives-monnaie' does not exist in this content folder",
     "did you mean 'alternatives-monnaies'?"),
    ("missing-notes", "visite.yaml", 13, 5, "'notes' is missing in steps[2]", "add a line 'notes: …'"),
    ("missing-prompts", "visite.yaml", 6, 5, "'prompts' is missing in steps[1]", "add a line 'prompts: …'"),
    ("invalid-exhibit", "visite.yaml", 13, 14, "the exhibit 'alternatives-monnaies' is invalid", "alternatives-monnaies/exhibit.yaml"),
    ("bad-kind", "visite.yaml", 2, 7, "'tuor' is not a valid kind", "did you mean 'tour'?"),
    ("bad-minutes", "visite.yaml", 14, 14, "steps[2].minutes is 200; it must be between 1 and 120", ""),
    ("yaml-syntax", "visite.yaml", 13, 3, "not valid YAML", "check the indentation and the quotes"),
    ("bad-file-name", "Visite_Guidee.yaml", 1, 1, "the file name 'Visite_Guidee' is not a valid path id", "lower-case"),
]


def path_findings(content):
    return [f for result in content.path_results for f in result.findings]


def test_valid_paths_load_in_order(root):
    content = load_content(root("paths/valid"))
    assert content.findings == []
    assert [p.id for p in content.paths] == ["visite", "atelier"]  # tours first, then workshops
    tour = content.path("visite")
    assert isinstance(tour, GuidedPath) and tour.kind == "tour"
    assert tour.exhibits == ("origines-communs", "alternatives-monnaies")
    assert [step.minutes for step in tour.steps] == [10, 7.5]
    assert tour.total_minutes == 17.5
    assert tour.title.get("de") == "Führung durch die zwei Räume"
    assert tour.audience is None


def test_steps_carry_notes_prompts_and_titles(root):
    content = load_content(root("paths/valid"))
    first, second = content.path("visite").steps
    assert isinstance(first, PathStep)
    assert first.title.get("en") == "The enclosures"
    assert second.title == content.exhibit("alternatives-monnaies").title  # the exhibit's title by default
    assert first.notes.get("fr") == "Faire décrire l'image."
    assert [prompt.get("en") for prompt in first.prompts] == ["What should stay common?", "Who lost what?"]
    workshop = content.path("atelier")
    assert workshop.kind == "workshop" and workshop.audience.get("en") == "A group of 10 to 20 people"


def test_unknown_path_id_is_none(root):
    content = load_content(root("paths/valid"))
    assert content.path("nowhere") is None and content.path(None) is None


def test_paths_folder_is_not_an_exhibit(root):
    folder = root("paths/valid")
    assert PATHS_FOLDER not in [f.name for f in exhibit_folders(folder)]
    content = load_content(folder)
    assert sorted(r.id for r in content.results) == sorted(EXHIBITS)
    assert [m.id for m in content.exhibits] == EXHIBITS


def test_drafts_and_other_files_in_paths_are_ignored(root):
    content = load_content(root("paths/valid"))
    assert sorted(r.id for r in content.path_results) == ["atelier", "visite"]


@pytest.mark.parametrize("case, file, line, column, message, hint", ERRORS)
def test_error(root, case, file, line, column, message, hint):
    folder = root(f"paths/{case}")
    content = load_content(folder)
    error = only(path_findings(content), "error")
    assert message in error.message, error.format()
    assert hint in error.hint, error.format()
    assert error.file == folder / PATHS_FOLDER / file
    assert (error.line, error.column) == (line, column)
    assert content.paths == [] and len(content.skipped_paths) == 1
    assert not content.ok


@pytest.mark.parametrize("case", [case for case, *_ in ERRORS if case != "invalid-exhibit"])
def test_a_broken_path_never_stops_the_exhibits(root, case):
    content = load_content(root(f"paths/{case}"))
    assert [m.id for m in content.exhibits] == EXHIBITS
    assert not content.skipped


def test_step_pointing_at_an_invalid_exhibit(root):
    content = load_content(root("paths/invalid-exhibit"))
    assert [r.id for r in content.skipped] == ["alternatives-monnaies"]
    assert content.path("visite") is None
    error = only(path_findings(content), "error")
    assert "the kiosk skips it, and this path with it" in error.message


def test_missing_translations_are_warnings(root):
    content = load_content(root("paths/missing-translation"))
    warnings = [(f.line, f.message) for f in path_findings(content)]
    assert warnings == [(3, "'title' is not translated into de"),
                        (9, "'steps[1].notes' is not translated into en")]
    assert content.ok and content.path("visite") is not None


def test_misplaced_files_are_named(root):
    content = load_content(root("paths/misplaced-files"))
    errors = {f.file.name: f for f in path_findings(content) if f.is_error}
    assert sorted(errors) == ["atelier.yml", "exhibit.yaml"]
    assert errors["atelier.yml"].hint == "rename it to atelier.yaml"
    assert "this exhibit is not read" in errors["exhibit.yaml"].message
    assert [p.id for p in content.paths] == ["visite"]


def test_skipped_path_is_logged(root, caplog):
    with caplog.at_level(logging.WARNING, logger="kiosk.content.loader"):
        load_content(root("paths/bad-kind"))
    assert "path 'visite' skipped" in caplog.text and "'tuor' is not a valid kind" in caplog.text


def test_validate_reports_a_path_error(root, capsys, monkeypatch):
    monkeypatch.chdir(root("paths/unknown-exhibit").parent)
    assert main(["validate", "unknown-exhibit"]) == 1
    out = capsys.readouterr()
    assert "unknown-exhibit/paths/visite.yaml:13:14: error: the exhibit 'alternatives-monnaie' does not exist " \
           "in this content folder (did you mean 'alternatives-monnaies'?)" in out.out.splitlines()
    assert "2 exhibits valid, 0 skipped; 1 errors, 0 warnings" in out.out
    assert "1 path: 0 valid, 1 skipped" in out.out
    assert "content has errors" in out.err


def test_validate_summary_lists_the_paths(root, capsys, monkeypatch):
    monkeypatch.chdir(root("paths/valid").parent)
    assert main(["validate", "valid"]) == 0
    out = capsys.readouterr().out
    assert "2 paths: 2 valid, 0 skipped\n  visite   tour        2 steps  17.5 min\n" \
           "  atelier  workshop    1 step     30 min" in out


def test_validate_json_has_the_paths(root, capsys, monkeypatch):
    monkeypatch.chdir(root("paths/bad-minutes").parent)
    assert main(["validate", "bad-minutes", "--json"]) == 1
    report = json.loads(capsys.readouterr().out)
    assert report["summary"]["paths"] == [{"id": "visite", "kind": "tour", "valid": False, "steps": 0, "minutes": 0}]
    assert any(f["file"] == "bad-minutes/paths/visite.yaml" and f["line"] == 14 for f in report["findings"])


def test_validating_the_paths_folder_points_to_its_content_folder(root):
    content = load_content(root("paths/valid") / PATHS_FOLDER)
    assert "validate the folder above this one" in only(content.findings).hint


# The bundled paths ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def bundled():
    return load_content(PROJECT / "exhibits")


def test_bundled_paths_are_clean(bundled):
    assert [f.format(PROJECT) for f in path_findings(bundled)] == []
    assert [p.id for p in bundled.paths] == ["visite-guidee", "atelier-decider-ensemble", "atelier-democratie-economique",
                                             "atelier-gouverner-les-communs", "atelier-monnaies-locales"]


def test_bundled_tour_visits_the_four_rooms_in_order(bundled):
    tour = bundled.path("visite-guidee")
    assert tour.kind == "tour" and 6 <= len(tour.steps) <= 9
    rooms = [room.id for room in bundled.collection.rooms]
    visited = [bundled.exhibit(step.exhibit).room for step in tour.steps]
    assert sorted(set(visited)) == sorted(rooms)
    assert [rooms.index(room) for room in visited] == sorted(rooms.index(room) for room in visited)
    assert all(5 <= step.minutes <= 12 for step in tour.steps)


@pytest.mark.parametrize("path_id, exhibits", [
    ("atelier-monnaies-locales", {"alternatives-monnaies-locales", "alternatives-finance-solidaire"}),
    ("atelier-democratie-economique", {"espoirs-regies-de-quartier", "alternatives-habitat-participatif",
                                       "alternatives-plateformes-cooperatives"}),
    ("atelier-gouverner-les-communs", {"origines-enclosures", "alternatives-vallee-partagee", "alternatives-mur"}),
    ("atelier-decider-ensemble", {"espoirs-assemblee-regie", "alternatives-epicerie-cooperative"}),
])
def test_bundled_workshops(bundled, path_id, exhibits):
    workshop = bundled.path(path_id)
    assert workshop.kind == "workshop" and 3 <= len(workshop.steps) <= 5
    assert exhibits <= set(workshop.exhibits)
    assert all(len(step.prompts) >= 2 for step in workshop.steps)


def test_bundled_paths_are_in_french_and_english(bundled):
    partial = bundled.collection.languages.partial
    for path in bundled.paths:
        assert all(path.title.has(code) for code in partial), path.id
        texts = [path.title, path.summary, path.audience]
        for step in path.steps:
            texts += [step.title, step.notes, *step.prompts]
        assert all(text.has("fr") and text.has("en") for text in texts), path.id


def test_bundled_path_schema_is_up_to_date_and_accepts_the_bundled_paths():
    schema = path_schema()
    assert json.loads((PROJECT / "exhibits" / "_schemas" / "path.schema.json").read_text()) == schema, \
        "run: kiosk schema --out exhibits/_schemas"
    files = sorted((PROJECT / "exhibits" / PATHS_FOLDER).glob("*.yaml"))
    assert len(files) == 5
    for file in files:
        jsonschema.validate(yaml.safe_load(file.read_text(encoding="utf-8")), schema)
    with pytest.raises(jsonschema.ValidationError, match="tuor"):
        jsonschema.validate(yaml.safe_load((ROOTS / "paths" / "bad-kind" / "paths" / "visite.yaml").read_text()), schema)


@pytest.mark.parametrize("path_id, game_type", [("atelier-gouverner-les-communs", "commons"),
                                                ("atelier-decider-ensemble", "roleplay")])
def test_each_game_has_a_workshop_that_plays_it_in_60_to_90_minutes(bundled, path_id, game_type):
    workshop = bundled.path(path_id)
    games = [step for step in workshop.steps if bundled.exhibit(step.exhibit).type == game_type]
    assert workshop.kind == "workshop" and games
    assert 60 <= workshop.total_minutes <= 90
    assert sum(step.minutes for step in games) >= 25, "time to play a whole game, and to debrief it"
    for step in workshop.steps:
        assert len(step.prompts) >= 2 and all(p.has("fr") and p.has("en") and p.has("ar") for p in step.prompts)
        assert step.title.has("ar") and len(step.notes.get("fr", ["fr"])) >= 400, "notes a facilitator can run it on"


def test_the_commons_workshop_plays_the_game_then_debriefs_it_on_the_same_screen(bundled):
    steps = bundled.path("atelier-gouverner-les-communs").steps
    [play, debrief] = [i for i, step in enumerate(steps) if step.exhibit == "alternatives-vallee-partagee"]
    assert debrief == play + 1, "the debrief step finds the game where the group left it"
