"""Touch to voice, with audio guidance on, measured from outside the kiosk: how long a visitor who cannot see the
screen waits between touching something and hearing it.

The kiosk runs as its own process, full screen in a virtual screen (Xvfb, software GL), on the bundled
exhibition, as for ``tap_latency.py``, with SDL's "disk" audio driver: what the kiosk plays is written, paced in
real time, into a file instead of a sound card. This script presses keys and the mouse button through XTEST, as a
keypad and a finger would, and reads that file as it grows: the voice starts with the first sample that is not
silence after the press. One audio buffer is written at a time (1,024 samples, 46 ms at espeak-ng's 22,050 Hz),
so a figure may be up to one buffer late, never early. Before each step the script waits until the kiosk is
silent. Steps, from the attract loop (the kiosk has prepared itself as for its first visitor):

- on the language screen (reached by a tap before the guidance is on), a keypad's arrow turns the guidance on:
  the help starts; the next arrow says the first item;
- touches (a press and a release) on "English", on a card, on a room's tab: each says what it is;
- a double tap, or Enter, chooses: the next screen says where the visitor is.

Prints each step's median, min and max over the rounds::

    python benchmarks/guide_speech.py [--rounds 3] [--size 1920x1080]

Needs the packages xvfb, espeak-ng and python-xlib (``pip install python-xlib``).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

from _kiosk_process import VirtualScreen
from tap_latency import Kiosk, Screen, _spread

SILENT_FOR = 0.6    # s of silence before a step: the last words have ended
LONGEST = 25.0      # s to wait for silence (the help is about 15 s long) or for a voice
POLL = 0.005

# (step, what to do, where: a text on screen)
STEPS = [
    ("arrow key → help", "key:Down", None),
    ("arrow key → next item", "key:Down", None),
    ("touch: English", "touch", "English"),
    ("double tap → home", "double", None),
    ("touch: a card", "touch", "Enclosures"),
    ("touch: a room tab", "touch", "Limits"),
    ("arrow key → next item (2)", "key:Down", None),
    ("Enter → a room", "key:Return", None),
]


class Heard:
    """The kiosk's sound as SDL's disk driver writes it (a file reopened, from empty, each time a player opens)."""

    def __init__(self, path: Path):
        self.path = path
        self._read = 0

    def _new_bytes(self) -> bytes:
        try:
            size = self.path.stat().st_size
        except FileNotFoundError:
            return b""
        if size < self._read:
            self._read = 0   # a new player opened the device: the file began again
        with open(self.path, "rb") as file:
            file.seek(self._read)
            data = file.read()
        self._read += len(data)
        return data

    def wait_silence(self) -> None:
        quiet_since, end = time.monotonic(), time.monotonic() + LONGEST
        while time.monotonic() < end:
            if any(self._new_bytes()):
                quiet_since = time.monotonic()
            elif time.monotonic() - quiet_since >= SILENT_FOR:
                return
            time.sleep(POLL)

    def first_voice_after(self, moment: float) -> float:
        """Seconds from ``moment`` to the first sample that is not silence (nan if none came)."""
        while time.monotonic() - moment < LONGEST:
            if any(self._new_bytes()):
                return time.monotonic() - moment
            time.sleep(POLL)
        return float("nan")


def key(screen: Screen, name: str) -> float:
    from Xlib import XK

    code = screen.display.keysym_to_keycode(XK.string_to_keysym(name))
    screen.xtest.fake_input(screen.display, screen.X.KeyPress, code)
    screen.display.sync()
    pressed = time.monotonic()
    screen.xtest.fake_input(screen.display, screen.X.KeyRelease, code)
    screen.display.sync()
    return pressed


def one_round(screen: Screen, env: dict, size: str) -> dict[str, float]:
    kiosk, results = Kiosk(env, size), {}
    heard = Heard(Path(env["SDL_DISKAUDIOFILE"]))
    try:
        kiosk.wait_quiet()
        x, y = screen.width // 2, screen.height // 2
        screen.move(x, y)
        screen.click()   # the attract loop: the language screen comes
        time.sleep(1.0)
        for step, action, target in STEPS:
            heard.wait_silence()
            if target is not None:
                x, y = kiosk.where(target)
                screen.move(x, y)
            time.sleep(0.3)
            if action.startswith("key:"):
                pressed = key(screen, action[4:])
            elif action == "touch":
                pressed = screen.click()
            else:   # two taps where the finger is: they choose what was heard
                screen.click()
                time.sleep(0.08)
                pressed = screen.click()
            results[step] = heard.first_voice_after(pressed)
    finally:
        kiosk.stop()
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--size", default="1920x1080")
    args = parser.parse_args()
    rounds = []
    with VirtualScreen(args.size) as virtual, tempfile.TemporaryDirectory() as scratch:
        screen = Screen(virtual.display)
        env = {**virtual.env(), "SDL_AUDIODRIVER": "disk", "SDL_DISKAUDIOFILE": os.path.join(scratch, "heard.raw")}
        for number in range(args.rounds):
            env["KIOSK_DATA_DIR"] = os.path.join(scratch, f"data-{number}")   # each round's words made afresh
            rounds.append(one_round(screen, env, args.size))
            print(f"round {number + 1} of {args.rounds} done", file=sys.stderr)
    print(f"touch to voice with audio guidance at {args.size}, from outside, {args.rounds} rounds "
          "(to within one 46 ms audio buffer)")
    print(f"{'step':32} {'to the first sound (ms)':>26}")
    for step, _action, _target in STEPS:
        print(f"{step:32} {_spread([r[step] * 1000 for r in rounds if step in r]):>26}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
