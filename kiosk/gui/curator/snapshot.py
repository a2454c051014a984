"""``kiosk snapshot``: PNGs of every screen, exhibit, interactive step and language.

It drives the real app, the way a visitor would move through it, and photographs the
window after each step::

    attract-fr.png … attract-ar.png        the attract loop, once per language
    language.png                           the language choice
    home-fr-origines.png …                 each room, in each language
    origines-quiz-fr-1.png …               each exhibit, each step, in each language

It also writes ``snapshots.json``, the list of files with what each shows. Curators use it
to proof an exhibition without walking to the kiosk.
"""

from __future__ import annotations

import json
import logging
import os
from pathlib import Path

from kiosk.content.report import load_for_display
from kiosk.files import write_atomic
from kiosk.gui.kivy_config import configure_kivy

log = logging.getLogger(__name__)
SETTLE_FRAMES = 5       # a game's scroll rests between lines a frame or two after its action is pinned
FRAME = 1 / 30


def plan(content, languages: list[str] | None = None, only: list[str] | None = None) -> list[dict]:
    """Every snapshot to take, as plain data (testable without a window)."""
    codes = languages or list(content.collection.languages.languages)
    exhibits = [m for m in content.exhibits if not only or m.id in only]
    shots = [{"name": f"attract-{code}", "screen": "attract", "language": code} for code in codes]
    shots.append({"name": "language", "screen": "language", "language": content.collection.languages.default})
    for code in codes:
        for room in content.collection.rooms:
            if content.exhibits_in(room.id):
                shots.append({"name": f"home-{code}-{room.id}", "screen": "home", "language": code, "room": room.id})
        for manifest in exhibits:
            shots.append({"name": f"{manifest.id}-{code}", "screen": "exhibit", "language": code,
                          "exhibit": manifest.id, "steps": True})
    return shots


def take_snapshots(content, out: Path, size: tuple[int, int], languages=None, only=None, access=(),
                   second: str = "") -> int:
    written, failures = render(content, out, size, plan(content, languages, only), access=access, second=second)
    print(f"wrote {len(written)} snapshots to {out}")
    return 0 if failures == 0 else 1


def render(content, out: Path, size: tuple[int, int], shots: list[dict], inspect=None,
           progress: bool = False, access=(), second: str = "") -> tuple[list[dict], int]:
    """Photograph ``shots``; returns the entries written (also in ``snapshots.json``) and the failure count.

    ``inspect(app)``, when given, is called on each screen before it is photographed; what it
    returns is kept in the entry under ``problems``. ``progress`` shows a progress bar on stderr. ``access``:
    the access modes every screen is drawn in (large_text, high_contrast…); ``second``: a second language
    every visitor screen shows content texts in too.
    """
    configure_kivy(kiosk=False, size=size)
    out.mkdir(parents=True, exist_ok=True)
    data = Path(os.environ.get("KIOSK_DATA_DIR") or out / ".kiosk-data")
    from kiosk.gui.curator.snapshot_app import SnapshotApp

    app = SnapshotApp(content, data_dir=data, shots=shots, out=out, inspect=inspect, progress=progress, access=access,
                      second=second)
    app.run()
    write_atomic(out / "snapshots.json", json.dumps(app.written, indent=1, ensure_ascii=False))
    return app.written, app.failures


def save_png(pixels: bytes, size: tuple[int, int], path: Path) -> None:
    """RGBA pixels (top row first) to a PNG, quickly: proofs are many and looked at, not archived."""
    from PIL import Image

    temporary = path.with_name(f".{path.name}.tmp")
    Image.frombytes("RGBA", tuple(size), pixels).save(temporary, "PNG", compress_level=1)
    temporary.replace(path)


def cmd_snapshot(args) -> int:
    from kiosk.gui.kivy_config import has_display, rerun_under_xvfb

    if not has_display():
        return rerun_under_xvfb(args.size or (1920, 1080))
    content = load_for_display(args.content)
    if content is None:
        return 1
    return take_snapshots(content, args.out, args.size or (1920, 1080), args.lang, args.only, args.access or (),
                          args.second_language)
