"""What the validator says about content: findings, and the one error type.

A :class:`Finding` names a file, a line and a column (1-based, 0 when unknown), a
severity, a message and a hint. It prints the way compilers do, so that editors can jump
to it::

    exhibits/origines-quiz/exhibit.yaml:12:7: error: answer 5 does not exist (this question has 3 answers)

:class:`ContentError` carries one finding; it is raised where reading a file cannot go on
(bad bytes, broken YAML) and turned into a finding by the loader. :class:`LoadResult` is what
reading one exhibit folder or one path file gave: the checked item, or None, and its findings.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Generic, TypeVar

ERROR = "error"
WARNING = "warning"
Item = TypeVar("Item")


@dataclass(frozen=True)
class Finding:
    """One problem in a content file."""

    file: Path
    line: int
    column: int
    severity: str
    message: str
    hint: str = ""

    @property
    def is_error(self) -> bool:
        return self.severity == ERROR

    def format(self, relative_to: Path | None = None) -> str:
        """The one-line form: ``path:line:column: severity: message (hint)``."""
        text = f"{display_path(self.file, relative_to)}:{self.line}:{self.column}: {self.severity}: {self.message}"
        return f"{text} ({self.hint})" if self.hint else text

    def as_dict(self, relative_to: Path | None = None) -> dict:
        return {
            "file": display_path(self.file, relative_to),
            "line": self.line,
            "column": self.column,
            "severity": self.severity,
            "message": self.message,
            "hint": self.hint,
        }


@dataclass(frozen=True)
class LoadResult(Generic[Item]):
    """What reading one exhibit folder or path file gave: the item (None when it has errors) and the findings.

    ``group`` is what the item is counted under in summaries, as written even when the item
    is invalid: an exhibit's room, a path's kind.
    """

    id: str
    item: Item | None
    findings: tuple[Finding, ...]
    group: str | None = None

    @property
    def valid(self) -> bool:
        return self.item is not None

    # The names the curator tools (kiosk/gui/curator) read on an exhibit's result.
    @property
    def manifest(self) -> Item | None:
        return self.item

    @property
    def room(self) -> str | None:
        return self.group


class ContentError(Exception):
    """A content file that cannot be read any further; carries its finding."""

    def __init__(self, file: Path, line: int, column: int, message: str, hint: str = ""):
        super().__init__(message)
        self.finding = Finding(Path(file), line, column, ERROR, message, hint)

    def __str__(self) -> str:
        return self.finding.format()


def display_path(path: Path, relative_to: Path | None = None) -> str:
    """``path`` relative to ``relative_to`` (default: the working folder) when it lies below it."""
    base = Path(relative_to) if relative_to is not None else Path.cwd()
    try:
        return Path(os.path.relpath(path, base)).as_posix() if _is_below(path, base) else Path(path).as_posix()
    except ValueError:  # another drive on Windows
        return Path(path).as_posix()


def _is_below(path: Path, base: Path) -> bool:
    try:
        Path(path).resolve().relative_to(base.resolve())
        return True
    except ValueError:
        return False
