"""Short spoken words for audio guidance, made by espeak-ng on this machine. No Kivy here.

Audio guidance (kiosk.visit.guide) speaks whatever is under a visitor's finger: a button, a
heading, a quiz's answer, the name of a language in its own voice. Those words cannot all be
recorded ahead, so they are spoken by espeak-ng, Debian's offline speech engine (the one
``kiosk narrate`` drafts readings with): nothing is downloaded, nothing leaves the machine.

Each clip is a WAV file in a cache folder, named by a hash of its voice and words, so what was
heard once plays again at once (a screen's words are made ahead while the visitor listens to
the first)::

    speech = SpeechMaker(data_dir / "speech")
    speech.available          # False when espeak-ng is not installed (kiosk doctor says so)
    path = speech.clip("Français", "fr")   # a WAV, made now or found in the cache; None if it cannot be

The cache holds content and interface words, never more than :data:`MOST_CLIPS` files: the
oldest go first.
"""

from __future__ import annotations

import hashlib
import logging
import os
import shutil
import subprocess
import struct
import tempfile
import wave
from pathlib import Path

from kiosk.narrate import VOICES

log = logging.getLogger(__name__)

WORDS_PER_MINUTE = 165   # a little quicker than a reading (150): these are short words heard again and again
MOST_CLIPS = 3000        # about 150 MB at most (a short clip is 20-60 KB)
LONGEST = 4000           # characters: a longer text is spoken up to here (a whole body of text is read by a reading)


class SpeechMaker:
    def __init__(self, folder: Path, engine: str = "espeak-ng"):
        self.folder = folder
        self.engine = shutil.which(engine)
        self._pruned = False

    @property
    def available(self) -> bool:
        return self.engine is not None

    def voice(self, language: str) -> str:
        return VOICES.get(language, VOICES.get(language.split("-")[0], "en-gb"))

    def path_for(self, words: str, language: str) -> Path:
        digest = hashlib.sha1(f"{self.voice(language)}|{WORDS_PER_MINUTE}|{words}".encode()).hexdigest()
        return self.folder / f"{digest[:20]}.wav"

    def clip(self, words: str, language: str) -> Path | None:
        """The words spoken in the language's voice, as a WAV file; None when there is nothing to say or no engine."""
        words = " ".join(words.split())[:LONGEST]
        if not words or self.engine is None:
            return None
        path = self.path_for(words, language)
        if path.exists():
            return path
        self._prune()
        self.folder.mkdir(parents=True, exist_ok=True)
        handle, scratch = tempfile.mkstemp(suffix=".wav", dir=self.folder)
        os.close(handle)
        try:
            subprocess.run([self.engine, "-v", self.voice(language), "-s", str(WORDS_PER_MINUTE), "-w", scratch,
                            "--", words], check=True, capture_output=True, timeout=30)
            _name_the_channels(Path(scratch))
            os.replace(scratch, path)   # whole or not at all: a clip is never heard half-written
        except (OSError, subprocess.SubprocessError) as error:
            log.warning("audio guidance: espeak-ng could not speak %r: %s", words[:40], error)
            Path(scratch).unlink(missing_ok=True)
            return None
        return path

    def _prune(self) -> None:
        """Once a run: the oldest clips go while there are more than MOST_CLIPS."""
        if self._pruned or not self.folder.is_dir():
            return
        self._pruned = True
        clips = sorted(self.folder.glob("*.wav"), key=lambda p: p.stat().st_mtime)
        for old in clips[:max(0, len(clips) - MOST_CLIPS)]:
            old.unlink(missing_ok=True)


#: WAVE_FORMAT_EXTENSIBLE's sub-format GUID for plain PCM, and the speakers of one and two channels.
_PCM_GUID = bytes.fromhex("0100000000001000800000aa00389b71")
_SPEAKERS = {1: 0x4, 2: 0x3}   # front centre; front left and right


def _name_the_channels(path: Path) -> None:
    """Write the WAV again with its channels named (WAVE_FORMAT_EXTENSIBLE, a channel mask).

    espeak-ng writes a plain PCM header, whose mono channel FFmpeg leaves unnamed; the player Kivy
    uses here (ffpyplayer's audio sink) then refuses it ("Channel layout change is not supported")
    and stays silent. The samples are copied as they are; Python's wave module reads them but only
    writes the plain header, so the extensible one is packed here (Microsoft's WAVEFORMATEXTENSIBLE).
    """
    with wave.open(str(path), "rb") as plain:
        channels, width, rate = plain.getnchannels(), plain.getsampwidth(), plain.getframerate()
        samples = plain.readframes(plain.getnframes())
    bits = width * 8
    fmt = struct.pack("<HHIIHHHHI16s", 0xFFFE, channels, rate, rate * channels * width, channels * width, bits,
                      22, bits, _SPEAKERS.get(channels, 0), _PCM_GUID)
    body = b"WAVE" + b"fmt " + struct.pack("<I", len(fmt)) + fmt + b"data" + struct.pack("<I", len(samples)) + samples
    path.write_bytes(b"RIFF" + struct.pack("<I", len(body)) + body)
