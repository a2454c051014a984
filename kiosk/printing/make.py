"""``kiosk print``: the printed companions of an exhibition, made from its content folder.

    result = print_all(Path("exhibits"), Path("print"), languages=["fr", "ar"], progress=tqdm_bar)
    result.files        # print/fr/cartes… one PDF per kind and language, and one per path for handouts and booklets
    result.overflows    # [] unless a text needed more room than its box had

Files, in ``OUT/<language>/``: ``cards.pdf`` (an A5 page per exhibit), ``posters.pdf`` (an A3 page per
room), ``handout-<path>.pdf`` and ``booklet-<path>.pdf`` (A4) per guided path or workshop. Each is
written whole or not at all (:func:`kiosk.files.write_atomic`). No Kivy here.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from kiosk.files import write_atomic
from kiosk.i18n import N_, catalog
from kiosk.printing.documents import booklet, exhibit_card, handout, room_poster
from kiosk.printing.page import PrintPage

KINDS = ("cards", "posters", "handouts", "booklets")
TITLES = {"cards": N_("Exhibit cards"), "posters": N_("Room posters"), "handouts": N_("Participant's handout"),
          "booklets": N_("Facilitator's booklet")}


@dataclass
class PrintResult:
    files: list[Path] = field(default_factory=list)
    overflows: list[str] = field(default_factory=list)   # "cards.pdf: page 3: 'Les enclosures…' needs 5 lines…"


def jobs(content, kinds=KINDS) -> list[tuple[str, object]]:
    """What will be made, one item per file and language: (kind, the path for handouts and booklets, else None)."""
    found = []
    for kind in kinds:
        if kind in ("handouts", "booklets"):
            found += [(kind, path) for path in content.paths]
        else:
            found.append((kind, None))
    return found


def print_all(content_path: Path, out: Path, languages: list[str] | None = None, kinds=KINDS,
              progress: Callable[[str], None] | None = None) -> PrintResult:
    from kiosk.content.loader import load_content

    content = load_content(content_path)
    policy = content.collection.languages
    languages = languages or list(policy.languages)
    result = PrintResult()
    for language in languages:
        fallbacks = [language, policy.default, *policy.languages]

        def text(localized, fallbacks=fallbacks) -> str:
            return localized.get(fallbacks[0], fallbacks[1:]) if localized else ""

        words = catalog(language).gettext
        for kind, path in jobs(content, kinds):
            name = f"{kind[:-1]}-{path.id}.pdf" if path is not None else f"{kind}.pdf"
            title = f"{words(TITLES[kind])} · {text(path.title if path else content.collection.title)}"
            page = PrintPage("A4", language, title)
            page.footer_text = text(content.collection.title)
            if kind == "cards":
                for manifest in content.exhibits:
                    exhibit_card(page, content, manifest, text, words)
            elif kind == "posters":
                for number, room in enumerate(content.collection.rooms, start=1):
                    if content.exhibits_in(room.id):
                        room_poster(page, content, room, number, text, words)
            elif kind == "handouts":
                handout(page, content, path, text, words)
            else:
                booklet(page, content, path, text, words)
            target = Path(out) / language / name
            target.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(target, bytes(page.output()))
            result.files.append(target)
            result.overflows += [f"{language}/{name}: {problem}" for problem in page.overflows]
            if progress is not None:
                progress(f"{language}/{name}")
    return result


def cmd_print(args) -> int:
    import logging

    from tqdm import tqdm

    from kiosk.content.loader import load_content

    logging.getLogger("kiosk.content").setLevel(logging.ERROR)   # a skipped exhibit is simply not printed
    kinds = tuple(args.only) if args.only else KINDS
    content = load_content(args.path)
    languages = args.lang or list(content.collection.languages.languages)
    unknown = [code for code in languages if code not in content.collection.languages.languages]
    if unknown:
        print(f"kiosk print: the exhibition has no language {', '.join(unknown)} (it has "
              f"{', '.join(content.collection.languages.languages)})", file=sys.stderr)
        return 2
    total = len(jobs(content, kinds)) * len(languages)
    with tqdm(total=total, unit="file", disable=total < 4 or not sys.stderr.isatty() and args.quiet) as bar:
        def progress(name: str) -> None:
            bar.set_postfix_str(name, refresh=False)
            bar.update()
        try:
            result = print_all(args.path, args.out, languages, kinds, progress)
        except OSError as error:
            print(f"kiosk print: {args.out}: cannot write ({error.strerror or error}): choose another folder",
                  file=sys.stderr)
            return 1
    for problem in result.overflows:
        print(f"note: {problem}", file=sys.stderr)
    print(f"wrote {len(result.files)} PDF files in {args.out}"
          + (f"; {len(result.overflows)} texts were too long for their box (cut with …)" if result.overflows else ""))
    return 0
