"""Exporting session records to a USB stick: the folder and its names, the errors, finding the stick.

What the files hold is tested in test_export_files.py.
"""

from __future__ import annotations

import errno
import os
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.facilitator import export
from kiosk.facilitator.export import Drive, ExportError, drive_at, export_session, removable_drives
from tests.facilitator.export_sample import sample


def test_export_writes_every_file(tmp_path):
    folder = export_session(sample(), tmp_path)
    assert folder == tmp_path / "kiosk-export-2024-05-18-1630"
    assert sorted(p.name for p in folder.iterdir()) == [
        "ideas.csv", "poll-monnaie.png", "poll-prix.png", "polls.csv", "session-log.csv", "summary.html"]
    assert [p.name for p in tmp_path.iterdir()] == [folder.name]  # no temporary folder left


def test_second_export_the_same_minute_gets_a_suffix(tmp_path):
    first = export_session(sample(), tmp_path)
    before = {p.name: p.read_bytes() for p in first.iterdir()}
    later = sample()
    later.title = "Deuxième export"
    second = export_session(later, tmp_path)
    third = export_session(later, tmp_path)
    assert (second.name, third.name) == ("kiosk-export-2024-05-18-1630-2", "kiosk-export-2024-05-18-1630-3")
    assert {p.name: p.read_bytes() for p in first.iterdir()} == before


def test_full_stick_while_writing(tmp_path, monkeypatch):
    def no_space(descriptor):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", no_space)
    with pytest.raises(ExportError) as caught:
        export_session(sample(), tmp_path)
    assert caught.value.kind == "full"
    assert caught.value.details["needed"] > 0 and "free" in caught.value.details
    assert "needs" in str(caught.value) and "Nothing was lost on the kiosk." in str(caught.value)
    assert list(tmp_path.iterdir()) == []


def test_full_stick_is_refused_before_writing(tmp_path, monkeypatch):
    monkeypatch.setattr(export.shutil, "disk_usage", lambda path: _usage(free=1000))
    with pytest.raises(ExportError) as caught:
        export_session(sample(), tmp_path)
    assert caught.value.kind == "full" and caught.value.details["free"] == 1000
    assert "only 1.0 kB is free" in str(caught.value)
    assert list(tmp_path.iterdir()) == []


def _usage(free: int):
    return type("Usage", (), {"free": free, "total": 10**9, "used": 0})()


def test_missing_destination(tmp_path):
    with pytest.raises(ExportError) as caught:
        export_session(sample(), tmp_path / "gone")
    assert caught.value.kind == "missing"
    assert str(caught.value) == export.MESSAGES["missing"]


def test_stick_pulled_out_while_writing(tmp_path, monkeypatch):
    stick = tmp_path / "STICK"
    stick.mkdir()
    real_write = export.write_atomic

    def pull_out(path, content):
        real_write(path, content)
        os.rename(stick, tmp_path / "elsewhere")
        raise OSError(errno.EIO, os.strerror(errno.EIO))

    monkeypatch.setattr(export, "write_atomic", pull_out)
    with pytest.raises(ExportError) as caught:
        export_session(sample(), stick)
    assert caught.value.kind == "missing"


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root may write to a 0o500 folder")
def test_read_only_destination(tmp_path):
    tmp_path.chmod(0o500)
    try:
        with pytest.raises(ExportError) as caught:
            export_session(sample(), tmp_path)
    finally:
        tmp_path.chmod(0o700)
    assert caught.value.kind == "read_only"


def test_read_only_stick_simulated(tmp_path, monkeypatch):
    monkeypatch.setattr(export.os, "access", lambda path, mode: False)
    with pytest.raises(ExportError) as caught:
        export_session(sample(), tmp_path)
    assert caught.value.kind == "read_only" and "read-only" in str(caught.value)


def test_read_only_filesystem_met_while_writing(tmp_path, monkeypatch):
    def read_only(*args, **kwargs):
        raise OSError(errno.EROFS, os.strerror(errno.EROFS))

    monkeypatch.setattr(export.os, "mkdir", read_only)
    with pytest.raises(ExportError) as caught:
        export_session(sample(), tmp_path)
    assert caught.value.kind == "read_only"


def test_other_errors_carry_the_system_reason(tmp_path, monkeypatch):
    def broken(path, content):
        raise OSError(errno.EMFILE, os.strerror(errno.EMFILE))

    monkeypatch.setattr(export, "write_atomic", broken)
    with pytest.raises(ExportError) as caught:
        export_session(sample(), tmp_path)
    assert caught.value.kind == "failed" and os.strerror(errno.EMFILE) in str(caught.value)
    assert list(tmp_path.iterdir()) == []


def test_messages_and_sizes():
    assert export.format_size(512) == "512 bytes"
    assert export.format_size(3_400_000) == "3.4 MB"
    message = export.export_message("full", {"needed": 2_000_000, "free": 1_500})
    assert "needs 2.0 MB but only 1.5 kB is free" in message


MOUNTS = """\
/dev/sda1 / ext4 rw,relatime 0 0
proc /proc proc rw,nosuid,nodev,noexec,relatime 0 0
sysfs /sys sysfs rw,nosuid,nodev,noexec,relatime 0 0
tmpfs /media/user/RAM tmpfs rw,nosuid,nodev 0 0
/dev/sdb1 /media/user/STICK vfat rw,nosuid,nodev,uid=1000 0 0
/dev/mmcblk0p1 /mnt/sd\\040card exfat rw,relatime 0 0
/dev/sdc1 /run/media/user/OLD iso9660 ro,nosuid 0 0
/dev/sdd1 /boot/firmware vfat rw,relatime 0 0
/dev/nvme0n1p2 /home ext4 rw,relatime 0 0
"""


@pytest.fixture
def fake_system(tmp_path, monkeypatch):
    mounts = tmp_path / "mounts"
    mounts.write_text(MOUNTS)
    for disk, flag in {"sda": "0", "sdb": "1", "mmcblk0": "1", "sdc": "1", "sdd": "1", "nvme0n1": "0"}.items():
        (tmp_path / "sys" / "block" / disk).mkdir(parents=True)
        (tmp_path / "sys" / "block" / disk / "removable").write_text(flag + "\n")
    monkeypatch.setattr(export, "drive_at", lambda point, writable=True: Drive(point, point.name, 1, 2))
    return mounts, tmp_path / "sys"


def test_removable_drives_from_fake_mounts(fake_system):
    mounts, sys_root = fake_system
    found = removable_drives(mounts, sys_root)
    assert [drive.mount_point for drive in found] == [Path("/media/user/STICK"), Path("/mnt/sd card")]
    assert found[0].label == "STICK"


def test_read_only_sticks_count_for_reading_bundles(fake_system):
    mounts, sys_root = fake_system
    found = removable_drives(mounts, sys_root, writable=False)
    assert Path("/run/media/user/OLD") in [drive.mount_point for drive in found]
    assert Path("/run/media/user/OLD") not in [drive.mount_point for drive in removable_drives(mounts, sys_root)]


def test_removable_drives_skips_folders_that_are_not_writable(fake_system, monkeypatch):
    mounts, sys_root = fake_system
    monkeypatch.setattr(export, "drive_at", lambda point, writable=True: None)
    assert removable_drives(mounts, sys_root) == []


@pytest.mark.parametrize("name, disk", [("sdb1", "sdb"), ("sdb", "sdb"), ("mmcblk0p1", "mmcblk0"),
                                        ("mmcblk0", "mmcblk0"), ("nvme0n1p2", "nvme0n1")])
def test_disk_of_a_partition(name, disk):
    assert export.disk_of(name) == disk


def test_a_folder_chosen_by_hand(tmp_path):
    drive = drive_at(tmp_path)
    assert drive.mount_point == tmp_path and drive.label == tmp_path.name
    assert 0 < drive.free_bytes <= drive.total_bytes
    assert drive_at(tmp_path / "missing") is None


def test_export_modules_do_not_need_kivy():
    code = ("import sys; sys.modules['kivy'] = None\n"
            "import kiosk.facilitator.export, kiosk.charts\n"
            "assert not any(name.startswith('kivy') and sys.modules[name] for name in sys.modules)")
    subprocess.run([sys.executable, "-c", code], check=True, cwd=Path(__file__).parents[2])


def test_export_folder_gets_the_usual_permissions(tmp_path):
    umask = os.umask(0o022)
    try:
        folder = export_session(sample(), tmp_path)
    finally:
        os.umask(umask)
    assert folder.stat().st_mode & 0o777 == 0o755
    assert (folder / "polls.csv").stat().st_mode & 0o777 == 0o644
