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
import math
from pathlib import Path

from kivy.clock import Clock
from kivy.core.text import Label as CoreLabel
from kivy.core.window import Window
from kivy.graphics import Color, Rectangle
from kivy.lang import Builder
from kivy.properties import BooleanProperty, ListProperty, NumericProperty, StringProperty
from kivy.uix.boxlayout import BoxLayout
from kivy.uix.gridlayout import GridLayout
from kivy.uix.label import Label

from kiosk.facilitator.export import size_text
from kiosk.facilitator.settings import IDLE_TIMEOUT_MAX, IDLE_TIMEOUT_MIN
from kiosk.facilitator.today import duration_text, language_rows, visits_text
from kiosk.gui.facilitator.health_card import add_health_card, checks_now
from kiosk.gui.screens.base import KioskScreen
from kiosk.gui.theme import Theme
from kiosk.gui.widgets.dialogs import ask_text, choose_folder, open_panel
from kiosk.gui.widgets.widgets import KioskButton, MirrorBox, TextBlock
from kiosk.i18n import interface_languages, language_name
from kiosk.icons import icon
from kiosk.opening import ALWAYS, EXAMPLE as EXAMPLE_HOURS, OpeningHoursError, venue_hours
from kiosk.render.bidi import has_rtl, shape_line

Builder.load_file(str(Path(__file__).with_name("menu.kv")))

IDLE_STEP = 30
MODE_KINDS = {"guided": "tour", "workshop": "workshop"}


LATIN_FONT, ARABIC_FONT = Theme.font_for("fr"), Theme.font_for("ar")


class MenuCard(BoxLayout):
    """One section of the menu: a white card with an icon and a heading."""


class MenuBar(BoxLayout):
    """A figure of the day: its name and value above a bar across the card (a long title wraps at most twice)."""

    label = StringProperty("")
    figure = StringProperty("")
    fraction = NumericProperty(0)     # the bar's length, 0 to 1 of the longest
    colour = ListProperty([0, 0, 0, 1])
    rtl = BooleanProperty(False)      # the name on the right, the bar grows from the right
    label_font = StringProperty(LATIN_FONT)
    figure_font = StringProperty(LATIN_FONT)


class FacilitatorScreen(KioskScreen):
    notice = StringProperty("")  # the answer to the last action (export done, content reloaded, …)
    two_columns = BooleanProperty(True)  # landscape: two columns of cards; portrait: one

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self._balance_soon = Clock.create_trigger(self._balance)
        self._checks = None

    def on_pre_enter(self, *_args) -> None:
        self.notice = ""
        self._checks = None   # kiosk doctor's checklist, run once per visit to the menu (and on "Check again")
        self.refresh()
        self.ids.scroll.scroll_y = 1  # each visit to the menu starts at its top

    def refresh(self) -> None:
        self.two_columns = Window.width > Window.height * 1.1
        left, right = self.ids.left, self._right_column()
        left.clear_widgets()
        right.clear_widgets()
        sections = (self._warnings, self._today, self._mode, self._wall, self._language_and_timing, self._venue,
                    self._opening_hours, self._content, self._new_content, self._fleet, self._export, self._health,
                    self._leave)
        for build in sections:
            build(left)
        self._balance()

    def _balance(self, *_args) -> None:
        """Landscape: the cards in reading order, cut where the two columns come out nearest in height.

        Called again whenever a card's height changes (its texts are measured a frame or two later)."""
        if not self.two_columns:
            return
        left, right = self.ids.left, self._right
        cards = [*reversed(left.children), *reversed(right.children)]
        if len(cards) < 2:
            return
        heights = [card.height for card in cards]
        split = min(range(1, len(cards) + 1), key=lambda i: abs(sum(heights[:i]) - sum(heights[i:])))
        if len(left.children) == split:
            return
        left.clear_widgets()
        right.clear_widgets()
        for index, card in enumerate(cards):
            (left if index < split else right).add_widget(card)

    def _right_column(self):
        """The second column, in the tree only in landscape (a hidden one would still take its spacing)."""
        columns = self.ids.columns
        if getattr(self, "_right", None) is None:
            self._right = self.ids.right.__self__   # held strongly: ids are weak references, and it leaves the tree
        if self.two_columns and self._right.parent is None:
            columns.add_widget(self._right)
        elif not self.two_columns and self._right.parent is not None:
            columns.remove_widget(self._right)
        return self._right

    # --- sections ---------------------------------------------------------------------------
    def _warnings(self, box) -> None:
        problems = []
        if self.app.stats.problem:
            problems.append(self._("Visit statistics are not being recorded: {problem}").format(
                problem=self.app.stats.problem))
        if not self.app.pin_guard.is_set:
            problems.append(self._("No PIN is set: anyone who finds the gesture can open this menu. "
                                   "Set one on the kiosk's computer with: kiosk set-pin"))
        if problems:
            card = self._card(box, "triangle-alert", self._("Warning"), tone="danger")
            for problem in problems:
                card.add_widget(self._text(problem, tone="danger", bold=True))

    def _today(self, box) -> None:
        card = self._card(box, "chart-bar", self._("Today"))
        numbers = self.app.facilitator.export.today()
        if numbers is None or not numbers.visits:
            card.add_widget(self._text(self._("No visit recorded yet today."), tone="muted"))
            return
        card.add_widget(self._text(visits_text(numbers, self._, self.language.ngettext), bold=True))
        if numbers.top_exhibits:
            card.add_widget(self._subheading(self._("Exhibits that held attention")))
            rows = [(self._exhibit_title(a.exhibit), a.total_seconds) for a in numbers.top_exhibits]
            self._bars(card, rows, self.app.theme.accent, lambda value: duration_text(value, self._))
        card.add_widget(self._subheading(self._("Languages (visits)")))
        rows = [(language_name(code) if code else self._("No language chosen"), count)
                for code, count in language_rows(numbers)]
        self._bars(card, rows, self.app.theme.ink, lambda value: f"{value:.0f}")

    def _bars(self, card, rows: list[tuple[str, float]], colour, figure) -> None:
        largest = max((value for _label, value in rows), default=0) or 1
        for label, value in rows:
            text = figure(value)
            card.add_widget(MenuBar(label=label, figure=text, fraction=value / largest, colour=list(colour),
                                    rtl=self.language.rtl, label_font=self._font(label), figure_font=self._font(text)))

    def _exhibit_title(self, exhibit_id: str) -> str:
        manifest = self.app.content.exhibit(exhibit_id)
        return self.app.facilitator_text(manifest.title) if manifest else exhibit_id

    def _mode(self, box) -> None:
        settings, guided = self.app.settings, self.app.facilitator.guided
        card = self._card(box, "users", self._("Mode"))
        modes = (("free", self._("Free visit")), ("guided", self._("Guided tour")), ("workshop", self._("Workshop")))
        card.add_widget(self._grid([self._choice(label, settings.mode == mode, lambda mode=mode: self._set_mode(mode))
                                    for mode, label in modes]))
        if settings.mode == "free":
            return
        paths = [p for p in self.app.content.paths if p.kind == MODE_KINDS[settings.mode]]
        if not paths:
            card.add_widget(self._text(self._("This content has no path of this kind (paths/ folder).")))
        for path in paths:
            running = guided.session is not None and guided.session.path.id == path.id
            steps = self.language.ngettext("{count} step", "{count} steps", len(path.steps)).format(
                count=len(path.steps))
            label = " · ".join((self.app.facilitator_text(path.title), steps,
                                self._("{minutes} min").format(minutes=int(path.total_minutes))))
            card.add_widget(self._choice(label, running, lambda path=path: self._start(path.id),
                                         icon="play"))  # chosen: filled

    def _language_and_timing(self, box) -> None:
        settings, languages = self.app.settings, self.app.content.collection.languages
        card = self._card(box, "languages", self._("Language of this menu"))
        card.add_widget(self._grid([self._choice(language_name(code), code == self.language.language,
                                                 lambda code=code: self._set(facilitator_language=code), font=code)
                                    for code in interface_languages()]))
        card.add_widget(self._subheading(self._("Language at the start of each visit")))
        current = settings.default_language or languages.default
        card.add_widget(self._grid(self._language_choices(current, "default_language")))
        card.add_widget(self._subheading(self._("Second language at the start of each visit")))
        second = self.app.default_second_language     # texts shown in it too, beside the visitor's (not the first)
        none = self._choice(self._("None"), not second or second == current,
                            lambda: self._set(default_second_language=None))
        card.add_widget(self._grid([none, *self._language_choices(second, "default_second_language", leave=current)]))
        card.add_widget(self._subheading(self._("Back to the start after")))
        row = self._row()
        seconds = self.app.idle.timeout
        row.add_widget(self._step("minus", lambda: self._set(idle_timeout=max(IDLE_TIMEOUT_MIN, seconds - IDLE_STEP))))
        row.add_widget(self._value(self._("{seconds} s without a touch").format(seconds=int(seconds))))
        row.add_widget(self._step("plus", lambda: self._set(idle_timeout=min(IDLE_TIMEOUT_MAX, seconds + IDLE_STEP))))
        card.add_widget(row)

    def _language_choices(self, current: str, setting: str, leave: str = "") -> list:
        """A choice per content language (but ``leave``), each named in itself; the one chosen sets ``setting``."""
        return [self._choice(language_name(code), code == current, lambda code=code: self._set(**{setting: code}),
                             font=code)
                for code in self.app.content.collection.languages.languages if code != leave]

    def _venue(self, box) -> None:
        settings = self.app.settings
        card = self._card(box, "map-pin", self._("Venue (attached to votes, ideas and exports)"))
        card.add_widget(self._button(settings.venue_town or self._("Set the town"), self._ask_town, plain=True))
        row = self._row()
        day = _date(settings.venue_date) or datetime.date.today()  # -1 and +1 count from today while none is set
        row.add_widget(self._step("minus", lambda: self._set(venue_date=(day - datetime.timedelta(days=1)).isoformat())))
        row.add_widget(self._value(settings.venue_date or self._("No date")))
        row.add_widget(self._step("plus", lambda: self._set(venue_date=(day + datetime.timedelta(days=1)).isoformat())))
        today = self._button(self._("Today"), lambda: self._set(venue_date=datetime.date.today().isoformat()),
                             plain=True, icon="calendar")
        _fit_text(today)   # its word whole on one line ("Aujourd'hui" broke at 1280×800)
        row.add_widget(today)
        card.add_widget(row)

    def _opening_hours(self, box) -> None:
        """This venue's opening hours, in place of the exhibition's: outside them the screen sleeps (kiosk.gui.sleep)."""
        own, exhibition = self.app.settings.opening_hours, self.app.content.collection.opening_hours
        card = self._card(box, "clock", self._("Opening hours"))
        card.add_widget(self._text(self._("Outside these hours the screen sleeps once nobody is visiting. "
                                          "A touch wakes it for a visit."), tone="muted"))
        if own not in (None, ALWAYS):
            card.add_widget(self._text(own, bold=True))
        elif own is None and exhibition is not None:
            card.add_widget(self._text(self._("{hours} (the exhibition's)").format(hours=exhibition.expression), bold=True))
        card.add_widget(self._grid([
            self._choice(self._("As the exhibition says"), own is None, lambda: self._set(opening_hours=None)),
            self._choice(self._("Always open"), own == ALWAYS, lambda: self._set(opening_hours=ALWAYS)),
            self._choice(self._("Other hours"), own not in (None, ALWAYS), self._ask_hours, icon="keyboard"),
        ]))

    def _ask_hours(self) -> None:
        current = self.app.settings.opening_hours or getattr(self.app.content.collection.opening_hours,
                                                             "expression", "") or EXAMPLE_HOURS
        ask_text(self.app, self._("Opening hours of this venue, for example {example}").format(example=EXAMPLE_HOURS),
                 current if current != ALWAYS else EXAMPLE_HOURS, 120, self._take_hours)

    def _take_hours(self, text: str) -> None:
        try:
            expression = venue_hours(text, self.app.content.collection).expression
        except OpeningHoursError:
            self.notice = self._("Not changed: “{hours}” could not be read. Write the hours like “{example}”.").format(
                hours=text.strip(), example=EXAMPLE_HOURS)
            return
        self._set(opening_hours=expression)

    def _health(self, box) -> None:
        if self._checks is None or self._checks[0] != self.language.language:   # once per visit and language
            self._checks = (self.language.language, checks_now(self.app))
        add_health_card(self, box, self._checks[1], self._check_again)

    def _check_again(self) -> None:
        self._checks = None
        self.refresh()

    def _wall(self, box) -> None:
        if not any(m.type == "wall" for m in self.app.content.exhibits):
            return
        waiting = self.app.facilitator.wall.counts()["pending"]
        card = self._card(box, "message-square-text", self._("Wall of alternatives"))
        label = (self.language.ngettext("Read {count} new idea", "Read {count} new ideas", waiting).format(count=waiting)
                 if waiting else self._("No new idea: see every idea"))   # not "Read 0 new idea"
        card.add_widget(self._button(label, self._open_moderation, icon="eye"))

    def _content(self, box) -> None:
        content, faulty = self.app.content, self.app.navigator.faulty
        card = self._card(box, "file-text", self._("Content"))
        ngettext = self.language.ngettext
        problems = len(content.skipped) + sum(not r.valid for r in content.path_results) + len(faulty)
        parts = (ngettext("{count} exhibit shown", "{count} exhibits shown", len(content.exhibits)),
                 ngettext("{count} guided path", "{count} guided paths", len(content.paths)),
                 ngettext("{count} problem", "{count} problems", problems) if problems else self._("no problem"))
        counts = (len(content.exhibits), len(content.paths), problems)
        card.add_widget(self._text(" · ".join(part.format(count=n) for part, n in zip(parts, counts)),
                                   tone="danger" if problems else "ink"))
        for line in self.app.facilitator.content.problems():
            card.add_widget(self._text(line, role="small", tone="danger"))
        card.add_widget(self._button(self._("Reload the content"), self._reload, plain=True, icon="refresh-cw"))

    def _new_content(self, box) -> None:
        updates = self.app.facilitator.content
        card = self._card(box, "usb", self._("New content from a USB stick"))
        card.add_widget(self._text(self._("Live now: {bundle}").format(bundle=updates.describe_live())))
        if updates.installing is not None:
            return  # the notice shows the progress; no second install meanwhile
        self._keys(card, updates)
        found = updates.stick_bundles()
        if not found:
            card.add_widget(self._text(self._("No new content on this stick. The curator prepares it on a computer, "
                                              "in a folder named KIOSK_CONTENT at the root of the stick."),
                                       role="small", tone="muted"))
        for bundle in found:
            if bundle.info is None:
                reason = " ".join(part for part in (bundle.headline(self._), bundle.problem) if part)
                card.add_widget(self._text(self._("On {stick}: {file} cannot be installed. {reason}").format(
                    stick=self._embedded(bundle.drive), file=bundle.path.name, reason=reason),
                    role="small", tone="danger"))
                continue
            card.add_widget(self._text(self._("On {stick}: {bundle}").format(stick=self._embedded(bundle.drive),
                                                                           bundle=updates.describe(bundle.info))))
            card.add_widget(self._button(self._("Install this version…"),
                                         lambda bundle=bundle: updates.confirm_install(bundle)))

    def _keys(self, card, updates) -> None:
        """Which signatures the kiosk asks for, and a curator's key on the stick to trust."""
        trusted = updates.trusted()
        if trusted:
            card.add_widget(self._text(self._("Only bundles signed with the key {fingerprints} are installed.").format(
                fingerprints=", ".join(self._latin(key.fingerprint) for key in trusted)), role="small", tone="muted"))
        for found in updates.stick_keys():
            card.add_widget(self._text(self._("On {stick}: the signing key {fingerprint}").format(
                stick=self._embedded(found.drive), fingerprint=self._latin(found.key.fingerprint))))
            card.add_widget(self._button(self._("Trust this key…"), lambda found=found: updates.confirm_trust(found),
                                         plain=True, icon="key-round"))

    def _fleet(self, box) -> None:
        """A fleet's kiosk: its device ID to pair it (a QR code and the text), its coordinator, the last bundle."""
        member = self.app.fleet
        if member is None:
            return
        fleet, bundle = member.fleet, member.state().get("bundle") or {}
        card = self._card(box, "network", self._("Fleet"))
        coordinator = fleet.coordinator["name"] if fleet.coordinator else self._("none yet")
        card.add_widget(self._text(self._("This kiosk: {name}. Coordinator: {coordinator}.").format(
            name=fleet.name, coordinator=coordinator)))
        when = self._latin(bundle.get("when", "")[:16].replace("T", " "))
        if bundle.get("result") == "refused":   # why, in one sentence of the menu's language (details: kiosk doctor)
            from kiosk.bundles.manifest import BundleError

            reason = BundleError("", bundle.get("kind", "")).headline(self._) or bundle.get("reason", "")
            card.add_widget(self._text(self._("Content from the fleet refused on {date}: {reason}").format(
                date=when, reason=reason), role="small", tone="danger"))
        elif bundle.get("result") == "installed":
            card.add_widget(self._text(self._("Content from the fleet: version {version}, installed on {date}.").format(
                version=self._latin(bundle.get("version") or "?"), date=when), role="small"))
        card.add_widget(self._text(self._("To pair it, the coordinator scans this code or types this kiosk's "
                                          "device ID:"), role="small", tone="muted"))
        card.add_widget(self._device_id(fleet.device_id))

    def _device_id(self, device_id: str):
        """The device ID as a QR code beside its 8 groups, on two lines, in a fixed-width font to copy them."""
        from kivy.core.image import Image as CoreImage
        from kivy.uix.widget import Widget

        from kiosk.visit.qr import pixels_per_module

        theme, code = self.app.theme, self.app.qr.get(device_id)
        texture = CoreImage(str(code.path)).texture
        texture.mag_filter = texture.min_filter = "nearest"
        side = code.modules * pixels_per_module(code.modules, int(theme.touch * 3.2), minimum=4)
        row = MirrorBox(rtl=self.language.rtl, size_hint_y=None, height=side, spacing=theme.pad)
        picture = Widget(size_hint=(None, None), size=(side, side))
        with picture.canvas:
            Color(1, 1, 1, 1)
            rectangle = Rectangle(texture=texture, size=(side, side))
        picture.bind(pos=lambda widget, pos: setattr(rectangle, "pos", pos))
        groups = device_id.split("-")
        words = Label(text="\n".join(("-".join(groups[:4]) + "-", "-".join(groups[4:]))), font_name="Kiosk", bold=True,
                      font_size=theme.small, color=theme.ink, halign="right" if self.language.rtl else "left",
                      valign="middle")
        words.bind(size=lambda widget, size: setattr(widget, "text_size", size))
        row.add_widget(picture)
        row.add_widget(words)
        return row

    def _export(self, box) -> None:
        card = self._card(box, "usb", self._("Export to a USB stick"))
        drives = self.app.facilitator.export.drives()
        if not drives:
            card.add_widget(self._text(self._("No USB stick found. Plug one in, or choose a folder."), tone="muted"))
        for drive in drives:
            label = self._("Export to {name} ({free} free)").format(
                name=self._embedded(drive.label), free=size_text(drive.free_bytes, self.language.language))
            card.add_widget(self._button(label, lambda folder=drive.mount_point: self._export_to(folder), icon="usb"))
            if self.app.facilitator.printing.done is None:   # cards, posters, handouts and booklets, to print
                card.add_widget(self._button(self._("Print-ready PDFs to {name}").format(name=self._embedded(drive.label)),
                                             lambda folder=drive.mount_point: self.app.facilitator.printing.start(folder),
                                             plain=True, icon="file-text"))
        card.add_widget(self._grid([self._button(self._("Look for sticks again"), self.refresh, plain=True,
                                                 icon="refresh-cw"),
                                    self._button(self._("Choose a folder…"), self._choose_folder, plain=True)]))

    def _leave(self, box) -> None:
        card = self._card(box, "log-out", self._("Leave"))
        facilitator, danger = self.app.facilitator, self.app.theme.danger
        card.add_widget(self._grid([self._button(self._("Back to the visit"), facilitator.close_menu, icon="x"),
                                    self._button(self._("Exit the kiosk"), facilitator.access.ask_exit,
                                                 background=danger, icon="lock")]))

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

    # --- small builders (everything in the facilitator's language and direction) -------------
    @property
    def language(self):
        return self.app.facilitator_language

    def _(self, text: str) -> str:
        return self.language.gettext(text)

    def _card(self, box, icon_name: str, title: str, tone: str = "ink") -> MenuCard:
        card = MenuCard()
        card.bind(height=self._balance_soon)
        heading = MirrorBox(rtl=self.language.rtl, size_hint_y=None, spacing=self.app.theme.space * 1.5)
        mark = Label(text=icon(icon_name), font_name="Icons", font_size=self.app.theme.icon,
                     color=getattr(self.app.theme, tone), size_hint_x=None, width=self.app.theme.icon * 1.2)
        text = self._text(title, role="heading", bold=True, tone=tone)
        text.bind(height=lambda _w, h: setattr(heading, "height", max(h, self.app.theme.icon * 1.2)))
        heading.add_widget(mark)
        heading.add_widget(text)
        card.add_widget(heading)
        box.add_widget(card)
        return card

    def _embedded(self, name: str) -> str:
        """A stick's name inside a sentence of the menu: in Arabic, a right-to-left mark after it keeps the
        brackets that follow with the Arabic words ("STICK (1.0 GB free)" read in the right order)."""
        return f"{name}\u200f" if self.language.rtl else name

    def _latin(self, text: str) -> str:
        """Latin letters and digits inside a sentence of the menu (a key's "6668 7AAD F862 BD77"): in Arabic, embedded
        left to right (LRE…PDF; the bidirectional algorithm here has no isolates), or its groups come out of order."""
        return f"\u202a{text}\u202c" if self.language.rtl else text

    def _subheading(self, text: str) -> TextBlock:
        return self._text(text, role="body", bold=True)

    @staticmethod
    def _font(text: str) -> str:
        """The font of a text's own script: Latin text keeps the Latin font and line height in the Arabic menu,
        and "العربية" has its letters in the French menu."""
        return ARABIC_FONT if has_rtl(text) else LATIN_FONT

    def _text(self, text: str, role: str = "body", tone: str = "ink", bold: bool = False) -> TextBlock:
        theme = self.app.theme
        block = TextBlock(logical_text=text, role=role, bold=bold, font_override=self._font(text),
                          halign="right" if self.language.rtl and not has_rtl(text) else "auto")
        if tone == "danger":
            block.custom_color = theme.danger
        else:
            block.tone = tone
        return block

    def _value(self, text: str) -> Label:
        """A value between two buttons of a row, centred in its cell."""
        theme = self.app.theme
        label = Label(text=shape_line(text) if has_rtl(text) else text, font_name=self._font(text),
                      font_size=theme.body, color=theme.ink, halign="center", valign="middle")
        label.bind(size=lambda widget, size: setattr(widget, "text_size", size))
        return label

    def _row(self):
        """A row of a value between buttons, in reading order (right to left in Arabic)."""
        theme = self.app.theme
        return MirrorBox(rtl=self.language.rtl, size_hint_y=None, height=theme.touch, spacing=theme.space * 1.5)

    def _grid(self, buttons: list[KioskButton]) -> GridLayout:
        """Buttons of equal width across the card, in reading order: as many a row as their longest caption
        allows, the rows as full as can be (six languages: 3 + 3, not 4 + 2)."""
        theme = self.app.theme
        grid = GridLayout(cols=len(buttons), size_hint_y=None, spacing=theme.space * 1.5,
                          orientation="rl-tb" if self.language.rtl else "lr-tb")
        grid.bind(minimum_height=grid.setter("height"))
        for button in buttons:
            grid.add_widget(button)

        def arrange(*_args):
            widest = max(_natural_width(button) for button in buttons)
            fit = max(1, min(len(buttons), int((grid.width + grid.spacing[0]) // (widest + grid.spacing[0]))))
            grid.cols = math.ceil(len(buttons) / math.ceil(len(buttons) / fit))
        grid.bind(width=arrange)
        for button in buttons:
            button.bind(text=arrange, font_size=arrange, padding=arrange)
        return grid

    def _styled(self, button: KioskButton, icon_name: str = "") -> KioskButton:
        """The facilitator's font and direction; icon and caption as one centred group."""
        button.font_override = self.language.font
        button.direction = "rtl" if self.language.rtl else "ltr"
        button.facilitator_side = True   # icon_rtl from the facilitator's language (widgets.kv)
        button.icon = icon_name
        _keep_together(button)
        return button

    def _choice(self, label: str, chosen: bool, action, font: str | None = None, icon: str = "") -> KioskButton:
        theme = self.app.theme
        button = self._styled(KioskButton(text=label, background=theme.ink if chosen else theme.surface,
                                          foreground=theme.white if chosen else theme.ink, outline=theme.ink,
                                          size_factor=0.85), icon if chosen or icon else "")
        if font:
            button.font_override = theme.font_for(font)
        button.bind(on_release=lambda *_: action())
        return button

    def _button(self, label: str, action, plain: bool = False, background=None, icon: str = "") -> KioskButton:
        theme = self.app.theme
        button = self._styled(KioskButton(text=label, background=background or (theme.surface if plain else theme.ink),
                                          foreground=theme.ink if plain and not background else theme.white,
                                          outline=theme.ink if plain else [], size_factor=0.85), icon)
        button.bind(on_release=lambda *_: action())
        return button

    def _step(self, icon_name: str, action) -> KioskButton:
        """A square − or + button."""
        theme = self.app.theme
        button = KioskButton(text=icon(icon_name), font_name="Icons", background=theme.surface,
                             foreground=theme.ink, outline=theme.ink, size_hint_x=None, width=theme.touch)
        button.font_override = "Icons"
        button.bind(on_release=lambda *_: action())
        return button


def _natural_width(button: KioskButton) -> float:
    """The width of a button's caption on one line, its icon and margins included."""
    measure = CoreLabel(font_name=button.font_name, font_size=button.font_size, bold=button.bold)
    return measure.get_extents(button.text)[0] + button.padding[0] + button.padding[2]   # measured, not drawn


def _keep_together(button: KioskButton) -> None:
    """A caption on one line, with its icon just before it, the two centred as one group, whenever it fits;
    a caption too long for its button wraps across it (a wrapping caption fills the button, and puts
    its icon at the button's edge)."""
    def fit(*_args):
        button.wrap = button.size_hint_x is not None and _natural_width(button) > button.width
    button.bind(width=fit, text=fit, font_name=fit, font_size=fit, padding=fit)


def _fit_text(button: KioskButton) -> None:
    """A button of a fixed row as wide as its words, on one line; the row's value takes what is left."""
    button.size_hint_x, button.wrap = None, False

    def fit(*_args):
        button.width = _natural_width(button)
    fit()
    button.bind(text=fit, font_name=fit, font_size=fit, padding=fit)


def _date(text: str) -> datetime.date | None:
    """The venue's date, or None when none is set (the settings refuse anything that is not a date)."""
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        return None
