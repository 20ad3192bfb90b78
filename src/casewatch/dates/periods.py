"""Gregorian calendar periods as day ranges: months, weeks, quarters, seasons and parts of them.

A range is a pair ``(first, last)`` of days, both included.
"""
from __future__ import annotations

import calendar
import datetime as dt

from casewatch.dates.vocab import HALF_MONTHS, PART_OF_MONTH_DAYS, PART_OF_YEAR_MONTHS, SEASONS

Range = tuple[dt.date, dt.date]

# Units of counting ("two days later") are named like the precisions they give: day, week, month, year.
# Precisions from fine to coarse:
FINENESS = {"day": 0, "week": 1, "part_of_month": 1, "month": 2, "season": 3, "part_of_year": 3, "year": 4}


def day(d: dt.date) -> Range:
    """The range of one day."""
    return d, d


def month(year: int, month_: int) -> Range:
    """The days of a month."""
    return dt.date(year, month_, 1), dt.date(year, month_, calendar.monthrange(year, month_)[1])


def months(year: int, first_month: int, last_month: int) -> Range:
    """The days from the first of one month to the end of another in the same year."""
    return month(year, first_month)[0], month(year, last_month)[1]


def year(year_: int) -> Range:
    """The days of a year."""
    return dt.date(year_, 1, 1), dt.date(year_, 12, 31)


def iso_week(d: dt.date) -> Range:
    """Monday to Sunday of the week that holds ``d``."""
    monday = d - dt.timedelta(days=d.weekday())
    return monday, monday + dt.timedelta(days=6)


def weekend(d: dt.date) -> Range:
    """Saturday and Sunday of the week (Monday to Sunday) that holds ``d``."""
    monday = iso_week(d)[0]
    return monday + dt.timedelta(days=5), monday + dt.timedelta(days=6)


def quarter(year_: int, q: int) -> Range:
    """A calendar quarter (1-4)."""
    return months(year_, 3 * q - 2, 3 * q)


def quarter_of(d: dt.date) -> int:
    """The quarter (1-4) that holds ``d``."""
    return (d.month - 1) // 3 + 1


def half(year_: int, which: str) -> Range:
    """The first or second half of a year."""
    a, b = HALF_MONTHS[which]
    return months(year_, a, b)


def season(year_: int, name: str) -> Range:
    """A northern-hemisphere season; winter runs from December of ``year_`` to February of the next year."""
    a, b = SEASONS[name]
    if a > b:
        return month(year_, a)[0], month(year_ + 1, b)[1]
    return months(year_, a, b)


def part_of_month(year_: int, month_: int, part: str) -> Range:
    """Early (1-10), mid (11-20) or late (21-end) part of a month, as set in the data file."""
    a, b = PART_OF_MONTH_DAYS[part]
    last_day = calendar.monthrange(year_, month_)[1]
    return dt.date(year_, month_, a), dt.date(year_, month_, min(b, last_day))


def part_of_year(year_: int, part: str) -> Range:
    """Early, mid or late part of a year (thirds by default, as set in the data file)."""
    a, b = PART_OF_YEAR_MONTHS[part]
    return months(year_, a, b)


def add_months(d: dt.date, n: int) -> dt.date:
    """``d`` moved by ``n`` months, the day clipped to the length of the target month."""
    index = d.year * 12 + d.month - 1 + n
    y, m = divmod(index, 12)
    return dt.date(y, m + 1, min(d.day, calendar.monthrange(y, m + 1)[1]))


def shift_day(d: dt.date, unit: str, n: int) -> dt.date:
    """``d`` moved by ``n`` days, weeks, months or years."""
    if unit == "day":
        return d + dt.timedelta(days=n)
    if unit == "week":
        return d + dt.timedelta(weeks=n)
    return add_months(d, n * (12 if unit == "year" else 1))


def containing(d: dt.date, unit: str) -> Range:
    """The day, week, month or year that holds ``d``."""
    if unit == "day":
        return day(d)
    if unit == "week":
        return iso_week(d)
    if unit == "month":
        return month(d.year, d.month)
    return year(d.year)


def shift_range(r: Range, unit: str, n: int) -> Range:
    """A range moved by whole months or years, keeping month ends at month ends."""
    first = shift_day(r[0], unit, n)
    last = shift_day(r[1], unit, n)
    if r[1].day == calendar.monthrange(r[1].year, r[1].month)[1]:
        last = month(last.year, last.month)[1]
    return first, last
