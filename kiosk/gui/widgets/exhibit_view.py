"""The base of every exhibit type's view.

A view receives the checked manifest, a :class:`kiosk.exhibit_types.context.ViewContext`
(the visitor's language and texts, pictures, QR codes, records to read, the event sink,
the theme, the navigator's verbs: nothing else of the kiosk) and ``state``, the
visitor's own dict for this exhibit. It
keeps its position (quiz question, gallery image, scroll) in ``state``, never in itself,
so that a language switch or a rebuild puts the visitor back at the same place, and the
idle reset forgets it. ``refresh()`` re-renders every text in the current language.

Views that have steps (quiz questions, gallery images, compare sides) say how many, and
``show_step(i)`` goes to one: the snapshot and proof tools photograph each step.
"""

from __future__ import annotations

from kivy.properties import BooleanProperty, ObjectProperty
from kivy.uix.boxlayout import BoxLayout


class ExhibitView(BoxLayout):
    manifest = ObjectProperty(None)
    ctx = ObjectProperty(None)
    state = ObjectProperty(None)  # the visitor session's own dict (a DictProperty would copy it)
    absorbed = BooleanProperty(False)
    """True while the visitor is busy inside the view (typing on the wall's keyboard): the
    exhibit screen then folds its way on away, so the view has the whole height."""

    def __init__(self, manifest, ctx, state: dict, **kwargs):
        super().__init__(manifest=manifest, ctx=ctx, **kwargs)
        self.state = state  # the same dict object as in the visitor session
        self.orientation = "vertical"

    def text(self, localized) -> str:
        return self.ctx.text(localized)

    def refresh(self) -> None:
        raise NotImplementedError

    def extra_links(self) -> list[tuple[str, str]]:
        """(label, url) of links found inside the texts (a panel's body), shown as QR codes too."""
        return []

    @classmethod
    def step_count_for(cls, manifest) -> int:
        """How many interactive steps this exhibit has (1 for a plain view)."""
        return 1

    def show_step(self, index: int) -> None:
        """Go to interactive step ``index`` (0-based)."""
