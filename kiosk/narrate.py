"""``kiosk narrate PATH --lang fr``: a synthetic reading of an exhibit, made offline, into its folder.

For an exhibit with no recording in a language, this writes a draft a curator can use at once
and replace later with a person's voice:

- ``narration-<lang>.ogg``: the exhibit read aloud by espeak-ng (Debian's offline speech
  engine; no model is downloaded, nothing leaves the machine), encoded as Ogg Vorbis by oggenc
  (vorbis-tools), which the kiosk's player plays;
- ``narration-<lang>.vtt``: its captions, one cue per sentence, timed from the audio itself
  (each sentence is spoken on its own, its length measured, then the pieces are joined);
- an ``audio:`` entry in ``exhibit.yaml`` naming both, with ``synthetic: espeak-ng <version>``
  so that visitors are told the voice is synthetic.

What is read: the title, the summary, the body (Markdown as plain sentences, links as their
words), and what each picture shows (its ``alt`` text, "Picture: …"): an audio description for
visitors who cannot see the screen. A language whose texts the exhibit lacks is skipped, and
a recording already there is never replaced. The kiosk itself only plays files.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
import wave
from dataclasses import dataclass
from pathlib import Path

from kiosk.content.easy_read import sentences
from kiosk.content.yamldoc import load_document
from kiosk.files import write_atomic
from kiosk.i18n import catalog

#: espeak-ng's voice for each content language.
VOICES = {"fr": "fr-fr", "en": "en-gb", "de": "de", "es": "es", "nl": "nl", "ar": "ar", "it": "it", "pt": "pt"}
WORDS_PER_MINUTE = 150      # espeak-ng's default is 175: a little slower reads better in a hall
SENTENCE_PAUSE = 0.35       # seconds of silence between two sentences
PART_PAUSE = 0.7            # ... and between the title, the summary, the body and each picture
MANIFEST = "exhibit.yaml"


class NarrateError(Exception):
    """What stops a reading from being made, said so that a curator can act on it."""


@dataclass(frozen=True)
class Made:
    exhibit: str
    language: str
    seconds: float
    sentences: int
    files: tuple[str, ...]


def script(manifest, language: str) -> list[list[str]]:
    """What is read, as parts (title, summary, each body block, each picture) of sentences; empty when the
    exhibit has no title in ``language``."""
    from kiosk.render.markdown import plain_blocks

    title = manifest.title.get(language) if manifest.title else None
    if not title:
        return []
    parts = [[title.strip()]]
    summary = manifest.summary.get(language) if manifest.summary else None
    if summary:
        parts.append(sentences(summary))
    body = manifest.body.get(language) if manifest.body else None
    if body:
        parts += [sentences(block) for block in plain_blocks(body) if block.strip()]
    picture = catalog(language).gettext("Picture: {description}")
    for image in manifest.images:
        alt = image.alt.get(language) if image.alt else None
        if alt:
            parts.append(sentences(picture.format(description=" ".join(alt.split()))))
    return [part for part in parts if part]


def engine_version() -> str:
    """"espeak-ng 1.51", or NarrateError saying how to install it."""
    if shutil.which("espeak-ng") is None:
        raise NarrateError("espeak-ng is not installed: sudo apt-get install espeak-ng vorbis-tools")
    if shutil.which("oggenc") is None:
        raise NarrateError("oggenc is not installed: sudo apt-get install vorbis-tools")
    out = subprocess.run(["espeak-ng", "--version"], capture_output=True, text=True, check=False).stdout
    match = re.search(r"(\d+\.\d+(?:\.\d+)?)", out)
    return f"espeak-ng {match.group(1)}" if match else "espeak-ng"


def narrate(folder: Path, manifest, language: str, engine: str) -> Made | None:
    """Make ``folder``'s synthetic reading in ``language``; None when there is nothing to read in it."""
    voice = VOICES.get(language)
    if voice is None:
        raise NarrateError(f"no espeak-ng voice is set for '{language}' (known: {', '.join(sorted(VOICES))})")
    parts = script(manifest, language)
    if not parts:
        return None
    _refuse_to_replace_a_recording(folder, language)
    audio_name, captions_name = f"narration-{language}.ogg", f"narration-{language}.vtt"
    with tempfile.TemporaryDirectory(prefix="narrate-") as scratch:
        scratch = Path(scratch)
        joined, cues = _speak(parts, voice, scratch)
        encoded = scratch / "reading.ogg"
        _run(["oggenc", "--quiet", "--quality", "0", "--title", manifest.title.get(language) or manifest.id,
              "--artist", engine, "-o", str(encoded), str(joined)])
        write_atomic(folder / audio_name, encoded.read_bytes())
    write_atomic(folder / captions_name, _webvtt(cues))
    _add_to_manifest(folder / MANIFEST, language, audio_name, captions_name, engine)
    return Made(manifest.id, language, cues[-1][1] if cues else 0.0, len(cues), (audio_name, captions_name))


def _speak(parts: list[list[str]], voice: str, scratch: Path) -> tuple[Path, list[tuple[float, float, str]]]:
    """Each sentence spoken on its own, then joined with pauses into one WAV; the cues' times come from it."""
    joined = scratch / "reading.wav"
    cues, clock, out, number = [], 0.0, None, 0
    try:
        for part_index, part in enumerate(parts):
            for sentence_index, sentence in enumerate(part):
                number += 1
                piece = scratch / f"{number:04d}.wav"
                _run(["espeak-ng", "-v", voice, "-s", str(WORDS_PER_MINUTE), "-w", str(piece), "--", sentence])
                with wave.open(str(piece), "rb") as spoken:
                    if out is None:
                        out = wave.open(str(joined), "wb")
                        out.setparams(spoken.getparams())
                    rate, width = spoken.getframerate(), spoken.getsampwidth() * spoken.getnchannels()
                    if cues:
                        pause = PART_PAUSE if sentence_index == 0 else SENTENCE_PAUSE
                        out.writeframes(b"\0" * int(rate * pause) * width)
                        clock += int(rate * pause) / rate
                    frames = spoken.readframes(spoken.getnframes())
                    out.writeframes(frames)
                    length = len(frames) / width / rate
                    cues.append((clock, clock + length, sentence))
                    clock += length
    finally:
        if out is not None:
            out.close()
    return joined, cues


def _webvtt(cues: list[tuple[float, float, str]]) -> str:
    import webvtt

    document = webvtt.WebVTT()
    for start, end, text in cues:
        document.captions.append(webvtt.Caption(_stamp(start), _stamp(end), text))
    return document.content


def _stamp(seconds: float) -> str:
    millis = round(seconds * 1000)
    return f"{millis // 3_600_000:02d}:{millis // 60_000 % 60:02d}:{millis // 1000 % 60:02d}.{millis % 1000:03d}"


def _run(command: list[str]) -> None:
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise NarrateError(f"{command[0]} failed: {(result.stderr or result.stdout).strip()[:300]}")


def _refuse_to_replace_a_recording(folder: Path, language: str) -> None:
    audio = load_document(folder / MANIFEST).data.get("audio")
    entry = audio.get(language) if isinstance(audio, dict) else None
    if entry is None:
        return
    synthetic = entry.get("synthetic") if isinstance(entry, dict) else None
    file = entry.get("file") if isinstance(entry, dict) else entry
    if not synthetic:
        raise NarrateError(f"{folder.name}: '{language}' already has a recording ({file}); kiosk narrate never "
                           "replaces one (remove its line under 'audio:' first to make a synthetic draft)")


def _add_to_manifest(path: Path, language: str, audio_name: str, captions_name: str, engine: str) -> None:
    """Name the reading under ``audio:`` in exhibit.yaml, touching no other line."""
    doc = load_document(path)
    lines = path.read_text(encoding="utf-8").splitlines()
    entry = [f"  {language}:", f"    file: {audio_name}", f"    captions: {captions_name}", f"    synthetic: {engine}"]
    audio = doc.data.get("audio")
    if audio is None:
        lines += ["audio:"] + entry
    elif not isinstance(audio, dict):
        raise NarrateError(f"{path}: 'audio:' is not a mapping; fix it (kiosk validate says how) and run again")
    else:
        line, _column = doc.mark(("audio",), key=True)
        if lines[line - 1].strip() != "audio:":
            raise NarrateError(f"{path}:{line}: write 'audio:' with one language per indented line, then run again")
        if language in audio:   # a synthetic reading made before: its lines are replaced
            first, _ = doc.mark(("audio", language), key=True)
            last = first
            while last < len(lines) and lines[last].startswith("    "):
                last += 1
            del lines[first - 1:last]
            at = first - 1
        else:
            at = line
        lines[at:at] = entry
    write_atomic(path, "\n".join(lines) + "\n")


def cmd_narrate(args) -> int:
    from kiosk.content.loader import load_content

    path = Path(args.path)
    single = (path / MANIFEST).is_file()
    content = load_content(path.parent if single else path)
    exhibits = [m for m in content.exhibits if not single or m.folder.resolve() == path.resolve()]
    if single and not exhibits:
        print(f"kiosk narrate: {path} has errors; run kiosk validate {path} first", file=sys.stderr)
        return 1
    try:
        engine = engine_version()
        languages = args.lang or [content.collection.languages.default]
        made = 0
        for manifest in exhibits:
            for language in languages:
                result = narrate(manifest.folder, manifest, language, engine)
                if result is None:
                    print(f"{manifest.id} [{language}]: no text in this language, skipped")
                    continue
                made += 1
                minutes, seconds = divmod(round(result.seconds), 60)
                print(f"{manifest.id} [{language}]: {minutes}:{seconds:02d}, {result.sentences} sentences → "
                      f"{', '.join(result.files)}")
    except NarrateError as exc:
        print(f"kiosk narrate: {exc}", file=sys.stderr)
        return 1
    print(f"{made} readings made with {engine} (marked synthetic in exhibit.yaml); check them with kiosk validate")
    return 0
