"""Bundles the kiosk refuses. Each refusal names the problem, says what to do, and leaves the
live content byte for byte as it was, with nothing left behind in the version store."""

from __future__ import annotations

import os
import stat
import warnings
import zipfile
from collections import namedtuple
from pathlib import Path

import pytest

from kiosk.bundles import verify
from kiosk.bundles.verify import name_problem
from kiosk.cli import main
from tests.bundles.conftest import installed_site, listing, make_bundle, make_site, rewrite_zip, snapshot
from tests.conftest import ROOTS

NEW_TEXT = "## Nouveau texte\n\nLe texte du printemps.\n"
CHANGED = "the file 'panel-ok/body.fr.md' was changed after the bundle was made"
AGAIN = "make the bundle again with 'kiosk bundle'"
UNSAFE = "such a name could write outside the content folder, so the bundle is refused"


@pytest.fixture(params=["folder", "link"])
def live(request, content, tmp_path) -> Path:
    """The live content: a real folder, or a link to a bundle installed earlier."""
    if request.param == "folder":
        return make_site(tmp_path / "site") / "exhibits"
    first = make_bundle(content, tmp_path / "first.zip", "# Premier texte\n", version="premier")
    return installed_site(tmp_path / "site", first) / "exhibits"


@pytest.fixture
def good(content, tmp_path) -> Path:
    return make_bundle(content, tmp_path / "good.zip", NEW_TEXT, version="bon")


def refuse(bundle: Path, live: Path, capsys, *expected: str) -> str:
    """Install ``bundle`` and check that it is refused with ``expected`` and that nothing changed."""
    before = snapshot(live.parent)
    assert main(["install-bundle", str(bundle), "--target", str(live)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("kiosk install-bundle: ")
    for text in expected:
        assert text in err
    assert snapshot(live.parent) == before
    return err


def test_a_good_bundle_installs(good, live, capsys):
    assert main(["install-bundle", str(good), "--target", str(live)]) == 0
    assert 'installed "Exposition de test" version bon' in capsys.readouterr().out


def test_a_file_rewritten_with_other_bytes_of_the_same_size(good, live, tmp_path, capsys):
    bundle = rewrite_zip(good, tmp_path / "bad.zip", replace={"panel-ok/body.fr.md": NEW_TEXT.upper().encode()})
    refuse(bundle, live, capsys, CHANGED, "(checksum differs)", AGAIN)


def test_a_file_rewritten_with_another_size(good, live, tmp_path, capsys):
    bundle = rewrite_zip(good, tmp_path / "bad.zip", replace={"panel-ok/body.fr.md": b"# Autre chose\n"})
    refuse(bundle, live, capsys, CHANGED, "(its size differs)", AGAIN)


@pytest.mark.parametrize("keep", [0, 1, 30, 0.5, -22, -1])
def test_a_truncated_bundle(good, live, tmp_path, capsys, keep):
    data = good.read_bytes()
    cut = int(len(data) * keep) if isinstance(keep, float) else keep if keep >= 0 else len(data) + keep
    bundle = tmp_path / "half.zip"
    bundle.write_bytes(data[:cut])
    err = refuse(bundle, live, capsys, "the bundle is damaged or was not copied completely (", "copy it again")
    assert str(bundle) in err


def test_bytes_damaged_in_the_middle(good, live, tmp_path, capsys):
    with zipfile.ZipFile(good) as archive:
        info = archive.getinfo("quiz-ok/exhibit.yaml")
    data = bytearray(good.read_bytes())
    start = info.header_offset + 30 + len(info.filename) + info.compress_size // 2
    data[start:start + 8] = bytes(b ^ 0xFF for b in data[start:start + 8])
    bundle = tmp_path / "damaged.zip"
    bundle.write_bytes(bytes(data))
    err = refuse(bundle, live, capsys)
    assert "damaged or was not copied completely" in err or "was changed after the bundle was made" in err


def test_a_file_missing_from_the_bundle(good, live, tmp_path, capsys):
    bundle = rewrite_zip(good, tmp_path / "bad.zip", drop=("gallery-ok/two.jpg",))
    refuse(bundle, live, capsys, "the file 'gallery-ok/two.jpg' is missing from the bundle (bundle.json lists it)",
           AGAIN)


def test_a_file_bundle_json_does_not_list(good, live, tmp_path, capsys):
    bundle = rewrite_zip(good, tmp_path / "bad.zip", add=[("panel-ok/extra.txt", b"hello")])
    refuse(bundle, live, capsys, "holds 'panel-ok/extra.txt', which its bundle.json does not list", AGAIN)


@pytest.mark.parametrize("name, problem", [
    ("../evil.txt", "'..', which climbs out"),
    ("/etc/evil", "an absolute path"),
    ("a/../../x", "'..', which climbs out"),
    ("panel-ok\\..\\..\\evil.txt", "a backslash"),
    ("C:/evil.txt", "a drive letter"),
    ("a//evil.txt", "an empty part"),
    ("/", "an empty name"),
])
def test_names_that_would_write_outside_the_folder(good, live, tmp_path, capsys, name, problem):
    bundle = rewrite_zip(good, tmp_path / "slip.zip", add=[(name, b"evil")], manifest=listing(name, b"evil"))
    refuse(bundle, live, capsys, f"a file named {name!r}, with {problem}", UNSAFE)
    assert not [p for p in tmp_path.rglob("*evil*")]
    assert not Path("/etc/evil").exists()


def test_name_problems():
    assert name_problem("") == "an empty name"
    assert name_problem("a\x00b") == "control characters"
    assert name_problem("panel-ok/body.fr.md") is None
    assert name_problem("panel-ok/") is None
    assert name_problem("Évolution du salariat/été 1936.png") is None
    assert name_problem("panel-ok/photo\xa01936.png") is None  # a non-breaking space, as Mac keyboards type it
    assert name_problem("panel-ok/a\nb.png") == "control characters"


def test_a_symbolic_link_member(good, live, tmp_path, capsys):
    info = zipfile.ZipInfo("panel-ok/passwd.png")
    info.create_system, info.external_attr = 3, (stat.S_IFLNK | 0o777) << 16
    target = b"../../../../etc/passwd"
    bundle = rewrite_zip(good, tmp_path / "link.zip", add=[(info, target)],
                         manifest=listing("panel-ok/passwd.png", target))
    refuse(bundle, live, capsys, "'panel-ok/passwd.png' in the bundle is a symbolic link", AGAIN)


def test_a_name_given_twice(good, live, tmp_path, capsys):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # zipfile warns about the duplicate
        bundle = rewrite_zip(good, tmp_path / "twice.zip", add=[("panel-ok/body.fr.md", b"# Autre\n")])
    refuse(bundle, live, capsys, "the name 'panel-ok/body.fr.md' appears twice in the bundle", AGAIN)


def test_a_name_that_is_both_a_file_and_a_folder(good, live, tmp_path, capsys):
    name = "panel-ok/body.fr.md/inside.txt"
    bundle = rewrite_zip(good, tmp_path / "clash.zip", add=[(name, b"x")], manifest=listing(name, b"x"))
    refuse(bundle, live, capsys, "'panel-ok/body.fr.md' is both a file and a folder", AGAIN)


def test_a_zip_bomb_by_ratio(good, live, tmp_path, capsys):
    zeros = bytes(50 * 1024 * 1024)
    bundle = rewrite_zip(good, tmp_path / "bomb.zip", add=[("panel-ok/zeros.bin", zeros)],
                         manifest=listing("panel-ok/zeros.bin", zeros))
    refuse(bundle, live, capsys, "'panel-ok/zeros.bin' would unpack to 52.4 MB from only",
           "this is how a 'zip bomb' looks, so the bundle is refused")


def test_too_many_files(good, live, capsys, monkeypatch):
    monkeypatch.setattr(verify, "MAX_FILES", 10)
    refuse(good, live, capsys, "the bundle holds 16 files, more than the 10 a kiosk accepts")


def test_too_many_bytes(good, live, capsys, monkeypatch):
    monkeypatch.setattr(verify, "MAX_TOTAL_BYTES", 1000)
    refuse(good, live, capsys, "the bundle would unpack to 6.", "more than the 1.0 kB a kiosk accepts, so it is refused")


def test_not_enough_free_space(good, live, capsys, monkeypatch):
    usage = namedtuple("usage", "total used free")
    monkeypatch.setattr("kiosk.bundles.verify.shutil.disk_usage", lambda _path: usage(10**9, 10**9 - 500, 500))
    refuse(good, live, capsys, "not enough free space on the kiosk's disk", "only 500 bytes are free")


def _set(key, value):
    def edit(manifest):
        manifest[key] = value
        return manifest
    return edit


@pytest.mark.parametrize("change, expected", [
    (dict(drop=("bundle.json",)), "this zip has no bundle.json, so it is not a kiosk bundle"),
    (dict(replace={"bundle.json": b"{not json"}), "bundle.json cannot be read ("),
    (dict(replace={"bundle.json": b"[1, 2]"}), "bundle.json is not a JSON object"),
    (dict(manifest=_set("format", 2)), "made by a newer kiosk (bundle format 2): update the kiosk software"),
    (dict(manifest=_set("format", None)), "bundle.json has no known format"),
    (dict(manifest=_set("files", ["a"])), "'files' must map file names to their checksum and size"),
    (dict(manifest=_set("made", "yesterday")), "'made' is not a date and time"),
    (dict(manifest=_set("title", "Expo")), "'title' must map languages to texts"),
    (dict(manifest=lambda m: {**m, "files": {**m["files"], "quiz-ok/exhibit.yaml": {"sha256": "x", "size": 1}}}),
     "the entry of 'quiz-ok/exhibit.yaml' in 'files' is wrong"),
])
def test_a_bad_or_missing_bundle_json(good, live, tmp_path, capsys, change, expected):
    refuse(rewrite_zip(good, tmp_path / "bad.zip", **change), live, capsys, expected)


def test_a_file_that_is_not_a_zip(live, tmp_path, capsys):
    bundle = tmp_path / "expo.zip"
    bundle.write_text("these are holiday photos, not a bundle")
    refuse(bundle, live, capsys, "the bundle is damaged or was not copied completely")


def test_a_bundle_that_is_not_there(live, tmp_path, capsys):
    refuse(tmp_path / "nowhere.zip", live, capsys, "nowhere.zip: there is no such file: check the path")


def test_content_with_errors_inside_a_bundle(good, live, tmp_path, capsys):
    broken = (ROOTS / "field-errors" / "unknown-type" / "exhibit.yaml").read_bytes()
    name = "panel-ok/exhibit.yaml"
    bundle = rewrite_zip(good, tmp_path / "broken.zip", replace={name: broken}, manifest=listing(name, broken))
    err = refuse(bundle, live, capsys, "the content in this bundle has errors, so it was not installed",
                 "Fix them in the content folder")
    assert "  panel-ok/exhibit.yaml:" in err and ": error: " in err


def test_nothing_is_left_behind_after_a_refusal(good, live, tmp_path, capsys):
    bundle = rewrite_zip(good, tmp_path / "bad.zip", replace={"panel-ok/body.fr.md": NEW_TEXT.upper().encode()})
    refuse(bundle, live, capsys, CHANGED)
    store = live.parent / ".exhibits.versions"
    assert not store.exists() or not [n for n in os.listdir(store) if n.startswith("incoming-")]
