"""The exhibit type registry: built-in types, plugins, and loud failures for programming mistakes."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

import kiosk.exhibit_types as exhibit_types
from kiosk.exhibit_types import BUILTIN_TYPES, ExhibitType, ExhibitTypeRegistry, RegistryError, load_registry


def test_builtin_types_are_registered():
    registry = load_registry(plugins=False)
    assert registry.names() == tuple(sorted(BUILTIN_TYPES))
    for exhibit_type in registry:
        assert exhibit_type.template.is_file(), exhibit_type.name


def test_duplicate_name_fails_loudly():
    registry = ExhibitTypeRegistry()
    registry.add(ExhibitType("map", (), dict))
    with pytest.raises(RegistryError, match="two exhibit types are named 'map'"):
        registry.add(ExhibitType("map", (), dict))


@pytest.mark.parametrize("name", ["", None, "Map", "a map"])
def test_missing_or_bad_name_fails_loudly(name):
    with pytest.raises(RegistryError, match="no valid name"):
        ExhibitTypeRegistry().add(ExhibitType(name, (), dict))


@dataclass
class FakeEntryPoint:
    name: str
    target: object

    def load(self):
        if isinstance(self.target, Exception):
            raise self.target
        return self.target


def test_broken_plugin_is_disabled_and_the_rest_works(monkeypatch, caplog):
    def register_map(registry):
        registry.add(ExhibitType("map", (), dict))

    points = [FakeEntryPoint("broken", ImportError("no module named shiny")), FakeEntryPoint("map", register_map)]
    monkeypatch.setattr(exhibit_types, "entry_points", lambda group: points if group == "kiosk.exhibit_types" else [])
    registry = load_registry()
    assert "map" in registry and "quiz" in registry
    assert registry.disabled == {"broken": "ImportError: no module named shiny"}
    assert "exhibit type plugin 'broken' failed to load and is disabled" in caplog.text


def test_plugin_reusing_a_builtin_name_stops_start_up(monkeypatch):
    def register_quiz(registry):
        registry.add(ExhibitType("quiz", (), dict))

    monkeypatch.setattr(exhibit_types, "entry_points", lambda group: [FakeEntryPoint("quiz2", register_quiz)])
    with pytest.raises(RegistryError, match="two exhibit types are named 'quiz'"):
        load_registry()
