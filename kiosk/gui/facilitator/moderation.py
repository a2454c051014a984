"""The facilitator's reading of the wall: new ideas, with "Show on the wall" and "Hide" for each.

``ModerationPanel(app)`` lists the ideas of every ``wall`` exhibit at the current venue
(``app.venue``), newest first. A filter shows the ideas waiting to be read (the default),
those on the wall, or those hidden, so that a decision can be undone. After each decision
the panel dispatches ``on_moderated(idea_id, status)`` and, if a visitor's exhibit screen
is showing, it is redrawn. In the facilitator menu::

    panel = ModerationPanel(app)
    panel.refresh()            # e.g. each time the menu opens

Ideas are shown as visitors typed them: their text, tags and time, and nothing about who
wrote them, since nothing of the kind is stored. Which ideas and which decisions: the
Kivy-free :class:`kiosk.facilitator.moderation.WallModeration`.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from kivy.lang import Builder
from kivy.properties import ObjectProperty, OptionProperty, StringProperty
from kivy.uix.boxlayout import BoxLayout

from kiosk.gui.theme import rgba
from kiosk.gui.widgets import widgets  # noqa: F401  (TextBlock and KioskButton rules)
from kiosk.gui.widgets.widgets import KioskButton
from kiosk.records import STATUSES
from kiosk.render.markdown import literal

Builder.load_file(str(Path(__file__).with_name("moderation.kv")))
SHOW, HIDE = "#2E6B3F", "#8C2F39"


class ModerationRow(BoxLayout):
    """One idea, with what it says, where and when, and the decisions that can be taken."""

    text = StringProperty("")
    tags = StringProperty("")
    where = StringProperty("")


class ModerationPanel(BoxLayout):
    app = ObjectProperty(None)
    status = OptionProperty("pending", options=STATUSES)   # the filter

    __events__ = ("on_moderated",)

    def __init__(self, app, **kwargs):
        super().__init__(app=app, **kwargs)
        self.refresh()

    def show(self, status: str) -> None:
        """Change the filter: 'pending', 'approved' or 'hidden'."""
        self.status = status
        self.refresh()

    def refresh(self) -> None:
        tr = self.app.facilitator_gettext
        self.ids.title.logical_text = tr("Ideas for the wall")
        venue = self.app.venue
        self.ids.venue.logical_text = tr("Venue: {venue}").format(venue=venue) if venue else tr("No venue set")
        ideas = self.wall.ideas(self.status)
        self._fill_filters()
        rows = self.ids.rows
        rows.clear_widgets()
        for idea in ideas:
            rows.add_widget(self._row(idea))
        self.ids.empty.logical_text = "" if ideas else tr("Nothing to read here.")

    @property
    def wall(self):
        return self.app.facilitator.wall

    def moderate(self, idea_id: int, status: str) -> None:
        if not self.wall.moderate(idea_id, status):
            return
        self.refresh()
        self.dispatch("on_moderated", idea_id, status)

    def on_moderated(self, idea_id: int, status: str) -> None:
        """The visitor's screen shows the wall as it is now."""
        navigator = getattr(self.app, "navigator", None)
        if navigator is not None and navigator.current == "exhibit":
            navigator.screen("exhibit").refresh()

    # --- building ---------------------------------------------------------------------------
    def _fill_filters(self) -> None:
        tr, box = self.app.facilitator_gettext, self.ids.filters
        names = {"pending": tr("To read"), "approved": tr("On the wall"), "hidden": tr("Hidden")}
        box.clear_widgets()
        counts = self.wall.counts()
        for status in (reversed(STATUSES) if self.app.facilitator_language.rtl else STATUSES):
            current = status == self.status
            label = f"{names[status]} ({counts[status]})"
            button = KioskButton(text=label, size_factor=0.9, font_override=self.app.facilitator_language.font,
                                 background=self.app.theme.ink if current
                                 else self.app.theme.light, foreground=self.app.theme.white if current
                                 else self.app.theme.ink)
            button.status = status
            button.bind(on_release=lambda b: self.show(b.status))
            box.add_widget(button)

    def _row(self, idea) -> ModerationRow:
        tr = self.app.facilitator_gettext
        wall = self.wall.walls()[idea.exhibit]
        default = self.app.content.collection.languages.default
        tags = [wall.details.tag_text(key, self.app.language, self.app.fallbacks, default) for key in idea.tags]
        row = ModerationRow(text=literal(idea.text), tags="  ·  ".join(tags),
                            where=f"{self.app.facilitator_text(wall.title)} · {local_time(idea.created)}")
        labels = {"approved": (tr("Show on the wall"), SHOW), "hidden": (tr("Hide"), HIDE)}
        for status in self.wall.decisions(idea):
            row.ids.buttons.add_widget(self._decision(*labels[status], idea.id, status))
        return row

    def _decision(self, text: str, colour: str, idea_id: int, status: str) -> KioskButton:
        button = KioskButton(text=text, background=rgba(colour), size_factor=0.9,
                             font_override=self.app.facilitator_language.font)
        button.bind(on_release=lambda _b: self.moderate(idea_id, status))
        return button


def local_time(iso: str) -> str:
    """'2026-03-12T14:05+00:00' → '12/03 15:05' in the kiosk's time zone (as stored when unreadable)."""
    try:
        return datetime.fromisoformat(iso).astimezone().strftime("%d/%m %H:%M")
    except ValueError:
        return iso
