"""Where a reader's pages end, as a visitor sees them: at a sentence's end, or with a "Read on →" cue."""

from __future__ import annotations

import pytest
from kivy.core.window import Window
from kivy.uix.label import Label

from kiosk.gui.widgets.reader import PagedReader
from kiosk.gui.widgets.widgets import TextBlock
from kiosk.render.pages import ends_sentence
from tests.gui.test_reading_views import _walk, sized  # noqa: F401  (a fixture)
from tests.gui.test_visitor_flow import open_exhibit, start_visit

SIZES = [(1920, 1080), (1280, 800), (1080, 1920)]
PANEL, COMPARE = "origines-enclosures", "origines-trois-economies"


def shown_readers(view) -> list[PagedReader]:
    return [w for w in _walk(view) if isinstance(w, PagedReader) and w.get_root_window() and w._slots]


def last_line_shown(reader: PagedReader) -> tuple[str, bool] | None:
    """The text of the last line the page shows and its direction; None when the page ends a block."""
    number = min(len(reader.pages), (int(reader.page) + 1) * reader.columns) - 1
    end = reader.pages[number][1]
    flow, top = reader._slots[0].flow, 0.0
    for block in reversed(flow.children):
        if abs(top + block.height - end) < 1 or abs(top - end) < 1:
            return None
        if isinstance(block, Label) and block._label is not None:
            y = top + block.padding[1]
            for line in block._label._cached_lines:
                y += line.h
                if abs(y - end) < 0.5:
                    return "".join(word.text for word in line.words), getattr(block, "is_rtl", False)
        top += block.height + flow.spacing
    raise AssertionError(f"no line ends at {end}")


def check_every_page(kiosk, reader: PagedReader) -> int:
    """Walks the reader's pages; a page that does not end a sentence shows "Read on →". Counts those."""
    mid_sentence = 0
    for page in range(int(reader.page_count)):
        reader.page = page
        kiosk.settle()
        last = page == reader.page_count - 1
        shown = last_line_shown(reader)
        ends = last or shown is None or ends_sentence(*shown)
        more, arrow = reader.ids.more, reader.ids.next
        fades = [slot.fade.size[1] for slot in reader._slots if slot.fade_colour.a]
        if ends:
            assert not reader.continued and more.opacity == 0 and more.disabled, (page, shown)
            assert not fades, "a page that ends a sentence does not fade"
        else:
            theme = kiosk.app.theme
            assert len(fades) == 1 and theme.line_height(reader.font_size) * 0.8 <= fades[0] <= theme.line_height(
                reader.font_size) * 1.6, f"the last line fades, and it only: {fades}"
            mid_sentence += 1
            assert reader.continued, (page, shown)
            assert more.opacity == 1 and not more.disabled and arrow.opacity == 0
            assert more.text and more.icon == "arrow-right"
            x, y = more.to_window(*more.pos)
            assert 0 <= x and x + more.width <= Window.width and 0 <= y and y + more.height <= Window.height
            left, _ = reader.to_window(*reader.pos)
            assert left - 1 <= x and x + more.width <= left + reader.width + 1, "the button stays in its column"
            assert more.height >= kiosk.app.theme.touch
    return mid_sentence


@pytest.mark.parametrize("sized", SIZES, indirect=True, ids=["1920", "1280", "portrait"])
@pytest.mark.parametrize("language", ["Français", "العربية"])
@pytest.mark.parametrize("exhibit", [PANEL, COMPARE])
def test_a_page_ends_a_sentence_or_says_it_continues(sized, language, exhibit):
    kiosk = sized
    start_visit(kiosk, language)
    view = open_exhibit(kiosk, exhibit)
    for reader in shown_readers(view):
        check_every_page(kiosk, reader)
        reader.page = 0
        kiosk.settle()


LONG_SENTENCE = {
    "fr": ("Pour l'économiste Karl Polanyi, les marchés ont existé presque partout, " * 6).strip(", ") + ".",
    "ar": ("يرى الاقتصادي كارل بولاني أن الأسواق وجدت في كل مكان تقريبا، " * 6).strip("، ") + ".",
}


@pytest.fixture
def lone_reader(fresh, request):
    """A reader on its own in the window, 600 px wide and 5 lines high, holding one long sentence."""
    kiosk = fresh
    start_visit(kiosk, request.param)
    language = "ar" if request.param == "العربية" else "fr"
    theme = kiosk.app.theme
    reader = PagedReader(size_hint=(None, None), width=600, pos=(100, 100), max_columns=1)
    reader.height = theme.line_height(theme.body) * 5 + reader.ids.control.height + reader.spacing
    reader.set_content(lambda _w, _h: [TextBlock(logical_text=LONG_SENTENCE[language])], LONG_SENTENCE[language])
    Window.add_widget(reader)
    kiosk.settle()
    yield reader
    Window.remove_widget(reader)


@pytest.mark.parametrize("lone_reader", ["Français", "العربية"], indirect=True)
def test_a_page_cut_inside_a_sentence_shows_continued_and_it_turns_the_page(fresh, lone_reader):
    kiosk, reader = fresh, lone_reader
    assert reader.page_count >= 2 and reader.page == 0
    assert check_every_page(kiosk, reader) == reader.page_count - 1
    reader.page = 0
    kiosk.settle()
    more, previous = reader.ids.more, reader.ids.previous
    if reader.rtl:
        assert more.icon_after is False and more.icon_mirror, "its arrow ends the words, at their left, pointing left"
        assert more.to_window(*more.pos)[0] < previous.to_window(*previous.pos)[0], "next is on the left"
    else:
        assert more.icon_after is True and more.x > previous.x
    kiosk.tap(more)
    assert reader.page == 1
