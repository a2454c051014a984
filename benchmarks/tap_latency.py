"""Tap to screen, measured from outside the kiosk: the visitor's wait after each kind of tap.

The kiosk runs as its own process, full screen in a 1920×1080 virtual screen (Xvfb, software
GL), on the bundled exhibition, in English. For each step this script waits until the kiosk
is idle (its frame rate has dropped), then presses and releases the mouse button through
XTEST, as a finger would, and watches the X screen itself (X's GetImage on the root window,
what a camera would film):

- **first response**: the first change in a 240×160 box around the tap (the pressed state,
  or the next screen fading in), watched every ~1 ms;
- **drawn**: the last change of the whole screen before it stays still for 1 s (whole-screen
  grabs take ~30 ms each, so this figure is up to ~30 ms late); thin changes (a scroll bar
  fading out a second after the screen appears) are not counted. Each grab is timed as it
  arrives; grabs are compared only after the screen has settled, so that the comparing
  neither delays the times nor takes the processor from the kiosk.

The kiosk process answers one question between taps, "where is this text?", so that the
taps land on the real buttons (a card out of view is first scrolled into it, as an earlier
swipe would have; then the kiosk is left idle); it takes no part in the timing. A fresh kiosk is started for
each round, and left on its attract loop until it has finished preparing the next visitor's
screens (its CPU time in /proc stops growing), as a kiosk waiting for its first visitor. Prints each step's median, min and max over the rounds::

    python benchmarks/tap_latency.py [--rounds 3] [--size 1920x1080] [--idle 6]

Needs the packages xvfb (when there is no display) and python-xlib (``pip install python-xlib``).
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time

from _kiosk_process import PROJECT, VirtualScreen, cpu_seconds, wait_for_line

BOX = (240, 160)
STILL = 1.0
TILES, THIN = 8, 10    # a change counts when, in one of 8×8 tiles, it is more than 10 px high and wide
LONGEST = 6.0
KEPT = 48          # whole-screen grabs kept before they are compared (8 MB each at 1920×1080)
GRAB_GAP = 0.002   # between two whole-screen grabs: Xvfb also has the kiosk's frames to take

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

    def grab(self, box=None) -> bytes:
        x, y, w, h = box or (0, 0, self.width, self.height)
        return self.root.get_image(x, y, w, h, self.X.ZPixmap, 0xFFFFFFFF).data

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


def measure(screen: Screen, x: int, y: int, changes: list | None = None) -> tuple[float, float]:
    """Tap at (x, y): seconds to the first change near the tap, and to the last change of the whole screen.

    ``changes``, if given, receives the time of every visible change of the whole screen (to see
    how many frames a step takes to settle).
    """
    box = screen.box_around(x, y)
    before, whole = screen.grab(box), screen.grab()
    pressed = screen.click()
    first = None
    while first is None and time.monotonic() - pressed < LONGEST:
        if screen.grab(box) != before:
            first = time.monotonic() - pressed
        else:
            time.sleep(0.001)
    # The whole screen, grabbed again and again until it has not changed for STILL seconds. Each
    # grab is timed as it arrives and only kept: comparing two grabs (~25 ms of processor) waits
    # until the end, so that it neither delays the times nor takes the processor from the kiosk.
    grabs, last, last_raw = [], whole, pressed + (first or 0.0)
    settled = Settled(screen, whole, pressed + (first or 0.0), pressed, changes)
    while time.monotonic() - last_raw < STILL and time.monotonic() - pressed < LONGEST:
        now = screen.grab()
        arrived = time.monotonic()   # the screen showed this by now
        if now != last:
            grabs.append((arrived, now))
            last, last_raw = now, arrived
            if len(grabs) > KEPT:    # a long animation: compare the oldest now, to keep memory bounded
                settled.add(*grabs.pop(0))
        time.sleep(GRAB_GAP)
    for arrived, now in grabs:
        settled.add(arrived, now)
    return (first if first is not None else float("nan")), settled.last_change - pressed


class Settled:
    """The grabs of the whole screen, in order: when it last changed visibly."""

    def __init__(self, screen: Screen, shown: bytes, since: float, pressed: float, changes: list | None):
        self.screen, self.shown, self.last_change, self.pressed, self.changes = screen, shown, since, pressed, changes

    def add(self, arrived: float, now: bytes) -> None:
        if visible_change(now, self.shown, self.screen):
            self.last_change = arrived
            if self.changes is not None:
                self.changes.append(arrived - self.pressed)
        self.shown = now


def visible_change(now: bytes, before: bytes, screen: Screen) -> bool:
    """Whether the screen changed in a way a person notices: anything but thin strips.

    Kivy's scroll bars fade out about a second after a screen appears; they are a few pixels
    thick. The screen is cut into tiles, and a change counts when, in some tile, what
    changed is more than THIN pixels high and wide.
    """
    from PIL import Image, ImageChops

    size = (screen.width, screen.height)
    a = Image.frombuffer("RGBX", size, now, "raw", "BGRX").convert("RGB")
    b = Image.frombuffer("RGBX", size, before, "raw", "BGRX").convert("RGB")
    difference = ImageChops.difference(a, b)
    tile_w, tile_h = size[0] // TILES, size[1] // TILES
    for left in range(0, size[0], tile_w):
        for top in range(0, size[1], tile_h):
            box = difference.crop((left, top, left + tile_w, top + tile_h)).getbbox()
            if box and box[2] - box[0] > THIN and box[3] - box[1] > THIN:
                return True
    return False


class Kiosk:
    def __init__(self, env: dict, size: str):
        command = [sys.executable, str(PROJECT / "benchmarks" / "_latency_kiosk.py"), str(PROJECT / "exhibits"), size]
        self.process = subprocess.Popen(command, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                        stderr=subprocess.STDOUT, text=True, cwd=PROJECT)
        wait_for_line(self.process, "ready in", timeout=60)

    def wait_quiet(self, window: float = 4.0, busy: float = 0.15, limit: float = 180.0) -> float:
        """Wait until the kiosk has used less than ``busy`` CPU-seconds in ``window`` seconds: the
        attract loop has prepared the next visitor's screens, as on a kiosk left waiting. The seconds waited."""
        start = time.monotonic()
        while time.monotonic() - start < limit:
            before = cpu_seconds(self.process.pid)
            time.sleep(window)
            if cpu_seconds(self.process.pid) - before < busy:
                break
        return time.monotonic() - start

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


def one_round(screen: Screen, env: dict, size: str, idle: float, trace: bool = False) -> dict[str, tuple[float, float]]:
    kiosk, results = Kiosk(env, size), {}
    try:
        waited = kiosk.wait_quiet()
        print(f"the attract loop had prepared everything after {waited:.0f} s", file=sys.stderr)
        for step, target in STEPS:
            try:  # asked first: a card out of view is scrolled into it, as by an earlier swipe
                x, y = target_position(kiosk, screen, target)
            except LookupError as exc:
                print(f"{step}: {exc}; the round stops here", file=sys.stderr)
                break
            time.sleep(idle)  # the kiosk lowers its frame rate after 5 s without a touch
            screen.move(x, y)
            changes = [] if trace else None
            results[step] = measure(screen, x, y, changes)
            if trace:
                print(f"{step:28} changes at " + ", ".join(f"{c * 1000:.0f}" for c in changes) + " ms", file=sys.stderr)
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
    args = parser.parse_args()
    rounds = []
    with VirtualScreen(args.size) as virtual:
        screen = Screen(virtual.display)
        for number in range(args.rounds):
            rounds.append(one_round(screen, virtual.env(), args.size, args.idle, args.trace))
            print(f"round {number + 1} of {args.rounds} done", file=sys.stderr)
    print(f"tap latency at {args.size}, from outside, {args.rounds} rounds, from idle ({args.idle:.0f} s without a touch)")
    print(f"{'step':28} {'first response (ms)':>26} {'drawn (ms)':>26}")
    for step, _target in STEPS:
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
