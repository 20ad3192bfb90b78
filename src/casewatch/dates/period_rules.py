"""Grammar of Gregorian years and the periods named inside them: parts, halves, quarters, seasons.

Forms: "2025", "in 1848", "2019-2021", "early 2026", "mid-1996", "the end of
2025", "the first half of 2025", "the third quarter (of 2024)",
"third-quarter", "this year's second quarter", "Q3 2025", "the summer of
2025", "last spring", "this fall", "in the winter".

A 19xx/20xx number is a year unless money, a percentage or a longer number;
an older one needs "in", "since", ... before it. Quarters are calendar
quarters (fiscal quarters are read the same way, as TimeML does); a part of
a year is a third of it (data file).
"""
from __future__ import annotations

import re
from collections.abc import Callable

from casewatch.dates import periods
from casewatch.dates.expression import Candidate, Context, Doc, Resolution, Rule, fixed, unresolved
from casewatch.dates.resolve import yearless
from casewatch.dates.solar_hijri_rules import bare_year_reading
from casewatch.dates.vocab import (
    DEFAULT_DIRECTION,
    ORDINAL,
    ORDINALS,
    PART,
    PART_WORDS,
    SEASON,
    SEASONS,
    YEAR_AFTER,
    YEAR_BEFORE,
    trigger,
)

_MODERN = r"(?:19|20)\d\d"
_REL_YEAR = r"(?P<rel>(?i:this|last|next))\s+(?i:year)"

_FOUR_DIGITS = re.compile(r"\d{4}")
_QUARTER_WORD = trigger(["quarter", "Q1", "Q2", "Q3", "Q4"])
_HALF_WORD = trigger(["half"])
_SEASON_WORD = trigger(SEASONS)
YEAR_EXPR = re.compile(
    r"(?<![\w-])(?:(?P<cue>(?i:in|since|until|till|by|during|before|after|from|through|throughout|of|around"
    r"|circa|c\.)|(?i:the\s+year))\s+)?"
    rf"(?P<x>(?:(?P<part>(?i:early|mid|late))[\s-]+"
    rf"|(?i:the\s+)(?P<partof>(?i:{PART}))\s+(?i:of)\s+"
    r"|(?i:the\s+)(?P<half>(?i:first|second|last))\s+(?i:half)\s+(?i:of)\s+"
    rf"|(?i:the\s+)?(?P<ord>(?i:{ORDINAL}))[\s-]+(?i:quarter)\s+(?i:of)\s+"
    rf"|(?i:the\s+)?(?P<season>(?i:{SEASON}))\s+(?i:of\s+)?)?"
    rf"{YEAR_BEFORE}(?<!\d-)(?P<y>1\d{{3}}|20\d\d)(?:\s*[-–]\s*(?P<y2>\d{{2,4}}))?){YEAR_AFTER}")

QUARTER = re.compile(
    rf"(?<![\w-])(?:(?P<relp>(?i:this|last|next))\s+year's\s+|(?i:the\s+)?(?:(?P<py>{_MODERN})\s+)?)"
    rf"(?:(?i:fiscal)[\s-]+)?(?P<ord>(?i:{ORDINAL}))[\s-]+(?i:quarter)"
    rf"(?:\s+(?i:of)\s+(?:(?P<y>{_MODERN})(?!\d)|{_REL_YEAR}|(?P<the>(?i:the|this))\s+(?i:year)))?(?![\w-])"
    rf"|(?<![\w-])Q(?P<q>[1-4])(?:\s+(?P<qy>{_MODERN}))?(?![\w-])")

HALF = re.compile(
    r"(?<![\w-])(?i:the\s+)(?P<half>(?i:first|second|last))\s+(?i:half)"
    rf"(?:\s+(?i:of)\s+(?:{_REL_YEAR}|(?P<the>(?i:the|this))\s+(?i:year)))?(?![\w-])")

SEASON_EXPR = re.compile(
    r"(?<![\w-])(?:(?P<cue>(?i:in|into|during|by|until|till|since|through|throughout|over|for|of|from|before|after))"
    r"\s+)?"
    r"(?P<x>(?:(?P<mod>(?i:last|this|next|this\s+past|this\s+coming))\s+"
    r"|(?i:the\s+)?(?:(?i:early|late|mid)[\s-]+)?)"
    rf"(?P<season>(?i:{SEASON}))(?:\s+(?i:of\s+)?(?P<y>{_MODERN})(?!\d))?)(?![\w-])(?!\s+of\b)")


def _year_range(y: int, m: re.Match[str]) -> tuple[periods.Range, str]:
    """The days of the year ``y`` or of the part of it the match names, and the precision."""
    if m["part"] or m["partof"]:
        return periods.part_of_year(y, PART_WORDS[(m["part"] or m["partof"]).lower()]), "part_of_year"
    if m["half"]:
        return periods.half(y, m["half"].lower()), "part_of_year"
    if m["ord"]:
        return periods.quarter(y, ORDINALS[m["ord"].lower()]), "part_of_year"
    if m["season"]:
        return periods.season(y, m["season"].lower()), "season"
    return periods.year(y), "year"


def _build_year(m: re.Match[str], doc: Doc) -> Candidate | None:
    """A year, a part of it or a range of years; 13xx/14xx as ``bare_year_reading`` says."""
    y = int(m["y"])
    start, end = m.span("x")
    if m["y2"]:
        y2 = int(m["y2"])
        if len(m["y2"]) != 4 or y2 <= y or y2 > 2099:
            return None
        first, last = _year_range(y, m)[0][0], periods.year(y2)[1]
        return Candidate(start, end, fixed(first, last, "range"))
    if y < 1900:
        if not (m["cue"] or m["part"] or m["partof"] or m["half"] or m["season"]):
            return None
        if 1300 <= y < 1500:
            reading = bare_year_reading(doc, y, *m.span("y"))
            if reading == "solar_hijri":
                return None
            if reading == "ambiguous":
                return Candidate(*m.span("y"), lambda ctx: unresolved("year"))
    r, precision = _year_range(y, m)
    return Candidate(start, end, fixed(r[0], r[1], precision))


def _relative_year(ctx: Context, rel: str) -> int | None:
    """The year "this", "last" or "next" names, from publication."""
    if ctx.published is None:
        return None
    return ctx.published.year + {"last": -1, "this": 0, "next": 1, "the": 0}[rel]


def _build_period(m: re.Match[str], days: Callable[[int], periods.Range], explicit: str | None,
                  rel: str | None) -> Candidate:
    """A quarter or half: of the year written, of a year relative to publication, or yearless.

    A yearless one is the latest that starts on or before publication ("the
    fourth quarter" read in January is the one just ended), whatever the tense.
    """
    if explicit:
        r = days(int(explicit))
        return Candidate(m.start(), m.end(), fixed(r[0], r[1], "part_of_year"))
    if rel:
        def resolve(ctx: Context) -> Resolution:
            y = _relative_year(ctx, rel)
            if y is None:
                return unresolved("part_of_year")
            r = days(y)
            return Resolution(r[0], r[1], "part_of_year", anchor=ctx.anchor)
        return Candidate(m.start(), m.end(), resolve)
    return Candidate(m.start(), m.end(), yearless("part_of_year", days, "past"))


def _build_quarter(m: re.Match[str], doc: Doc) -> Candidate | None:
    q = int(m["q"]) if m["q"] else ORDINALS[m["ord"].lower()]
    rel = next((g.lower() for g in (m["relp"], m["rel"], m["the"]) if g), None)
    return _build_period(m, lambda y: periods.quarter(y, q), m["py"] or m["y"] or m["qy"], rel)


def _build_half(m: re.Match[str], doc: Doc) -> Candidate | None:
    which = m["half"].lower()
    rel = (m["rel"] or m["the"] or "").lower() or None
    return _build_period(m, lambda y: periods.half(y, which), None, rel)


def _build_season(m: re.Match[str], doc: Doc) -> Candidate | None:
    """A season with its year, with "last", "this" or "next", or after "in", "during", ..."""
    name = m["season"].lower()
    start, end = m.span("x")
    if m["y"]:
        r = periods.season(int(m["y"]), name)
        return Candidate(start, end, fixed(r[0], r[1], "season"))
    mod = " ".join(m["mod"].lower().split()) if m["mod"] else None
    if mod is None:
        if not m["cue"]:
            return None
        direction = doc.direction(start, end, DEFAULT_DIRECTION["season"])
        return Candidate(start, end, yearless("season", lambda y: periods.season(y, name), direction))

    def resolve(ctx: Context) -> Resolution:
        """"last spring": the latest ended before publication; "next": the first to start after it;
        "this": the one under way, else the one of the publication year."""
        pub = ctx.published
        if pub is None:
            return unresolved("season")
        around = [periods.season(y, name) for y in range(pub.year - 2, pub.year + 2)]
        if mod in ("last", "this past"):
            r = next(r for r in reversed(around) if r[1] < pub)
        elif mod in ("next", "this coming"):
            r = next(r for r in around if r[0] > pub)
        else:
            r = next((r for r in around if r[0] <= pub <= r[1]), periods.season(pub.year, name))
        return Resolution(r[0], r[1], "season", anchor=ctx.anchor)

    return Candidate(start, end, resolve)


RULES = [
    Rule(YEAR_EXPR, _build_year, _FOUR_DIGITS),
    Rule(QUARTER, _build_quarter, _QUARTER_WORD),
    Rule(HALF, _build_half, _HALF_WORD),
    Rule(SEASON_EXPR, _build_season, _SEASON_WORD),
]
