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
        self._observers: dict[int, tuple] = {}  # uid → (callback, args, kwargs), in binding order
        self._next_uid = 1
        self.language = language
        self._gettext = catalog(language).gettext

    def _(self, text: str) -> str:
        return self._gettext(text)

    def fbind(self, name, func, *args, **kwargs):
        if name != "_":
            return super().fbind(name, func, *args, **kwargs)
        uid, self._next_uid = self._next_uid, self._next_uid + 1
        self._observers[uid] = (func, args, kwargs)
        return uid

    def unbind_uid(self, name, uid):
        """Kivy's builder unbinds a rule this way when its widget is destroyed."""
        if name != "_":
            return super().unbind_uid(name, uid)
        self._observers.pop(uid, None)

    def funbind(self, name, func, *args, **kwargs):
        if name != "_":
            return super().funbind(name, func, *args, **kwargs)
        for uid, (known, known_args, known_kwargs) in list(self._observers.items()):
            if known is func and len(known_args) == len(args) and all(a is b for a, b in zip(known_args, args)):
                del self._observers[uid]

    def switch(self, language: str) -> None:
        if language == self.language:
            return
        self.language = language
        self._gettext = catalog(language).gettext
        for uid, (func, args, kwargs) in list(self._observers.items()):
            try:
                func(*args, None, None)  # kv's callback takes its rule data, then (instance, value)
            except ReferenceError:
                self._observers.pop(uid, None)  # its widget was garbage-collected

    @property
    def observer_count(self) -> int:
        return len(self._observers)
