"""The attract loop on a portrait screen is a poster: the picture across the top, the words right under it."""

from __future__ import annotations

import pytest
from kivy.core.window import Window

from kiosk.gui.screens.attract import attract_picture_box


@pytest.mark.parametrize("language", ["fr", "ar"])
def test_portrait_attract_is_a_poster(fresh, language):
    kiosk = fresh
    attract = kiosk.app.navigator.screen("attract")
    try:
        Window.size = (1080, 1920)
        kiosk.settle()
        attract.step = kiosk.app.content.collection.languages.languages.index(language)
        attract._show_step(fade=False)
        kiosk.settle()
        stage, front = attract.ids.stage, attract.ids.front
        box = attract_picture_box(*Window.size, kiosk.app.theme.pad)
        assert abs(stage.width - box[0]) <= 2 and abs(stage.height - box[1]) <= 2, "attract_picture_box() follows attract.kv"
        assert stage.to_window(*stage.pos)[1] + stage.height >= Window.height - 1, "the picture bleeds off the top"
        assert stage.width >= Window.width - 1, "and off the sides"
        assert stage.height >= Window.height * 0.45, "and takes about half the poster"
        shown = front.norm_image_size
        assert shown[0] >= stage.width - 1 and shown[1] >= stage.height - 1, "the picture covers its stage"
        assert front.texture.width >= shown[0] * 0.9, "decoded for the width it covers, not blurred"
        # the words, top to bottom, and the empty space between them
        picture_foot = stage.to_window(*stage.pos)[1]
        parts = [attract.ids.title, attract.ids.subtitle, attract.ids.cta] if attract.subtitle else \
                [attract.ids.title, attract.ids.cta]
        edges = [picture_foot]
        for part in parts:
            bottom = part.to_window(*part.pos)[1]
            edges += [bottom + part.height, bottom]
        privacy = attract.ids.words.children[0]
        edges += [privacy.to_window(*privacy.pos)[1] + privacy.height]
        gaps = [upper - lower for upper, lower in zip(edges[::2], edges[1::2])]
        assert all(gap >= 0 for gap in gaps), f"nothing overlaps: {gaps}"
        assert gaps[0] < 150, f"the title stands close under the picture (gap {gaps[0]:.0f} px)"
        assert max(gaps[1:-1]) < 150, f"the words hold together: {[round(g) for g in gaps]}"
        assert gaps[-1] < Window.height * 0.2, f"the footnote sits at the foot, no dead band above it ({gaps[-1]:.0f} px)"
    finally:
        Window.size = (1920, 1080)
        kiosk.settle()
