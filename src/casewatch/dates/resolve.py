"""Choosing which occurrence a yearless or relative expression means, given the publication date.

Rules (news mostly reports the past; ``cues.direction`` reads the tense):

* a month or season without a year is the latest one that starts on or before
  the publication date (the one holding it included), or with a future cue the
  earliest one that ends on or after it; a day of a month without a year is the
  one nearest to publication unless a cue says past or future (data file,
  ``default_direction``); a quarter or half without a year is the latest that
  starts on or before publication; at the start of a range, the latest one
  that starts before the range's end starts;
* a weekday is the most recent such day on or before publication, or the next
  one on or after it with a future cue; "last Friday" is strictly before,
  "next Friday" strictly after, "this Friday" is the one in the publication week;
* "two days later" counts from the previous resolved date of the text when
  there is one, else from publication; "ago" counts from publication, except
  "a year ago" within ``COMPARISON_WINDOW`` characters after a month, season or
  quarter, which is that period a year before (a comparison: "profit rose in
  the third quarter from a year ago").
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from casewatch.dates import periods
from casewatch.dates.expression import Context, Reference, Resolution, Resolver, unresolved
from casewatch.dates.periods import Range
from casewatch.dates.vocab import COMPARISON_WINDOW

COMPARABLE = ("month", "season", "part_of_year")


def on_published(precision: str, days: Callable[[dt.date], Range]) -> Resolver:
    """A resolver for an expression counted from the publication date; no date, no days."""

    def resolve(ctx: Context) -> Resolution:
        if ctx.published is None:
            return unresolved(precision)
        first, last = days(ctx.published)
        return Resolution(first, last, precision, anchor=ctx.anchor)

    return resolve


def pick_year(ctx: Context, days: Callable[[int], Range | None], direction: str,
              year_of: Callable[[dt.date], int] = lambda d: d.year) -> int | None:
    """The year of a yearless period (a day, month, season, quarter...), given by its days in any year.

    direction "past": the latest occurrence that starts on or before publication;
    "future": the earliest that ends on or after it; "nearest": the one closest
    to it in days (the past one on a tie). At the start of a range: the latest
    that starts on or before the range's end starts. ``year_of`` numbers the
    years (Gregorian by default).
    """
    limit = ctx.range_end or ctx.published
    if limit is None:
        return None
    around = year_of(limit)
    years = [(y, r) for y in range(around - 2, around + 3) if (r := days(y)) is not None]
    if ctx.range_end is None and direction == "future":
        return next((y for y, r in years if r[1] >= limit), None)
    if ctx.range_end is None and direction == "nearest" and years:
        return min(years, key=lambda yr: (max((yr[1][0] - limit).days, (limit - yr[1][1]).days, 0),
                                          yr[1][0] > limit))[0]
    return next((y for y, r in reversed(years) if r[0] <= limit), None)


def yearless(precision: str, days: Callable[[int], Range | None], direction: str, calendar: str = "gregorian",
             year_of: Callable[[dt.date], int] = lambda d: d.year) -> Resolver:
    """A resolver for a period written without its year (see ``pick_year``)."""

    def resolve(ctx: Context) -> Resolution:
        y = pick_year(ctx, days, direction, year_of)
        r = days(y) if y is not None else None
        if r is None:
            return unresolved(precision, calendar, ctx.anchor)
        return Resolution(r[0], r[1], precision, calendar, ctx.anchor)

    return resolve


def weekday(pub: dt.date, wd: int, mode: str) -> dt.date:
    """The day of weekday ``wd`` (Monday = 0) relative to ``pub``.

    mode: "past" (on or before), "future" (on or after), "last" (strictly before),
    "next" (strictly after), "this" (in the same Monday-Sunday week).
    """
    if mode == "past":
        return pub - dt.timedelta(days=(pub.weekday() - wd) % 7)
    if mode == "future":
        return pub + dt.timedelta(days=(wd - pub.weekday()) % 7)
    if mode == "last":
        return pub - dt.timedelta(days=(pub.weekday() - wd - 1) % 7 + 1)
    if mode == "next":
        return pub + dt.timedelta(days=(wd - pub.weekday() - 1) % 7 + 1)
    return periods.iso_week(pub)[0] + dt.timedelta(days=wd)


def shift_reference(ref: Reference, unit: str, n: int) -> tuple[Range, str] | None:
    """A previous date moved by ``n`` units, with the precision the result can claim.

    A day moves as a day and widens to the unit ("a year later" than a day is
    that year); a week moves by weeks; a month, season or quarter moves by
    whole months or years and keeps its precision; anything coarser than the
    unit ("two days after 2019") cannot be moved: None.
    """
    if ref.precision == "day":
        return periods.containing(periods.shift_day(ref.first, unit, n), unit), unit
    if ref.precision == "week" and unit in ("week", "month", "year"):
        moved = periods.shift_day(ref.first, unit, n)
        return periods.containing(moved, unit), unit
    if unit in ("month", "year") and periods.FINENESS.get(ref.precision, 9) <= periods.FINENESS[unit]:
        if unit == "month" and ref.precision != "month":
            return None
        return periods.shift_range((ref.first, ref.last), unit, n), ref.precision
    return None


def from_reference(unit: str, n: int) -> Resolver:
    """A resolver for "two days later" / "a year earlier": from the previous date, else from publication."""
    from_publication = on_published(unit,
                                    lambda pub: periods.containing(periods.shift_day(pub, unit, n), unit))

    def resolve(ctx: Context) -> Resolution:
        if ctx.previous is None:
            return from_publication(ctx)
        moved = shift_reference(ctx.previous, unit, n)
        if moved is None:
            return unresolved(unit, anchor=ctx.previous.describe())
        (first, last), precision = moved
        return Resolution(first, last, precision, anchor=ctx.previous.describe())

    return resolve


def ago(unit: str, n: int, start: int) -> Resolver:
    """A resolver for "three weeks ago" (``n`` negative) at ``start`` (see the module docstring)."""
    from_publication = on_published(unit,
                                    lambda pub: periods.containing(periods.shift_day(pub, unit, n), unit))

    def resolve(ctx: Context) -> Resolution:
        ref = ctx.previous_period
        if unit == "year" and n < 0 and ref is not None and 0 <= start - ref.start <= COMPARISON_WINDOW:
            first, last = periods.shift_range((ref.first, ref.last), unit, n)
            return Resolution(first, last, ref.precision, anchor=ref.describe())
        return from_publication(ctx)

    return resolve
