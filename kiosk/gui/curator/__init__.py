"""Curator tools that draw the real screens: ``kiosk preview``, ``kiosk snapshot`` and ``kiosk proof``."""
