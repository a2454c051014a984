"""The ``schema`` line of a content file: which version of the format it is written in.

Each kind of file (``collection.yaml``, ``exhibit.yaml``, ``paths/*.yaml``) keeps a table
from version to loader, and reads its data through :func:`load_version`::

    _LOADERS = {1: _from_dict_v1}
    item, findings = load_version(doc.data, ctx, _LOADERS, folder, collection, registry)
    # calls _from_dict_v1(doc.data, folder, collection, registry, ctx)

A ``schema`` that is missing, not a whole number, or a version without a loader gives a
finding instead (:func:`unknown_schema`, unless the file kind has its own) and
``(None, findings)``. A new version of a format is one more loader in its table.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from kiosk.content.findings import Finding
from kiosk.content.spec import Context, Field, NumberKind

SCHEMA_FIELD = Field("schema", NumberKind(1, 1), required=True, doc="The format version: 1.")

Loader = Callable[..., tuple[Any, list[Finding]]]  # (data, *details, ctx) → (item or None, findings)


def load_version(data: dict, ctx: Context, loaders: Mapping[int, Loader], *details,
                 unknown: Callable[[dict, Context, Mapping[int, Loader]], None] | None = None):
    """The item and findings of the loader for ``data``'s schema version, given ``*details`` then ``ctx``."""
    schema = data.get("schema")
    loader = loaders.get(schema) if isinstance(schema, int) and not isinstance(schema, bool) else None
    if loader is None:
        (unknown or unknown_schema)(data, ctx, loaders)
        return None, ctx.findings
    return loader(data, *details, ctx)


def unknown_schema(data: dict, ctx: Context, loaders: Mapping[int, Loader]) -> None:
    """The finding for a file whose ``schema`` line is missing or names a version this kiosk lacks."""
    newest = max(loaders)
    if "schema" not in data:
        ctx.error((), "'schema' is missing in this file", f"add a line 'schema: {newest}' at the top")
    else:
        known = ", ".join(str(version) for version in sorted(loaders))
        ctx.error(("schema",), f"schema {data['schema']!r} is not known to this kiosk (it knows {known})",
                  f"update the kiosk, or write 'schema: {newest}'")
