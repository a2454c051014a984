"""Audio guidance on screen: touches explore instead of press, what is under a finger is spoken.

The gestures, the order and the focus are kiosk.visit.guide's (no Kivy); the words are spoken by
espeak-ng through kiosk.visit.speech. Here the widgets on screen become elements:

- a control is anything a finger presses (Kivy's ButtonBehavior): its words are its own texts,
  or for a button that shows only an icon, what the icon means (:data:`ICON_WORDS`);
- a text is any other label with words in it;
- only the topmost panel is explored while one is open (a language panel, "still there?");
- what a scroll hides can be stepped to (a flick, an arrow key), and is scrolled into view.

Choosing (a double tap, Enter) presses the element in focus with a touch at its middle, the way
a finger would, so every control works as it does for everybody. Then what changed is spoken:
a new screen by its title, a quiz's verdict by its words.

The guide listens on the Window before any widget: while it is on, a visitor's touches never
reach the screens. A ring in the accent colour shows the focus to whoever stands beside.
"""

from __future__ import annotations

import itertools
import logging
import struct
import threading
import time
from collections import deque

from kivy.base import EventLoop
from kivy.clock import Clock
from kivy.core.window import Window
from kivy.event import EventDispatcher
from kivy.graphics import Color, Line
from kivy.input.motionevent import MotionEvent
from kivy.metrics import dp
from kivy.lang import Builder
from kivy.properties import BooleanProperty, StringProperty
from kivy.uix.behaviors import ButtonBehavior
from kivy.uix.label import Label
from kivy.uix.modalview import ModalView
from kivy.uix.scrollview import ScrollView
from kivy.uix.stencilview import StencilView
from kivy.uix.widget import Widget

from kiosk.gui.curator.proof_checks import readable, window_box
from kiosk.gui.widgets.arabic_label import text_width
from kiosk.gui.widgets.widgets import PassesTouches, take_back
from kiosk.i18n import N_
from kiosk.render.bidi import has_rtl, is_rtl
from kiosk.visit.guide import Element, Guide, Strokes, TwoFingerHold, reading_order

log = logging.getLogger(__name__)

#: What a button that shows only an icon does, in words (translated when spoken).
ICON_WORDS = {
    "house": N_("Home"), "languages": N_("Language"), "accessibility": N_("Access options"),
    "volume-2": N_("Listen"), "chevron-left": N_("Previous"), "chevron-right": N_("Next"),
    "arrow-left": N_("Previous"), "arrow-right": N_("Next"), "x": N_("Close"), "play": N_("Play"),
    "pause": N_("Pause"), "rotate-ccw": N_("From the start"), "plus": N_("Louder"), "minus": N_("Quieter"),
    "zoom-in": N_("Zoom in"), "zoom-out": N_("Zoom out"), "qr-code": N_("Link"), "check": N_("Done"),
    "delete": N_("Delete"), "arrow-big-up": N_("Capital letters"), "corner-down-left": N_("New line"),
    "space": N_("Space"), "send": N_("Send"), "circle-help": N_("Help"), "info": N_("More"),
    "bookmark": N_("Keep"), "bookmark-check": N_("Kept, on my list"), "list": N_("My list"),
}
HELP = N_("Audio guidance is on. Slide a finger over the screen to hear what is under it. Tap twice anywhere to "
          "choose what you heard. Flick right or left for the next or the previous item. To turn the guidance off, "
          "hold two fingers still on the screen for two seconds.")
OFF = N_("Audio guidance is off.")
BADGE = N_("Audio guidance on. To stop: two fingers, 2 seconds")
BUTTON = N_("button")
NEW_WORDS = 8              # after a choice, at most this many new texts are read (a poll's results: all its answers)
LOOK_AFTER_CHOICE = 0.3    # s: what a choice changed is looked at once it has been drawn (a quiz verdict: 0.1 s)
SAID_KEPT = 40
KEYS_NEXT, KEYS_PREVIOUS = {274, 275, 9}, {273, 276}       # down, right, tab / up, left
KEYS_CHOOSE, KEYS_HELP = {13, 271, 32}, {104, 282}          # enter, keypad enter, space / h, F1
_touch_ids = itertools.count(1)


class GuideTouch(MotionEvent):
    """The touch by which the guide presses what the visitor chose: it goes to the widgets as a finger's would."""

    def __init__(self, x: float, y: float):
        super().__init__("guide", next(_touch_ids), (x / Window.width, y / Window.height), is_touch=True,
                         type_id="touch")
        self.profile = ["pos"]

    def depack(self, args):
        self.sx, self.sy = args
        super().depack(args)


Builder.load_string("""
<GuideBadge>:
    # at the foot of the screen while audio guidance is on: for a companion, or staff, who wonder why taps only speak
    size_hint: None, None
    # as wide as its words (GuideBadge.fit), at most 90 % of the screen
    height: words.height + app.theme.space * 2
    canvas.before:
        Color:
            rgba: app.theme.ink[:3] + [0.92]
        RoundedRectangle:
            pos: self.pos
            size: self.size
            radius: [min(self.height / 2, app.theme.radius * 2)]
    TextBlock:
        id: words
        logical_text: root.words
        role: "small"
        bold: True
        tone: "white"
        halign: "center"
        width: root.width - app.theme.pad * 2
        pos: root.x + app.theme.pad, root.y + app.theme.space
""")


class GuideBadge(PassesTouches, Widget):
    words = StringProperty("")

    def fit(self, theme) -> None:
        """As wide as its words on one line, when they fit in 90 % of the screen; centred at the screen's top."""
        font = "KioskArabic" if has_rtl(self.words) else theme.font
        self.width = min(Window.width * 0.9, text_width(self.words, font, theme.small, bold=True) + theme.pad * 2.5)
        self.pos = ((Window.width - self.width) / 2, Window.height - self.height - dp(6))

    @property
    def room(self) -> float:
        """The strip it takes at the top of the screen (the screens are laid out under it)."""
        return self.height + dp(12)


class FocusRing(PassesTouches, Widget):
    """The focus, shown over everything: a dark ring inside a gold one, a little apart from what it surrounds, so one of
    them stands out on the paper as on a room's colour (WCAG 1.4.11 asks 3:1); never at the screen's very edge (a
    bezel covers it). It never takes a touch."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        with self.canvas:
            self._colour = Color(0.88, 0.65, 0.15, 1)
            self._outer = Line(width=dp(3))
            self._ink = Color(0.12, 0.10, 0.09, 1)
            self._inner = Line(width=dp(2))

    def show(self, box, colour, ink) -> None:
        edge, gap = dp(8), dp(5)
        left, bottom = max(edge, box[0] - gap), max(edge, box[1] - gap)
        right, top = min(Window.width - edge, box[2] + gap), min(Window.height - edge, box[3] + gap)
        self._colour.rgba, self._ink.rgba = colour, ink
        self._inner.rounded_rectangle = (left, bottom, right - left, top - bottom, dp(8))
        out = dp(4)
        self._outer.rounded_rectangle = (left - out, bottom - out, right - left + 2 * out, top - bottom + 2 * out, dp(11))

    def hide(self) -> None:
        self._outer.points = self._inner.points = []


class Speaker:
    """One voice: the last thing asked for is spoken, what was speaking stops at once.

    Clips are made, played and closed on a thread of the speaker's own, with FFmpeg's player
    (ffpyplayer, as Kivy's sound provider uses it) driven directly: a player takes ~125 ms to
    close and holds the sound device until it has, so closing the last clip and opening the next
    happen there, one after the other, and never in the frame that answers a touch. A clip that
    has ended is closed too, so the device is idle between two words.
    """

    def __init__(self, speech, volume=lambda: 0.8):
        self.speech = speech
        self.volume = volume
        self.said: deque[tuple[str, str]] = deque(maxlen=SAID_KEPT)   # (words, language), latest last
        self._ticket = 0
        self._wanted: tuple | None = None
        self._ahead: deque[tuple[str, str]] = deque(maxlen=200)
        self._player = None           # the clip being heard (ffpyplayer's MediaPlayer); the thread opens and closes it
        self._ends = 0.0              # when it will have ended (monotonic time)
        self._ready = threading.Condition()
        self._thread: threading.Thread | None = None

    def say(self, words: str, language: str) -> None:
        with self._ready:
            self._ticket += 1
            self._hush()
            if words:
                self.said.append((words, language))
                self._wanted = (self._ticket, words, language)
            self._ready.notify()
        self._start()

    def ahead(self, items) -> None:
        """Make these clips while the visitor listens: the next touch is spoken at once."""
        with self._ready:
            for item in items:
                if item not in self._ahead:
                    self._ahead.append(item)
            self._ready.notify()
        self._start()

    def silence(self) -> None:
        with self._ready:
            self._ticket += 1
            self._wanted = None
            self._hush()
            self._ready.notify()

    @property
    def quiet(self) -> bool:
        """No clip holds the sound device (an exhibit's reading can open it)."""
        return self._player is None and self._wanted is None

    def position(self) -> float:
        """Seconds heard of the clip being played; 0 when none is."""
        with self._ready:
            player = self._player
            return (player.get_pts() or 0.0) if player is not None else 0.0

    def _hush(self) -> None:
        """(Holding the lock.) The clip being heard pauses now; the thread closes it."""
        if self._player is not None:
            self._player.set_pause(True)
            self._ends = 0.0

    def _start(self) -> None:
        if self._thread is None and self.speech.available:
            self._thread = threading.Thread(target=self._work, name="audio-guidance", daemon=True)
            self._thread.start()

    def _work(self) -> None:
        while True:
            with self._ready:
                while self._wanted is None and not self._ahead and (self._player is None or time.monotonic() < self._ends):
                    self._ready.wait(max(0.05, self._ends - time.monotonic()) if self._player is not None else None)
                wanted, self._wanted = self._wanted, None
                ended = self._player if self._player is not None and (wanted or time.monotonic() >= self._ends) else None
                if ended is not None:
                    self._player = None
                item = self._ahead.popleft() if wanted is None and ended is None and self._ahead else None
            if ended is not None:
                ended.close_player()
            if wanted is not None:
                self._play(*wanted)
            elif item is not None:
                self.speech.clip(*item)

    def _play(self, ticket: int, words: str, language: str) -> None:
        path = self.speech.clip(words, language)
        if path is None or ticket != self._ticket:
            return
        from ffpyplayer.player import MediaPlayer

        try:
            player = MediaPlayer(str(path), ff_opts={"vn": True, "sn": True}, loglevel="quiet")
        except Exception:
            log.warning("audio guidance: %s could not be played (no audio device?)", path, exc_info=True)
            return
        player.set_volume(self.volume())
        length = _wav_seconds(path)
        with self._ready:
            if ticket != self._ticket:   # something else was asked for meanwhile: this one is not heard
                self._player, self._ends = player, 0.0
            else:
                self._player, self._ends = player, time.monotonic() + length + 0.3


def _wav_seconds(path) -> float:
    """A clip's length, from its WAV header (kiosk.visit.speech writes them)."""
    try:
        with open(path, "rb") as clip:
            head = clip.read(80)
        per_second = struct.unpack("<I", head[28:32])[0]
        return (path.stat().st_size - head.index(b"data") - 8) / max(1, per_second)
    except (OSError, ValueError, struct.error):
        return 5.0


class AudioGuide(EventDispatcher):
    """The screen explored by touch and keypad while ``on``; two fingers held for two seconds turn it on or off."""

    on = BooleanProperty(False)

    def __init__(self, app, speech, on_activity=lambda: None, **kwargs):
        super().__init__(**kwargs)
        self.app = app
        self.on_activity = on_activity     # touches the guide takes count for the idle watcher all the same
        self.speaker = Speaker(speech, volume=lambda: app.narration.volume)
        self.guide = Guide()
        self.hold = TwoFingerHold(slop=dp(30))
        self.strokes = Strokes(slop=dp(18), flick=dp(70))
        self.ring = FocusRing()
        self.badge = GuideBadge()
        self.badge.bind(height=self._place_badge)
        app.bind(language=self._place_badge)   # (a method: Kivy holds it weakly, as long as the guide lives)
        self._fingers: list = []          # the touches down now
        self._starts: dict = {}           # touch uid → (x, y, time) where it came down
        self._held: dict = {}             # the touches of a two-finger hold, to take back from the widgets
        self._context = None
        self._words_before: set[str] = set()
        self._focus_before = None
        self._chosen_in = None            # the screen a choice was made on
        self._focus_before_taps = None    # what a double tap chooses: the focus before its first tap
        self._rtl = False
        self._pending = None              # a touch soon after a tap: explore only if it is not a double tap
        self._look_soon = Clock.create_trigger(self._look_and_tell, 0.15)
        self._after_choice = Clock.create_trigger(lambda dt: self._look_and_tell(dt, after_choice=True), LOOK_AFTER_CHOICE)
        Window.bind(on_touch_down=self._down, on_touch_move=self._move, on_touch_up=self._up,
                    on_key_down=self._key, children=lambda *_: self.on and self._look_soon(), size=self._place_badge)

    # --- on and off -------------------------------------------------------------------------
    def follow(self, modes, quietly: bool = False) -> None:
        """Take the visitor's access modes (kiosk.visit.access): on with ``guide``, off without (``quietly`` at the idle
        reset: nobody is there to hear it)."""
        self._fingers.clear()   # (a touch whose end never came must not spoil the next visitor's gestures)
        self._starts.clear()
        self.hold.reset()
        if modes.guide and not self.on:
            self.on = True
            if self.ring.parent is None:
                Window.add_widget(self.ring)
            if self.badge.parent is None:
                Window.add_widget(self.badge)
                self._place_badge()
                self._look_soon()   # once the screens are laid out under the badge
            self._context = self._context_now()
            self._look()
            self.say(self.app.gettext(HELP))
        elif not modes.guide and self.on:
            self.on = False
            for shown in (self.ring, self.badge):
                if shown.parent is not None:
                    shown.parent.remove_widget(shown)
            self.app.root_widget.guide_room = 0
            self.guide.focus = None
            self.ring.hide()
            if quietly:
                self.speaker.silence()
            else:
                self.say(self.app.gettext(OFF))

    def watch(self, screens, root) -> None:
        """Look again when the screen changes or "still there?" shows (they say what is new)."""
        screens.bind(current=lambda *_: self.on and self._look_soon())
        root.bind(countdown_visible=lambda *_: self.on and self._look_soon())

    # --- touches ----------------------------------------------------------------------------
    def _down(self, _window, touch) -> bool:
        if isinstance(touch, GuideTouch):
            return False
        now = time.monotonic()
        self.hold.down(touch.uid, touch.x, touch.y, now)
        self._fingers.append(touch)
        if self.hold.holding:
            self._held = {t.uid: t for t in self._fingers}
            Clock.schedule_once(self._check_hold, self.hold.seconds + 0.05)
        if not self.on:
            return False
        self.on_activity()
        self._starts[touch.uid] = (touch.x, touch.y, now)
        self._focus_before = self.guide.focus   # a flick steps on from here, not from what the finger passed over
        if len(self._fingers) == 1:
            self._look()   # what is under the finger now: rows scroll, pages turn, verdicts appear
            if self.strokes.may_be_double(now):   # the second tap of a double tap changes nothing, unless it stays
                self._pending = Clock.schedule_once(lambda _dt: self._explore(touch.x, touch.y), 0.3)
            else:   # heard at once; if it is the first tap of a double tap, the double tap chooses what was heard before
                self._focus_before_taps = self.guide.focus
                self._explore(touch.x, touch.y)
        return True

    def _move(self, _window, touch) -> bool:
        if isinstance(touch, GuideTouch):
            return False
        self.hold.move(touch.uid, touch.x, touch.y)
        if not self.on:
            return False
        self.on_activity()
        start = self._starts.get(touch.uid)
        if start and len(self._fingers) == 1 and max(abs(touch.x - start[0]), abs(touch.y - start[1])) > dp(18):
            self._cancel_pending()
            self._explore(touch.x, touch.y)
        return True

    def _up(self, _window, touch) -> bool:
        if isinstance(touch, GuideTouch):
            return False
        self.hold.up(touch.uid)
        if touch in self._fingers:
            self._fingers.remove(touch)
        start = self._starts.pop(touch.uid, None)
        if not self.on or touch.ud.get("guide_hold"):
            return self.on or touch.ud.get("guide_hold", False)
        if start is not None and not self._fingers:
            stroke = self.strokes.stroke(start, (touch.x, touch.y, time.monotonic()))
            if stroke == "double":
                self._cancel_pending()
                self.guide.focus = self._focus_before_taps or self.guide.focus
                self.choose()
            elif stroke in ("next", "previous"):
                self._cancel_pending()
                self.guide.focus = self._focus_before
                self.step(1 if stroke == "next" else -1)
        return True

    def _cancel_pending(self) -> None:
        if self._pending is not None:
            self._pending.cancel()
            self._pending = None

    def _check_hold(self, _dt) -> None:
        if not self.hold.due(time.monotonic()):
            if self.hold.holding:   # the clock woke a little early
                Clock.schedule_once(self._check_hold, 0.1)
            return
        for touch in self._held.values():   # the fingers press nothing when they lift
            touch.ud["guide_hold"] = True
            take_back(touch)
        self._held = {}
        self.app.set_access("guide", not self.on)

    # --- keys -------------------------------------------------------------------------------
    def _key(self, _window, key, _scancode, _codepoint, modifiers) -> bool:
        known = KEYS_NEXT | KEYS_PREVIOUS | KEYS_CHOOSE | KEYS_HELP
        if key not in known:
            return False
        self.on_activity()
        if not self.on:
            self.app.set_access("guide", True)   # a keypad's key: a visitor who cannot see the screen
            return True
        if key in KEYS_HELP:
            self.say(self.app.gettext(HELP))
        elif key in KEYS_CHOOSE:
            self.choose()
        else:
            backwards = key in KEYS_PREVIOUS or (key == 9 and "shift" in modifiers)
            self.step(-1 if backwards else 1)
        return True

    # --- what the visitor does ----------------------------------------------------------------
    def _explore(self, x: float, y: float) -> None:
        self._pending = None
        element = self.guide.touch(x, y)
        if element is not None:
            self._speak(element)

    def step(self, by: int) -> None:
        self._look()
        element = self.guide.step(by)
        if element is None:
            return
        if not element.box[2] > element.box[0]:   # hidden by a scroll: brought into view first
            self._scroll_to(element.key)
        self._speak(element)

    def choose(self) -> None:
        """Press what is in focus, as a finger would; a text is read again."""
        element = self.guide.focus
        if element is None:
            self.say(self.app.gettext(HELP))
            return
        if not element.control:
            self._speak(element)
            return
        self.speaker.silence()
        self._words_before = {e.words for e in self.guide.elements}
        self._context = self._chosen_in = self._context_now()
        self._press(*element.centre, tries=25)

    def _press(self, x: float, y: float, tries: int) -> None:
        """A touch at (x, y), as a finger's, once the voice has let the sound device go (an exhibit's "Listen" opens
        it): within 0.1-0.2 s, or after half a second whatever happens."""
        if not self.speaker.quiet and tries > 0:
            Clock.schedule_once(lambda _dt: self._press(x, y, tries - 1), 0.02)
            return
        touch = GuideTouch(x, y)
        EventLoop.post_dispatch_input("begin", touch)
        Clock.schedule_once(lambda _dt: EventLoop.post_dispatch_input("end", touch), 0.05)
        self._after_choice()

    def say(self, words: str, language: str = "") -> None:
        self.app.narration.stop()
        self.speaker.say(words, language or self.app.language)

    def _speak(self, element: Element) -> None:
        self._show_ring()
        self.say(self._spoken(element), element.language)

    # --- what is on screen ----------------------------------------------------------------------
    def _context_now(self):
        top = self._top()
        return (self.app.navigator.current, id(top), self.app.session.exhibit_id, self.app.language)

    def _look(self) -> None:
        found: list[Element] = []
        self._rtl = is_rtl(self.app.language)
        self._gather(self._top(), (0, 0, Window.width, Window.height), found)
        self.guide.look(found)   # in reading order already: each layout's children are read in order
        self._show_ring()
        self.speaker.ahead([(self._spoken(e), e.language) for e in self.guide.elements[:60]])

    def _spoken(self, element: Element) -> str:
        """An element's words as spoken: a control says it is one (in the visitor's language)."""
        if element.control and element.language == self.app.language:
            return _sentences((element.words, self.app.gettext(BUTTON)))
        return element.words

    def _tell_where(self) -> None:
        texts = [e for e in self.guide.elements if not e.control]
        heading = next((e for e in texts if getattr(e.key, "role", "") in ("title", "heading")), texts[0] if texts else None)
        if heading is None:
            return
        if self.app.narration.state == "playing":
            return   # an exhibit read aloud as it opens: its reading says its title
        self.guide.focus = heading
        said = [heading.words]
        if self._top() is not self.app.root_widget:   # a panel or "still there?": a few words more
            said += [e.words for e in texts if e is not heading][:2]
        self._show_ring()
        self.say(_sentences(said), heading.language)

    def _look_and_tell(self, _dt=None, after_choice: bool = False) -> None:
        """The screen changed under the visitor: a new screen, a panel or "still there?" says where they are;
        after a choice on the same screen, its new words are read (a quiz's verdict)."""
        if not self.on:
            return
        context = self._context_now()
        self._look()
        if context != self._context:
            self._context = context
            self._tell_where()
            return
        if not after_choice or context != self._chosen_in:
            return   # (a choice that led to another screen: where the visitor is has been said)
        new = [e for e in self.guide.elements if not e.control and e.words not in self._words_before]
        if new and self.app.narration.state != "playing":
            self.say(_sentences(e.words for e in new[:NEW_WORDS]), new[0].language)

    def _top(self):
        """What the visitor is in: the topmost panel, "still there?", or the screens."""
        for widget in Window.children:   # topmost first
            if isinstance(widget, ModalView):
                return widget
        root = self.app.root_widget
        return root.ids.overlay if root.countdown_visible else root

    def _gather(self, widget, clip, found: list[Element], scroll=None) -> None:
        if widget.opacity <= 0.01 or widget.width < 1 or widget.height < 1 or widget is self.ring:
            return
        box = window_box(widget)
        seen = _meet(box, clip)
        if getattr(widget, "disabled", False):
            # nothing to press, but words to hear: a poll's answers, once voted, are its results
            words = ", ".join(_label_words(widget)) if isinstance(widget, ButtonBehavior) else ""
            if words and (seen or scroll is not None):
                found.append(Element(words, seen or (box[0], box[1], box[0], box[1]), self._language_of(widget, words),
                                     key=widget))
            return
        if isinstance(widget, ButtonBehavior):
            words = self._words_of(widget)
            if words and (seen or scroll is not None):
                found.append(Element(words, seen or (box[0], box[1], box[0], box[1]), self._language_of(widget, words),
                                     control=True, key=widget))
        elif isinstance(widget, Label) and not getattr(widget, "name", ""):
            words = readable(widget)
            if words and (seen or scroll is not None):
                found.append(Element(words, seen or (box[0], box[1], box[0], box[1]), self._language_of(widget, words),
                                     key=widget))
            return
        if seen is None and scroll is None:
            return
        if isinstance(widget, StencilView):
            clip = _meet(box, clip) or (box[0], box[1], box[0], box[1])
            scroll = widget if isinstance(widget, ScrollView) else scroll
        children = [child for child in widget.children
                    if not isinstance(widget, ButtonBehavior) or _holds_control(child)]   # a button's texts are its words
        boxes = {child: window_box(child) for child in children}   # (a box through the transforms, once each)
        for child in reading_order(children, self._rtl, box=boxes.__getitem__):
            self._gather(child, clip, found, scroll)

    def _words_of(self, widget) -> str:
        spoken = getattr(widget, "spoken", "")
        if spoken:
            return spoken
        parts = _label_words(widget)
        if not parts:
            icon = getattr(widget, "icon", "") or next((getattr(label, "name", "") for label in _labels_of(widget)), "")
            if icon in ICON_WORDS:
                parts.append(self.app.gettext(ICON_WORDS[icon]))
        return ", ".join(dict.fromkeys(parts))

    def _language_of(self, widget, words: str) -> str:
        """The language the words are in: a language's own name in its own, else the visitor's, else by its letters."""
        node = widget
        languages = self.app.content.collection.languages.languages
        while node is not None and node is not Window:
            code = getattr(node, "language", None)
            if isinstance(code, str) and code in languages:
                return code
            node = node.parent
        arabic = has_rtl(words)
        if arabic and not is_rtl(self.app.language):
            return "ar"
        if not arabic and is_rtl(self.app.language):
            return next(iter(self.app.shown_in), self.app.content.collection.languages.default)
        return self.app.language

    def _scroll_to(self, widget) -> None:
        node = widget.parent
        while node is not None and not isinstance(node, ScrollView):
            node = node.parent
        if node is not None:
            node.scroll_to(widget, padding=dp(24), animate=False)
            Clock.schedule_once(lambda _dt: (self._look(), self._show_ring()), 0)

    def _place_badge(self, *_args) -> None:
        """The badge in the visitor's language, at the top; the screens under it."""
        if not self.on:
            return
        self.badge.words = self.app.gettext(BADGE)
        self.badge.fit(self.app.theme)
        self.app.root_widget.guide_room = self.badge.room

    def _show_ring(self) -> None:
        focus = self.guide.focus
        if focus is None or not self.on or not focus.box[2] > focus.box[0]:
            self.ring.hide()
            return
        if Window.children and Window.children[0] is not self.ring:   # above a panel opened since
            for shown in (self.badge, self.ring):
                if shown.parent is not None:
                    shown.parent.remove_widget(shown)
                Window.add_widget(shown)
            self._place_badge()
        self.ring.show(focus.box, self.app.theme.accent, self.app.theme.ink)


def _sentences(parts) -> str:
    """Words read one after the other, each ended as a sentence (a pause in the voice), never twice."""
    return " ".join(part if part.rstrip()[-1:] in ".?!:;…؟" else f"{part}." for part in parts if part.strip())


def _meet(box, clip):
    meet = (max(box[0], clip[0]), max(box[1], clip[1]), min(box[2], clip[2]), min(box[3], clip[3]))
    return meet if meet[2] - meet[0] >= 1 and meet[3] - meet[1] >= 1 else None


def _holds_control(widget) -> bool:
    return isinstance(widget, ButtonBehavior) or any(_holds_control(child) for child in widget.children)


def _label_words(widget) -> list[str]:
    """The words of a control's labels, in reading order, once each (an icon's glyph is no word)."""
    parts = (readable(label) for label in _labels_of(widget))
    return list(dict.fromkeys(words for words in parts if words and not words.startswith("icon ")))


def _labels_of(widget):
    """A control's labels, itself included, in reading order, not those of controls inside it."""
    if isinstance(widget, Label):
        yield widget
    for child in reversed(widget.children):
        if isinstance(child, ButtonBehavior):
            continue
        if child.opacity > 0.01:
            yield from _labels_of(child)
