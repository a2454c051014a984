"""The access panel, opened by the access button on every visitor screen: larger text, high contrast, less motion,
read aloud, within reach.

Each mode is a whole-row switch (icon, name, what it does, and "On"/"Off" in words beside the
switch: the state is never told by colour or position alone). A choice takes effect at once, in
the panel itself (its texts grow, its colours deepen) and on every screen beneath when the panel
closes; it lasts for the visit and ends at the idle reset (kiosk.visit.access). Built once per
kiosk and shown again, like the language panel (``AccessPanel.open_for(app)``).
"""

from __future__ import annotations

from pathlib import Path

from kivy.lang import Builder
from kivy.properties import BooleanProperty, NumericProperty, ObjectProperty, StringProperty
from kivy.uix.behaviors import ButtonBehavior

from kiosk.gui.widgets.arabic_label import text_width
from kiosk.gui.widgets.backdrop import BackdropModalView
from kiosk.gui.widgets.widgets import MirrorBox
from kiosk.i18n import N_
from kiosk.visit.access import MODES

Builder.load_file(str(Path(__file__).with_name("access_panel.kv")))

#: Each mode's icon, name and what it does (translated when shown).
ROWS = {
    "large_text": ("a-large-small", N_("Larger text"), N_("Every text 1.4 times larger")),
    "high_contrast": ("contrast", N_("High contrast"), N_("Black on white, deeper colours")),
    "reduced_motion": ("snail", N_("Less motion"), N_("Nothing slides or glides")),
    "audio": ("volume-2", N_("Read aloud"), N_("Each exhibit reads itself out when you open it")),
    "reach": ("arrow-down-to-line", N_("Within reach"), N_("Everything to touch in the lower part of the screen")),
    "guide": ("headphones", N_("Audio guidance"), N_("Explore by touch, every item spoken; or hold two fingers on the screen "
                                             "for 2 seconds")),
}


class AccessRow(ButtonBehavior, MirrorBox):
    mode = StringProperty("")
    icon = StringProperty("")
    title = StringProperty("")
    hint = StringProperty("")
    on = BooleanProperty(False)
    state_width = NumericProperty(0)   # the wider of "On" and "Off", set by the panel


class AccessPanel(BackdropModalView):
    app = ObjectProperty(None)
    two_columns = BooleanProperty(False)   # within reach on a landscape screen (access_panel.kv)
    _shared: "AccessPanel | None" = None

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        for mode in MODES:
            icon, title, hint = ROWS[mode]
            row = AccessRow(mode=mode, icon=icon, title=title, hint=hint)
            row.bind(on_release=self._toggle)
            self.ids.rows.add_widget(row)
        self.mark()

    @classmethod
    def shared(cls, app) -> "AccessPanel":
        if cls._shared is None or cls._shared.app is not app:
            cls._shared = cls(app=app)
        return cls._shared

    @classmethod
    def open_for(cls, app) -> "AccessPanel":
        panel = cls.shared(app)
        panel.mark()
        panel.open(animation=False)
        return panel

    def rows(self) -> list[AccessRow]:
        return list(reversed(self.ids.rows.children))

    def mark(self) -> None:
        app = self.app
        modes, theme = app.session.access, app.theme
        # the wider of "On" and "Off" as drawn, for every row: the switches line up, no word wraps
        state_width = max(text_width(app.tr._(word), theme.font, theme.small, bold=True) for word in ("On", "Off"))
        # read aloud only where readings exist in the visitor's own language: a French voice is no help in Arabic
        readable = any(code == app.language for m in app.content.exhibits for code, _reading in m.audio)
        # within reach, its own switch comes first: the way back to the whole screen is in sight, whatever scrolls
        order = ("reach", *(m for m in MODES if m != "reach")) if modes.reach else MODES
        if [row.mode for row in self.rows()] != list(order):
            rows = {row.mode: row for row in self.ids.rows.children}
            self.ids.rows.clear_widgets()
            for mode in order:
                self.ids.rows.add_widget(rows[mode])
        for row in self.ids.rows.children:
            row.on, row.state_width = getattr(modes, row.mode), state_width
            if row.mode == "audio":
                row.disabled = not readable and not row.on
                row.hint = ROWS["audio"][2] if readable else N_("Not yet available in this language")

    def _toggle(self, row: AccessRow) -> None:
        self.app.set_access(row.mode, not row.on)
        self.mark()
