"""Kivy applies a kv rule ``<Name>`` to every widget whose class is called Name, from any module.
So each name a rule styles is defined once across the project and its tests: a game's ``<Card>``
once dressed a test's own ``Card`` class and three proof-check tests failed, in the full run only."""

from __future__ import annotations

import re
from collections import Counter

from tests.conftest import PROJECT

RULE = re.compile(r"^<([^>]+)>:", re.MULTILINE)
CLASS = re.compile(r"^\s*class (\w+)\b", re.MULTILINE)


def styled_names() -> dict[str, list[str]]:
    """Each class name a kv rule styles → the kv files declaring it (a dynamic ``Name@Base`` counts as declared)."""
    names: dict[str, list[str]] = {}
    for kv in sorted((PROJECT / "kiosk").rglob("*.kv")):
        for rule in RULE.findall(kv.read_text(encoding="utf-8")):
            for part in rule.split(","):
                name, _, base = part.strip().partition("@")
                names.setdefault(name.strip(), []).append(f"{kv.relative_to(PROJECT)}{'@' if base else ''}")
    return names


def python_classes() -> Counter:
    found = Counter()
    for folder in ("kiosk", "tests", "tools", "benchmarks"):
        for source in (PROJECT / folder).rglob("*.py"):
            found.update(CLASS.findall(source.read_text(encoding="utf-8")))
    return found


def test_every_class_a_kv_rule_styles_is_defined_once():
    classes, clashes = python_classes(), []
    for name, places in styled_names().items():
        dynamic = {place for place in places if place.endswith("@")}
        definitions = classes[name] + len(dynamic)
        if definitions > 1:
            clashes.append(f"{name}: {classes[name]} Python class(es), dynamic in {sorted(dynamic)}")
    assert not clashes, "rename so each styled class has one name of its own:\n" + "\n".join(clashes)
