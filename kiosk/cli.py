"""The ``kiosk`` command.

::

    kiosk validate [PATH] [--json]      check a content folder or one exhibit
    kiosk schema [--out DIR]            write JSON Schemas for editors
    kiosk new ID --type T --room R      start a new exhibit folder
    kiosk run [--content PATH]          start the kiosk on a content folder
    kiosk snapshot --out DIR            PNGs of every screen (kiosk proof adds a contact sheet)
    kiosk proof [PATH] --out DIR        proof sheets: PNGs + one HTML contact sheet per language
    kiosk preview EXHIBIT_DIR           one exhibit in a window, reloaded on every save
    kiosk narrate PATH --lang fr        a synthetic reading (espeak-ng) with captions, into the exhibit folder
    kiosk bundle PATH -o FILE.zip       a verified content bundle, for a USB stick
    kiosk install-bundle FILE.zip       verify, unpack, validate and switch it live atomically
    kiosk rollback                      put the previous content back live
    kiosk set-pin                       set the facilitator's PIN (asked twice, or read from stdin)
    kiosk reach --screen-height MM --bottom MM   where the screen hangs: the "within reach" mode's part of it
    kiosk doctor [--lang fr]            a checklist for a new venue: what is wrong and how to fix it
    kiosk backoff                       wait before a restart when the kiosk keeps failing (the service runs it)
    kiosk report --out FILE.pdf         the anonymous visit statistics as a PDF for funders (--lang en)
    kiosk stats [--since D] [--venue V] the anonymous visit statistics as a table (also: purge, merge)

Exit status: 0 when all is well, 1 when the content has errors, 2 for a usage mistake.
"""

from __future__ import annotations

import argparse
import importlib
import json
import logging
import sys
from pathlib import Path

from kiosk.folders import default_content_path
from kiosk.visit.access import MODES as ACCESS_MODES


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="kiosk", description="Musée du Kapitalisme kiosk: exhibits from content folders.")
    parser.add_argument("-v", "--verbose", action="store_true", help="log more")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    for add_commands in (_content_commands, _screen_commands, _bundle_commands, _fleet_commands,
                         _facilitator_commands, _statistics_commands):
        add_commands(commands)
    return parser


def _content_commands(commands) -> None:
    """For curators: check a content folder, editor schemas, a new exhibit."""
    validate = commands.add_parser("validate", help="check a content folder or one exhibit folder")
    validate.add_argument("path", nargs="?", type=Path, default=default_content_path(), help="content folder (default: $KIOSK_CONTENT or exhibits)")
    validate.add_argument("--json", action="store_true", help="print the findings and summary as JSON")
    validate.set_defaults(handler=cmd_validate)

    schema = commands.add_parser("schema", help="write JSON Schemas for exhibit.yaml and collection.yaml")
    schema.add_argument("--out", type=Path, default=Path("_schemas"), help="folder to write to (default: _schemas)")
    schema.set_defaults(handler=cmd_schema)

    new = commands.add_parser("new", help="start a new exhibit folder that validates at once")
    new.add_argument("id", help="the exhibit id, which is also its folder name (e.g. alternatives-cafe)")
    new.add_argument("--type", required=True, help="panel, gallery, quiz, timeline, compare, poll, wall, commons "
                     "or roleplay (or a type from an installed plugin)")
    new.add_argument("--room", required=True, help="a room id from collection.yaml")
    new.add_argument("--root", type=Path, default=default_content_path(), help="content folder (default: $KIOSK_CONTENT or exhibits)")
    new.set_defaults(handler=cmd_new)


def _screen_commands(commands) -> None:
    """What opens a window (or draws one off-screen): the kiosk, snapshots, proofs, the preview."""
    run = commands.add_parser("run", help="start the kiosk (windowed; --kiosk for full screen and locked down)")
    _add_display_options(run)
    run.add_argument("--kiosk", action="store_true", help="full screen, locked down: no exit, no cursor")
    run.add_argument("--lang", help="start directly in this language (skips attract and language choice)")
    run.add_argument("--quit-after", type=float, metavar="SECONDS", help="stop this long after the first frame is drawn (smoke tests)")
    run.set_defaults(handler=_elsewhere("kiosk.gui.run:cmd_run"))

    snapshot = commands.add_parser("snapshot", help="write PNGs of every screen, exhibit, step and language")
    _add_display_options(snapshot)
    snapshot.add_argument("--out", type=Path, required=True, help="folder for the PNG files")
    snapshot.add_argument("--lang", action="append", help="only these languages (repeat the option)")
    snapshot.add_argument("--only", action="append", help="only these exhibit ids (repeat the option)")
    snapshot.add_argument("--access", action="append", choices=ACCESS_MODES,
                          help="draw every screen in this visitor access mode (repeat the option)")
    snapshot.add_argument("--second-language", default="", metavar="CODE",
                       help="draw every visitor screen with content texts in this second language too")
    snapshot.set_defaults(handler=_elsewhere("kiosk.gui.curator.snapshot:cmd_snapshot"))

    proof = commands.add_parser("proof", help="proof sheets: every exhibit, step and language, with findings")
    proof.add_argument("path", nargs="?", type=Path, default=default_content_path(), help="content folder (default: $KIOSK_CONTENT or exhibits)")
    proof.add_argument("--out", type=Path, required=True, help="folder for the PNG files and contact sheets")
    proof.add_argument("--size", type=_size, help="screen size, e.g. 1920x1080 (default)")
    proof.add_argument("--lang", action="append", help="only these languages (repeat the option)")
    proof.add_argument("--only", action="append", help="only these exhibit ids (repeat the option)")
    proof.add_argument("--access", action="append", choices=ACCESS_MODES,
                       help="draw every screen in this visitor access mode (repeat the option)")
    proof.add_argument("--second-language", default="", metavar="CODE",
                       help="draw every visitor screen with content texts in this second language too")
    proof.set_defaults(handler=_elsewhere("kiosk.gui.curator.proof:cmd_proof"))

    preview = commands.add_parser("preview", help="show one exhibit in a window and reload it on every save")
    preview.add_argument("exhibit", type=Path, help="the exhibit folder (inside a content folder)")
    preview.add_argument("--size", type=_size, help="window size, e.g. 1280x800")
    preview.add_argument("--lang", help="the language to show first")
    preview.set_defaults(handler=_elsewhere("kiosk.gui.curator.preview:cmd_preview"))

    narrate = commands.add_parser("narrate", help="a synthetic reading of an exhibit (espeak-ng, offline), with "
                                  "captions, into its folder; never replaces a recording")
    narrate.add_argument("path", type=Path, help="an exhibit folder, or a content folder for all its exhibits")
    narrate.add_argument("--lang", action="append", help="the language to read (repeat; default: the collection's)")
    narrate.set_defaults(handler=_elsewhere("kiosk.narrate:cmd_narrate"))
    printing = commands.add_parser("print", help="print-ready PDFs: exhibit cards (A5), room posters (A3), and a "
                                   "participant's handout and a facilitator's booklet per workshop (A4)")
    printing.add_argument("path", type=Path, nargs="?", default=default_content_path(),
                          help="the content folder (default: $KIOSK_CONTENT or exhibits)")
    printing.add_argument("--out", type=Path, required=True, help="the folder to write them in (a folder per language)")
    printing.add_argument("--lang", action="append", help="only this language (repeat; default: every one)")
    printing.add_argument("--only", action="append", choices=("cards", "posters", "handouts", "booklets"),
                          help="only these (repeat)")
    printing.add_argument("--quiet", action="store_true", help="no progress bar")
    printing.set_defaults(handler=_elsewhere("kiosk.printing.make:cmd_print"))


def _bundle_commands(commands) -> None:
    """Carrying content to a kiosk: make, install and roll back bundles."""
    bundle = commands.add_parser("bundle", help="validate a content folder and pack it into a verified zip")
    bundle.add_argument("path", type=Path, help="the content folder")
    bundle.add_argument("-o", "--out", type=Path, required=True, help="the bundle to write (FILE.zip)")
    bundle.add_argument("--version", dest="bundle_version", help="a version a curator can read (default: date and time)")
    bundle.add_argument("--sign", type=Path, metavar="KEY", help="sign it with this private key ('kiosk keygen'): "
                        "kiosks that trust the key install only what it signed")
    bundle.set_defaults(handler=_elsewhere("kiosk.bundles.commands:cmd_bundle"))

    keygen = commands.add_parser("keygen", help="make a key pair to sign bundles: KEY (private, keep it safe) and "
                                 "KEY.pub (for the kiosks)")
    keygen.add_argument("key", type=Path, help="the private key file to write, e.g. mes-expo.key")
    keygen.set_defaults(handler=_elsewhere("kiosk.bundles.commands:cmd_keygen"))

    trust = commands.add_parser("trust", help="the keys whose signed bundles this kiosk installs (once there is one, "
                                "it installs nothing else)")
    trust.add_argument("key", nargs="?", help="a public key (ed25519:…) or a .pub file to trust; none: list them")
    trust.add_argument("--remove", metavar="FINGERPRINT", help="stop trusting the key with this fingerprint")
    trust.set_defaults(handler=_elsewhere("kiosk.bundles.commands:cmd_trust"))

    install = commands.add_parser("install-bundle", help="verify a bundle and make it the live content atomically")
    install.add_argument("bundle", type=Path, help="the bundle (FILE.zip)")
    install.add_argument("--target", type=Path, default=None,
                         help="the live content path (default: $KIOSK_CONTENT or exhibits)")
    install.set_defaults(handler=_elsewhere("kiosk.bundles.commands:cmd_install_bundle"))

    rollback = commands.add_parser("rollback", help="put the content that was live before the last install back")
    rollback.add_argument("--target", type=Path, default=None,
                          help="the live content path (default: $KIOSK_CONTENT or exhibits)")
    rollback.set_defaults(handler=_elsewhere("kiosk.bundles.commands:cmd_rollback"))


def _fleet_commands(commands) -> None:
    """Several kiosks and a coordinator over Syncthing (kiosk.fleet)."""
    fleet = commands.add_parser("fleet", help="several kiosks and a curator's laptop, kept in step by Syncthing: "
                                "content out, health and statistics back")
    actions = fleet.add_subparsers(dest="action", metavar="ACTION", required=True)
    init = actions.add_parser("init", help="make this machine the fleet's coordinator or one of its kiosks")
    init.add_argument("--role", choices=("coordinator", "kiosk"), required=True)
    init.add_argument("--name", required=True, help="a name people recognise: 'Salle des fêtes', 'Portable du MES'")
    init.add_argument("--api-port", type=int, default=8385, help="Syncthing's API port on the loopback (8385)")
    init.add_argument("--listen", action="append", metavar="ADDRESS",
                      help="where Syncthing listens, e.g. tcp://0.0.0.0:22000 (default: Syncthing's own)")
    init.add_argument("--lan-only", action="store_true", help="never across the internet (no relays, no global "
                      "discovery): the kiosks find each other on the hall's network only")
    actions.add_parser("id", help="this machine's device ID, as text and as a QR code, for pairing")
    add = actions.add_parser("add-kiosk", help="on the coordinator: send the content to a kiosk, take its reports")
    add.add_argument("device_id", help="the kiosk's device ID ('kiosk fleet id' on it, or its facilitator menu)")
    add.add_argument("--name", required=True, help="the kiosk's name, as its reports folder is named")
    add.add_argument("--address", action="append", help="where it is, e.g. tcp://192.168.1.31:22000 "
                     "(default: found on the network)")
    join = actions.add_parser("join", help="on a kiosk: take the content from the coordinator, send it the reports")
    join.add_argument("device_id", help="the coordinator's device ID ('kiosk fleet id' on it)")
    join.add_argument("--name", default="coordinator", help="the coordinator's name")
    join.add_argument("--address", action="append", help="where it is (default: found on the network)")
    publish = actions.add_parser("publish", help="on the coordinator: send a bundle to every kiosk")
    publish.add_argument("bundle", type=Path, help="a bundle from 'kiosk bundle' (signed: --sign KEY)")
    actions.add_parser("status", help="each kiosk: last seen, content, visits today, faults, free disk")
    update = actions.add_parser("update", help="on a kiosk: install a bundle that arrived and send the reports now")
    update.add_argument("--target", type=Path, help="the live content path (default: $KIOSK_CONTENT or exhibits)")
    actions.add_parser("serve", help="run Syncthing in the foreground (what the fleet's service runs)")
    actions.add_parser("leave", help="take this machine out of the fleet (its Syncthing keys and folders)")
    fleet.set_defaults(handler=_elsewhere("kiosk.fleet.commands:cmd_fleet"))


def _facilitator_commands(commands) -> None:
    set_pin = commands.add_parser("set-pin", help="set the facilitator's PIN (4 to 8 digits)")
    set_pin.set_defaults(handler=cmd_set_pin)
    reach = commands.add_parser("reach", help="where the screen hangs, measured in millimetres: the visitors' "
                                "'within reach' mode draws the screens in the part a seated visitor reaches")
    reach.add_argument("--screen-height", type=int, metavar="MM", help="the picture's visible height")
    reach.add_argument("--bottom", type=int, metavar="MM", help="the picture's lower edge above the floor")
    reach.add_argument("--reach-top", type=int, metavar="MM",
                       help="the highest point a hand must reach (default 1220: a wheelchair user)")
    reach.add_argument("--children", action="store_true",
                       help="young children come here: reach up to 1015 mm (children aged 5 to 8)")
    reach.add_argument("--forget", action="store_true", help="back to the defaults (not measured)")
    reach.set_defaults(handler=cmd_reach)
    doctor = commands.add_parser("doctor", help="a checklist for a new venue: screen, touch, content, fonts, "
                                 "PIN, clock, opening hours, restarts; exit 1 when something needs looking at")
    doctor.add_argument("--content", type=Path, default=default_content_path(),
                        help="content folder (default: $KIOSK_CONTENT or exhibits)")
    doctor.add_argument("--lang", help="the language to answer in (default: the facilitator's menu's)")
    doctor.set_defaults(handler=cmd_doctor)
    backoff = commands.add_parser("backoff", help="wait before a restart when the kiosk keeps failing "
                                  "(the installed service runs it before each start)")
    backoff.set_defaults(handler=cmd_backoff)


def _statistics_commands(commands) -> None:
    """The anonymous visit statistics: the funders' report, the table, purge and merge."""
    report = commands.add_parser("report", help="a PDF of the anonymous visit statistics, for funders")
    report.add_argument("--out", type=Path, required=True, help="the report to write (FILE.pdf)")
    report.add_argument("--lang", choices=("fr", "en"), default="fr", help="the report's language (default: fr)")
    report.add_argument("--since", type=_iso_date, help="only from this day on (YYYY-MM-DD)")
    report.add_argument("--venue", help="only this venue (default: every venue)")
    report.add_argument("--db", type=Path, help="the statistics file (default: stats.db in the kiosk's data folder)")
    report.add_argument("--fleet", action="store_true", help="on the fleet's coordinator: every kiosk's statistics "
                        "merged (nothing counted twice)")
    report.set_defaults(handler=_elsewhere("kiosk.stats.report:cmd_report"))

    stats = commands.add_parser("stats", help="the anonymous visit statistics as a table; purge or merge them",
                                usage="kiosk stats [--since YYYY-MM-DD] [--venue V] [--db PATH]\n"
                                      "       kiosk stats purge [--older-than DAYS] [--db PATH]\n"
                                      "       kiosk stats merge A.db B.db … -o all.db")
    stats.add_argument("--since", type=_iso_date, metavar="YYYY-MM-DD", help="only from this day on")
    stats.add_argument("--venue", help="only this venue (default: every venue)")
    stats.add_argument("--db", type=Path, metavar="PATH",
                       help="the statistics file (default: stats.db in the kiosk's data folder)")
    stats.set_defaults(handler=_elsewhere("kiosk.stats.commands:cmd_stats"))
    stats_actions = stats.add_subparsers(dest="stats_action", metavar="ACTION", prog="kiosk stats")
    purge = stats_actions.add_parser("purge", help="delete the events older than the retention period")
    purge.add_argument("--older-than", type=int, metavar="DAYS", help="retention in days (default: 730, two years)")
    purge.add_argument("--db", type=Path, metavar="PATH", default=argparse.SUPPRESS, help="the statistics file")
    merge = stats_actions.add_parser("merge", help="combine several kiosks' files into one, counting nothing twice")
    merge.add_argument("inputs", nargs="+", type=Path, help="the statistics files to add (A.db B.db …)")
    merge.add_argument("-o", "--out", type=Path, required=True, help="the file to add them to (created if missing)")


def _add_display_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--content", type=Path, default=default_content_path(), help="content folder (default: $KIOSK_CONTENT or exhibits)")
    parser.add_argument("--size", type=_size, help="window size, e.g. 1920x1080")


def _size(text: str) -> tuple[int, int]:
    try:
        width, height = (int(part) for part in text.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a size like 1920x1080") from None
    if not (200 <= width <= 8000 and 200 <= height <= 8000):
        raise argparse.ArgumentTypeError(f"'{text}' is not a sensible screen size")
    return width, height


def _iso_date(text: str):
    from datetime import date

    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date like 2025-03-01") from None


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
        for line in disabled_plugins():
            print(line)
        print(format_summary(summarize(content)))
    if not content.ok:
        print(f"{display_path(args.path)}: content has errors; the kiosk will skip the exhibits that have them.",
              file=sys.stderr)
    return 0 if content.ok else 1


def disabled_plugins() -> list[str]:
    """One line per exhibit type plugin that failed to load, with its error (for the curator)."""
    from kiosk.exhibit_types import default_registry

    return [f"plugin '{name}': warning: failed to load, its exhibit types are not available: {error} "
            f"(reinstall or fix the package that provides it)"
            for name, error in sorted(default_registry().disabled.items())]


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


def _elsewhere(target: str):
    """A handler kept in its own module ("package.module:function"), imported only when its command runs."""
    module, _, name = target.partition(":")

    def handler(args) -> int:
        return getattr(importlib.import_module(module), name)(args)

    return handler


def cmd_doctor(args) -> int:
    from kiosk.doctor import OK, Context, format_checks, run_checks, worst
    from kiosk.folders import data_dir
    from kiosk.i18n import catalog

    ctx = Context.gather(args.content, data_dir())
    ctx.language = args.lang or ctx.settings.facilitator_language
    _ = catalog(ctx.language).gettext
    checks = run_checks(ctx, _)
    print(_("Musée du Kapitalisme kiosk: checklist") + f" ({ctx.now:%Y-%m-%d %H:%M})")
    print(format_checks(checks, _))
    return 0 if worst(checks) == OK else 1


def cmd_backoff(args) -> int:
    import time

    from kiosk.folders import data_dir
    from kiosk.restarts import StartLog

    pause = StartLog(data_dir() / "starts.json").record()
    if pause:
        print(f"kiosk backoff: the kiosk restarted often in the last ten minutes; waiting {pause:.0f} s "
              "before starting it again (its earlier messages above say why it stopped)", file=sys.stderr)
        time.sleep(pause)
    return 0


def cmd_reach(args) -> int:
    """Show or set where the screen hangs (KioskSettings.reach); the share within reach follows from it."""
    from kiosk.facilitator.settings import KioskSettings
    from kiosk.visit.access import CHILD_REACH_MM

    try:
        settings = KioskSettings.load()
        if args.forget:
            settings.reach = None
        changes = {"screen_height_mm": args.screen_height, "bottom_mm": args.bottom,
                   "reach_top_mm": CHILD_REACH_MM if args.children else args.reach_top}
        changes = {key: value for key, value in changes.items() if value is not None}
        if changes:
            settings.reach = {**(settings.reach or {}), **changes}
        if changes or args.forget:
            settings.save()
    except (ValueError, OSError) as exc:
        print(f"kiosk reach: {exc}", file=sys.stderr)
        return 2 if isinstance(exc, ValueError) else 1
    mounting = settings.mounting
    measured = "measured" if settings.reach is not None else "not measured: the defaults"
    print(f"screen {mounting.screen_height_mm} mm high, its lower edge {mounting.bottom_mm} mm above the floor "
          f"({measured}); reach up to {mounting.reach_top_mm} mm")
    print(f"within reach, the screens use the lower {round(mounting.reachable_share() * 100)} % of the screen")
    if mounting.out_of_reach():
        print("the screen hangs too high: even its lowest part is out of reach; lower it", file=sys.stderr)
        return 1
    return 0


def cmd_set_pin(args) -> int:
    from kiosk.facilitator.pin import PinGuard
    from kiosk.facilitator.settings import KioskSettings

    try:
        pin = _read_new_pin()
        settings = KioskSettings.load()
        PinGuard(settings).set_pin(pin)
    except (ValueError, OSError) as exc:
        print(f"kiosk set-pin: {exc}", file=sys.stderr)
        return 1
    print(f"PIN saved in {settings.file}")
    return 0


def _read_new_pin() -> str:
    """The new PIN, typed twice at a terminal, or given on one line (or twice on two lines) on stdin."""
    if sys.stdin.isatty():
        import getpass

        try:
            pins = [getpass.getpass("New PIN (4 to 8 digits): "), getpass.getpass("The same PIN again: ")]
        except EOFError:
            raise ValueError("no PIN given; nothing was saved") from None
    else:
        pins = [line.strip() for line in sys.stdin.read().splitlines() if line.strip()]
    if not pins or len(pins) > 2:
        raise ValueError("give the PIN on one line, or twice on two lines; nothing was saved")
    if pins[0] != pins[-1]:
        raise ValueError("the two PINs differ; nothing was saved")
    return pins[0]


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command in ("run", "snapshot", "proof", "preview"):
        logging.getLogger("kiosk").setLevel(logging.INFO)  # Kivy's console handler prints it
        for chatty in ("PIL", "markdown_it", "watchdog"):  # their DEBUG lines would reach it too
            logging.getLogger(chatty).setLevel(logging.INFO)
    else:
        logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING,
                            format="%(levelname)s %(name)s: %(message)s")
    if not getattr(args, "handler", None):
        parser.print_help()
        return 2
    return args.handler(args)
