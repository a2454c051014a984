"""Shared Kivy widgets: text blocks, buttons, dialogs, the on-screen keyboard, bar charts."""
