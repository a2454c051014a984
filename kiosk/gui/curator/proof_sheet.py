"""Contact sheets: one HTML page per language with every exhibit's screens and what to fix beside them.

Plain Python and Pillow, no Kivy. From the entries a proof run wrote (``snapshots.json``)::

    pages = write_contact_sheets(content, entries, out, languages)
    # out/index.html, out/sheet-fr.html, out/sheet-en.html, …, out/thumbs/*.jpg

Each exhibit shows, in its room and in visit order: its screens side by side (each links to
the full-size PNG), then its findings: the validator's (file:line), the texts missing in
that language, and, per screen, what :mod:`kiosk.gui.curator.proof_checks` saw: text that
overflows, lines cut by a scroll, cut cards, pictures shown beyond their resolution and
letters the font lacks. Exhibits the kiosk skips are listed with their errors. The pages need
nothing but a browser: no network, no scripts.
"""

from __future__ import annotations

import html
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from PIL import Image

from kiosk.content.findings import ERROR, display_path
from kiosk.files import write_atomic

THUMB_WIDTH = 400
NOT_FOR_VISITORS = ("facilitator_notes",)  # read by facilitators, who choose their language
KINDS = ("error", "warning", "overflow", "cut-line", "cut-card", "blank", "upscaled", "glyph", "missing")
LABELS = {"error": "error", "warning": "warning", "overflow": "text cut off", "cut-line": "line cut by a scroll",
          "cut-card": "card cut off", "blank": "picture not shown", "upscaled": "picture too small", "glyph": "letter missing from font",
          "missing": "not translated"}


@dataclass(frozen=True)
class SheetFinding:
    kind: str      # one of KINDS
    text: str
    where: str = ""  # the screen (file name) it was seen on, if any


def missing_translations(manifest, language: str) -> list[str]:
    """The texts visitors read that have no version in ``language`` (a neutral text needs none)."""
    return [_field_name(use.path) for use in manifest.texts
            if use.text and not use.text.is_neutral and not use.text.has(language)
            and use.path[0] not in NOT_FOR_VISITORS]


def _field_name(path: tuple) -> str:
    name = ""
    for part in path:
        name += f"[{part + 1}]" if isinstance(part, int) else (f".{part}" if name else str(part))
    return name


def exhibit_findings(content, result, language: str, entries: list[dict]) -> list[SheetFinding]:
    """Everything to show beside one exhibit on the sheet of ``language``."""
    base = content.root.parent
    found = [SheetFinding(ERROR if f.is_error else "warning", f.format(base)) for f in result.findings]
    if result.manifest is not None:
        missing = missing_translations(result.manifest, language)
        if missing:
            found.append(SheetFinding("missing", f"no {language} text for: " + ", ".join(missing)))
    for entry in entries:
        for problem in entry.get("problems", ()):
            found.append(SheetFinding(problem["kind"], problem["message"], entry["file"]))
    return found


def write_thumbnails(out: Path, entries: list[dict]) -> None:
    """A small JPEG of every screen, made two at a time (Pillow lets go of the GIL while it works)."""
    folder = out / "thumbs"
    folder.mkdir(exist_ok=True)
    with ThreadPoolExecutor(max_workers=2) as pool:
        list(pool.map(lambda entry: _thumbnail(out / entry["file"], folder / _thumb_name(entry)), entries))


def _thumbnail(source: Path, target: Path) -> None:
    with Image.open(source) as image:
        image.draft("RGB", (THUMB_WIDTH, THUMB_WIDTH))
        picture = image.convert("RGB")
        picture.thumbnail((THUMB_WIDTH, THUMB_WIDTH * 2), Image.LANCZOS)
        temporary = target.with_name(f".{target.name}.tmp")
        picture.save(temporary, "JPEG", quality=82)
        temporary.replace(target)


def _thumb_name(entry: dict) -> str:
    return entry["file"].rsplit(".", 1)[0] + ".jpg"


def write_contact_sheets(content, entries: list[dict], out: Path, languages: list[str]) -> list[Path]:
    """``index.html`` and one ``sheet-<lang>.html`` per language; returns the pages written."""
    write_thumbnails(out, entries)
    pages = []
    counts = {}
    for code in languages:
        page, counts[code] = _sheet(content, entries, code, languages)
        pages.append(out / f"sheet-{code}.html")
        write_atomic(pages[-1], page)
    pages.insert(0, out / "index.html")
    write_atomic(pages[0], _index(content, languages, counts, len(entries)))
    return pages


def _sheet(content, entries: list[dict], code: str, languages: list[str]) -> tuple[str, Counter]:
    mine = [e for e in entries if e["language"] == code]
    counts: Counter = Counter()
    parts = [_head(f"{_title(content, code)} — {code}"), _nav(languages, code),
             f"<h1>{_esc(_title(content, code))} <small>proof, {_esc(code)}</small></h1>"]
    general = [e for e in mine if e["screen"] in ("attract", "home")] + [e for e in entries if e["screen"] == "language"]
    seen = [SheetFinding(p["kind"], p["message"], e["file"]) for e in general for p in e.get("problems", ())]
    counts.update(f.kind for f in seen)
    parts.append(_shots_row(general) + (_findings(seen) if seen else ""))
    for room in content.collection.rooms:
        results = [r for r in content.results if r.room == room.id]
        if not results:
            continue
        parts.append(f'<h2 style="border-color:{_esc(room.colour)}">{_esc(room.title.get(code, _fallbacks(content)))}'
                     f"</h2>")
        for result in sorted(results, key=lambda r: _order(content, r)):
            shots = [e for e in mine if e.get("exhibit") == result.id]
            findings = exhibit_findings(content, result, code, shots)
            counts.update(f.kind for f in findings)
            parts.append(_exhibit(content, result, code, shots, findings))
    parts.append("</body></html>")
    return "\n".join(parts), counts


def _exhibit(content, result, code: str, shots: list[dict], findings: list[SheetFinding]) -> str:
    manifest = result.manifest
    title = manifest.title.get(code, _fallbacks(content)) if manifest else result.id
    kind = manifest.type if manifest else "skipped: visitors do not see it"
    css = "exhibit skipped" if manifest is None else ("exhibit flagged" if findings else "exhibit")
    return (f'<article class="{css}" id="{_esc(result.id)}"><h3>{_esc(title)} <small>{_esc(result.id)} · '
            f"{_esc(kind)}</small></h3>{_shots_row(shots)}{_findings(findings)}</article>")


def _shots_row(entries: list[dict]) -> str:
    figures = "".join(
        f'<figure><a href="{_esc(e["file"])}"><img src="thumbs/{_esc(_thumb_name(e))}" alt="{_esc(e["file"])}" '
        f'loading="lazy"></a><figcaption>{_esc(_caption(e))}</figcaption></figure>' for e in entries)
    return f'<div class="shots">{figures}</div>' if figures else ""


def _caption(entry: dict) -> str:
    if entry["screen"] == "home":
        return f"home · {entry['room']}"
    if entry["screen"] != "exhibit":
        return entry["screen"]
    return f"screen {entry['step']}"


def _findings(findings: list[SheetFinding]) -> str:
    if not findings:
        return '<p class="ok">Nothing to fix.</p>'
    items = "".join(f'<li class="{f.kind}"><b>{LABELS[f.kind]}</b> {_esc(f.text)}'
                    + (f' <a href="{_esc(f.where)}">({_esc(f.where)})</a>' if f.where else "") + "</li>"
                    for f in findings)
    return f'<ul class="findings">{items}</ul>'


def _index(content, languages: list[str], counts: dict[str, Counter], screens: int) -> str:
    rows = "".join(f'<tr><th><a href="sheet-{code}.html">{_esc(code)}</a></th>'
                   + "".join(f"<td>{counts[code][kind]}</td>" for kind in KINDS) + "</tr>" for code in languages)
    general = [*content.collection_findings, *(f for r in content.path_results for f in r.findings)]
    notes = _findings([SheetFinding(ERROR if f.is_error else "warning", f.format(content.root.parent))
                       for f in general]) if general else ""
    made = datetime.now().astimezone().strftime("%Y-%m-%d %H:%M")
    return "\n".join([
        _head(f"{_title(content, content.collection.languages.default)} — proof"),
        f"<h1>{_esc(_title(content, content.collection.languages.default))} <small>proof</small></h1>",
        f"<p>{screens} screens of {len(content.exhibits)} exhibits ({len(content.skipped)} skipped) from "
        f"<code>{_esc(display_path(content.root))}</code>, made {made}.</p>",
        "<table><tr><th>language</th>" + "".join(f"<th>{LABELS[k]}</th>" for k in KINDS) + f"</tr>{rows}</table>",
        "<h2>Collection and paths</h2>" + (notes or '<p class="ok">Nothing to fix.</p>'),
        "</body></html>"])


def _order(content, result) -> tuple:
    manifest = result.manifest
    return (0, manifest.order, result.id) if manifest else (1, 0, result.id)


def _title(content, code: str) -> str:
    return content.collection.title.get(code, _fallbacks(content))


def _fallbacks(content) -> list[str]:
    languages = content.collection.languages
    return [languages.default, *languages.languages]


def _nav(languages: list[str], current: str) -> str:
    links = " ".join(f"<b>{_esc(c)}</b>" if c == current else f'<a href="sheet-{c}.html">{_esc(c)}</a>'
                     for c in languages)
    return f'<nav><a href="index.html">summary</a> · {links}</nav>'


def _esc(text) -> str:
    return html.escape(str(text), quote=True)


def _head(title: str) -> str:
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>{_esc(title)}</title><style>
body{{font-family:"Noto Sans",sans-serif;margin:1.5em;color:#1F1A17;background:#FAF7F2}}
h1 small,h3 small{{font-weight:normal;color:#6b625c;font-size:.7em}}
h2{{border-left:.5em solid;padding-left:.4em;margin-top:1.6em}}
nav{{margin-bottom:1em}} table{{border-collapse:collapse}} td,th{{border:1px solid #ccc;padding:.3em .7em}}
.exhibit{{background:#fff;border:1px solid #ddd;border-radius:6px;padding:.6em 1em;margin:.8em 0}}
.flagged{{border-left:6px solid #c77700}} .skipped{{border-left:6px solid #b3261e;background:#fff5f4}}
.shots{{display:flex;flex-wrap:wrap;gap:.6em}} figure{{margin:0}} figure img{{width:{THUMB_WIDTH // 2}px;
border:1px solid #ccc}} figcaption{{font-size:.8em;color:#6b625c}}
.findings li{{margin:.2em 0}} .findings b{{display:inline-block;min-width:9em}}
.error b,.overflow b,.cut-line b,.cut-card b,.blank b,.glyph b{{color:#b3261e}} .warning b,.upscaled b{{color:#8a5300}}
.missing b{{color:#36587a}} .ok{{color:#2e6b34}}
</style></head><body>"""
