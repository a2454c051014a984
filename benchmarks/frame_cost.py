"""What one frame costs to draw, screen by screen: the floor under every "drawn" figure of tap_latency.py.

Under software GL (Mesa llvmpipe, as on a kiosk PC without a GPU driver) the whole window is
drawn again whenever anything on it changes, and each shape costs by the pixels it covers,
hidden or not (see docs/design.md, "Fill budget"). This draws each screen again and again,
unchanged, and prints the median and the least time of a full redraw (draw + buffer swap),
in this process, in a 1920×1080 window::

    python benchmarks/frame_cost.py [--frames 21] [EXHIBIT_ID ...]
"""

from __future__ import annotations

import argparse
import statistics
import time

from _kiosk_process import VirtualScreen, kiosk_in_this_process

DEFAULT_EXHIBITS = ("origines-enclosures", "origines-revolution-industrielle", "origines-quiz",
                    "limites-en-images", "alternatives-vallee-partagee", "alternatives-epicerie-cooperative")


def drive(frames: int = 3) -> None:
    from kivy.base import EventLoop
    for _ in range(frames):
        EventLoop.idle()


def redraw_ms(frames: int) -> list[float]:
    """The time of ``frames`` full redraws of the window as it stands."""
    from kivy.core.window import Window
    times = []
    for _ in range(frames):
        Window.canvas.ask_update()
        start = time.perf_counter()
        Window.dispatch("on_draw")
        Window.dispatch("on_flip")
        times.append((time.perf_counter() - start) * 1000)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--frames", type=int, default=21)
    parser.add_argument("exhibits", nargs="*", default=list(DEFAULT_EXHIBITS))
    args = parser.parse_args()
    with VirtualScreen() as screen:
        app = kiosk_in_this_process(screen)
        app.navigator.ahead.enabled = False       # nothing else runs while the frames are timed
        drive(10)
        print(f"full redraw at 1920x1080, {args.frames} frames each (ms)")
        print(f"{'screen':40} {'median':>7} {'least':>7}")

        def report(name: str) -> None:
            drive(5)
            times = redraw_ms(args.frames)
            print(f"{name:40} {statistics.median(times):7.0f} {min(times):7.0f}", flush=True)

        report("attract")
        app.navigator.show_languages()
        report("language")
        app.navigator.start_visit("en")
        report("home")
        for exhibit_id in args.exhibits:
            app.navigator.open_exhibit(exhibit_id)
            report(exhibit_id)
            app.navigator.back()
        app.stop()


if __name__ == "__main__":
    main()
