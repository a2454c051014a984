"""Content folders: loading, validating and describing an exhibition.

Nothing in this package imports Kivy. A content folder is data: it is read with a safe
YAML reader, checked field by field, and turned into plain Python models
(:class:`~kiosk.content.collection.Collection`,
:class:`~kiosk.content.exhibit.ExhibitManifest`) that the views display.
"""
