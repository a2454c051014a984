"""``kiosk run``: the kiosk in a window, or full screen and locked down with ``--kiosk``.

Kivy is configured first (:mod:`kiosk.gui.kivy_config`), then the App is imported.
"""

from __future__ import annotations

import sys

from kiosk.content.report import load_for_display


def cmd_run(args) -> int:
    from kiosk.gui.kivy_config import configure_kivy, has_display, screen_size

    if not has_display():
        print("kiosk run: no display found (DISPLAY is not set). To see the screens without one, use "
              "'kiosk snapshot --out DIR'.", file=sys.stderr)
        return 1
    content = load_for_display(args.content.resolve())  # the version folder behind a live symlink
    if content is None:
        return 1
    # A window as big as the screen, as the kiosk will be (Kivy's own default is 800×600); --size to choose.
    size = args.size or (None if args.kiosk else screen_size())
    configure_kivy(kiosk=args.kiosk, size=size)
    from kiosk.folders import data_dir
    from kiosk.gui.app import KioskApp

    app = KioskApp(content, data_dir=data_dir(), kiosk=args.kiosk, language=args.lang, content_source=args.content)
    if args.quit_after:   # counted from the first frame drawn: a loaded machine may take seconds to get there
        from kivy.clock import Clock
        from kivy.core.window import Window

        def stop_later(*_args) -> None:
            Window.unbind(on_flip=stop_later)
            Clock.schedule_once(lambda _dt: app.stop(), args.quit_after)

        Window.bind(on_flip=stop_later)
    app.run()
    return 0
