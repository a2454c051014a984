"""Build the kiosk's UI fonts: Noto Sans (Latin, Greek, Cyrillic) merged with Noto Sans Arabic.

Why: a Kivy Label draws with one font. Arabic text often holds a Latin word ("نظام AMAP
للزراعة"), but Noto Sans Arabic has no Latin letters and Noto Sans has no Arabic, so
neither shipped font can draw such a line. The merged font has both, including the
Arabic presentation forms (U+FB50–U+FDFF, U+FE70–U+FEFF) that ``kiosk.render.bidi``
produces.

What it does, per weight (Regular, Bold):
- drops the TrueType hinting of both inputs (the merger would keep only the first font's
  hinting programs, which the second font's glyph instructions would then call wrongly);
- merges Noto Sans first (so it wins for shared code points: space, digits, punctuation)
  with Noto Sans Arabic (both have 1000 units per em);
- sets the line's height to 1.57 em (see ``LINE``), not Noto Sans Arabic's 2.1 em;
- renames the family to "Noto Sans Kiosk" and records the origin in the name table.

The result is written to media/fonts/NotoSansKiosk-{Regular,Bold}.ttf. The inputs and
the output are under the SIL Open Font License 1.1 (media/fonts/OFL.txt, README.md).
The output is deterministic: its timestamps are those of the inputs.

Needs fontTools (``pip install fonttools``). Usage, from the repository root:
    python tools/make_fonts.py [--fonts media/fonts]
"""
import argparse
import sys
import tempfile
from pathlib import Path

sys.dont_write_bytecode = True  # keep tools/ free of __pycache__

from fontTools import merge  # noqa: E402
from fontTools.ttLib import TTFont  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
FAMILY = "Noto Sans Kiosk"
HINTING_TABLES = ("fpgm", "prep", "cvt ", "hdmx", "LTSH", "VDMX")
ORIGIN = ("Merged from Noto Sans and Noto Sans Arabic (Debian fonts-noto-core "
          "20201225-1) by tools/make_fonts.py of the musee-kiosk project; "
          "hinting removed, line height 1.57 em.")

#: Above and below the baseline, in font units (1000 per em). Noto Sans Arabic's own line
#: (1374 + 738 = 2.1 em) keeps room for the stacked Quranic annotation marks (U+06D6–U+06ED),
#: which the kiosk never draws, and made every Arabic paragraph look double-spaced. 1100 + 470
#: holds every Latin letter and every Arabic letter, presentation form and vowel mark (SDL_ttf
#: draws marks where their glyph is, unpositioned); tests/render/test_fonts.py checks it.
LINE = (1100, 470)


def dehint(source: Path, target: Path) -> None:
    """Write ``source`` to ``target`` without TrueType hinting."""
    font = TTFont(source)
    for tag in HINTING_TABLES:
        if tag in font:
            del font[tag]
    glyf = font["glyf"]
    for name in font.getGlyphOrder():
        glyf[name].removeHinting()
    maxp = font["maxp"]
    for field in ("maxZones", "maxTwilightPoints", "maxStorage", "maxFunctionDefs",
                  "maxInstructionDefs", "maxStackElements", "maxSizeOfInstructions"):
        setattr(maxp, field, 1 if field == "maxZones" else 0)
    font.save(target)


def set_line(font: TTFont) -> None:
    """Give the merged font the line of ``LINE``, in every table a renderer may read it from."""
    ascent, descent = LINE
    font["hhea"].ascent, font["hhea"].descent, font["hhea"].lineGap = ascent, -descent, 0
    os2 = font["OS/2"]
    os2.sTypoAscender, os2.sTypoDescender, os2.sTypoLineGap = ascent, -descent, 0
    os2.usWinAscent, os2.usWinDescent = ascent, descent


def rename(font: TTFont, style: str, inputs: list[Path]) -> None:
    """Give the merged font its own family name, keeping every input's copyright notice."""
    name = font["name"]
    ps_name = f"{FAMILY.replace(' ', '')}-{style}"
    copyrights = dict.fromkeys(TTFont(path)["name"].getDebugName(0) for path in inputs)
    version = f"Version {font['head'].fontRevision:.3f}; merged, unhinted"
    for name_id, value in ((0, " ".join(filter(None, copyrights))), (1, FAMILY), (2, style),
                           (3, f"{ps_name};{version}"), (4, f"{FAMILY} {style}"),
                           (5, version), (6, ps_name), (10, ORIGIN)):
        name.setName(value, name_id, 3, 1, 0x409)
        name.setName(value, name_id, 1, 0, 0)
    for name_id in (16, 17, 21, 22):  # typographic names of the inputs: not ours
        name.removeNames(nameID=name_id)


def build(fonts: Path, style: str) -> Path:
    """Merge one weight and return the path of the written font."""
    inputs = [fonts / f"NotoSans-{style}.ttf", fonts / f"NotoSansArabic-{style}.ttf"]
    units = {TTFont(path)["head"].unitsPerEm for path in inputs}
    if len(units) != 1:
        raise SystemExit(f"units per em differ between {inputs}: {sorted(units)}")
    with tempfile.TemporaryDirectory() as tmp:
        plain = [Path(tmp) / path.name for path in inputs]
        for source, target in zip(inputs, plain):
            dehint(source, target)
        merged = merge.Merger().merge([str(path) for path in plain])
    set_line(merged)
    rename(merged, style, inputs)
    merged["head"].created = min(TTFont(p)["head"].created for p in inputs)
    merged["head"].modified = max(TTFont(p)["head"].modified for p in inputs)
    merged.recalcTimestamp = False
    output = fonts / f"NotoSansKiosk-{style}.ttf"
    merged.save(output)
    return output


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fonts", type=Path, default=REPO / "media" / "fonts",
                        help="folder with the Noto inputs; the outputs are written there")
    args = parser.parse_args(argv)
    for style in ("Regular", "Bold"):
        print(f"wrote {build(args.fonts, style)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
