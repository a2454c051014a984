"""Musée du Kapitalisme kiosk: a touchscreen app that shows exhibits from content folders.

The package is split so that data flows one way:

- ``kiosk.content``: reading and validating content folders (plain Python, no Kivy);
- ``kiosk.exhibit_types``: the registry of exhibit types, each with its model;
- ``kiosk.cli``: the ``kiosk`` command (validate, schema, new, run).
"""

__version__ = "0.1.0"
