"""The ``kiosk stats`` command: read, purge and merge the anonymous visit statistics::

    kiosk stats [--since 2026-03-01] [--venue "Lille 2026-03-12"] [--db stats.db]   a summary table
    kiosk stats purge [--older-than 730] [--db stats.db]       delete old events (default: two years)
    kiosk stats merge kiosk-1.db kiosk-2.db -o all.db          several kiosks in one file, nothing twice

The default file is ``stats.db`` in the kiosk's data folder. Exit status: 0 when all is
well, 1 when the file is missing or refused (the reason and what to do go to stderr),
2 for a usage mistake.
"""

from __future__ import annotations

import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

from kiosk.stats.store import DEFAULT_RETENTION_DAYS, StatsError, default_stats_path
from kiosk.stats.text import plural


def cmd_stats(args) -> int:
    """Dispatch ``kiosk stats [purge|merge]``."""
    action = getattr(args, "stats_action", None)
    handler = {None: show_summary, "purge": purge_old, "merge": merge}[action]
    try:
        return handler(args)
    except StatsError as exc:
        print(f"kiosk stats{' ' + action if action else ''}: {exc}", file=sys.stderr)
        return 1


def show_summary(args) -> int:
    from kiosk.stats.query import summarize
    from kiosk.stats.text import format_summary

    path = _existing(args.db)
    summary = summarize(path, since=args.since, venue=args.venue)
    if summary.events:
        print(format_summary(summary, source=path), end="")
    else:
        print(_nothing_recorded(path, args))
    return 0


def purge_old(args) -> int:
    from kiosk.stats.store import purge

    days = DEFAULT_RETENTION_DAYS if args.older_than is None else args.older_than
    if days < 1:
        print(f"kiosk stats purge: --older-than takes a number of days, 1 or more, not {days}", file=sys.stderr)
        return 2
    path = _existing(args.db)
    removed = purge(path, days, vacuum=True)
    cutoff = (datetime.now(timezone.utc) - timedelta(days=days)).date()
    events = plural("{n} event", "{n} events", removed).format(n=removed)
    older = plural("{n} day", "{n} days", days).format(n=days)
    print(f"removed {events} recorded before {cutoff} (older than {older}) from {path}")
    return 0


def merge(args) -> int:
    from kiosk.stats.merge import merge_files

    result = merge_files(args.inputs, args.out)
    for path, added in result.added.items():
        print(f"{path}: " + plural("{n} new event", "{n} new events", added).format(n=added))
    for path in result.skipped:
        print(f"{path}: skipped, it is the output itself")
    print(f"{result.output} now holds " + plural("{n} event", "{n} events", result.total).format(n=result.total))
    return 0


def _existing(db: Path | None) -> Path:
    """The file to read: ``--db`` or the kiosk's own; StatsError when it does not exist."""
    path = Path(db) if db else default_stats_path()
    if not path.is_file():
        hint = "give the right file with --db PATH" if db else \
            "the kiosk creates it when it runs; on another computer, give the file with --db PATH"
        raise StatsError(f"there is no statistics file at {path}: {hint}")
    return path


def _nothing_recorded(path: Path, args) -> str:
    from kiosk.stats.query import recorded_venues

    venues = recorded_venues(path)
    if not venues:
        return f"Nothing recorded yet in {path}: the kiosk records visits as they happen."
    wanted = " and ".join(part for part in (f"at venue '{args.venue}'" if args.venue is not None else "",
                                            f"since {args.since}" if args.since else "") if part)
    names = ", ".join(f"'{venue}'" for venue in venues)
    return f"Nothing recorded in {path} {wanted}. Venues recorded: {names}."
