"""A test hook: the install and rollback steps, where a test can kill the process.

Each step boundary of an install or a rollback calls ``checkpoint("name")``. When the
environment variable ``KIOSK_TEST_KILL_AT`` equals that name, the process kills itself at
once with SIGKILL, as a power cut would, so that a test can check that the live content is
always the old version or the new one, never a mix::

    KIOSK_TEST_KILL_AT=switched python -m kiosk install-bundle expo.zip --target exhibits

Names, in order: verified, unpacking (after the first file), unpacked, validated, renamed,
switched, history-written, pruned. A rollback passes switched, history-written and pruned.
Without the variable, a checkpoint does nothing. Never set it on a real kiosk.
"""

from __future__ import annotations

import os
import signal

KILL_ENV = "KIOSK_TEST_KILL_AT"
INSTALL_STEPS = ("verified", "unpacking", "unpacked", "validated", "renamed", "switched", "history-written", "pruned")
ROLLBACK_STEPS = ("switched", "history-written", "pruned")


def checkpoint(name: str) -> None:
    """Kill this process now if ``KIOSK_TEST_KILL_AT`` names this step (a test hook)."""
    if os.environ.get(KILL_ENV) == name:
        os.kill(os.getpid(), signal.SIGKILL)
