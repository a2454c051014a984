"""The facilitator menu, reached by the hidden gesture and the PIN.

It offers the mode (free visit, guided tour, workshop), the default language and idle
timeout, the venue attached to everything recorded, content reload and the list of
skipped or faulty exhibits, wall moderation, export to a USB stick, and the only way out
of ``--kiosk`` mode. Every change is saved at once in the kiosk's local settings.

The menu is rebuilt from the app's state each time it is shown (:meth:`refresh`); the
work itself is done by :mod:`kiosk.facilitator` (``app.facilitator``), the screen only asks for it.
"""

from __future__ import annotations

import datetime
from pathlib import Path

from kivy.app import App
from kivy.lang import Builder
from kivy.properties import StringProperty
from kivy.uix.gridlayout import GridLayout
from kivy.uix.label import Label

from kiosk.facilitator.settings import IDLE_TIMEOUT_MAX, IDLE_TIMEOUT_MIN
from kiosk.files import format_size
from kiosk.gui.screens.base import KioskScreen
from kiosk.gui.theme import rgba
from kiosk.gui.widgets.bar_chart import bar_rows
from kiosk.gui.widgets.dialogs import ask_text, choose_folder, open_panel
from kiosk.gui.widgets.widgets import KioskButton, TextBlock
from kiosk.i18n import language_name
from kiosk.render.bidi import has_rtl, is_rtl, shape_line

Builder.load_file(str(Path(__file__).with_name("menu.kv")))

IDLE_STEP = 30
MODE_KINDS = {"guided": "tour", "workshop": "workshop"}


class FacilitatorScreen(KioskScreen):
    notice = StringProperty("")  # the answer to the last action (export done, content reloaded, …)

    def on_pre_enter(self, *_args) -> None:
        self.notice = ""
        self.refresh()
        self.ids.scroll.scroll_y = 1  # each visit to the menu starts at its top

    def refresh(self) -> None:
        box = self.ids.sections
        box.clear_widgets()
        for build in (self._warnings, self._today, self._mode, self._language_and_timing, self._venue, self._wall,
                      self._content, self._new_content, self._export, self._leave):
            build(box)

    # --- sections ---------------------------------------------------------------------------
    def _warnings(self, box) -> None:
        if self.app.stats.problem:
            box.add_widget(_text(self._("Visit statistics are not being recorded: {problem}").format(
                problem=self.app.stats.problem), tone=rgba("#8C2F39"), bold=True))
        if not self.app.pin_guard.is_set:
            box.add_widget(_text(self._("No PIN is set: anyone who finds the gesture can open this menu. "
                                        "Set one on the kiosk's computer with: kiosk set-pin"), tone=rgba("#8C2F39"),
                                 bold=True))

    def _today(self, box) -> None:
        numbers = self.app.facilitator.export.today()
        box.add_widget(_heading(self._("Today")))
        if numbers is None or not numbers.visits:
            box.add_widget(_text(self._("No visit recorded yet today.")))
            return
        minutes, seconds = divmod(int(numbers.median_visit_seconds), 60)
        box.add_widget(_text(self._("{visits} visits; half of them lasted more than {minutes} min {seconds} s.").format(
            visits=numbers.visits, minutes=minutes, seconds=seconds)))
        theme, rtl = self.app.theme, is_rtl(self.app.language)
        if numbers.top_exhibits:
            box.add_widget(_text(self._("Exhibits that held attention (minutes)"), role="small", bold=True))
            rows = [(self._exhibit_title(a.exhibit), a.total_seconds / 60) for a in numbers.top_exhibits]
            for row in bar_rows(rows, theme.accent, figure=_minutes, rtl=rtl):
                box.add_widget(row)
        box.add_widget(_text(self._("Languages (visits)"), role="small", bold=True))
        for row in bar_rows([(language_name(code), count) for code, count in numbers.languages.items()], theme.ink,
                            figure=lambda value: f"{value:.0f}", rtl=rtl):
            box.add_widget(row)

    def _exhibit_title(self, exhibit_id: str) -> str:
        manifest = self.app.content.exhibit(exhibit_id)
        return self.app.text(manifest.title) if manifest else exhibit_id

    def _mode(self, box) -> None:
        settings, guided = self.app.settings, self.app.facilitator.guided
        box.add_widget(_heading(self._("Mode")))
        row = _row()
        for mode, label in (("free", self._("Free visit")), ("guided", self._("Guided tour")),
                            ("workshop", self._("Workshop"))):
            row.add_widget(self._choice(label, settings.mode == mode, lambda mode=mode: self._set_mode(mode)))
        box.add_widget(row)
        if settings.mode == "free":
            return
        paths = [p for p in self.app.content.paths if p.kind == MODE_KINDS[settings.mode]]
        if not paths:
            box.add_widget(_text(self._("This content has no path of this kind (paths/ folder).")))
        for path in paths:
            running = guided.session is not None and guided.session.path.id == path.id
            label = self._("{title} · {steps} steps · {minutes} min").format(
                title=self.app.text(path.title), steps=len(path.steps), minutes=int(path.total_minutes))
            box.add_widget(self._choice(label, running, lambda path=path: self._start(path.id)))  # chosen: filled

    def _language_and_timing(self, box) -> None:
        settings, languages = self.app.settings, self.app.content.collection.languages
        box.add_widget(_heading(self._("Language at the start of each visit")))
        row = _row()
        current = settings.default_language or languages.default
        for code in languages.languages:
            row.add_widget(self._choice(language_name(code), code == current,
                                        lambda code=code: self._set(default_language=code), font=code))
        box.add_widget(row)
        box.add_widget(_heading(self._("Back to the start after")))
        row = _row()
        seconds = self.app.idle.timeout
        row.add_widget(self._button("-", lambda: self._set(idle_timeout=max(IDLE_TIMEOUT_MIN, seconds - IDLE_STEP))))
        row.add_widget(_value(self._("{seconds} s without a touch").format(seconds=int(seconds))))
        row.add_widget(self._button("+", lambda: self._set(idle_timeout=min(IDLE_TIMEOUT_MAX, seconds + IDLE_STEP))))
        box.add_widget(row)

    def _venue(self, box) -> None:
        settings = self.app.settings
        box.add_widget(_heading(self._("Venue (attached to votes, ideas and exports)")))
        box.add_widget(self._button(settings.venue_town or self._("Set the town"), self._ask_town, plain=True))
        row = _row()
        day = _date(settings.venue_date) or datetime.date.today()  # -1 and +1 count from today while none is set
        row.add_widget(self._button("-1", lambda: self._set(venue_date=(day - datetime.timedelta(days=1)).isoformat())))
        row.add_widget(_value(settings.venue_date or self._("No date")))
        row.add_widget(self._button("+1", lambda: self._set(venue_date=(day + datetime.timedelta(days=1)).isoformat())))
        row.add_widget(self._button(self._("Today"), lambda: self._set(venue_date=datetime.date.today().isoformat())))
        box.add_widget(row)

    def _wall(self, box) -> None:
        if not any(m.type == "wall" for m in self.app.content.exhibits):
            return
        waiting = self.app.facilitator.wall.counts()["pending"]
        box.add_widget(_heading(self._("Wall of alternatives")))
        box.add_widget(self._button(self._("Read new ideas ({count} waiting)").format(count=waiting),
                                    self._open_moderation))

    def _content(self, box) -> None:
        content, faulty = self.app.content, self.app.navigator.faulty
        box.add_widget(_heading(self._("Content")))
        box.add_widget(_text(self._("{exhibits} exhibits and {paths} paths shown; {skipped} skipped, {faulty} faulty.")
                             .format(exhibits=len(content.exhibits), paths=len(content.paths),
                                     skipped=len(content.skipped) + sum(not r.valid for r in content.path_results), faulty=len(faulty))))
        for line in self.app.facilitator.content.problems():
            box.add_widget(_text(line, role="small", tone=rgba("#8C2F39")))
        box.add_widget(self._button(self._("Reload the content"), self._reload))

    def _new_content(self, box) -> None:
        updates = self.app.facilitator.content
        box.add_widget(_heading(self._("New content from a USB stick")))
        box.add_widget(_text(self._("Live now: {bundle}").format(bundle=updates.describe_live())))
        if updates.installing is not None:
            return  # the notice shows the progress; no second install meanwhile
        found = updates.stick_bundles()
        if not found:
            box.add_widget(_text(self._("No bundle found. Put one in a folder named KIOSK_CONTENT at the root "
                                        "of the stick (kiosk bundle makes it)."), role="small"))
        for bundle in found:
            if bundle.info is None:
                reason = " ".join(part for part in (bundle.headline(self._), bundle.problem) if part)
                box.add_widget(_text(self._("On {stick}: {file} cannot be installed. {reason}").format(
                    stick=bundle.drive, file=bundle.path.name, reason=reason), role="small",
                    tone=rgba("#8C2F39")))
                continue
            box.add_widget(_text(self._("On {stick}: {bundle}").format(stick=bundle.drive,
                                                                      bundle=updates.describe(bundle.info))))
            box.add_widget(self._button(self._("Install this version…"),
                                        lambda bundle=bundle: updates.confirm_install(bundle)))

    def _export(self, box) -> None:
        box.add_widget(_heading(self._("Export to a USB stick")))
        drives = self.app.facilitator.export.drives()
        if not drives:
            box.add_widget(_text(self._("No USB stick found. Plug one in, or choose a folder.")))
        for drive in drives:
            label = self._("Export to {name} ({free} free)").format(name=drive.label, free=format_size(drive.free_bytes))
            box.add_widget(self._button(label, lambda folder=drive.mount_point: self._export_to(folder)))
        row = _row()
        row.add_widget(self._button(self._("Look for sticks again"), self.refresh, plain=True))
        row.add_widget(self._button(self._("Choose a folder…"), self._choose_folder, plain=True))
        box.add_widget(row)

    def _leave(self, box) -> None:
        box.add_widget(_heading(self._("Leave")))
        row = _row()
        row.add_widget(self._button(self._("Back to the visit"), self.app.facilitator.close_menu))
        row.add_widget(self._button(self._("Exit the kiosk"), self.app.facilitator.access.ask_exit,
                                    background=rgba("#8C2F39")))
        box.add_widget(row)

    # --- actions ----------------------------------------------------------------------------
    def _set_mode(self, mode: str) -> None:
        if mode == "free":
            self.app.facilitator.guided.stop()
        self._set(mode=mode)

    def _start(self, path_id: str) -> None:
        self.app.facilitator.guided.start(path_id)

    def _set(self, **values) -> None:
        refused = self.app.facilitator.settings_editor.change(**values)
        if refused:
            self.notice = refused
        self.refresh()

    def _ask_town(self) -> None:
        ask_text(self.app, self._("Town of the venue"), self.app.settings.venue_town, 60,
                 lambda town: self._set(venue_town=town.strip()))

    def _reload(self) -> None:
        self.notice = self.app.facilitator.content.reload_content()
        self.refresh()

    def _export_to(self, folder) -> None:
        self.notice = self.app.facilitator.export.export(folder)
        self.refresh()

    def _choose_folder(self) -> None:
        choose_folder(self.app, self._export_to)

    def _open_moderation(self) -> None:
        from kiosk.gui.facilitator.moderation import ModerationPanel

        open_panel(ModerationPanel(self.app), self._("Close"), on_close=self.refresh)

    # --- small builders -------------------------------------------------------------------
    def _(self, text: str) -> str:
        return self.app.tr._(text)

    def _choice(self, label: str, chosen: bool, action, font: str | None = None) -> KioskButton:
        theme = self.app.theme
        button = KioskButton(text=label, background=theme.ink if chosen else theme.paper,
                             foreground=[1, 1, 1, 1] if chosen else theme.ink, outline=theme.ink)
        if font:
            button.font_override = theme.font_for(font)
        button.bind(on_release=lambda *_: action())
        return button

    def _button(self, label: str, action, plain: bool = False, background=None) -> KioskButton:
        theme = self.app.theme
        button = KioskButton(text=label, background=background or (theme.paper if plain else theme.ink),
                             foreground=theme.ink if plain and not background else [1, 1, 1, 1],
                             outline=theme.ink if plain else [])
        button.bind(on_release=lambda *_: action())
        return button


def _minutes(value: float) -> str:
    return f"{value:.1f}" if value < 10 else f"{value:.0f}"


def _heading(text: str) -> TextBlock:
    return TextBlock(logical_text=text, role="heading", bold=True)


def _text(text: str, role: str = "body", tone=None, halign: str = "auto", bold: bool = False) -> TextBlock:
    block = TextBlock(logical_text=text, role=role, halign=halign, bold=bold)
    if tone:
        block.custom_color = tone
    return block


def _value(text: str) -> Label:
    """A value between two buttons of a row, centred in its cell."""
    theme = App.get_running_app().theme
    label = Label(text=shape_line(text) if has_rtl(text) else text, font_name=theme.font, font_size=theme.body,
                  color=theme.ink, halign="center", valign="middle")
    label.bind(size=lambda widget, size: setattr(widget, "text_size", size))
    return label


def _row() -> GridLayout:
    theme = App.get_running_app().theme
    return GridLayout(rows=1, size_hint_y=None, height=theme.touch, spacing=theme.pad * 0.4)


def _date(text: str) -> datetime.date | None:
    """The venue's date, or None when none is set (the settings refuse anything that is not a date)."""
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        return None
