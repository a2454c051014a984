"""Rendering of curator-written text for the kiosk screens (plain Python, no Kivy)."""
