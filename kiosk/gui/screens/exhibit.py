"""The exhibit screen: a top bar (back, title, language, home), the exhibit's own view, and its QR codes.

The view comes from the exhibit type registry. If it raises while being built or shown,
the visitor is taken home without a word, the error is logged and the exhibit is marked
faulty for the facilitator (see ``Navigator.exhibit_failed``).
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import NamedTuple

from kivy.clock import Clock
from kivy.core.image import Image as CoreImage
from kivy.core.text import Label as CoreLabel
from kivy.core.window import Window
from kivy.lang import Builder
from kivy.properties import BooleanProperty, ListProperty, NumericProperty, ObjectProperty, StringProperty
from kivy.uix.label import Label
from kivy.uix.layout import Layout

from kiosk.events import QrShown
from kiosk.gui.screens.base import KioskScreen
from kiosk.gui.views import view_class
from kiosk.gui.widgets.narration import NarrationBar  # noqa: F401  (under the title bar, in exhibit.kv)
from kiosk.gui.widgets.reader import ReaderArrow  # noqa: F401  (the QR pager's arrows, in exhibit.kv)
from kiosk.gui.widgets.widgets import MirrorBox, QrPanel, QrStripCard
from kiosk.i18n import language_name_in
from kiosk.render.bidi import has_rtl, wrap_and_shape
from kiosk.render.typography import cut_to_lines
from kiosk.visit.qr import pixels_per_module

log = logging.getLogger(__name__)

Builder.load_file(str(Path(__file__).with_name("exhibit.kv")))


class ExhibitScreen(KioskScreen):
    heading = StringProperty("")
    heading_second = StringProperty("")   # the title in the visitor's second language, under it ("": none)
    second_fits = BooleanProperty(True)   # it has its line: the visitor's title fits whole above it
    room_colour = ListProperty([0, 0, 0, 1])
    room_name = StringProperty("")    # the top bar's way back: the room's name
    room_label = StringProperty("")   # "Back to the room"
    next_label = StringProperty("")   # "Next: <title>", or the next room at a room's end
    next_icon = StringProperty("arrow-right")   # the house for "Back to the start"
    next_width = NumericProperty(0)       # as wide as its words, up to the room the way on leaves (_fit_next)
    next_factor = NumericProperty(1.0)    # a little smaller when two lines would not fit the bar
    next_quiet = BooleanProperty(False)   # the view is not done with the visitor yet (a quiz before its end)
    notice = StringProperty("")       # "Some texts are shown in French", or nothing
    way_on_folded = BooleanProperty(False)  # the view asked for the whole height (see ExhibitView.absorbed)
    view = ObjectProperty(None, allownone=True)
    kept = BooleanProperty(False)     # the exhibit is on the visitor's list (kiosk.visit.basket)

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.manifest = None
        self._qr_pages = None   # (every card, the pager) while the QR column shows its cards a page at a time
        self._narrated = None   # (exhibit, language) read out by itself in the audio mode, this opening
        self._ready: dict[str, _Ready] = {}   # exhibit id → its view, built ahead while nobody touched (prepare)
        self.app.bind(language=self._on_language, second_language=self._on_language)  # a method: bound weakly
        self.app.theme.bind(look=self._on_language)   # an access mode: the view is built again, in its sizes and colours
        self._refit_qr = Clock.create_trigger(lambda _dt: self._fit_qr_column(), -1)
        self.ids.qr_scroll.bind(height=lambda *_: self._refit_qr())
        # held strongly: ids are weak, and the way on leaves the tree while the visitor types
        self._footer, self._content = self.ids.footer.__self__, self.ids.content.__self__
        self.ids.body.bind(orientation=lambda *_: self._fill_qr_codes() if self.view else None)
        self.fit_heading = Clock.create_trigger(lambda _dt: self._fit_heading(), -1)
        self.bind(heading=self.fit_heading, heading_second=self.fit_heading, notice=self.fit_heading,
                  way_on_folded=self.fit_heading)
        self.ids.heading.bind(width=self.fit_heading, font_size=self.fit_heading, font_name=self.fit_heading)
        self._my_list = self.ids.my_list.__self__   # in the way on only while the list holds something
        self.app.bind(basket_size=self._place_my_list)   # a method: bound weakly
        self._place_my_list()

    def _place_my_list(self, *_args) -> None:
        """"My list (n)" beside "back to the room" once the list holds something; out of the row otherwise (a
        hidden button would still take the row's gap from "next")."""
        footer, button = self.ids.footer, self._my_list
        if self.app.basket_size and button.parent is None:
            footer.add_widget(button, index=len(footer.children) - 1)   # right after "back to the room"
        elif not self.app.basket_size and button.parent is not None:
            footer.remove_widget(button)
        if self.manifest is not None and getattr(self, "_next_words", None):
            self._fit_next(self._next_words)

    def show(self, manifest) -> bool:
        """Build the view for ``manifest``; False (and the exhibit marked faulty) if it fails."""
        self.release()
        self.manifest = manifest
        room = self.app.content.collection.room(manifest.room)
        self.room_colour = self.app.theme.room_colour(room.colour) if room else self.app.theme.ink
        ready = self._take_ready(manifest)
        try:
            if ready is None:
                self.view = view_class(manifest.type)(manifest, self.app.view_context, self._state(manifest))
                # the host's size from its last layout: a view that sizes its pictures and pages by its own
                # size does so once, right, instead of first at Kivy's default 100×100 and again a frame later
                self.view.size = self.ids.host.size
            else:
                self.view = ready.view   # built, laid out and drawn in this very host, at this size
            self.view.bind(absorbed=self._fold_way_on)
            self._quiet_next()
            self.ids.host.add_widget(self.view)
            if ready is None:
                _lay_out(self.view)
        except Exception as exc:  # a visitor never sees a traceback
            self.release()
            self.navigator.exhibit_failed(manifest.id, exc)
            return False
        return self.refresh(ready.shown_in if ready is not None else None)

    # --- views built ahead (kiosk.gui.ahead): a tap on a card then only shows one ----------------------------
    def keep_ready(self) -> None:
        """Keep the view just built off screen (``show`` while another screen is shown, events muted),
        laid out and with its texts drawn, for the next ``show`` of its exhibit; release the rest.

        It is used only if nothing it was built from has changed since: the visitor's language,
        the window's size, the visitor (their state for this exhibit), a facilitator's group
        running the games, the exhibit itself (a reload). Otherwise ``show`` builds a new one.
        """
        if self.view is None or self.manifest is None or self.manager is not None and self.manager.current == self.name:
            return
        view, manifest = self.view, self.manifest
        view.unbind(absorbed=self._fold_way_on)
        self.ids.host.remove_widget(view)
        self._ready[manifest.id] = _Ready(view, self._ready_stamp(manifest), frozenset(self.app.shown_in))
        self.release()

    def has_ready(self, manifest) -> bool:
        ready = self._ready.get(manifest.id)
        return ready is not None and ready.stamp == self._ready_stamp(manifest)

    def keep_ready_only(self, exhibit_ids) -> None:
        """Drop the views built ahead for other exhibits (another room's): their memory goes back."""
        for exhibit_id in [i for i in self._ready if i not in exhibit_ids]:
            del self._ready[exhibit_id]

    def _take_ready(self, manifest):
        usable = self.has_ready(manifest)
        ready = self._ready.pop(manifest.id, None)
        return ready if usable else None

    def _ready_stamp(self, manifest) -> tuple:
        group = self.app.view_context.group
        return (id(manifest), self.app.language, self.app.shown_second, tuple(Window.size), self.app.theme.look, id(self._state(manifest)),
                group is not None and (group.active, group.is_revealed(manifest.id)))

    def _state(self, manifest) -> dict:
        return self.app.session.state_for(manifest.id)

    def _on_language(self, *_args) -> None:
        self._ready.clear()   # built in the language before
        self.refresh()

    def refresh(self, shown_in: frozenset | None = None) -> bool:
        """Re-render in the visitor's language; False (visitor sent home) if the view fails.

        ``shown_in``: the view is a view built ahead, whose texts are already in this language;
        they were shown in the fallback languages given.
        """
        if self.manifest is None or self.view is None:
            return False
        try:
            self.app.shown_in.clear()
            self.heading = self.app.text(self.manifest.title)
            self.heading_second = self.app.second_text(self.manifest.title)
            self.kept = self.manifest.id in self.app.session.basket
            if shown_in is None:
                self.view.refresh()
            else:
                self.app.shown_in.update(shown_in)
            self._fill_qr_codes()
            self._fill_narration()
            self.notice = fallback_notice(self.app)
            self._fill_way_on()   # after the notice: "next" leaves it room
            self._fold_way_on(self.view, self.view.absorbed)
        except Exception as exc:  # a visitor never sees a traceback
            exhibit_id = self.manifest.id
            self.release()
            self.navigator.exhibit_failed(exhibit_id, exc)
            return False
        return True

    def _quiet_next(self) -> None:
        """A view with ``in_progress`` (the quiz) keeps "next" quiet until it is over."""
        if self.view.property("in_progress", quiet=True) is None:
            self.next_quiet = False
            return
        self.view.bind(in_progress=self.setter("next_quiet"))
        self.next_quiet = self.view.in_progress

    def _fit_heading(self) -> None:
        """The title in the lines the bar's fixed height holds (two short lines or one): a title that
        does not fit is set a little smaller (down to 80 %), and only then cut with "…". The title in the
        second language takes a line under it only while the visitor's title still fits whole."""
        label, theme = self.ids.heading, self.app.theme
        room = theme.touch
        notice, second = self.ids.bar_notice, self.ids.heading_second
        if notice.logical_text:    # the notice's line under the title, while the way on is folded
            room -= theme.line_height(notice.font_size, notice.font_name)
        fitted = None
        if self.heading_second:
            fitted = self._heading_in(room - theme.line_height(second.font_size, second.font_name))
        self.second_fits = fitted is not None and fitted[3]
        if not self.second_fits:
            fitted = self._heading_in(room)
        factor, lines, shown, _whole = fitted
        # set once: the label's new size fits the title again, and finds the same answer
        label.size_factor, label.line_limit, label.logical_text = factor, lines, shown

    def _heading_in(self, room: float) -> tuple[float, int, str, bool]:
        """(size factor, lines, the title as shown, whether it is whole) for the title in ``room`` px of the bar."""
        label, theme = self.ids.heading, self.app.theme
        base = 1 if self.width >= self.height else 0.85
        for factor in (base, base * 0.9, base * 0.8):
            size = theme.heading * factor
            lines = max(1, min(2, theme.lines_in(room, size, label.font_name, "heading")))
            core = CoreLabel(font_name=label.font_name, font_size=size, bold=True)
            measure = lambda line, core=core: core.get_extents(line)[0]   # noqa: E731
            shown = fit_lines(label, self.heading, lines, measure=measure)
            if has_rtl(self.heading):   # right to left, the label wraps (and cuts) the title itself
                width = label.width - label.padding[0] - label.padding[2]
                if len(wrap_and_shape(self.heading, width, measure).split("\n")) <= lines:
                    return factor, lines, shown, True
            elif shown == self.heading:
                return factor, lines, shown, True
        return factor, lines, shown, False

    def _link_label(self, link) -> str:
        """The link's label, with "(in French)" when the site is in a language the visitor may not read."""
        label, site = self.app.text(link.label), link.foreign_to(self.app.language)
        if site is None:
            return label
        return self.app.gettext("{label} (in {language})").format(
            label=label, language=language_name_in(site, self.app.language))

    def _fill_qr_codes(self) -> None:
        column = self.ids.qr_column
        column.clear_widgets()
        self._qr_pages = None
        links = [(self._link_label(link), self.app.text(link.url)) for link in self.manifest.links]
        links += [link for link in self.view.extra_links() if link[1] not in {url for _, url in links}]
        shown = bool(links) and not self.way_on_folded   # nobody scans a code while typing: the keyboard takes its room
        self.ids.qr_scroll.opacity = 1 if shown else 0
        self.ids.qr_scroll.disabled = not shown
        self.ids.qr_scroll.size_hint_x = (0.28 if shown else 0.001) if self.ids.body.orientation == "horizontal" else 1
        if not shown:
            return
        column.add_widget(_scan_title(self.app))
        max_side = self._qr_side([label for label, _url in links])
        self._qr_count = len(links)
        portrait = self.ids.body.orientation != "horizontal"
        row = MirrorBox(rtl=self.app.theme.rtl, size_hint_y=None, spacing=self.app.theme.pad * 0.6) if portrait else None
        for label, url in links:
            (row or column).add_widget(self._qr_panel(label, url, max_side))
            self.app.events.emit(QrShown(self.manifest.id, url))
        if row is not None:
            column.add_widget(row)
            even = Clock.create_trigger(lambda _dt: _even_row(row), -1)
            for card in row.children:   # once the cards know their words' height, and each time it changes
                card.ids.words.bind(height=lambda *_: even())
            even()
        if links and self.ids.body.orientation == "horizontal":
            self._refit_qr()  # once the cards know their heights

    def _fit_qr_column(self) -> None:
        """A column still too tall for its place (long labels on a small screen) shrinks its codes:
        every card shows whole, with its "scan" line above."""
        column, scroll = self.ids.qr_column, self.ids.qr_scroll
        if self.ids.body.orientation != "horizontal" or scroll.height < Window.height * 0.5:
            return   # not laid out yet: the column's height comes with the next layout (see __init__)
        if any(isinstance(w, Label) and w.text and w.texture is None for w in column.walk(restrict=True)):
            self._refit_qr()   # a label not drawn yet has no height of its own: measure on the next frame
            return
        column.do_layout()
        panels = [w for w in column.children if isinstance(w, QrPanel)]
        over = column.minimum_height - scroll.height
        # the codes shrink, down to their smallest module: 4 px on a small screen (about 0.9 mm on a
        # 13-inch 1280×800 panel, read by a phone at a hand's length) for long right-to-left labels
        if over > 1 and panels:
            for panel in panels:
                code = self.app.qr.get(panel.url)
                smaller = code.modules * pixels_per_module(code.modules, int(panel.side - over / len(panels)) - 1,
                                                           minimum=6 if Window.height >= 1000 else 4)
                panel.side = min(panel.side, smaller)
            column.do_layout()
        if column.minimum_height - scroll.height > 1 and len(panels) > 1:
            self._page_qr_column(list(reversed(panels)))

    def _page_qr_column(self, panels: list) -> None:
        """The codes at their smallest are still too many for the column (larger text, long labels on a small
        screen): it shows as many whole cards as fit, and a pager under them turns to the others. A card cut by
        the column's edge would be half a code nobody can scan."""
        column, scroll, theme = self.ids.qr_column, self.ids.qr_scroll, self.app.theme
        pager = QrPager(count=len(panels), screen=self)
        title = column.children[-1]
        gap = column.spacing
        room = scroll.height - title.height - gap - (theme.touch * 0.8 + gap)
        heights = sorted((panel.height for panel in panels), reverse=True)
        per_page = 1
        while per_page < len(panels) and sum(heights[:per_page + 1]) + gap * per_page <= room:
            per_page += 1   # any run of this many cards fits: the tallest do
        pager.shown = per_page
        self._qr_pages = (panels, pager)
        self.turn_qr(0)

    def qr_panels(self) -> list:
        """Every QR card of the exhibit, in reading order: those shown, and those a paged column keeps for later."""
        if self._qr_pages:
            return list(self._qr_pages[0])
        return [w for w in reversed(self.ids.qr_column.children) if isinstance(w, (QrPanel, QrStripCard))] + [
            w for row in self.ids.qr_column.children if isinstance(row, MirrorBox) and not isinstance(row, QrPager)
            for w in reversed(row.children)]

    def turn_qr(self, pages: int) -> None:
        """Show the next (1) or previous (-1) cards of a paged QR column, in reading order."""
        panels, pager = self._qr_pages
        column = self.ids.qr_column
        last_first = max(0, len(panels) - pager.shown)
        pager.first = max(0, min(last_first, pager.first + pages * pager.shown))
        title = column.children[-1]
        column.clear_widgets()
        column.add_widget(title)
        for panel in panels[pager.first:pager.first + pager.shown]:
            column.add_widget(panel)
        column.add_widget(pager)

    def _qr_side(self, labels: list[str]) -> int:
        """The largest QR side at which every card fits its column without scrolling.

        Each card also holds its label (its lines estimated from its length and the column's
        width) and the printed address; a phone reads a code of 160 px or more at arm's
        length on these screens.
        """
        theme, count = self.app.theme, max(1, len(labels))
        width, height = Window.size
        line = theme.line_height(theme.small)
        if width > height:
            per_line = max(12, (width * 0.28 - theme.pad) / (theme.small * 0.55))
            label_lines = sum(min(4, -(-len(label) // int(per_line))) for label in labels)
            free = height - (theme.touch + theme.pad) - theme.pad * 1.5 - line * 2 - theme.pad * 0.6 * count \
                - label_lines * line - count * (theme.small * 0.8 * 1.5 + theme.pad * 1.6)
            return int(max(160, min(456, width * 0.24, free / count)))
        return int(max(150, min(height * 0.1, self._strip_card_width(count) * 0.45)))

    def _strip_card_width(self, count: int) -> float:
        """Portrait: the cards share the strip's width, under the "scan" line."""
        theme = self.app.theme
        return (Window.width - theme.pad * 2 - theme.pad * 0.6 * (count - 1)) / max(1, count)

    def _qr_panel(self, label: str, url: str, max_side: int) -> QrPanel:
        code = self.app.qr.get(url)
        texture = CoreImage(str(code.path)).texture
        texture.mag_filter = "nearest"
        texture.min_filter = "nearest"
        # 6 px a module from 1080 lines up (1.7 mm on a 24-inch screen), 5 below (a smaller screen is nearer)
        side = code.modules * pixels_per_module(code.modules, max_side, minimum=6 if Window.height >= 1000 else 5)
        if self.ids.body.orientation == "horizontal":
            return QrPanel(texture=texture, label=label, url=url, side=side)
        return QrStripCard(texture=texture, label=label, url=url, side=side, size_hint_x=None,
                           width=self._strip_card_width(self._qr_count))

    def _fold_way_on(self, _view, absorbed: bool) -> None:
        """A view the visitor is busy in (typing) gets the way on's height; it comes back after."""
        if self.way_on_folded != absorbed:
            self.way_on_folded = absorbed
            footer, content = self._footer, self._content
            if absorbed and footer.parent is content:
                content.remove_widget(footer)   # out of the tree: a hidden button must not catch a key's touch
            elif not absorbed and footer.parent is None:
                content.add_widget(footer)      # back under the exhibit
            if self.manifest is not None:
                self._fill_qr_codes()

    def _fill_way_on(self) -> None:
        """"Back to the room" and "next in this room" (the next room's name after its last exhibit)."""
        _ = self.app.tr._
        room = self.app.content.collection.room(self.manifest.room)
        self.room_name = self.app.text(room.title) if room else _("Back")
        self.room_label = _("Back to the room")   # first: "next" takes the width this one leaves
        following = self.following()
        self.next_icon = "house" if following is None else "arrow-right"
        if following is None:
            label = _("Back to the start")
        elif following[0] == "exhibit":
            label = _("Next: {title}").format(title=self.app.text(following[1].title))
        else:
            label = _("Next room: {room}").format(room=self.app.text(following[1].title))
        self._next_words = label
        self._fit_next(label)

    def _fit_next(self, label: str) -> None:
        """"next" as wide as its words, up to the width the way on leaves it: a longer title takes a
        second line, set a little smaller if two lines would not fit the bar, and is cut with "…" only
        past two lines."""
        theme, button = self.app.theme, self.ids.next
        room = self._next_room()
        rtl = has_rtl(label)
        font = "KioskArabic" if rtl else theme.font
        factor = 1.0
        while True:
            core = CoreLabel(font_name=font, font_size=theme.button * factor, bold=True)
            measure = lambda line, core=core: core.get_extents(line)[0]   # noqa: E731
            if measure(label) <= room:
                words, lines = label, 1
                break
            lines = 2
            if theme.line_height(theme.button * factor, font) * 2 + theme.pad * 0.5 <= theme.touch or factor <= 0.8:
                words = _in_lines(label, room, measure, lines, rtl)
                break
            factor -= 0.1
        self.next_factor = factor   # the button's kv sets its padding (the icon's side) from it at once
        padding = button.padding[0] + button.padding[2]
        self.next_width = min(room, max(measure(line) for line in words.split("\n"))) + padding + 2
        self.next_label = words
        button.wrap = lines > 1

    def _next_room(self) -> float:
        """How wide the "next" button's words may be, in pixels: what "back to the room" and the notice leave."""
        theme = self.app.theme
        width = Window.width * (0.72 if Window.width >= Window.height else 1) - theme.pad * 2
        # less the words of "back to the room", both buttons' padding and icon, and the bar's two gaps
        room = width - len(self.room_label) * theme.button * 0.56 - (theme.pad * 2 + theme.icon + theme.space * 1.5) * 2 \
            - theme.pad * 2
        if self.notice:   # the notice between the buttons keeps a column of its own
            room -= notice_width(theme) + theme.icon
        if self.app.basket_size:   # "My list (n)" beside "back to the room"
            words = self.app.tr._("My list ({count})").format(count=self.app.basket_size)
            room -= len(words) * theme.button * 0.56 + theme.pad * 3 + theme.icon + theme.space * 1.5
        return max(theme.button * 6, room)

    def following(self):
        """What "next" leads to: ``("exhibit", manifest)``, ``("room", room)`` or None (back to the start)."""
        content = self.app.content
        in_room = [m for m in content.exhibits_in(self.manifest.room) if m.id not in self.navigator.faulty]
        ids = [m.id for m in in_room]
        if self.manifest.id in ids and ids.index(self.manifest.id) + 1 < len(ids):
            return "exhibit", in_room[ids.index(self.manifest.id) + 1]
        rooms = [r for r in content.collection.rooms if content.exhibits_in(r.id)]
        room_ids = [r.id for r in rooms]
        if self.manifest.room in room_ids and room_ids.index(self.manifest.room) + 1 < len(rooms):
            return "room", rooms[room_ids.index(self.manifest.room) + 1]
        return None

    def toggle_keep(self) -> None:
        """"Keep": the exhibit on the visitor's list, or off it again."""
        if self.manifest is not None:
            self.kept = self.app.keep(self.manifest.id)
            self._fit_next(self._next_words)   # "My list" takes its place in the way on

    def open_list(self) -> None:
        from kiosk.gui.widgets.basket_panel import BasketPanel

        BasketPanel.open_for(self.app)

    def go_next(self) -> None:
        following = self.following()
        if following is None:
            self.navigator.show_home(self.app.content.collection.rooms[0].id)
        elif following[0] == "exhibit":
            self.navigator.open_exhibit(following[1].id)
        else:
            self.navigator.show_home(following[1].id)

    def choose_language(self) -> None:
        from kiosk.gui.widgets.language_picker import LanguagePicker
        LanguagePicker.open_for(self.app)

    def _fill_narration(self) -> None:
        """The player's bar when the exhibit has a reading in the visitor's language, or in a fallback one
        ("Read in French"); with the audio access mode on, the reading starts by itself."""
        from kiosk.i18n import language_name_in

        bar, app = self.ids.narration, self.app
        found = self.manifest.narration(app.fallbacks)
        bar.available = found is not None
        if found is None:
            app.narration.load(None)
            return
        code, reading = found
        bar.synthetic = bool(reading.synthetic)
        bar.foreign = "" if code == app.language else app.tr._("Read in {language}").format(
            language=language_name_in(code, app.language))
        app.narration.load(reading, code)
        if app.session.access.audio and app.narration.state == "stopped" and self._narrated != (self.manifest.id, code):
            self._narrated = (self.manifest.id, code)   # once per opening: "Listen" plays it again
            app.narration.play()

    def release(self) -> None:
        """Drop the current view and its textures; a reading stops with it."""
        if self.manifest is not None:
            self.app.narration.load(None)
            self.ids.narration.available = False
            self._narrated = None
        self.ids.host.clear_widgets()
        self.ids.qr_column.clear_widgets()
        self.view = None
        self.manifest = None

    def on_leave(self, *_):
        self.release()
        # after the next screen is drawn, not in the frame of the tap; the pictures decoded ahead stay
        Clock.schedule_once(lambda _dt: self.app.release_memory(keep_pictures=True), 0.5)

    def reset(self) -> None:
        self.release()
        self._ready.clear()


class _Ready(NamedTuple):
    """A view built ahead: the view, what it was built for (``ExhibitScreen._ready_stamp``), and the
    languages its texts fell back to."""

    view: object
    stamp: tuple
    shown_in: frozenset


def fit_lines(label, text: str, lines: int, width: float | None = None, measure=None) -> str:
    """``text`` as ``label`` (a BidiLabel) shows it in at most ``lines`` lines, the last ending with "…" when cut.

    Measured in the label's font at its width (or ``width``, the one it is about to have), or with
    ``measure`` (a function giving a line's width in pixels).
    Right-to-left text is returned whole: the label wraps it itself and its ``line_limit`` cuts
    it. Kivy's ``max_lines`` does not cut a label whose height follows its text, so a
    left-to-right text is cut here.
    """
    width = (label.width if width is None else width) - label.padding[0] - label.padding[2]
    if not text or width < 10 or has_rtl(text):
        return text
    return cut_to_lines(text, width, measure or label.measurer(), lines)


def _in_lines(text: str, width: float, measure, lines: int, rtl: bool) -> str:
    """``text`` in at most ``lines`` lines of ``width``, its last words cut with "…" when it needs more.
    Left to right, the lines are given (``cut_to_lines``); right to left, the label wraps the text itself."""
    if not rtl:
        return cut_to_lines(text, width, measure, lines)
    words = text
    while len(wrap_and_shape(words, width, measure).split("\n")) > lines and " " in words.rstrip("…"):
        words = words.rstrip("…").rsplit(" ", 1)[0].rstrip(" ,;:.–-") + "…"
    return words


def _lay_out(widget) -> None:
    """Lay out a view's frame from the top down, now: the boxes its pictures and pages are measured
    from have their size before it fills them (Kivy would size them over the next layout passes,
    and a view would first ask for its pictures at Kivy's default 100×100)."""
    for child in widget.walk(restrict=True):   # parents before their children
        if isinstance(child, Layout):
            child.do_layout()


def notice_width(theme) -> float:
    """The fallback notice's column in the way on: two short lines (exhibit.kv)."""
    return theme.scale * 300


def fallback_notice(app) -> str:
    """"Some texts are shown in French" when a text had no version in the visitor's language."""
    from kiosk.i18n import language_name_in
    if not app.shown_in:
        return ""
    names = ", ".join(language_name_in(code, app.language) for code in sorted(app.shown_in))
    return app.tr._("Some texts are shown in {language}").format(language=names)


def _even_row(row) -> None:
    """The portrait strip's cards as tall as the tallest, and the row as tall as they are."""
    tallest = max((card.natural_height() for card in row.children), default=0)
    for card in row.children:
        card.min_height = tallest
    row.height = tallest


class QrPager(MirrorBox):
    """Under a paged QR column: ‹ "1–2 of 3" ›, the arrows as big as a finger (exhibit.kv)."""

    count = NumericProperty(0)
    first = NumericProperty(0)
    shown = NumericProperty(1)
    screen = ObjectProperty(None)

    @staticmethod
    def where(template: str, first: float, shown: float, count: float) -> str:
        """"1–2 of 3", or "2 / 3" when the column shows one card at a time (as the reader's pages say it)."""
        if shown <= 1:
            return f"{int(first) + 1} / {int(count)}"
        return template.format(first=int(first) + 1, last=int(min(first + shown, count)), count=int(count))


def _scan_title(app):
    from kiosk.gui.widgets.widgets import TextBlock
    title = TextBlock(logical_text=app.tr._("Scan to read more on your phone"), role="small", bold=True,
                      halign="center")
    return title
