"""The base of every exhibit type's view.

A view receives the checked manifest, a :class:`kiosk.exhibit_types.context.ViewContext`
(the visitor's language and texts, pictures, QR codes, records to read, the event sink,
the theme, the navigator's verbs: nothing else of the kiosk) and ``state``, the
visitor's own dict for this exhibit. It
keeps its position (quiz question, gallery image, scroll) in ``state``, never in itself,
so that a language switch or a rebuild puts the visitor back at the same place, and the
idle reset forgets it. ``refresh()`` re-renders every text in the current language.

Views that have steps (quiz questions, gallery images, compare sides) say how many, and
``show_step(i)`` goes to one: the snapshot and proof tools photograph each step.

A game (``commons``, ``roleplay``) also offers the **workshop API**, through which the
facilitator's bar runs it for a group while the players keep their own touches: the view
says what the bar may offer now (:meth:`ExhibitView.workshop_controls`, a
:class:`WorkshopControls`), does what the bar asks (``next_phase()``, ``toggle_timer()``,
``extend_timer(seconds)``, ``show_debrief()``), and calls ``workshop_changed()`` whenever
its phase or timer changes, so the bar follows the players' own taps::

    class GameView(ExhibitView):
        def workshop_controls(self):
            return WorkshopControls(phase=N_("Discussion"), next_phase=N_("The vote"),
                                    timer=self.state["talk_left"], timer_running=True, debrief=True)

Phase names are English messages marked with ``N_`` (``kiosk.gui.widgets.exhibit_view.N_``):
the bar translates them into the facilitator's language, not the visitor's.
"""

from __future__ import annotations

from dataclasses import dataclass

from kivy.properties import BooleanProperty, ObjectProperty
from kivy.uix.boxlayout import BoxLayout
from kivy.uix.widget import Widget

from kiosk.gui.widgets.widgets import KioskButton


def N_(text: str) -> str:
    """Marks a message for translation (pybabel extracts ``N_``); the facilitator's bar translates it when shown."""
    return text


@dataclass(frozen=True)
class WorkshopControls:
    """What a game offers the facilitator's bar right now (the workshop API)."""

    phase: str                  # the phase the group is in, an English message marked N_()
    next_phase: str = ""        # where next_phase() leads, marked N_(); "" when it can lead nowhere now
    timer: int | None = None    # seconds left on the discussion timer; None when this phase has none
    timer_running: bool = False
    debrief: bool = False       # show_debrief() would show something new


class DebriefPaging:
    """For a game view whose end turns through its debrief questions and can start again:
    ``state["debrief"]`` is the question shown, ``game_text.debrief`` the questions, ``session`` the game."""

    def _turn_debrief(self, step: int) -> None:
        self.state["debrief"] = max(0, min(len(self.game_text.debrief) - 1, self.state.get("debrief", 0) + step))
        self.refresh()

    def _again(self) -> None:
        self.session.restart()
        self.refresh()


def leave_room(panel, action, portrait: bool) -> None:
    """End a game's panel with the room its content leaves. In portrait that room goes above the block that holds
    the phase's main action, which then sits at the bottom of the screen, within reach; landscape keeps the action
    under the content."""
    block = action if portrait else None
    while block is not None and block not in panel.children:     # ``panel`` may be a weak proxy: no ``is``
        block = block.parent if block.parent is not block else None      # the window is its own parent
    panel.add_widget(Widget(), index=panel.children.index(block) + 1 if block is not None else 0)


def pin_controls(panel, pinned, scroll, controls, portrait: bool) -> None:
    """Landscape: when a game's panel must scroll, its main controls move from the panel's end to
    ``pinned`` under the scroll view, in sight and whole (never a button cut by the scroll's edge)."""
    if portrait or not controls or panel.minimum_height <= scroll.height + scroll.given_up + 1:
        return
    if all(widget in panel.children for widget in controls):   # ids are weak proxies: no "is"
        pinned.spacing = panel.spacing
        for widget in controls:
            panel.remove_widget(widget)
            pinned.add_widget(widget)


def fold_beside(side, panel, beside: list) -> None:
    """Landscape: what stands in a game's side column beside its panel (``beside``, in the order it came) moves
    into the panel, under its heading, last first, while the column cannot hold it whole (larger text): the
    column is never cut. Called a frame after a change, once the texts are laid out."""
    while beside and side.minimum_height > side.height + 1:
        widget = beside.pop()
        if widget in side.children:     # ids are weak proxies: no "is"
            side.remove_widget(widget)
            panel.add_widget(widget, index=max(0, len(panel.children) - 1))
            side.do_layout()            # its minimum height, now


class ExhibitView(BoxLayout):
    manifest = ObjectProperty(None)
    ctx = ObjectProperty(None)
    state = ObjectProperty(None)  # the visitor session's own dict (a DictProperty would copy it)
    built_ahead = True
    """Whether kiosk.gui.ahead may build this type's view while the visitor looks at home (False for a
    view that takes long to build: the games)."""
    absorbed = BooleanProperty(False)
    """True while the visitor is busy inside the view (typing on the wall's keyboard): the
    exhibit screen then folds its way on away, so the view has the whole height."""

    def __init__(self, manifest, ctx, state: dict, **kwargs):
        self.register_event_type("on_workshop")
        super().__init__(manifest=manifest, ctx=ctx, **kwargs)
        self.state = state  # the same dict object as in the visitor session
        self.orientation = "vertical"

    def text(self, localized) -> str:
        return self.ctx.text(localized)

    def refresh(self) -> None:
        raise NotImplementedError

    def extra_links(self) -> list[tuple[str, str]]:
        """(label, url) of links found inside the texts (a panel's body), shown as QR codes too."""
        return []

    @classmethod
    def step_count_for(cls, manifest) -> int:
        """How many interactive steps this exhibit has (1 for a plain view)."""
        return 1

    def show_step(self, index: int) -> None:
        """Go to interactive step ``index`` (0-based)."""

    # -- the workshop API: a game the facilitator runs from the bar (see the module's docstring) --

    def workshop_controls(self) -> WorkshopControls | None:
        """What the facilitator's bar offers for this view now; None (every view but a game's): nothing."""
        return None

    def next_phase(self) -> None:
        """Move the game on to the phase ``workshop_controls().next_phase`` names."""

    def toggle_timer(self) -> None:
        """Pause the discussion timer, or start it again."""

    def extend_timer(self, seconds: int) -> None:
        """Give the discussion ``seconds`` more."""

    def show_debrief(self) -> None:
        """Show the group the game's end: the replay and the debrief questions, large."""

    def run_from_the_bar(self) -> bool:
        """A facilitator runs this view from the bar (a guided path or a workshop is on): a game then shows
        no button of its own for what the bar does (the next phase, more time), one button for one action."""
        group = self.ctx.group
        return bool(group is not None and group.active)

    def action_button(self, text: str, icon: str, action, kind: str = "primary", **options):
        """A game's button in one of the design system's kinds: primary (ink), accent (the phase's one
        main action, kept as ``self.action``, where tests and the proof find it) or secondary."""
        theme = self.ctx.theme
        colours = {"primary": (theme.ink, theme.white, []), "accent": (theme.accent, theme.ink, []),
                   "secondary": (theme.surface, theme.ink, theme.ink)}[kind]
        button = KioskButton(text=text, icon=icon, background=colours[0], foreground=colours[1], outline=colours[2],
                             **options)
        button.bind(on_release=lambda *_: action())
        if kind == "accent":
            self.action = button
        return button

    def workshop_changed(self) -> None:
        """Tell the bar that the phase or the timer changed (a player's tap, a second gone)."""
        self.dispatch("on_workshop")

    def on_workshop(self) -> None:
        pass
