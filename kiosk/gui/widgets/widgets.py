"""Widgets shared by every screen, with their kv rules.

- ``KioskButton``: a big rounded touch target (never under 48 dp; taller when its text wraps), e.g.
  ``KioskButton: text: app.tr._("Back"); background: app.theme.ink; on_release: ...``
- ``TextBlock``: a label that wraps to its width and grows to its text's height; in a
  right-to-left language it is shaped and right-aligned (``kiosk.gui.widgets.arabic_label``).
- ``SecondText``: a text in the visitor's second language, muted, under the same in the first.
- ``QrPanel``: one link as a QR code, with its label and printed address.
- ``Icon``: one Lucide icon by name (``Icon: name: "house"``), mirrored in right-to-left
  layouts when ``mirror: True`` (arrows, chevrons; a trend's arrow is drawn flipped). ``KioskButton``
  takes ``icon: "house"`` to draw an icon before its word (after it, in right-to-left).
"""

from __future__ import annotations

from pathlib import Path

from kivy.app import App
from kivy.clock import Clock
from kivy.lang import Builder
from kivy.properties import (
    AliasProperty, BooleanProperty, ListProperty, NumericProperty, ObjectProperty, StringProperty,
)
from kivy.uix.behaviors import ButtonBehavior
from kivy.uix.boxlayout import BoxLayout
from kivy.core.text import Label as CoreLabel
from kivy.uix.label import Label
from kivy.uix.scrollview import ScrollView

from kiosk.gui.widgets.arabic_label import MEASURED_PROPERTIES, BidiLabel
from kiosk.gui.widgets.lines import reading_units, rest_between, window_scale
from kiosk.icons import flipped, icon, mirrored
from kiosk.render.bidi import has_rtl, shape_line, wrap_and_shape

Builder.load_file(str(Path(__file__).with_name("widgets.kv")))


class PassesTouches:
    """A widget drawn over others that never takes a touch: every touch goes on to what is beneath
    (the "still there?" overlay, which the root closes on any touch; audio guidance's focus ring)."""

    def on_touch_down(self, touch):
        return False

    def on_touch_move(self, touch):
        return False

    def on_touch_up(self, touch):
        return False


def take_back(touch) -> None:
    """A finger held for a gesture (the facilitator's corner, audio guidance's two fingers) presses nothing: what it
    had pressed goes back up without firing."""
    for reference in list(touch.grab_list):
        widget = reference()
        if widget is not None:
            touch.ungrab(widget)
            if hasattr(widget, "_do_release"):
                widget._do_release()


class TextBlock(BidiLabel):
    """Wrapping text that takes the height it needs. Set ``logical_text``; its direction follows its script."""

    role = StringProperty("body")          # body, small, heading, title, button: a size of the theme
    size_factor = NumericProperty(1.0)
    tone = StringProperty("ink")           # ink, muted, accent, white: a colour of the theme
    custom_color = ListProperty([])
    font_override = StringProperty("")
    rich = BooleanProperty(True)           # False: brackets are letters, never Kivy markup

    def on_logical_text(self, _widget, text: str) -> None:
        self.base_direction = "rtl" if has_rtl(text) else "ltr"


class SecondText(TextBlock):
    """A content text in the visitor's second language (two languages at once), under the same text in the first:
    in the muted ink, in its own letters and direction; no height while it has nothing to say.

    ``show(ctx, localized)`` fills it from an exhibit's context (``kiosk.exhibit_types.context``); with one
    language, or no text in the second, it stays empty.
    """

    language = StringProperty("")   # audio guidance reads it in that language's voice (kiosk.gui.guide)

    def show(self, ctx, localized) -> None:
        language = ctx.second_language
        self.language = language
        self.font_override = ctx.theme.font_for(language) if language else ""
        self.logical_text = ctx.second_text(localized) if language and localized else ""


def drawn_height(theme, text: str, width: float, font_size: float, bold: bool = False, role: str = "body",
                 font: str = "") -> float:
    """The height ``text`` will take in a ``TextBlock`` ``width`` wide (in ``font``, when it has one of its own: a
    second language's), measured without laying one out: right-to-left text wrapped and shaped as the BidiLabel
    draws it, lines at the role's leading."""
    rtl = has_rtl(text)
    font = "KioskArabic" if rtl else font or theme.font
    if rtl:   # wrapped and shaped as the BidiLabel will draw it, not as Kivy would wrap it
        measure = CoreLabel(font_name=font, font_size=font_size, bold=bold)
        text = wrap_and_shape(text, width, lambda line: measure.get_extents(line)[0])
    leading = theme.leading(font, role, font_size, text)   # a heading's lines, as its TextBlock draws them
    wrap = {} if rtl else {"text_size": (width, None)}
    label = CoreLabel(text=text, font_name=font, font_size=font_size, bold=bold, line_height=leading, **wrap)
    label.refresh()
    return label.texture.height


class Icon(Label):
    """A Lucide icon (kiosk/icons.py) drawn as a glyph of media/fonts/KioskIcons.ttf."""

    name = StringProperty("")
    mirror = BooleanProperty(False)   # turn round in a right-to-left layout (back, next)
    rtl = BooleanProperty(False)
    side = NumericProperty(0)         # the widget's side (a round button's); 0: the glyph's
    flip = AliasProperty(lambda self: flipped(self.name, self.mirror and self.rtl), bind=("name", "mirror", "rtl"))

    def __init__(self, **kwargs):
        # ink by default, set once rather than bound in widgets.kv: a rule bound to the theme's ink fired again when
        # high contrast changed it, over the colour an instance had set (a white arrow on a black disc went black)
        app = App.get_running_app()
        if "color" not in kwargs and app is not None and getattr(app, "theme", None) is not None:
            kwargs["color"] = list(app.theme.ink)
        super().__init__(**kwargs)

    def glyph(self, name: str, mirror: bool, rtl: bool) -> str:
        return icon(mirrored(name, mirror and rtl)) if name else ""


class KioskButton(ButtonBehavior, Label):
    """``wrap: False`` for a button whose width follows its text (set ``width`` from ``texture_size``).

    ``icon``: a Lucide name drawn before the word (``icon_mirror: True`` for arrows); the
    caption is then laid out as "icon  word" with the icon in the icon font, using markup.
    """

    icon = StringProperty("")
    icon_mirror = BooleanProperty(False)
    icon_end = BooleanProperty(False)      # the icon ends the caption in reading order ("Next →")
    icon_rtl = BooleanProperty(False)      # the layout reads right to left (kv: the theme's)
    facilitator_side = BooleanProperty(False)  # icon_rtl follows the facilitator's language, not the visitor's
    icon_after = BooleanProperty(False)    # the icon is drawn right of the word
    icon_texture = ObjectProperty(None, allownone=True)
    wrap = BooleanProperty(True)
    size_factor = NumericProperty(1.0)
    font_override = StringProperty("")
    background = ListProperty([0.12, 0.10, 0.09, 1])
    foreground = ListProperty([1, 1, 1, 1])
    outline = ListProperty([])
    _shaped = ""
    _logical = ""

    def __init__(self, **kwargs):
        self._trigger_reshape = Clock.create_trigger(lambda _dt: self._shape(self._logical, again=True), -1)
        super().__init__(**kwargs)
        for name in ("width", "padding", "wrap", *MEASURED_PROPERTIES):
            self.fbind(name, self._trigger_reshape)

    def on_text(self, _widget, value: str) -> None:
        """Right-to-left captions are wrapped and shaped just before the next frame.

        Not here: Label hands the value being dispatched to its renderer after this handler
        runs, so a text set from inside ``on_text`` would be overwritten.
        """
        if value != self._shaped:
            self.base_direction = "rtl" if has_rtl(value) else "ltr"
            self._logical = value if self.base_direction == "rtl" else ""
            if self._logical:
                Clock.schedule_once(lambda _dt: self._shape(value), -1)

    def draw_icon(self, name: str, mirror: bool, rtl: bool, size: float):
        """The icon's texture (kv calls this when any of its inputs change)."""
        if not name:
            return None
        label = CoreLabel(text=icon(mirrored(name, mirror and rtl)), font_name="Icons", font_size=size)
        label.refresh()
        return label.texture

    def _shape(self, logical: str, again: bool = False) -> None:
        """Wrap the logical caption into lines that fit, then shape each line: Kivy would wrap the
        shaped (visual-order) text and show a two-line Arabic caption's second half first."""
        if not logical or self.text != (self._shaped if again else logical):
            return
        width = self.width - self.padding[0] - self.padding[2]
        if self.wrap and width > 10:
            measurer = CoreLabel(**{name: getattr(self, name) for name in MEASURED_PROPERTIES})
            shaped = wrap_and_shape(logical, width, lambda line: measurer.get_extents(line)[0])
        else:
            shaped = shape_line(logical)
        if shaped != self.text:
            self._shaped = shaped
            self.text = shaped


class MirrorBox(BoxLayout):
    """A horizontal box whose children run right to left when ``rtl`` is true (kv: ``rtl: app.theme.rtl``).

    Children are declared in reading order; the box reverses them when the language reads right
    to left, and back again, so Back is on the right in Arabic (docs/design.md, "Right to left").
    """

    rtl = BooleanProperty(False)
    _mirrored = False

    def on_rtl(self, *_args) -> None:
        self._apply()

    def on_orientation(self, *_args) -> None:
        self._apply()   # a column keeps its order: only a row runs right to left

    def add_widget(self, widget, *args, **kwargs):
        if self._mirrored:          # keep reading order: a child added later goes at the reading end
            self.children.reverse()
            self._mirrored = False
        super().add_widget(widget, *args, **kwargs)
        self._apply()

    def _apply(self) -> None:
        wanted = self.rtl and self.orientation == "horizontal"
        if wanted != self._mirrored:
            self.children.reverse()
            self._mirrored = wanted
            self._trigger_layout()


class KioskScrollView(ScrollView):
    """A ScrollView whose bar stays, quiet (widgets.kv), instead of fading out.

    Kivy shows the bar on every change of the scroll view's layout and fades it out half a
    second later over half a second: under software GL that is 10-12 more full redraws of the
    screen (40-60 ms each) after every screen opens, taking the processor from the pictures
    still coming in. A bar that stays also tells the visitor that there is more. The fade
    is Kivy's private ``_bind_inactive_bar_color``; this is the one place that knows it.
    """

    whole_lines = BooleanProperty(False)
    """Rest the lower edge between lines, never through one (a half line or half a button at the
    bottom reads as a fault): when the content is taller than the view, the view gives up the
    part of its height that would show a line cut in half (at most :data:`MOST_GIVEN_UP` of it).
    The holder's layout must honour ``size_hint_max_y`` (a BoxLayout or a FloatLayout does)."""
    given_up = NumericProperty(0)       # px of height the view gives up for it, now
    cap_height = BooleanProperty(True)
    """True: the view gives the height up itself, through ``size_hint_max_y`` (the holder puts the room left
    above it). False: its holder takes ``given_up`` off it, e.g. as padding below (the room left under it)."""

    MOST_GIVEN_UP = 0.4

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self._rest = Clock.create_trigger(self._rest_between_lines, 0)   # next frame: the lines laid out
        self.bind(whole_lines=self._rest, height=self._rest, width=self._rest, children=self._watch_content)
        self._watch_content(self, self.children)     # content a kv rule gave it, before these bindings

    def _watch_content(self, _view, children) -> None:
        for child in children:
            child.bind(height=self._uncap)
        self._uncap()

    def _uncap(self, *_args) -> None:
        """The content changed: the view takes its whole room again, then gives up what the new lines ask. (Not on
        its holder's changes: a holder as tall as its content, a panel, changes with the height given up.)"""
        if self.given_up:
            self.given_up = 0
            if self.cap_height:
                self.size_hint_max_y = None
        self._rest()

    def _bind_inactive_bar_color(self, *_args) -> None:
        pass

    def _rest_between_lines(self, *_args) -> None:
        """The view's full height (what it had before giving any up), then what to give up of it so its
        lower edge, with the content at its top, runs between lines (kiosk.gui.widgets.lines)."""
        capped = not self.cap_height or (self.size_hint_max_y is not None and self.height >= self.size_hint_max_y - 1)
        full = self.height + (self.given_up if capped else 0)
        content = self.children[0] if self.children else None
        lift = 0
        if self.whole_lines and content is not None and content.height > full + 1:
            _x, top = content.to_window(content.x, content.top)
            scale = window_scale(content)      # the units are on the window: within reach, drawn smaller
            units = list(reading_units(content))
            lift = rest_between(units, top - full * scale, top) / scale
            if lift > full * self.MOST_GIVEN_UP:
                lift = 0
        if abs(lift - self.given_up) > 0.5:
            self.given_up = lift
            if self.cap_height:
                self.size_hint_max_y = full - lift if lift else None


class TapScrollView(KioskScrollView):
    """A ScrollView whose buttons answer a tap as soon as the finger lifts.

    A ScrollView holds a touch back from its children until it knows the touch is not a
    swipe. When the finger lifts first (a tap), Kivy gives the children the press and then
    waits 0.2 s before the release, so that the pressed look can be seen: under software GL
    that wait was most of the visitor's wait for an exhibit to open (tap_latency.py). Here
    what is tapped lights up under the finger already (``CardRow``), so the release goes
    through at once. For a ScrollView without another one inside it.
    """

    def on_scroll_stop(self, touch, check_children=True):
        ud = touch.ud.get(self._get_uid())
        tap = ud is not None and ud["mode"] == "unknown"
        result = super().on_scroll_stop(touch, check_children)
        if tap and self._get_uid("svavoid") not in touch.ud:
            self._do_touch_up(touch)
        return result

    def _do_touch_up(self, touch, *args) -> None:
        done = self._get_uid("released")
        if touch.ud.get(done):
            return  # released at once already: Kivy's delayed call finds nothing left to do
        touch.ud[done] = True
        super()._do_touch_up(touch, *args)


class Chip(MirrorBox):
    """A small rounded tag: an icon and a word ("Quiz", "Seen"), e.g. on a card's picture."""

    icon = StringProperty("")
    text = StringProperty("")
    shaped = StringProperty("")
    background = ListProperty([1, 1, 1, 0.92])
    foreground = ListProperty([0.12, 0.10, 0.09, 1])

    def on_text(self, _chip, value: str) -> None:
        self.shaped = shape_line(value) if has_rtl(value) else value


class Figure(BoxLayout):
    """A picture with its caption and credit: ``Figure.of(image_ref, view, max_height)``."""

    texture = ObjectProperty(None, allownone=True)
    caption = StringProperty("")
    credit = StringProperty("")
    max_height = NumericProperty(600)

    @classmethod
    def of(cls, image, view, max_height: float, box: tuple[float, float] | None = None) -> "Figure":
        box = box or (max_height * 16 / 9, max_height)
        texture = view.ctx.pictures.texture(view.manifest.image_path(image.file), box)
        return cls(texture=texture, caption=view.text(image.caption), credit=view.text(image.credit),
                   max_height=max_height)


class QrPanel(BoxLayout):
    """``QrPanel(qr_image, label, url, side)``: ``side`` is a whole number of px per module × modules."""

    texture = ObjectProperty(None, allownone=True)
    label = StringProperty("")
    url = StringProperty("")
    side = NumericProperty(0)


class QrStripCard(MirrorBox):
    """A QR card for the strip under an exhibit in portrait: the code beside its label and address
    (the code first in reading order: on the right in a right-to-left language)."""

    proof_card = True
    texture = ObjectProperty(None, allownone=True)
    label = StringProperty("")
    url = StringProperty("")
    side = NumericProperty(0)
    min_height = NumericProperty(0)   # the row's tallest card: cards of a row are equal

    def natural_height(self) -> float:
        theme = App.get_running_app().theme
        return max(self.side, self.ids.words.minimum_height) + theme.pad

    @staticmethod
    def short_url(url: str) -> str:
        """The address as a person types it: no scheme, no "www.", no trailing slash."""
        for prefix in ("https://", "http://"):
            url = url.removeprefix(prefix)
        return url.removeprefix("www.").rstrip("/")
