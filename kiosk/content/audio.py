"""Narration: an exhibit's recorded (or synthetic) reading, per language, with its captions. No Kivy here.

In ``exhibit.yaml``::

    audio:
      fr: narration-fr.ogg                 # a file in the exhibit folder: Ogg Vorbis or MP3
      en:
        file: narration-en.ogg
        captions: narration-en.vtt         # WebVTT: the line being read shows under the player
        synthetic: espeak-ng 1.51          # made by a speech engine (kiosk narrate): visitors are told

The kiosk only plays files; ``kiosk narrate`` (kiosk/narrate.py) makes synthetic drafts. The
player the kiosk ships with (SDL_mixer, in Kivy's wheel) plays Ogg Vorbis and MP3, not Opus: an
Opus file is refused here with the command that converts it, rather than staying silent on a kiosk.
Captions are read with webvtt-py (a well-kept WebVTT parser), never trusted blindly: a broken file
is an error naming it, and cues must run in order.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from kiosk.content.findings import ERROR, WARNING
from kiosk.content.media import Problem, resolve_inside
from kiosk.content.spec import Context, Kind, describe, join_path

AUDIO_SUFFIXES = (".ogg", ".oga", ".mp3")
MAX_AUDIO_BYTES = 40 * 1024 * 1024    # a 20-minute reading at 256 kbit/s: anything larger is a mistake
MAX_CAPTION_BYTES = 512 * 1024
PAUSE_HELD = 2.0   # seconds a caption stays after its cue ends, unless the next cue comes sooner
CONVERT = "ffmpeg -i {name} -ac 1 -c:a libvorbis -q:a 3 {stem}.ogg"


@dataclass(frozen=True)
class Cue:
    start: float      # seconds
    end: float
    text: str


@dataclass(frozen=True)
class Narration:
    """One language's reading of an exhibit."""

    file: Path
    captions: tuple[Cue, ...] = ()
    synthetic: str = ""   # the engine that made it ("espeak-ng 1.51"); empty for a recording

    def caption_at(self, seconds: float) -> str:
        """The caption being read at ``seconds``: in the pause after a sentence it stays until the next one
        begins (no flicker), and after the last one ends nothing is shown."""
        shown = ""
        for cue in self.captions:
            if cue.start > seconds:
                break
            shown = cue.text if seconds < cue.end + PAUSE_HELD else ""
        return shown


def audio_problems(folder: Path, relative: str) -> list[Problem]:
    """Every problem with the sound file ``relative`` in ``folder``; empty when the kiosk can play it."""
    path, problems = resolve_inside(folder, relative)
    if path is None:
        return problems
    stem = Path(relative).stem
    if path.suffix.lower() not in AUDIO_SUFFIXES:
        return [(ERROR, f"'{relative}' is not an Ogg Vorbis or MP3 file",
                 f"convert it: {CONVERT.format(name=relative, stem=stem)}")]
    size = path.stat().st_size
    if size > MAX_AUDIO_BYTES:
        return [(ERROR, f"'{relative}' is {size // 2**20} MB; a narration stays under {MAX_AUDIO_BYTES // 2**20} MB",
                 f"encode it again at a lower rate: {CONVERT.format(name=relative, stem=stem)}")]
    with path.open("rb") as file:
        head = file.read(4096)
    if path.suffix.lower() == ".mp3":
        if not (head.startswith(b"ID3") or (len(head) > 1 and head[0] == 0xFF and head[1] & 0xE0 == 0xE0)):
            return [(ERROR, f"'{relative}' is named like an MP3 file but is not one",
                     f"export it again as MP3, or convert it: {CONVERT.format(name=relative, stem=stem)}")]
        return []
    if not head.startswith(b"OggS"):
        return [(ERROR, f"'{relative}' is named like an Ogg file but is not one",
                 f"convert it: {CONVERT.format(name=relative, stem=stem)}")]
    if b"OpusHead" in head:
        return [(ERROR, f"'{relative}' holds Opus sound, which the kiosk's player cannot play (it plays Ogg Vorbis and MP3)",
                 f"convert it: {CONVERT.format(name=relative, stem=stem + '-vorbis')}")]
    if b"\x01vorbis" not in head:
        return [(ERROR, f"'{relative}' is an Ogg file without Vorbis sound", f"convert it: {CONVERT.format(name=relative, stem=stem)}")]
    return []


def read_captions(path: Path) -> tuple[tuple[Cue, ...], list[Problem]]:
    """The cues of a WebVTT file, or the problems that make it unusable."""
    import webvtt
    from webvtt.errors import MalformedFileError

    name = path.name
    if path.stat().st_size > MAX_CAPTION_BYTES:
        return (), [(ERROR, f"'{name}' is larger than {MAX_CAPTION_BYTES // 1024} KB", "keep only the captions of this reading")]
    try:
        text = path.read_text(encoding="utf-8-sig")
        captions = webvtt.from_string(text).captions
    except UnicodeDecodeError:
        return (), [(ERROR, f"'{name}' is not UTF-8 text", "save it as UTF-8 from your editor")]
    except (MalformedFileError, ValueError) as exc:
        return (), [(ERROR, f"'{name}' is not a WebVTT caption file ({exc})",
                     "it starts with a line WEBVTT, then cues: '00:00:01.000 --> 00:00:04.000' and the text")]
    cues, problems, last_end = [], [], 0.0
    for number, caption in enumerate(captions, start=1):
        start, end = caption.start_time.in_milliseconds() / 1000, caption.end_time.in_milliseconds() / 1000
        if end <= start:
            problems.append((ERROR, f"cue {number} of '{name}' ends before it starts ({caption.start} --> {caption.end})",
                             "write the end time after the start time"))
        elif start < last_end - 0.001:
            problems.append((WARNING, f"cue {number} of '{name}' starts before the one before it ends",
                             "put the cues in the order they are read"))
        last_end = max(last_end, end)
        cues.append(Cue(start, end, " ".join(caption.text.split())))
    if not cues:
        problems.append((WARNING, f"'{name}' has no captions", "add the text being read, cue by cue"))
    return tuple(cues), problems


class AudioKind(Kind):
    """``audio:``: per language, a sound file, or a mapping with its file, captions and how it was made."""

    expected = "a mapping of language code to a sound file (narration-fr.ogg)"

    def check(self, value, path, ctx: Context):
        if not isinstance(value, dict) or not value:
            return self.wrong_type(value, path, ctx, "write one line per language: 'fr: narration-fr.ogg'")
        readings = {}
        for code, entry in value.items():
            where = path + (code,)
            if ctx.languages.languages and code not in ctx.languages.languages:
                ctx.warning(where, f"'{code}' is not one of the collection's languages", key=True)
            if isinstance(entry, str):
                entry = {"file": entry}
            if not isinstance(entry, dict) or not isinstance(entry.get("file"), str):
                ctx.error(where, f"'{join_path(where)}' should be a sound file, or a mapping with 'file:', not "
                                 f"{describe(entry)}", "write 'file: narration-fr.ogg'")
                continue
            for name in entry:
                if name not in ("file", "captions", "synthetic"):
                    ctx.warning(where + (name,), f"unknown field '{name}' is ignored", "known: file, captions, synthetic",
                                key=True)
            reading = self._reading(entry, where, ctx)
            if reading is not None:
                readings[code] = reading
        return readings

    @staticmethod
    def _reading(entry: dict, where: tuple, ctx: Context) -> Narration | None:
        folder = ctx.folder
        file_path = where + ("file",) if "file" in entry and len(entry) > 1 else where
        problems = audio_problems(folder, entry["file"]) if folder is not None else []
        for severity, message, hint in problems:
            ctx.report(severity, file_path, message, hint)
        cues: tuple[Cue, ...] = ()
        captions = entry.get("captions")
        if captions is not None:
            if not isinstance(captions, str):
                ctx.error(where + ("captions",), "'captions' should be the name of a .vtt file", "captions: narration-fr.vtt")
            elif folder is not None:
                caption_path, found = resolve_inside(folder, captions)
                if caption_path is not None:
                    cues, found = read_captions(caption_path)
                for severity, message, hint in found:
                    ctx.report(severity, where + ("captions",), message, hint)
        synthetic = entry.get("synthetic", "")
        if not isinstance(synthetic, str):
            ctx.error(where + ("synthetic",), "'synthetic' names the speech engine that made the file, as a text",
                      "synthetic: espeak-ng 1.51")
            synthetic = ""
        if folder is None:   # checked without its folder (a schema check): nothing on disk to refuse
            return Narration(Path(entry["file"]), cues, synthetic.strip())
        if any(severity == ERROR for severity, _m, _h in problems):
            return None
        return Narration(folder / entry["file"], cues, synthetic.strip())

    def schema(self):
        file = {"type": "string", "pattern": r"^[^/\\].*\.(ogg|oga|mp3|OGG|OGA|MP3)$"}
        entry = {"type": "object", "required": ["file"], "properties": {
            "file": file, "captions": {"type": "string", "pattern": r"\.vtt$"}, "synthetic": {"type": "string"}}}
        return {"type": "object", "additionalProperties": {"anyOf": [file, entry]}}
