"""Grammar of Gregorian calendar dates written with a month: days, day ranges, months, parts of months.

Forms: "2026-01-20", "20/01/2026" (only when the order is clear from the
values), "20 January 2026", "Tuesday, January 20, 2026", "Jan. 20", "January
5-7", "January 2026", "in December", "last April", "late December",
"mid-March", "the end of March", "March last year". A month name alone needs a
word before it that makes it a date ("in", "since", "by", ...), so that "May"
the surname and "march" the verb stay out.

Days of one month joined by "between ... and" or "from ... to" ("between 13 and
17 January", weekly summaries of press releases) are one range, with their opener.

A day of the month written alone ("on the 14th", press releases and posts that
name the month once) is a day of the month of the date just before it in the
text (``ORDINAL_REACH`` characters at most), else of the month of publication or
the one before when the day is still to come (the one after with a future cue);
it needs a word before it that makes it a date ("on", "by", "since", ...) and
nothing after it that makes it something else ("the 14th century", "the 5th floor").
"""
from __future__ import annotations

import datetime as dt
import re

from casewatch.dates import periods
from casewatch.dates.expression import Candidate, Context, Doc, Resolution, Rule, fixed, unresolved
from casewatch.dates.resolve import pick_year, yearless
from casewatch.dates.vocab import (
    DEFAULT_DIRECTION,
    EN,
    MONTH_ABBR,
    MONTH_ANY,
    MONTH_FULL,
    MONTHS,
    PART,
    PART_WORDS,
    RESCHEDULE_VERBS,
    WEEKDAY_ANY,
    WEEKDAYS,
    lookup,
    trigger,
)

DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
YEAR = r"(?:1\d{3}|20\d\d)"
_WEEKDAY_PREFIX = rf"(?:(?P<wd>{WEEKDAY_ANY}),?\s+(?:the\s+)?)?"
_END = r"(?![\w-]|[.,/:]\d)"
_ONE_MONTH = ("day", "range", "month", "part_of_month")

_MONTH_WORD = trigger(EN["months"], EN["month_abbreviations"], lowercase=False)
_ORDINAL_NUMBER = re.compile(r"\d(?:st|nd|rd|th)(?!\w)")
ORDINAL_REACH = 600
"""How far back (characters) a date may stand for "the 14th" to be a day of its month."""
_ORDINAL_SUFFIX = {1: "st", 2: "nd", 3: "rd", 21: "st", 22: "nd", 23: "rd", 31: "st"}
ORDINAL_DAY = re.compile(
    r"(?<![\w-])(?i:on|by|since|until|till|from|before|after|between|and|to|through|of|or)\s+"
    r"(?P<x>(?i:the)\s+(?P<d>3[01]|[12]\d|[1-9])(?P<sfx>st|nd|rd|th))(?!\w)"
    r"(?=[ \t]*(?:[,.;:!?)\]\u2014\u2013\n]|$)|\s+(?i:and|or|to|at|in|when|while|after|before|as|but|with|by|from"
    r"|until|of\s+(?:this|the|that|last|each)\s+month|the|a|an|he|she|they|it|his|her|their|police|security)(?!\w))")
ISO = re.compile(
    r"(?<![\w.-])(?P<y>(?:1[6-9]|20)\d\d)-(?P<m>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01])(?![\d-])")
NUMERIC = re.compile(
    r"(?<![\w/.-])(?P<a>\d{1,2})(?P<sep>[/.-])(?P<b>\d{1,2})(?P=sep)(?P<y>(?:19|20)\d\d)(?![\w/-]|\.\d)")
YEAR_FIRST = re.compile(r"(?<![\w/.-])(?P<y>(?:19|20)\d\d)/(?P<m>\d{1,2})/(?P<d>\d{1,2})(?![\w/]|\.\d)")
DAY_MONTH = re.compile(
    rf"(?<![\w-]){_WEEKDAY_PREFIX}(?P<d>{DAY})(?:\s*[-–]\s*(?P<d2>{DAY}))?(?:\s+of)?\s+(?P<mon>{MONTH_ANY})"
    rf"(?:,?\s+(?P<y>{YEAR}))?{_END}")
MONTH_DAY = re.compile(
    rf"(?<![\w-]){_WEEKDAY_PREFIX}(?P<mon>{MONTH_ANY})\s+(?P<d>{DAY})(?:\s*(?:[-–]|to|through)\s*(?P<d2>{DAY}))?"
    rf"(?!\w|[.,:]\d)(?:,?\s+(?P<y>{YEAR}){_END})?")
DAY_SPAN = re.compile(
    rf"(?<![\w-])(?P<open>(?i:between|from))\s+(?P<d>{DAY})\s*(?:\s(?i:and|to|until|till|through)\s|[-–])\s*"
    rf"(?P<d2>{DAY})\s+(?P<mon>{MONTH_ANY})(?:,?\s+(?P<y>{YEAR}))?{_END}")
_RESCHEDULED = re.compile(rf"(?i)(?<!\w){RESCHEDULE_VERBS}(?!\w)[^.;:!?]{{0,40}}$")
MONTH = re.compile(
    r"(?<![\w-])(?:(?P<cue>(?i:in|since|by|until|till|through|throughout|from|during|to|before|after|of|and|or"
    r"|between|for|around|about|on|as\s+of))\s+)?"
    rf"(?P<x>(?:(?P<mod>(?i:last|this|next|this\s+past|this\s+coming))\s+)?"
    rf"(?:(?P<part>(?i:early|mid|late))[\s-]+|(?i:the\s+)(?P<partof>{PART})\s+(?i:of)\s+)?"
    rf"(?P<mon>{MONTH_FULL}|{MONTH_ABBR}(?=\s+{YEAR}))"
    rf"(?:,?\s+(?:(?i:of)\s+)?(?P<y>{YEAR})(?![\w-]|[.,]\d)|\s+(?P<rel>(?i:last|this|next))\s+(?i:year))?)(?!\w)")


def _day_of_month(text: str) -> int:
    """The number of "20", "20th", "1st"."""
    return int(text.rstrip("stndrh"))


def _weekday(m: re.Match[str]) -> int | None:
    wd = m.groupdict().get("wd")
    return lookup(WEEKDAYS, wd) if wd else None


def _build_ymd(m: re.Match[str], doc: Doc) -> Candidate | None:
    try:
        d = dt.date(int(m["y"]), int(m["m"]), int(m["d"]))
    except ValueError:
        return None
    return Candidate(m.start(), m.end(), fixed(d, d, "day"))


def _build_numeric(m: re.Match[str], doc: Doc) -> Candidate | None:
    """A day written 20/01/2026 or 01/20/2026: the order is read from the values, never guessed."""
    a, b = int(m["a"]), int(m["b"])
    if a > 12 and b > 12:
        return None
    if a <= 12 and b <= 12 and a != b:
        return Candidate(m.start(), m.end(), lambda ctx: unresolved("day"))
    day, month = (a, b) if a > 12 or a == b else (b, a)
    try:
        d = dt.date(int(m["y"]), month, day)
    except ValueError:
        return None
    return Candidate(m.start(), m.end(), fixed(d, d, "day"))


def _year_by_weekday(ctx: Context, month: int, day: int, wd: int) -> int | None:
    """The year, next to publication, in which that day of the month falls on the weekday given with it."""
    if ctx.published is None:
        return None
    pub = ctx.published
    fits = []
    for y in (pub.year - 1, pub.year, pub.year + 1):
        try:
            if dt.date(y, month, day).weekday() == wd:
                fits.append((abs((dt.date(y, month, day) - pub).days), y))
        except ValueError:
            continue
    return min(fits)[1] if fits else None


def _build_day(m: re.Match[str], doc: Doc) -> Candidate | None:
    month = lookup(MONTHS, m["mon"])
    day = _day_of_month(m["d"])
    last_day = _day_of_month(m["d2"]) if m["d2"] else day
    if last_day < day:
        return None
    precision = "range" if last_day > day else "day"
    if m["y"]:
        try:
            first, last = dt.date(int(m["y"]), month, day), dt.date(int(m["y"]), month, last_day)
        except ValueError:
            return None
        return Candidate(m.start(), m.end(), fixed(first, last, precision))
    if day > periods.month(2000, month)[1].day:  # no such day in any year (2000 has a 29 February)
        return None
    wd = _weekday(m)
    direction = doc.direction(m.start(), m.end(), DEFAULT_DIRECTION["day"])

    def days(y: int) -> periods.Range | None:
        try:
            return dt.date(y, month, day), dt.date(y, month, last_day)
        except ValueError:
            return None

    def resolve(ctx: Context) -> Resolution:
        """The year that fits the weekday written with the day, else the one ``pick_year`` chooses."""
        y = _year_by_weekday(ctx, month, day, wd) if wd is not None and ctx.range_end is None else None
        if y is None:
            y = pick_year(ctx, days, direction)
        r = days(y) if y is not None else None
        if r is None:
            return unresolved(precision, anchor=ctx.anchor)
        return Resolution(r[0], r[1], precision, anchor=ctx.anchor)

    return Candidate(m.start(), m.end(), resolve)


def _month_with_day(ctx: Context, day: int, direction: str) -> tuple[int, int] | None:
    """The year and month of publication, or the one before or after, that "the 14th" (``day``) falls in."""
    pub = ctx.published
    if pub is None:
        return None
    future = direction == "future"
    first = pub.replace(day=1)
    this_month = day >= pub.day if future else day <= pub.day
    months = [first] if this_month else []
    months += [periods.add_months(first, n if future else -n) for n in (1, 2)]
    for start in months:
        if day <= periods.month(start.year, start.month)[1].day:
            return start.year, start.month
    return None


def _build_ordinal_day(m: re.Match[str], doc: Doc) -> Candidate | None:
    """"On the 14th": a day of the month of the date just before, else of publication (module docstring)."""
    day = int(m["d"])
    if m["sfx"].lower() != _ORDINAL_SUFFIX.get(day, "th"):
        return None
    start, end = m.span("x")
    direction = doc.direction(start, end, "past")

    def resolve(ctx: Context) -> Resolution:
        ref = ctx.previous
        if ref is not None and 0 <= start - ref.start <= ORDINAL_REACH and ref.precision in _ONE_MONTH \
                and (ref.first.year, ref.first.month) == (ref.last.year, ref.last.month):
            year, month, anchor = ref.first.year, ref.first.month, ref.describe()
        else:
            found = _month_with_day(ctx, day, direction)
            if found is None:
                return unresolved("day", anchor=ctx.anchor)
            (year, month), anchor = found, ctx.anchor
        try:
            d = dt.date(year, month, day)
        except ValueError:
            return unresolved("day", anchor=anchor)
        return Resolution(d, d, "day", anchor=anchor)

    return Candidate(start, end, resolve)


def _build_day_span(m: re.Match[str], doc: Doc) -> Candidate | None:
    """"between 5 and 9 January": one range (not "moved the hearing from 3 to 5 March")."""
    if m["open"].lower() == "from" and _RESCHEDULED.search(doc.text, max(0, m.start() - 40), m.start()):
        return None
    return _build_day(m, doc)


def _month_days(y: int, month: int, part: str | None) -> periods.Range:
    """The days of a month, or of its early, mid or late part."""
    return periods.month(y, month) if part is None else periods.part_of_month(y, month, part)


def _build_month(m: re.Match[str], doc: Doc) -> Candidate | None:
    if not (m["cue"] or m["mod"] or m["part"] or m["partof"] or m["y"] or m["rel"]):
        return None
    month = lookup(MONTHS, m["mon"])
    part = PART_WORDS[(m["part"] or m["partof"]).lower()] if (m["part"] or m["partof"]) else None
    start, end = m.span("x")
    precision = "month" if part is None else "part_of_month"
    if m["y"]:
        r = _month_days(int(m["y"]), month, part)
        return Candidate(start, end, fixed(r[0], r[1], precision))
    mod = " ".join(m["mod"].lower().split()) if m["mod"] else None
    rel = m["rel"].lower() if m["rel"] else None
    if rel is None and mod is None:
        direction = doc.direction(start, end, DEFAULT_DIRECTION["month"])
        return Candidate(start, end, yearless(precision, lambda y: _month_days(y, month, part), direction))

    def resolve(ctx: Context) -> Resolution:
        """"last April": the latest before the publication month; "next April": the first after it."""
        pub = ctx.published
        if pub is None:
            return unresolved(precision)
        if rel is not None:
            y = pub.year + {"last": -1, "this": 0, "next": 1}[rel]
        elif mod == "this":
            y = pub.year
        elif mod in ("last", "this past"):
            y = pub.year if month < pub.month else pub.year - 1
        else:
            y = pub.year if month > pub.month else pub.year + 1
        r = _month_days(y, month, part)
        return Resolution(r[0], r[1], precision, anchor=ctx.anchor)

    return Candidate(start, end, resolve)


RULES = [
    Rule(ISO, _build_ymd),
    Rule(NUMERIC, _build_numeric),
    Rule(YEAR_FIRST, _build_ymd),
    Rule(DAY_MONTH, _build_day, _MONTH_WORD),
    Rule(MONTH_DAY, _build_day, _MONTH_WORD),
    Rule(MONTH, _build_month, _MONTH_WORD),
    Rule(DAY_SPAN, _build_day_span, _MONTH_WORD),
    Rule(ORDINAL_DAY, _build_ordinal_day, _ORDINAL_NUMBER),
]
