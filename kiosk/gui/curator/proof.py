"""``kiosk proof [PATH] --out DIR``: proof sheets for curators.

Every exhibit in every content language, each interactive step, as PNGs (the same run as
``kiosk snapshot``), checked as they are drawn for what a person would see as a fault
(:mod:`kiosk.gui.curator.proof_checks`: clipped text, lines cut by a scroll, cut cards,
pictures shown beyond their resolution, letters the font lacks), then gathered into contact sheets: ``DIR/index.html`` and one
``DIR/sheet-<lang>.html`` per language, with the validator's findings and the missing
translations beside each exhibit. ``DIR/proof.json`` holds the same findings as data.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

from kiosk.files import write_atomic


def cmd_proof(args) -> int:
    from kiosk.gui.kivy_config import has_display, rerun_under_xvfb

    size = args.size or (1920, 1080)
    if not has_display():
        return rerun_under_xvfb(size)
    from kiosk.content.report import load_for_display

    content = load_for_display(args.path)
    if content is None:
        return 1
    languages = args.lang or list(content.collection.languages.languages)
    entries, failures = _render(content, args.out, size, languages, args.only, args.access or (), args.second_language)
    from kiosk.gui.curator.proof_sheet import write_contact_sheets

    pages = write_contact_sheets(content, entries, args.out, languages)
    _write_json(args.out / "proof.json", content, entries)
    print(_summary(entries, content, len(pages) - 1, args.out))
    if failures:
        print(f"kiosk proof: {failures} screens could not be drawn; see the log above", file=sys.stderr)
    return 0 if failures == 0 else 1


def _render(content, out: Path, size, languages, only, access=(), second=""):
    from kiosk.gui.curator.proof_checks import screen_problems
    from kiosk.gui.curator.snapshot import plan, render

    def inspect(app) -> list[dict]:
        return [{"kind": p.kind, "message": p.message} for p in screen_problems(app.root_widget, app.pictures)]

    return render(content, out, size, plan(content, languages, only), inspect=inspect, progress=True, access=access,
                  second=second)


def _write_json(path: Path, content, entries: list[dict]) -> None:
    data = {"screens": entries,
            "findings": [f.as_dict(content.root.parent) for f in content.findings]}
    write_atomic(path, json.dumps(data, indent=1, ensure_ascii=False))


def _summary(entries: list[dict], content, sheets: int, out: Path) -> str:
    problems = Counter(p["kind"] for e in entries for p in e.get("problems", ()))
    return (f"proof: {len(entries)} screens, {sheets} contact sheets; {content.count('error')} errors, "
            f"{content.count('warning')} warnings, {problems['overflow']} clipped texts, "
            f"{problems['cut-line']} lines cut by a scroll, {problems['cut-card']} cut cards, "
            f"{problems['blank']} cards without their picture, "
            f"{problems['upscaled']} upscaled pictures, {problems['glyph']} missing letters. "
            f"Open {out / 'index.html'}")
