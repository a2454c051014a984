"""Memory: PSS after visiting every exhibit in every language, and RSS over 2,000 exhibit visits.

Targets: PSS ≤ 220 MiB after the full tour; RSS within ±5 % over 2,000 visits (measured
from the end of the first ~200 visits, once caches are warm, always at the same point of a
round of the exhibits). The kiosk runs in this process, in a 1920×1080 window, driven like
the UI tests (no time-based waits).
"""

from __future__ import annotations

import argparse
import os

from _kiosk_process import VirtualScreen, kiosk_in_this_process, pss_mib, rss_mib


def drive(app, frames: int = 3) -> None:
    from kivy.base import EventLoop
    for _ in range(frames):
        EventLoop.idle()


def tour(app) -> int:
    """Every exhibit, every step, every language; returns the number of screens shown."""
    shown = 0
    for language in app.content.collection.languages.languages:
        app.navigator.start_visit(language)
        drive(app)
        for manifest in app.content.exhibits:
            app.navigator.open_exhibit(manifest.id)
            view = app.navigator.screen("exhibit").view
            for step in range(type(view).step_count_for(manifest)):
                view.show_step(step)
                drive(app, 2)
                shown += 1
            app.navigator.show_home(manifest.room)
            drive(app, 2)
    return shown


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--visits", type=int, default=2000)
    parser.add_argument("--no-tour", action="store_true", help="only the 2,000 visits")
    args = parser.parse_args()
    with VirtualScreen() as screen:
        app = kiosk_in_this_process(screen)
        app.framerate.idle = app.framerate.active  # no touches here: keep 30 fps, or each frame waits 0.5 s
        drive(app, 10)
        for _ in range(900):  # the attract loop's work ahead (screens, pictures): ~4 s at 30 fps
            if not app.navigator.ahead.running:
                break
            drive(app, 1)
        for _ in range(90):  # the garbage of that work is collected at the next quiet tick (~1 s)
            if not app.collector.wanted:
                break
            drive(app, 1)
        print(f"PSS at start (attract, its work ahead done): {pss_mib(os.getpid()):.0f} MiB, "
              f"pictures {app.pictures.used / 2**20:.1f} MiB")
        shown = 0 if args.no_tour else tour(app)
        drive(app, 3)
        app.release_memory()   # what the kiosk does itself when a visitor leaves an exhibit
        drive(app, 3)          # textures are deleted on the GL side at the next frames
        pss = pss_mib(os.getpid())
        print(f"full tour: {shown} exhibit screens in {len(app.content.collection.languages.languages)} languages")
        print(f"PSS after the tour: {pss:.0f} MiB (target ≤ 220) -> {'met' if pss <= 220 else 'NOT met'}", flush=True)
        app._idle_reset()      # the visitor leaves: what the kiosk holds while it waits for the next one
        drive(app, 3)
        print(f"PSS after the idle reset that follows: {pss_mib(os.getpid()):.0f} MiB", flush=True)
        exhibits = app.content.exhibits
        languages = app.content.collection.languages.languages
        # Visitors of 11 exhibit visits each, in turn in every language, each ended by the idle reset.
        # RSS is sampled between two visitors, after whole rounds of the exhibits (every 198 visits with
        # 22 of them): what is resident mid-visit depends on which exhibit was seen last.
        per_visitor = max(1, len(exhibits) // 2)
        every = max(1, round(200 / len(exhibits))) * len(exhibits)
        samples = []
        for visit in range(1, args.visits + 1):
            if visit % per_visitor == 1 or per_visitor == 1:
                app.navigator.start_visit(languages[(visit // per_visitor) % len(languages)])
            manifest = exhibits[visit % len(exhibits)]
            app.navigator.open_exhibit(manifest.id)
            drive(app, 1)  # one frame runs the clock triggers that make the textures
            app.navigator.show_home(manifest.room)
            drive(app, 1)
            if visit % per_visitor == 0:
                app._idle_reset()  # the visitor left: what the kiosk does between two visitors
                drive(app, 2)
            if visit % every == 0:
                samples.append(rss_mib(os.getpid()))
                print(f"  after {visit} visits: RSS {samples[-1]:.0f} MiB", flush=True)
        app._idle_reset()
        if not samples:
            return
        base = samples[0]
        drift = max(abs(s - base) for s in samples) / base * 100
        print(f"RSS every {every} visits (MiB): " + ", ".join(f"{s:.0f}" for s in samples))
        print(f"largest drift from visit {every}: {drift:.1f} % (target within ±5 %) -> "
              f"{'met' if drift <= 5 else 'NOT met'}")
        print(f"RSS after the idle reset and malloc_trim: {rss_mib(os.getpid()):.0f} MiB")
        app.stop()


if __name__ == "__main__":
    main()
