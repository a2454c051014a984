"""The input waker sees a press outside Kivy (X11 raw events on the test's Xvfb, evdev-like devices)."""

from __future__ import annotations

import os
import threading
import time

import pytest

from kiosk.gui.input_waker import InputWaker


def test_a_press_on_the_x_server_wakes_the_kiosk():
    display = os.environ.get("DISPLAY")
    if not display:
        pytest.skip("no X display (pytest-xvfb starts one when Xvfb is installed)")
    from Xlib import X
    from Xlib import display as xdisplay
    from Xlib.ext import xtest

    woken = threading.Event()
    waker = InputWaker(on_input=woken.set, display=display, devices=[])
    assert waker.start() == "x11"
    finger = xdisplay.Display(display)  # another client, as a touchscreen driver would be
    try:
        xtest.fake_input(finger, X.MotionNotify, x=40, y=40)
        finger.sync()
        assert not woken.wait(0.3), "moving the pointer is not a touch"
        xtest.fake_input(finger, X.ButtonPress, 1)
        xtest.fake_input(finger, X.ButtonRelease, 1)
        finger.sync()
        assert woken.wait(5)
    finally:
        finger.close()
        waker.stop()


def test_a_finger_lifting_wakes_the_kiosk_too():
    """A tap acts on release: the loop must not finish its sleep before reading it."""
    display = os.environ.get("DISPLAY")
    if not display:
        pytest.skip("no X display (pytest-xvfb starts one when Xvfb is installed)")
    from Xlib import X
    from Xlib import display as xdisplay
    from Xlib.ext import xtest

    wakes = []
    waker = InputWaker(on_input=lambda: wakes.append(time.monotonic()), display=display, devices=[])
    assert waker.start() == "x11"
    finger = xdisplay.Display(display)
    try:
        xtest.fake_input(finger, X.ButtonPress, 1)
        finger.sync()
        end = time.monotonic() + 5
        while not wakes and time.monotonic() < end:
            time.sleep(0.01)
        pressed = len(wakes)
        xtest.fake_input(finger, X.ButtonRelease, 1)
        finger.sync()
        while len(wakes) == pressed and time.monotonic() < end + 5:
            time.sleep(0.01)
        assert pressed >= 1 and len(wakes) > pressed, "the press and the release each woke the kiosk"
    finally:
        finger.close()
        waker.stop()


def test_input_devices_wake_the_kiosk_when_there_is_no_x(tmp_path):
    device = tmp_path / "event0"
    os.mkfifo(device)
    woken = threading.Event()
    waker = InputWaker(on_input=woken.set, display="", devices=[str(device), str(tmp_path / "unreadable")])
    assert waker.start() == "evdev"
    with open(device, "wb") as touchscreen:
        touchscreen.write(b"\x00" * 24)  # one input_event
        touchscreen.flush()
        assert woken.wait(5)
    waker.stop()


def test_nothing_to_watch_is_said_and_harmless(caplog):
    waker = InputWaker(on_input=lambda: None, display="", devices=[])
    with caplog.at_level("INFO"):
        assert waker.start() is None
    assert "the first touch after idle waits for the next frame" in caplog.text
    waker.stop()


def test_an_x_server_that_cannot_be_reached_falls_back(tmp_path):
    waker = InputWaker(on_input=lambda: None, display=":4242", devices=[])
    assert waker.start() is None


def test_a_failing_wake_is_logged_and_the_watcher_goes_on(tmp_path, caplog):
    device = tmp_path / "event0"
    os.mkfifo(device)
    calls = []

    def wake():
        calls.append(1)
        if len(calls) == 1:
            raise AttributeError("no free clock here")

    waker = InputWaker(on_input=wake, display="", devices=[str(device)])
    waker.start()
    with open(device, "wb") as touchscreen:
        for number in (1, 2):
            touchscreen.write(b"\x00" * 24)
            touchscreen.flush()
            deadline = time.monotonic() + 5
            while len(calls) < number and time.monotonic() < deadline:
                time.sleep(0.01)
    waker.stop()
    assert len(calls) == 2 and "could not wake the kiosk" in caplog.text


def test_the_kiosk_watches_input_only_with_a_clock_it_can_wake(fresh):
    from kivy.clock import Clock

    waker = fresh.app.input_waker
    assert (waker.backend is not None) == hasattr(Clock, "schedule_once_free")
