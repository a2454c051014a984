"""The kiosk's watchdog messages come from its main loop: a frozen loop stops them (systemd then restarts it)."""

import os
import subprocess
import sys
import time

from kivy.clock import Clock

from kiosk.watchdog import Watchdog
from tests.conftest import PROJECT
from tests.test_watchdog import FakeSystemd


def test_a_frozen_main_loop_stops_telling_systemd_it_is_alive(kiosk, tmp_path):
    systemd = FakeSystemd(str(tmp_path / "notify"))
    watchdog = Watchdog({"NOTIFY_SOCKET": systemd.address, "WATCHDOG_USEC": "200000"})   # every 0.1 s
    event = Clock.schedule_interval(watchdog.alive, watchdog.interval)   # as KioskApp does after its first frame
    try:
        kiosk.app.framerate.wake()

        def alive():
            return [when for when, message in systemd.heard if message == "WATCHDOG=1"]

        # counted, not timed: on a loaded machine (two test workers) a frame can take longer than 0.1 s,
        # and 1 s of it gave 4 messages where 5 were asked
        kiosk.wait_until(lambda: len(alive()) >= 5)
        assert len(alive()) >= 5, f"{len(alive())} messages from a running loop"

        span = {}

        def stuck(_dt):   # a view stuck in the loop for 1.5 s
            span["from"] = time.monotonic()
            time.sleep(1.5)
            span["to"] = time.monotonic()

        Clock.schedule_once(stuck)
        kiosk.frames(2)
        kiosk.wait(0.5)
        during = [when for when, message in systemd.heard if span["from"] + 0.05 < when < span["to"]]
        after = [when for when, message in systemd.heard if when > span["to"]]
        assert during == [], "no message while the loop was frozen"
        assert after, "and they come back when it runs again"
    finally:
        event.cancel()
        systemd.close()


def test_the_kiosk_process_says_ready_then_alive_then_stopping(tmp_path):
    systemd = FakeSystemd(str(tmp_path / "notify"))
    env = dict(os.environ, PYTHONPATH=str(PROJECT), KIOSK_DATA_DIR=str(tmp_path / "kiosk-data"),
               KIVY_HOME=str(tmp_path / "kivy-home"), NOTIFY_SOCKET=systemd.address, WATCHDOG_USEC="400000")
    process = subprocess.Popen([sys.executable, "-m", "kiosk", "run", "--content", str(PROJECT / "exhibits"),
                                "--size", "1280x800"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                               env=env, cwd=tmp_path)
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and [m for _, m in systemd.heard].count("WATCHDOG=1") < 3:
            time.sleep(0.2)
        messages = [message for _, message in systemd.heard]
        assert messages[:1] == ["READY=1"], messages[:5]
        assert messages.count("WATCHDOG=1") >= 3, "every 0.2 s once up (half of the 0.4 s systemd asks)"
        process.terminate()
        process.wait(timeout=30)
        assert systemd.messages()[-1] == "STOPPING=1"
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
        systemd.close()
