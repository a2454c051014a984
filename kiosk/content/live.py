"""Noticing that new content went live (``kiosk install-bundle``, a rollback, or the facilitator menu).

The kiosk loads its content from the version folder the live path points to, so the
pictures of what it shows never change under a visitor. It asks now and then whether the
live path points elsewhere; when it does, the new content is read and handed over at the
next idle reset, between two visitors::

    live = LiveContent(Path("exhibits"))
    content = load_content(live.folder)      # the version folder, resolved
    ...
    if live.changed():                       # cheap: a readlink and a stat
        new = live.load()                    # None when it cannot be shown; the old content stays
"""

from __future__ import annotations

import logging
from pathlib import Path

from kiosk.content.loader import ExhibitionContent, load_content
from kiosk.folders import content_identity  # not kiosk.bundles: the kiosk starts faster without it

log = logging.getLogger(__name__)


class LiveContent:
    def __init__(self, source: Path):
        self.source = Path(source)
        self.identity = content_identity(self.source)

    @property
    def folder(self) -> Path:
        """The folder the live path stands for right now (symbolic links followed)."""
        return self.source.resolve()

    def changed(self) -> bool:
        return content_identity(self.source) != self.identity

    def read(self) -> ExhibitionContent:
        """Read the live content as it is now, and remember it as seen (even if unusable: it is not read again)."""
        identity = content_identity(self.source)
        content = load_content(self.folder)
        self.identity = identity
        return content

    def load(self) -> ExhibitionContent | None:
        """The live content, or None (logged) when it has nothing to show."""
        content = self.read()
        if content.collection is None or not content.exhibits:
            first = next((f for f in content.findings if f.is_error), None)
            log.error("new live content in %s cannot be shown, the content in use is kept: %s", self.source,
                      first.format() if first else "no valid exhibit")
            return None
        return content
