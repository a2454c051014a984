"""Helpers for the bundle tests: content folders to pack, live sites, tree hashes, zips to tamper with.

A "site" is the folder that holds the live content path ``exhibits`` and its version store
``.exhibits.versions``, as on a kiosk's disk.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from kiosk.bundles.build import build_bundle
from kiosk.bundles.install import install_bundle
from kiosk.bundles.manifest import MANIFEST
from tests.conftest import PROJECT, ROOTS

OLD_TEXT = "## Ancien texte\n\nLe texte d'avant.\n"
BODY = "panel-ok/body.fr.md"


@pytest.fixture
def content(root) -> Path:
    """A valid content folder (a copy of tests/roots/base) to make bundles from."""
    return root("base")


@pytest.fixture
def site(tmp_path) -> Path:
    """A kiosk's folder whose ``exhibits`` is a real folder with the old text."""
    return make_site(tmp_path / "site")


def make_site(folder: Path) -> Path:
    folder.mkdir()
    shutil.copytree(ROOTS / "base", folder / "exhibits")
    (folder / "exhibits" / BODY).write_text(OLD_TEXT, encoding="utf-8")
    return folder


def make_bundle(content: Path, out: Path, text: str | None = None, version: str | None = None) -> Path:
    """Pack ``content`` into ``out``, after writing ``text`` into the panel's French body if given."""
    if text is not None:
        (content / BODY).write_text(text, encoding="utf-8")
    build_bundle(content, out, version)
    return out


def installed_site(folder: Path, bundle: Path) -> Path:
    """A site whose ``exhibits`` is already a link to an installed bundle."""
    make_site(folder)
    install_bundle(bundle, folder / "exhibits")
    return folder


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def tree(path: Path) -> dict[str, str]:
    """Every file under ``path`` (its link followed), by relative path, with its SHA-256."""
    real = Path(os.path.realpath(path))
    return {file.relative_to(real).as_posix(): sha(file.read_bytes())
            for file in sorted(real.rglob("*")) if file.is_file()}


def bundle_tree(bundle: Path) -> dict[str, str]:
    """The tree a bundle installs: its files and its bundle.json."""
    with zipfile.ZipFile(bundle) as archive:
        return {name: sha(archive.read(name)) for name in archive.namelist()}


def snapshot(folder: Path) -> dict[str, tuple]:
    """Everything under ``folder`` without following links: to prove that nothing changed at all."""
    found = {}
    for path in sorted(folder.rglob("*")):
        relative = path.relative_to(folder).as_posix()
        if path.is_symlink():
            found[relative] = ("link", os.readlink(path))
        elif path.is_file():
            found[relative] = ("file", sha(path.read_bytes()))
        else:
            found[relative] = ("folder",)
    return found


def rewrite_zip(source: Path, target: Path, replace: dict | None = None, drop: tuple = (), add: tuple = (),
                manifest=None) -> Path:
    """A copy of the zip ``source``: members replaced (name → bytes), dropped or added ((ZipInfo|name, bytes)),
    and ``manifest(data)`` applied to its bundle.json. The copy is a valid zip."""
    replace = replace or {}
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            if info.filename in drop:
                continue
            data = replace.get(info.filename, old.read(info))
            if info.filename == MANIFEST and manifest is not None:
                data = json.dumps(manifest(json.loads(data))).encode()
            new.writestr(info.filename, data)
        for name, data in add:
            new.writestr(name, data)
    return target


def listing(name: str, data: bytes):
    """A bundle.json edit that lists ``name`` with the right checksum and size."""
    def edit(manifest: dict) -> dict:
        manifest["files"][name] = {"sha256": sha(data), "size": len(data)}
        return manifest
    return edit


def run_kiosk(*args: str, kill_at: str | None = None, wait: bool = True):
    """``python -m kiosk ARGS`` in a new process; with ``kill_at``, the checkpoint where it kills itself."""
    env = dict(os.environ, PYTHONPATH=str(PROJECT))
    env.pop("KIOSK_TEST_KILL_AT", None)
    if kill_at:
        env["KIOSK_TEST_KILL_AT"] = kill_at
    command = [sys.executable, "-m", "kiosk", *args]
    if not wait:
        return subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    return subprocess.run(command, env=env, capture_output=True, text=True, timeout=120)
