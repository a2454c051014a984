"""Reading YAML content files safely, keeping the line and column of every value.

Content is data, never code, and a content folder may come from anywhere (a USB stick, an
e-mail). So this module reads YAML with these guarantees:

- only plain data comes out: strings, numbers, booleans, null, lists and mappings. A tag
  that would build another object (``!!python/object``, ``!!binary``, ``!custom``) is an
  error;
- anchors and aliases (``&a``, ``*a``) are refused, which also rules out "billion laughs"
  expansion;
- files over :data:`MAX_FILE_BYTES`, nesting deeper than :data:`MAX_DEPTH` and more than
  :data:`MAX_NODES` values are refused before they can cost time or memory;
- text must be UTF-8 and indentation must use spaces; both errors name the line.

Usage::

    doc = load_document(Path("exhibits/amap/exhibit.yaml"))
    doc.data["title"]            # plain Python data
    doc.mark(("title", "fr"))    # (line, column) of that value, 1-based

Every problem raises :class:`~kiosk.content.findings.ContentError`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from kiosk.content.findings import ContentError

MAX_FILE_BYTES = 1024 * 1024
MAX_DEPTH = 50
MAX_NODES = 200_000

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_YAML = "tag:yaml.org,2002:"
_PLAIN_TAGS = {_YAML + t for t in ("str", "int", "float", "bool", "null", "timestamp", "seq", "map")}
_TAB_INDENT = re.compile(r"^[ ]*\t", re.MULTILINE)

Path_ = tuple  # a path into the data: ("questions", 0, "answers", 1)


@dataclass
class Document:
    """Plain data read from one YAML file, with the position of each key and value."""

    file: Path
    data: Any
    value_marks: dict = field(default_factory=dict)
    key_marks: dict = field(default_factory=dict)

    def mark(self, path: Path_, key: bool = False) -> tuple[int, int]:
        """(line, column) of the value at ``path`` (or of its key), else of its nearest parent."""
        if key and path in self.key_marks:
            return self.key_marks[path]
        while path:
            if path in self.value_marks:
                return self.value_marks[path]
            path = path[:-1]
        return self.value_marks.get((), (1, 1))


def read_text(file: Path, max_bytes: int = MAX_FILE_BYTES) -> str:
    """The UTF-8 text of ``file``, refusing files that are too large or not UTF-8."""
    file = Path(file)
    try:
        size = file.stat().st_size
        if size > max_bytes:
            raise ContentError(file, 0, 0, f"file is too large ({size // 1024} KiB, at most {max_bytes // 1024} KiB)",
                               "split long texts into body.<lang>.md files, or shorten them")
        raw = file.read_bytes()
    except OSError as exc:
        raise ContentError(file, 0, 0, f"cannot read the file: {exc.strerror or exc}") from None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line, column = _position(raw, exc.start)
        raise ContentError(file, line, column, f"the file is not UTF-8 text (byte 0x{raw[exc.start]:02x})",
                           "save it as UTF-8 in your editor (\"Save with encoding\" → UTF-8)") from None


def load_document(file: Path) -> Document:
    """Read and parse one YAML file."""
    return parse_document(read_text(file), file)


def parse_document(text: str, file: Path) -> Document:
    """Parse YAML ``text``; ``file`` is only used in messages."""
    file = Path(file)
    tab = _TAB_INDENT.search(text)
    if tab:
        line = text.count("\n", 0, tab.start()) + 1
        raise ContentError(file, line, tab.end() - tab.start(), "a tab is used for indentation",
                           "YAML indents with spaces only: replace the tab with spaces")
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        raise _syntax_error(file, exc) from None
    except yaml.YAMLError as exc:
        raise ContentError(file, 0, 0, f"not valid YAML: {exc}") from None
    except RecursionError:
        raise ContentError(file, 0, 0, f"the data is nested too deeply (more than {MAX_DEPTH} levels)") from None
    if node is None:
        raise ContentError(file, 1, 1, "the file is empty", "copy a working exhibit.yaml and edit it")
    doc = Document(file, None)
    doc.data = _Builder(doc).build(node)
    return doc


def _syntax_error(file: Path, exc: yaml.MarkedYAMLError) -> ContentError:
    mark = exc.problem_mark or exc.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (0, 0)
    problem = (exc.problem or "").strip()
    hint = "check the indentation and the quotes around this line"
    if "maximum nesting depth" in problem:
        return ContentError(file, line, column, f"the data is nested too deeply (more than {MAX_DEPTH} levels)",
                            "flatten the lists and mappings")
    if "mapping values are not allowed" in problem:
        hint = 'put the text in double quotes when it contains ": "'
    elif "found character" in problem and "cannot start any token" in problem:
        hint = "put the text in double quotes when it starts with a special character"
    elif "expected a single document" in problem or "but found another document" in str(exc):
        hint = "a file holds one document: remove the '---' line"
    elif "could not find expected ':'" in problem:
        hint = "each line inside a mapping needs 'key: value'"
    return ContentError(file, line, column, f"not valid YAML: {problem or exc}", hint)


def _position(raw: bytes, offset: int) -> tuple[int, int]:
    line_start = raw.rfind(b"\n", 0, offset) + 1
    return raw.count(b"\n", 0, offset) + 1, offset - line_start + 1


class _Builder:
    """Turns a composed YAML node graph into plain data, within the limits above."""

    def __init__(self, doc: Document):
        self.doc = doc
        self.seen: set[int] = set()
        self.scalars = yaml.constructor.SafeConstructor()

    def build(self, node, path: Path_ = (), depth: int = 0) -> Any:
        self._check(node, depth)
        self.doc.value_marks[path] = _mark(node)
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, path, depth)
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, path + (i,), depth + 1) for i, item in enumerate(node.value)]
        try:
            return self.scalars.construct_object(node)
        except (ValueError, OverflowError, yaml.constructor.ConstructorError) as exc:
            line, column = _mark(node)
            raise ContentError(self.doc.file, line, column, f"the value '{node.value}' cannot be read ({exc})",
                               "put it in double quotes to keep it as text") from None

    def _check(self, node, depth: int) -> None:
        line, column = _mark(node)
        if id(node) in self.seen:
            raise ContentError(self.doc.file, line, column, "anchors and aliases (&name, *name) are not allowed",
                               "write the value out in full where it is used")
        self.seen.add(id(node))
        if len(self.seen) > MAX_NODES:
            raise ContentError(self.doc.file, line, column, f"the file holds too many values (more than {MAX_NODES})")
        if depth > MAX_DEPTH:
            raise ContentError(self.doc.file, line, column, f"the data is nested too deeply (more than {MAX_DEPTH} levels)")
        if node.tag not in _PLAIN_TAGS:
            raise ContentError(self.doc.file, line, column, f"the tag {_short_tag(node.tag)} is not allowed",
                               "content is plain data: remove the tag (the word starting with '!')")

    def _mapping(self, node, path: Path_, depth: int) -> dict:
        result: dict = {}
        for key_node, value_node in node.value:
            self._check(key_node, depth + 1)
            line, column = _mark(key_node)
            if not isinstance(key_node, yaml.ScalarNode):
                raise ContentError(self.doc.file, line, column, "a key must be a plain word", "")
            key = key_node.value  # keys are always text: `no:` stays "no", not False
            if key in result:
                raise ContentError(self.doc.file, line, column, f"the key '{key}' appears twice in the same mapping",
                                   "keep one of them")
            self.doc.key_marks[path + (key,)] = (line, column)
            result[key] = self.build(value_node, path + (key,), depth + 1)
        return result


def _mark(node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


def _short_tag(tag: str) -> str:
    return "!!" + tag[len(_YAML):] if tag.startswith(_YAML) else tag
