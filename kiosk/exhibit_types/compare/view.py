"""The ``compare`` view: two sides, read side by side, or one at a time with two tabs.

When the screen is wide enough for two columns of at least 45 characters, the two sides
stand side by side (the first on the right in a right-to-left language), each a card with
its title, picture and text, and a ⚖ disc between the two titles. Otherwise (portrait, small
screens, or ``mode: toggle``) two tabs above show one side at a time: the tab names the side,
so the card has no title of its own; its picture stands beside the text in landscape, above
it in portrait. A picture takes its column's width, cut to 16:9; side by side, it is left out
when it would leave the text fewer than six lines a page. Texts never scroll: they turn page
by page (``PagedReader``), so no line is ever shown cut. ``mode: divider`` is kept for older
content and reads side by side.
"""

from __future__ import annotations

from pathlib import Path

from kivy.clock import Clock
from kivy.core.text import Label as CoreLabel
from kivy.core.window import Window
from kivy.lang import Builder
from kivy.properties import BooleanProperty, ObjectProperty, StringProperty
from kivy.uix.boxlayout import BoxLayout
from kivy.uix.widget import Widget
from PIL import Image

from kiosk.gui.widgets.exhibit_view import ExhibitView
from kiosk.gui.widgets.reader import PagedReader
from kiosk.gui.widgets.widgets import KioskButton, MirrorBox, SecondText, TextBlock
from kiosk.render.bidi import shape_line
from kiosk.render.pages import AIM, chars_per_line

Builder.load_file(str(Path(__file__).with_name("compare.kv")))
WIDE = 9 / 16          # a picture's height over its width, cut to fit (16:9)
LINES_WITH_PICTURE = 6  # side by side, a picture stays only if the text keeps this many lines a page


class CompareCard(MirrorBox):
    """One side: ``title`` (None under tabs), ``picture`` (None without one) and ``reader``, kept so that
    a language switch gives them new words instead of building the card again."""

    title = ObjectProperty(None, allownone=True)
    title_second = ObjectProperty(None, allownone=True)   # two languages at once: the title in the second
    picture = ObjectProperty(None, allownone=True)
    reader = ObjectProperty(None)


class ComparePicture(BoxLayout):
    """A side's picture at its column's width, cut to 16:9, with its credit under it."""

    texture = ObjectProperty(None, allownone=True)
    credit = StringProperty("")


class CompareView(ExhibitView):
    tabs = BooleanProperty(False)      # one side at a time, chosen by two tabs

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._trigger_layout = Clock.create_trigger(lambda _dt: self.layout_sides(), -1)
        self._arrangement = None
        self._built_rtl = self._built_second = None
        self.cards: list[CompareCard] = []   # each keeps its reader (CompareCard.reader)

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
        """New words (a language switch): the same cards take them when the arrangement stays and the
        direction does not turn (~30 ms of building saved at the tap); otherwise the cards are built again."""
        self.ids.prompt.logical_text = self.text(self.manifest.details.prompt)
        self.ids.prompt_second.show(self.ctx, self.manifest.details.prompt)
        if self.cards and self._built_rtl == self.ctx.theme.rtl and self._arrangement == self._arrangement_now() \
                and self._built_second == self.ctx.second_language:   # a second title takes its line: built again
            self._retext_cards()
            return
        self._arrangement = None
        self.layout_sides()

    def _retext_cards(self) -> None:
        sides = self.manifest.details.sides
        shown = [self.state.get("side", 0)] if self.tabs else [0, 1]
        for index, card in zip(shown, self.cards):
            side = sides[index]
            if card.title is not None:
                card.title.logical_text = self.text(side.title)
                card.title_second.show(self.ctx, side.title)
            if card.picture is not None:
                card.picture.credit = self.text(side.image.credit)
            self._fill_reader(card.reader, index, side)
        self._fill_toggles()

    def _fill_reader(self, reader: PagedReader, index: int, side) -> None:
        """The side's text; with two languages at once, the second's under it in a card side by side, beside it in
        a wide one (each column cut into its own pages, turned together)."""
        text, second = self.text(side.text), self.ctx.second_text(side.text)
        build_second = None
        if second:
            language = self.ctx.second_language
            font = self.ctx.theme.font_for(language)

            def build_second(_width, _height):
                return [SecondText(logical_text=second, language=language, font_override=font)]
            reader.stacked = reader.max_columns < 2
        reader.set_content(lambda _w, _h: [TextBlock(logical_text=text)], text, page=self.state.get(f"page{index}", 0),
                           second=build_second)

    def fits_side_by_side(self) -> bool:
        """Side by side only if each card holds lines of 45 characters, at least four to a page (four in each
        language, the second stacked under the first, with two languages at once)."""
        theme = self.ctx.theme
        if self.mode == "toggle" or Window.width < Window.height:
            return False
        sample = shape_line(self.text(self.manifest.details.left.text)[:400]) or "Reading"
        label = CoreLabel(font_name=theme.font, font_size=theme.body)
        char_width = label.get_extents(sample)[0] / len(sample)
        return (chars_per_line(self._column(side_by_side=True), char_width) >= AIM[0]
                and self._text_room(titled=True) >= theme.line_height(theme.body) * 4 * (2 if self.ctx.second_language else 1))

    def _column(self, side_by_side: bool) -> float:
        """The width inside a card: one of two side by side, or the only one (tabs)."""
        stage, theme = self.ids.stage, self.ctx.theme
        return (stage.width - stage.spacing * 2) / 2 - theme.pad * 2 if side_by_side else stage.width - theme.pad * 2

    def _text_room(self, titled: bool) -> float:
        """The height a card leaves its text: the stage less padding, title, page control and gaps."""
        theme = self.ctx.theme
        title = theme.line_height(theme.heading) + theme.space * 2 if titled else 0
        return self.ids.stage.height - theme.pad * 2 - title - theme.touch - theme.space * 2

    def _picture_height(self) -> float:
        """A picture's height with its credit in a card side by side."""
        theme = self.ctx.theme
        return self._column(side_by_side=True) * WIDE + theme.line_height(theme.small * 0.8) + theme.space * 3

    def _pictures_fit(self) -> bool:
        """Side by side, a picture stays only if its card's text still gets enough lines a page."""
        theme = self.ctx.theme
        return self._text_room(titled=True) - self._picture_height() >= theme.line_height(theme.body) * LINES_WITH_PICTURE

    def _picture_above_fits(self) -> bool:
        """Under tabs in portrait, the picture stays above the text unless two languages at once would keep fewer
        than LINES_WITH_PICTURE lines each a page under it."""
        if not self.ctx.second_language:
            return True
        theme = self.ctx.theme
        picture = self._column(side_by_side=False) * WIDE + theme.line_height(theme.small * 0.8) + theme.space * 3
        return self._text_room(titled=False) - picture >= theme.line_height(theme.body) * LINES_WITH_PICTURE * 2

    def layout_sides(self) -> None:
        stage = self.ids.stage
        if stage.width <= 1:
            return
        arrangement = self._arrangement_now()
        self.tabs = arrangement[0]
        if arrangement == self._arrangement:
            return                  # the same cards at the same size
        self._arrangement, self._built_rtl, self._built_second = arrangement, self.ctx.theme.rtl, self.ctx.second_language
        stage.clear_widgets()
        self.cards = []
        sides = self.manifest.details.sides
        shown = [self.state.get("side", 0)] if self.tabs else [0, 1]
        for index in shown:
            stage.add_widget(self._card(index, sides[index], wide=self.tabs and Window.width >= Window.height))
        self._fill_toggles()

    def _arrangement_now(self) -> tuple:
        """What decides the cards: tabs or side by side, the side shown, the width, pictures or not.
        The height only matters through what it decides: the readers re-page themselves when it settles,
        so a view whose height settles after its first layout is not built twice."""
        tabs = not self.fits_side_by_side()
        return (tabs, self.state.get("side", 0), round(self.ids.stage.width), self._pictures_fit(),
                self._picture_above_fits())

    def _card(self, index: int, side, wide: bool) -> CompareCard:
        """A side's card: title (unless a tab names it), picture and text; the picture beside the text when ``wide``."""
        stage, theme = self.ids.stage, self.ctx.theme
        card = CompareCard(orientation="horizontal" if wide else "vertical", rtl=theme.rtl and wide)
        reader = card.reader = PagedReader(max_columns=2 if wide else 1)
        self._fill_reader(reader, index, side)
        reader.bind(page=lambda _r, page: self.state.__setitem__(f"page{index}", page))
        column = BoxLayout(orientation="vertical", spacing=theme.space * 2)
        if not self.tabs:
            card.title = TextBlock(logical_text=self.text(side.title), role="heading", bold=True)
            column.add_widget(card.title)
            card.title_second = SecondText(role="heading", size_factor=0.75)
            card.title_second.show(self.ctx, side.title)
            if card.title_second.logical_text:   # an empty one would still take a gap
                column.add_widget(card.title_second)
        if side.image and wide:
            aside = BoxLayout(orientation="vertical", size_hint_x=0.42)
            card.picture = self._picture(side.image, (stage.width - theme.pad * 2) * 0.42)
            aside.add_widget(card.picture)
            aside.add_widget(Widget())
            card.add_widget(aside)
        elif side.image and (self._picture_above_fits() if self.tabs else self._pictures_fit()):
            card.picture = self._picture(side.image, self._column(side_by_side=not self.tabs))
            column.add_widget(card.picture)
        column.add_widget(reader)
        card.add_widget(column)
        self.cards.append(card)
        return card

    def _picture(self, image, width: float) -> ComparePicture:
        """The picture decoded just large enough to cover ``width`` × 16:9."""
        path = self.manifest.image_path(image.file)
        try:
            with Image.open(path) as picture:
                ratio = picture.height / picture.width
        except (OSError, ValueError, ZeroDivisionError):
            ratio = WIDE
        box = (width * max(1.0, WIDE / ratio), width * max(ratio, WIDE))
        return ComparePicture(texture=self.ctx.pictures.texture(path, box), credit=self.text(image.credit))

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
