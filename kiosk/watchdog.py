"""Telling systemd that the kiosk is up and alive, so that a frozen screen is restarted.

A systemd service with ``Type=notify`` and ``WatchdogSec=`` gives the kiosk two variables:
``NOTIFY_SOCKET`` (where to write) and ``WATCHDOG_USEC`` (how often systemd wants to hear
from it). The kiosk says ``READY=1`` once its first frame is on screen, then ``WATCHDOG=1``
at half that interval **from its main loop** (a Kivy clock event): if the loop freezes, the
messages stop, and systemd kills and restarts the kiosk. Without those variables (a checkout,
a test) nothing is sent::

    watchdog = Watchdog()                 # reads the environment
    watchdog.ready()                      # once, when the first frame is drawn
    Clock.schedule_interval(watchdog.alive, watchdog.interval)   # if watchdog.interval

``WATCHDOG_PID`` names the process systemd expects to hear from: the kiosk itself, or, in the installed service
(packaging/), **cage**, the compositor that the service starts and that starts the kiosk as its only client. The
kiosk then speaks for its parent (the unit has ``NotifyAccess=all``); any other process leaves the watchdog alone.

The protocol (sd_notify(3)) is one datagram on a Unix socket, whose name starts with "@" for
an abstract one: a dozen lines, written here rather than pulling in a library for it.
Kivy-free, tested with a socket of the test's own.
"""

from __future__ import annotations

import logging
import os
import socket
from typing import Mapping

log = logging.getLogger(__name__)


class Watchdog:
    def __init__(self, environ: Mapping[str, str] = os.environ):
        self.address = environ.get("NOTIFY_SOCKET") or None
        usec, pid = environ.get("WATCHDOG_USEC", ""), environ.get("WATCHDOG_PID", "")
        for_us = not pid.isdigit() or int(pid) in (os.getpid(), os.getppid())
        # half systemd's interval: one late message is not yet a missed one
        self.interval: float | None = int(usec) / 2_000_000 if usec.isdigit() and int(usec) > 0 and for_us else None
        self.sent = 0
        self._failed = False

    def notify(self, message: str) -> bool:
        """Send one sd_notify message; False when there is nobody to tell or it could not be sent."""
        if self.address is None:
            return False
        target = "\0" + self.address[1:] if self.address.startswith("@") else self.address
        try:
            with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM | socket.SOCK_CLOEXEC) as sock:
                sock.connect(target)
                sock.sendall(message.encode())
        except OSError as error:
            if not self._failed:   # said once: a gone socket would fill the journal every few seconds
                log.warning("could not tell systemd %r at %s: %s", message, self.address, error)
            self._failed = True
            return False
        self._failed = False
        self.sent += 1
        return True

    def ready(self) -> bool:
        return self.notify("READY=1")

    def alive(self, _dt: float | None = None) -> bool:
        return self.notify("WATCHDOG=1")

    def stopping(self) -> bool:
        return self.notify("STOPPING=1")
