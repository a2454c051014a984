"""The role-play's widgets (styled in ``roleplay.kv``): cards, tokens, switches, gauges, the timer.

Every class is named Roleplay…: a kv rule with a generic name (``<Card>``) reaches every
class of that name, a test's own among them.
"""

from __future__ import annotations

from pathlib import Path

from kivy.lang import Builder
from kivy.properties import BooleanProperty, ListProperty, NumericProperty, StringProperty
from kivy.uix.behaviors import ButtonBehavior
from kivy.uix.boxlayout import BoxLayout
from kivy.uix.widget import Widget

from kiosk.gui.widgets.widgets import MirrorBox

MODE_ICONS = {"majority": "vote", "consent": "hand", "consensus": "circle-check", "election": "users",
              "lots": "sparkles"}
INDICATOR_ICONS = {"participation": "message-square-text", "trust": "handshake", "health": "sprout"}
INDICATOR_COLOURS = {"participation": "#24628F", "trust": "#9A4A0B", "health": "#1E6B3A"}


class RoleplayCard(BoxLayout):
    background = ListProperty([])


class RoleplayNote(MirrorBox):
    icon = StringProperty("info")
    text = StringProperty("")
    detail = StringProperty("")          # a second, muted line
    role = StringProperty("body")
    bold = BooleanProperty(False)
    colour = ListProperty([])
    scale = NumericProperty(1.0)


class RoleplayToken(Widget):
    label = StringProperty("")
    filled = BooleanProperty(True)


class RoleplayGauge(BoxLayout):
    icon = StringProperty("")
    name = StringProperty("")
    value = NumericProperty(0)
    value_text = StringProperty("")
    colour = ListProperty([0, 0, 0, 1])


class RoleplayToggle(ButtonBehavior, MirrorBox):
    role = StringProperty("body")
    number = StringProperty("")
    name = StringProperty("")
    on = BooleanProperty(False)
    icon = StringProperty("check")


class RoleplayChoice(ButtonBehavior, MirrorBox):
    icon = StringProperty("")
    title = StringProperty("")
    text = StringProperty("")
    picked = BooleanProperty(False)


class RoleplayVoteRow(MirrorBox):
    number = StringProperty("")
    name = StringProperty("")
    reads_whole = True      # a scroll's edge never shows a name without its buttons (kiosk.gui.widgets.lines)


class RoleplayTally(MirrorBox):
    """A line of the end's table: a way of deciding, then what it adopted, who it overruled, the objections."""

    name = StringProperty("")
    adopted = StringProperty("")
    overruled = StringProperty("")
    objections = StringProperty("")
    header = BooleanProperty(False)
    cell = NumericProperty(0)      # the number columns' width, measured from the header's words (_tally_cell)


class RoleplayTimer(Widget):
    paused = BooleanProperty(False)        # the facilitator paused the talk: the ring greys
    total = NumericProperty(120)
    left = NumericProperty(120)
    label = StringProperty("")



class RoleplayStep(Widget):
    """A decision in the side's progress: filled once taken."""

    filled = BooleanProperty(False)


Builder.load_file(str(Path(__file__).with_name("roleplay.kv")))
