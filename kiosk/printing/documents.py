"""What ``kiosk print`` makes from the content, in one language each:

- an **exhibit card** (A5) per exhibit, for a table when there is no screen: the room in its colour, the title,
  the summary, the picture, and a QR code per link with its printed address;
- a **room poster** (A3) per room: its number, title and colour, its summary, and each exhibit with its
  summary and the QR code of its first link;
- a **participant's handout** (A4) per guided path or workshop: each step's title, summary and picture, its
  discussion prompts, its links as QR codes with their addresses, and lines for notes;
- a **facilitator's booklet** (A4) per path: each step's timing (minutes, and the clock from the start),
  notes and prompts, and the debrief questions of the games it plays.

Every function adds pages to a :class:`kiosk.printing.page.PrintPage`; right to left, the columns and
alignments mirror. No Kivy here.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from kiosk.icons import exhibit_kind
from kiosk.printing.page import ACCENT, ARABIC, INK, LATIN, LINE, MUTED, PAPER, WHITE, PrintPage, rgb

Text = Callable[[object], str]        # a LocalizedText in the document's language (with the content's fallbacks)
Words = Callable[[str], str]          # an interface sentence in the document's language (gettext)


@dataclass(frozen=True)
class Sizes:
    width: float
    height: float
    margin: float


A5, A4, A3 = Sizes(148, 210, 12), Sizes(210, 297, 16), Sizes(297, 420, 20)


def links_of(manifest, text: Text) -> list[tuple[str, str]]:
    """(label, address) of each of the exhibit's links, in the document's language."""
    return [(text(link.label), text(link.url)) for link in manifest.links]


def picture_of(manifest):
    """The exhibit's first picture's file (a comparison's first side's), or None."""
    if manifest.images:
        return manifest.image_path(manifest.images[0].file)
    sides = getattr(manifest.details, "sides", ())
    image = next((side.image for side in sides if side.image), None)
    return manifest.image_path(image.file) if image else None


def printed(url: str) -> str:
    return url.removeprefix("https://").removeprefix("http://").removeprefix("www.").rstrip("/")


def _x(page: PrintPage, sizes: Sizes, x: float, width: float) -> float:
    """A box's left edge, mirrored right to left."""
    return sizes.width - x - width if page.rtl else x


def _links(page: PrintPage, sizes: Sizes, y: float, links: list[tuple[str, str]], side: float, words: Words,
           bottom: float, draw: bool = True) -> float:
    """QR codes under "Scan with a phone to read more", up to three a row, each with its label and printed
    address under it; the y after them (``draw=False``: only measured)."""
    if not links:
        return y
    inner = sizes.width - sizes.margin * 2
    heading = words("Scan with a phone to read more")
    if draw:
        page.icon(_x(page, sizes, sizes.margin, 5), y - 0.3, "qr-code", 10, colour=MUTED)
        page.words(_x(page, sizes, sizes.margin + 6, inner - 6), y, inner - 6, heading, size=9, bold=True,
                   colour=MUTED)
    y += page.height_of(heading, inner, 9, bold=True) + 1.5
    shown = links[:6]
    per_row = min(3, len(shown))
    each = (inner - 6 * (per_row - 1)) / per_row
    code = min(side, each)
    for start in range(0, len(shown), per_row):
        tallest = 0.0
        for column, (label, url) in enumerate(shown[start:start + per_row]):
            height = code + 1 + page.height_of(label, each, 8, bold=True) + page.height_of(printed(url), each, 7.5)
            if draw:
                x = _x(page, sizes, sizes.margin + column * (each + 6), each)
                page.qr(x + (each - code) / 2, y, code, url)
                under = y + code + 1
                under += page.words(x, under, each, label, size=8, bold=True, room=bottom - under, align="C")
                page.words(x, under, each, printed(url), size=7.5, colour=MUTED, room=bottom - under, align="C")
            tallest = max(tallest, height)
        y += tallest + 4
    return y


# --- exhibit cards (A5) ----------------------------------------------------------------------
def exhibit_card(page: PrintPage, content, manifest, text: Text, words: Words) -> None:
    sizes = A5
    room = content.collection.room(manifest.room)
    colour = rgb(room.colour) if room else INK
    page.add_page(format=(sizes.width, sizes.height))
    inner, m = sizes.width - sizes.margin * 2, sizes.margin
    page.band(0, 0, sizes.width, 16, colour)
    number = [r.id for r in content.collection.rooms].index(manifest.room) + 1 if room else 0
    icon_name, kind = exhibit_kind(manifest.type)   # its kind at the far end, as on its card at the kiosk
    kind = words(kind)
    page.set_font(ARABIC if page.rtl else LATIN, "B", 9.5)
    kind_width = min(inner / 2, page.get_string_width(page.shaped(kind)) + 1)
    page.words(_x(page, sizes, m, inner - kind_width - 8), 5, inner - kind_width - 8,
               f"{number}. {text(room.title)}" if room else "", size=11, bold=True, colour=WHITE, room=8)
    kind_x = _x(page, sizes, m + inner - kind_width, kind_width)
    page.words(kind_x, 5.6, kind_width, kind, size=9.5, bold=True, colour=WHITE, room=8)
    page.icon(kind_x - 5.5 if not page.rtl else kind_x + kind_width + 1, 5.4, icon_name, 11, colour=WHITE)
    y = 22
    y += page.words(_x(page, sizes, m, inner), y, inner, text(manifest.title), size=17, bold=True, room=24) + 2
    links = links_of(manifest, text)
    bottom = sizes.height - m - 6
    codes = _links(page, sizes, 0, links, 24, words, bottom, draw=False)   # their height, measured
    summary = text(manifest.summary)
    picture = picture_of(manifest)
    if picture is not None:
        space = bottom - codes - y - page.height_of(summary, inner, 10.5) - 6
        if space > 25:
            y += page.picture(picture, m, y, inner, min(space, inner * 0.62)) + 4
    y += page.words(_x(page, sizes, m, inner), y, inner, summary, size=10.5, room=bottom - codes - y, may_cut=True) + 5
    _links(page, sizes, max(y, bottom - codes + 4), links, 24, words, bottom + 4)


# --- room posters (A3) -----------------------------------------------------------------------
def room_poster(page: PrintPage, content, room, number: int, text: Text, words: Words) -> None:
    sizes = A3
    colour = rgb(room.colour)
    page.add_page(format=(sizes.width, sizes.height))
    m, inner = sizes.margin, sizes.width - sizes.margin * 2
    page.band(0, 0, sizes.width, 70, colour)
    page.words(_x(page, sizes, m, inner), 10, inner, str(number), size=40, bold=True, colour=WHITE, room=20)
    page.words(_x(page, sizes, m, inner), 34, inner, text(room.title), size=34, bold=True, colour=WHITE, room=30)
    y = 80
    y += page.words(_x(page, sizes, m, inner), y, inner, text(room.summary), size=15, colour=MUTED, room=40) + 8
    exhibits = content.exhibits_in(room.id)
    columns = 2
    gap = 10
    width = (inner - gap) / columns
    bottom = sizes.height - m - 8
    rows = max(1, (len(exhibits) + columns - 1) // columns)
    # the tiles share the page: a room of four gets tall tiles with their pictures, one of eleven smaller ones
    height = min(120, (bottom - y - gap * (rows - 1)) / rows)
    for index, manifest in enumerate(exhibits):
        column, row = index % columns, index // columns
        x = _x(page, sizes, m + column * (width + gap), width)
        top = y + row * (height + gap)
        _poster_tile(page, x, top, width, height, manifest, colour, text)


def _poster_tile(page: PrintPage, x: float, top: float, width: float, height: float, manifest, colour, text) -> None:
    page.set_fill_color(*WHITE)
    page.set_draw_color(*LINE)
    page.set_line_width(0.4)
    page.rect(x, top, width, height, style="DF")
    page.band(x + width - 3 if page.rtl else x, top, 3, height, colour)   # the room's colour on the reading side
    pad, links = 6, links_of(manifest, text)
    code = max(20, min(34, height - pad * 2 - 6)) if links else 0   # its printed address under it
    words_width = width - pad * 2 - (code + pad if code else 0) - 3
    words_x = x + pad + 3 if not page.rtl else x + width - pad - 3 - words_width
    y = top + pad
    y += page.words(words_x, y, words_width, text(manifest.title), size=18, bold=True, room=height - pad * 2) + 2
    y += page.words(words_x, y, words_width, text(manifest.summary), size=12.5, colour=MUTED,
                    room=top + height - pad - y, may_cut=True) + 3
    picture = picture_of(manifest)
    if picture is not None and top + height - pad - y > 30:   # a tall tile has room for the picture too
        page.picture(picture, words_x, y, words_width, top + height - pad - y)
    if code:
        label, url = links[0]
        code_x = x + width - pad - code if not page.rtl else x + pad
        page.qr(code_x, top + pad, code, url)
        address = min(code + 16, width / 2)
        page.words(code_x + (code - address) / 2, top + pad + code + 1, address, printed(url), size=8, colour=MUTED,
                   align="C", room=top + height - pad - (top + pad + code + 1))


# --- participant's handout and facilitator's booklet (A4) --------------------------------------
def handout(page: PrintPage, content, path, text: Text, words: Words) -> None:
    """A participant's pages: the path, then each step with its picture, prompts, links and lines for notes."""
    sizes = A4
    m, inner = sizes.margin, sizes.width - sizes.margin * 2
    y = _path_head(page, content, path, text, words, words("Participant's handout"))
    for number, step in enumerate(path.steps, start=1):
        manifest = content.exhibit(step.exhibit)
        links = links_of(manifest, text)
        needed = 45   # its head and summary at least: the rest flows on
        if y + needed > sizes.height - m - 10:
            page.add_page(format="A4")
            y = m
        y = _step_head(page, sizes, y, number, text(step.title) or text(manifest.title), colour=ACCENT)
        picture = picture_of(manifest)
        summary = text(manifest.summary)
        words_width = inner * (0.62 if picture else 1)
        used = page.words(_x(page, sizes, m, words_width), y, words_width, summary, size=10.5, room=60)
        if picture:
            shown = page.picture(picture, _x(page, sizes, m + inner * 0.66, inner * 0.34), y, inner * 0.34, 45)
            used = max(used, shown)
        y += used + 4
        prompts = [text(p) for p in step.prompts]
        y = _room_for(page, sizes, y, 8 + sum(page.height_of(p, inner - 6, 10.5) + 1.2 for p in prompts))
        y = _prompts(page, sizes, y, prompts, words)
        y = _room_for(page, sizes, y, _links(page, sizes, 0, links, 22, words, sizes.height, draw=False) + 2)
        y = _links(page, sizes, y + 2, links, 22, words, sizes.height - m - 10) + 4
        y = _note_lines(page, sizes, _room_for(page, sizes, y, 30), words, lines=4)


def booklet(page: PrintPage, content, path, text: Text, words: Words) -> None:
    """The facilitator's pages: timings from the start, notes, prompts and the games' debrief questions."""
    sizes = A4
    m, inner = sizes.margin, sizes.width - sizes.margin * 2
    y = _path_head(page, content, path, text, words, words("Facilitator's booklet"))
    clock = 0.0
    for number, step in enumerate(path.steps, start=1):
        manifest = content.exhibit(step.exhibit)
        notes, prompts = text(step.notes), [text(p) for p in step.prompts]
        debrief = [text(q) for q in getattr(manifest.details, "debrief", ())]
        needed = 30 + page.height_of(notes, inner, 10) + 7 * (len(prompts) + len(debrief))
        if y + min(needed, 60) > sizes.height - m - 10:
            page.add_page(format="A4")
            y = m
        timing = words("{minutes} min · from {start} to {end}").format(
            minutes=_number(step.minutes), start=_clock(clock), end=_clock(clock + step.minutes))
        clock += step.minutes
        y = _step_head(page, sizes, y, number, text(step.title) or text(manifest.title), colour=INK)
        y += page.words(_x(page, sizes, m, inner), y, inner, timing, size=11, bold=True, colour=INK) + 2
        if notes:
            y += page.words(_x(page, sizes, m, inner), y, inner, notes, size=10,
                            room=sizes.height - m - 10 - y) + 3
        y = _prompts(page, sizes, _room_for(page, sizes, y, 8 + 7 * len(prompts)), prompts, words)
        if debrief:
            y = _room_for(page, sizes, y, 8 + 7 * len(debrief))
            y = _prompts(page, sizes, y, debrief, words, heading=words("Debrief questions"))
        y += 4


def _room_for(page: PrintPage, sizes: Sizes, y: float, needed: float) -> float:
    """``y``, or the top of a new page when what comes next would not fit above the foot."""
    if y + needed <= sizes.height - sizes.margin - 10:
        return y
    page.add_page(format="A4")
    return sizes.margin


def _path_head(page: PrintPage, content, path, text: Text, words: Words, what: str) -> float:
    sizes = A4
    m, inner = sizes.margin, sizes.width - sizes.margin * 2
    page.add_page(format="A4")
    page.band(0, 0, sizes.width, 8, ACCENT)
    y = m + 2
    y += page.words(_x(page, sizes, m, inner), y, inner, what, size=10, bold=True, colour=MUTED) + 1
    y += page.words(_x(page, sizes, m, inner), y, inner, text(path.title), size=20, bold=True, room=30) + 2
    y += page.words(_x(page, sizes, m, inner), y, inner, text(path.summary), size=11, room=40) + 1
    facts = [words("{minutes} minutes in all").format(minutes=_number(path.total_minutes))]
    if path.audience is not None:
        facts.append(text(path.audience))
    y += page.words(_x(page, sizes, m, inner), y, inner, " · ".join(facts), size=9.5, colour=MUTED) + 4
    page.rule(m, y, inner)
    return y + 5


def _step_head(page: PrintPage, sizes: Sizes, y: float, number: int, title: str, colour) -> float:
    m, inner = sizes.margin, sizes.width - sizes.margin * 2
    disc = 8
    disc_x = _x(page, sizes, m, disc)
    page.set_fill_color(*colour)
    page.ellipse(disc_x, y, disc, disc, style="F")
    page.words(disc_x, y + 1.6, disc, str(number), size=10, bold=True, colour=WHITE if colour != ACCENT else INK,
               align="C")
    used = page.words(_x(page, sizes, m + disc + 3, inner - disc - 3), y + 0.8, inner - disc - 3, title, size=13.5,
                      bold=True, room=14)
    return y + max(disc, used + 0.8) + 3


def _prompts(page: PrintPage, sizes: Sizes, y: float, prompts: list[str], words: Words, heading: str = "") -> float:
    if not prompts:
        return y
    m, inner = sizes.margin, sizes.width - sizes.margin * 2
    heading = heading or words("To talk about")
    page.icon(_x(page, sizes, m, 5), y - 0.3, "message-square-text", 10, colour=MUTED)
    y += page.words(_x(page, sizes, m + 6, inner - 6), y, inner - 6, heading, size=9.5, bold=True, colour=MUTED) + 1
    for prompt in prompts:
        y = _room_for(page, sizes, y, page.height_of(prompt, inner - 6, 10.5))   # a question is never cut
        bullet_x = _x(page, sizes, m + 1, 3)
        page.set_fill_color(*INK)
        page.ellipse(bullet_x, y + 1.6, 1.6, 1.6, style="F")
        y += page.words(_x(page, sizes, m + 6, inner - 6), y, inner - 6, prompt, size=10.5,
                        room=sizes.height - m - 10 - y) + 1.2
    return y + 2


def _note_lines(page: PrintPage, sizes: Sizes, y: float, words: Words, lines: int) -> float:
    m, inner = sizes.margin, sizes.width - sizes.margin * 2
    bottom = sizes.height - m - 10
    y += page.words(_x(page, sizes, m, inner), y, inner, words("My notes"), size=9, bold=True, colour=MUTED)
    for _ in range(lines):
        if y + 8 > bottom:
            break
        y += 8
        page.rule(m, y, inner, colour=LINE, thick=0.25)
    return y + 6


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def _clock(minutes: float) -> str:
    whole = int(round(minutes))
    return f"{whole // 60}:{whole % 60:02d}"


__all__ = ["A3", "A4", "A5", "booklet", "exhibit_card", "handout", "room_poster", "PAPER"]
