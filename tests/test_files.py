"""Writing files atomically (kiosk.files): modes, nothing left behind on failure, folder flushes, sizes."""

from __future__ import annotations

import errno
import os

import pytest

from kiosk import files
from kiosk.files import PRIVATE, SHARED, atomic_stream, format_size, fsync_dir, write_atomic


def mode_of(path) -> int:
    return path.stat().st_mode & 0o777


@pytest.fixture
def strict_umask():
    """A umask that would give 0600 files: the modes asked for must win over it."""
    old = os.umask(0o077)
    yield
    os.umask(old)


def test_shared_outputs_are_readable_by_all(tmp_path, strict_umask):
    write_atomic(tmp_path / "report.pdf", b"%PDF")
    assert mode_of(tmp_path / "report.pdf") == SHARED == 0o644
    assert (tmp_path / "report.pdf").read_bytes() == b"%PDF"


def test_private_files_are_readable_by_the_owner_only(tmp_path):
    old = os.umask(0o022)
    try:
        write_atomic(tmp_path / "settings.json", '{"pin": "é"}', mode=PRIVATE)
    finally:
        os.umask(old)
    assert mode_of(tmp_path / "settings.json") == PRIVATE == 0o600
    assert (tmp_path / "settings.json").read_text(encoding="utf-8") == '{"pin": "é"}'


def test_a_write_replaces_the_old_file_and_leaves_nothing_beside_it(tmp_path):
    target = tmp_path / "history.json"
    target.write_text("old")
    write_atomic(target, "new")
    assert target.read_text() == "new"
    assert [path.name for path in tmp_path.iterdir()] == ["history.json"]


def test_a_failing_rename_removes_the_temporary_file(tmp_path, monkeypatch):
    target = tmp_path / "report.pdf"
    target.write_bytes(b"old")

    def refuse(*_args):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(OSError):
        write_atomic(target, b"new")
    assert [path.name for path in tmp_path.iterdir()] == ["report.pdf"]
    assert target.read_bytes() == b"old"


def test_an_error_in_a_stream_removes_the_temporary_file(tmp_path):
    with pytest.raises(ValueError, match="half-way"):
        with atomic_stream(tmp_path / "expo.zip") as stream:
            stream.write(b"PK")
            raise ValueError("half-way")
    assert list(tmp_path.iterdir()) == []


def test_a_stream_can_be_read_back_while_it_is_written(tmp_path):
    with atomic_stream(tmp_path / "expo.zip") as stream:
        stream.write(b"abc")
        stream.seek(0)
        assert stream.read() == b"abc"
    assert (tmp_path / "expo.zip").read_bytes() == b"abc"
    assert mode_of(tmp_path / "expo.zip") == SHARED


@pytest.mark.parametrize("code", [errno.EINVAL, errno.ENOTSUP, errno.EBADF])
def test_a_folder_that_cannot_be_flushed_is_let_be(tmp_path, monkeypatch, code):
    def cannot(_handle):
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(os, "fsync", cannot)
    fsync_dir(tmp_path)  # no error


def test_other_folder_flush_errors_go_on(tmp_path, monkeypatch):
    def broken(_handle):
        raise OSError(errno.EIO, os.strerror(errno.EIO))

    monkeypatch.setattr(os, "fsync", broken)
    with pytest.raises(OSError) as caught:
        fsync_dir(tmp_path)
    assert caught.value.errno == errno.EIO


def test_folders_are_not_flushed_elsewhere_than_posix(tmp_path, monkeypatch):
    monkeypatch.setattr(files.os, "name", "nt")
    monkeypatch.setattr(os, "open", lambda *_args: pytest.fail("a folder was opened"))
    fsync_dir(tmp_path)


@pytest.mark.parametrize("size, text", [
    (0, "0 bytes"), (812, "812 bytes"), (999, "999 bytes"), (1000, "1.0 kB"), (1500, "1.5 kB"),
    (4_400_000, "4.4 MB"), (1_200_000_000, "1.2 GB"), (2_500_000_000_000, "2500.0 GB"),
])
def test_sizes_as_people_read_them(size, text):
    assert format_size(size) == text
