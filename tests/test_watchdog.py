"""The kiosk tells systemd it is up and alive (sd_notify), checked with a socket of the test's own."""

import os
import socket
import threading
import time

import pytest

from kiosk.watchdog import Watchdog


class FakeSystemd:
    """A Unix datagram socket standing for systemd's NOTIFY_SOCKET: what arrives, and when."""

    def __init__(self, address: str):
        self.address = address
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        self.sock.bind("\0" + address[1:] if address.startswith("@") else address)
        self.sock.settimeout(0.05)
        self.heard: list[tuple[float, str]] = []
        self._running = True
        self._thread = threading.Thread(target=self._listen, daemon=True)
        self._thread.start()

    def _listen(self) -> None:
        while self._running:
            try:
                data = self.sock.recv(256)
            except (socket.timeout, OSError):
                continue
            self.heard.append((time.monotonic(), data.decode()))

    def messages(self) -> list[str]:
        time.sleep(0.1)
        return [message for _, message in self.heard]

    def close(self) -> None:
        self._running = False
        self._thread.join()
        self.sock.close()


@pytest.fixture
def systemd(tmp_path):
    fake = FakeSystemd(str(tmp_path / "notify"))
    yield fake
    fake.close()


def test_without_systemd_nothing_is_sent_and_nothing_fails():
    watchdog = Watchdog({})
    assert watchdog.interval is None and not watchdog.ready() and not watchdog.alive()


def test_ready_alive_and_stopping_reach_the_socket_at_half_the_interval(systemd):
    watchdog = Watchdog({"NOTIFY_SOCKET": systemd.address, "WATCHDOG_USEC": "30000000"})
    assert watchdog.interval == 15.0, "half of systemd's 30 s"
    assert watchdog.ready() and watchdog.alive() and watchdog.stopping()
    assert systemd.messages() == ["READY=1", "WATCHDOG=1", "STOPPING=1"]


def test_an_abstract_socket_works_too():
    fake = FakeSystemd(f"@kiosk-test-{os.getpid()}")
    try:
        assert Watchdog({"NOTIFY_SOCKET": fake.address}).alive()
        assert fake.messages() == ["WATCHDOG=1"]
    finally:
        fake.close()


def test_a_watchdog_meant_for_another_process_is_not_ours(systemd):
    other = str(next(pid for pid in range(os.getpid() + 1, os.getpid() + 10_000) if pid != os.getppid()))
    assert Watchdog({"NOTIFY_SOCKET": systemd.address, "WATCHDOG_USEC": "2000000", "WATCHDOG_PID": other}).interval is None
    assert Watchdog({"NOTIFY_SOCKET": systemd.address, "WATCHDOG_USEC": "2000000",
                     "WATCHDOG_PID": str(os.getpid())}).interval == 1.0


def test_under_cage_the_kiosk_speaks_for_the_compositor_that_started_it(systemd):
    """The installed service's main process is cage; the kiosk is its child, and the one whose loop must be alive."""
    assert Watchdog({"NOTIFY_SOCKET": systemd.address, "WATCHDOG_USEC": "20000000",
                     "WATCHDOG_PID": str(os.getppid())}).interval == 10.0


def test_a_socket_that_is_gone_is_logged_once_and_the_kiosk_goes_on(tmp_path, caplog):
    watchdog = Watchdog({"NOTIFY_SOCKET": str(tmp_path / "gone"), "WATCHDOG_USEC": "2000000"})
    assert not watchdog.alive() and not watchdog.alive()
    assert len([r for r in caplog.records if "could not tell systemd" in r.message]) == 1
