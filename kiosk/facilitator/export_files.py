"""The files of a USB export, made in memory (no Kivy): CSV tables, poll charts and an HTML summary.

    files = render_files(data)      # {"polls.csv": b"…", "ideas.csv": …, "poll-prix.png": …, "summary.html": …}

``polls.csv``, ``ideas.csv`` and ``session-log.csv`` are UTF-8 with a byte-order mark, so
spreadsheets on Windows show accents. A cell of visitor text starting with ``= + - @`` gets
a leading ``'`` so a spreadsheet never runs it as a formula. Poll shares are the poll
screen's whole percentages (:func:`kiosk.exhibit_types.poll.model.percentages`). There is
one ``poll-<exhibit>.png`` per poll (:mod:`kiosk.charts`), and ``summary.html`` holds them
all, embedded, with the approved ideas and the log, labelled in French and English.
"""

from __future__ import annotations

import base64
import csv
import html
import io
import re

from kiosk.charts import poll_chart_png, vote_label
from kiosk.exhibit_types.poll.model import percentages
from kiosk.facilitator.export_data import ExportData, LogEntry, PollResult, WallIdea


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
