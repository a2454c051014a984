"""Bundles offered from USB sticks: found in KIOSK_CONTENT/, newest first, damaged ones named with the reason."""

from __future__ import annotations

from kiosk.bundles import build_bundle
from kiosk.facilitator.export import Drive
from kiosk.facilitator.sticks import BUNDLE_FOLDER, stick_bundles
from tests.conftest import PROJECT

BASE = PROJECT / "tests" / "roots" / "base"


def stick(tmp_path, name: str) -> Drive:
    (tmp_path / name / BUNDLE_FOLDER).mkdir(parents=True)
    return Drive(tmp_path / name, name, 10**9, 10**9)


def test_bundles_on_sticks_newest_first_damaged_last(tmp_path):
    one, two = stick(tmp_path, "ONE"), stick(tmp_path, "TWO")
    build_bundle(BASE, one.mount_point / BUNDLE_FOLDER / "old.zip", version="1")
    build_bundle(BASE, two.mount_point / BUNDLE_FOLDER / "new.zip", version="2")
    data = (two.mount_point / BUNDLE_FOLDER / "new.zip").read_bytes()
    (one.mount_point / BUNDLE_FOLDER / "cut.zip").write_bytes(data[:1000])
    (one.mount_point / BUNDLE_FOLDER / "notes.txt").write_text("not a bundle")
    found = stick_bundles([one, two, Drive(tmp_path / "gone", "GONE", 0, 0)])
    assert [(b.drive, b.path.name) for b in found] == [("TWO", "new.zip"), ("ONE", "old.zip"), ("ONE", "cut.zip")]
    assert [b.info.version for b in found[:2]] == ["2", "1"]
    damaged = found[2]
    assert damaged.info is None and "not copied completely" in damaged.problem
    assert not damaged.problem.startswith(str(damaged.path)), "the menu names the file itself"
