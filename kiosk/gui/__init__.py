"""The visitor kiosk in Kivy: the App, navigation, screens, widgets, and the Kivy configuration.

Everything in the project that imports Kivy lives in this package, plus each exhibit
type's ``view.py``. The rest of ``kiosk`` is plain Python, tested without a window.
"""
