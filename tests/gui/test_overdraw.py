"""Under software GL (llvmpipe, as on a kiosk PC without a GPU driver) every full-screen layer costs
about 20 ms a frame at 1920×1080: a screen paints its paper once, and nothing else covers it whole."""

from __future__ import annotations

import pytest
from kivy.core.window import Window
from kivy.graphics import BorderImage, Color, Rectangle, RoundedRectangle, StencilPop, StencilPush, StencilUnUse, StencilUse

from tests.gui.test_visitor_flow import open_exhibit, start_visit


def full_screen_layers(root=Window) -> list[str]:
    """The visible shapes drawn over at least 95 % of the window (stencil masks aside), by their widget's class."""
    window = Window.width * Window.height
    found = []

    def walk(widget) -> None:
        if getattr(widget, "opacity", 1) == 0:
            return
        for group in (widget.canvas.before, widget.canvas, widget.canvas.after):
            alpha, mask = 1.0, False
            for instruction in group.children:
                if isinstance(instruction, Color):
                    alpha = instruction.a
                elif isinstance(instruction, (StencilPush, StencilUnUse, StencilUse, StencilPop)):
                    mask = isinstance(instruction, (StencilPush, StencilUnUse))   # what follows draws the stencil's mask
                elif isinstance(instruction, (Rectangle, RoundedRectangle, BorderImage)):
                    width, height = instruction.size
                    if alpha > 0 and not mask and width * height >= 0.95 * window:
                        found.append(type(widget).__name__)
        for child in widget.children:
            walk(child)

    walk(root)
    return found


@pytest.mark.parametrize("exhibit", ["origines-enclosures", "alternatives-vallee-partagee", "origines-quiz"])
def test_an_exhibit_screen_paints_its_paper_once(fresh, exhibit):
    kiosk = fresh
    start_visit(kiosk, "English")
    assert full_screen_layers() == ["HomeScreen"], "home: its paper only"
    open_exhibit(kiosk, exhibit)
    kiosk.settle()
    assert full_screen_layers() == ["ExhibitScreen"], "one paper under the exhibit, no second layer"
