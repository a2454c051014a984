"""collection.yaml checks, and what happens to exhibits when it is broken or missing."""

from __future__ import annotations

from kiosk.content.loader import load_content


def messages(content):
    return [(f.line, f.severity, f.message) for f in content.findings]


def test_each_collection_mistake_is_named(root):
    content = load_content(root("collection-errors"))
    found = messages(content)
    assert content.collection is None
    expected = [
        (3, "the language 'fr' is listed twice"),
        (4, "the default language 'de' is not in 'languages'"),
        (5, "the partial language 'es' is not in 'languages'"),
        (8, "the room id 'a' is used twice"),
        (8, "'red' is not a colour like \"#2E6B3F\""),
        (9, "idle_timeout is 5; it must be between 20 and 3600"),
    ]
    for line, words in expected:
        assert any(l == line and words in m for l, _, m in found), (words, found)


def test_missing_collection_is_one_clear_error(root, tmp_path):
    folder = root("base")
    (folder / "collection.yaml").unlink()
    content = load_content(folder)
    assert [f.message for f in content.findings if f.is_error][0] == "the content folder has no collection.yaml"


def test_missing_folder(tmp_path):
    content = load_content(tmp_path / "nowhere")
    assert not content.ok and "does not exist" in content.findings[0].message


def test_room_order_and_exhibit_order(root):
    content = load_content(root("base"))
    assert [room.id for room in content.collection.rooms] == ["origines", "alternatives"]
    assert [m.id for m in content.exhibits] == ["panel-ok", "gallery-ok", "compare-ok", "quiz-ok", "timeline-ok"]
    assert content.collection.idle_timeout == 60
    assert content.collection.attract.slide_seconds == 12.0


def test_single_exhibit_uses_parent_collection(root):
    content = load_content(root("field-errors") / "unknown-room")
    assert [f.message for f in content.findings if f.is_error] == [
        "the room 'alternative' is not declared in collection.yaml"]


def test_single_exhibit_without_collection_warns(root, tmp_path):
    import shutil
    lonely = tmp_path / "alone" / "panel-ok"
    shutil.copytree(root("base") / "panel-ok", lonely)
    content = load_content(lonely)
    assert content.ok
    assert any("no collection.yaml beside this exhibit" in f.message for f in content.findings)
