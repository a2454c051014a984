"""Make media/fonts/KioskIcons.ttf: the Lucide icons the kiosk uses, and nothing else.

Lucide (ISC licence, media/fonts/LUCIDE-LICENSE.txt) ships a TrueType font of all its
~2,200 icons (935 KB). The kiosk draws a few dozen, so this keeps only those glyphs
(fontTools' subsetter) at the codepoints Lucide gives them, and renames the family.

    npm pack lucide-static && tar xzf lucide-static-*.tgz
    python tools/make_icons.py package/font/lucide.ttf package/font/codepoints.json

The names and codepoints land in kiosk/icons.py's ICONS; add a name there, then rerun.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kiosk.icons import ICONS  # noqa: E402


def main(font_path: str, codepoints_path: str) -> None:
    codepoints = json.loads(Path(codepoints_path).read_text())
    wrong = {name: (chr(code), codepoints.get(name)) for name, code in ICONS.items()
             if codepoints.get(name) != ord(code)}
    if wrong:
        raise SystemExit(f"kiosk/icons.py disagrees with this Lucide version: {wrong}")
    font = TTFont(font_path)
    # the kiosk draws icons by codepoint, never by ligature: Lucide's ligature table (which fontTools
    # 4.x cannot read in some Lucide releases) is not needed
    for table in ("GSUB", "GPOS", "GDEF"):
        if table in font:
            del font[table]
    options = subset.Options()
    options.name_IDs = ["*"]
    options.notdef_outline = True
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=[ord(c) for c in ICONS.values()])
    subsetter.subset(font)
    names = font["name"]
    for record in list(names.names):
        if record.nameID in (1, 4, 16):
            names.setName("Kiosk Icons", record.nameID, record.platformID, record.platEncID, record.langID)
        elif record.nameID == 6:
            names.setName("KioskIcons", record.nameID, record.platformID, record.platEncID, record.langID)
    names.setName("Subset of Lucide (ISC licence) made by tools/make_icons.py", 10, 3, 1, 0x409)
    out = ROOT / "media" / "fonts" / "KioskIcons.ttf"
    font.save(out)
    print(f"{out.relative_to(ROOT)}: {len(ICONS)} icons, {out.stat().st_size} bytes")


if __name__ == "__main__":
    main(*sys.argv[1:3])
