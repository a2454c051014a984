"""A power cut during an install or a rollback: the live content is always the old version or
the new one, whole, never a mix; the next install tidies what the killed one left.

The installs run as ``python -m kiosk`` in a new process that kills itself with SIGKILL at a
named step (the test hook ``KIOSK_TEST_KILL_AT``), or that the test kills at a random moment.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import time
from pathlib import Path
from types import SimpleNamespace

import pytest

from kiosk.bundles.checkpoint import INSTALL_STEPS, ROLLBACK_STEPS
from kiosk.bundles.install import install_bundle
from kiosk.cli import main
from kiosk.content.loader import load_content
from tests.bundles.conftest import bundle_tree, installed_site, make_bundle, make_site, run_kiosk, tree
from tests.conftest import ROOTS

AFTER_SWITCH = INSTALL_STEPS[INSTALL_STEPS.index("switched"):]
RANDOM_KILLS = 6


@pytest.fixture(scope="module")
def zips(tmp_path_factory) -> SimpleNamespace:
    """Three bundles: the first one installed, a new one, and a big one (16 MiB of noise) that takes time."""
    folder = tmp_path_factory.mktemp("zips")
    content = folder / "content"
    shutil.copytree(ROOTS / "base", content)
    first = make_bundle(content, folder / "first.zip", "# Premier texte\n", "premier")
    new = make_bundle(content, folder / "new.zip", "# Nouveau texte\n", "nouveau")
    for number in range(16):
        (content / "panel-ok" / f"noise-{number:02}.bin").write_bytes(os.urandom(1024 * 1024))
    big = make_bundle(content, folder / "big.zip", "# Gros texte\n", "gros")
    return SimpleNamespace(first=first, new=new, big=big, trees={z: bundle_tree(z) for z in (first, new, big)})


def start_site(folder: Path, kind: str, zips) -> Path:
    """The live path of a new site: a real folder, or a link to the first bundle."""
    folder.mkdir(parents=True, exist_ok=True)
    site = make_site(folder / "site") if kind == "folder" else installed_site(folder / "site", zips.first)
    return site / "exhibits"


def assert_old_or_new(live: Path, old: dict, new: dict, context: str = "") -> dict:
    """The live content loads without errors and is exactly ``old`` or exactly ``new``."""
    content = load_content(live)
    assert content.ok, [context, *(finding.format() for finding in content.findings)]
    now = tree(live)
    assert now in (old, new), [context, *sorted(set(now.items()) ^ set(old.items()))[:6]]
    return now


def assert_next_install_tidies(live: Path, bundle: Path, old: dict) -> None:
    """The next install succeeds, leaves no temporary names, and keeps the old content for rollback."""
    assert main(["install-bundle", str(bundle), "--target", str(live)]) == 0
    assert tree(live) == bundle_tree(bundle)
    store = live.parent / ".exhibits.versions"
    history = json.loads((store / "history.json").read_text())
    assert history[-1] == os.path.basename(os.readlink(live))
    assert sorted(name for name in os.listdir(store) if name != "history.json") == sorted(history)
    assert not [name for name in os.listdir(live.parent) if ".swap-" in name]
    assert old in [tree(store / name) for name in history[:-1]]


@pytest.mark.parametrize("kind", ["folder", "link"])
@pytest.mark.parametrize("step", INSTALL_STEPS)
def test_install_killed_at_each_step(zips, tmp_path, kind, step):
    live = start_site(tmp_path, kind, zips)
    old, new = tree(live), zips.trees[zips.new]
    result = run_kiosk("install-bundle", str(zips.new), "--target", str(live), kill_at=step)
    assert result.returncode == -signal.SIGKILL, result.stdout + result.stderr
    now = assert_old_or_new(live, old, new)
    assert now == (new if step in AFTER_SWITCH else old)
    assert_next_install_tidies(live, zips.new, old)


def test_install_killed_at_random_moments(zips, tmp_path):
    """SIGKILL at random moments of the install's own work: each delay is drawn between the time a
    refused run takes (Python's start-up) and the time a whole install of the big bundle takes."""
    started = time.monotonic()
    assert run_kiosk("install-bundle", str(tmp_path / "nowhere.zip")).returncode == 1
    startup = time.monotonic() - started
    started = time.monotonic()
    probe = start_site(tmp_path / "probe", "folder", zips)
    assert run_kiosk("install-bundle", str(zips.big), "--target", str(probe)).returncode == 0
    whole = time.monotonic() - started
    seed = random.randrange(10**6)
    rng = random.Random(seed)
    for run in range(RANDOM_KILLS):
        live = start_site(tmp_path / f"run-{run}", ("folder", "link")[run % 2], zips)
        old = tree(live)
        delay = rng.uniform(max(0.0, startup - 0.1), whole + 0.05)
        process = run_kiosk("install-bundle", str(zips.big), "--target", str(live), wait=False)
        time.sleep(delay)
        process.kill()
        process.communicate()
        assert_old_or_new(live, old, zips.trees[zips.big], f"seed {seed}, run {run}, killed after {delay:.3f} s")
        assert_next_install_tidies(live, zips.big, old)


@pytest.mark.parametrize("step", ROLLBACK_STEPS)
def test_rollback_killed_at_each_step(zips, tmp_path, step):
    site = make_site(tmp_path / "site")
    live = site / "exhibits"
    oldest = tree(live)
    install_bundle(zips.first, live)
    install_bundle(zips.new, live)
    result = run_kiosk("rollback", "--target", str(live), kill_at=step)
    assert result.returncode == -signal.SIGKILL, result.stdout + result.stderr
    assert tree(live) == zips.trees[zips.first]
    assert main(["rollback", "--target", str(live)]) == 0
    assert tree(live) == oldest
    assert main(["rollback", "--target", str(live)]) == 1
