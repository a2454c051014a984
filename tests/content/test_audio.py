"""Narration in exhibit.yaml, as curators write it: good readings load, broken ones name the file, line and fix."""

from __future__ import annotations

import shutil

import pytest

from kiosk.content.loader import load_content
from tests.conftest import PROJECT, findings_for, only

SOUNDS = PROJECT / "tests" / "roots" / "sounds"
GOOD_CAPTIONS = "WEBVTT\n\n00:00:00.000 --> 00:00:00.800\nTitre panel.\n\n00:00:00.800 --> 00:00:01.500\nRésumé panel.\n"


def with_audio(root, audio_yaml: str, files: dict) -> tuple:
    """The base root's panel-ok with ``audio_yaml`` appended to its exhibit.yaml and ``files`` beside it."""
    content_root = root("base")
    folder = content_root / "panel-ok"
    for name, source in files.items():
        if isinstance(source, str):
            (folder / name).write_text(source, encoding="utf-8")
        elif isinstance(source, bytes):
            (folder / name).write_bytes(source)
        else:
            shutil.copy(source, folder / name)
    manifest = folder / "exhibit.yaml"
    lines = manifest.read_text(encoding="utf-8").splitlines()
    manifest.write_text("\n".join(lines + audio_yaml.strip("\n").splitlines()) + "\n", encoding="utf-8")
    return load_content(content_root), len(lines) + 1   # the first line of the audio block


def test_a_reading_per_language_with_captions_and_its_engine(root):
    content, _line = with_audio(root, """
audio:
  fr:
    file: narration-fr.ogg
    captions: narration-fr.vtt
    synthetic: espeak-ng 1.51
  en: narration-en.mp3
""", {"narration-fr.ogg": SOUNDS / "tone.ogg", "narration-fr.vtt": GOOD_CAPTIONS, "narration-en.mp3": SOUNDS / "tone.mp3"})
    assert [f.format() for f in findings_for(content, "panel-ok") if f.severity == "error"] == []
    manifest = next(m for m in content.exhibits if m.id == "panel-ok")
    code, french = manifest.narration(["de", "fr", "en"])      # no German reading: the French one
    assert code == "fr" and french.synthetic == "espeak-ng 1.51" and french.file.name == "narration-fr.ogg"
    assert french.caption_at(0.5) == "Titre panel." and french.caption_at(1.0) == "Résumé panel."
    assert french.caption_at(3.0) == "Résumé panel." and french.caption_at(4.0) == ""   # held a moment, then gone
    code, english = manifest.narration(["en"])
    assert english.captions == () and english.synthetic == ""


@pytest.mark.parametrize("audio, files, message, hint", [
    ("audio:\n  fr: narration.ogg", {"narration.ogg": SOUNDS / "tone-opus.ogg"},
     "holds Opus sound, which the kiosk's player cannot play", "ffmpeg -i narration.ogg -ac 1 -c:a libvorbis"),
    ("audio:\n  fr: narration.ogg", {"narration.ogg": b"RIFF\x00\x00\x00\x00WAVEfmt "},
     "'narration.ogg' is named like an Ogg file but is not one", "convert it"),
    ("audio:\n  fr: narration.mp3", {"narration.mp3": "not a sound"},
     "'narration.mp3' is named like an MP3 file but is not one", "export it again as MP3"),
    ("audio:\n  fr: narration.wav", {"narration.wav": b"RIFF"},
     "'narration.wav' is not an Ogg Vorbis or MP3 file", "libvorbis"),
    ("audio:\n  fr: Narration.ogg", {"narration.ogg": SOUNDS / "tone.ogg"},
     "the file 'Narration.ogg' does not exist", "did you mean 'narration.ogg'?"),
    ("audio:\n  fr:\n    file: narration.ogg\n    captions: narration.vtt",
     {"narration.ogg": SOUNDS / "tone.ogg", "narration.vtt": "00:00 hello"},
     "'narration.vtt' is not a WebVTT caption file", "it starts with a line WEBVTT"),
    ("audio:\n  fr:\n    file: narration.ogg\n    captions: narration.vtt",
     {"narration.ogg": SOUNDS / "tone.ogg", "narration.vtt": "WEBVTT\n\n00:00:02.000 --> 00:00:01.000\nBackwards\n"},
     "cue 1 of 'narration.vtt' ends before it starts", "write the end time after the start time"),
    ("audio: narration.ogg", {"narration.ogg": SOUNDS / "tone.ogg"},
     "'audio' should be a mapping of language code to a sound file", "'fr: narration-fr.ogg'"),
])
def test_a_broken_reading_is_named_with_its_line_and_the_fix(root, audio, files, message, hint):
    content, line = with_audio(root, audio, files)
    error = only(findings_for(content, "panel-ok"))
    assert message in error.message and hint in error.hint, error.format()
    assert line <= error.line <= line + 3, error.format()
    assert "panel-ok" not in [m.id for m in content.exhibits], "an exhibit with an error is skipped, the others shown"
    assert content.exhibits, "the rest of the exhibition still loads"
