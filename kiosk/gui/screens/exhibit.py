"""The exhibit screen: a top bar (back, title, language, home), the exhibit's own view, and its QR codes.

The view comes from the exhibit type registry. If it raises while being built or shown,
the visitor is taken home without a word, the error is logged and the exhibit is marked
faulty for the facilitator (see ``Navigator.exhibit_failed``).
"""

from __future__ import annotations

import logging
from pathlib import Path

from kivy.core.image import Image as CoreImage
from kivy.lang import Builder
from kivy.properties import ListProperty, ObjectProperty, StringProperty

from kiosk.events import QrShown
from kiosk.gui.screens.base import KioskScreen
from kiosk.gui.theme import rgba
from kiosk.gui.views import view_class
from kiosk.gui.widgets.widgets import QrPanel
from kiosk.visit.qr import pixels_per_module

log = logging.getLogger(__name__)

Builder.load_file(str(Path(__file__).with_name("exhibit.kv")))


class ExhibitScreen(KioskScreen):
    heading = StringProperty("")
    room_colour = ListProperty([0, 0, 0, 1])
    view = ObjectProperty(None, allownone=True)

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.manifest = None
        self.app.bind(language=self._on_language)  # a method: bound weakly, so a dropped screen is freed
        self.ids.body.bind(orientation=lambda *_: self._fill_qr_codes() if self.view else None)

    def show(self, manifest) -> bool:
        """Build the view for ``manifest``; False (and the exhibit marked faulty) if it fails."""
        self.release()
        self.manifest = manifest
        room = self.app.content.collection.room(manifest.room)
        self.room_colour = rgba(room.colour) if room else self.app.theme.ink
        try:
            self.view = view_class(manifest.type)(manifest, self.app.view_context, self.app.session.state_for(manifest.id))
            self.ids.host.add_widget(self.view)
        except Exception as exc:  # a visitor never sees a traceback
            self.release()
            self.navigator.exhibit_failed(manifest.id, exc)
            return False
        return self.refresh()

    def _on_language(self, *_args) -> None:
        self.refresh()

    def refresh(self) -> bool:
        """Re-render in the visitor's language; False (visitor sent home) if the view fails."""
        if self.manifest is None or self.view is None:
            return False
        try:
            self.heading = self.app.text(self.manifest.title)
            self.view.refresh()
            self._fill_qr_codes()
        except Exception as exc:  # a visitor never sees a traceback
            exhibit_id = self.manifest.id
            self.release()
            self.navigator.exhibit_failed(exhibit_id, exc)
            return False
        return True

    def _fill_qr_codes(self) -> None:
        column = self.ids.qr_column
        column.clear_widgets()
        links = [(self.app.text(link.label), self.app.text(link.url)) for link in self.manifest.links]
        links += [link for link in self.view.extra_links() if link[1] not in {url for _, url in links}]
        self.ids.qr_scroll.opacity = 1 if links else 0
        self.ids.qr_scroll.size_hint_x = (0.28 if links else 0.001) if self.ids.body.orientation == "horizontal" else 1
        if links:
            title = _scan_title(self.app)
            if self.ids.body.orientation != "horizontal":
                title.size_hint_x, title.width = None, self.app.theme.touch * 2.4
            column.add_widget(title)
        for label, url in links:
            column.add_widget(self._qr_panel(label, url))
            self.app.events.emit(QrShown(self.manifest.id, url))

    def _qr_panel(self, label: str, url: str) -> QrPanel:
        code = self.app.qr.get(url)
        texture = CoreImage(str(code.path)).texture
        texture.mag_filter = "nearest"
        texture.min_filter = "nearest"
        max_side = min(456, int(self.width * 0.24)) if self.width > self.height else int(self.height * 0.2)
        side = code.modules * pixels_per_module(code.modules, max_side)
        panel = QrPanel(texture=texture, label=label, url=url, side=side)
        if self.ids.body.orientation != "horizontal":
            panel.size_hint_x = None
            panel.width = side + self.app.theme.pad * 2
        return panel

    def choose_language(self) -> None:
        from kiosk.gui.widgets.language_picker import LanguagePicker
        LanguagePicker(app=self.app).open()

    def release(self) -> None:
        """Drop the current view and its textures."""
        self.ids.host.clear_widgets()
        self.ids.qr_column.clear_widgets()
        self.view = None
        self.manifest = None

    def on_leave(self, *_):
        self.release()
        self.app.release_memory()

    def reset(self) -> None:
        self.release()


def _scan_title(app):
    from kiosk.gui.widgets.widgets import TextBlock
    return TextBlock(logical_text=app.tr._("Scan to read more on your phone"), role="small", bold=True,
                     halign="center")
