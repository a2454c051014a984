"""Wake the kiosk the moment the screen is touched, while its frame rate sleeps.

When nobody touches the kiosk, its loop wakes only twice a second (:mod:`kiosk.gui.framerate`),
which keeps it cool and quiet, but a first touch would then wait up to half a second
before anything happens. This watcher waits for input on a thread of its own, outside
Kivy, and wakes Kivy's loop at once: with Kivy's ``free_only`` clock (set in
:mod:`kiosk.gui.kivy_config`), a "free" callback scheduled from another thread runs during
the loop's sleep, and the App's callback ends that sleep. The touch itself is still read
by Kivy, as always; the watcher only says "now".

Where the input is watched, the first that works:

- **X11** (``DISPLAY``): a second connection to the X server that asks for XInput2 *raw*
  button, touch and key events (a keypad, for audio guidance) on the root window, which X sends to every client that asks,
  whichever window has the focus (python-xlib);
- **evdev** (Wayland under cage, or the console): the ``/dev/input/event*`` devices the
  kiosk's user may read (group ``input``); every reader gets its own copy of each event;
- neither: nothing is watched, and the first touch after idle waits for the next frame
  (at most 1/IDLE_FPS s), as before.

::

    waker = InputWaker(on_input=lambda: Clock.schedule_once_free(app._woken_by_input))
    waker.start()      # a daemon thread; stop() at the end
"""

from __future__ import annotations

import glob
import logging
import os
import select
import threading

log = logging.getLogger(__name__)

XI_RAW_KEY_PRESS = 13     # a keypad's key (audio guidance: kiosk.gui.guide)
XI_RAW_BUTTON_PRESS = 15
XI_RAW_BUTTON_RELEASE = 16
XI_RAW_TOUCH_BEGIN = 22   # XInput 2.2
XI_RAW_TOUCH_END = 24
WAKING = (XI_RAW_KEY_PRESS, XI_RAW_BUTTON_PRESS, XI_RAW_BUTTON_RELEASE, XI_RAW_TOUCH_BEGIN, XI_RAW_TOUCH_END)
POLL_SECONDS = 0.5        # how often the thread looks whether it should stop


class InputWaker:
    def __init__(self, on_input, display: str | None = None, devices: list[str] | None = None):
        self.on_input = on_input
        self.display = os.environ.get("DISPLAY") if display is None else display
        self.devices = devices
        self.backend: str | None = None
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> str | None:
        """Start watching; the backend used ("x11", "evdev") or None when input cannot be watched."""
        watch = self._x11_watcher() or self._evdev_watcher()
        if watch is None:
            log.info("touches are not watched outside Kivy: the first touch after idle waits for the next frame")
            return None
        self._thread = threading.Thread(target=watch, name=f"input-waker-{self.backend}", daemon=True)
        self._thread.start()
        log.info("touches wake the kiosk at once (%s)", self.backend)
        return self.backend

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=2 * POLL_SECONDS)

    def _woke(self) -> None:
        try:
            self.on_input()
        except Exception:  # the watcher keeps watching; the touch itself still reaches Kivy
            log.exception("the input watcher could not wake the kiosk")

    # --- X11 -------------------------------------------------------------------------------------
    def _x11_watcher(self):
        if not self.display:
            return None
        try:
            connection = _raw_input_connection(self.display)
        except Exception as exc:  # no python-xlib, no XInput2, or the server said no: try the next way
            log.info("cannot watch X input on %s (%s)", self.display, exc)
            return None
        self.backend = "x11"
        return lambda: self._watch_x11(connection)

    def _watch_x11(self, connection) -> None:
        fd = connection.fileno()
        try:
            while not self._stop.is_set():
                readable, _, _ = select.select([fd], [], [], POLL_SECONDS)
                if readable and _drain_x11(connection):
                    self._woke()
        except Exception as exc:  # the X server went away (the session is ending): nothing is left to watch
            log.info("the display closed, so touches no longer wake the kiosk (%s)", exc)
        finally:
            try:
                connection.close()
            except Exception:  # closing a connection whose server is gone raises again; there is nothing to close
                pass

    # --- evdev -----------------------------------------------------------------------------------
    def _evdev_watcher(self):
        fds = []
        for path in self.devices if self.devices is not None else sorted(glob.glob("/dev/input/event*")):
            try:
                fds.append(os.open(path, os.O_RDONLY | os.O_NONBLOCK))
            except OSError:
                continue  # not readable by this user, or gone
        if not fds:
            return None
        self.backend = "evdev"
        return lambda: self._watch_fds(fds)

    def _watch_fds(self, fds: list[int]) -> None:
        try:
            while not self._stop.is_set():
                readable, _, _ = select.select(fds, [], [], POLL_SECONDS)
                woke = False
                for fd in readable:
                    try:
                        data = os.read(fd, 4096)  # drain: the events themselves are Kivy's
                    except BlockingIOError:
                        continue
                    except OSError:  # the device went away (a touchscreen unplugged)
                        data = b""
                    if data:
                        woke = True
                    else:
                        fds.remove(fd)
                        os.close(fd)
                if woke:
                    self._woke()
        finally:
            for fd in fds:
                os.close(fd)


def _raw_input_connection(name: str):
    """A connection to the X server ``name`` that receives every raw button press and release, touch start and end,
    and key press."""
    from Xlib import display
    from Xlib.ext import xinput

    connection = display.Display(name)
    if not connection.has_extension("XInputExtension"):
        connection.close()
        raise RuntimeError("the X server has no XInput extension")
    version = connection.xinput_query_version()
    mask = 1 << XI_RAW_BUTTON_PRESS | 1 << XI_RAW_BUTTON_RELEASE | 1 << XI_RAW_KEY_PRESS   # a tap acts when the finger lifts
    if (version.major_version, version.minor_version) >= (2, 2):
        mask |= 1 << XI_RAW_TOUCH_BEGIN | 1 << XI_RAW_TOUCH_END
    connection.screen().root.xinput_select_events([(xinput.AllMasterDevices, mask)])
    connection.sync()
    return connection


def _drain_x11(connection) -> bool:
    """Read what the X server sent; True when it holds a finger coming down or lifting."""
    touched = False
    while connection.pending_events():
        event = connection.next_event()
        touched = touched or getattr(event, "evtype", None) in WAKING
    return touched
