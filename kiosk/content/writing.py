"""Old names of :func:`kiosk.files.write_atomic`, kept only for the curator tools in ``kiosk/gui/curator``.

New code imports :mod:`kiosk.files`; remove this module once those imports have moved.
"""

from kiosk.files import write_atomic

write_bytes_atomic = write_text_atomic = write_atomic
