"""The ``stamp`` view: the motto, a button, a thank-you. It uses ``self.ctx`` and nothing else of the kiosk."""

from kivy.lang import Builder
from kivy.uix.button import Button
from kivy.uix.label import Label

from kiosk.events import QuizAnswered
from kiosk.gui.widgets.exhibit_view import ExhibitView

Builder.load_string("""
<StampView>:
    padding: theme.pad
    spacing: theme.pad
""")


class StampView(ExhibitView):
    def __init__(self, manifest, ctx, state, **kwargs):
        super().__init__(manifest, ctx, state, **kwargs)
        self.motto = Label(font_name=ctx.theme.font, color=ctx.theme.ink)
        self.button = Button(size_hint_y=None, height=ctx.theme.touch)
        self.button.bind(on_release=lambda *_: self.stamp())
        self.add_widget(self.motto)
        self.add_widget(self.button)

    def stamp(self) -> None:
        self.state["stamped"] = True
        self.ctx.emit(QuizAnswered(self.manifest.id, 1, True))
        self.refresh()

    def refresh(self) -> None:
        self.motto.text = self.ctx.text(self.manifest.details.motto)
        self.button.text = self.ctx.gettext("Thank you!") if self.state.get("stamped") else "Stamp my card"
