"""Under software GL (llvmpipe, as on a kiosk PC without a GPU driver) every full-screen layer costs
about 20 ms a frame at 1920×1080: the paper is the window's clear colour, and nothing covers the screen whole."""

from __future__ import annotations

import pytest
from kivy.core.window import Window
from kivy.graphics import BorderImage, Rectangle, RoundedRectangle, StencilPop, StencilPush, StencilUnUse, StencilUse

from tests.gui.test_visitor_flow import open_exhibit, start_visit


def full_screen_layers(root=Window) -> list[str]:
    """The shapes drawn over at least 95 % of the window (stencil masks aside), by their widget's class.

    Hidden ones count: Kivy draws a widget at opacity 0, or a shape in a transparent colour, all the
    same (measured: four hidden full-screen rectangles cost as much as four visible ones)."""
    window = Window.width * Window.height
    found = []

    def walk(widget) -> None:
        canvas = widget.canvas       # before/after only where they exist: reading them would create them
        groups = ([canvas.before] if canvas.has_before else []) + [canvas] + ([canvas.after] if canvas.has_after else [])
        for group in groups:
            mask = False
            for instruction in group.children:
                if isinstance(instruction, (StencilPush, StencilUnUse, StencilUse, StencilPop)):
                    mask = isinstance(instruction, (StencilPush, StencilUnUse))   # what follows draws the stencil's mask
                elif isinstance(instruction, (Rectangle, RoundedRectangle, BorderImage)):
                    width, height = instruction.size
                    if not mask and width * height >= 0.95 * window:
                        found.append(type(widget).__name__)
        for child in widget.children:
            walk(child)

    walk(root)
    return found


@pytest.mark.parametrize("exhibit", ["origines-enclosures", "alternatives-vallee-partagee", "origines-quiz"])
def test_no_screen_paints_a_full_screen_layer(fresh, exhibit):
    kiosk = fresh
    start_visit(kiosk, "English")
    assert full_screen_layers() == [], "home"
    open_exhibit(kiosk, exhibit)
    kiosk.settle()
    assert full_screen_layers() == [], "an exhibit"
    assert tuple(Window.clearcolor) == tuple(kiosk.app.theme.paper), "the paper is the window's clear colour"


def test_the_attract_loop_draws_its_ink_and_no_hidden_picture(fresh):
    kiosk = fresh
    attract = kiosk.app.navigator.screen("attract")
    assert kiosk.app.navigator.current == "attract"
    back = attract.ids.back
    if back.opacity == 0:       # between two cross-fades: the picture behind is hidden
        assert back.width * back.height == 0, "a hidden picture takes no room, so it costs no fill"
    assert full_screen_layers() == ["AttractScreen"], "the attract's dark ground only (the countdown is hidden)"
