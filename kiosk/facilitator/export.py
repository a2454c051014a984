"""Exporting a facilitator's session records (polls, wall ideas, log) to a USB stick.

Workshops run in halls with no network, so the results go home on a stick. Plain Python,
no Kivy: the UI fills the dataclasses from its store, then::

    drives = removable_drives()                # or drive_at(folder_chosen_by_hand)
    data = ExportData("Atelier AMAP", "Salle des fêtes, Plougastel", datetime.now(),
                      polls=[PollResult("prix", "Qui fixe le prix ?", ["Le marché", "Nous"], [3, 9],
                                        "Plougastel")])
    try:
        folder = export_session(data, drives[0].mount_point)
    except ExportError as error:
        show(str(error))                       # or translate error.kind with error.details

Each export is a new folder ``kiosk-export-2024-05-18-1630/`` (``-2``, ``-3``… when that
name is taken: nothing is ever overwritten) holding ``polls.csv``, ``ideas.csv``,
``session-log.csv``, ``summary.html`` and one ``poll-<exhibit>.png`` per poll. Every file
is made in memory first, so the space needed is known before the stick is touched. They are
written into a hidden ``.kiosk-export-tmp-*`` folder, flushed to disk, and the folder is
renamed in one step: the stick shows a complete export or none. On failure the hidden folder
is removed (unless the stick is gone). The kiosk's own files are only read, never changed.

CSV files are UTF-8 with a byte-order mark, so spreadsheets on Windows show accents. A cell
of visitor text starting with ``= + - @`` gets a leading ``'`` so a spreadsheet never runs
it as a formula.
"""

from __future__ import annotations

import base64
import csv
import errno
import html
import io
import logging
import os
import re
import secrets
import shutil
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from kiosk.charts import poll_chart_png, vote_label
from kiosk.exhibit_types.poll.model import percentages
from kiosk.files import format_size, fsync_dir, write_atomic

logger = logging.getLogger(__name__)

MOUNTS_FILE = Path("/proc/self/mounts")
SYS_ROOT = Path("/sys")
MEDIA_ROOTS = (Path("/media"), Path("/run/media"))
SYSTEM_FOLDERS = frozenset({"boot", "efi", "etc", "home", "opt", "snap", "srv", "usr", "var"})
PSEUDO_FILESYSTEMS = frozenset({
    "autofs", "binfmt_misc", "bpf", "cgroup", "cgroup2", "configfs", "debugfs", "devpts", "devtmpfs",
    "efivarfs", "fusectl", "hugetlbfs", "mqueue", "nsfs", "overlay", "proc", "pstore", "ramfs",
    "rpc_pipefs", "securityfs", "selinuxfs", "squashfs", "sysfs", "tmpfs", "tracefs",
})
TEMPORARY_PREFIX = ".kiosk-export-tmp-"
FILE_OVERHEAD = 4096  # bytes a file or folder may take beyond its content (one cluster)
IDEA_STATUSES = ("approved", "hidden", "pending")


# ---------------------------------------------------------------- finding the stick

@dataclass(frozen=True)
class Drive:
    mount_point: Path
    label: str
    free_bytes: int
    total_bytes: int


def removable_drives(mounts_file: Path = MOUNTS_FILE, sys_root: Path = SYS_ROOT, writable: bool = True) -> list[Drive]:
    """Removable drives (writable ones only, unless told): a removable block device, or anything under /media."""
    drives, seen = [], set()
    for device, point, fstype, options in _mounts(Path(mounts_file).read_text(errors="surrogateescape")):
        if point in seen or not _looks_removable(device, point, fstype, options - ({"ro"} if not writable else set()),
                                                 sys_root):
            continue
        drive = drive_at(point, writable)
        if drive is not None:
            seen.add(point)
            drives.append(drive)
    return drives


def drive_at(folder: Path, writable: bool = True) -> Drive | None:
    """A Drive for any (writable) folder: a stick or a folder chosen by hand; else None."""
    folder = Path(folder)
    try:
        if not folder.is_dir() or (writable and not os.access(folder, os.W_OK)):
            return None
        usage = shutil.disk_usage(folder)
    except OSError as error:
        logger.warning("Cannot use %s as an export drive: %s", folder, error)
        return None
    return Drive(folder, folder.name or str(folder), usage.free, usage.total)


def disk_of(device_name: str) -> str:
    """The disk holding a partition: "sdb1" → "sdb", "mmcblk0p1" → "mmcblk0", "nvme0n1p2" → "nvme0n1"."""
    match = re.fullmatch(r"((?:mmcblk|nvme\d+n|loop|md)\d+)(?:p\d+)?", device_name)
    return match[1] if match else re.sub(r"\d+$", "", device_name)


def _mounts(text: str):
    """(device, mount point, filesystem type, options) for each line of /proc/self/mounts."""
    for line in text.splitlines():
        fields = line.split()
        if len(fields) >= 4:
            point = re.sub(r"\\([0-7]{3})", lambda m: chr(int(m[1], 8)), fields[1])  # "\040" is a space
            yield fields[0], Path(point), fields[2], set(fields[3].split(","))


def _looks_removable(device: str, point: Path, fstype: str, options: set[str], sys_root: Path) -> bool:
    if fstype in PSEUDO_FILESYSTEMS or not device.startswith("/dev/") or "ro" in options:
        return False
    if any(root in point.parents for root in MEDIA_ROOTS):
        return True
    system = point == Path("/") or point.parts[1] in SYSTEM_FOLDERS  # a kiosk booted from a stick
    return not system and _removable_device(device, sys_root)


def _removable_device(device: str, sys_root: Path) -> bool:
    name = Path(os.path.realpath(device)).name
    for disk in (name, disk_of(name)):
        flag = sys_root / "block" / disk / "removable"
        if flag.is_file():
            return flag.read_text().strip() == "1"
    return False


# ---------------------------------------------------------------- what is exported

@dataclass
class PollResult:
    exhibit_id: str
    question: str
    options: list[str]
    votes: list[int]
    venue: str

    def __post_init__(self):
        if len(self.options) != len(self.votes) or any(count < 0 for count in self.votes):
            raise ValueError(f"poll {self.exhibit_id!r}: need one vote count (0 or more) per option")


@dataclass
class WallIdea:
    text: str
    tags: list[str]
    status: str  # "approved" | "hidden" | "pending"
    created: str  # ISO datetime
    venue: str

    def __post_init__(self):
        if self.status not in IDEA_STATUSES:
            raise ValueError(f"idea status {self.status!r} is not one of {', '.join(IDEA_STATUSES)}")


@dataclass
class LogEntry:
    time: str  # ISO datetime
    venue: str
    event: str
    detail: str


@dataclass
class ExportData:
    title: str
    venue: str
    made: datetime
    polls: list[PollResult] = field(default_factory=list)
    ideas: list[WallIdea] = field(default_factory=list)
    log: list[LogEntry] = field(default_factory=list)


# ---------------------------------------------------------------- errors

MESSAGES = {
    "missing": "The USB stick is no longer there: plug it in again and retry. Nothing was lost on the kiosk.",
    "read_only": "The USB stick cannot be written to: it is read-only or locked (check the little switch on "
                 "its side), or use another stick. Nothing was lost on the kiosk.",
    "full": "The USB stick is full: this export needs {needed} but only {free} is free. Make room on it or "
            "use another stick. Nothing was lost on the kiosk.",
    "failed": "The export did not work ({reason}). Try again or use another stick. Nothing was lost on the kiosk.",
}


def export_message(kind: str, details: dict) -> str:
    """The plain English message for an error ``kind``; a translation can use the same details."""
    values = {key: format_size(value) if key in ("needed", "free") else value for key, value in details.items()}
    return MESSAGES[kind].format_map(values)


class ExportError(Exception):
    """An export that did not happen. ``kind``: "missing", "read_only", "full" or "failed"."""

    def __init__(self, kind: str, details: dict | None = None):
        self.kind = kind
        self.details = dict(details or {})
        super().__init__(export_message(kind, self.details))


def _error_for(error: OSError, destination: Path, needed: int, free: int) -> ExportError:
    """The ExportError a facilitator should see for an OSError met while writing to ``destination``."""
    logger.warning("Export to %s failed: %s", destination, error)
    details = {"folder": str(destination)}
    if error.errno in (errno.ENOSPC, errno.EDQUOT):
        return ExportError("full", {**details, "needed": needed, "free": _free_now(destination, free)})
    if error.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return ExportError("read_only", details)
    if error.errno in (errno.ENOENT, errno.ENODEV, errno.ENXIO) or not _still_there(destination):
        return ExportError("missing", details)
    return ExportError("failed", {**details, "reason": error.strerror or str(error)})


def _free_now(folder: Path, measured: int) -> int:
    """Free bytes at ``folder`` now (the export's leftovers removed), else as ``measured`` before."""
    try:
        return shutil.disk_usage(folder).free
    except OSError:
        return measured


def _still_there(folder: Path) -> bool:
    try:
        return folder.is_dir()
    except OSError:  # EIO and friends: a stick pulled out mid-way
        return False


# ---------------------------------------------------------------- making the files

def render_files(data: ExportData) -> dict[str, bytes]:
    """Every file of the export, by name, in memory."""
    charts = {name: poll_chart_png(poll.question, poll.options, poll.votes, poll.venue)
              for name, poll in zip(_chart_names(data.polls), data.polls)}
    return {
        "polls.csv": _csv(["venue", "exhibit", "question", "option", "votes", "share %"], _poll_rows(data.polls)),
        "ideas.csv": _csv(["venue", "created", "status", "tags", "text"], _idea_rows(data.ideas)),
        "session-log.csv": _csv(["time", "venue", "event", "detail"],
                                ([e.time, e.venue, e.event, e.detail] for e in data.log)),
        **charts,
        "summary.html": summary_html(data, charts).encode("utf-8"),
    }


def needed_bytes(files: dict[str, bytes]) -> int:
    return sum(len(content) + FILE_OVERHEAD for content in files.values()) + FILE_OVERHEAD


def _chart_names(polls: list[PollResult]) -> list[str]:
    """``poll-<exhibit_id>.png``, safe on FAT sticks and unique even ignoring case."""
    names, taken = [], set()
    for poll in polls:
        stem = "poll-" + (re.sub(r"[^\w.-]+", "-", poll.exhibit_id).strip(".-") or "poll")
        name, number = f"{stem}.png", 2
        while name.lower() in taken:
            name, number = f"{stem}-{number}.png", number + 1
        taken.add(name.lower())
        names.append(name)
    return names


def _poll_rows(polls: list[PollResult]):
    for poll in polls:
        for option, count, share in zip(poll.options, poll.votes, percentages(poll.votes)):
            yield [poll.venue, poll.exhibit_id, poll.question, option, count, share]


def _idea_rows(ideas: list[WallIdea]):
    for idea in ideas:
        yield [idea.venue, idea.created, idea.status, "; ".join(idea.tags), idea.text]


def _csv(header: list[str], rows) -> bytes:
    """UTF-8 with a byte-order mark, minimal quoting, visitor text made formula-safe."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, quoting=csv.QUOTE_MINIMAL)
    writer.writerow(header)
    writer.writerows([_safe_cell(cell) for cell in row] for row in rows)
    return buffer.getvalue().encode("utf-8-sig")


def _safe_cell(cell):
    if isinstance(cell, str) and cell[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + cell
    return cell


# ---------------------------------------------------------------- the HTML summary

_STYLE = """body{font-family:"Noto Sans",Arial,sans-serif;max-width:60em;margin:2em auto;padding:0 1em;
color:#1F1A17;background:#F6F1E7;line-height:1.45}img{max-width:100%;height:auto}
table{border-collapse:collapse;margin:.5em 0 1.5em}th,td{border:1px solid #CDBFA8;padding:.3em .6em;
text-align:left;vertical-align:top}th{background:#E6DCCB}.note{color:#4A423B}.tags{color:#7A5A00}"""


def summary_html(data: ExportData, charts: dict[str, bytes]) -> str:
    """A readable one-file summary (charts embedded), labelled in French and English."""
    e = html.escape
    return (f'<!DOCTYPE html>\n<html lang="fr"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width"><title>{e(data.title)}</title>'
            f"<style>{_STYLE}</style></head><body>\n<h1>{e(data.title)}</h1>\n"
            f"<p>Lieu / Venue : <strong>{e(data.venue)}</strong><br>"
            f"Date : <strong>{data.made:%Y-%m-%d %H:%M}</strong></p>\n"
            f"<h2>Sondages / Polls</h2>\n{_polls_html(data.polls, charts)}\n"
            f"<h2>Idées du mur / Wall ideas</h2>\n{_ideas_html(data.ideas)}\n"
            f"<h2>Journal de la session / Session log</h2>\n{_log_html(data.log)}\n</body></html>\n")


def _polls_html(polls: list[PollResult], charts: dict[str, bytes]) -> str:
    if not polls:
        return '<p class="note">Aucun sondage / No polls.</p>'
    return "\n".join(_poll_html(poll, png) for poll, png in zip(polls, charts.values()))


def _poll_html(poll: PollResult, png: bytes) -> str:
    e = html.escape
    rows = [[option, vote_label(count, share)]
            for option, count, share in zip(poll.options, poll.votes, percentages(poll.votes))]
    return (f"<section><h3>{e(poll.question)}</h3>"
            f'<p class="note">{e(poll.exhibit_id)} · {e(poll.venue)}</p>'
            f'<img src="data:image/png;base64,{base64.b64encode(png).decode("ascii")}" alt="{e(poll.question)}">'
            f"{_table(['Réponse / Option', 'Votes'], rows)}</section>")


def _ideas_html(ideas: list[WallIdea]) -> str:
    e = html.escape
    approved = [idea for idea in ideas if idea.status == "approved"]
    items = "".join(f"<li>{e(idea.text)} <span class=\"tags\">{e(' · '.join(idea.tags))}</span> "
                    f'<span class="note">({e(idea.venue)}, {e(str(idea.created))})</span></li>' for idea in approved)
    listing = f"<ul>{items}</ul>" if approved else '<p class="note">Aucune idée approuvée / No approved ideas.</p>'
    pending = sum(idea.status == "pending" for idea in ideas)
    hidden = sum(idea.status == "hidden" for idea in ideas)
    return (f"{listing}\n<p>En attente / Pending : <strong>{pending}</strong> · Masquées / Hidden : "
            f'<strong>{hidden}</strong> <span class="note">(texte dans / text in ideas.csv)</span></p>')


def _log_html(log: list[LogEntry]) -> str:
    if not log:
        return '<p class="note">Journal vide / Empty log.</p>'
    rows = [[entry.time, entry.venue, entry.event, entry.detail] for entry in log]
    return _table(["Heure / Time", "Lieu / Venue", "Événement / Event", "Détail / Detail"], rows)


def _table(header: list[str], rows: list[list[str]]) -> str:
    e = html.escape
    head = "".join(f"<th>{e(cell)}</th>" for cell in header)
    body = "".join("<tr>" + "".join(f"<td>{e(str(cell))}</td>" for cell in row) + "</tr>" for row in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


# ---------------------------------------------------------------- writing to the stick

def export_session(data: ExportData, destination: Path) -> Path:
    """Write the export into a new dated folder in ``destination``; return that folder."""
    destination = Path(destination)
    try:
        files = render_files(data)
    except Exception as error:  # bad data or a bug: logged in full, the stick is not touched
        logger.exception("Could not prepare the export %r", data.title)
        raise ExportError("failed", {"folder": str(destination), "reason": str(error)}) from error
    needed = needed_bytes(files)
    free = _check_destination(destination, needed)
    return _write_export(files, destination, data.made, needed, free)


def _check_destination(destination: Path, needed: int) -> int:
    """The free bytes at ``destination``, after refusing early a missing, read-only or too full one."""
    details = {"folder": str(destination)}
    if not _still_there(destination):
        raise ExportError("missing", details)
    if not os.access(destination, os.W_OK):
        raise ExportError("read_only", details)
    try:
        free = shutil.disk_usage(destination).free
    except OSError as error:
        raise _error_for(error, destination, needed, 0) from error
    if free < needed:
        raise ExportError("full", {**details, "needed": needed, "free": free})
    return free


def _write_export(files: dict[str, bytes], destination: Path, made: datetime, needed: int, free: int) -> Path:
    try:
        temporary = _make_temporary(destination)
    except OSError as error:
        raise _error_for(error, destination, needed, free) from error
    try:
        for name, content in files.items():
            write_atomic(temporary / name, content)
        return _publish(temporary, destination, made)
    except BaseException as error:
        _remove_temporary(temporary)
        if isinstance(error, OSError):
            raise _error_for(error, destination, needed, free) from error
        raise


def _make_temporary(destination: Path) -> Path:
    """A new hidden folder; unlike ``tempfile.mkdtemp`` it gets the usual permissions (umask)."""
    while True:
        temporary = destination / f"{TEMPORARY_PREFIX}{secrets.token_hex(4)}"
        try:
            os.mkdir(temporary)
            return temporary
        except FileExistsError:
            continue


def _publish(temporary: Path, destination: Path, made: datetime) -> Path:
    """Rename ``temporary`` to the first free ``kiosk-export-<date>[-n]`` name, in one step."""
    base = f"kiosk-export-{made:%Y-%m-%d-%H%M}"
    for number in range(1, 1000):
        final = destination / (base if number == 1 else f"{base}-{number}")
        if os.path.lexists(final):
            continue
        try:
            os.rename(temporary, final)
        except OSError as error:
            if error.errno not in (errno.EEXIST, errno.ENOTEMPTY):
                raise
            continue  # taken between the check and the rename
        fsync_dir(destination)
        return final
    raise ExportError("failed", {"folder": str(destination), "reason": f"too many folders named {base}"})


def _remove_temporary(temporary: Path) -> None:
    try:
        shutil.rmtree(temporary)
    except OSError as error:  # the stick is gone: the hidden folder stays, the error that matters follows
        logger.warning("Could not remove the unfinished export %s: %s", temporary, error)
