"""The ``poll`` type: a question, 2 to 6 options, and the votes of the visitors at one venue.

Example::

    type: poll
    question: {fr: Quelle alternative rejoindriez-vous d'abord ?, en: Which alternative would you join first?}
    options:
      - {fr: Une AMAP, en: An AMAP}
      - {fr: Une monnaie locale, en: A local currency}
    explanation: {fr: ..., en: ...}     # optional: shown with the results

The votes themselves live in the kiosk's record store (:mod:`kiosk.records`),
never in the content folder. This module also holds the plain rules of the view: one
vote per visitor, a debounce for a double touch, and percentages that add up to 100.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from kiosk.content.spec import Field, ListKind, TextKind
from kiosk.content.text import LocalizedText

MIN_OPTIONS, MAX_OPTIONS = 2, 6
DEBOUNCE_SECONDS = 1.5

FIELDS = (
    Field("question", TextKind(max_length=300), required=True, doc="The question put to the visitors."),
    Field("options", ListKind(TextKind(max_length=120), min_items=MIN_OPTIONS, max_items=MAX_OPTIONS),
          required=True, doc="The answers to choose from, 2 to 6."),
    Field("explanation", TextKind(max_length=600), doc="Shown with the results."),
)


@dataclass(frozen=True)
class Poll:
    question: LocalizedText
    options: tuple[LocalizedText, ...]
    explanation: LocalizedText | None


def build(values: dict) -> Poll:
    return Poll(values["question"], tuple(values["options"]), values["explanation"])


def percentages(counts: Sequence[int]) -> list[int]:
    """Whole percentages that add up to exactly 100 (largest remainders), or all 0 without votes.

    The one rule for every place that shows a poll's shares: the screen, the PDF report and
    the USB export (its CSV, summary and charts), so all of them show 34/33/33 for [1, 1, 1].
    """
    total = sum(counts)
    if total == 0:
        return [0] * len(counts)
    exact = [count * 100 / total for count in counts]
    result = [int(share) for share in exact]
    by_remainder = sorted(range(len(counts)), key=lambda i: (result[i] - exact[i], i))
    for index in by_remainder[:100 - sum(result)]:
        result[index] += 1
    return result


class Ballot:
    """One visitor's vote on one poll, kept in the visitor's state dict (forgotten at the idle reset).

    >>> ballot = Ballot(state={})
    >>> ballot.cast(2, now=10.0)     # True: the vote counts
    >>> ballot.cast(1, now=10.4)     # False: already voted (and within the debounce)
    """

    def __init__(self, state: dict):
        self.state = state
        self._last_tap: float | None = None

    @property
    def choice(self) -> int | None:
        return self.state.get("voted")

    @property
    def voted(self) -> bool:
        return self.choice is not None

    def cast(self, option: int, now: float) -> bool:
        """Record ``option`` unless this visitor already voted or tapped less than 1.5 s ago."""
        recent = self._last_tap is not None and now - self._last_tap < DEBOUNCE_SECONDS
        self._last_tap = now
        if recent or self.voted:
            return False
        self.state["voted"] = option
        return True
