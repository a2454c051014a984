"""The registry of exhibit types, keyed by the ``type`` field of ``exhibit.yaml``.

How to add an exhibit type
--------------------------
Say you want a ``map`` type. Make a folder ``kiosk/exhibit_types/map/`` with:

- ``model.py``: the type's own fields (``FIELDS``, a tuple of
  :class:`kiosk.content.spec.Field`), the plain Python model of a checked exhibit and a
  ``build(values)`` function that makes it. No Kivy here: the validator, the tests and the
  proofing tools use it without a window.
- ``template.yaml``: the commented example that ``kiosk new ID --type map`` copies. It
  must validate as it is.
- ``__init__.py``: a few lines that describe the type to the registry::

      def register(registry):
          registry.add(ExhibitType(name="map", fields=model.FIELDS, build=model.build, ...))

- the view (``view.py`` and ``map.kv``), which the visitor kiosk imports only when it shows
  such an exhibit (``view="kiosk.exhibit_types.map.view:MapView"`` in the registration; the
  kiosk registers it with Kivy's ``Factory`` on first use).

What a view receives
--------------------
A view is a :class:`kiosk.gui.widgets.exhibit_view.ExhibitView` made with three things:
the checked manifest, the visitor's own ``state`` dict for this exhibit (its position
lives there, so a language switch or the idle reset does the right thing), and a
:class:`kiosk.exhibit_types.context.ViewContext`, **the whole of what it may use of the
kiosk**: the language and text lookup, pictures, QR codes, the records to read, the
event sink, the theme, the group results of a guided path, and the navigator's verbs.
It never sees the App. A visitor's action is an event (:mod:`kiosk.events`), emitted
with ``ctx.emit``: the statistics and the records subscribe to it. For example::

    # exhibit.yaml
    schema: 1
    type: map
    room: alternatives
    title: {fr: Les monnaies locales, en: Local currencies}
    summary: {fr: Où elles circulent., en: Where they circulate.}
    towns: [{name: {fr: Toulouse}, x: 0.4, y: 0.8}]

    # map.kv: ``theme`` is the context's theme
    <MapView>:
        padding: theme.pad
        Label:
            id: title
            font_size: theme.title
            color: theme.ink

    # view.py
    class MapView(ExhibitView):
        def refresh(self):
            self.ids.title.text = self.ctx.text(self.manifest.title)

        def town_touched(self, index):
            self.ctx.emit(QuizAnswered(self.manifest.id, index + 1, True))

A game that a facilitator can run in a workshop also implements the view's workshop API
(``workshop_controls()``, ``next_phase()``, ``toggle_timer()``, ``extend_timer(seconds)``,
``show_debrief()``; see :mod:`kiosk.gui.widgets.exhibit_view`), as ``commons`` does.

``tests/roots/plugin`` holds a complete third-party type, ``stamp``, installed through
the entry point and shown by the real kiosk in ``tests/gui/test_plugin_type.py``.

Then add ``"map"`` to :data:`BUILTIN_TYPES`. A type that lives in another package needs no
change here: it declares an entry point in the ``kiosk.exhibit_types`` group that names
its ``register`` function, as pytest plugins do with ``pytest11``.

Two types with the same name, or a type without a valid name, stop the start-up with
:class:`RegistryError`: that is a programming mistake. A third-party type that fails to
import is logged and left out, and every other type keeps working; ``kiosk validate`` and
the facilitator's list of problems name it with its error (``registry.disabled``).
"""

from __future__ import annotations

import functools
import importlib
import logging
import re
from dataclasses import dataclass
from importlib.metadata import entry_points
from pathlib import Path
from typing import Any, Callable

from kiosk.content.spec import Context, Field

log = logging.getLogger(__name__)

BUILTIN_TYPES = ("panel", "gallery", "quiz", "timeline", "compare", "poll", "wall", "commons", "roleplay")
ENTRY_POINT_GROUP = "kiosk.exhibit_types"
_NAME = re.compile(r"^[a-z][a-z0-9_-]{0,31}$")


@dataclass(frozen=True)
class ExhibitType:
    """What the content core needs to know about one exhibit type."""

    name: str
    fields: tuple[Field, ...]
    build: Callable[[dict], Any]
    description: str = ""
    body_required: bool = False
    min_images: int = 0
    check: Callable[[dict, Context], None] | None = None
    template: Path | None = None
    view: str | None = None  # "module:Class", imported lazily by the kiosk


class RegistryError(Exception):
    """A programming mistake in the set of exhibit types."""


class ExhibitTypeRegistry:
    """The known exhibit types by name."""

    def __init__(self) -> None:
        self._types: dict[str, ExhibitType] = {}
        self.disabled: dict[str, str] = {}  # plugin name → why it was left out

    def add(self, exhibit_type: ExhibitType) -> None:
        name = getattr(exhibit_type, "name", None)
        if not isinstance(name, str) or not _NAME.match(name):
            raise RegistryError(f"exhibit type {exhibit_type!r} has no valid name (lower-case letters, digits, - and _)")
        if name in self._types:
            raise RegistryError(f"two exhibit types are named '{name}'")
        self._types[name] = exhibit_type

    def get(self, name: str) -> ExhibitType | None:
        return self._types.get(name)

    def names(self) -> tuple[str, ...]:
        return tuple(sorted(self._types))

    def __contains__(self, name: object) -> bool:
        return name in self._types

    def __iter__(self):
        return iter(self._types[name] for name in self.names())


def load_registry(plugins: bool = True) -> ExhibitTypeRegistry:
    """A registry holding the built-in types and, unless ``plugins`` is False, installed ones."""
    registry = ExhibitTypeRegistry()
    for name in BUILTIN_TYPES:
        importlib.import_module(f"{__name__}.{name}").register(registry)
    if plugins:
        for entry_point in entry_points(group=ENTRY_POINT_GROUP):
            _register_plugin(registry, entry_point)
    return registry


def _register_plugin(registry: ExhibitTypeRegistry, entry_point) -> None:
    try:
        register = entry_point.load()
        register(registry)
    except RegistryError:
        raise
    except Exception as exc:  # a broken plugin must not take the kiosk down
        log.exception("exhibit type plugin %r failed to load and is disabled", entry_point.name)
        registry.disabled[entry_point.name] = f"{type(exc).__name__}: {exc}"


@functools.lru_cache(maxsize=1)
def default_registry() -> ExhibitTypeRegistry:
    """The registry used by the command line and the kiosk, built once."""
    return load_registry()
