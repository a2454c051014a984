"""Kivy configuration, applied before anything else imports Kivy.

``--kiosk`` locks the app down (measured in KIVY_NOTES): full screen and borderless, no
cursor, no screensaver, Escape does not quit, and right-click does not leave multitouch
dots. F1 (settings) and window close requests are refused by the App itself.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

MAX_FPS = 30


def has_display() -> bool:
    """True when a window can be opened (X11, Wayland, a console driver, or not Linux)."""
    if not sys.platform.startswith("linux"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY") or os.environ.get("SDL_VIDEODRIVER"))


def configure_kivy(kiosk: bool = False, size: tuple[int, int] | None = None) -> None:
    os.environ.setdefault("KIVY_NO_ARGS", "1")
    os.environ.setdefault("KIVY_NO_FILELOG", "1")
    # Only "free" callbacks end the loop's sleep early, and only the input watcher schedules them
    # (kiosk.gui.input_waker). The plain "interrupt" clock woke up for every callback and idled at
    # 1.2 CPU-s per 10 s on the home screen instead of 0.01.
    os.environ.setdefault("KIVY_CLOCK", "free_only")
    # narration (kiosk.gui.widgets.narration) pauses and seeks: FFmpeg's player does, the SDL one does not
    os.environ.setdefault("KIVY_AUDIO", "ffpyplayer,sdl2")
    from kivy.config import Config

    Config.set("kivy", "exit_on_escape", "0" if kiosk else "1")
    Config.set("kivy", "keyboard_mode", "system")
    Config.set("graphics", "maxfps", str(MAX_FPS))
    Config.set("graphics", "multisamples", "0")
    Config.set("input", "mouse", "mouse,disable_multitouch")
    if kiosk:
        Config.set("graphics", "fullscreen", "auto")
        Config.set("graphics", "borderless", "1")
        Config.set("graphics", "show_cursor", "0")
        Config.set("graphics", "allow_screensaver", "0")
    else:
        Config.set("graphics", "fullscreen", "0")
    if size:
        Config.set("graphics", "width", str(size[0]))
        Config.set("graphics", "height", str(size[1]))


def screen_size() -> tuple[int, int] | None:
    """The size of the X screen the window opens on (DISPLAY), or None when it cannot be asked."""
    display_name = os.environ.get("DISPLAY")
    if not display_name:
        return None
    try:
        from Xlib import display
    except ImportError:
        return None
    try:
        connection = display.Display(display_name)
    except Exception:  # python-xlib raises its own errors for a display that cannot be reached
        return None
    try:
        screen = connection.screen()
        return screen.width_in_pixels, screen.height_in_pixels
    finally:
        connection.close()


def rerun_under_xvfb(size: tuple[int, int]) -> int:
    """Run this same command again inside a virtual screen (xvfb-run), for machines with no display."""
    if not shutil.which("xvfb-run"):
        print("kiosk: no display and no xvfb-run; install the 'xvfb' package to take snapshots here", file=sys.stderr)
        return 1
    screen = f"-screen 0 {size[0]}x{size[1]}x24"
    command = ["xvfb-run", "-a", "-s", screen, sys.executable, "-m", "kiosk", *sys.argv[1:]]
    return subprocess.call(command)
