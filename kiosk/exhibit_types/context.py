"""``ViewContext``: all that an exhibit type's view receives from the kiosk (no Kivy here).

This is the declared interface between the kiosk and an exhibit view, built-in or from
another package. A view never sees the App; it gets its checked manifest, the visitor's
own ``state`` dict for this exhibit, and this context::

    class MapView(ExhibitView):                       # kiosk.gui.widgets.exhibit_view
        def refresh(self):
            ctx = self.ctx
            self.ids.title.logical_text = ctx.text(self.manifest.title)   # content text, visitor's language
            self.ids.hint.logical_text = ctx.gettext("Touch a town.")      # interface text
            self.ids.map.texture = ctx.pictures.texture(self.manifest.details.map, (1200, 800))

        def town_touched(self, town):
            ctx.emit(PollVoted(self.manifest.id, town.index))              # kiosk.events: stats and records follow

In the type's kv file, ``theme`` is the context's theme (sizes and colours), for example
``padding: theme.pad`` or ``color: theme.ink``.

What it holds:

- ``language``, ``fallbacks``: the visitor's language, then the languages to fall back on;
  ``text(localized)`` picks a content text (never empty); ``gettext(text)`` translates an
  interface text, ``ngettext(singular, plural, n)`` one that depends on a number;
  ``second_language``, ``second_text(localized)``: the visitor's second language ("" for none) and
  a content text in it, to show beside the first (a second column: ``kiosk.gui.widgets.reader``):
  "" when there is none, the content lacks it (never a fallback) or it would repeat the first;
  ``collection`` (rooms, languages) and ``room(id)``.
- ``pictures``: ``texture(path, size)``, cached and downscaled; ``qr``: ``get(url)``.
- ``records``: the venue's records, **to read** (``tally``, ``ideas``); ``venue``.
  Writing goes through ``emit`` (:mod:`kiosk.events`): a vote, an idea, a quiz answer.
- ``theme``: sizes, colours and fonts (:class:`kiosk.gui.theme.Theme`).
- ``group``: guided tours and workshops (:class:`kiosk.facilitator.guided_paths.GroupResults`):
  ``group.active``, ``group.is_revealed(id)``, ``group.reveal(id, shown)``.
- the navigator's verbs: ``open_exhibit(id)``, ``show_home(room=None)``, ``back()``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable


@dataclass(frozen=True)
class ViewContext:
    language_now: Callable[[], str]
    fallbacks_now: Callable[[], list]
    venue_now: Callable[[], str]
    collection_now: Callable[[], Any]
    records_now: Callable[[], Any]
    text: Callable[[Any], str]
    second_text: Callable[[Any], str]
    second_now: Callable[[], str]
    gettext: Callable[[str], str]
    ngettext: Callable[[str, str, int], str]
    emit: Callable[[object], None]
    pictures: Any
    qr: Any
    theme: Any
    group: Any
    open_exhibit: Callable[[str], None]
    show_home: Callable[..., None]
    back: Callable[[], None]

    @property
    def language(self) -> str:
        return self.language_now()

    @property
    def second_language(self) -> str:
        return self.second_now()

    @property
    def fallbacks(self) -> list:
        return self.fallbacks_now()

    @property
    def venue(self) -> str:
        return self.venue_now()

    @property
    def collection(self):
        return self.collection_now()

    @property
    def records(self):
        return self.records_now()

    def room(self, room_id: str):
        return self.collection.room(room_id)
