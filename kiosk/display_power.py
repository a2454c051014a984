"""Turning the screen's light off and on while the kiosk sleeps (outside opening hours). No Kivy here.

What a machine offers differs, so every way it has is used, and the sleeping kiosk always shows a black screen
as well (the floor: a screen whose light cannot be turned off still shows nothing):

- the **backlight** of a panel with one (the official Raspberry Pi touch display, most laptops):
  ``/sys/class/backlight/*/bl_power``, when the kiosk's user may write it (packaging/ installs the udev rule);
- **DPMS** through ``xset`` on an X11 session (a desktop PC running the kiosk without cage);
- a command of the venue's own, ``KIOSK_SCREEN_OFF`` and ``KIOSK_SCREEN_ON`` in ``/etc/musee-kiosk.conf``
  (for example ``vcgencmd display_power 0`` on a Raspberry Pi with the legacy display driver).

cage 0.1.4 (Debian 12) cannot power its outputs off (it has no output-management protocol), hence no Wayland
way here yet.
"""

from __future__ import annotations

import logging
import os
import shlex
import shutil
import subprocess
from pathlib import Path
from typing import Mapping

log = logging.getLogger(__name__)

BACKLIGHTS = Path("/sys/class/backlight")
POWER_ON, POWER_OFF = "0", "4"   # FB_BLANK_UNBLANK, FB_BLANK_POWERDOWN


class DisplayPower:
    def __init__(self, environ: Mapping[str, str] = os.environ, backlights: Path = BACKLIGHTS):
        self.switches = [path / "bl_power" for path in sorted(backlights.glob("*"))
                         if os.access(path / "bl_power", os.W_OK)]
        self.dpms = bool(environ.get("DISPLAY")) and not environ.get("WAYLAND_DISPLAY") and shutil.which("xset")
        self.commands = {state: shlex.split(environ.get(f"KIOSK_SCREEN_{state.upper()}", "")) for state in ("off", "on")}

    def off(self) -> list[str]:
        return self._switch("off", POWER_OFF, ["xset", "dpms", "force", "off"])

    def on(self) -> list[str]:
        return self._switch("on", POWER_ON, ["xset", "dpms", "force", "on"])

    def _switch(self, state: str, power: str, dpms: list[str]) -> list[str]:
        """Every way there is; what worked, for the log ('backlight intel_backlight', 'dpms', 'command')."""
        done = []
        for switch in self.switches:
            try:
                switch.write_text(power)
                done.append(f"backlight {switch.parent.name}")
            except OSError as error:
                log.warning("the screen's backlight %s could not be turned %s: %s", switch.parent.name, state, error)
        for name, command in (("dpms", dpms if self.dpms else []), ("command", self.commands[state])):
            if command and _run(command):
                done.append(name)
        return done


def _run(command: list[str]) -> bool:
    try:
        subprocess.run(command, check=True, timeout=5, capture_output=True)
        return True
    except (OSError, subprocess.SubprocessError) as error:
        log.warning("%s failed: %s", shlex.join(command), error)
        return False
