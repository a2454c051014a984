"""The root widget: the screens, plus the "still there?" overlay on top of them.

Every touch anywhere counts as activity (the app hears of it on the Window, panels included)
and goes on to the screens, except a touch on the overlay, which only closes it.

The facilitator's hidden gesture is also watched here: a finger held still for
:data:`HOLD_SECONDS` in the top-left corner (:data:`CORNER_DP` square) calls ``on_secret_hold``.
The held touch is then taken back from whatever it had pressed, so the back button under
that corner does not fire when the finger lifts.
"""

from __future__ import annotations

from pathlib import Path

from kivy.app import App
from kivy.clock import Clock
from kivy.lang import Builder
from kivy.metrics import dp
from kivy.properties import BooleanProperty, NumericProperty, ObjectProperty
from kivy.graphics.transformation import Matrix
from kivy.uix.floatlayout import FloatLayout
from kivy.uix.scatterlayout import ScatterLayout
from kivy.uix.screenmanager import ScreenManager

from kiosk.gui.facilitator.facilitator_bar import FacilitatorBar
from kiosk.gui.widgets.widgets import PassesTouches, TextBlock, take_back  # (and the shared rules, registered)

Builder.load_file(str(Path(__file__).with_name("root.kv")))

HOLD_SECONDS = 3.0
CORNER_DP = 64


class CountdownOverlay(PassesTouches, FloatLayout):
    """"Still there?" over everything. It never takes touches: the root closes it on any touch.

    Its ring shows the time left: ``seconds`` of ``total``, as an arc of ``ring_angle`` degrees.
    It changes once a second, with the number, so the countdown costs one frame a second.
    """

    seconds = NumericProperty(0)
    total = NumericProperty(10)
    ring_angle = NumericProperty(360)   # root.kv: 360 * seconds / total
    with_list = BooleanProperty(False)  # the visitor kept a list: its codes are shown

    def show_basket(self, app) -> None:
        """A visitor walking away with a list still gets it: its code(s) under the question (none for no list)."""
        from kiosk.gui.widgets.basket_panel import code_row, scan_words

        box = self.ids.basket
        box.clear_widgets()
        self.with_list = bool(app.session.basket)
        if not self.with_list:
            return
        theme = app.theme
        codes = app.basket_codes()
        box.add_widget(TextBlock(logical_text=app.tr._("Leaving? Scan your list to take it with you."), role="body",
                                 bold=True, halign="center"))
        if len(codes) > 1:
            box.add_widget(TextBlock(logical_text=scan_words(app, len(codes)), role="small", halign="center"))
        box.add_widget(code_row(app, codes, width=self.width * 0.9 - theme.pad * 4, tallest=self.height * 0.3,
                                pager=False))


class ReachView(ScatterLayout):
    """The screens, drawn whole in the lower part of the screen when a visitor asks for everything within reach.

    The screens are laid out at the window's size, as always (nothing in them changes, nothing is
    clipped), and drawn scaled by ``share`` with their lower edge on the window's and centred across
    it: every button lands in the lower ``share`` of the screen, where a seated visitor or a child
    reaches (kiosk.visit.access.Mounting). Touches go through the same transform (Kivy's Scatter),
    scrolls and drags included; the visitor cannot move or zoom it. At 1 it draws as if it were not there.
    """

    share = NumericProperty(1.0)

    def __init__(self, **kwargs):
        kwargs.setdefault("do_rotation", False)
        kwargs.setdefault("do_scale", False)
        kwargs.setdefault("do_translation", False)
        kwargs.setdefault("auto_bring_to_front", False)
        super().__init__(**kwargs)
        self.bind(share=self.place, size=self.place)

    def place(self, *_args) -> None:
        parent = self.parent
        if parent is None:
            return
        share = self.share
        self.transform = Matrix().scale(share, share, 1)
        self.pos = (parent.x + parent.width * (1 - share) / 2, parent.y + parent.bar_room)


class KioskRoot(FloatLayout):
    screens: ScreenManager = ObjectProperty(None)
    countdown_visible = BooleanProperty(False)
    bar_room = NumericProperty(0)   # the facilitator's bar's strip at the bottom: the screens sit above it
    guide_room = NumericProperty(0)   # audio guidance's strip at the top, for its badge: the screens sit under it
    seconds = NumericProperty(0)
    countdown_seconds = NumericProperty(10)   # the whole countdown: a full ring

    def __init__(self, on_activity=None, on_secret_hold=None, **kwargs):
        self.on_activity = on_activity or (lambda: None)  # the app listens on the Window instead
        self.on_secret_hold = on_secret_hold
        self._hold = None
        super().__init__(**kwargs)
        self.facilitator_bar = FacilitatorBar(app=App.get_running_app())

    def export_as_image(self, *args, **kwargs):
        """The screen as drawn, paper included: the paper is the window's clear colour, which an
        off-screen capture (snapshots, proofs, tests) does not clear with, so it is laid under for it."""
        from kivy.core.window import Window
        from kivy.graphics import Color, Rectangle

        with self.canvas.before:    # (the root draws nothing else before its children)
            paper = Color(*Window.clearcolor), Rectangle(pos=self.pos, size=self.size)
        try:
            return super().export_as_image(*args, **kwargs)
        finally:
            for instruction in paper:
                self.canvas.before.remove(instruction)

    def on_touch_down(self, touch):
        self.on_activity()
        if touch.ud.get("facilitator_only"):
            return True  # it began on the PIN pad: never for the screens, even after the pad closed
        if self.countdown_visible:
            self.hide_countdown()
            return True
        if self.on_secret_hold and self._in_corner(touch):
            self._start_hold(touch)
        return super().on_touch_down(touch)

    def on_touch_move(self, touch):
        self.on_activity()
        if touch.ud.get("facilitator_only"):
            return True
        if self._hold and self._hold[0] is touch and not self._in_corner(touch):
            self._cancel_hold()
        return super().on_touch_move(touch)

    def on_touch_up(self, touch):
        if self._hold and self._hold[0] is touch:
            self._cancel_hold()
        if touch.ud.get("secret_hold") or touch.ud.get("facilitator_only"):
            return True  # the finger that opened the PIN pad presses nothing else
        return super().on_touch_up(touch)

    # --- the hidden gesture ---------------------------------------------------------------
    def _in_corner(self, touch) -> bool:
        return touch.x <= self.x + dp(CORNER_DP) and touch.y >= self.top - dp(CORNER_DP)

    def _start_hold(self, touch) -> None:
        self._cancel_hold()
        self._hold = (touch, Clock.schedule_once(lambda _dt: self._held(touch), HOLD_SECONDS))

    def _cancel_hold(self) -> None:
        if self._hold:
            self._hold[1].cancel()
            self._hold = None

    def _held(self, touch) -> None:
        self._hold = None
        touch.ud["secret_hold"] = True
        take_back(touch)
        self.on_secret_hold()

    # --- the facilitator's bar (guided tours and workshops) -----------------------------------
    def show_facilitator_bar(self, visible: bool) -> None:
        """Put the bar above the screens and under the "still there?" overlay, or take it away."""
        bar = self.facilitator_bar
        if visible and bar.parent is None:
            self.add_widget(bar, index=1)
            bar.ids.bar.bind(height=self._bar_height)
            self.bar_room = bar.ids.bar.height
            bar.refresh()
        elif not visible and bar.parent is self:
            bar.notes_open = False
            bar.ids.bar.unbind(height=self._bar_height)
            self.remove_widget(bar)
            self.bar_room = 0

    def _bar_height(self, _bar, height) -> None:
        self.bar_room = height

    def on_bar_room(self, *_args) -> None:
        self.ids.reach.place()

    def show_countdown(self, _gettext=None) -> None:
        idle = getattr(App.get_running_app(), "idle", None)
        if idle is not None:
            self.countdown_seconds = idle.countdown
        app = App.get_running_app()
        if app is not None and getattr(app, "session", None) is not None:
            self.ids.overlay.show_basket(app)
        self.countdown_visible = True

    def hide_countdown(self) -> None:
        self.countdown_visible = False

    def update_countdown(self, seconds: int, state: str) -> None:
        if self.countdown_visible:
            self.seconds = seconds
