"""kiosk narrate on a real exhibit folder: a synthetic reading the kiosk can play, captions timed from it,
the audio lines added to exhibit.yaml, a rerun that replaces its own draft and never a recording."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

from kiosk.content.audio import audio_problems, read_captions
from kiosk.content.loader import load_content
from kiosk.narrate import script, sentences
from tests.conftest import PROJECT

pytestmark = pytest.mark.skipif(shutil.which("espeak-ng") is None or shutil.which("oggenc") is None,
                                reason="needs espeak-ng and vorbis-tools (tools/system-packages.sh installs them)")


def narrate(*args):
    return subprocess.run([sys.executable, "-m", "kiosk", "narrate", *args], capture_output=True, text=True,
                          cwd=PROJECT, timeout=300)


def test_a_reading_is_made_timed_and_named_in_the_manifest(root):
    content_root = root("base")
    folder = content_root / "panel-ok"
    result = narrate(str(folder), "--lang", "fr", "--lang", "de")
    assert result.returncode == 0, result.stderr
    assert "panel-ok [fr]:" in result.stdout and "synthetic" in result.stdout

    assert audio_problems(folder, "narration-fr.ogg") == []             # Ogg Vorbis: the kiosk plays it
    cues, problems = read_captions(folder / "narration-fr.vtt")
    assert problems == []
    manifest = next(m for m in load_content(content_root).exhibits if m.id == "panel-ok")
    expected = [s for part in script(manifest, "fr") for s in part]
    assert [c.text for c in cues] == expected
    assert expected[0] == "Titre panel" and expected[-1] == "Image : Une image verte."   # what the picture shows
    assert all(a.end <= b.start for a, b in zip(cues, cues[1:])), "one sentence after the other, with a pause"
    code, reading = manifest.narration(["fr"])
    assert reading.synthetic.startswith("espeak-ng") and reading.captions == cues

    text = (folder / "exhibit.yaml").read_text(encoding="utf-8")
    assert text.count("narration-fr.ogg") == 1 and "  de:" in text
    again = narrate(str(folder), "--lang", "fr")                         # the texts changed: made again, in place
    assert again.returncode == 0, again.stderr
    assert (folder / "exhibit.yaml").read_text(encoding="utf-8").count("narration-fr.ogg") == 1
    assert [f.format() for f in load_content(content_root).findings if f.severity == "error"] == []


def test_a_recording_is_never_replaced(root):
    content_root = root("base")
    folder = content_root / "panel-ok"
    shutil.copy(PROJECT / "tests" / "roots" / "sounds" / "tone.ogg", folder / "voice.ogg")
    with (folder / "exhibit.yaml").open("a", encoding="utf-8") as manifest:
        manifest.write("audio:\n  fr: voice.ogg\n")
    result = narrate(str(folder), "--lang", "fr")
    assert result.returncode == 1
    assert "already has a recording (voice.ogg)" in result.stderr and "never replaces one" in result.stderr
    assert not (folder / "narration-fr.ogg").exists()


def test_sentences_end_at_their_marks_in_every_script():
    assert sentences("Un. Deux ? Trois ! Quatre… Cinq") == ["Un.", "Deux ?", "Trois !", "Quatre…", "Cinq"]
    assert sentences("هل هذا سؤال؟ نعم.") == ["هل هذا سؤال؟", "نعم."]


def test_the_bundled_readings_match_their_texts():
    """Every exhibit of the bundled exhibition has a French and an English reading whose captions are the
    exhibit's texts as they stand (run kiosk narrate again after editing a text)."""
    content = load_content(PROJECT / "exhibits")
    for manifest in content.exhibits:
        for language in ("fr", "en"):
            found = manifest.narration([language])
            assert found is not None and found[0] == language, (manifest.id, language)
            reading = found[1]
            assert reading.synthetic, (manifest.id, "a synthetic reading is marked so")
            expected = [s for part in script(manifest, language) for s in part]
            assert [c.text for c in reading.captions] == expected, (manifest.id, language, "texts changed since")
            with open(reading.file, "rb") as sound:
                assert sound.read(4) == b"OggS"
