"""Solar Hijri (Iranian) calendar days, months and years as Gregorian day ranges, through jdatetime."""
from __future__ import annotations

import datetime as dt

import jdatetime

from casewatch.dates.periods import Range

_ONE_DAY = dt.timedelta(days=1)


def to_gregorian(year: int, month: int, day: int) -> dt.date | None:
    """The Gregorian day of a Solar Hijri date; None when there is no such day (e.g. 31 Mehr)."""
    try:
        return jdatetime.date(year, month, day).togregorian()
    except ValueError:
        return None


def month_range(year: int, month: int) -> Range:
    """The Gregorian days of a Solar Hijri month."""
    first = jdatetime.date(year, month, 1).togregorian()
    next_first = jdatetime.date(year + month // 12, month % 12 + 1, 1).togregorian()
    return first, next_first - _ONE_DAY


def year_range(year: int) -> Range:
    """The Gregorian days of a Solar Hijri year (from Nowruz, 1 Farvardin, to the last day of Esfand)."""
    first = jdatetime.date(year, 1, 1).togregorian()
    return first, jdatetime.date(year + 1, 1, 1).togregorian() - _ONE_DAY


def year_month_of(d: dt.date) -> tuple[int, int]:
    """The Solar Hijri year and month that hold a Gregorian day."""
    j = jdatetime.date.fromgregorian(date=d)
    return j.year, j.month


def year_of(d: dt.date) -> int:
    """The Solar Hijri year that holds a Gregorian day."""
    return year_month_of(d)[0]
