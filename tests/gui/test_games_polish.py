"""The two games as a design review read them: each way of deciding says what it costs, the role-play ends on a
line drawn from its own game, trend arrows run the reading way, and in portrait the main action waits at the bottom."""

from __future__ import annotations

import pytest
from kivy.core.window import Window

from kiosk.exhibit_types.commons.view import STEPS as VALLEY_STEPS
from kiosk.exhibit_types.commons.view import ResourceBand
from kiosk.exhibit_types.roleplay.play import STEPS as ROLEPLAY_STEPS
from kiosk.exhibit_types.roleplay.view_widgets import RoleplayNote, RoleplayTally
from kiosk.gui.widgets.widgets import Chip, Icon, TextBlock
from tests.gui.test_reading_views import sized  # noqa: F401 (a fixture)
from tests.gui.test_visitor_flow import open_exhibit, start_visit

ROLEPLAY, VALLEY = "alternatives-epicerie-cooperative", "alternatives-vallee-partagee"
LANGUAGES = ("Français", "English", "العربية")


def visit(kiosk, exhibit: str, language: str):
    """A new visitor's game in ``language``."""
    kiosk.app.idle.reset_now()
    kiosk.settle()
    start_visit(kiosk, language)
    return open_exhibit(kiosk, exhibit)


def at_step(kiosk, exhibit: str, language: str, step: str, steps=ROLEPLAY_STEPS, view=None):
    """The game (a new visitor's, unless ``view`` is given) at the tools' sample ``step``."""
    view = view or visit(kiosk, exhibit, language)
    view.show_step(steps.index(step))
    kiosk.settle()
    return view


def in_window(widget) -> tuple[float, float]:
    """The widget's bottom and top on the screen."""
    bottom = widget.to_window(widget.x, widget.y)[1]
    return bottom, bottom + widget.height


@pytest.mark.parametrize("sized", [(1920, 1080), (1280, 800), (1080, 1920)], indirect=True,
                         ids=["1920", "1280", "portrait"])
def test_each_way_of_deciding_says_what_it_costs_on_one_line(sized):
    kiosk = sized
    for language in LANGUAGES:
        view = at_step(kiosk, ROLEPLAY, language, "mode")
        assert len(view.choices) == 5
        for choice, mode in zip(view.choices, ("majority", "consent", "consensus", "election", "lots")):
            cost = next(w for w in kiosk.widgets(choice) if isinstance(w, RoleplayNote) and w.icon == "scale")
            assert cost.text == view.mode_cost(mode) and cost.text != view.mode_text(mode)
            block = next(w for w in kiosk.widgets(cost) if isinstance(w, TextBlock) and w.logical_text == cost.text)
            assert len(block._label._cached_lines) == 1, f"{language} {Window.size}: {cost.text!r} fits one line"
            top = in_window(choice)[1]
            assert in_window(block)[0] >= in_window(choice)[0] and in_window(block)[1] <= top, "inside its row"


def test_the_end_closes_on_a_line_drawn_from_the_game(fresh):
    kiosk = fresh
    view = at_step(kiosk, ROLEPLAY, "Français", "end")
    tr, game = view.tr, view.session.game

    def verdict() -> str:
        notes = [w for w in kiosk.widgets(view) if isinstance(w, RoleplayNote)
                 and (tr("Everybody was heard.") in w.text or tr("Not everybody was heard.") in w.text)]
        assert len(notes) == 1, "one closing line"
        return notes[0].text

    closing = verdict()        # the sample game: one player never spoke, trust fell
    assert closing.endswith(tr("Not everybody was heard."))
    moved = game.verdict()
    assert moved["indicator"] is not None and view.indicator_name(moved["indicator"]) in closing
    assert f"{moved['start']}" in closing and f"{moved['end']}" in closing
    for entry in view.state["log"]:           # the same decisions, with everybody heard this time
        entry["spoke"] = list(range(view.session.players))
    view.session._replayed = None             # the log was rewritten in place: replay it
    view.refresh()
    kiosk.settle()
    again = view.session.game.verdict()
    assert again["heard"] and verdict().endswith(tr("Everybody was heard.")), "the line follows the game"
    if again["indicator"] != moved["indicator"] or again["end"] != moved["end"]:
        assert verdict().split(".")[0] != closing.split(".")[0]


def slant(icon: Icon) -> float:
    """Which way the glyph's strokes lean: > 0 when they rise to the right (as drawn, after any flip)."""
    image = icon.export_as_image()
    width, height = image.texture.size
    pixels = image.texture.pixels
    points = [(x, y, pixels[(y * width + x) * 4 + 3]) for y in range(height) for x in range(width)
              if pixels[(y * width + x) * 4 + 3] > 64]
    mass = sum(a for *_, a in points)
    mx, my = sum(x * a for x, _, a in points) / mass, sum(y * a for _, y, a in points) / mass
    return sum((x - mx) * (y - my) * a for x, y, a in points)


def test_trend_arrows_in_chips_and_bands_run_the_reading_way(fresh):
    kiosk = fresh
    slants = {}
    for language in ("Français", "العربية"):
        view = at_step(kiosk, ROLEPLAY, language, "outcome")
        rtl = view.ctx.theme.rtl
        chips = [w for w in kiosk.widgets(view) if isinstance(w, Chip) and w.icon.startswith("trending")]
        assert chips, "the outcome shows how the indicators moved"
        chip = chips[0]
        icon = next(w for w in chip.children if isinstance(w, Icon))
        words = next(w for w in chip.children if w is not icon)
        assert (icon.center_x > words.center_x) == rtl, "the arrow starts the chip, on the reading side"
        assert icon.flip == rtl
        slants[language] = (chip.icon, slant(icon))
        valley = at_step(kiosk, VALLEY, language, "result", steps=VALLEY_STEPS)
        trends = [next(w for w in kiosk.widgets(band) if isinstance(w, Icon) and w.name == band.trend)
                  for band in kiosk.widgets(valley) if isinstance(band, ResourceBand) and band.trend]
        assert trends and all(t.flip == rtl for t in trends), "the valley's trends turn round too"
    (name, ltr), (same, rtl) = slants["Français"], slants["العربية"]
    assert name == same and ltr * rtl < 0, "the Arabic arrow is the French one seen in a mirror"


@pytest.mark.parametrize("sized", [(1080, 1920)], indirect=True, ids=["portrait"])
@pytest.mark.parametrize("exhibit, steps", [(ROLEPLAY, ROLEPLAY_STEPS), (VALLEY, VALLEY_STEPS)],
                         ids=["roleplay", "valley"])
def test_in_portrait_each_games_main_action_waits_at_the_bottom(sized, exhibit, steps):
    kiosk, checked = sized, 0
    for language in ("Français", "العربية"):
        view = visit(kiosk, exhibit, language)
        for step in steps:
            at_step(kiosk, exhibit, language, step, steps=steps, view=view)
            scroll = view.ids.panel_scroll
            if view.action is None or scroll.do_scroll_y or not any(w is view.action for w in kiosk.widgets(scroll)):
                continue            # a choice to touch, a long page that scrolls, or the action beside the panel
            room, action = in_window(scroll), in_window(view.action)
            assert room[0] - 0.5 <= action[0] <= room[0] + view.ctx.theme.touch, \
                f"{exhibit} {step} in {language}: the action at the bottom ({action} in {room})"
            checked += 1
    assert checked >= len(steps), "most steps have their action in the panel"


def test_in_landscape_the_action_stays_under_the_content(fresh):
    kiosk = fresh
    view = at_step(kiosk, ROLEPLAY, "Français", "spoke")
    panel = view.ids.panel
    assert panel.children[1] is view.action, "the room left lies under the action, not above it"


@pytest.mark.parametrize("sized", [(1280, 800), (1920, 1080)], indirect=True, ids=["1280", "1920"])
def test_each_games_end_shows_whole_in_landscape(sized):
    """The ends are the games' fullest screens: at 1280×800 in Arabic the role-play's results ran above the
    top bar and its "Talk about it" was cut by the scroll, and the valley's replay rose under the top bar."""
    from kiosk.gui.curator.proof_checks import screen_problems

    kiosk = sized
    for language in LANGUAGES:
        for exhibit, steps in ((ROLEPLAY, ROLEPLAY_STEPS), ("espoirs-assemblee-regie", ROLEPLAY_STEPS),
                               (VALLEY, VALLEY_STEPS)):
            view = at_step(kiosk, exhibit, language, "end", steps=steps)
            problems = screen_problems(kiosk.app.navigator.screen("exhibit"), kiosk.app.pictures)
            assert problems == [], f"{exhibit} in {language} at {Window.size}: {problems}"
            column = view.ids.panel_column
            assert in_window(view.action)[0] >= in_window(column)[0] - 0.5 and \
                in_window(view.action)[1] <= in_window(column)[1] + 0.5, "the way on in sight, whole"
            if exhibit != VALLEY and language == "العربية":     # its headers are short: the table fits beside
                tally = [w for w in kiosk.widgets(view.ids.side) if isinstance(w, RoleplayTally)]
                assert tally, f"{exhibit} in {language} at {Window.size}: what each way produced, as a table"


def test_a_role_play_end_too_long_for_its_panel_keeps_its_way_on_in_sight(fresh):
    """When the report must scroll (a long scenario, a small screen), "Talk about it" stands under it, whole."""
    from kivy.uix.widget import Widget

    kiosk = fresh
    view = at_step(kiosk, ROLEPLAY, "Français", "end")
    assert view.action.parent is not view.ids.pinned.__self__, "it fits: the way on closes the report"
    view.ids.panel.add_widget(Widget(size_hint_y=None, height=Window.height), index=len(view.ids.panel.children))
    kiosk.settle()
    assert view.ids.panel_scroll.do_scroll_y, "the report now scrolls"
    assert view.action.parent is view.ids.pinned.__self__
    column, action = in_window(view.ids.panel_column), in_window(view.action)
    assert column[0] - 0.5 <= action[0] and action[1] <= in_window(view.ids.panel_scroll)[0] + 0.5, \
        "under the scroll view, whole"
    view.refresh()
    kiosk.settle()
    assert view.action.parent is not view.ids.pinned.__self__ and not view.ids.pinned.children, "a new screen starts over"


@pytest.mark.parametrize("sized", [(1080, 1920)], indirect=True, ids=["portrait"])
def test_a_long_web_address_under_a_qr_code_is_set_smaller_not_cut(sized):
    """'associations-citoyennes.net' was drawn 'associations-citoyennes.…' in portrait: an address cut
    cannot be typed. It is now set smaller, down to 75 %, then broken before its last dot, and drawn whole."""
    from kiosk.gui.widgets.widgets import QrStripCard

    kiosk = sized
    start_visit(kiosk, "English")
    open_exhibit(kiosk, "limites-pib-bien-etre")
    kiosk.settle()
    cards = [w for w in kiosk.widgets(kiosk.app.navigator.screen("exhibit")) if isinstance(w, QrStripCard)]
    assert cards, "the exhibit's QR codes"
    smaller = 0
    for card in cards:
        address = card.short_url(card.url)
        label = next(w for w in kiosk.widgets(card) if getattr(w, "text", "").replace("\n", "") == address)
        drawn = "".join(word.text for line in label._label._cached_lines for word in line.words)
        assert drawn == address, f"{address!r} drawn as {drawn!r} {label.width} {label.font_size} {label.texture_size} {label.text_size}"
        assert label.texture_size[0] <= label.width + 1, "within its column"
        smaller += label.font_size < kiosk.app.theme.small * 0.85 - 0.1
    assert smaller, "the long one was set smaller"
