"""The facilitator's side of the kiosk, free of Kivy: PIN, settings, guided tours, content updates, export.

Start at :mod:`kiosk.facilitator.controller`; the screens are in :mod:`kiosk.gui.facilitator`.
"""
