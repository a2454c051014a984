"""The visitor's list ("My list"): what they kept, and the QR code that hands it over to their phone.

Opened from the button beside the way on of an exhibit and from home (``BasketPanel.open_for(app)``).
Each kept exhibit is a row (number, title, its link's address, a button that takes it off); beside
the rows (under them in portrait), one QR code holds the whole list as plain text, or two codes,
"1/2" and "2/2", for a long one (:mod:`kiosk.visit.basket`): a phone's camera shows the titles with
their links to tap. Nothing leaves the kiosk; the list is forgotten at the idle reset.
"""

from __future__ import annotations

from pathlib import Path

from kivy.core.image import Image as CoreImage
from kivy.core.window import Window
from kivy.graphics import Color, Rectangle
from kivy.lang import Builder
from kivy.properties import ListProperty, NumericProperty, ObjectProperty, StringProperty
from kivy.uix.boxlayout import BoxLayout
from kivy.uix.widget import Widget

from kiosk.gui.widgets.backdrop import BackdropModalView
from kiosk.gui.widgets.widgets import KioskButton, MirrorBox, TextBlock
from kiosk.visit.basket import CORRECTION, LARGEST_VERSION
from kiosk.visit.qr import pixels_per_module

Builder.load_file(str(Path(__file__).with_name("basket_panel.kv")))


class BasketRow(MirrorBox):
    number = NumericProperty(1)
    title = StringProperty("")
    address = StringProperty("")
    exhibit_id = StringProperty("")
    remove_words = StringProperty("")   # what audio guidance says for the remove button
    panel = ObjectProperty(None)


class BasketPanel(BackdropModalView):
    app = ObjectProperty(None)
    code_sides = ListProperty([])      # each QR code's side in pixels (none: an empty list)
    list_room = NumericProperty(400)   # the most height the rows may take before they scroll
    code_height = NumericProperty(0)   # the codes' row (or pager), as code_row made it
    _shared: "BasketPanel | None" = None

    @classmethod
    def open_for(cls, app) -> "BasketPanel":
        if cls._shared is None or cls._shared.app is not app:
            cls._shared = cls(app=app)
        panel = cls._shared
        panel.fill()
        panel.open(animation=False)
        return panel

    @classmethod
    def close_for_next_visitor(cls) -> None:
        if cls._shared is not None and cls._shared.parent is not None:
            cls._shared.dismiss(animation=False)

    def remove(self, exhibit_id: str) -> None:
        if exhibit_id in self.app.session.basket:
            self.app.keep(exhibit_id)
        self.fill()

    def fill(self) -> None:
        app, tr = self.app, self.app.tr._
        rows = self.ids.rows
        rows.clear_widgets()
        items = app.basket_items()
        for number, (exhibit_id, item) in enumerate(zip(app.session.basket, items), start=1):
            rows.add_widget(BasketRow(number=number, title=item.title, address=_short(item.url), exhibit_id=exhibit_id,
                                      remove_words=tr("Remove {title} from my list").format(title=item.title),
                                      panel=self))
        if not items:
            rows.add_widget(TextBlock(logical_text=tr("Your list is empty. On an exhibit, touch “Keep” to put it "
                                                      "here, then take the list home with your phone."),
                                      role="body", tone="muted"))
        self._fill_codes()

    def _fill_codes(self) -> None:
        app, theme = self.app, self.app.theme
        holder = self.ids.code_row
        holder.clear_widgets()
        codes = app.basket_codes()
        landscape = Window.width > Window.height
        panel_width = Window.width * (0.86 if landscape else 0.94) - theme.pad * 3
        column = panel_width * ((0.46 if len(codes) > 1 else 0.36) if landscape else 1)
        row = code_row(app, codes, column, Window.height * (0.5 if landscape else 0.3))
        holder.add_widget(row)
        self.code_sides = row.sides
        self.code_height = row.height
        self.ids.scan.logical_text = scan_words(app, len(codes))
        chrome = theme.pad * 4 + theme.heading * 1.4 + theme.line_height(theme.small) * 2 + theme.touch
        room = Window.height * theme.reach - theme.pad * 2 - chrome
        self.list_room = max(theme.touch * 1.5, room - (0 if landscape else row.height + theme.pad * 3))


def scan_words(app, count: int) -> str:
    """What to do with the code, or with both: scanning one of two would leave half the list behind."""
    if count > 1:
        return app.tr._("Scan both codes with your phone's camera: the list and its links go with you.")
    return app.tr._("Scan with your phone's camera: the list and its links go with you.") if count else ""


def caption(app, index: int, count: int) -> str:
    return app.tr._("Code {number} of {count}").format(number=index, count=count) if count > 1 else ""


def code_row(app, codes, width: float, tallest: float, pager: bool = True) -> BoxLayout:
    """The list's codes side by side, centred in ``width``, each as large as a share of it allows (at most
    ``tallest``), drawn pixel for pixel; ``row.sides`` holds their sides. Two codes that would not fit side
    by side at a module a phone reads (4 px) are shown one at a time, with "1/2" and "2/2" to touch (unless
    ``pager`` is False: where a touch cannot turn them, the codes stay side by side)."""
    theme = app.theme
    images = [app.qr.get(code.text, max_version=LARGEST_VERSION, correction=CORRECTION) for code in codes]
    each = (width - theme.pad * (len(codes) - 1)) / max(1, len(codes))
    sides = [image.modules * pixels_per_module(image.modules, int(min(each, tallest)), minimum=4) for image in images]
    if pager and len(images) > 1 and sum(sides) + theme.pad * (len(sides) - 1) > width:
        return CodePager(app, images, width, tallest)
    row = MirrorBox(rtl=theme.rtl, size_hint_y=None, spacing=theme.pad)
    row.sides = sides
    row.add_widget(Widget())
    for index, (image, side) in enumerate(zip(images, sides), start=1):
        row.add_widget(_code(image.path, side, caption(app, index, len(codes))))
    row.add_widget(Widget())
    row.height = max(sides or [0]) + (theme.line_height(theme.small) if len(codes) > 1 else 0)
    return row


class CodePager(BoxLayout):
    """Two codes, one at a time: the one shown, and under it a button for each ("1/2", "2/2"), the shown one lit."""

    def __init__(self, app, images, width: float, tallest: float, **kwargs):
        theme = app.theme
        super().__init__(orientation="vertical", size_hint_y=None, spacing=theme.pad * 0.5, **kwargs)
        self.app, self.images = app, images
        self.sides = [image.modules * pixels_per_module(image.modules, int(min(width, tallest - theme.touch)),
                                                        minimum=4) for image in images]
        self.stage = MirrorBox(size_hint_y=None, height=max(self.sides))
        self.buttons = MirrorBox(rtl=theme.rtl, size_hint_y=None, height=theme.touch, spacing=theme.pad * 0.5)
        self.buttons.add_widget(Widget())
        for index in range(len(images)):
            button = KioskButton(text=caption(app, index + 1, len(images)), wrap=False, size_hint_x=None,
                                 size_factor=0.8)
            button.bind(texture_size=lambda b, size: setattr(b, "width", max(theme.touch * 1.6, size[0] + theme.pad)))
            button.code_index = index
            button.bind(on_release=lambda b: self.show(b.code_index))
            self.buttons.add_widget(button)
        self.buttons.add_widget(Widget())
        self.add_widget(self.stage)
        self.add_widget(self.buttons)
        self.height = max(self.sides) + self.spacing + theme.touch
        self.show(0)

    def show(self, index: int) -> None:
        theme = self.app.theme
        self.shown = index
        self.stage.clear_widgets()
        self.stage.add_widget(Widget())
        self.stage.add_widget(_code(self.images[index].path, self.sides[index], ""))
        self.stage.add_widget(Widget())
        for button in self.buttons.children:
            if isinstance(button, KioskButton):
                chosen = button.code_index == index
                button.background = theme.ink if chosen else theme.surface
                button.foreground = theme.white if chosen else theme.ink
                button.outline = [] if chosen else theme.line


def _code(path: Path, side: int, caption: str) -> BoxLayout:
    """One QR code, drawn pixel for pixel (nearest), with "1/2" under it when there are two."""
    texture = CoreImage(str(path)).texture
    texture.mag_filter = texture.min_filter = "nearest"
    box = BoxLayout(orientation="vertical", size_hint=(None, 1), width=side)
    picture = Widget(size_hint=(None, None), size=(side, side))
    with picture.canvas:
        Color(1, 1, 1, 1)
        rectangle = Rectangle(texture=texture, size=(side, side))
    picture.bind(pos=lambda widget, pos: setattr(rectangle, "pos", pos))
    box.add_widget(picture)
    if caption:
        box.add_widget(TextBlock(logical_text=caption, role="small", bold=True, halign="center"))
    box.add_widget(Widget())
    return box


def _short(url: str) -> str:
    """An address as people read it: no scheme, no "www.", no trailing slash."""
    for prefix in ("https://", "http://"):
        url = url.removeprefix(prefix)
    return url.removeprefix("www.").rstrip("/")
