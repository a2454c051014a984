"""A third-party exhibit type shown by the real kiosk: its view works through the ViewContext alone."""

from __future__ import annotations

from kiosk.content.loader import load_content
from kiosk.events import QuizAnswered
from tests.conftest import PROJECT
from tests.plugin_site import sample_plugin_installed


def test_a_plugin_exhibit_is_shown_and_touched(fresh):
    kiosk, app = fresh, fresh.app
    answered = []
    app.events.subscribe(QuizAnswered, answered.append)
    try:
        with sample_plugin_installed() as folder:
            app.replace_content(load_content(folder))
            kiosk.app.navigator.start_visit("en")
            kiosk.app.navigator.open_exhibit("alternatives-stamp")
            kiosk.settle()
            view = app.navigator.screen("exhibit").view
            assert type(view).__name__ == "StampView" and not hasattr(view, "app")
            kiosk.find_text("To cooperate is to win together.")
            kiosk.tap(view.button)
            kiosk.settle()
            kiosk.find_text("Thank you!")
            assert answered == [QuizAnswered("alternatives-stamp", 1, True)]
            assert app.navigator.faulty == {}
    finally:
        app.events.unsubscribe(QuizAnswered, answered.append)
        app.replace_content(load_content(PROJECT / "exhibits"))
        app.idle.reset_now()
        kiosk.settle()
