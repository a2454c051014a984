"""The kiosk for ``tap_latency.py``: the real app, full screen, that also tells where a text is on screen.

It runs exactly as ``kiosk run --kiosk`` does, plus one thing: a line on stdin such as
``{"text": "English"}`` is answered on stdout with the screen position of the visible
label that shows it (``{"x": 960, "y": 540}``, top-left origin, as X counts), or
``{"error": …}``. The benchmark asks *where* to tap between two taps, and nothing else:
the taps themselves and the timing happen outside this process.
"""

from __future__ import annotations

import json
import logging
import sys
import threading
from pathlib import Path

from kiosk.content.loader import load_content
from kiosk.folders import data_dir
from kiosk.gui.kivy_config import configure_kivy

NO_BREAK = "\u00a0"


def main() -> None:
    size = tuple(int(n) for n in sys.argv[2].split("x"))
    configure_kivy(kiosk=True, size=size)
    for chatty in ("PIL", "markdown_it", "watchdog"):  # as 'kiosk run' does: their DEBUG lines cost ~1 ms each
        logging.getLogger(chatty).setLevel(logging.INFO)
    from kivy.clock import Clock

    from kiosk.gui.app import KioskApp

    app = KioskApp(load_content(Path(sys.argv[1])), data_dir=data_dir(), kiosk=True)

    def serve() -> None:
        for line in sys.stdin:
            request = json.loads(line)
            Clock.schedule_once(lambda _dt, request=request: answer(request))

    threading.Thread(target=serve, daemon=True).start()
    app.run()


def answer(request: dict, revealed: bool = False) -> None:
    from kivy.clock import Clock
    from kivy.core.window import Window

    try:
        try:
            widget = find_label(request["text"], request.get("nth", 0))
        except LookupError:
            if revealed or not reveal(request["text"]):
                raise
            Clock.schedule_once(lambda _dt: answer(request, revealed=True), 0.3)  # the row has moved: ask again
            return
        left, bottom = widget.to_window(*widget.pos)
        right, top = min(left + widget.width, Window.width), min(bottom + widget.height, Window.height)
        left, bottom = max(left, 0), max(bottom, 0)  # the part on screen (a card half out of its row)
        reply = {"x": round((left + right) / 2), "y": round(Window.height - (bottom + top) / 2)}
    except LookupError as exc:
        reply = {"error": str(exc)}
    print(json.dumps(reply), flush=True)


def find_label(fragment: str, nth: int = 0):
    from kivy.core.window import Window
    from kivy.uix.label import Label

    wanted = fragment.replace(NO_BREAK, " ")
    stack, found = [Window], []
    while stack:
        widget = stack.pop()
        stack.extend(widget.children)
        if isinstance(widget, Label) and wanted in widget.text.replace(NO_BREAK, " ") and shown(widget):
            found.append(widget)
    found.sort(key=lambda w: (-w.to_window(*w.pos)[1], w.to_window(*w.pos)[0]))  # reading order
    if len(found) <= nth:
        raise LookupError(f"no visible text contains {fragment!r}")
    return found[nth]


def reveal(fragment: str) -> bool:
    """Scroll a row so that the text comes into view, as a visitor's earlier swipe would have (not timed)."""
    from kivy.core.window import Window
    from kivy.uix.label import Label
    from kivy.uix.scrollview import ScrollView

    wanted = fragment.replace(NO_BREAK, " ")
    stack = [Window]
    while stack:
        widget = stack.pop()
        stack.extend(widget.children)
        if isinstance(widget, Label) and wanted in widget.text.replace(NO_BREAK, " "):
            node = widget
            while node.parent is not None and node.parent is not Window:
                row = node.parent.parent
                if isinstance(row, ScrollView):
                    row.scroll_to(node, animate=False)
                    rest = getattr(row, "nearest_rest", lambda: None)()
                    if rest is not None:   # a swipe ends with the row settled on whole cards
                        setattr(row, "scroll_y" if getattr(row, "portrait", False) else "scroll_x", rest)
                    return True
                node = node.parent
    return False


def shown(widget) -> bool:
    from kivy.core.window import Window

    node = widget
    while node is not None and node is not Window:
        if getattr(node, "opacity", 1) == 0:
            return False
        node = node.parent
    x, y = widget.to_window(*widget.pos)
    return x < Window.width - 40 and x + widget.width > 40 and y < Window.height and y + widget.height > 0


if __name__ == "__main__":
    main()
