"""What the kiosk records about visits, and the summary read back from it. Plain data, no Kivy, no SQL.

Every event is anonymous: what happened, when (UTC, to the second), where (the venue the
facilitator set) and, when it applies, which exhibit, in which language, and a number or
a short code. Nothing names, follows or fingerprints a person: there is no device id, no
visitor id that outlives a visit, and no free text (the wall's ideas live in records.db,
moderated). A visit is numbered only to tie its own events together (``visit``), from its
first touch to the idle reset.

The kinds, with what ``exhibit``, ``value`` and ``detail`` hold:

=================  ============  ==========================  =====================================
kind               exhibit       value                       detail
=================  ============  ==========================  =====================================
visit_start        —             —                           "clock?" when the kiosk's clock could not be right
visit_end          —             seconds the visit lasted    —
language           —             —                           language chosen (first, then switches)
access             —             1 turned on, 0 off          the access mode (large_text, high_contrast…)
second_language    —             —                           a second language chosen (texts shown in both)
narration          id            —                           the language of the reading played
exhibit_open       id            —                           —
exhibit_close      id            dwell, seconds              —
qr_shown           id            —                           the link's URL
quiz_answer        id            1 right, 0 wrong            question number (1-based)
poll_vote          id            option number (1-based)     —
wall_idea          id            —                           —  (an idea was sent; its text is not here)
fault              id            —                           the exception's type name
game_end           id            rounds played               "outcome players rules-adopted" (commons)
roleplay_end       id            decisions taken             "players mode:adopted/open …" (roleplay): per
                                                             decision mode, how many adopted something and
                                                             how many were left open
=================  ============  ==========================  =====================================
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

KINDS = ("visit_start", "visit_end", "language", "second_language", "access", "narration", "basket", "exhibit_open", "exhibit_close", "qr_shown", "quiz_answer",
         "poll_vote", "wall_idea", "fault", "game_end", "roleplay_end")


WRONG_CLOCK = "clock?"   # the detail of a visit_start recorded while the clock could not be right (kiosk.opening)

@dataclass(frozen=True)
class Event:
    kind: str
    at: float                 # UTC, seconds since the epoch (whole seconds are kept)
    venue: str = ""
    visit: int = 0            # ties one visit's events together; 0 outside a visit
    exhibit: str = ""
    language: str = ""        # the visitor's language when it happened
    value: float = 0.0
    detail: str = ""


@dataclass(frozen=True)
class ExhibitAttention:
    exhibit: str
    opened: int               # times opened
    total_seconds: float      # dwell time, summed
    median_seconds: float


@dataclass(frozen=True)
class QuestionSuccess:
    exhibit: str
    question: int             # 1-based
    answered: int
    right: int

    @property
    def share(self) -> float:
        return self.right / self.answered if self.answered else 0.0


@dataclass(frozen=True)
class PollResult:
    exhibit: str
    votes: dict[int, int]     # option number (1-based) → votes


@dataclass(frozen=True)
class GameResults:
    """The games of one exhibit (``commons``) that reached their end: nothing about who played."""

    exhibit: str
    played: int
    rounds: int               # over all those games
    rules_adopted: int        # over all those games
    outcomes: dict[str, int]  # sustained, depleted, collapsed → games


@dataclass(frozen=True)
class ModeResults:
    """What the decisions taken in one mode gave, over the games of one ``roleplay`` exhibit."""

    adopted: int              # decisions that adopted a proposal (or chose a person)
    left_open: int            # decisions that ended with nothing decided

    @property
    def decisions(self) -> int:
        return self.adopted + self.left_open


@dataclass(frozen=True)
class RoleplayResults:
    """The games of one ``roleplay`` exhibit that reached their end: nothing about who played or chose what."""

    exhibit: str
    played: int
    decisions: int                       # over all those games
    modes: dict[str, ModeResults]        # decision mode → what it gave, modes in alphabetical order


@dataclass
class StatsSummary:
    """What ``kiosk stats`` prints and ``kiosk report`` draws, for one period and venue (or all)."""

    since: date | None
    until: date | None
    venue: str | None                                            # None: every venue
    venues: list[str] = field(default_factory=list)              # the venues present
    visits_per_day: dict[date, int] = field(default_factory=dict)
    visits: int = 0
    median_visit_seconds: float = 0.0
    exhibits: list[ExhibitAttention] = field(default_factory=list)   # by total dwell, most first
    languages: dict[str, int] = field(default_factory=dict)          # visits per first language, most first
    without_language: int = 0                                        # visits that ended before a language was chosen
    language_switches: int = 0
    access_modes: dict[str, int] = field(default_factory=dict)       # mode → visits that turned it on, most first
    second_languages: dict[str, int] = field(default_factory=dict)   # code → visits that chose it as a second language
    baskets: int = 0                                                 # visits that kept a list to take home
    basket_items: int = 0                                            # exhibits on those lists, all together
    narrations: int = 0                                              # readings started
    qr_by_link: dict[str, int] = field(default_factory=dict)         # URL → times shown, most first
    quiz: list[QuestionSuccess] = field(default_factory=list)        # by exhibit, then question
    polls: list[PollResult] = field(default_factory=list)
    wall_ideas: int = 0
    games: list[GameResults] = field(default_factory=list)           # by exhibit
    roleplays: list[RoleplayResults] = field(default_factory=list)   # by exhibit
    faults: dict[str, int] = field(default_factory=dict)             # exhibit → faults
    wrong_clock_visits: int = 0                                      # started while the clock could not be right
    events: int = 0                                                  # events of every kind in the selection
