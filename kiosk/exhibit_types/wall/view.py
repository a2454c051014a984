"""The ``wall`` view: the public wall of ideas, and a writing panel with the on-screen keyboard.

The wall shows the ideas a facilitator has approved, for this exhibit and this venue,
newest first (at most 30). An empty wall is one invitation: the exhibit's picture beside
(landscape) or above (portrait) its message, and "Add an idea" under it; once ideas show, the
button stands beside the prompt. "Add an idea" opens the writing panel: the prompt, tags to
touch, and a :class:`~kiosk.gui.widgets.keyboard.TextEntry`. A sent idea waits, hidden, until a
facilitator reads it in the :class:`~kiosk.gui.facilitator.moderation.ModerationPanel`.

The visitor's place (wall or writing panel), their draft and their chosen tags are kept in
the visitor's state, so a language switch keeps them and the idle reset forgets them.
"""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path

from kivy.core.window import Window
from kivy.factory import Factory
from kivy.lang import Builder
from kivy.properties import BooleanProperty, ListProperty, StringProperty
from kivy.uix.anchorlayout import AnchorLayout
from kivy.uix.behaviors import ButtonBehavior
from kivy.uix.boxlayout import BoxLayout
from kivy.uix.label import Label

from kiosk.events import IdeaSent
from kiosk.exhibit_types.wall.model import EMPTY, THANKS, UNREADABLE, WALL_SIZE, can_submit, clean_idea, wall_notice
from kiosk.gui.widgets.exhibit_view import ExhibitView
from kiosk.gui.widgets.keyboard import TextEntry
from kiosk.gui.widgets.widgets import Figure
from kiosk.render.bidi import has_rtl, is_rtl, shape_line
from kiosk.render.keyboard_layouts import layout_for
from kiosk.render.markdown import literal

log = logging.getLogger(__name__)
Builder.load_file(str(Path(__file__).with_name("wall.kv")))


def _(text: str) -> str:
    """Marks a text for the catalogs (``pybabel extract`` finds ``_(...)``); it is translated when shown."""
    return text


#: Each notice of the wall: its icon, its colour (a theme token), its heading and its text.
NOTICES = {
    EMPTY: ("message-square-text", "muted", _("No ideas on the wall yet"),
            _("Be the first: touch \u201cAdd an idea\u201d and write yours.")),
    THANKS: ("circle-check", "success", _("Thank you!"),
             _("Your idea will appear on the wall once the facilitator has read it.")),
    UNREADABLE: ("triangle-alert", "danger", _("The wall cannot be shown just now"),
                 _("You can still add your idea: the facilitator will read it.")),
}


class WallNotice(AnchorLayout):
    """The wall's one message: a card above its ideas, or, ``alone`` on an empty wall, the whole
    wall's invitation (its picture, the message and "Add an idea"), ``wide`` in landscape."""

    icon_name = StringProperty("")
    heading = StringProperty("")
    body = StringProperty("")
    colour = ListProperty([0, 0, 0, 1])
    alone = BooleanProperty(False)
    wide = BooleanProperty(False)     # the picture beside the message rather than above it


class TagChip(ButtonBehavior, Label):
    """A suggested tag: touch to pick it, touch again to leave it."""

    selected = BooleanProperty(False)
    colour = ListProperty([0.18, 0.42, 0.25, 1])


class IdeaCard(BoxLayout):
    """One idea on the public wall: its text and its tags."""

    text = StringProperty("")
    tags = StringProperty("")
    colour = ListProperty([0.18, 0.42, 0.25, 1])


def one_line(text: str) -> str:
    """A short text for a plain Label: right-to-left text joined and ordered for display."""
    return shape_line(text) if has_rtl(text) else text


class WallView(ExhibitView):
    invited = BooleanProperty(False)  # an empty wall: "Add an idea" stands in the invitation, not the header

    def __init__(self, manifest, ctx, state: dict, **kwargs):
        super().__init__(manifest, ctx, state, **kwargs)
        self.entry: TextEntry | None = None  # built when the writing panel first opens
        self._panels = {"wall": self.ids.wall_panel.__self__, "write": self.ids.write_panel.__self__}
        self._figure = None                  # the wall's picture, built when the wall is first empty
        notice = self.ids.notice
        notice.bind(size=self._fit_picture, wide=self._fit_picture)
        notice.ids.words.bind(height=self._fit_picture)
        self.clear_widgets()

    @property
    def wall(self):
        return self.manifest.details

    @classmethod
    def step_count_for(cls, manifest) -> int:
        return 2  # the wall, then the writing panel

    def show_step(self, index: int) -> None:
        self.state["mode"] = "write" if index >= 1 else "wall"
        self.refresh()

    # --- switching between the wall and the writing panel ---------------------------------
    def open_writing(self) -> None:
        self.state["mode"] = "write"
        self.state.pop("thanked", None)
        self.refresh()

    def close_writing(self) -> None:
        self.state["mode"] = "wall"
        self.refresh()

    def refresh(self) -> None:
        mode = self.state.get("mode", "wall")
        self.absorbed = mode == "write"   # the keyboard needs the way on's height
        self.clear_widgets()
        self.add_widget(self._panels[mode])
        self._fill_header(mode)
        if mode == "write":
            self._fill_writing()
        else:
            self._fill_wall()

    def _fill_header(self, mode: str) -> None:
        tr = self.ctx.gettext
        header = self.ids.write_header if mode == "write" else self.ids.wall_header
        prompt = self.ids.write_prompt if mode == "write" else self.ids.wall_prompt
        prompt.logical_text = self.text(self.wall.prompt)
        if mode != "write":   # writing: the keyboard needs the height, the visitor has read the prompt already
            self.ids.wall_prompt_second.show(self.ctx, self.wall.prompt)
            prompt = self.ids.wall_prompt_box.__self__
        button = (self.ids.cancel if mode == "write" else self.ids.add).__self__
        button.text = tr("Cancel") if mode == "write" else tr("Add an idea")
        first = [button, prompt] if is_rtl(self.ctx.language) else [prompt, button]
        header.clear_widgets()
        if button.parent is not None:    # "Add an idea" may stand in the empty wall's invitation
            button.parent.remove_widget(button)
        for widget in first:
            header.add_widget(widget)

    # --- the public wall ---------------------------------------------------------------------
    def _fill_wall(self) -> None:
        ideas = self._approved_ideas()
        self._show_notice(wall_notice(len(ideas or ()), bool(self.state.get("thanked")), ideas is None),
                          alone=not ideas)
        columns = [Factory.IdeaColumn(), Factory.IdeaColumn()]  # newest first, from the reading side
        for index, idea in enumerate(ideas or ()):
            columns[index % 2].add_widget(IdeaCard(text=literal(idea.text), tags=self._tags_line(idea.tags),
                                                   colour=self._room_colour()))
        self.ids.cards.clear_widgets()
        for column in reversed(columns) if is_rtl(self.ctx.language) else columns:
            self.ids.cards.add_widget(column)
        if not ideas:
            self.ids.cards.clear_widgets()   # the notice has the whole wall
        self._invite(not ideas)

    def _invite(self, alone: bool) -> None:
        """An empty wall: "Add an idea" and the wall's picture join the message in the middle."""
        notice, add = self.ids.notice, self.ids.add.__self__
        self.invited = alone
        if alone:
            add.parent.remove_widget(add)
            notice.ids.action.add_widget(add)
        images = self.manifest.images
        if alone and images and self._figure is None:
            self._figure = Figure.of(images[0], self, max_height=0, box=self._picture_box())
            self._figure.bind(height=self._fit_picture)   # its credit is measured
        aside = notice.ids.aside
        aside.clear_widgets()
        if alone and self._figure is not None and self._figure.texture is not None:
            aside.add_widget(self._figure)
        self._fit_picture()

    @staticmethod
    def _picture_box() -> tuple[float, float]:
        """The box the picture is decoded for: half the stage beside the message, or its width above it."""
        if Window.height > Window.width:
            return Window.width, Window.height * 0.4
        return Window.width * 0.4, Window.height * 0.6

    def _fit_picture(self, *_args) -> None:
        """The picture as large as the notice leaves it (the message and the button keep their room)."""
        figure, notice = self._figure, self.ids.notice
        if figure is None or figure.parent is None:
            notice.ids.aside.height = 0
            return
        notice.ids.aside.height = figure.height
        room = notice.height - self.ctx.theme.pad * 2
        if not notice.wide:
            room -= notice.ids.words.height + notice.ids.card.spacing
        extras = figure.height - figure.children[-1].height      # the credit under the picture
        figure.max_height = max(0, room - extras)
        figure.opacity = 1 if room - extras >= self.ctx.theme.touch * 1.5 else 0

    def _show_notice(self, which: str | None, alone: bool) -> None:
        notice, tr = self.ids.notice, self.ctx.gettext
        if which is None:
            notice.icon_name, notice.heading, notice.body, notice.alone = "", "", "", False
            return
        name, tone, heading, body = NOTICES[which]
        notice.icon_name, notice.colour = name, list(getattr(self.ctx.theme, tone))
        notice.heading, notice.body, notice.alone = tr(heading), tr(body), alone

    def _approved_ideas(self) -> list | None:
        """The wall's ideas, newest first; None when the record store cannot be read."""
        try:
            return self.ctx.records.ideas(self.manifest.id, venue=self.ctx.venue, status="approved", limit=WALL_SIZE)
        except sqlite3.Error:
            log.exception("wall %r: the ideas could not be read", self.manifest.id)
            return None

    def _tags_line(self, keys) -> str:
        default = self.ctx.collection.languages.default
        names = [self.wall.tag_text(key, self.ctx.language, self.ctx.fallbacks, default) for key in keys]
        return "  ·  ".join(names)

    # --- the writing panel -------------------------------------------------------------------
    def _fill_writing(self) -> None:
        tr = self.ctx.gettext
        self._fill_chips()
        entry = self._entry()
        entry.hint = tr("Your idea, for example: a shared garden in my street.")
        entry.note = tr("It will be shown on the wall: please write no names.")     # in sight while typing
        keyboard = entry.ids.keyboard
        keyboard.submit_label = tr("Send")
        if self.state.get("layout_language") != self.ctx.language:   # a new visitor, or a language switch
            self.state.update(layout=layout_for(self.ctx.language).name, layout_language=self.ctx.language)
        keyboard.layout = self.state["layout"]

    def _fill_chips(self) -> None:
        """The tags from the reading side, wrapping onto a second line when they do not fit one."""
        chips, chosen = self.ids.chips, self.state.setdefault("tags", [])
        chips.clear_widgets()
        for index, tag in enumerate(self.wall.tags):
            chip = TagChip(text=one_line(self.text(tag)), selected=index in chosen, colour=self._room_colour())
            chip.tag_index = index
            chip.bind(on_release=lambda c: self.toggle_tag(c.tag_index))
            chips.add_widget(chip)

    def _entry(self) -> TextEntry:
        if self.entry is None:
            self.entry = TextEntry(max_length=self.wall.max_length, text=self.state.get("draft", ""), stretch=True)
            self.entry.bind(text=lambda _e, text: self.state.__setitem__("draft", text),
                            on_submit=lambda _e, text: self.submit(text))
            self.entry.ids.keyboard.bind(layout=lambda _k, name: self.state.__setitem__("layout", name))
            self.ids.entry_holder.add_widget(self.entry)
            writing = self.entry.children[-1]       # the writing area, above the keyboard
            for widget in (self.ids.write_panel, self.ids.write_header, self.ids.chips):
                widget.bind(height=self._keyboard_room)
            writing.bind(minimum_height=self._keyboard_room)
            self._keyboard_room()
        return self.entry

    def _keyboard_room(self, *_args) -> None:
        """What the panel leaves the keyboard under the question, the tags and the writing area: with larger
        text on a 1280×800 screen its keys give up height rather than push the question off the screen."""
        panel, entry = self.ids.write_panel, self.entry
        entry.ids.keyboard.room = (panel.height - panel.padding[1] - panel.padding[3] - panel.spacing * 2
                                   - self.ids.write_header.height - self.ids.chips.height
                                   - entry.children[-1].minimum_height - entry.spacing)   # (it stretches in portrait)

    def toggle_tag(self, index: int) -> None:
        chosen = self.state.setdefault("tags", [])
        if index in chosen:
            chosen.remove(index)
        else:
            chosen.append(index)
        for chip in self.ids.chips.children:
            chip.selected = chip.tag_index in chosen

    def submit(self, text: str) -> bool:
        """Store the idea (pending) and go back to the wall with a thank-you; False when there is nothing to send."""
        text = clean_idea(text, self.wall.max_length)
        default = self.ctx.collection.languages.default
        tags = [self.wall.tag_key(i, default) for i in sorted(self.state.get("tags", []))]
        if not can_submit(text, tags):
            self._entry().hint = self.ctx.gettext("Write a few words or pick a theme first.")
            return False
        self.ctx.emit(IdeaSent(self.manifest.id, text, tuple(tags)))
        self.state.update(mode="wall", thanked=True, draft="", tags=[])
        if self.entry is not None:
            self.entry.clear()
        self.refresh()
        return True

    def _room_colour(self) -> list:
        room = self.ctx.room(self.manifest.room)
        return self.ctx.theme.room_colour(room.colour) if room else self.ctx.theme.ink
