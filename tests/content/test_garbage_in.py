"""Property-based: whatever bytes or values a folder holds, the loader returns a model or findings.

It never raises anything else, and never takes long.
"""

from __future__ import annotations

import string

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kiosk.content.collection import collection_from_dict
from kiosk.content.exhibit import exhibit_from_dict
from kiosk.content.findings import ContentError
from kiosk.content.yamldoc import parse_document
from kiosk.exhibit_types import load_registry

REGISTRY = load_registry(plugins=False)
SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True), st.text(max_size=30),
                    st.sampled_from(["fr", "en", "panel", "quiz", "1844", "1939/1945", "https://a.org", "javascript:x",
                                     "../x.png", "/etc/passwd", "picture.png", "-1", "#8C2F39"]))
keys = st.sampled_from(["schema", "type", "room", "order", "title", "summary", "body", "images", "links", "tags",
                        "questions", "answers", "correct", "explanation", "events", "date", "left", "right", "text",
                        "file", "alt", "credit", "url", "label", "fr", "en", "de", "mode", "sort", "prompt", "x"])
values = st.recursive(scalars, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(keys, inner, max_size=6),
                      max_leaves=30)
yaml_chars = st.text(alphabet=string.printable + "éà€ـع\u200f", max_size=300)


def _judge(text: str, folder) -> None:
    try:
        doc = parse_document(text, folder / "exhibit.yaml")
    except ContentError as exc:
        assert exc.finding.is_error and exc.finding.message
        return
    manifest, findings = exhibit_from_dict(doc, folder, None, REGISTRY)
    assert manifest is not None or any(f.is_error for f in findings)
    collection, findings = collection_from_dict(doc)
    assert collection is not None or any(f.is_error for f in findings)


@SETTINGS
@given(text=yaml_chars)
def test_garbled_text(tmp_path, text):
    _judge(text, tmp_path)


@SETTINGS
@given(data=st.dictionaries(keys, values, max_size=12))
def test_random_field_values(tmp_path, data):
    _judge(yaml.safe_dump(data, allow_unicode=True), tmp_path)


@SETTINGS
@given(data=values, cut=st.integers(min_value=0, max_value=400))
def test_truncated_documents(tmp_path, data, cut):
    text = yaml.safe_dump({"schema": 1, "type": "quiz", "room": "a", "questions": [data]}, allow_unicode=True)
    _judge(text[:cut], tmp_path)


@SETTINGS
@given(exhibit_type=st.sampled_from(sorted(REGISTRY.names())), data=st.dictionaries(keys, values, max_size=8))
def test_random_values_for_each_type(tmp_path, exhibit_type, data):
    base = {"schema": 1, "type": exhibit_type, "room": "origines", "title": "T", "summary": "S", "body": "B"}
    _judge(yaml.safe_dump({**base, **data}, allow_unicode=True), tmp_path)
