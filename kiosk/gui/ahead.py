"""Work done ahead of the visitor while nobody touches the screen, one small piece per step.

A tap should only show what is ready: under software GL a picture costs 25–45 ms to decode
and an exhibit's texts about as much again, on top of the ~100 ms the frame itself costs.
So, while the kiosk is idle:

- on the attract loop (:meth:`Navigator.prepare`): the next visitor's screens, each type's
  view class, the language panel, the pictures of the first room's exhibits, then a rehearsal
  of every other exhibit (what it will ask for is learnt; nothing more is decoded);
- on home, once the visitor has stopped touching for a moment: the pictures of the room's
  exhibits, in the order of the cards, then the other rooms' card pictures, then the next
  room's row of cards ("next room" then only swaps rows; a room tab builds its cards from
  pictures ready), then the room's exhibit views, built off screen, drawn once and kept
  (:meth:`ExhibitScreen.keep_ready`): a tap on a card then only puts one on screen;
- in an exhibit, after a language switch: home in the new language (it waits unseen).

Which pictures an exhibit shows, and at which size, depends on its view and on the window:
the view says it itself in a *rehearsal*, built off screen on the exhibit screen with every
event muted while the picture cache only listens (nothing is decoded then); its pictures are
then decoded one per step. A touch stops everything at once; the visitor's own screens are
built the ordinary way.
"""

from __future__ import annotations

import logging
import time
from collections import defaultdict
from contextlib import contextmanager
from itertools import chain
from typing import Callable, Iterable, Iterator

from kivy.base import EventLoop, ExceptionHandler, ExceptionManager
from kivy.clock import Clock
from kivy.core.window import Window

from kiosk.gui.views import view_class

log = logging.getLogger(__name__)
STEP_SECONDS = 0.1     # between two pieces: the attract loop never stalls
QUIET_SECONDS = 0.6    # on home or in an exhibit: this long without a touch before working ahead
LOOK_SECONDS = 0.5     # how often the navigator looks whether there is work to do ahead


class Ahead:
    def __init__(self, navigator):
        self.navigator = navigator
        self.app = navigator.app
        self._run = 0
        self.running = False
        self.rehearsing = None          # the exhibit being rehearsed off screen
        self._listening = None          # the picture cache's listening context while rehearsing
        self.learnt: dict[str, list] = {}   # exhibit id → the (path, box) its screen asks for, at this window size
        self._learnt_for = None             # the window size they were learnt at
        self._done_for = None               # what the last run on home or in an exhibit prepared
        self.since = 0                      # the picture cache's time when the current run began
        self._rehearsed = False
        self.enabled = True   # off: nothing is prepared ahead (the UI tests' shared kiosk, except the tests of this)
        ExceptionManager.add_handler(_RehearsalFaults(self))

    # --- running ----------------------------------------------------------------------------
    def run(self, steps: Iterable[Callable[[], object]], while_: Callable[[], bool]) -> None:
        """Do ``steps`` one per STEP_SECONDS while ``while_()`` holds; a new run or a touch ends this one."""
        self.stop()
        if not self.enabled:
            return
        self._run += 1
        run, steps = self._run, iter(steps)
        self.running = True
        self.since = self.app.pictures.now()  # pictures wanted from now on are kept; older ones may go

        def next_step(_dt=None) -> None:
            if run != self._run:
                return
            step = next(steps, None) if while_() else None
            if step is None:
                self.stop()
                if self._rehearsed:  # the rehearsed views sit in reference cycles, with their textures
                    self._rehearsed = False
                    self.app.collector.want()
                return
            try:
                step()
            except Exception:  # a view that cannot be built fails again, visibly, when opened
                log.exception("preparing ahead of the visitor failed")
            Clock.schedule_once(next_step, STEP_SECONDS)

        Clock.schedule_once(next_step, STEP_SECONDS)

    def stop(self) -> None:
        """A visitor touched, or a screen changed: stop at once (a rehearsal in progress is dropped)."""
        self._run += 1
        self.running = False
        self._end_rehearsal()

    def look(self, _dt=None) -> None:
        """Called every LOOK_SECONDS: on home or in an exhibit, after a quiet moment, prepare what comes next."""
        navigator, app = self.navigator, self.app
        if not self.enabled or self.running or navigator.current not in ("home", "exhibit"):
            return
        if fingers_on_screen() or time.monotonic() - app.idle.last_touch < QUIET_SECONDS:
            return  # a finger is on the screen, or was a moment ago
        if navigator.current == "home":
            home = navigator.screen("home")
            in_view = home.exhibits_in_view()
            wanted = ("home", home.room_id, tuple(in_view), self._window())
            if wanted != self._done_for or self._views_missing(in_view):
                self._done_for = wanted
                manifests = app.content.exhibits_in(home.room_id) if home.room_id else []
                row = [lambda: home.prepare_row(home.next_room_id())]
                if navigator.manager.has_screen("exhibit"):   # views built ahead for cards out of view: their memory goes back
                    navigator.screen("exhibit").keep_ready_only(set(in_view))
                steps = chain(self.exhibit_pictures(manifests), self.card_pictures(_card_picture()), row,
                              self.ready_views([m for m in manifests if m.id in in_view]))
                self.run(steps, while_=self._untouched_on("home"))  # the other rooms' tabs too: their pictures; the next room's row
        elif navigator.manager.has_screen("home"):
            wanted = ("exhibit", app.language)
            if wanted != self._done_for:  # home in the visitor's new language, waiting unseen for Back
                self._done_for = wanted
                self.run([navigator.screen("home").refresh], while_=self._untouched_on("exhibit"))

    def _views_missing(self, in_view) -> bool:
        """Whether a card in view lacks the view built ahead for it: it was opened (a view is used once) or dropped
        since the last look, and a visitor back on home after a quick look at it would find it unbuilt."""
        navigator = self.navigator
        if not navigator.manager.has_screen("exhibit"):
            return False
        screen = navigator.screen("exhibit")
        manifests = [self.app.content.exhibit(exhibit_id) for exhibit_id in in_view]
        return any(not screen.has_ready(m) for m in manifests
                   if m is not None and m.id not in navigator.faulty and view_class(m.type).built_ahead)

    def touched(self) -> None:
        self.stop()
        self._done_for = None  # after this touch, look again

    def _untouched_on(self, screen: str) -> Callable[[], bool]:
        since = self.app.idle.last_touch
        return lambda: self.navigator.current == screen and self.app.idle.last_touch == since and not fingers_on_screen()

    # --- what is prepared -------------------------------------------------------------------------
    def exhibit_pictures(self, manifests) -> Iterator[Callable[[], object]]:
        """Steps: each exhibit's pictures at the boxes its screen asks for (rehearsed once to learn them)."""
        pictures = self.app.pictures
        for manifest in manifests:
            yield from self.learn([manifest])
            for path, box in self.learnt.get(manifest.id, ()):
                if pictures.has(path, box):
                    pictures.keep(path, box)
                else:
                    yield lambda p=path, b=box: pictures.prefetch(p, b, self.since)

    def learn(self, manifests) -> Iterator[Callable[[], object]]:
        """Steps: rehearse each exhibit not yet learnt at this window size, decoding nothing.

        A rehearsal costs a whole view's build (130–250 ms for a game): done on the attract
        loop, it is never in the way of a visitor's tap on home.
        """
        for manifest in manifests:
            if manifest.id in self.navigator.faulty:
                continue
            if self._window() != self._learnt_for:
                self.learnt.clear()
                self._learnt_for = self._window()
            if manifest.id not in self.learnt:
                yield lambda m=manifest: self._rehearse(m)
                yield _one_frame  # its layout settles: the view asks for its pictures at their real size
                yield self._end_rehearsal

    def card_pictures(self, card_picture: Callable) -> Iterator[Callable[[], object]]:
        """Steps: every room's card pictures, at the box home's cards use."""
        from kiosk.gui.screens.home import card_picture_box

        box = card_picture_box(*Window.size, self.app.theme.pad)   # as home asks for them
        for manifest in self.app.content.exhibits:
            name = card_picture(manifest)
            if not name:
                continue
            path, pictures = manifest.image_path(name), self.app.pictures
            if pictures.has(path, box):
                pictures.keep(path, box)
            else:
                yield lambda p=path: pictures.prefetch(p, box, self.since)

    def ready_views(self, manifests) -> Iterator[Callable[[], object]]:
        """Steps: each exhibit's view built off screen, drawn once, and kept for a tap on its card.

        A tap then only puts it on screen: the view's widgets, layout and text textures (50–130 ms
        under software GL) and the frame its layout takes to settle are no longer paid at the tap.
        Each costs its memory (about 4 MiB with its texts, at 1920×1080), so only the cards in view have one.
        A game's view is not built ahead: it costs 130–250 ms, long enough to hold back a tap that
        comes meanwhile, and opening one at the tap stays within the 300 ms (tap_latency.py).
        """
        screen = self.navigator.screen("exhibit")
        for manifest in manifests:
            if manifest.id in self.navigator.faulty or screen.has_ready(manifest) \
                    or not view_class(manifest.type).built_ahead:
                continue
            yield lambda m=manifest: self._build_ready(m)
            yield _one_frame   # its layout settles and its texts are drawn into textures
            yield self._keep_ready

    # --- rehearsals -------------------------------------------------------------------------------
    def _rehearse(self, manifest) -> None:
        """Build ``manifest``'s view off screen, with events muted, the picture cache listening only."""
        self._off_screen(manifest, rehearsal=True)

    def _build_ready(self, manifest) -> None:
        """Build ``manifest``'s view off screen, for real (its pictures are in the cache), events muted."""
        self._off_screen(manifest, rehearsal=False)

    def _off_screen(self, manifest, rehearsal: bool) -> None:
        self._end_rehearsal()
        screen, manager = self.navigator.screen("exhibit"), self.navigator.manager
        if manager.current == "exhibit":
            return
        screen.size, screen.pos = manager.size, manager.pos
        if rehearsal:
            self._listening = self.app.pictures.listen(dry=True)
            self.learnt[manifest.id] = self._listening.__enter__()
            self._rehearsed = True
        self.rehearsing = manifest.id
        with _muted(self.app.events):
            screen.show(manifest)

    def _keep_ready(self) -> None:
        if self.rehearsing is not None and self._listening is None:
            self.rehearsing = None
            self.navigator.screen("exhibit").keep_ready()

    def _end_rehearsal(self) -> None:
        if self._listening is None:
            if self.rehearsing is not None:   # a view built ahead, not kept yet: dropped
                self.rehearsing = None
                if self.navigator.manager.current != "exhibit":
                    self.navigator.screen("exhibit").release()
            return
        listening, self._listening = self._listening, None
        listening.__exit__(None, None, None)
        heard = self.learnt.get(self.rehearsing, [])
        # a view asks again as its layout settles (first at a default size): what it shows is what it asked last
        self.learnt[self.rehearsing] = list({path: (path, box) for path, box in heard}.values())
        self.rehearsing = None
        if self.navigator.manager.current != "exhibit":
            self.navigator.screen("exhibit").release()

    def _window(self) -> tuple:
        return (*self.navigator.manager.size, self.app.theme.look)   # the boxes pictures are shown in follow both


def fingers_on_screen() -> list:
    """The touches on the screen now. Kivy also lists the mouse pointer hovering over the window
    (a motion event of type "hover", there as long as the pointer is): it is no finger."""
    return [touch for touch in EventLoop.touches if getattr(touch, "type_id", "touch") == "touch"]


class _RehearsalFaults(ExceptionHandler):
    """A view that raises while rehearsed off screen (in a layout callback) is dropped, not the kiosk.

    It fails again when a visitor opens it, and is then handled as any faulty exhibit.
    """

    def __init__(self, ahead: Ahead):
        super().__init__()
        self.ahead = ahead

    def handle_exception(self, exception):
        if self.ahead.rehearsing is None:
            return ExceptionManager.RAISE
        log.warning("exhibit %r failed while prepared ahead: %r", self.ahead.rehearsing, exception)
        self.ahead.stop()
        return ExceptionManager.PASS


def _card_picture():
    from kiosk.gui.screens.home import _card_picture
    return _card_picture


def _one_frame() -> None:
    """A step that does nothing: the frame in between lays the rehearsed view out."""


@contextmanager
def _muted(bus):
    """No subscriber hears what a rehearsal emits (a QR code shown, a view opened): no statistics, no records."""
    saved, bus._subscribers = bus._subscribers, defaultdict(list)
    try:
        yield
    finally:
        bus._subscribers = saved
