"""Tap to screen, measured from outside the kiosk: the visitor's wait after each kind of tap.

The kiosk runs as its own process, full screen in a 1920×1080 virtual screen (Xvfb, software
GL), on the bundled exhibition, in English. For each step this script waits until the kiosk
is idle (its frame rate has dropped), then presses and releases the mouse button through
XTEST, as a finger would, and watches what the X server receives: X's DAMAGE extension
reports, on a connection of this script's own, each part of the screen that a frame changes,
as the server takes it in (what a camera filming the screen would see, a refresh later):

- **first response**: the first frame that reaches the screen around the tap (the pressed
  state, or the next screen);
- **drawn**: the last frame before the screen stays still for 1 s. A frame that draws the same
  pixels again counts too, so this figure can only be late, never early.

Reading the screen back instead (X's GetImage, 8 MB at 1920×1080) holds the X server for 30–90 ms a
grab, and the kiosk's own frames wait behind it: it measured frames 100–250 ms later than
they reached the server (seen by timing the kiosk's flips from inside).

The kiosk process answers one question between taps, "where is this text?", so that the
taps land on the real buttons (a card out of view is first scrolled into it, as an earlier
swipe would have; then the kiosk is left idle); it takes no part in the timing. A fresh kiosk is started for
each round, and left on its attract loop until it has finished preparing the next visitor's
screens (its CPU time in /proc stops growing), as a kiosk waiting for its first visitor. Prints each step's median, min and max over the rounds::

    python benchmarks/tap_latency.py [--rounds 3] [--size 1920x1080] [--idle 6] [--until "language switch back"]

Needs the packages xvfb (when there is no display) and python-xlib (``pip install python-xlib``).
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import threading
import time

from _kiosk_process import PROJECT, VirtualScreen, wait_for_line, wait_quiet

BOX = (240, 160)
STILL = 1.0
LONGEST = 6.0
POLL = 0.02        # how often this script looks whether the screen has been still long enough

# (step, what to tap: a text on screen, or None for the middle of the screen)
STEPS = [
    ("attract → language", None),
    ("language → home", "English"),
    ("home → panel", "Enclosures"),
    ("Back", "Back"),
    ("home → timeline", "The age of factories"),
    ("Home", "Home"),
    ("home → compare", "Three ways"),
    ("Language (picker)", "Language"),
    ("language switch", "Français"),
    ("Langue (picker)", "Langue"),
    ("language switch back", "English"),
    ("Back (from compare)", "Back"),
    ("home → quiz", "Quiz: the origins"),
    ("quiz answer", "Graze their animals"),
    ("Home (from quiz)", "Home"),
    ("room tab", "Limits"),
    ("home → gallery", "The limits of growth"),
    ("Back (from gallery)", "Back"),
    ("room tab (Alternatives)", "Alternatives"),
    ("home → game", "Game: the shared valley"),
    ("game: start", "Start the game"),
    ("game: pass the screen on", "Pass the screen to"),
    ("Home (from game)", "Home"),
    ("home → role-play", "Role-play: the village grocery"),
    ("role-play: start", "Start the game"),
    ("role-play: deal the roles", "Deal the roles"),
    ("Home (from role-play)", "Home"),
    ("home → gallery (2)", "Local currencies"),
    ("Home (from gallery)", "Home"),
    ("next room", "first room"),  # the last room's button leads back to the first
]


class Screen:
    """The X screen, read and touched from outside the kiosk (python-xlib: GetImage and XTEST)."""

    def __init__(self, name: str):
        from Xlib import X, display
        from Xlib.ext import xtest

        self.X, self.xtest = X, xtest
        self.display = display.Display(name)
        self.root = self.display.screen().root
        self.width, self.height = self.root.get_geometry().width, self.root.get_geometry().height

    def move(self, x: int, y: int) -> None:
        self.xtest.fake_input(self.display, self.X.MotionNotify, x=x, y=y)
        self.display.sync()

    def click(self) -> float:
        """Press and release the button; the time of the press."""
        self.xtest.fake_input(self.display, self.X.ButtonPress, 1)
        self.display.sync()
        pressed = time.monotonic()
        time.sleep(0.06)  # a finger's tap
        self.xtest.fake_input(self.display, self.X.ButtonRelease, 1)
        self.display.sync()
        return pressed

    def box_around(self, x: int, y: int) -> tuple[int, int, int, int]:
        w, h = BOX
        left, top = max(0, min(self.width - w, x - w // 2)), max(0, min(self.height - h, y - h // 2))
        return left, top, w, h


class Presented:
    """The frames the X server takes in, timed as they arrive: X's DAMAGE extension on the root window,
    read on a connection and a thread of this script's own (python-xlib)."""

    def __init__(self, name: str):
        from Xlib import display
        from Xlib.ext import damage

        self.display = display.Display(name)
        if not self.display.has_extension("DAMAGE"):
            raise SystemExit("this X server has no DAMAGE extension")
        self.display.damage_query_version()   # the server wants the version asked before any damage request
        self.display.screen().root.damage_create(damage.DamageReportRawRectangles)
        self.display.sync()
        self.frames: list[tuple[float, int, int, int, int]] = []   # (when, x, y, width, height)
        threading.Thread(target=self._read, name="damage", daemon=True).start()

    def _read(self) -> None:
        while True:
            try:
                event = self.display.next_event()
            except Exception:   # the server has gone: the benchmark is over
                return
            area = getattr(event, "area", None)
            if area is not None:
                self.frames.append((time.monotonic(), area.x, area.y, area.width, area.height))

    def since(self, moment: float) -> list[tuple[float, int, int, int, int]]:
        return [frame for frame in list(self.frames) if frame[0] >= moment]


def measure(screen: Screen, presented: Presented, x: int, y: int, changes: list | None = None) -> tuple[float, float]:
    """Tap at (x, y): seconds to the first frame near the tap, and to the last frame before the screen stays still.

    ``changes``, if given, receives the time of every frame (to see how many a step takes to settle).
    """
    left, top, width, height = screen.box_around(x, y)
    pressed = screen.click()
    while True:
        time.sleep(POLL)
        frames = presented.since(pressed)
        last = frames[-1][0] if frames else pressed
        if time.monotonic() - last >= STILL or time.monotonic() - pressed >= LONGEST:
            break
    near = [when for when, fx, fy, fw, fh in frames
            if fx < left + width and fx + fw > left and fy < top + height and fy + fh > top]
    if changes is not None:
        changes.extend(sorted({round(when - pressed, 3) for when, *_area in frames}))
    first = near[0] - pressed if near else float("nan")
    return first, last - pressed


class Kiosk:
    def __init__(self, env: dict, size: str):
        command = [sys.executable, str(PROJECT / "benchmarks" / "_latency_kiosk.py"), str(PROJECT / "exhibits"), size]
        self.process = subprocess.Popen(command, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                        stderr=subprocess.STDOUT, text=True, cwd=PROJECT)
        wait_for_line(self.process, "ready in", timeout=60)

    def wait_quiet(self) -> float:
        """Until the attract loop has prepared the next visitor's screens (_kiosk_process.wait_quiet)."""
        return wait_quiet(self.process.pid)

    def where(self, text: str) -> tuple[int, int]:
        self.process.stdin.write(json.dumps({"text": text}) + "\n")
        self.process.stdin.flush()
        while True:
            line = self.process.stdout.readline()
            if line.startswith("{"):
                reply = json.loads(line)
                if "error" in reply:
                    raise LookupError(reply["error"])
                return reply["x"], reply["y"]

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def one_round(screen: Screen, presented: Presented, env: dict, size: str, idle: float, trace: bool = False,
              steps=STEPS) -> dict[str, tuple[float, float]]:
    kiosk, results = Kiosk(env, size), {}
    try:
        waited = kiosk.wait_quiet()
        print(f"the attract loop had prepared everything after {waited:.0f} s", file=sys.stderr)
        for step, target in steps:
            try:  # asked first: a card out of view is scrolled into it, as by an earlier swipe
                x, y = target_position(kiosk, screen, target)
            except LookupError as exc:
                print(f"{step}: {exc}; the round stops here", file=sys.stderr)
                break
            time.sleep(idle)  # the kiosk lowers its frame rate after 5 s without a touch
            screen.move(x, y)
            changes = [] if trace else None
            results[step] = measure(screen, presented, x, y, changes)
            if trace:
                print(f"{step:28} frames at " + ", ".join(f"{c * 1000:.0f}" for c in changes) + " ms", file=sys.stderr)
    finally:
        kiosk.stop()
    return results


def target_position(kiosk: Kiosk, screen: Screen, target: str | None) -> tuple[int, int]:
    if target is None:
        return screen.width // 2, screen.height // 2
    return kiosk.where(target)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--size", default="1920x1080")
    parser.add_argument("--idle", type=float, default=6.0, help="seconds without a touch before each tap")
    parser.add_argument("--trace", action="store_true", help="print when the screen changed after each tap")
    parser.add_argument("--until", metavar="STEP", help="stop each round after this step (the steps before it lead there)")
    args = parser.parse_args()
    names = [step for step, _target in STEPS]
    if args.until is not None and args.until not in names:
        parser.error(f"--until: no step {args.until!r}; the steps are: " + ", ".join(names))
    steps = STEPS[:names.index(args.until) + 1] if args.until else STEPS
    rounds = []
    with VirtualScreen(args.size) as virtual:
        screen, presented = Screen(virtual.display), Presented(virtual.display)
        for number in range(args.rounds):
            rounds.append(one_round(screen, presented, virtual.env(), args.size, args.idle, args.trace, steps))
            print(f"round {number + 1} of {args.rounds} done", file=sys.stderr)
    print(f"tap latency at {args.size}, from outside, {args.rounds} rounds, from idle ({args.idle:.0f} s without a touch)")
    print(f"{'step':28} {'first response (ms)':>26} {'drawn (ms)':>26}")
    for step, _target in steps:
        firsts = [r[step][0] * 1000 for r in rounds if step in r]
        drawn = [r[step][1] * 1000 for r in rounds if step in r]
        print(f"{step:28} {_spread(firsts):>26} {_spread(drawn):>26}")
    return 0


def _spread(values: list[float]) -> str:
    if not values:
        return "-"
    return f"{statistics.median(values):5.0f} ({min(values):4.0f}–{max(values):4.0f})"


if __name__ == "__main__":
    sys.exit(main())
