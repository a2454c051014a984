"""Kivy classes imported when first used: exhibit views and screens, through Kivy's ``Factory``.

A view or screen is named ``"module:Class"`` (an exhibit type's ``view`` in the registry,
the navigator's screen table). Its module is imported only when the class is first asked
for, so the kiosk starts without importing seven views and five screens::

    view_class("quiz")(manifest, ctx, state)
    lazy_class("kiosk.gui.screens.home:HomeScreen")(name="home", app=app, navigator=navigator)
"""

from __future__ import annotations

from kivy.factory import Factory

from kiosk.exhibit_types import default_registry


def lazy_class(dotted: str):
    """The class named ``"module:Class"``, registered with Kivy's Factory on first use."""
    module, _, name = dotted.partition(":")
    if name not in Factory.classes:
        Factory.register(name, module=module)
    return Factory.get(name)


def view_class(type_name: str):
    """The view of the exhibit type ``type_name``."""
    return lazy_class(default_registry().get(type_name).view)
