"""``kiosk new``: a commented exhibit folder that validates at once.

The folder is made from the type's ``template.yaml``. Its example texts are given in
French and English; they are written out for the collection's default and full languages
(partial languages are left for the curator, and the validator reminds them). Placeholder
pictures are drawn with Pillow, and the folder appears whole or not at all.
"""

from __future__ import annotations

import re
import shutil
import tempfile
from pathlib import Path

from PIL import Image, ImageDraw

from kiosk.content.collection import COLLECTION_FILE, Collection, load_collection
from kiosk.content.exhibit import MANIFEST
from kiosk.content.fields import ID_HINT, ID_PATTERN
from kiosk.content.spec import did_you_mean

_FR_LINE = re.compile(r"^(\s*)(- )?fr: (.*)$")
_EN_LINE = re.compile(r"^(\s*)en: (.*)$")
_IMAGE_LINE = re.compile(r"^\s*- file: (image-\d+\.png)", re.MULTILINE)
BODY_TEXT = {
    "fr": "## Un intertitre\n\nLe texte du panneau, en Markdown : du **gras**, de l'*italique* et des listes.\n\n"
          "- un premier point ;\n- un deuxième point.\n",
    "en": "## A subheading\n\nThe panel's text, in Markdown: **bold**, *italics* and lists.\n\n"
          "- a first point;\n- a second point.\n",
}


class ScaffoldError(Exception):
    """The exhibit cannot be created; the message says why and what to do."""


def new_exhibit(root: Path, exhibit_id: str, type_name: str, room: str, registry) -> Path:
    """Create ``root/exhibit_id`` from the template of ``type_name``; returns the folder."""
    collection = _collection(root)
    _check_request(root, exhibit_id, type_name, room, collection, registry)
    exhibit_type = registry.get(type_name)
    languages = (collection.languages.default, *collection.languages.full)
    manifest = render_template(exhibit_type.template.read_text(encoding="utf-8"), room, languages)
    staging = Path(tempfile.mkdtemp(prefix=f".{exhibit_id}.", dir=root))
    try:
        (staging / MANIFEST).write_text(manifest, encoding="utf-8")
        for name in _IMAGE_LINE.findall(manifest):
            draw_placeholder(staging / name, name)
        if exhibit_type.body_required:
            for code in languages:
                (staging / f"body.{code}.md").write_text(BODY_TEXT.get(code, BODY_TEXT["en"]), encoding="utf-8")
        staging.rename(root / exhibit_id)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return root / exhibit_id


def _collection(root: Path) -> Collection:
    if not (root / COLLECTION_FILE).is_file():
        raise ScaffoldError(f"{root} has no {COLLECTION_FILE}: give the content folder with --root")
    collection, findings = load_collection(root / COLLECTION_FILE)
    if collection is None:
        raise ScaffoldError(f"{COLLECTION_FILE} has errors; run 'kiosk validate {root}' first")
    return collection


def _check_request(root: Path, exhibit_id: str, type_name: str, room: str, collection: Collection, registry) -> None:
    if not re.match(ID_PATTERN, exhibit_id):
        raise ScaffoldError(f"'{exhibit_id}' is not a valid exhibit id: {ID_HINT}")
    if (root / exhibit_id).exists():
        raise ScaffoldError(f"{root / exhibit_id} already exists: choose another id")
    if type_name not in registry:
        guess = did_you_mean(type_name, registry.names())
        raise ScaffoldError(f"unknown exhibit type '{type_name}'. {guess} Known types: {', '.join(registry.names())}")
    if collection.room(room) is None:
        rooms = [r.id for r in collection.rooms]
        raise ScaffoldError(f"the room '{room}' is not in {COLLECTION_FILE}. {did_you_mean(room, rooms)} "
                            f"Rooms: {', '.join(rooms)}")


def render_template(template: str, room: str, languages: tuple[str, ...]) -> str:
    """Fill in the room and write each fr/en example pair out for ``languages``."""
    lines = template.replace("__ROOM__", room).splitlines()
    out: list[str] = []
    i = 0
    while i < len(lines):
        fr, en = _FR_LINE.match(lines[i]), _EN_LINE.match(lines[i + 1]) if i + 1 < len(lines) else None
        if fr and en:
            indent, dash = fr.group(1), fr.group(2) or ""
            for n, code in enumerate(languages):
                prefix = dash if n == 0 else " " * len(dash)
                out.append(f"{indent}{prefix}{code}: {fr.group(3) if code == 'fr' else en.group(2)}")
            i += 2
        else:
            out.append(lines[i])
            i += 1
    return "\n".join(out) + "\n"


def draw_placeholder(path: Path, label: str) -> None:
    """A plain grey picture that says what to do with it."""
    image = Image.new("RGB", (1200, 800), "#D9D4CA")
    draw = ImageDraw.Draw(image)
    draw.rectangle((20, 20, 1179, 779), outline="#6B655C", width=8)
    draw.line((20, 20, 1179, 779), fill="#B5AFA5", width=4)
    draw.line((20, 779, 1179, 20), fill="#B5AFA5", width=4)
    draw.text((60, 60), f"{label}: replace me / remplacez-moi", fill="#1F1A17", font_size=48)
    image.save(path, optimize=True)
