"""`kiosk snapshot` on the bundled exhibition: every screen, exhibit, step and language, none blank."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from PIL import Image, ImageStat

from kiosk.content.loader import load_content
from kiosk.gui.curator.snapshot import plan
from tests.conftest import PROJECT


def expected_files(content, languages=None, only=None) -> set[str]:
    from kiosk.exhibit_types.commons.play import PHASES
    from kiosk.exhibit_types.compare.model import Compare
    from kiosk.exhibit_types.quiz.model import Quiz
    from kiosk.exhibit_types.roleplay.play import STEPS as ROLEPLAY_STEPS
    from kiosk.exhibit_types.timeline.model import Timeline

    def steps(manifest) -> int:
        details = manifest.details
        if isinstance(details, Quiz):
            return len(details.questions) + 1
        if isinstance(details, Timeline):
            return len(details.events)
        if isinstance(details, Compare) or manifest.type in ("poll", "wall"):
            return 2  # both sides; question and results; the wall and the writing panel
        if manifest.type == "commons":
            return len(PHASES)  # a game: each of its phases
        if manifest.type == "roleplay":
            return len(ROLEPLAY_STEPS)  # each phase, and the decision in each of its modes
        return len(manifest.images) if manifest.type == "gallery" else 1

    names = set()
    for shot in plan(content, languages, only):
        if shot.get("steps"):
            manifest = next(m for m in content.exhibits if m.id == shot["exhibit"])
            names |= {f"{shot['name']}-{n}.png" for n in range(1, steps(manifest) + 1)}
        else:
            names.add(f"{shot['name']}.png")
    return names


def test_plan_covers_every_language_room_and_exhibit():
    content = load_content(PROJECT / "exhibits")
    shots = plan(content)
    languages = content.collection.languages.languages
    assert {s["name"] for s in shots if s["screen"] == "attract"} == {f"attract-{c}" for c in languages}
    assert len([s for s in shots if s["screen"] == "home"]) == 4 * len(languages)
    assert len([s for s in shots if s["screen"] == "exhibit"]) == len(content.exhibits) * len(languages)


def test_snapshot_of_part_of_the_bundled_exhibition(tmp_path):
    """The whole exhibition is photographed by the proof test (same renderer); here the options that narrow it."""
    content = load_content(PROJECT / "exhibits")
    only = ["origines-quiz", "limites-en-images"]
    env = dict(os.environ, PYTHONPATH=str(PROJECT), KIOSK_DATA_DIR=str(tmp_path / "data"))
    result = subprocess.run([sys.executable, "-m", "kiosk", "snapshot", "--out", str(tmp_path / "out"), "--size",
                             "1280x800", "--content", str(PROJECT / "exhibits"), "--lang", "ar",
                             *(f"--only={exhibit}" for exhibit in only)],
                            capture_output=True, text=True, env=env, timeout=900)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    written = json.loads((tmp_path / "out" / "snapshots.json").read_text())
    files = {entry["file"] for entry in written}
    assert files == expected_files(content, ["ar"], only)
    for name in sorted(files):
        with Image.open(tmp_path / "out" / name) as image:
            assert image.size == (1280, 800), name
            spread = ImageStat.Stat(image.convert("L")).stddev[0]
            assert spread > 10, f"{name} looks blank"
