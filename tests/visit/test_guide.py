"""Audio guidance without a window: the gestures, the reading order, the focus, and espeak-ng's clips."""

from __future__ import annotations

import shutil
import struct

import pytest

from kiosk.visit.guide import HOLD_SECONDS, Element, Guide, Strokes, TwoFingerHold, reading_order
from kiosk.visit.speech import SpeechMaker


def element(words, x, y, w=100, h=50, control=True):
    return Element(words, (x, y, x + w, y + h), "fr", control, key=words)


# --- two fingers held ---------------------------------------------------------------------------
def test_two_fingers_held_still_for_two_seconds_are_due_once():
    hold = TwoFingerHold(slop=20)
    hold.down(1, 100, 100, now=10.0)
    assert not hold.holding
    hold.down(2, 300, 100, now=10.1)
    assert hold.holding
    hold.move(1, 110, 95)                          # a finger trembles a little
    assert not hold.due(10.1 + HOLD_SECONDS - 0.1)
    assert hold.due(10.1 + HOLD_SECONDS)
    assert not hold.due(10.1 + HOLD_SECONDS + 1)   # once: the fingers lift before the next hold
    hold.up(1)
    hold.up(2)
    hold.down(1, 100, 100, now=20.0)
    hold.down(2, 300, 100, now=20.0)
    assert hold.due(20.0 + HOLD_SECONDS)


def test_a_finger_whose_end_never_came_is_forgotten_at_a_reset():
    hold = TwoFingerHold(slop=20)
    hold.down(1, 100, 100, now=0.0)        # its end was lost (a touch screen unplugged)
    hold.down(2, 200, 100, now=1.0)
    hold.down(3, 300, 100, now=1.0)        # three fingers: no hold
    assert not hold.due(1.0 + HOLD_SECONDS)
    hold.reset()                           # the next visitor
    hold.down(4, 100, 100, now=10.0)
    hold.down(5, 300, 100, now=10.0)
    assert hold.due(10.0 + HOLD_SECONDS)


@pytest.mark.parametrize("spoil", ["pinch", "third finger", "one lifts"])
def test_a_pinch_a_third_finger_or_a_lifted_finger_is_no_hold(spoil):
    hold = TwoFingerHold(slop=20)
    hold.down(1, 100, 100, now=0.0)
    hold.down(2, 300, 100, now=0.0)
    if spoil == "pinch":
        hold.move(2, 200, 100)
    elif spoil == "third finger":
        hold.down(3, 500, 100, now=0.5)
    else:
        hold.up(2)
    assert not hold.due(HOLD_SECONDS + 1)


# --- strokes --------------------------------------------------------------------------------------
def test_a_tap_two_quick_taps_and_flicks():
    strokes = Strokes(slop=20, flick=80)
    assert strokes.stroke((100, 100, 0.0), (102, 101, 0.1)) == "tap"
    assert strokes.may_be_double(0.3)
    assert strokes.stroke((500, 500, 0.3), (500, 500, 0.4)) == "double"   # anywhere: it chooses what is in focus
    assert strokes.stroke((100, 100, 2.0), (300, 110, 2.2)) == "next"
    assert strokes.stroke((300, 100, 3.0), (100, 90, 3.2)) == "previous"
    assert strokes.stroke((100, 100, 4.0), (100, 400, 4.2)) == ""          # upwards: no flick (a finger exploring)
    assert strokes.stroke((100, 100, 5.0), (300, 100, 6.5)) == ""          # a slow slide explores
    assert strokes.stroke((100, 100, 7.0), (100, 100, 7.1)) == "tap"
    assert not strokes.may_be_double(8.0)
    assert strokes.stroke((100, 100, 8.0), (100, 100, 8.1)) == "tap"        # too late for a double


# --- order and focus --------------------------------------------------------------------------------
def test_reading_order_is_top_to_bottom_then_in_the_language_direction():
    title = element("Titre", 0, 900, 1900, 80, control=False)
    back, language = element("Retour", 0, 1000, 200, 80), element("Langue", 1700, 1010, 200, 60)
    left, right = element("Oui", 100, 400), element("Non", 600, 410)
    assert [e.words for e in reading_order([right, title, left, language, back])] == \
        ["Retour", "Langue", "Titre", "Oui", "Non"]
    assert [e.words for e in reading_order([right, title, left, language, back], rtl=True)] == \
        ["Langue", "Retour", "Titre", "Non", "Oui"]


def test_the_focus_follows_a_finger_and_steps_round():
    card = element("Carte", 0, 0, 400, 400)
    inner = element("Lien", 50, 50, 80, 80)
    text = element("Un texte", 500, 0, control=False)
    guide = Guide()
    guide.look([card, inner, text])
    assert guide.touch(60, 60) is inner       # the smallest under the finger
    assert guide.touch(70, 70) is None        # the same: nothing new to say
    assert guide.touch(300, 300) is card
    assert guide.touch(1000, 1000) is None and guide.focus is card   # nothing there: the focus stays
    assert guide.step(1) is inner
    assert guide.step(1) is text
    assert guide.step(1) is card              # round from the end to the start
    assert guide.step(-1) is text
    moved = Element("Un texte", (500, 100, 600, 150), "fr", False, key="Un texte")
    guide.look([card, inner, moved])          # laid out again: the focus stays on the same widget
    assert guide.focus is moved


# --- spoken words ---------------------------------------------------------------------------------
@pytest.mark.skipif(shutil.which("espeak-ng") is None, reason="espeak-ng is not installed")
def test_words_are_spoken_once_into_the_cache_in_the_language_voice(tmp_path):
    speech = SpeechMaker(tmp_path / "speech")
    assert speech.available
    path = speech.clip("Origines", "fr")
    assert path is not None and path.parent == tmp_path / "speech"
    data = path.read_bytes()
    assert data[:4] == b"RIFF" and data[8:12] == b"WAVE"
    tag, channels, rate, _bytes_per_second, block = struct.unpack("<HHIIH", data[20:34])
    assert tag == 0xFFFE and channels == 1                      # extensible: FFmpeg's player names the channel
    assert struct.unpack("<I", data[40:44])[0] == 0x4            # ... front centre
    samples = struct.unpack("<I", data[data.index(b"data") + 4:][:4])[0]
    assert 0.2 < samples / block / rate < 3                       # "Origines": about a second
    made = path.stat().st_mtime_ns
    assert speech.clip("  Origines ", "fr") == path and path.stat().st_mtime_ns == made   # heard again: not made again
    assert speech.clip("Origines", "en") != path                                          # another voice, another clip
    arabic = speech.clip("العربية", "ar")
    assert arabic is not None and arabic.stat().st_size > 1000
    assert speech.clip("   ", "fr") is None
    assert not list((tmp_path / "speech").glob("tmp*"))   # no half-written file left


def test_without_espeak_ng_nothing_is_spoken_and_nothing_fails(tmp_path):
    speech = SpeechMaker(tmp_path / "speech", engine="no-such-speech-engine")
    assert not speech.available
    assert speech.clip("Origines", "fr") is None
