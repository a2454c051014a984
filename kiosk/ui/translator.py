"""A gettext translator that kv rules follow when the language changes.

In kv, write ``text: app.tr._("Touch to start")``: the kv compiler binds to ``_`` on the
translator, so every such text is re-evaluated by :meth:`Translator.switch`.

This is Kivy's well-known ``Observable`` recipe with two fixes: observers are per
instance (not a shared class list), and observers whose widget is gone are pruned during
the switch instead of raising ``ReferenceError``.
"""

from __future__ import annotations

from kivy.event import Observable

from kiosk.i18n import catalog


class Translator(Observable):
    def __init__(self, language: str = "fr", **kwargs):
        super().__init__(**kwargs)
        self._observers: list[tuple] = []
        self.language = language
        self._gettext = catalog(language).gettext

    def _(self, text: str) -> str:
        return self._gettext(text)

    def fbind(self, name, func, *args, **kwargs):
        if name != "_":
            return super().fbind(name, func, *args, **kwargs)
        self._observers.append((func, args, kwargs))
        return len(self._observers)

    def funbind(self, name, func, *args, **kwargs):
        if name != "_":
            return super().funbind(name, func, *args, **kwargs)
        key = (func, args, kwargs)
        if key in self._observers:
            self._observers.remove(key)

    def switch(self, language: str) -> None:
        if language == self.language:
            return
        self.language = language
        self._gettext = catalog(language).gettext
        alive = []
        for func, args, kwargs in self._observers:
            try:
                func(*args, None, None)  # kv's callback takes its rule data, then (instance, value)
            except ReferenceError:
                continue  # its widget was garbage-collected
            alive.append((func, args, kwargs))
        self._observers = alive

    @property
    def observer_count(self) -> int:
        return len(self._observers)
