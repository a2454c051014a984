"""Home: the four rooms in visit order, each in its colour, and the exhibits of the chosen room as cards.

Cards scroll sideways with a swipe. A "next room" button walks a visitor through the
exhibition in order. Texts follow the visitor's language at once.
"""

from __future__ import annotations

from pathlib import Path

from kivy.clock import Clock
from kivy.lang import Builder
from kivy.properties import BooleanProperty, ListProperty, ObjectProperty, StringProperty
from kivy.uix.behaviors import ButtonBehavior
from kivy.uix.boxlayout import BoxLayout
from kivy.uix.scrollview import ScrollView

from kiosk.gui.screens.base import KioskScreen
from kiosk.gui.theme import rgba
from kiosk.gui.widgets.widgets import KioskButton

Builder.load_file(str(Path(__file__).with_name("home.kv")))


class ExhibitCard(ButtonBehavior, BoxLayout):
    """A card of the room's row. Tapped, it shows itself pressed in that very frame, then opens its exhibit.

    Building an exhibit takes a few frames; the pressed look tells the visitor at once that
    the tap was heard (the exhibit opens on the next frame, after the pressed look is drawn).
    """

    opening = BooleanProperty(False)   # tapped: its exhibit opens on the next frame
    touched = BooleanProperty(False)   # a finger is on it (the row has not yet told a tap from a swipe)
    exhibit_id = StringProperty("")
    title = StringProperty("")
    summary = StringProperty("")
    colour = ListProperty([0, 0, 0, 1])
    thumbnail = ObjectProperty(None, allownone=True)


class CardRow(ScrollView):
    """The room's row of cards. A finger on a card lights it up at once.

    A ScrollView holds a touch back from its children until it knows the touch is not a
    swipe (up to ``scroll_timeout``, 250 ms); the card under the finger is marked
    ``touched`` meanwhile, so the visitor sees the tap heard, and unmarked when the finger
    lifts or the row starts to move.
    """

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

    def _cards_at(self, touch):
        x, y = self.to_local(*touch.pos)
        return [card for card in self.children[0].children if card.collide_point(x, y)] if self.children else []

    def _untouch(self) -> None:
        for card in self.children[0].children if self.children else []:
            card.touched = False


class HomeScreen(KioskScreen):
    room_colour = ListProperty([0, 0, 0, 1])

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.rooms = [r for r in self.app.content.collection.rooms if self.app.content.exhibits_in(r.id)]
        self.room_id = self.rooms[0].id if self.rooms else None
        self._shown: tuple[str | None, str] | None = None  # (room, language) the cards were built for
        self.app.bind(language=self._on_language)  # a method: bound weakly, so a dropped screen is freed

    def show_room(self, room_id: str | None) -> None:
        if room_id and any(r.id == room_id for r in self.rooms):
            self.room_id = room_id
        elif room_id is None and not self.app.session.state_for("home").get("visited"):
            self.room_id = self.rooms[0].id if self.rooms else None
        self.app.session.state_for("home")["visited"] = True
        self.refresh()

    def _on_language(self, *_args) -> None:
        self.refresh()

    def refresh(self) -> None:
        """Build the room's tabs and cards, unless they already show this room in this language.

        Coming back from an exhibit then costs nothing, and the row of cards keeps its place.
        """
        shown = (self.room_id, self.app.language)
        if shown == self._shown:
            return
        same_room = self._shown is not None and self._shown[0] == self.room_id
        scroll_x = self.ids.scroll.scroll_x
        self._build()
        self.ids.scroll.scroll_x = scroll_x if same_room else 0  # a language switch keeps the visitor's place
        self._shown = shown

    def _build(self) -> None:
        app, text = self.app, self.app.text
        self.ids.title.logical_text = text(app.content.collection.title)
        self.ids.language.text = app.tr._("Language")
        room = app.content.collection.room(self.room_id) if self.room_id else None
        if room is None:
            return
        self.room_colour = rgba(room.colour)
        self.ids.room_title.logical_text = text(room.title)
        self.ids.room_summary.logical_text = text(room.summary)
        self._fill_rooms()
        self._fill_cards(room)
        self._fill_next_room()

    def _fill_rooms(self) -> None:
        """One tab per room: the chosen one filled with its colour, the others outlined in it."""
        self.ids.rooms.clear_widgets()
        for number, room in enumerate(self.rooms, start=1):
            selected = room.id == self.room_id
            colour = rgba(room.colour)
            button = KioskButton(text=f"{number}. {self.app.text(room.title)}",
                                 background=colour if selected else [1, 1, 1, 1],
                                 foreground=[1, 1, 1, 1] if selected else colour, outline=colour)
            button.room_id = room.id
            button.bind(on_release=lambda b: self.show_room(b.room_id))
            self.ids.rooms.add_widget(button)

    def _fill_cards(self, room) -> None:
        self.ids.cards.clear_widgets()
        box = (480 * self.app.theme.scale, 300 * self.app.theme.scale)
        for manifest in self.app.content.exhibits_in(room.id):
            card = ExhibitCard(exhibit_id=manifest.id, title=self.app.text(manifest.title),
                               summary=self.app.text(manifest.summary), colour=rgba(room.colour))
            picture = _card_picture(manifest)
            if picture:
                card.thumbnail = self.app.pictures.texture(manifest.image_path(picture), box)
            card.bind(on_release=self._open_card)
            self.ids.cards.add_widget(card)

    def _open_card(self, card: ExhibitCard) -> None:
        card.opening = True
        Clock.schedule_once(lambda _dt: self.navigator.open_exhibit(card.exhibit_id))  # after this frame is drawn

    def on_pre_enter(self, *_args) -> None:
        for card in self.ids.cards.children:
            card.opening = False

    def _fill_next_room(self) -> None:
        ids = [r.id for r in self.rooms]
        position = ids.index(self.room_id)
        if position + 1 < len(ids):
            following = self.rooms[position + 1]
            self.ids.next_room.text = self.app.tr._("Next room: {room}").format(room=self.app.text(following.title)) + "  ›"
            self.ids.next_room.background = rgba(following.colour)
        else:
            self.ids.next_room.text = self.app.tr._("Back to the first room")
            self.ids.next_room.background = rgba(self.rooms[0].colour)

    def next_room(self) -> None:
        ids = [r.id for r in self.rooms]
        self.show_room(ids[(ids.index(self.room_id) + 1) % len(ids)])

    def choose_language(self) -> None:
        from kiosk.gui.widgets.language_picker import LanguagePicker
        LanguagePicker(app=self.app).open()

    def reset(self) -> None:
        self.room_id = self.rooms[0].id if self.rooms else None
        self.ids.scroll.scroll_x = 0
        self._shown = None  # the next visitor's first look builds the row afresh


def _card_picture(manifest) -> str | None:
    if manifest.images:
        return manifest.images[0].file
    sides = getattr(manifest.details, "sides", ())
    return next((side.image.file for side in sides if side.image), None)
