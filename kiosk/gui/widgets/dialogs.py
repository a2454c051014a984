"""Panels the facilitator menu opens over itself: a widget with a close button, typing a text, choosing a folder.

    open_panel(ModerationPanel(app), "Close")
    confirm(app, "New content", "Install “Expo” version 3?", "Install", on_yes=install)
    ask_text(app, "Town of the venue", "Lyon", 60, on_done=save_town)
    choose_folder(app, on_chosen=export_to)
"""

from __future__ import annotations

from pathlib import Path

from kivy.app import App
from kivy.graphics import Color, Rectangle
from kivy.uix.boxlayout import BoxLayout
from kivy.uix.modalview import ModalView

from kiosk.gui.widgets.keyboard import TextEntry
from kiosk.gui.widgets.widgets import KioskButton, KioskScrollView, TextBlock


def _modal(content, **kwargs) -> ModalView:
    theme = App.get_running_app().theme
    view = ModalView(size_hint=(0.94, 0.94), auto_dismiss=False, background_color=(0.12, 0.10, 0.09, 0.7), **kwargs)
    frame = BoxLayout(orientation="vertical", padding=theme.pad, spacing=theme.pad * 0.5)
    with frame.canvas.before:
        Color(*theme.paper)
        background = Rectangle(pos=frame.pos, size=frame.size)
    frame.bind(pos=lambda w, p: setattr(background, "pos", p), size=lambda w, s: setattr(background, "size", s))
    frame.add_widget(content)
    view.add_widget(frame)
    view.frame = frame
    return view


def _button(text: str, action, plain: bool = False) -> KioskButton:
    theme = App.get_running_app().theme
    button = KioskButton(text=text, background=theme.paper if plain else theme.ink,
                         foreground=theme.ink if plain else [1, 1, 1, 1], outline=theme.ink if plain else [])
    button.bind(on_release=lambda *_: action())
    return button


def open_panel(widget, close_label: str, on_close=None) -> ModalView:
    """``widget`` over the whole screen with a close button under it."""
    box = BoxLayout(orientation="vertical", spacing=App.get_running_app().theme.pad * 0.5)
    box.add_widget(widget)
    view = _modal(box)
    box.add_widget(_button(close_label, view.dismiss))
    if on_close:
        view.bind(on_dismiss=lambda *_: on_close())
    view.open()
    return view


def confirm(app, title: str, text: str, yes_label: str, on_yes) -> ModalView:
    """Ask before doing something that cannot be undone by a tap: ``on_yes()`` only after ``yes_label``."""
    box = BoxLayout(orientation="vertical", spacing=app.theme.pad * 0.5)
    box.add_widget(TextBlock(logical_text=title, role="heading", bold=True))
    scroll = KioskScrollView(do_scroll_x=False)
    scroll.add_widget(TextBlock(logical_text=text, role="body"))
    box.add_widget(scroll)
    row = BoxLayout(size_hint_y=None, height=app.theme.touch, spacing=app.theme.pad * 0.5)
    view = _modal(box)

    def yes():
        view.dismiss()
        on_yes()

    row.add_widget(_button(app.tr._("Cancel"), view.dismiss, plain=True))
    row.add_widget(_button(yes_label, yes))
    box.add_widget(row)
    view.open()
    return view


def ask_text(app, title: str, initial: str, max_length: int, on_done) -> ModalView:
    """Type a short text on the on-screen keyboard; ``on_done(text)`` on OK, nothing on cancel."""
    box = BoxLayout(orientation="vertical", spacing=app.theme.pad * 0.5)
    box.add_widget(TextBlock(logical_text=title, role="heading", bold=True))
    entry = TextEntry(text=initial, max_length=max_length, hint=title)
    box.add_widget(entry)
    view = _modal(box)

    def done(_entry, text):
        view.dismiss()
        on_done(text)

    entry.bind(on_submit=done)
    box.add_widget(_button(app.tr._("Cancel"), view.dismiss, plain=True))
    view.open()
    return view


def choose_folder(app, on_chosen) -> ModalView:
    """Browse folders with big buttons (a stick mounted somewhere unusual) and call ``on_chosen(path)``."""
    box = BoxLayout(orientation="vertical", spacing=app.theme.pad * 0.5)
    box.add_widget(TextBlock(logical_text=app.tr._("Choose the folder to export into"), role="heading", bold=True))
    where = TextBlock(role="body", tone="muted")
    box.add_widget(where)
    scroll = KioskScrollView(do_scroll_x=False)
    folders = BoxLayout(orientation="vertical", size_hint_y=None, spacing=app.theme.pad * 0.3)
    folders.bind(minimum_height=folders.setter("height"))
    scroll.add_widget(folders)
    box.add_widget(scroll)
    row = BoxLayout(size_hint_y=None, height=app.theme.touch, spacing=app.theme.pad * 0.5)
    view = _modal(box)
    current = {"path": Path(_start_folder())}

    def show(path: Path) -> None:
        current["path"] = path
        where.logical_text = str(path)
        folders.clear_widgets()
        if path.parent != path:
            folders.add_widget(_button("..  " + app.tr._("Up one folder"), lambda: show(path.parent), plain=True))
        for child in _subfolders(path):
            folders.add_widget(_button(child.name, lambda child=child: show(child), plain=True))

    def chosen():
        view.dismiss()
        on_chosen(current["path"])

    row.add_widget(_button(app.tr._("Cancel"), view.dismiss, plain=True))
    row.add_widget(_button(app.tr._("Export here"), chosen))
    box.add_widget(row)
    show(current["path"])
    view.open()
    return view


def _subfolders(path: Path) -> list[Path]:
    """The visible sub-folders of ``path``, by name; none when it cannot be read (a stick pulled out)."""
    try:
        return sorted((p for p in path.iterdir() if p.is_dir() and not p.name.startswith(".")), key=lambda p: p.name.lower())
    except OSError:
        return []


def _start_folder() -> str:
    for candidate in (Path("/media"), Path("/run/media"), Path("/mnt"), Path.home()):
        if candidate.is_dir() and _subfolders(candidate):
            return str(candidate)
    return str(Path.cwd())

