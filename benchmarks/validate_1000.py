"""How long does validating 1,000 exhibits take? (target: ≤ 2 s on the reference machine)

Generates a content root with 1,000 exhibits of the five types (each with one small image
and a link, texts in fr/en and headlines in de), then prints:

- the time of ``load_content`` (the full validation: YAML, fields, images, links, translations);
- the time of plain ``yaml.load`` with the same (C) loader on the same manifests, for scale.

Run: ``python benchmarks/validate_1000.py [--count N] [--repeat R]``. Each figure is the best of R runs.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

import yaml
from PIL import Image

from kiosk.content import links, media
from kiosk.content.loader import load_content
from kiosk.exhibit_types import default_registry

COLLECTION = """schema: 1
title: {fr: Banc d'essai, en: Benchmark}
languages: [fr, en, de]
default_language: fr
partial_languages: [de]
rooms:
  - {id: origines, title: {fr: Origines, en: Origins, de: Ursprünge}, colour: "#8C2F39"}
  - {id: alternatives, title: {fr: Alternatives, en: Alternatives, de: Alternativen}, colour: "#2E6B3F"}
"""
HEAD = """schema: 1
type: {type}
room: {room}
order: {n}
title: {{fr: "Exposition {n}", en: "Exhibit {n}", de: "Ausstellung {n}"}}
summary: {{fr: "Un résumé de l'exposition {n}.", en: "A summary of exhibit {n}.", de: "Eine Zusammenfassung."}}
images:
  - file: picture.png
    alt: {{fr: Une image., en: A picture.}}
    credit: "CC BY-SA 4.0"
    caption: {{fr: Une légende., en: A caption.}}
  - file: picture.png
    alt: {{fr: La même image., en: The same picture.}}
    credit: "CC BY-SA 4.0"
    caption: {{fr: Une légende., en: A caption.}}
links:
  - url: https://www.le-mes.org/
    label: {{fr: Le MES, en: The MES}}
tags: [livre, test]
facilitator_notes: {{fr: Des notes pour le groupe., en: Notes for the group.}}
"""
BODY = 'body:\n  fr: "## Titre\\n\\nUn texte **en gras** et une liste :\\n\\n- un\\n- deux\\n"\n  en: "## Title\\n\\nSome **bold** text.\\n"\n'
EXTRA = {
    "panel": BODY,
    "gallery": "",
    "quiz": "questions:\n" + "".join(f"""  - question: {{fr: "Question {i} ?", en: "Question {i}?"}}
    answers: [{{fr: Oui, en: "Yes"}}, {{fr: Non, en: "No"}}, {{fr: Peut-être, en: Maybe}}]
    correct: 2
    explanation: {{fr: Parce que., en: Because.}}
""" for i in range(5)),
    "timeline": "events:\n" + "".join(f"""  - date: "{1800 + 10 * i}/{1805 + 10 * i}"
    title: {{fr: "Événement {i}", en: "Event {i}"}}
    text: {{fr: Ce qui s'est passé., en: What happened.}}
""" for i in range(8)),
    "compare": """prompt: {fr: "Quelle différence ?", en: "What difference?"}
left: {title: {fr: Gauche, en: Left}, text: {fr: Un côté., en: One side.}}
right: {title: {fr: Droite, en: Right}, text: {fr: L'autre côté., en: The other side.}}
""",
}


def make_root(folder: Path, count: int) -> list[Path]:
    (folder / "collection.yaml").write_text(COLLECTION, encoding="utf-8")
    types = list(EXTRA)
    manifests = []
    for n in range(count):
        exhibit_type = types[n % len(types)]
        exhibit = folder / f"exhibit-{n:04d}"
        exhibit.mkdir()
        text = HEAD.format(type=exhibit_type, room=("origines", "alternatives")[n % 2], n=n) + EXTRA[exhibit_type]
        (exhibit / "exhibit.yaml").write_text(text, encoding="utf-8")
        Image.new("RGB", (320, 200), (n % 256, 80, 120)).save(exhibit / "picture.png")
        manifests.append(exhibit / "exhibit.yaml")
    return manifests


def cold(action):
    """Run ``action`` with the per-process caches emptied, as at the kiosk's start."""
    media._decode_problems.cache_clear()
    links.qr_version.cache_clear()
    return action()


def best_of(repeat: int, action) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    registry = default_registry()
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    with tempfile.TemporaryDirectory() as temporary:
        root = Path(temporary)
        manifests = make_root(root, args.count)
        content = load_content(root, registry)
        assert len(content.exhibits) == args.count, [f.format() for f in content.findings[:5]]
        validate = best_of(args.repeat, lambda: cold(lambda: load_content(root, registry)))
        warm = best_of(args.repeat, lambda: load_content(root, registry))
        plain = best_of(args.repeat, lambda: [yaml.load(p.read_text(encoding="utf-8"), Loader=loader) for p in manifests])
    print(f"exhibits:                    {args.count}")
    print(f"full validation, cold:       {validate:.2f} s ({validate / args.count * 1000:.2f} ms per exhibit)")
    print(f"again in the same process:   {warm:.2f} s (images and QR sizes already checked)")
    print(f"plain YAML parsing ({loader.__name__}): {plain:.2f} s")
    print(f"validation / plain parsing:  {validate / plain:.1f}x")
    print(f"target:                      ≤ 2.00 s -> {'met' if validate <= 2.0 else 'NOT met'}")


if __name__ == "__main__":
    main()
