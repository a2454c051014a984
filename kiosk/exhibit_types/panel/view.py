"""The ``panel`` view: the body rendered from Markdown, with the exhibit's pictures, in pages.

The lead picture stands beside the text in landscape and above it in portrait; the text
flows into columns of 45–75 characters and turns page by page (``PagedReader``), never
scrolling a line out of sight. Links written in the body are not clickable: they are
numbered in the text ("(QR 1)") and shown as QR codes beside it, with the exhibit's own links.
"""

from __future__ import annotations

from pathlib import Path

from kivy.clock import Clock
from kivy.lang import Builder
from kivy.uix.widget import Widget

from kiosk.gui.widgets.exhibit_view import ExhibitView
from kiosk.gui.widgets.reader import PagedReader  # noqa: F401  (kv rule)
from kiosk.gui.widgets.widgets import Figure, TextBlock
from kiosk.render.markdown import render_markdown

Builder.load_file(str(Path(__file__).with_name("panel.kv")))


class PanelView(ExhibitView):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._links: list[tuple[str, str]] = []
        self.ids.reader.bind(page=lambda _r, page: self.state.__setitem__("page", page))
        self._trigger_aside = Clock.create_trigger(lambda _dt: self._fill_aside(), -1)  # within the frame
        self.bind(size=self._trigger_aside)

    def refresh(self) -> None:
        body = render_markdown(self.text(self.manifest.body))
        self._links = [(link.label, link.url) for link in body.links]
        images = list(self.manifest.images)
        self._fill_aside()
        summary = self.text(self.manifest.summary)

        def build(_width, height):
            blocks = [TextBlock(logical_text=summary, size_factor=1.1, italic=True, tone="muted")]
            blocks += [self._block(block) for block in body.blocks]
            blocks += [Figure.of(image, self, max_height=height * 0.45) for image in images[1:]]
            return blocks

        sample = " ".join(block.markup for block in body.blocks if block.kind == "paragraph")
        self.ids.reader.set_content(build, sample or summary, page=self.state.get("page", 0))

    def _fill_aside(self) -> None:
        aside, images = self.ids.aside, self.manifest.images
        aside.clear_widgets()
        if not images:
            aside.size_hint, aside.width, self.ids.reader.size_hint_x = (None, None), 0, 1
            return
        portrait = self.ids.layout.orientation == "vertical"
        aside.size_hint = (1, None) if portrait else (0.42, 1)
        self.ids.reader.size_hint_x = 1 if portrait else 0.58
        height = self.height * (0.3 if portrait else 0.8)
        width = self.width * (1 if portrait else aside.size_hint_x)   # decoded at the size it is shown, no larger
        aside.add_widget(Figure.of(images[0], self, max_height=height, box=(width, height)))
        if not portrait:
            aside.add_widget(Widget())

    def _block(self, block) -> TextBlock:
        theme = self.ctx.theme
        if block.kind == "heading":
            heading = TextBlock(logical_text=block.markup, role="heading" if block.level <= 2 else "body",
                                size_factor=1 if block.level <= 2 else 1.15, bold=True)
            heading.keep_with_next = True
            return heading
        if block.kind == "list_item":
            indent = "      " * max(0, block.level - 1)
            return TextBlock(logical_text=f"{indent}{block.bullet}  {block.markup}" if block.bullet else f"{indent}   {block.markup}")
        if block.kind == "quote":
            return TextBlock(logical_text=f"[i]{block.markup}[/i]", tone="muted", padding=(theme.pad, 0))
        if block.kind == "rule":
            return TextBlock(logical_text="―――", tone="muted", halign="center")
        return TextBlock(logical_text=block.markup)

    def extra_links(self) -> list[tuple[str, str]]:
        return [(f"{number}. {label}", url) for number, (label, url) in enumerate(self._links, start=1)]
