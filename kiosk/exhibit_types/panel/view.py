"""The ``panel`` view: the body rendered from Markdown, with the exhibit's pictures; it scrolls.

Links written in the body are not clickable: they are numbered in the text ("(QR 1)") and
shown as QR codes beside it, with the exhibit's own links.
"""

from __future__ import annotations

from pathlib import Path

from kivy.clock import Clock
from kivy.lang import Builder

from kiosk.gui.widgets.exhibit_view import ExhibitView
from kiosk.gui.widgets.widgets import Figure, TextBlock
from kiosk.render.markdown import render_markdown

Builder.load_file(str(Path(__file__).with_name("panel.kv")))


class PanelView(ExhibitView):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._links: list[tuple[str, str]] = []
        self.ids.scroll.bind(scroll_y=lambda _w, value: self.state.__setitem__("scroll", value))

    def refresh(self) -> None:
        theme, column = self.ctx.theme, self.ids.column
        column.clear_widgets()
        column.add_widget(TextBlock(logical_text=self.text(self.manifest.summary), size_factor=1.1,
                                    italic=True, tone="muted"))
        images = list(self.manifest.images)
        if images:
            column.add_widget(Figure.of(images.pop(0), self, max_height=520 * theme.scale))
        body = render_markdown(self.text(self.manifest.body))
        self._links = [(link.label, link.url) for link in body.links]
        for block in body.blocks:
            column.add_widget(self._block(block))
        for image in images:
            column.add_widget(Figure.of(image, self, max_height=520 * theme.scale))
        scroll = self.state.get("scroll", 1.0)
        Clock.schedule_once(lambda _dt: setattr(self.ids.scroll, "scroll_y", scroll), 0)

    def _block(self, block) -> TextBlock:
        theme = self.ctx.theme
        if block.kind == "heading":
            if block.level <= 2:
                return TextBlock(logical_text=block.markup, role="heading", bold=True)
            return TextBlock(logical_text=block.markup, size_factor=1.15, bold=True)
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
