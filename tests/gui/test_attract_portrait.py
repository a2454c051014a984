"""The attract loop on a portrait screen is a poster: the picture across the top, the words right under it."""

from __future__ import annotations

from kivy.core.window import Window

from kiosk.gui.screens.attract import attract_picture_box


def test_portrait_attract_is_a_poster(fresh):
    kiosk = fresh
    attract = kiosk.app.navigator.screen("attract")
    try:
        Window.size = (1080, 1920)
        kiosk.settle()
        stage, front = attract.ids.stage, attract.ids.front
        box = attract_picture_box(*Window.size, kiosk.app.theme.pad)
        assert abs(stage.width - box[0]) <= 2 and abs(stage.height - box[1]) <= 2, "attract_picture_box() follows attract.kv"
        assert stage.to_window(*stage.pos)[1] + stage.height >= Window.height - 1, "the picture bleeds off the top"
        assert stage.width >= Window.width - 1, "and off the sides"
        shown = front.norm_image_size
        assert shown[0] >= stage.width - 1 and shown[1] >= stage.height - 1, "the picture covers its stage"
        assert front.texture.width >= stage.width * 0.99, "decoded for the width it covers, not blurred"
        words = attract.ids.prompt.parent
        icon = next(w for w in words.children if getattr(w, "name", "") == "pointer")
        privacy, prompt = words.children[0], attract.ids.prompt
        gap = stage.to_window(*stage.pos)[1] - (icon.to_window(*icon.pos)[1] + icon.height)
        assert 0 < gap < Window.height * 0.15, f"the words stand close under the picture (gap {gap:.0f} px)"
        below = prompt.to_window(*prompt.pos)[1] - (privacy.to_window(*privacy.pos)[1] + privacy.height)
        assert gap < below, "nearer the picture than the bottom line"
    finally:
        Window.size = (1920, 1080)
        kiosk.settle()
