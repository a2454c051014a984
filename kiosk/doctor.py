"""``kiosk doctor``: the checklist for a new venue, in plain words and in the facilitator's language.

Each check says what it found and, when something is wrong, how to fix it. The running kiosk's own report
(``health.json``, kiosk.health) gives what only it knows: its screen, its renderer, faulty exhibits; the rest is
read here: content, fonts, data folder, PIN, clock, opening hours, restarts, the service. The same list shows in
the facilitator's menu. No Kivy here::

    checks = run_checks(Context.gather(content_path, data_dir), gettext)
    worst(checks)        # OK, WARNING or PROBLEM
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache
from pathlib import Path
from typing import Callable

from fontTools.ttLib import TTFont

from kiosk.content.loader import ExhibitionContent, load_content
from kiosk.facilitator.settings import KioskSettings
from kiosk.facilitator.export import size_text
from kiosk.folders import FONTS
from kiosk.health import STALE, age_seconds, read_health
from kiosk.opening import OpeningHoursError, clock_plausible, clock_source, venue_hours
from kiosk.render.bidi import is_rtl
from kiosk.restarts import StartLog
from kiosk.visit.speech import SpeechMaker

OK, WARNING, PROBLEM = "ok", "warning", "problem"
SERVICE = "musee-kiosk.service"
SOFTWARE_GL = re.compile(r"llvmpipe|softpipe|swrast|software", re.IGNORECASE)
LOW_DISK, VERY_LOW_DISK = 1024 ** 3, 200 * 1024 ** 2
INPUT_DEVICES = Path("/proc/bus/input/devices")


@dataclass(frozen=True)
class Check:
    status: str
    title: str      # what is checked: "Screen", "PIN"
    found: str      # what was found, in plain words
    fix: str = ""   # what to do, when something is wrong


@dataclass
class Context:
    content: ExhibitionContent
    data_dir: Path
    settings: KioskSettings
    health: dict | None
    now: datetime = field(default_factory=datetime.now)
    input_devices: Path = INPUT_DEVICES
    clock_source: Callable[[], str | None] = clock_source
    language: str | None = None   # sizes as this language writes them ("1,5 Go"); None: plain English
    speech_engine: str = "espeak-ng"   # audio guidance's voice (kiosk.visit.speech)

    @classmethod
    def gather(cls, content_path: Path, data_dir: Path) -> Context:
        return cls(load_content(content_path), data_dir, KioskSettings.load(data_dir), read_health(data_dir))


def run_checks(ctx: Context, _: Callable[[str], str]) -> list[Check]:
    checks = [_running(ctx, _)]
    if ctx.health and not _stale(ctx):
        checks += [_screen(ctx, _), _renderer(ctx, _), _faults(ctx, _)]
    checks += [_touch(ctx, _), _content(ctx, _), _fonts(ctx, _), _data(ctx, _), _pin(ctx, _), _clock(ctx, _),
               _hours(ctx, _), _reach(ctx, _), _speech(ctx, _), _fleet(ctx, _), _restarts(ctx, _), _service(_)]
    return [check for check in checks if check is not None]


def worst(checks: list[Check]) -> str:
    statuses = {check.status for check in checks}
    return PROBLEM if PROBLEM in statuses else WARNING if WARNING in statuses else OK


def _stale(ctx: Context) -> bool:
    age = age_seconds(ctx.health, ctx.now.timestamp()) if ctx.health else None
    return age is None or age > STALE


def _running(ctx: Context, _) -> Check:
    title = _("The kiosk")
    if ctx.health is None:
        return Check(WARNING, title, _("It has not run on this computer yet (no health.json in its data folder)."),
                     _("Start it: sudo systemctl start musee-kiosk (installed kiosk), or kiosk run."))
    if _stale(ctx):
        minutes = int((age_seconds(ctx.health, ctx.now.timestamp()) or 0) // 60)
        return Check(PROBLEM, title, _("It is not running: its last report is {minutes} minutes old.").format(
            minutes=minutes), _("Start it again: sudo systemctl restart musee-kiosk, then read what it said: "
                                "journalctl -u musee-kiosk -b"))
    state = _("asleep (outside opening hours)") if ctx.health.get("asleep") else _("awake")
    return Check(OK, title, _("Running for {time}, {state}; {visits} visits today.").format(
        time=_duration(ctx.health.get("uptime_seconds") or 0), state=state,
        visits=ctx.health.get("visits_today") if ctx.health.get("visits_today") is not None else "?"))


def _screen(ctx: Context, _) -> Check:
    screen = ctx.health.get("screen") or {}
    hz = screen.get("refresh_hz")
    rate = _("{hz:.0f} Hz").format(hz=hz) if hz else _("refresh rate unknown")
    return Check(OK, _("Screen"), f"{screen.get('width', '?')} × {screen.get('height', '?')}, {rate}")


def _renderer(ctx: Context, _) -> Check:
    renderer = (ctx.health.get("screen") or {}).get("renderer") or "?"
    if SOFTWARE_GL.search(renderer):
        return Check(WARNING, _("Drawing"), _("The screen is drawn in software ({renderer}): taps answer slowly.")
                     .format(renderer=renderer),
                     _("Give it its graphics driver: on a Raspberry Pi keep 'dtoverlay=vc4-kms-v3d' in "
                       "/boot/firmware/config.txt; on a PC install the firmware-misc-nonfree package."))
    return Check(OK, _("Drawing"), _("By the graphics card ({renderer}).").format(renderer=renderer))


def _faults(ctx: Context, _) -> Check | None:
    faults = ctx.health.get("faults") or {}
    lost = ctx.health.get("recording_errors") or 0
    if not faults and not lost:
        return None
    found = []
    if faults:
        found.append(_("Exhibits hidden after an error: {ids}.").format(ids=", ".join(sorted(faults))))
    if lost:
        found.append(_("{count} statistics events could not be recorded.").format(count=lost))
    return Check(WARNING, _("Faults"), " ".join(found),
                 _("Read what happened: journalctl -u musee-kiosk -b; 'Reload the content' in the menu tries "
                   "the exhibits again."))


def _touch(ctx: Context, _) -> Check:
    names = touch_screens(ctx.input_devices)
    if names:
        return Check(OK, _("Touch"), ", ".join(names))
    return Check(WARNING, _("Touch"), _("No touch screen found."),
                 _("Plug the screen's touch cable (often a USB cable) in, then restart the kiosk."))


def touch_screens(devices: Path = INPUT_DEVICES) -> list[str]:
    """Input devices that touch the screen directly (INPUT_PROP_DIRECT with absolute positions)."""
    try:
        blocks = devices.read_text(errors="replace").split("\n\n")
    except OSError:
        return []
    found = []
    for block in blocks:
        name = re.search(r'^N: Name="(.*)"', block, re.MULTILINE)
        prop = re.search(r"^B: PROP=([0-9a-f]+)", block, re.MULTILINE)
        absolute = re.search(r"^B: ABS=([0-9a-f ]+)", block, re.MULTILINE)
        if name and prop and absolute and int(prop.group(1), 16) & 0b10:
            found.append(name.group(1))
    return found


def _content(ctx: Context, _) -> Check:
    title = _("Exhibition")
    content = ctx.content
    if content.collection is None:
        return Check(PROBLEM, title, _("The exhibition in {path} cannot be read.").format(path=content.root),
                     _("Run 'kiosk validate {path}': it names each file, line and fix.").format(path=content.root))
    shown, skipped = len(content.exhibits), len(content.skipped)
    found = _("{shown} exhibits shown, {skipped} skipped.").format(shown=shown, skipped=skipped)
    if skipped:
        return Check(PROBLEM, title, found, _("Run 'kiosk validate {path}': it names each file, line and fix.")
                     .format(path=content.root))
    return Check(OK, title, found)


def _fonts(ctx: Context, _) -> Check | None:
    if ctx.content.collection is None:
        return None
    lacking = {}
    for code in ctx.content.collection.languages.languages:
        font = FONTS / ("NotoSansKiosk-Regular.ttf" if is_rtl(code) else "NotoSans-Regular.ttf")   # as theme.py
        missing = missing_letters(_texts(ctx.content, code), font)
        if missing:
            lacking[code] = missing
    if not lacking:
        return Check(OK, _("Letters"), _("The fonts have every letter of every language of the exhibition."))
    found = "; ".join(f"{code}: {' '.join(letters[:10])}" for code, letters in lacking.items())
    return Check(PROBLEM, _("Letters"), _("Letters the fonts lack, shown as empty boxes: {letters}.").format(
        letters=found), _("Write these texts without them, or ask for a font that has them (media/fonts)."))


def _texts(content: ExhibitionContent, code: str) -> str:
    texts = [use.text.get(code) for manifest in content.exhibits for use in manifest.texts
             if use.text and use.text.has(code)]
    collection = content.collection
    texts += [text.get(code) for text in (collection.title, collection.subtitle, *(r.title for r in collection.rooms))
              if text and text.has(code)]
    return "".join(texts)


def missing_letters(text: str, font: Path) -> list[str]:
    cmap = _cmap(str(font))
    return sorted({ch for ch in text if ord(ch) not in cmap and unicodedata.category(ch)[0] not in "CZ"})


@lru_cache(maxsize=8)
def _cmap(font: str) -> frozenset[int]:
    with TTFont(font, lazy=True) as face:
        return frozenset(face.getBestCmap())


def _data(ctx: Context, _) -> Check:
    title = _("Data folder")
    folder = ctx.data_dir
    if not os.access(folder, os.W_OK):
        return Check(PROBLEM, title, _("The kiosk cannot write in {folder}: no statistics, votes or ideas are kept.")
                     .format(folder=folder), _("Give it back to the kiosk's user: sudo chown -R kiosk {folder}")
                     .format(folder=folder))
    free = shutil.disk_usage(folder).free
    found = _("{folder}, {free} free.").format(folder=folder, free=size_text(free, ctx.language))
    if free < VERY_LOW_DISK:
        return Check(PROBLEM, title, found, _("Make room on the disk: remove old exports and bundles."))
    if free < LOW_DISK:
        return Check(WARNING, title, found, _("Make room on the disk: remove old exports and bundles."))
    return Check(OK, title, found)


def _pin(ctx: Context, _) -> Check:
    if ctx.settings.pin is None:
        return Check(PROBLEM, _("PIN"), _("No facilitator PIN is set: any visitor can open the menu."),
                     _("Set one: sudo musee-kiosk set-pin (or kiosk set-pin)."))
    return Check(OK, _("PIN"), _("The facilitator's menu asks for a PIN."))


def _clock(ctx: Context, _) -> Check:
    shown = ctx.now.strftime("%Y-%m-%d %H:%M")
    if not clock_plausible(ctx.now):
        return Check(WARNING, _("Clock"), _("The clock says {now}, which cannot be right: the screen never sleeps "
                                            "and statistics carry wrong dates.").format(now=shown),
                     _("Set the date and time: sudo date -s 'YYYY-MM-DD HH:MM', or connect the kiosk to a network "
                       "once."))
    source = ctx.clock_source()
    if source is None and _hours_set(ctx):
        return Check(WARNING, _("Clock"), _("{now}, but nothing vouches for it (no network time, no clock battery): "
                                            "the screen does not sleep outside opening hours.").format(now=shown),
                     _("Connect the kiosk to a network now and then, or give it a clock battery (a Raspberry Pi 5 "
                       "has a socket for one); if you set the time by hand, add KIOSK_CLOCK_TRUSTED=1 to "
                       "/etc/musee-kiosk.conf."))
    return Check(OK, _("Clock"), shown)


def _hours_set(ctx: Context) -> bool:
    return ctx.settings.opening_hours is not None or bool(ctx.content.collection and ctx.content.collection.opening_hours)


def _hours(ctx: Context, _) -> Check:
    title = _("Opening hours")
    try:
        hours = venue_hours(ctx.settings.opening_hours, ctx.content.collection)
    except OpeningHoursError as error:
        return Check(PROBLEM, title, str(error), error.hint)
    if hours is None:
        return Check(OK, title, _("None set: the kiosk is always awake."))
    state = _("open now") if hours.is_open(ctx.now) else _("closed now")
    return Check(OK, title, f"{hours.expression}: {state}")


def _reach(ctx: Context, _) -> Check:
    """Where the screen hangs, for the visitors' "within reach" mode (kiosk.visit.access.Mounting)."""
    title = _("Within reach")
    mounting = ctx.settings.mounting
    percent = round(mounting.reachable_share() * 100)
    if mounting.out_of_reach():
        return Check(PROBLEM, title,
                     _("The screen hangs too high: even its lowest part is above {reach} mm, out of a seated "
                       "visitor's reach.").format(reach=mounting.reach_top_mm),
                     _("Lower it: its lower edge at most {most} mm above the floor, then measure again "
                       "(kiosk reach).").format(most=mounting.highest_bottom_mm()))
    if ctx.settings.reach is None:
        return Check(WARNING, title,
                     _("Not measured: within reach, the screens use the lower part of the screen ({percent} %), a guess.")
                     .format(percent=percent),
                     _("Measure the picture's height and its lower edge's height above the floor, then: "
                       "kiosk reach --screen-height MM --bottom MM."))
    return Check(OK, title, _("Within reach, the screens use the lower part of the screen ({percent} %): its lower "
                              "edge is {bottom} mm above the floor, {height} mm below its top.")
                 .format(percent=percent, bottom=mounting.bottom_mm, height=mounting.screen_height_mm))


def _speech(ctx: Context, _) -> Check:
    """Audio guidance speaks with espeak-ng (kiosk.visit.speech): without it, a visitor who cannot see hears nothing."""
    title = _("Audio guidance")
    speech = SpeechMaker(ctx.data_dir / "speech", engine=ctx.speech_engine)
    if not speech.available:
        return Check(WARNING, title, _("espeak-ng is not installed: visitors who cannot see the screen hear nothing."),
                     _("Install it: sudo apt-get install espeak-ng"))
    languages = ctx.content.collection.languages.languages
    return Check(OK, title, _("Spoken by espeak-ng in {languages}.").format(languages=", ".join(languages)))


def _fleet(ctx: Context, _) -> Check | None:
    """A kiosk in a fleet (kiosk.fleet): paired with its coordinator, Syncthing running, the last bundle taken."""
    from kiosk.fleet import fleet_member

    member = fleet_member(ctx.data_dir, Path("."))
    if member is None:
        return None
    title, fleet = _("Fleet"), member.fleet
    if fleet.coordinator is None:
        return Check(WARNING, title, _("This kiosk is in a fleet but joined to no coordinator yet."),
                     _("On the kiosk: kiosk fleet join COORDINATOR_ID (docs/fleet.md)"))
    bundle = member.state().get("bundle") or {}
    if bundle.get("result") == "refused":
        return Check(WARNING, title, _("The last bundle from the fleet was refused: {reason}").format(
            reason=bundle.get("reason", "")), _("Ask the curator for a bundle signed with a key this kiosk trusts "
                                               "(kiosk trust lists them)."))
    if not fleet.engine.answers():
        return Check(WARNING, title, _("Syncthing is not running: no new content comes from the fleet, and no "
                                       "report goes back to it."), _("sudo systemctl start musee-kiosk-fleet"))
    return Check(OK, title, _("In the fleet of {coordinator}; Syncthing is running.").format(
        coordinator=fleet.coordinator.get("name", "")))


def _restarts(ctx: Context, _) -> Check | None:
    starts = StartLog(ctx.data_dir / "starts.json").recent(3600)
    if starts <= 1:
        return None
    found = _("The kiosk started {count} times in the last hour.").format(count=starts)
    if starts <= 3:
        return Check(OK, _("Restarts"), found)
    return Check(WARNING, _("Restarts"), found, _("Read why it stopped: journalctl -u musee-kiosk -b"))


def _service(_) -> Check:
    title = _("Service")
    if not shutil.which("systemctl") or not Path("/etc/systemd/system", SERVICE).exists():
        return Check(OK, title, _("Not installed as a service (as on a laptop): start it with 'kiosk run'."))
    state, enabled = _systemctl("is-active", SERVICE), _systemctl("is-enabled", SERVICE)
    if state == "active" and enabled == "enabled":
        return Check(OK, title, _("musee-kiosk is running and starts at power-on."))
    if state == "active":
        return Check(WARNING, title, _("musee-kiosk is running but will not start at power-on."),
                     _("sudo systemctl enable musee-kiosk"))
    if state == "activating":   # the pause before a restart (kiosk backoff), or starting
        return Check(WARNING, title, _("musee-kiosk is starting, or waiting before a restart after stopping."),
                     _("Read why it stopped: journalctl -u musee-kiosk -b"))
    return Check(PROBLEM, title, _("musee-kiosk is {state}.").format(state=state or "?"),
                 _("Start it again: sudo systemctl restart musee-kiosk, then read what it said: "
                   "journalctl -u musee-kiosk -b"))


def _systemctl(*args: str) -> str:
    try:
        return subprocess.run(["systemctl", *args], capture_output=True, text=True, timeout=10).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return ""


def _duration(seconds: float) -> str:
    minutes = int(seconds // 60)
    return f"{minutes // 1440} d {minutes % 1440 // 60} h" if minutes >= 1440 else f"{minutes // 60} h {minutes % 60:02d}"


def format_checks(checks: list[Check], _) -> str:
    marks = {OK: "✓", WARNING: "!", PROBLEM: "✗"}
    lines = []
    for check in checks:
        lines.append(f"{marks[check.status]} " + _("{title}: {found}").format(title=check.title, found=check.found))
        if check.fix and check.status != OK:
            lines.append("    " + _("Fix: {fix}").format(fix=check.fix))
    wrong = sum(1 for check in checks if check.status != OK)
    lines.append(_("All is well.") if not wrong else _("Things to look at: {count}.").format(count=wrong))
    return "\n".join(lines)
