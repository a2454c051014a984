"""Kivy building blocks shared by the screens: configuration, theme, translator, widgets."""
