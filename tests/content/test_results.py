"""One result for every file read: exhibits and paths alike carry an id, the item or None, findings and a group."""

from __future__ import annotations

from kiosk.content.exhibit import ExhibitManifest
from kiosk.content.findings import LoadResult
from kiosk.content.guided_paths import GuidedPath
from kiosk.content.loader import load_content


def test_exhibits_and_paths_give_the_same_kind_of_result(root):
    content = load_content(root("paths/bad-kind"))
    exhibit = next(r for r in content.results if r.valid)
    path = content.path_results[0]
    assert isinstance(exhibit, LoadResult) and isinstance(path, LoadResult)
    assert isinstance(exhibit.item, ExhibitManifest) and exhibit.group == exhibit.item.room
    assert path.id == "visite" and path.item is None and not path.valid and path.group == "tuor"
    assert content.skipped_paths == [path] and path.findings


def test_an_invalid_exhibit_keeps_its_room_and_the_curator_tools_names(root):
    folder = root("base")
    manifest = folder / "quiz-ok" / "exhibit.yaml"
    manifest.write_text(manifest.read_text().replace("type: quiz", "type: quizz"))
    result = next(r for r in load_content(folder).results if r.id == "quiz-ok")
    assert result.item is None and result.manifest is None and not result.valid
    assert result.group == result.room and result.room is not None


def test_a_result_is_valid_when_it_holds_an_item():
    path = GuidedPath("visite", "tour", None, None, None, ())
    assert LoadResult("visite", path, (), "tour").valid and not LoadResult("visite", None, ()).valid
