"""``kiosk bundle``: content validated, then packed with a bundle.json that lists every file."""

from __future__ import annotations

import json
import os
import re
import shutil
import zipfile
from datetime import datetime, timezone

from kiosk.bundles.manifest import read_bundle_info
from kiosk.cli import main
from tests.bundles.conftest import sha
from tests.conftest import ROOTS


def test_bundle_packs_every_file_with_its_checksum(content, tmp_path, capsys):
    out = tmp_path / "expo.zip"
    assert main(["bundle", str(content), "-o", str(out), "--version", "printemps 2024"]) == 0
    printed = capsys.readouterr().out
    assert re.search(r"wrote .*expo\.zip: 15 files, 4\.\d kB, version printemps 2024", printed), printed
    with zipfile.ZipFile(out) as archive:
        manifest = json.loads(archive.read("bundle.json"))
        names = archive.namelist()
        assert all(info.compress_type == zipfile.ZIP_DEFLATED for info in archive.infolist())
        for name, entry in manifest["files"].items():
            assert entry == {"sha256": sha(archive.read(name)), "size": len((content / name).read_bytes())}
    expected = sorted(p.relative_to(content).as_posix() for p in content.rglob("*") if p.is_file())
    assert list(manifest["files"]) == expected
    assert sorted(names) == sorted([*expected, "bundle.json"])
    assert manifest["format"] == 1
    assert manifest["title"] == {"fr": "Exposition de test", "en": "Test exhibition", "de": "Testausstellung"}
    assert manifest["title_default"] == "Exposition de test"
    assert manifest["version"] == "printemps 2024"
    assert manifest["made_with"].startswith("musee-kiosk ")
    assert manifest["summary"] == {"exhibits": 5, "skipped": 0, "errors": 0, "warnings": 0, "paths": 0,
                                   "languages": {"fr": 1.0, "en": 1.0, "de": 0.4}}
    made = datetime.fromisoformat(manifest["made"])
    assert abs((datetime.now(timezone.utc) - made).total_seconds()) < 60


def test_default_version_is_the_date_and_time(content, tmp_path):
    assert main(["bundle", str(content), "-o", str(tmp_path / "expo.zip")]) == 0
    info = read_bundle_info(tmp_path / "expo.zip")
    assert re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d", info.version)
    assert info.file_count == 15 and info.total_bytes == sum(p.stat().st_size for p in content.rglob("*")
                                                              if p.is_file())


def test_hidden_files_caches_and_an_old_bundle_json_stay_out(content, tmp_path):
    (content / ".git").mkdir()
    (content / ".git" / "config").write_text("x")
    (content / "panel-ok" / ".DS_Store").write_text("x")
    (content / "__pycache__").mkdir()
    (content / "__pycache__" / "x.pyc").write_text("x")
    (content / "bundle.json").write_text("{}")  # bundling a folder that was installed from a bundle
    out = tmp_path / "expo.zip"
    assert main(["bundle", str(content), "-o", str(out)]) == 0
    with zipfile.ZipFile(out) as archive:
        names = archive.namelist()
        assert json.loads(archive.read("bundle.json"))["format"] == 1
    assert names.count("bundle.json") == 1
    assert not [name for name in names if "/." in f"/{name}" or "__pycache__" in name]


def test_content_with_errors_is_refused_and_nothing_is_written(content, tmp_path, capsys):
    shutil.copytree(ROOTS / "field-errors" / "unknown-type", content / "unknown-type")
    out = tmp_path / "expo.zip"
    assert main(["bundle", str(content), "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert "unknown-type/exhibit.yaml:" in err and ": error: " in err
    assert "the content has errors, so nothing was written" in err
    assert "kiosk validate" in err
    assert os.listdir(tmp_path) == ["base"]


def test_a_symbolic_link_in_the_content_is_refused_by_name(content, tmp_path, capsys):
    (content / "panel-ok" / "alias.png").symlink_to("picture.png")
    assert main(["bundle", str(content), "-o", str(tmp_path / "expo.zip")]) == 1
    err = capsys.readouterr().err
    assert "'panel-ok/alias.png' is a symbolic link" in err and "replace the link with a copy" in err
    assert not (tmp_path / "expo.zip").exists()


def test_an_exhibit_folder_is_not_a_content_folder(content, tmp_path, capsys):
    assert main(["bundle", str(content / "panel-ok"), "-o", str(tmp_path / "expo.zip")]) == 1
    assert "there is no collection.yaml here: give the content folder" in capsys.readouterr().err


def test_the_bundle_cannot_go_inside_the_content_it_packs(content, capsys):
    assert main(["bundle", str(content), "-o", str(content / "expo.zip")]) == 1
    assert "inside the content folder it packs" in capsys.readouterr().err
    assert not (content / "expo.zip").exists()


def test_a_missing_output_folder_is_named(content, tmp_path, capsys):
    assert main(["bundle", str(content), "-o", str(tmp_path / "stick" / "expo.zip")]) == 1
    assert "stick: this folder does not exist" in capsys.readouterr().err


def test_an_existing_bundle_is_replaced_whole_and_no_temporary_file_stays(content, tmp_path):
    out = tmp_path / "expo.zip"
    out.write_bytes(b"an older bundle")
    assert main(["bundle", str(content), "-o", str(out), "--version", "2"]) == 0
    assert read_bundle_info(out).version == "2"
    assert sorted(os.listdir(tmp_path)) == ["base", "expo.zip"]


def test_a_failed_write_leaves_the_old_bundle(content, tmp_path, capsys, monkeypatch):
    out = tmp_path / "expo.zip"
    out.write_bytes(b"an older bundle")

    def full_disk(*_args, **_kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("kiosk.bundles.build._add_file", full_disk)
    assert main(["bundle", str(content), "-o", str(out)]) == 1
    assert "No space left on device" in capsys.readouterr().err
    assert out.read_bytes() == b"an older bundle"
    assert sorted(os.listdir(tmp_path)) == ["base", "expo.zip"]


def test_a_bundle_is_readable_by_all(content, tmp_path):
    old = os.umask(0o077)
    try:
        assert main(["bundle", str(content), "-o", str(tmp_path / "expo.zip")]) == 0
    finally:
        os.umask(old)
    assert (tmp_path / "expo.zip").stat().st_mode & 0o777 == 0o644
