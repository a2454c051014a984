"""The visitor's access modes: larger text, high contrast, less motion, read aloud, within reach, audio guidance.
No Kivy here.

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
MODES = ("large_text", "high_contrast", "reduced_motion", "audio", "reach", "guide")
#: The modes that change what is drawn (the others change what is heard): screens are built again for these.
DRAWN = ("large_text", "high_contrast", "reduced_motion", "reach")

#: The highest point a hand reaches, in mm above the floor: EN 301 549 (8.3.2, 8.3.3) and the ADA's
#: 1,220 mm for a person in a wheelchair; the ADA's advisory 1,015 mm for children aged 5 to 8.
WHEELCHAIR_REACH_MM = 1220
CHILD_REACH_MM = 1015
LEAST_SHARE = 0.35  # the screens are never drawn smaller than this share of the screen's height


@dataclass
class AccessModes:
    large_text: bool = False
    high_contrast: bool = False
    reduced_motion: bool = False
    audio: bool = False          # an exhibit's reading starts by itself when it opens (kiosk.gui.widgets.narration)
    reach: bool = False          # every screen drawn in the part of the screen a seated visitor or a child reaches
    guide: bool = False          # audio guidance: the screen explored by touch, each thing spoken (kiosk.visit.guide)

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
    def drawn(self) -> tuple[str, ...]:
        """The active modes that change what is drawn: the look screens are built for (kiosk.gui.theme)."""
        return tuple(mode for mode in DRAWN if getattr(self, mode))

    @property
    def text_factor(self) -> float:
        return TEXT_FACTOR if self.large_text else 1.0

    def reset(self) -> None:
        for f in fields(self):
            setattr(self, f.name, f.default)


@dataclass(frozen=True)
class Mounting:
    """Where the screen hangs, as the volunteer who installs it measures it with a tape (kiosk settings ``reach``):
    the picture's visible height, the height of its lower edge above the floor, and the highest point a visitor's
    hand must reach (1,220 mm: a wheelchair user; 1,015 mm where young children come)::

        Mounting(screen_height_mm=600, bottom_mm=900).reachable_share()    # 0.53: the lower 53 % is in reach
    """

    screen_height_mm: int = 600     # a 43-inch screen in landscape (16:9): 535 mm; in portrait: 950 mm
    bottom_mm: int = 900
    reach_top_mm: int = WHEELCHAIR_REACH_MM

    def __post_init__(self) -> None:
        for name in (f.name for f in fields(self)):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 3000:
                raise ValueError(f"reach: {name} must be whole millimetres from 0 to 3000, not {value!r}")
        if self.screen_height_mm < 100:
            raise ValueError(f"reach: screen_height_mm is the picture's height in millimetres (e.g. 535 for a "
                             f"43-inch screen in landscape), not {self.screen_height_mm}")

    def reachable_share(self) -> float:
        """The lower share of the screen's height a hand reaches, from :data:`LEAST_SHARE` to 1."""
        share = (self.reach_top_mm - self.bottom_mm) / self.screen_height_mm
        return round(min(1.0, max(LEAST_SHARE, share)), 3)

    def highest_bottom_mm(self) -> int:
        """The highest the screen's lower edge may hang with its lowest :data:`LEAST_SHARE` still in reach."""
        return round(self.reach_top_mm - LEAST_SHARE * self.screen_height_mm)

    def out_of_reach(self) -> bool:
        """True when even the lowest :data:`LEAST_SHARE` of the screen is higher than a hand reaches."""
        return self.bottom_mm > self.highest_bottom_mm()

    @classmethod
    def from_setting(cls, value) -> "Mounting":
        """The settings' ``reach`` (a mapping of the fields above, any of them missing), or the defaults."""
        if value is None:
            return cls()
        if not isinstance(value, dict) or set(value) - {f.name for f in fields(cls)}:
            raise ValueError("reach must be null or a mapping of screen_height_mm, bottom_mm and reach_top_mm, "
                             f"not {value!r}")
        return cls(**value)
