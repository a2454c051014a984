"""JSON Schemas for ``exhibit.yaml``, ``collection.yaml`` and path files, made from the field specifications.

Editors that speak the YAML language server (VS Code, VSCodium, …) use them for completion
and checks while a curator types, given a first line such as::

    # yaml-language-server: $schema=../_schemas/exhibit.schema.json

The validator stays the authority: it also checks files, links and translations.
"""

from __future__ import annotations

import json
from pathlib import Path

from kiosk.content.collection import COLLECTION_FIELDS
from kiosk.content.fields import COMMON_FIELDS
from kiosk.content.guided_paths import PATH_FIELDS
from kiosk.content.spec import object_schema
from kiosk.files import write_atomic

DRAFT = "http://json-schema.org/draft-07/schema#"


def collection_schema() -> dict:
    schema = object_schema(COLLECTION_FIELDS)
    return {"$schema": DRAFT, "title": "collection.yaml (Musée du Kapitalisme kiosk)", **schema}


def path_schema() -> dict:
    """A guided tour or book workshop, ``paths/<id>.yaml``."""
    schema = object_schema(PATH_FIELDS)
    return {"$schema": DRAFT, "title": "paths/<id>.yaml: a guided path or workshop (Musée du Kapitalisme kiosk)", **schema}


def exhibit_schema(registry) -> dict:
    """Common fields plus every type's fields; each type's required fields apply to that type only.

    Two types may give one name different shapes (``players`` is a list in ``commons``, a
    ``{min, max}`` mapping in ``roleplay``): the field then accepts any of them, and each
    type's rule holds its own shape.
    """
    fields = {f.name: f for f in COMMON_FIELDS}
    shapes: dict[str, list[dict]] = {}
    for exhibit_type in registry:
        for f in exhibit_type.fields:
            fields.setdefault(f.name, f)
            if f.kind.schema() not in shapes.setdefault(f.name, []):
                shapes[f.name].append(f.kind.schema())
    schema = object_schema(tuple(fields.values()))
    shared = {name for name, found in shapes.items() if len(found) > 1}
    for name in sorted(shared):
        described = {"description": fields[name].doc} if fields[name].doc else {}
        schema["properties"][name] = {"anyOf": shapes[name], **described}
    schema["required"] = [f.name for f in COMMON_FIELDS if f.required]
    schema["properties"]["type"]["enum"] = list(registry.names())
    schema["allOf"] = [_type_rule(t, shared) for t in registry
                       if any(f.required or f.name in shared for f in t.fields)]
    return {"$schema": DRAFT, "title": "exhibit.yaml (Musée du Kapitalisme kiosk)", **schema}


def _type_rule(exhibit_type, shared: set[str]) -> dict:
    then: dict = {"required": [f.name for f in exhibit_type.fields if f.required]}
    own = {f.name: f.kind.schema() for f in exhibit_type.fields if f.name in shared}
    if own:
        then["properties"] = own
    return {"if": {"properties": {"type": {"const": exhibit_type.name}}, "required": ["type"]}, "then": then}


def write_schemas(out: Path, registry) -> list[Path]:
    """Write the schemas into ``out``; returns the files written."""
    out.mkdir(parents=True, exist_ok=True)
    written = []
    schemas = (("exhibit.schema.json", exhibit_schema(registry)), ("collection.schema.json", collection_schema()),
               ("path.schema.json", path_schema()))
    for name, schema in schemas:
        path = out / name
        write_atomic(path, json.dumps(schema, indent=2, ensure_ascii=False) + "\n")
        written.append(path)
    return written
