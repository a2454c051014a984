"""The ``compare`` view: two sides, read side by side, or one at a time with two tabs.

When the screen is wide enough for two columns of at least 45 characters, the two sides
stand side by side (the first on the right in a right-to-left language), each a card with
its title, picture and text. Otherwise (portrait, small screens, or ``mode: toggle``) two
tabs above show one side at a time, its picture beside the text. Texts never scroll: they
turn page by page (``PagedReader``), so no line is ever shown cut. ``mode: divider`` is
kept for older content and reads side by side.
"""

from __future__ import annotations

from pathlib import Path

from kivy.clock import Clock
from kivy.core.text import Label as CoreLabel
from kivy.core.window import Window
from kivy.lang import Builder
from kivy.properties import BooleanProperty
from kivy.uix.boxlayout import BoxLayout
from kivy.uix.widget import Widget

from kiosk.gui.widgets.exhibit_view import ExhibitView
from kiosk.gui.widgets.reader import PagedReader
from kiosk.gui.widgets.widgets import Figure, KioskButton, MirrorBox, TextBlock
from kiosk.render.bidi import shape_line
from kiosk.render.pages import AIM, chars_per_line

Builder.load_file(str(Path(__file__).with_name("compare.kv")))
PICTURE_SHARE = 0.2    # of the stage's height, for a picture in a card side by side


class CompareCard(MirrorBox):
    pass


class CompareView(ExhibitView):
    tabs = BooleanProperty(False)      # one side at a time, chosen by two tabs

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._trigger_layout = Clock.create_trigger(lambda _dt: self.layout_sides(), -1)
        self._arrangement = None
        self.cards: list[CompareCard] = []
        self.readers: list[PagedReader] = []

    @property
    def mode(self) -> str:
        return self.manifest.details.mode

    @classmethod
    def step_count_for(cls, manifest) -> int:
        return 2

    def show_step(self, index: int) -> None:
        self.state["side"] = index
        self.layout_sides()

    def refresh(self) -> None:
        self.ids.prompt.logical_text = self.text(self.manifest.details.prompt)
        self._arrangement = None    # texts change: build the cards again
        self.layout_sides()

    def fits_side_by_side(self) -> bool:
        """Side by side only if each card holds lines of 45 characters, at least four to a page."""
        stage, theme = self.ids.stage, self.ctx.theme
        if self.mode == "toggle" or Window.width < Window.height:
            return False
        sample = shape_line(self.text(self.manifest.details.left.text)[:400]) or "Reading"
        label = CoreLabel(font_name=theme.font, font_size=theme.body)
        char_width, line_height = label.get_extents(sample)[0] / len(sample), label.get_extents("Ag")[1]
        column = (stage.width - stage.spacing * 2) / 2 - theme.pad * 2
        picture = stage.height * PICTURE_SHARE + theme.small * 1.4 if any(s.image for s in self.manifest.details.sides) else 0
        fixed = theme.pad * 2 + theme.heading * 1.35 + theme.touch + theme.space * 6   # padding, title, page control, gaps
        return chars_per_line(column, char_width) >= AIM[0] and stage.height - fixed - picture >= line_height * 4

    def layout_sides(self) -> None:
        stage = self.ids.stage
        if stage.width <= 1:
            return
        self.tabs = not self.fits_side_by_side()
        arrangement = (self.tabs, self.state.get("side", 0), round(stage.width), round(stage.height))
        if arrangement == self._arrangement:
            return                  # the same cards at the same size
        self._arrangement = arrangement
        stage.clear_widgets()
        self.cards, self.readers = [], []
        sides = self.manifest.details.sides
        shown = [self.state.get("side", 0)] if self.tabs else [0, 1]
        for index in shown:
            stage.add_widget(self._card(index, sides[index], wide=self.tabs and Window.width >= Window.height))
        self._fill_toggles()

    def _card(self, index: int, side, wide: bool) -> CompareCard:
        """A side's card: title, picture and text; the picture beside the text when ``wide``."""
        stage, theme = self.ids.stage, self.ctx.theme
        card = CompareCard(orientation="horizontal" if wide else "vertical", rtl=theme.rtl and wide)
        reader = PagedReader(max_columns=2 if wide else 1)
        text = self.text(side.text)
        reader.set_content(lambda _w, _h: [TextBlock(logical_text=text)], text, page=self.state.get(f"page{index}", 0))
        reader.bind(page=lambda _r, page: self.state.__setitem__(f"page{index}", page))
        title = TextBlock(logical_text=self.text(side.title), role="heading", bold=True)
        column = BoxLayout(orientation="vertical", spacing=theme.space * 2)
        column.add_widget(title)
        if side.image and wide:
            aside = BoxLayout(orientation="vertical", size_hint_x=0.42)
            height = stage.height * 0.8
            aside.add_widget(Figure.of(side.image, self, max_height=height, box=(stage.width * 0.4, height)))
            aside.add_widget(Widget())
            card.add_widget(aside)
        elif side.image:
            height = stage.height * (0.3 if self.tabs else PICTURE_SHARE)
            column.add_widget(Figure.of(side.image, self, max_height=height, box=(stage.width, height)))
        column.add_widget(reader)
        card.add_widget(column)
        self.cards.append(card)
        self.readers.append(reader)
        return card

    def _fill_toggles(self) -> None:
        toggles, theme = self.ids.toggles, self.ctx.theme
        toggles.clear_widgets()
        if not self.tabs:
            return
        sides = self.manifest.details.sides
        # each tab holds its title on one line: a long one (Arabic titles in portrait) gets a smaller size
        room = (self.width - toggles.spacing * (len(sides) - 1)) / max(1, len(sides)) \
            - theme.pad * 2 - theme.icon - theme.space * 1.5
        for index, side in enumerate(sides):
            chosen = self.state.get("side", 0) == index
            title = self.text(side.title)
            measure = CoreLabel(text=shape_line(title), font_name=theme.font, font_size=theme.button * 0.9, bold=True)
            measure.refresh()
            factor = 0.9 * min(1.0, room / measure.texture.width) if measure.texture and room > 0 else 0.9
            button = KioskButton(text=title, size_factor=max(0.6, factor), wrap=False,
                                 background=theme.ink if chosen else theme.surface,
                                 foreground=theme.white if chosen else theme.ink,
                                 outline=[] if chosen else theme.line,
                                 icon="check" if chosen else "")
            button.side_index = index
            button.bind(on_release=lambda b: self.show_step(b.side_index))
            toggles.add_widget(button)
