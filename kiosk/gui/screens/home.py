"""Home: the four rooms in visit order, each in its colour, and the exhibits of the chosen room as cards.

In landscape the cards make a row that scrolls sideways, three whole cards at a time; in
portrait, a column of two cards a row that scrolls up. A scroll always comes to rest on
whole cards. Under the row, grey dots say which cards are in view, between two arrows that
turn a page of cards (a tap for those who do not swipe). Each card shows its kind (quiz,
timeline…) and whether this visitor has seen it. In a right-to-left language rooms and cards
run from the right. A "next room" button walks a visitor through the exhibition in order. Texts follow the visitor's language at once.
"""

from __future__ import annotations

import functools
from pathlib import Path

from kivy.animation import Animation
from kivy.app import App
from kivy.clock import Clock
from kivy.core.window import Window
from kivy.graphics import Color, Ellipse
from kivy.lang import Builder
from kivy.properties import BooleanProperty, ListProperty, NumericProperty, ObjectProperty, StringProperty
from kivy.uix.behaviors import ButtonBehavior
from kivy.uix.boxlayout import BoxLayout
from kivy.uix.widget import Widget

from kiosk.gui.screens.base import KioskScreen
from kiosk.gui.screens.exhibit import fit_lines
from kiosk.gui.theme import Theme, glide
from kiosk.gui.widgets.reader import ReaderArrow  # noqa: F401  (the pager's arrows, in home.kv)
from kiosk.gui.widgets.widgets import KioskButton, MirrorBox, TapScrollView
from kiosk.icons import exhibit_kind
from kiosk.render.bidi import has_rtl, shape_line

Builder.load_file(str(Path(__file__).with_name("home.kv")))
TITLE_LINES = 2          # a card's title: at most two lines, and room for two on every card (pictures alike)
SUMMARY_LINES = 3        # a card's summary: this many lines on every card, the last ending with "…" when cut
SMALLEST_PICTURE = 0.3   # ... fewer only where the picture would be lower than this share of the card


class ExhibitCard(ButtonBehavior, BoxLayout):
    """A card of the room's row: lit while a finger is on it (``touched``), it opens its exhibit when lifted."""

    touched = BooleanProperty(False)   # a finger is on it (the row has not yet told a tap from a swipe)
    exhibit_id = StringProperty("")
    title = StringProperty("")
    title_shown = StringProperty("")   # the title cut to its lines
    title_second = StringProperty("")  # the title in the visitor's second language ("": none), on one line under it
    title_second_shown = StringProperty("")
    second_font = StringProperty("")
    summary = StringProperty("")       # the summary cut to its lines
    summary_lines = NumericProperty(3)
    colour = ListProperty([0, 0, 0, 1])
    thumbnail = ObjectProperty(None, allownone=True)
    picture_height = NumericProperty(100)
    kind = StringProperty("")          # "Quiz", "Timeline"…, in the visitor's language
    kind_icon = StringProperty("")
    seen = BooleanProperty(False)
    seen_label = StringProperty("")
    full_summary = StringProperty("")
    picture = None                     # the file of its thumbnail, shown while the card is in the row

    def __init__(self, **kwargs):
        self.fit = Clock.create_trigger(lambda _dt: self._fit(), -1)   # once a frame, however many inputs changed
        super().__init__(**kwargs)
        self.bind(size=self.fit, title=self.fit, full_summary=self.fit, title_second=self.fit)
        self.fit()

    def _fit(self) -> None:
        """Every card of a row alike: the picture takes what the text area leaves, the title has two
        lines, the summary ``SUMMARY_LINES`` (fewer only on a card too low for them), cut with "…".

        The lines are measured in the visitor's font (Arabic lines are taller, ``theme.line_height``);
        the cut is measured too, in the label's font at the text area's width.
        """
        theme = App.get_running_app().theme
        if self.width < 10:
            return
        gap, font = theme.space, theme.font
        # the card's bottom padding and the gap under the picture; in the text area its top padding,
        # the chips, and the gaps between chips, title, summary and the filler, which also takes what
        # a line drawn a little taller than "Ag" (a bracket, an accent) needs
        words = self.padding[3] + self.spacing + gap + theme.small * 1.9 + gap * 4 \
            + lines_height(font, theme.body * 1.05, TITLE_LINES, bold=True,
                           line_height=theme.leading(font, "title", theme.body * 1.05, "\n" * (TITLE_LINES - 1)))
        if self.title_second:    # its line under the title, in its own font
            words += lines_height(self.second_font or font, theme.small, 1)
        lines = SUMMARY_LINES
        while lines > 1 and self.height - words - lines_height(font, theme.small, lines) < self.height * SMALLEST_PICTURE:
            lines -= 1
        self.summary_lines = lines
        room = self.height - words - lines_height(font, theme.small, lines)
        self.picture_height = max(0, min(self.width * 10 / 16, room))
        width = self.width - theme.pad * 1.5
        self.title_shown = fit_lines(self.ids.title_label, self.title, TITLE_LINES, width)
        self.title_second_shown = fit_lines(self.ids.second_label, self.title_second, 1, width) if self.title_second else ""
        self.summary = fit_lines(self.ids.summary_label, self.full_summary, lines, width)


class CardRow(TapScrollView):
    """The room's row of cards. A finger on a card lights it up at once; lifted, it opens the exhibit.

    A ScrollView holds a touch back from its children until it knows the touch is not a
    swipe (up to ``scroll_timeout``, 250 ms); the card under the finger is marked
    ``touched`` meanwhile, so the visitor sees the tap heard, and unmarked when the finger
    lifts or the row starts to move. A tap reaches the card when the finger lifts
    (``TapScrollView``), not 0.2 s later.
    """

    portrait = BooleanProperty(False)
    card_width = NumericProperty(300)
    card_height = NumericProperty(300)
    per_view = NumericProperty(3)      # whole cards in view (landscape: across the row; portrait: two a row)
    count = NumericProperty(0)         # cards in the row
    first_shown = NumericProperty(0)   # the first card in view, in reading order

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self._settle = None
        self._where = Clock.create_trigger(lambda _dt: self._find_place(), -1)
        self.bind(size=self._size_cards, portrait=self._size_cards, viewport_size=self._where)

    def _size_cards(self, *_args) -> None:
        """Cards so that a whole number of them fill the view: none is cut at rest."""
        spacing = self.children[0].spacing[0] if self.children else 0
        if self.portrait:
            self.card_width = (self.width - spacing) / 2
            rows = 2 if self.height > self.card_width * 1.5 else 1
            self.card_height = (self.height - spacing * (rows - 1)) / rows
            self.per_view = rows * 2
        else:
            columns = 3 if self.width > self.height * 1.9 else 2
            self.card_width = (self.width - spacing * (columns - 1)) / columns
            self.card_height = self.height
            self.per_view = columns
        self._where()

    def _find_place(self) -> None:
        """Which cards are in view (for the dots under the row), from the scroll's place."""
        content = self.children[0] if self.children else None
        self.count = len(content.children) if content else 0
        if content is None:
            return
        spacing = content.spacing[0]
        if self.portrait:
            spare, step = content.height - self.height, self.card_height + spacing
            offset = (1 - self.scroll_y) * max(0, spare)
            self.first_shown = round(offset / step) * 2 if step > 0 else 0
        else:
            spare, step = content.width - self.width, self.card_width + spacing
            # the row starts at its right end in a right-to-left language
            offset = (1 - self.scroll_x if App.get_running_app().theme.rtl else self.scroll_x) * max(0, spare)
            self.first_shown = round(offset / step) if step > 0 else 0

    def on_scroll_stop(self, touch, check_children=True):
        result = super().on_scroll_stop(touch, check_children)
        self._watch_settle()
        return result

    def _watch_settle(self) -> None:
        if self._settle is None:
            self._settle = Clock.schedule_interval(self._settle_on_cards, 1 / 20)

    def _settle_on_cards(self, _dt):
        """Once the row has stopped gliding, slide it to the nearest whole card."""
        effect = self.effect_y if self.portrait else self.effect_x
        if self._touch or (effect and abs(effect.velocity) > 40):
            return None
        self._settle.cancel()
        self._settle = None
        target = self.nearest_rest()
        if effect:
            effect.velocity = 0  # its last glide would fight the slide
        if target is not None:
            Animation.cancel_all(self, "scroll_x", "scroll_y")
            glide(self, 0.15, **{"scroll_y" if self.portrait else "scroll_x": target})
        return False

    def nearest_rest(self) -> float | None:
        """The scroll position (0–1) nearest to now where the view holds whole cards only."""
        if not self.children:
            return None
        content = self.children[0]
        spacing = content.spacing[0]
        if self.portrait:
            spare = content.height - self.height
            step = self.card_height + spacing
            if spare <= 0:
                return None
            offset = (1 - self.scroll_y) * spare
            return 1 - min(spare, round(offset / step) * step) / spare
        spare = content.width - self.width
        step = self.card_width + spacing
        if spare <= 0:
            return None
        offset = self.scroll_x * spare
        return min(spare, round(offset / step) * step) / spare

    def turn(self, pages: int) -> None:
        """Slide the row a page of cards on (1) or back (-1), in reading order: the pager's arrows."""
        content = self.children[0] if self.children else None
        if content is None or not self.count:
            return
        last_first = max(0, self.count - self.per_view)
        first = max(0, min(last_first, self.first_shown + pages * self.per_view))
        if self.portrait:
            spare, offset = content.height - self.height, (first // 2) * (self.card_height + content.spacing[1])
            target = {"scroll_y": 1 - min(spare, offset) / spare} if spare > 0 else {}
        else:
            spare, offset = content.width - self.width, first * (self.card_width + content.spacing[0])
            share = min(spare, offset) / spare if spare > 0 else 0
            target = {"scroll_x": 1 - share if App.get_running_app().theme.rtl else share} if spare > 0 else {}
        if target:
            Animation.cancel_all(self, "scroll_x", "scroll_y")
            glide(self, 0.25, **target)

    def on_touch_down(self, touch):
        if self.collide_point(*touch.pos):
            for card in self._cards_at(touch):
                card.touched = True
        return super().on_touch_down(touch)

    def on_touch_up(self, touch):
        self._untouch()
        return super().on_touch_up(touch)

    def on_scroll_x(self, *_args) -> None:
        self._untouch()  # the row moves: it was a swipe, not a tap
        self._where()

    def on_scroll_y(self, *_args) -> None:
        self._untouch()
        self._where()

    def _cards_at(self, touch):
        x, y = self.to_local(*touch.pos)
        return [card for card in self.children[0].children if card.collide_point(x, y)] if self.children else []

    def _untouch(self) -> None:
        for card in self.children[0].children if self.children else []:
            card.touched = False


class RowPager(MirrorBox):
    """Under the row of cards: the dots (:class:`ScrollDots`) between two arrows that turn a page of cards."""

    row = ObjectProperty(None, allownone=True)   # the CardRow it follows and turns
    count = NumericProperty(0)
    first = NumericProperty(0)
    shown = NumericProperty(3)
    more = BooleanProperty(False)   # some cards are out of view
    compact = BooleanProperty(False)   # the arrows only (a footer without room for the dots)
    room = NumericProperty(-1)         # the width its footer leaves it (-1: as wide as it likes)
    dotless = BooleanProperty(False)   # the arrows and the count: dots, count and arrows do not fit in ``room``

    def on_kv_post(self, _base) -> None:
        fit = Clock.create_trigger(lambda _dt: self._fit(), -1)
        self.bind(room=fit, count=fit, compact=fit, spacing=fit)
        for arrow in (self.ids.previous, self.ids.next, self.ids.where):
            arrow.bind(width=fit)
        self.ids.dots.bind(height=fit)
        fit()

    def _fit(self) -> None:
        """Drop the dots, not the count, when all of it is wider than the footer leaves (portrait, a long
        "next room"): "1–4 of 11" says what the dots say, and the next room's button keeps its width."""
        ids = self.ids
        dots = ScrollDots.natural_width(self.count, ids.dots.height, App.get_running_app().theme.space)
        gaps = self.spacing * (len(self.children) - 1)
        self.dotless = 0 <= self.room < ids.previous.width + ids.next.width + ids.where.width + gaps + dots

    def on_row(self, _pager, row) -> None:
        if row is not None:
            row.bind(count=self._follow, first_shown=self._follow, per_view=self._follow)
            self._follow()

    def _follow(self, *_args) -> None:
        self.count, self.first, self.shown = self.row.count, self.row.first_shown, self.row.per_view
        self.more = self.count > self.shown

    def turn(self, pages: int) -> None:
        if self.row is not None:
            self.row.turn(pages)

    @staticmethod
    def where_text(template: str, first: float, shown: float, count: float) -> str:
        """"4–6 of 11": the cards in view, in reading order, and how many the room has (kv passes each
        number, so that the text follows them)."""
        return template.format(first=int(first) + 1, last=int(min(first + shown, count)), count=int(count))


class ScrollDots(Widget):
    """Where the row is: a grey dot per card, darker for the cards in view, the first card's dot
    at the reading start (right, in a right-to-left language); nothing when every card is in view."""

    count = NumericProperty(0)
    first = NumericProperty(0)
    shown = NumericProperty(3)
    rtl = BooleanProperty(False)

    @staticmethod
    def natural_width(count: float, height: float, space: float) -> float:
        """A dot per card, ``space`` apart."""
        return max(0.0, count * (height + space) - space)

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self._draw = Clock.create_trigger(lambda _dt: self.draw(), -1)
        self.bind(count=self._draw, first=self._draw, shown=self._draw, rtl=self._draw, pos=self._draw, size=self._draw)

    def in_view(self) -> list[bool]:
        """For each card, in reading order: whether it is in view."""
        return [self.first <= index < self.first + self.shown for index in range(int(self.count))]

    def draw(self) -> None:
        self.canvas.clear()
        theme = App.get_running_app().theme
        marks = self.in_view()
        if all(marks):
            return   # every card is in view: nothing to say
        side, gap = self.height, theme.space
        start = self.center_x - self.natural_width(len(marks), side, gap) / 2
        with self.canvas:
            for place, shown in enumerate(reversed(marks) if self.rtl else marks):
                Color(*(theme.muted if shown else theme.line))
                Ellipse(pos=(start + place * (side + gap), self.y), size=(side, side))


def _kind(manifest) -> tuple[str, str]:
    """The exhibit type's icon and (untranslated) word."""
    return exhibit_kind(manifest.type)


class HomeScreen(KioskScreen):
    room_colour = ListProperty([0, 0, 0, 1])
    next_colour = ListProperty([0, 0, 0, 1])
    next_onward = BooleanProperty(True)   # "Next room: …"; False for "Back to the first room"
    notice = StringProperty("")   # "Some texts are shown in French", or nothing

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.rooms = [r for r in self.app.content.collection.rooms if self.app.content.exhibits_in(r.id)]
        self.room_id = self.rooms[0].id if self.rooms else None
        self._shown: tuple[str | None, str] | None = None  # (room, language) the cards were built for
        self._shown_rtl = False
        # each room's row of cards, built once per language and window size (a room tab only swaps rows;
        # kiosk.gui.ahead builds the other rooms' rows while nobody touches), with the languages of the
        # texts it shows in place of the visitor's (for the fallback notice)
        self._rows: dict[str, tuple[list, set[str]]] = {}
        self._rows_for = None
        self._retext: dict[str, list] = {}   # rows of the language before, whose cards take the new one's words
        self.app.bind(language=self._on_language, second_language=self._on_language)  # methods: bound weakly
        self.app.theme.bind(look=self._on_language)   # an access mode: tabs and cards in its sizes and colours

    def show_room(self, room_id: str | None) -> None:
        if room_id and any(r.id == room_id for r in self.rooms):
            self.room_id = room_id
        elif room_id is None and not self.app.session.state_for("home").get("visited"):
            self.room_id = self.rooms[0].id if self.rooms else None
        self.app.session.state_for("home")["visited"] = True
        self.refresh()

    def _on_language(self, *_args) -> None:
        if self.manager is None or self.manager.current == self.name:
            self.refresh()  # unseen, home waits: it is rebuilt while the visitor reads (kiosk.gui.ahead) or on return

    def refresh(self) -> None:
        """Build the room's tabs and cards, unless they already show this room in this language.

        Coming back from an exhibit then costs nothing, and the row of cards keeps its place.
        """
        shown = (self.room_id, self.app.language, self.app.theme.look, self.app.shown_second)
        if shown == self._shown:
            self._mark_seen()
            return
        same_room = self._shown is not None and self._shown[0] == self.room_id
        scroll = self.ids.scroll
        place = scroll.scroll_x, scroll.scroll_y
        self._build()
        if same_room:  # a language switch keeps the visitor's place (mirrored when the direction turns)
            flipped = self._shown_rtl != self.app.theme.rtl
            scroll.scroll_x, scroll.scroll_y = (1 - place[0] if flipped else place[0]), place[1]
        else:
            self.to_start()
        self._shown, self._shown_rtl = shown, self.app.theme.rtl

    def open_list(self) -> None:
        from kiosk.gui.widgets.basket_panel import BasketPanel

        BasketPanel.open_for(self.app)

    def to_start(self) -> None:
        """The row at its first card: the left end, or the right end in a right-to-left language."""
        self.ids.scroll.scroll_x = 1 if self.app.theme.rtl else 0
        self.ids.scroll.scroll_y = 1

    def _build(self) -> None:
        app, text = self.app, self.app.text
        self.ids.title.logical_text = text(app.content.collection.title)
        self.ids.language.text = app.tr._("Language")
        room = app.content.collection.room(self.room_id) if self.room_id else None
        if room is None:
            return
        app.shown_in.clear()
        self.room_colour = self.app.theme.room_colour(room.colour)
        self.ids.room_title.logical_text = text(room.title)
        self.ids.room_summary.logical_text = text(room.summary)
        second, summary = app.shown_second, self.ids.room_summary_second
        summary.language, summary.font_override = second, app.theme.font_for(second) if second else ""
        summary.logical_text = app.second_text(room.summary)
        self._fill_rooms()
        self._fill_cards(room)
        self._fill_next_room()
        from kiosk.gui.screens.exhibit import fallback_notice
        self.notice = fallback_notice(app)

    def _fill_rooms(self) -> None:
        """One tab per room: the chosen one filled with its colour, the others outlined in it.

        The tabs are built once per language; choosing a room only repaints them.
        """
        built, wanted = self.ids.rooms.children[::-1], (self.app.language, (*Window.size, self.app.theme.look))
        if [getattr(b, "built_for", None) for b in built] != [(r.id, *wanted) for r in self.rooms]:
            self.ids.rooms.clear_widgets()
            for number, room in enumerate(self.rooms, start=1):
                label = f"{number}. {self.app.text(room.title)}"
                button = KioskButton(text=label, wrap=False, outline=self.app.theme.room_colour(room.colour))
                button.room_id, button.label = room.id, label   # the text before shaping (KioskButton.on_text)
                button.built_for = (room.id, *wanted)
                button.bind(on_release=lambda b: self.show_room(b.room_id))
                self.ids.rooms.add_widget(button)
        for button in self.ids.rooms.children:
            selected, colour = button.room_id == self.room_id, button.outline
            # one line, the tick beside the word: a long name (1280×800) gets a smaller size, never a second line
            button.size_factor = self._tab_factor(button.label, selected)
            button.background = colour if selected else [1, 1, 1, 1]
            button.foreground = [1, 1, 1, 1] if selected else colour
            button.icon = "check" if selected else ""

    def _tab_factor(self, label: str, ticked: bool) -> float:
        from kivy.core.text import Label as CoreLabel
        theme, grid = self.app.theme, self.ids.rooms
        columns = 4 if Window.width > Window.height else 2
        room = (Window.width - theme.pad * 3 - grid.spacing[0] * (columns - 1)) / columns - theme.pad * 2 \
            - (theme.icon + theme.space * 1.5 if ticked else 0)
        measure = CoreLabel(text=shape_line(label) if has_rtl(label) else label, font_name=theme.font,
                            font_size=theme.button, bold=True)
        measure.refresh()
        return max(0.65, min(1.0, room / measure.texture.width)) if measure.texture else 1.0

    def _fill_cards(self, room) -> None:
        for card in self.ids.cards.children:
            card.thumbnail = None   # a row out of sight holds no picture: the picture cache keeps them, within its budget
        self.ids.cards.clear_widgets()
        cards, fallbacks = self._row(room)
        self.app.shown_in.update(fallbacks)
        box = card_picture_box(*Window.size, self.app.theme.pad)
        for card in cards:
            card.seen, card.touched = card.exhibit_id in self.app.session.seen, False
            if card.picture is not None:   # decoded ahead: the cache has it
                card.thumbnail = self.app.pictures.texture(card.picture, box)
            self.ids.cards.add_widget(card)

    def prepare_row(self, room_id: str) -> None:
        """Build a room's row of cards ahead of a tap on "next room" (its pictures are decoded ahead first)."""
        room = self.app.content.collection.room(room_id)
        if room is not None:
            self._row(room)

    def _row(self, room) -> tuple[list, set[str]]:
        wanted = ((self.app.language, self.app.shown_second), (*Window.size, self.app.theme.look))
        if self._rows_for != wanted:
            same_size = self._rows_for is not None and self._rows_for[1] == wanted[1]
            # a new language at the same size: the rows' cards take its words (new cards cost ~75 ms at the tap)
            self._retext = {room_id: cards for room_id, (cards, _languages) in self._rows.items()} if same_size else {}
            self._rows.clear()
            self._rows_for = wanted
        if room.id not in self._rows:   # the languages its texts fell back to are kept with the row, and
            before = set(self.app.shown_in)     # the visitor's own list is left exactly as it was
            self.app.shown_in.clear()
            cards = self._make_cards(room, self._retext.pop(room.id, None))
            self._rows[room.id] = (cards, set(self.app.shown_in))
            self.app.shown_in.clear()
            self.app.shown_in.update(before)
        # two rows at most, this one and the one a tap on "next room" shows (each row's widgets and
        # texts weigh ~9 MiB: every room's made the kiosk's memory after a full tour 27 MiB larger)
        kept = {room.id, self.room_id, self.next_room_id()}
        self._rows = {kept_id: row for kept_id, row in self._rows.items() if kept_id in kept}
        self._retext = {kept_id: cards for kept_id, cards in self._retext.items() if kept_id in kept}
        return self._rows[room.id]

    def exhibits_in_view(self) -> list[str]:
        """The exhibits whose cards are in view now, in reading order: what a tap can reach at once."""
        scroll, cards = self.ids.scroll, self.ids.cards.children[::-1]
        first = int(scroll.first_shown)
        return [card.exhibit_id for card in cards[first:first + int(scroll.per_view)]]

    def next_room_id(self) -> str | None:
        """The room "next room" leads to (the first after the last)."""
        ids = [r.id for r in self.rooms]
        return ids[(ids.index(self.room_id) + 1) % len(ids)] if self.room_id in ids else None

    def _make_cards(self, room, earlier: list | None = None) -> list:
        """The room's cards in the visitor's language: ``earlier``, the same room's cards in another
        language, take the new words if they show the same exhibits; otherwise new cards are built."""
        manifests = self.app.content.exhibits_in(room.id)
        if earlier is not None and [card.exhibit_id for card in earlier] == [m.id for m in manifests]:
            for card, manifest in zip(earlier, manifests):
                for name, value in self._card_words(manifest).items():
                    setattr(card, name, value)
            return earlier
        cards = []
        # at the row's size: a card fits its words once, when built ahead, not again in the tap's frame
        scroll = self.ids.scroll
        for manifest in manifests:
            card = ExhibitCard(exhibit_id=manifest.id, **self._card_words(manifest), colour=self.app.theme.room_colour(room.colour),
                               kind_icon=_kind(manifest)[0], seen=manifest.id in self.app.session.seen,
                               size=(scroll.card_width, scroll.card_height))
            picture = _card_picture(manifest)
            card.picture = manifest.image_path(picture) if picture else None   # its thumbnail comes when it is shown
            card.bind(on_release=self._open_card)
            cards.append(card)
        return cards

    def _card_words(self, manifest) -> dict[str, str]:
        """What a card says in the visitor's language: set when it is built, and again on a language change."""
        _ = self.app.tr._
        return {"title": self.app.text(manifest.title), "full_summary": self.app.text(manifest.summary),
                "title_second": self.app.second_text(manifest.title), "second_font": Theme.font_for(self.app.shown_second),
                "kind": _(_kind(manifest)[1]), "seen_label": _("Seen")}

    def _mark_seen(self) -> None:
        for card in self.ids.cards.children:
            card.seen = card.exhibit_id in self.app.session.seen

    def _open_card(self, card: ExhibitCard) -> None:
        self.navigator.open_exhibit(card.exhibit_id)   # in the frame of the release: its pictures are decoded ahead

    def _fill_next_room(self) -> None:
        ids = [r.id for r in self.rooms]
        position = ids.index(self.room_id)
        self.next_onward = position + 1 < len(ids)
        if self.next_onward:
            following = self.rooms[position + 1]
            self.ids.next_room.text = self.app.tr._("Next room: {room}").format(room=self.app.text(following.title))
            self.next_colour = self.app.theme.room_colour(following.colour)
        else:
            self.ids.next_room.text = self.app.tr._("Back to the first room")
            self.next_colour = self.app.theme.room_colour(self.rooms[0].colour)

    def next_room(self) -> None:
        self.show_room(self.next_room_id())

    def choose_language(self) -> None:
        from kiosk.gui.widgets.language_picker import LanguagePicker
        LanguagePicker.open_for(self.app)

    def reset(self) -> None:
        self.room_id = self.rooms[0].id if self.rooms else None
        self.to_start()
        self._shown = None  # the next visitor's first look builds the row afresh
        # between visitors only the first room's row stays built (its pictures are the resting ones);
        # the others are built again while the next visitor looks at home
        self._rows = {room: row for room, row in self._rows.items() if room == self.room_id}


@functools.lru_cache(maxsize=32)
def lines_height(font: str, size: float, lines: int, bold: bool = False, line_height: float = 1.0) -> float:
    """The height of a label of ``lines`` lines in ``font`` at ``size`` (a line's height, and the first line's extra),
    its lines ``line_height`` apart (a Label's multiplier)."""
    from kivy.core.text import Label as CoreLabel
    label = CoreLabel(text="\n".join(["Ag"] * lines), font_name=font, font_size=size, bold=bold,
                      line_height=line_height)
    label.refresh()
    return label.texture.height


def card_picture_box(width: float, height: float, pad: float) -> tuple[int, int]:
    """The size a card's picture is decoded at for a window: three cards a row, or two in portrait."""
    per_row = 2 if height > width else 3
    card = (width - pad * 3 - pad * (per_row - 1)) / per_row
    return int(card), int(card * 10 / 16)


def _card_picture(manifest) -> str | None:
    if manifest.images:
        return manifest.images[0].file
    sides = getattr(manifest.details, "sides", ())
    return next((side.image.file for side in sides if side.image), None)
