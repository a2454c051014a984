"""Installing bundles as a curator does, and going back with ``kiosk rollback``."""

from __future__ import annotations

import json
import os
import shutil
import zipfile
from pathlib import Path

import pytest

from kiosk.bundles import content_identity, default_content_path
from kiosk.bundles.install import install_bundle, rollback
from kiosk.bundles.manifest import BundleError, live_info, read_bundle_info
from kiosk.bundles.store import VersionStore
from kiosk.cli import main
from kiosk.content.loader import load_content
from tests.bundles.conftest import BODY, OLD_TEXT, bundle_tree, make_bundle, snapshot, tree

NEW_TEXT = "## Nouveau texte\n\nLe texte du printemps.\n"
NEWER_TEXT = "## Texte d'été\n\nLe texte de l'été.\n"


def versions(site: Path) -> list[str]:
    return sorted(os.listdir(site / ".exhibits.versions"))


def history(site: Path) -> list[str]:
    return json.loads((site / ".exhibits.versions" / "history.json").read_text())


def test_round_trip_install_update_rollback(content, site, tmp_path, capsys):
    live = site / "exhibits"
    first = make_bundle(content, tmp_path / "spring.zip", NEW_TEXT, version="printemps")
    assert main(["install-bundle", str(first), "--target", str(live)]) == 0
    out = capsys.readouterr().out
    assert 'installed "Exposition de test" version printemps (made ' in out
    assert "the version before it is kept for 'kiosk rollback'" in out
    assert live.is_symlink() and not os.path.isabs(os.readlink(live))
    assert tree(live) == bundle_tree(first)
    assert tree(live) == {**tree(content), "bundle.json": bundle_tree(first)["bundle.json"]}
    assert load_content(live).ok and len(load_content(live).exhibits) == 5

    second = make_bundle(content, tmp_path / "summer.zip", NEWER_TEXT, version="été")
    assert main(["install-bundle", str(second), "--target", str(live)]) == 0
    assert (live / BODY).read_text(encoding="utf-8") == NEWER_TEXT
    assert live_info(live).version == "été"

    assert main(["rollback", "--target", str(live)]) == 0
    assert 'back to "Exposition de test" version printemps' in capsys.readouterr().out
    assert (live / BODY).read_text(encoding="utf-8") == NEW_TEXT
    assert live_info(live).version == "printemps"

    assert main(["rollback", "--target", str(live)]) == 0
    assert "back to the content that was live before the first bundle" in capsys.readouterr().out
    assert (live / BODY).read_text(encoding="utf-8") == OLD_TEXT
    assert live_info(live) is None

    assert main(["rollback", "--target", str(live)]) == 1
    assert "there is no earlier version to go back to" in capsys.readouterr().err
    assert (live / BODY).read_text(encoding="utf-8") == OLD_TEXT


def test_rollback_with_nothing_installed(site, capsys):
    before = snapshot(site)
    assert main(["rollback", "--target", str(site / "exhibits")]) == 1
    err = capsys.readouterr().err
    assert err.startswith("kiosk rollback: ") and "there is no earlier version to go back to" in err
    assert snapshot(site) == before


def test_first_install_where_there_was_nothing(content, tmp_path):
    bundle = make_bundle(content, tmp_path / "expo.zip")
    live = tmp_path / "new-kiosk" / "exhibits"
    live.parent.mkdir()
    result = install_bundle(bundle, live)
    assert live.is_symlink() and tree(live) == bundle_tree(bundle)
    assert result.previous is None and result.info.title_default == "Exposition de test"
    with pytest.raises(BundleError, match="no earlier version"):
        rollback(live)


def test_the_store_keeps_the_live_version_and_two_before(content, site, tmp_path):
    live = site / "exhibits"
    for number in range(5):
        install_bundle(make_bundle(content, tmp_path / f"v{number}.zip", f"# Version {number}\n", str(number)), live)
    names = history(site)
    assert len(names) == 3 and names[-1] == os.path.basename(os.readlink(live))
    assert versions(site) == sorted([*names, "history.json"])
    assert [live_info(site / ".exhibits.versions" / name).version for name in names] == ["2", "3", "4"]
    rollback(live)
    rollback(live)
    assert live_info(live).version == "2"
    with pytest.raises(BundleError, match="no earlier version"):
        rollback(live)


def test_a_rolled_back_version_stays_until_the_next_install(content, site, tmp_path):
    live = site / "exhibits"
    install_bundle(make_bundle(content, tmp_path / "a.zip", version="a"), live)
    install_bundle(make_bundle(content, tmp_path / "b.zip", version="b"), live)
    left = os.path.basename(os.readlink(live))
    rollback(live)
    assert left in versions(site)  # the running kiosk may still be reading it
    install_bundle(make_bundle(content, tmp_path / "c.zip", version="c"), live)
    assert left not in versions(site)
    infos = [live_info(site / ".exhibits.versions" / name) for name in history(site)]
    assert [info.version if info else None for info in infos] == [None, "a", "c"]


def test_a_link_to_a_folder_elsewhere_is_kept_for_rollback(content, tmp_path):
    elsewhere = tmp_path / "usb-copy"
    shutil.copytree(content, elsewhere)
    site = tmp_path / "site"
    site.mkdir()
    (site / "exhibits").symlink_to(elsewhere)
    before = tree(elsewhere)
    install_bundle(make_bundle(content, tmp_path / "expo.zip", NEW_TEXT), site / "exhibits")
    assert (site / "exhibits" / BODY).read_text(encoding="utf-8") == NEW_TEXT
    rollback(site / "exhibits")
    assert os.path.realpath(site / "exhibits") == str(elsewhere)
    assert tree(elsewhere) == before


def test_progress_is_reported_up_to_the_total(content, site, tmp_path):
    (content / "panel-ok" / "noise.bin").write_bytes(os.urandom(3 * 1024 * 1024))
    bundle = make_bundle(content, tmp_path / "expo.zip")
    calls = []
    install_bundle(bundle, site / "exhibits", progress=lambda done, total: calls.append((done, total)))
    total = read_bundle_info(bundle).total_bytes
    assert calls[-1] == (total, total)
    assert [done for done, _ in calls] == sorted(done for done, _ in calls)


def test_read_bundle_info_and_live_info(content, site, tmp_path):
    bundle = make_bundle(content, tmp_path / "expo.zip", version="automne")
    info = read_bundle_info(bundle)
    assert info.title["en"] == "Test exhibition" and info.version == "automne"
    assert info.summary["exhibits"] == 5 and info.file_count == 15
    assert info.describe().startswith('"Exposition de test" version automne (made ')
    assert info.made.tzinfo is not None
    assert live_info(site / "exhibits") is None
    install_bundle(bundle, site / "exhibits")
    assert live_info(site / "exhibits") == info


def test_read_bundle_info_refuses_a_damaged_bundle(content, tmp_path):
    bundle = make_bundle(content, tmp_path / "expo.zip")
    bundle.write_bytes(bundle.read_bytes()[:-100])
    with pytest.raises(BundleError, match="damaged or was not copied completely .*: copy it again"):
        read_bundle_info(bundle)


def test_content_identity_changes_when_a_version_goes_live(content, site, tmp_path):
    live = site / "exhibits"
    start = content_identity(live)
    assert start == content_identity(live)
    install_bundle(make_bundle(content, tmp_path / "a.zip", version="a"), live)
    after_a = content_identity(live)
    install_bundle(make_bundle(content, tmp_path / "b.zip", version="b"), live)
    after_b = content_identity(live)
    rollback(live)
    assert len({start, after_a, after_b}) == 3
    assert content_identity(live) == after_a
    assert content_identity(tmp_path / "nothing-here")


def test_default_content_path(monkeypatch):
    monkeypatch.delenv("KIOSK_CONTENT", raising=False)
    assert default_content_path() == Path("exhibits")
    monkeypatch.setenv("KIOSK_CONTENT", "/srv/kiosk/exhibits")
    assert default_content_path() == Path("/srv/kiosk/exhibits")


def test_install_uses_kiosk_content_by_default(content, site, tmp_path, monkeypatch):
    monkeypatch.setenv("KIOSK_CONTENT", str(site / "exhibits"))
    assert main(["install-bundle", str(make_bundle(content, tmp_path / "expo.zip", NEW_TEXT))]) == 0
    assert (site / "exhibits").is_symlink()
    assert main(["rollback"]) == 0
    assert (site / "exhibits" / BODY).read_text(encoding="utf-8") == OLD_TEXT


def test_a_folder_that_cannot_be_swapped_atomically_is_refused(content, site, tmp_path, capsys, monkeypatch):
    monkeypatch.setattr("kiosk.bundles.install.can_exchange", lambda _target: False)
    before = snapshot(site)
    assert main(["install-bundle", str(make_bundle(content, tmp_path / "expo.zip")),
                 "--target", str(site / "exhibits")]) == 1
    err = capsys.readouterr().err
    assert "is a folder, and this system cannot swap a folder atomically: make" in err
    assert "a symbolic link to the folder (cd " in err and "&& ln -s exhibits-content exhibits) and install again" in err
    assert snapshot(site) == before


def test_an_exchange_refused_at_the_switch_changes_nothing(content, site, tmp_path, capsys, monkeypatch):
    def unsupported(_first, _second):
        raise OSError(22, "Invalid argument")

    monkeypatch.setattr("kiosk.bundles.install.can_exchange", lambda _target: True)
    monkeypatch.setattr("kiosk.bundles.switch.exchange", unsupported)
    before = snapshot(site)
    assert main(["install-bundle", str(make_bundle(content, tmp_path / "expo.zip")),
                 "--target", str(site / "exhibits")]) == 1
    assert "cannot swap a folder atomically" in capsys.readouterr().err
    assert snapshot(site) == before


def test_the_exchange_works_on_this_machine(tmp_path):
    from kiosk.bundles.switch import can_exchange, exchange

    (tmp_path / "folder").mkdir()
    (tmp_path / "link").symlink_to("elsewhere")
    assert can_exchange(tmp_path / "folder")
    exchange(tmp_path / "link", tmp_path / "folder")
    assert (tmp_path / "link").is_dir() and os.readlink(tmp_path / "folder") == "elsewhere"
    assert sorted(os.listdir(tmp_path)) == ["folder", "link"]


def test_one_install_at_a_time(content, site, tmp_path):
    bundle = make_bundle(content, tmp_path / "expo.zip")
    with VersionStore(site / "exhibits").locked():
        with pytest.raises(BundleError, match="another install or rollback is running: wait"):
            install_bundle(bundle, site / "exhibits")


def test_a_target_that_is_a_file_or_in_a_missing_folder(content, tmp_path, capsys):
    bundle = make_bundle(content, tmp_path / "expo.zip")
    (tmp_path / "exhibits").write_text("not a folder")
    assert main(["install-bundle", str(bundle), "--target", str(tmp_path / "exhibits")]) == 1
    assert "this is a file, not a content folder" in capsys.readouterr().err
    assert main(["install-bundle", str(bundle), "--target", str(tmp_path / "nowhere" / "exhibits")]) == 1
    assert "nowhere: this folder does not exist" in capsys.readouterr().err


def test_the_bundle_json_lists_exactly_the_installed_files(content, site, tmp_path):
    bundle = make_bundle(content, tmp_path / "expo.zip")
    install_bundle(bundle, site / "exhibits")
    with zipfile.ZipFile(bundle) as archive:
        listed = set(json.loads(archive.read("bundle.json"))["files"])
    assert set(tree(site / "exhibits")) == listed | {"bundle.json"}


def test_a_disk_error_is_a_clear_refusal(content, site, tmp_path, capsys, monkeypatch):
    def denied(_store):
        raise PermissionError(13, "Permission denied", str(site / ".exhibits.versions"))

    monkeypatch.setattr(VersionStore, "new_incoming", denied)
    before = snapshot(site)
    assert main(["install-bundle", str(make_bundle(content, tmp_path / "expo.zip")),
                 "--target", str(site / "exhibits")]) == 1
    err = capsys.readouterr().err
    assert ".exhibits.versions: Permission denied: check that the kiosk's user may write next to" in err
    assert snapshot(site) == before
