"""The pieces the date grammar passes around: the report being read, a found expression, its resolution."""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from casewatch.dates.cues import direction, has_persian_context


@dataclass(frozen=True)
class Resolution:
    """What an expression means: a day range (None when it cannot be resolved), its precision and calendar."""

    first: dt.date | None
    last: dt.date | None
    precision: str
    calendar: str = "gregorian"
    anchor: str | None = None


@dataclass(frozen=True)
class Reference:
    """A date resolved earlier in the text, that "two days later" or "the previous day" count from."""

    first: dt.date
    last: dt.date
    precision: str
    start: int

    def describe(self) -> str:
        """The anchor string of a date resolved against this one."""
        days = self.first.isoformat() if self.first == self.last else f"{self.first}..{self.last}"
        return f"previous date {days}"


@dataclass(frozen=True)
class Context:
    """What a relative expression is resolved against.

    ``previous`` is the last date resolved before ("two days later" counts
    from it); ``previous_period`` the last month, season or quarter, that a
    comparison such as "from a year ago" refers to; ``range_end`` the first day
    of the end of a range, that a start with no year of its own is placed
    before ("between March and May 2025").
    """

    published: dt.date | None
    previous: Reference | None = None
    previous_period: Reference | None = None
    range_end: dt.date | None = None

    @property
    def anchor(self) -> str | None:
        """The anchor string of a date resolved against the publication date."""
        return f"published {self.published.isoformat()}" if self.published else None


Resolver = Callable[[Context], Resolution]


@dataclass(frozen=True)
class Candidate:
    """A date expression found at ``text[start:end]``, not yet resolved.

    ``sets_reference`` is False for a look back ("a year earlier", "a year
    ago"): the date after it still counts from the date before it.
    """

    start: int
    end: int
    resolve: Resolver
    sets_reference: bool = True


class Doc:
    """A report as the grammar reads it.

    ``text`` is ``original`` with Persian and Arabic-Indic digits made ASCII and
    Arabic letter forms made Persian, character for character, so that offsets agree.
    """

    def __init__(self, original: str, text: str, published: dt.date | None):
        self.original = original
        self.text = text
        self.published = published
        self._persian: bool | None = None

    @property
    def persian(self) -> bool:
        """Whether the report is about Iran or written partly in Persian (a cue for Solar Hijri years)."""
        if self._persian is None:
            self._persian = has_persian_context(self.text)
        return self._persian

    def direction(self, start: int, end: int, default: str) -> str:
        """"past" or "future" as the words around ``text[start:end]`` say, else ``default``."""
        return direction(self.text, start, end) or default


Build = Callable[[re.Match[str], Doc], Candidate | None]


@dataclass(frozen=True)
class Rule:
    """A pattern of the grammar and the function that turns one of its matches into a candidate.

    ``trigger`` is a cheap pattern that every match of ``pattern`` contains (a
    month name, a season word): the pattern is then only run on the text around
    the trigger's matches, which keeps long patterns with optional prefixes fast.
    """

    pattern: re.Pattern[str]
    build: Build
    trigger: re.Pattern[str] | None = None


def fixed(first: dt.date | None, last: dt.date | None, precision: str,
          calendar: str = "gregorian") -> Resolver:
    """A resolver for an expression whose days do not depend on the context."""
    res = Resolution(first, last, precision, calendar)
    return lambda ctx: res


def unresolved(precision: str, calendar: str = "gregorian", anchor: str | None = None) -> Resolution:
    """The resolution of an expression recognised but not resolvable: no days."""
    return Resolution(None, None, precision, calendar, anchor)
