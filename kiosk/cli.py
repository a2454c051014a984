"""The ``kiosk`` command.

::

    kiosk validate [PATH] [--json]      check a content folder or one exhibit
    kiosk schema [--out DIR]            write JSON Schemas for editors
    kiosk new ID --type T --room R      start a new exhibit folder
    kiosk run [--content PATH]          start the kiosk on a content folder

Exit status: 0 when all is well, 1 when the content has errors, 2 for a usage mistake.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from pathlib import Path

DEFAULT_CONTENT = Path("exhibits")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="kiosk", description="Musée du Kapitalisme kiosk: exhibits from content folders.")
    parser.add_argument("-v", "--verbose", action="store_true", help="log more")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    validate = commands.add_parser("validate", help="check a content folder or one exhibit folder")
    validate.add_argument("path", nargs="?", type=Path, default=DEFAULT_CONTENT, help="content folder (default: exhibits)")
    validate.add_argument("--json", action="store_true", help="print the findings and summary as JSON")
    validate.set_defaults(handler=cmd_validate)

    schema = commands.add_parser("schema", help="write JSON Schemas for exhibit.yaml and collection.yaml")
    schema.add_argument("--out", type=Path, default=Path("_schemas"), help="folder to write to (default: _schemas)")
    schema.set_defaults(handler=cmd_schema)

    new = commands.add_parser("new", help="start a new exhibit folder that validates at once")
    new.add_argument("id", help="the exhibit id, which is also its folder name (e.g. alternatives-cafe)")
    new.add_argument("--type", required=True, help="panel, gallery, quiz, timeline or compare")
    new.add_argument("--room", required=True, help="a room id from collection.yaml")
    new.add_argument("--root", type=Path, default=DEFAULT_CONTENT, help="content folder (default: exhibits)")
    new.set_defaults(handler=cmd_new)

    run = commands.add_parser("run", help="start the kiosk")
    run.add_argument("--content", type=Path, default=DEFAULT_CONTENT, help="content folder (default: exhibits)")
    run.set_defaults(handler=cmd_run)
    return parser


def cmd_validate(args) -> int:
    from kiosk.content.findings import display_path
    from kiosk.content.loader import load_content
    from kiosk.content.report import format_summary, report_dict, summarize

    logging.getLogger("kiosk.content.loader").setLevel(logging.ERROR)  # the findings below say it all
    content = load_content(args.path)
    if args.json:
        print(json.dumps(report_dict(content), indent=2, ensure_ascii=False))
    else:
        for finding in content.findings:
            print(finding.format())
        print(format_summary(summarize(content)))
    if not content.ok:
        print(f"{display_path(args.path)}: content has errors; the kiosk will skip the exhibits that have them.",
              file=sys.stderr)
    return 0 if content.ok else 1


def cmd_schema(args) -> int:
    from kiosk.content.schema_export import write_schemas
    from kiosk.exhibit_types import default_registry

    for path in write_schemas(args.out, default_registry()):
        print(f"wrote {path}")
    return 0


def cmd_new(args) -> int:
    from kiosk.content.loader import load_content
    from kiosk.content.scaffold import ScaffoldError, new_exhibit
    from kiosk.exhibit_types import default_registry

    try:
        folder = new_exhibit(args.root, args.id, args.type, args.room, default_registry())
    except ScaffoldError as exc:
        print(f"kiosk new: {exc}", file=sys.stderr)
        return 2
    print(f"created {folder}: edit {folder / 'exhibit.yaml'}, then run 'kiosk validate {folder}'")
    for finding in load_content(folder).findings:
        print(finding.format())
    return 0


def cmd_run(args) -> int:
    """Until the visitor screens exist, running the kiosk loads and summarises the exhibition."""
    from kiosk.content.loader import load_content
    from kiosk.content.report import format_summary, summarize

    content = load_content(args.content)
    if content.collection is None:
        for finding in content.findings:
            print(finding.format(), file=sys.stderr)
        return 1
    print(format_summary(summarize(content)))
    for result in content.skipped:
        print(f"skipped: {result.id} ({sum(f.is_error for f in result.findings)} errors; see 'kiosk validate')")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    if not getattr(args, "handler", None):
        parser.print_help()
        return 2
    return args.handler(args)
