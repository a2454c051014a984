"""The kiosk's local settings: the facilitator's PIN, the mode, the venue, a few overrides.

They belong to this machine, not to the exhibition, so they live in the kiosk's own data
folder (``data_dir() / "settings.json"``), never inside a content folder::

    settings = KioskSettings.load(data_dir())
    settings.mode = "guided"          # ValueError for a mode that does not exist
    settings.path = "alternatives"
    settings.save()                   # written atomically, readable by this account only
    settings.venue                    # "Lyon 2026-11-28", or "" when unknown

A missing file gives the defaults. A file that cannot be read or parsed also gives the
defaults: it is logged and kept aside as ``settings.json.broken``. Keys this version does
not know are kept on save, so an older kiosk does not erase a newer one's settings.
"""

from __future__ import annotations

import json
import logging
import os
from datetime import date
from pathlib import Path
from typing import Any, Callable

from kiosk.files import PRIVATE, write_atomic
from kiosk.folders import data_dir
from kiosk.opening import OpeningHours, OpeningHoursError
from kiosk.visit.access import Mounting

log = logging.getLogger(__name__)

SETTINGS_FILE = "settings.json"
MODES = ("free", "guided", "workshop")
IDLE_TIMEOUT_MIN, IDLE_TIMEOUT_MAX = 30, 900


def _pin_record(name: str, value: Any) -> dict | None:
    if value is not None and not isinstance(value, dict):
        raise ValueError(f"{name} must be a hashed PIN record or null")
    return None if value is None else dict(value)


def _count(name: str, value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ValueError(f"{name} must be a whole number, 0 or more, not {value!r}")
    return value


def _epoch(name: str, value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0:
        raise ValueError(f"{name} must be a time in seconds, 0 or more, not {value!r}")
    return float(value)


def _mode(name: str, value: Any) -> str:
    if value not in MODES:
        raise ValueError(f"{name} must be one of {', '.join(MODES)}, not {value!r}")
    return value


def _optional_id(name: str, value: Any) -> str | None:
    if value is not None and (not isinstance(value, str) or not value.strip()):
        raise ValueError(f"{name} must be a non-empty text or null, not {value!r}")
    return value


def _language(name: str, value: Any) -> str:
    if not isinstance(value, str) or not value.strip() or len(value) > 12:
        raise ValueError(f"{name} must be a language code like 'fr', not {value!r}")
    return value.strip()


def _idle_timeout(name: str, value: Any) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not IDLE_TIMEOUT_MIN <= value <= IDLE_TIMEOUT_MAX:
        raise ValueError(f"{name} must be null (the collection's) or whole seconds from "
                         f"{IDLE_TIMEOUT_MIN} to {IDLE_TIMEOUT_MAX}, not {value!r}")
    return value


def _reach(name: str, value: Any) -> dict | None:
    """None: the defaults (kiosk.visit.access.Mounting); else where the screen hangs, in millimetres."""
    if value is None:
        return None
    Mounting.from_setting(value)        # ValueError names the field and what it should be
    return dict(value)


def _text(name: str, value: Any) -> str:
    if not isinstance(value, str):
        raise ValueError(f"{name} must be a text, not {value!r}")
    return value.strip()


def _iso_date(name: str, value: Any) -> str:
    text = _text(name, value)
    try:
        return date.fromisoformat(text).isoformat() if text else ""
    except ValueError:
        raise ValueError(f"{name} must be a date like 2026-11-28, or empty, not {value!r}") from None


def _opening_hours(name: str, value: Any) -> str | None:
    """None: the exhibition's opening_hours; otherwise an expression of the venue's own ("24/7": always awake)."""
    if value is None:
        return None
    if not isinstance(value, str):
        raise ValueError(f"{name} must be null (the exhibition's) or an opening-hours text, not {value!r}")
    try:
        return OpeningHours.parse(value).expression
    except OpeningHoursError as error:
        raise ValueError(f"{name}: {error}; {error.hint}") from None


def _keys(name: str, value: Any) -> list[str]:
    """Public signing keys, each 'ed25519:…' (kiosk.bundles.signing), once each, in the order they were added."""
    from kiosk.bundles.signing import PublicKey

    if not isinstance(value, list):
        raise ValueError(f"{name} must be a list of public keys, not {value!r}")
    return list(dict.fromkeys(PublicKey.parse(str(key)).text for key in value))


class _Setting:
    """One validated attribute of :class:`KioskSettings`: ``mode = _Setting("free", _mode)``."""

    def __init__(self, default: Any, check: Callable[[str, Any], Any]):
        self.default = default
        self.check = check

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    def __get__(self, settings: KioskSettings | None, owner: type | None = None) -> Any:
        if settings is None:
            return self
        return settings.__dict__.get(self.name, self.default)

    def __set__(self, settings: KioskSettings, value: Any) -> None:
        settings.__dict__[self.name] = self.check(self.name, value)


class KioskSettings:
    pin = _Setting(None, _pin_record)
    failed_tries = _Setting(0, _count)
    locked_until = _Setting(0.0, _epoch)
    mode = _Setting("free", _mode)
    path = _Setting(None, _optional_id)
    default_language = _Setting(None, _optional_id)
    default_second_language = _Setting(None, _optional_id)   # a new visit shows texts in it too (None: one language)
    facilitator_language = _Setting("fr", _language)   # the menu's, not the visitors'
    idle_timeout = _Setting(None, _idle_timeout)
    venue_town = _Setting("", _text)
    venue_date = _Setting("", _iso_date)
    opening_hours = _Setting(None, _opening_hours)   # this venue's, in place of the exhibition's
    reach = _Setting(None, _reach)                  # where the screen hangs: the visitors' "within reach" mode
    trusted_keys = _Setting([], _keys)              # signed bundles only, once there is one (kiosk.bundles.signing)

    FIELDS = ("pin", "failed_tries", "locked_until", "mode", "path", "default_language", "default_second_language",
              "facilitator_language", "idle_timeout", "venue_town", "venue_date", "opening_hours", "reach", "trusted_keys")

    def __init__(self, file: Path):
        self.file = Path(file)
        self.extra: dict[str, Any] = {}  # keys from a newer version, written back untouched

    @classmethod
    def load(cls, folder: Path | None = None) -> KioskSettings:
        """The settings kept in ``folder`` (default: the kiosk's data folder)."""
        settings = cls(Path(folder if folder is not None else data_dir()) / SETTINGS_FILE)
        settings.update(_read_or_set_aside(settings.file))
        return settings

    def update(self, data: dict[str, Any]) -> None:
        """Take the values of ``data``; a bad value is logged and leaves the default."""
        for key, value in data.items():
            if key not in self.FIELDS:
                self.extra[key] = value
                continue
            try:
                setattr(self, key, value)
            except ValueError as exc:
                log.warning("%s: %s; using the default", self.file, exc)

    def to_dict(self) -> dict[str, Any]:
        return {**self.extra, **{name: getattr(self, name) for name in self.FIELDS}}

    def save(self) -> None:
        self.file.parent.mkdir(parents=True, exist_ok=True)
        text = json.dumps(self.to_dict(), indent=2, ensure_ascii=False) + "\n"
        write_atomic(self.file, text, mode=PRIVATE)  # the PIN's hash: for this account's eyes only

    @property
    def mounting(self):
        """Where the screen hangs (kiosk.visit.access.Mounting): the defaults until the installer measures it."""
        return Mounting.from_setting(self.reach)

    @property
    def venue(self) -> str:
        """Where and when the exhibition stands, e.g. "Lyon 2026-11-28" ("" when unknown)."""
        return " ".join(part for part in (self.venue_town, self.venue_date) if part)


def _read_or_set_aside(file: Path) -> dict[str, Any]:
    """The JSON object in ``file``; {} when it is missing, or unreadable (then kept aside)."""
    if not file.exists():
        return {}
    try:
        data = json.loads(file.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:  # ValueError covers bad JSON and bad UTF-8
        return _set_aside(file, f"cannot be read ({exc})")
    if not isinstance(data, dict):
        return _set_aside(file, f"holds a {type(data).__name__}, not an object")
    return data


def _set_aside(file: Path, problem: str) -> dict[str, Any]:
    broken = file.with_name(file.name + ".broken")
    try:
        os.replace(file, broken)
    except OSError as exc:
        log.warning("%s %s; using the default settings (could not keep it aside: %s)", file, problem, exc)
    else:
        log.warning("%s %s; using the default settings, the file is kept as %s", file, problem, broken)
    return {}
