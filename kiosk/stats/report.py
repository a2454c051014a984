"""The attendance report for funders: ``kiosk report --out report.pdf``, a PDF in French or English.

::

    summary = summarize(data_dir() / "stats.db", since=date(2025, 3, 1), venue=None)
    pages = write_report(summary, Path("report.pdf"), lang="fr", titles={"alternatives-amap": "AMAP : …"})

Page 1 holds the title, the period, the venues, the date the report was made, the key
figures and a note on method and privacy. The charts follow (:mod:`kiosk.charts`:
visits per day, exhibits by attention, languages, QR hand-offs per link, quiz success per
question), each with a sentence that says what it shows in words, then one table per poll.
A chart with nothing to show is replaced by one sentence. A period without any record
gives a single page that says so.

Every text of the report, in both languages, is in :mod:`kiosk.stats.report_texts` (these
are not kiosk UI strings, so they are not in the gettext catalogues); what each section says
is worked out in :mod:`kiosk.stats.report_sections` and laid out on A4 pages by
:mod:`kiosk.stats.report_pdf`. The PDF embeds the bundled Noto Sans fonts, so accents and
“quotes” print as typed, and it is written atomically (:mod:`kiosk.files`).
"""

from __future__ import annotations

import logging
import sys
from datetime import date, datetime
from pathlib import Path

from fpdf import FPDF

from kiosk.files import write_atomic
from kiosk.stats.model import StatsSummary
from kiosk.stats.report_pdf import ReportError, ReportPdf
from kiosk.stats.report_sections import PollWording, chart_sections, is_empty, period_bounds
from kiosk.stats.report_texts import TEXTS, Words

logger = logging.getLogger(__name__)


def write_report(summary: StatsSummary, out: Path, lang: str = "fr", titles: dict[str, str] | None = None,
                 polls: dict[str, PollWording] | None = None, made: datetime | None = None) -> int:
    """Write the report to ``out`` (atomically) and return its number of pages.

    ``titles`` maps exhibit ids to titles (ids are shown without it); ``polls`` gives each
    poll's wording (else "Option 1", "Option 2"…); ``made`` defaults to now.
    """
    pdf = build_report(summary, lang, titles or {}, polls or {}, made or datetime.now().astimezone())
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(out, bytes(pdf.output()))
    return pdf.pages_count


def build_report(summary: StatsSummary, lang: str, titles: dict[str, str], polls: dict[str, PollWording],
                 made: datetime) -> FPDF:
    if lang not in TEXTS:
        raise ReportError(f"no report texts in '{lang}': choose {' or '.join(TEXTS)}")
    words = Words(lang)
    pdf = ReportPdf(words)
    pdf.front_page(summary, made)
    if not is_empty(summary):
        pdf.add_page()
        for section in chart_sections(summary, words, titles):
            pdf.chart(*section)
        pdf.poll_tables(summary, titles, polls)
    return pdf


def content_wording(root: Path, lang: str) -> tuple[dict[str, str], dict[str, PollWording]]:
    """Exhibit titles and poll wordings in ``lang`` (falling back to the collection's default language)."""
    from kiosk.content.loader import load_content

    content = load_content(root)
    if not content.exhibits:
        logger.warning("No exhibit could be read from %s: the report names exhibits by their ids", root)
    fallbacks = (content.collection.languages.default if content.collection else "fr", "fr", "en")
    titles = {m.id: m.title.get(lang, fallbacks) for m in content.exhibits}
    polls = {m.id: PollWording(m.details.question.get(lang, fallbacks),
                               tuple(option.get(lang, fallbacks) for option in m.details.options))
             for m in content.exhibits if m.type == "poll"}
    return titles, polls


def summarize(db: Path, since: date | None, venue: str | None) -> StatsSummary:
    """The store's summary (a seam: the report's tests give their own summary, with no database)."""
    from kiosk.stats.query import summarize as read_summary

    return read_summary(db, since=since, venue=venue)


def _fleet_statistics() -> Path | None:
    """The fleet's kiosks' statistics merged into one file beside the fleet's (made afresh), or None, said why."""
    from kiosk.fleet.fleet import Fleet
    from kiosk.fleet.status import fleet_stats, merge_fleet_stats
    from kiosk.folders import data_dir

    fleet = Fleet.load(data_dir())
    if fleet is None or fleet.role != "coordinator":
        print("kiosk report --fleet: this machine is not a fleet's coordinator ('kiosk fleet init --role "
              "coordinator')", file=sys.stderr)
        return None
    if not fleet_stats(fleet):
        print("kiosk report --fleet: no kiosk's statistics have arrived yet ('kiosk fleet status')", file=sys.stderr)
        return None
    return merge_fleet_stats(fleet, fleet.folder / "fleet-stats.db")


def cmd_report(args) -> int:
    """``kiosk report --out FILE.pdf [--lang fr|en] [--since YYYY-MM-DD] [--venue V] [--db PATH]``."""
    from kiosk.folders import default_content_path
    from kiosk.stats.store import StatsError, default_stats_path

    db = Path(args.db) if args.db else default_stats_path()
    if getattr(args, "fleet", False):
        db = _fleet_statistics()
        if db is None:
            return 1
    if not db.is_file():
        print(f"kiosk report: there is no statistics file at {db}: the kiosk creates it when it runs; "
              "on another computer, give the file with --db PATH", file=sys.stderr)
        return 1
    try:
        summary = summarize(db, args.since, args.venue)
    except StatsError as exc:
        print(f"kiosk report: {exc}", file=sys.stderr)
        return 1
    logging.getLogger("kiosk.content").setLevel(logging.ERROR)  # a faulty exhibit only loses its title here
    titles, polls = content_wording(default_content_path(), args.lang)
    try:
        pages = write_report(summary, args.out, args.lang, titles, polls)
    except (OSError, ReportError) as exc:
        print(f"kiosk report: cannot write {args.out}: {exc}", file=sys.stderr)
        return 1
    first, last = period_bounds(summary)
    period = f"{first} to {last}" if first and last else \
        " ".join(f"{word} {day}" for word, day in (("from", first), ("until", last)) if day) or "no dated visit"
    print(f"{args.out}: {pages} page{'s' if pages > 1 else ''}, {period}")
    return 0
