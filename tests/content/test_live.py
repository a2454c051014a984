"""The running kiosk notices new live content (an install or a rollback) cheaply, and keeps what it shows if it is broken."""

from __future__ import annotations

import shutil

from kiosk.bundles import build_bundle, install_bundle, rollback
from kiosk.content.live import LiveContent
from tests.conftest import PROJECT

BASE = PROJECT / "tests" / "roots" / "base"


def test_an_install_and_a_rollback_are_noticed_once_each(tmp_path):
    live = tmp_path / "live"
    shutil.copytree(BASE, live)
    watcher = LiveContent(live)
    assert not watcher.changed()
    source = tmp_path / "new"
    shutil.copytree(BASE, source)
    (source / "collection.yaml").write_text((source / "collection.yaml").read_text().replace(
        "en: Test exhibition", "en: Second edition"))
    build_bundle(source, tmp_path / "new.zip", version="2")
    install_bundle(tmp_path / "new.zip", live)
    assert watcher.changed()
    content = watcher.load()
    assert content.collection.title.get("en") == "Second edition" and content.root == live.resolve()
    assert not watcher.changed(), "seen once, not read again at every check"
    rollback(live)
    assert watcher.changed() and watcher.load().collection.title.get("en") == "Test exhibition"


def test_live_content_that_cannot_be_shown_is_refused_and_not_read_again(tmp_path):
    live = tmp_path / "live"
    shutil.copytree(BASE, live)
    watcher = LiveContent(live)
    (live / "collection.yaml").write_text("title: [broken\n")
    assert watcher.changed()
    assert watcher.load() is None
    assert not watcher.changed()
