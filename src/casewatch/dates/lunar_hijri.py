"""Lunar Hijri (Islamic) calendar days, months and years as Gregorian day ranges, through hijridate.

hijridate follows the Umm al-Qura calendar of Saudi Arabia, the one most
Gulf and wire reports date by; it covers the years 1343 to 1500 (1924 to 2077).
A date outside them, or a day the month does not have (30 Shawwal in a month of
29 days), gives None: no days rather than a guess.
"""
from __future__ import annotations

import datetime as dt

from hijridate import Gregorian, Hijri

from casewatch.dates.periods import Range

_ONE_DAY = dt.timedelta(days=1)


def to_gregorian(year: int, month: int, day: int) -> dt.date | None:
    """The Gregorian day of a Lunar Hijri date; None when there is no such day or it is out of range."""
    try:
        g = Hijri(year, month, day).to_gregorian()
    except (ValueError, OverflowError):
        return None
    return dt.date(g.year, g.month, g.day)


def month_range(year: int, month: int) -> Range | None:
    """The Gregorian days of a Lunar Hijri month (29 or 30 days); None out of range."""
    first = to_gregorian(year, month, 1)
    if first is None:
        return None
    length = Hijri(year, month, 1).month_length()
    return first, first + (length - 1) * _ONE_DAY


def year_range(year: int) -> Range | None:
    """The Gregorian days of a Lunar Hijri year, from 1 Muharram to the last day of Dhu al-Hijjah."""
    first = to_gregorian(year, 1, 1)
    last_month = month_range(year, 12)
    if first is None or last_month is None:
        return None
    return first, last_month[1]


def year_of(d: dt.date) -> int:
    """The Lunar Hijri year that holds a Gregorian day (the nearest year of the range outside it)."""
    try:
        return Gregorian(d.year, d.month, d.day).to_hijri().year
    except (ValueError, OverflowError):
        return 1343 if d.year < 2000 else 1500
