"""The ``panel`` view: the body rendered from Markdown, with the exhibit's pictures, in pages.

The lead picture stands beside the text in landscape and above it in portrait; in landscape
the summary stands under it as a lead (``PanelLead``), and the further pictures too while the
column holds them, so the column has no blank foot; what does not fit there goes into the text.
The text flows into columns of 45–75 characters and turns page by page (``PagedReader``), never
scrolling a line out of sight. Links written in the body are not clickable: they are
numbered in the text ("(QR 1)") and shown as QR codes beside it, with the exhibit's own links.

With a second language (``ctx.second_language``), the text has a column in each language, each
under its language's name, set in its own direction; the second in the muted ink. Both summaries
then open their columns, and the pictures stay beside (or above) them.
"""

from __future__ import annotations

from pathlib import Path

from kivy.clock import Clock
from kivy.lang import Builder
from kivy.properties import BooleanProperty, ListProperty, StringProperty
from kivy.uix.widget import Widget


from kiosk.events import AccessChanged
from kiosk.gui.widgets.exhibit_view import ExhibitView
from kiosk.gui.widgets.reader import PagedReader  # noqa: F401  (kv rule)
from kiosk.gui.widgets.widgets import Figure, TextBlock
from kiosk.i18n import language_name
from kiosk.render.markdown import render_markdown

Builder.load_file(str(Path(__file__).with_name("panel.kv")))
CREDIT_LINES = 2.5          # room under a picture for its credit, in small lines
ASIDE, ASIDE_TWO = 0.42, 0.3   # the lead picture's share of the width in landscape: one language, two


class PanelLead(TextBlock):
    """The summary as a lead under the picture: larger, with a rule in the room's colour at its start."""

    colour = ListProperty([0, 0, 0, 1])


class PanelView(ExhibitView):
    easy_available = BooleanProperty(False)   # an easy-read version in the visitor's own language (no fallback)
    easy = BooleanProperty(False)             # shown instead of the summary and body
    easy_word = StringProperty("")
    full_word = StringProperty("")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._links: list[tuple[str, str]] = []
        self._body = self._second = None   # the body rendered, in the visitor's language and in the second
        self.ids.reader.bind(page=lambda _r, page: self.state.__setitem__("page", page))
        self._trigger_aside = Clock.create_trigger(lambda _dt: self._fill_aside(), -1)  # within the frame
        self.bind(size=self._trigger_aside)

    def refresh(self) -> None:
        easy = self.manifest.easy.translations.get(self.ctx.language) if self.manifest.easy else None
        self.easy_available = bool(easy)
        self.easy = bool(easy) and self.state.get("easy", False)
        self.easy_word, self.full_word = self.ctx.gettext("Easy to read"), self.ctx.gettext("Full text")
        self._body = render_markdown(easy if self.easy else self.text(self.manifest.body))
        self._second = self._second_body()
        self._links = [(link.label, link.url) for link in self._body.links]
        self._fill_aside()

    def toggle_easy(self) -> None:
        """The easy-read version, or back to the full text, from the first page; the visitor's choice holds
        for this exhibit until they leave the visit."""
        self.state["easy"], self.state["page"] = not self.easy, 0
        if self.state["easy"]:
            self.ctx.emit(AccessChanged("easy_read", True))   # counted as an access mode, anonymously
        self.refresh()

    def _second_body(self):
        """The body in the second language (its easy-read version while the visitor reads the easy one), or None."""
        second, manifest = self.ctx.second_language, self.manifest
        if self.easy:
            text = manifest.easy.translations.get(second, "") if second and manifest.easy else ""
        else:
            text = self.ctx.second_text(manifest.body)
        return render_markdown(text) if text.strip() else None

    def _summary(self) -> str:
        """The summary, which the easy-read version replaces (it says it in its own words)."""
        return "" if self.easy else self.text(self.manifest.summary)

    def _fill_reader(self, beside: list) -> None:
        """The text's flow: the summary and the pictures that are not ``beside`` it, around the body."""
        body, summary = self._body, self._summary()
        images = [image for image in self.manifest.images[1:] if image not in beside]

        def build(_width, height):
            blocks = [] if not summary or summary in beside else [TextBlock(logical_text=summary, size_factor=1.1, italic=True,
                                                             tone="muted")]
            blocks += [self._block(block) for block in body.blocks]
            blocks += [Figure.of(image, self, max_height=height * 0.45) for image in images]
            return blocks

        sample = " ".join(block.markup for block in body.blocks if block.kind == "paragraph")
        if self._second is None:
            self.ids.reader.set_content(build, sample or summary, page=self.state.get("page", 0))
            return
        first = self.ctx.language

        def build_first(width, height):
            return [self._language_label(first), *build(width, height)]
        self.ids.reader.set_content(build_first, sample or summary, page=self.state.get("page", 0),
                                    second=self._build_second)

    def _build_second(self, _width, _height) -> list:
        """The second language's column: its name, its summary, its body, in its own font and direction, muted."""
        language = self.ctx.second_language
        summary = "" if self.easy else self.ctx.second_text(self.manifest.summary)
        blocks = [self._language_label(language)]
        if summary:
            blocks.append(TextBlock(logical_text=summary, size_factor=1.1, italic=True, tone="muted"))
        blocks += [self._block(block, second=True) for block in self._second.blocks]
        font = self.ctx.theme.font_for(language)
        for block in blocks:
            block.font_override = font
            block.language = language   # audio guidance reads it in that language's voice (kiosk.gui.guide)
        return blocks

    def _language_label(self, language: str) -> TextBlock:
        """A column's language, named in itself, small, above its text (a heading: it never ends a page)."""
        label = TextBlock(logical_text=language_name(language), role="small", bold=True, tone="muted",
                          font_override=self.ctx.theme.font_for(language))
        label.keep_with_next = True
        return label

    def _fill_aside(self) -> None:
        if self._body is None:          # not filled yet
            return
        aside, images = self.ids.aside, self.manifest.images
        aside.clear_widgets()
        if not images:
            aside.size_hint, aside.width, self.ids.column.size_hint_x = (None, None), 0, 1
            self._fill_reader([])
            return
        portrait = self.ids.layout.orientation == "vertical"
        share = ASIDE_TWO if self._second is not None else ASIDE    # two languages: their columns take more width
        aside.size_hint = (1, None) if portrait else (share, 1)
        self.ids.column.size_hint_x = 1 if portrait else 1 - share
        height = self.height * ((0.22 if self._second is not None else 0.3) if portrait else 0.8)   # two languages: text first
        width = self.width * (1 if portrait else aside.size_hint_x)   # decoded at the size it is shown, no larger
        figure = Figure.of(images[0], self, max_height=height, box=(width, height))
        aside.add_widget(figure)
        beside = [] if portrait else self._stack_under(figure, width)
        self._fill_reader(beside)
        if not portrait:
            aside.add_widget(Widget())

    def _stack_under(self, figure: Figure, width: float) -> list:
        """Under the lead picture in landscape: the summary, then the further pictures, while they fit."""
        theme, aside = self.ctx.theme, self.ids.aside
        room = self.height - self._figure_height(figure, width) - aside.spacing
        beside = []
        summary = self._summary()
        if summary and self._second is None:     # two languages: each summary opens its own column
            lead = PanelLead(logical_text=summary, width=width, colour=self._colour())
            lead.rewrap()
            lead.texture_update()
            if lead.texture_size[1] + theme.pad * 2 <= room:
                aside.add_widget(Widget(size_hint_y=None, height=theme.pad))
                aside.add_widget(lead)
                room -= lead.texture_size[1] + theme.pad * 2
                beside.append(summary)
        for image in self.manifest.images[1:]:
            picture = Figure.of(image, self, max_height=room, box=(width, room))
            needed = self._figure_height(picture, width) + theme.pad
            if needed > room or picture.texture is None:
                break
            aside.add_widget(Widget(size_hint_y=None, height=theme.pad))
            aside.add_widget(picture)
            room -= needed
            beside.append(image)
        return beside

    def _figure_height(self, figure: Figure, width: float) -> float:
        theme, texture = self.ctx.theme, figure.texture
        picture = min(figure.max_height, width * texture.height / texture.width) if texture else 0
        words = theme.line_height(theme.small) * CREDIT_LINES if figure.credit or figure.caption else 0
        return picture + words

    def _colour(self):
        room = self.ctx.room(self.manifest.room)
        return self.ctx.theme.room_colour(room.colour) if room else self.ctx.theme.ink

    def _block(self, block, second: bool = False) -> TextBlock:
        """One block of the body; ``second``: of the second language's column, in the muted ink."""
        theme, tone = self.ctx.theme, "muted" if second else "ink"
        if block.kind == "heading":
            heading = TextBlock(logical_text=block.markup, role="heading" if block.level <= 2 else "body",
                                size_factor=1 if block.level <= 2 else 1.15, bold=True, tone=tone)
            heading.keep_with_next = True
            return heading
        if block.kind == "list_item":
            indent = "      " * max(0, block.level - 1)
            return TextBlock(logical_text=f"{indent}{block.bullet}  {block.markup}" if block.bullet else f"{indent}   {block.markup}",
                             tone=tone)
        if block.kind == "quote":
            return TextBlock(logical_text=f"[i]{block.markup}[/i]", tone="muted", padding=(theme.pad, 0))
        if block.kind == "rule":
            return TextBlock(logical_text="―――", tone="muted", halign="center")
        return TextBlock(logical_text=block.markup, tone=tone)

    def extra_links(self) -> list[tuple[str, str]]:
        return [(f"{number}. {label}", url) for number, (label, url) in enumerate(self._links, start=1)]
