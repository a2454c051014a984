"""The facilitator's logic without a window: a fake kiosk, recorded screens and a manual clock."""

from __future__ import annotations

import shutil
from pathlib import Path
from types import SimpleNamespace

import pytest

from kiosk.bundles import build_bundle, live_info
from kiosk.content.live import LiveContent
from kiosk.content.loader import load_content
from kiosk.events import EventBus, LanguageChosen, VisitEnded, VisitStarted
from kiosk.facilitator.access import EXIT_CONFIRM_SECONDS
from kiosk.facilitator.controller import Facilitator
from kiosk.facilitator.export import Drive, ExportError
from kiosk.facilitator.host import ManualClock
from kiosk.facilitator.pin import PinGuard
from kiosk.facilitator.settings import KioskSettings
from kiosk.facilitator.sticks import BUNDLE_FOLDER, StickBundle
from kiosk.records import RecordStore
from kiosk.visit.idle import IdleWatcher
from kiosk.visit.session import VisitorSession
from tests.conftest import PROJECT, ROOTS


class Screens:
    """Records what the facilitator's logic asks of the screen."""

    def __init__(self):
        self.calls, self.notices, self.confirmations = [], [], []

    def __getattr__(self, name):
        return lambda *args: self.calls.append((name, *args))

    def notice(self, text):
        self.notices.append(text)

    def confirm(self, title, text, yes_label, on_yes):
        self.confirmations.append((title, text, yes_label, on_yes))


class FakeKiosk(SimpleNamespace):
    """The visitor speaks ``language`` with ``visitor_words``; the facilitator's menu ``words``."""

    def gettext(self, text):
        return self.visitor_words.get(text, text)

    def text(self, localized):
        return localized.get(self.language, ["fr"])

    def facilitator_gettext(self, text):
        return self.words.get(text, text)

    def facilitator_text(self, localized):
        return localized.get("fr", ["fr"])

    def apply_settings(self):
        self.applied += 1

    def replace_content(self, content):
        self.content = content


@pytest.fixture
def kiosk(tmp_path):
    site = tmp_path / "site"
    shutil.copytree(PROJECT / "exhibits", site / "exhibits")
    settings = KioskSettings.load(tmp_path / "data")
    events, seen = EventBus(), []
    for kind in (VisitStarted, VisitEnded, LanguageChosen):
        events.subscribe(kind, seen.append)
    fake = FakeKiosk(content=load_content(site / "exhibits"), settings=settings, records=RecordStore(tmp_path / "r.db"),
                     events=events, seen=seen, idle=IdleWatcher(90, 10), session=VisitorSession("fr"),
                     live=LiveContent(site / "exhibits"), pin_guard=PinGuard(settings), language="fr", venue="Lille",
                     faulty={}, applied=0, words={}, visitor_words={}, stats=None)
    yield fake
    fake.records.close()


@pytest.fixture
def parts(kiosk):
    screens, clock = Screens(), ManualClock()
    return Facilitator(kiosk, screens, clock), screens, clock


def test_the_gesture_opens_the_pin_pad_or_the_menu(parts, kiosk):
    facilitator, screens, _clock = parts
    facilitator.access.open_entry()
    assert screens.calls == [("show_bar", False), ("show_menu",)]  # no PIN yet: straight in
    screens.calls.clear()
    kiosk.pin_guard.set_pin("2468")
    facilitator.access.open_entry()
    [(name, on_success)] = screens.calls
    assert name == "open_pin_pad" and on_success == facilitator.access.open_menu


def test_exit_needs_a_second_tap_within_the_delay(parts):
    facilitator, screens, clock = parts
    facilitator.access.ask_exit()
    assert screens.notices == ["Tap “Exit the kiosk” again to close the kiosk."] and ("quit",) not in screens.calls
    clock.advance(EXIT_CONFIRM_SECONDS + 0.1)
    facilitator.access.ask_exit()  # too late: armed again, not quit
    assert ("quit",) not in screens.calls
    clock.advance(1)
    facilitator.access.ask_exit()
    assert ("quit",) in screens.calls


def test_a_guided_tour_step_by_step(parts, kiosk):
    facilitator, screens, clock = parts
    guided = facilitator.guided
    guided.start("visite-guidee")
    assert guided.running and kiosk.idle.paused and guided.group.active
    assert kiosk.settings.mode == "guided" and kiosk.settings.path == "visite-guidee"
    assert kiosk.seen == [VisitEnded(), VisitStarted(), LanguageChosen("fr")]  # the group counts as one visit
    first = guided.session.step.exhibit
    assert ("show_to_group", first) in screens.calls
    minutes = guided.session.step.minutes
    clock.advance(minutes * 60 + 30)
    assert guided.remaining() == pytest.approx(-30)  # overtime shows, nothing else happens
    guided.next_step()
    assert guided.session.index == 1 and guided.remaining() == pytest.approx(guided.session.step.minutes * 60)
    guided.previous_step()
    guided.previous_step()  # already at the first step: no change
    assert guided.session.index == 0
    guided.stop()
    assert not guided.running and not kiosk.idle.paused and not guided.group.active
    assert kiosk.settings.path is None and kiosk.seen[-1] == VisitEnded()
    log = [(row.event, row.detail) for row in kiosk.records.log_entries("Lille")]
    assert ("path started", "visite-guidee") in log and log[-2:] == [("path ended", "visite-guidee"), ("setting", "path=")]


def test_poll_results_wait_for_the_facilitator(parts, kiosk):
    facilitator, screens, _clock = parts
    facilitator.guided.start("visite-guidee")
    kiosk.session.exhibit_id = "alternatives-sondage"
    assert facilitator.guided.current_poll() == "alternatives-sondage"
    facilitator.guided.reveal_results()
    assert facilitator.guided.group.is_revealed("alternatives-sondage") and ("refresh_exhibit",) in screens.calls
    facilitator.guided.reveal_results(False)
    assert not facilitator.guided.group.is_revealed("alternatives-sondage")
    kiosk.session.exhibit_id = "origines-enclosures"
    assert facilitator.guided.current_poll() is None


def test_a_tour_is_taken_up_after_a_restart(kiosk):
    kiosk.settings.mode, kiosk.settings.path = "workshop", "atelier-monnaies-locales"
    facilitator = Facilitator(kiosk, Screens(), ManualClock())
    facilitator.start()
    assert facilitator.guided.session.path.id == "atelier-monnaies-locales"


def test_the_menus_answers_speak_the_facilitators_language_not_the_visitors(parts, kiosk):
    facilitator = parts[0]
    kiosk.language, kiosk.visitor_words["Not changed: {reason}"] = "ar", "لم يتغير: {reason}"
    kiosk.words["Not changed: {reason}"] = "Pas changé : {reason}"
    assert facilitator.settings_editor.change(venue_date="12 mars").startswith("Pas changé : ")
    assert facilitator.settings_editor.change(facilitator_language="ar") is None
    assert KioskSettings.load(kiosk.settings.file.parent).facilitator_language == "ar"   # kept with the settings


def test_a_bad_venue_date_is_refused_with_a_message(parts, kiosk):
    facilitator = parts[0]
    kiosk.words["Not changed: {reason}"] = "Pas changé : {reason}"
    answer = facilitator.settings_editor.change(venue_town="Lille", venue_date="12 mars")
    assert answer.startswith("Pas changé : venue_date must be a date like 2026-11-28")
    assert kiosk.settings.venue_town == "" and kiosk.settings.venue_date == "" and kiosk.applied == 0
    assert facilitator.settings_editor.change(venue_town="Lille", venue_date="2027-03-12") is None
    assert KioskSettings.load(Path(kiosk.settings.file).parent).venue == "Lille 2027-03-12" and kiosk.applied == 1


def test_reload_keeps_the_content_when_it_cannot_be_read(parts, kiosk):
    facilitator = parts[0]
    before = kiosk.content
    (kiosk.live.source / "collection.yaml").write_text("rooms: [\n")
    answer = facilitator.content.reload_content()
    assert answer.startswith("The content could not be read; the previous content is kept.")
    assert kiosk.content is before


def test_problems_list_skipped_and_faulty_exhibits(parts, kiosk):
    facilitator = parts[0]
    kiosk.faulty["origines-quiz"] = "ValueError: bad"
    kiosk.words["failed while shown"] = "a planté"
    assert "origines-quiz: a planté (ValueError: bad)" in facilitator.content.problems()


def test_a_bundle_from_a_stick_is_installed_in_the_background(parts, kiosk, tmp_path):
    facilitator, screens, clock = parts
    zip_path = tmp_path / "STICK" / BUNDLE_FOLDER / "expo.zip"
    zip_path.parent.mkdir(parents=True)
    build_bundle(ROOTS / "base", zip_path, version="printemps")
    from kiosk.bundles import read_bundle_info
    found = StickBundle(zip_path, "STICK", read_bundle_info(zip_path))
    facilitator.content.confirm_install(found)
    [(title, text, _yes, on_yes)] = screens.confirmations
    assert "version printemps" in text and title == "New content"
    on_yes()
    while facilitator.content.installing is not None:
        clock.advance(0.5)
    assert live_info(kiosk.live.source).version == "printemps"
    assert screens.notices[-1].startswith("Installed: “Exposition de test”, version printemps")


def test_a_damaged_bundle_is_refused_in_the_menus_language(parts, kiosk, tmp_path):
    facilitator, screens, clock = parts
    zip_path = tmp_path / "expo.zip"
    build_bundle(ROOTS / "base", zip_path, version="2")
    from kiosk.bundles import read_bundle_info
    info = read_bundle_info(zip_path)
    zip_path.write_bytes(zip_path.read_bytes()[:2000])
    kiosk.words["This bundle is damaged or was not copied completely: copy it to the stick again."] = "Paquet abîmé."
    facilitator.content.install(StickBundle(zip_path, "STICK", info))
    while facilitator.content.installing is not None:
        clock.advance(0.5)
    assert screens.notices[-1].startswith("Not installed; the content live now is unchanged. Paquet abîmé.")
    assert live_info(kiosk.live.source) is None


def test_export_errors_come_in_the_menus_language(parts, kiosk, tmp_path, monkeypatch):
    facilitator = parts[0]
    kiosk.stats = SimpleNamespace(flush=lambda timeout: None, path=tmp_path / "stats.db")

    def full(data, folder):
        raise ExportError("full", {"needed": 2_500_000, "free": 1_000})

    monkeypatch.setattr("kiosk.facilitator.export.export_session", full)
    kiosk.words["The USB stick is full: this export needs {needed} but only {free} is free. Make room on it or "
                "use another stick. Nothing was lost on the kiosk."] = "La clé est pleine : il faut {needed}, {free} libres."
    assert facilitator.export.export(tmp_path) == "La clé est pleine : il faut 2,5\u202fMo, 1,0\u202fko libres."   # French units


def test_no_stick_is_no_list(parts, monkeypatch):
    facilitator = parts[0]

    def unreadable(**_kwargs):
        raise OSError("no /proc/mounts here")

    monkeypatch.setattr("kiosk.facilitator.export.removable_drives", unreadable)
    assert facilitator.export.drives() == [] and facilitator.content.stick_bundles() == []
    monkeypatch.setattr("kiosk.facilitator.export.removable_drives",
                        lambda **_kwargs: [Drive(Path("/nowhere"), "STICK", 0, 0)])
    assert facilitator.content.stick_bundles() == []


def test_reading_the_wall(parts, kiosk):
    wall = parts[0].wall
    records = kiosk.records
    first = records.add_idea("alternatives-mur", "Une recyclerie", ["alimentation"], venue="Lille")
    second = records.add_idea("alternatives-mur", "Un café associatif", [], venue="Lille")
    records.add_idea("alternatives-mur", "Ailleurs", [], venue="Lyon")          # another venue
    records.add_idea("ancien-mur", "Un mur qui n'est plus montré", [], venue="Lille")  # not in the content
    assert wall.counts() == {"pending": 2, "approved": 0, "hidden": 0}
    [idea] = [i for i in wall.ideas("pending") if i.id == first]
    assert wall.decisions(idea) == ["approved", "hidden"]
    assert wall.moderate(first, "approved") and wall.moderate(second, "hidden")
    assert wall.counts() == {"pending": 0, "approved": 1, "hidden": 1}
    [shown] = wall.ideas("approved")
    assert shown.text == "Une recyclerie" and wall.decisions(shown) == ["hidden"]
    assert not wall.moderate(9999, "approved")  # no such idea: refused, logged, nothing changes
    assert wall.counts() == {"pending": 0, "approved": 1, "hidden": 1}
