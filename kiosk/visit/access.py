"""The visitor's access modes: larger text, high contrast, less motion, read aloud. No Kivy here.

A visitor turns them on from the access button on every visitor screen; they last for the
visit (a language switch keeps them) and end at the idle reset, so the next visitor finds
the kiosk as it was set up::

    modes = AccessModes()
    modes.set("large_text", True)     # True: it changed (the statistics count it)
    modes.active                      # ("large_text",)
    modes.reset()                     # the idle reset

The theme (:meth:`kiosk.gui.theme.Theme.use_access`) turns them into sizes and colours;
``TEXT_FACTOR`` is EN 301 549's large-text mode (5.1.4) with room to spare: at 1920×1080 a
body text's capital H is then ~27 px, about 7.5 mm on a 43-inch screen (0.7° at 50 cm asks 6 mm).
"""

from __future__ import annotations

from dataclasses import dataclass, fields

TEXT_FACTOR = 1.4   # every text, in large-text mode (touch targets grow with the text they hold)

#: The modes, in the order the access panel lists them.
MODES = ("large_text", "high_contrast", "reduced_motion", "audio")


@dataclass
class AccessModes:
    large_text: bool = False
    high_contrast: bool = False
    reduced_motion: bool = False
    audio: bool = False          # an exhibit's reading starts by itself when it opens (kiosk.gui.widgets.narration)

    def set(self, mode: str, on: bool) -> bool:
        """Turn ``mode`` on or off; True if that changed anything. ValueError names an unknown mode."""
        if mode not in MODES:
            raise ValueError(f"no access mode {mode!r} (known: {', '.join(MODES)})")
        if getattr(self, mode) == on:
            return False
        setattr(self, mode, on)
        return True

    def toggle(self, mode: str) -> bool:
        """Turn ``mode`` the other way; its new state."""
        self.set(mode, not getattr(self, mode))
        return getattr(self, mode)

    @property
    def active(self) -> tuple[str, ...]:
        return tuple(mode for mode in MODES if getattr(self, mode))

    @property
    def text_factor(self) -> float:
        return TEXT_FACTOR if self.large_text else 1.0

    def reset(self) -> None:
        for f in fields(self):
            setattr(self, f.name, f.default)
