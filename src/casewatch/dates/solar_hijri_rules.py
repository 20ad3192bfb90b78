"""Grammar of Solar Hijri (Iranian calendar) dates, in Latin transliteration or Persian script.

Forms: "19 Dey 1404", "Dey 19, 1404", "19 Dey", "Dey 1404", "in Bahman" (in a
report about Iran), "1404/10/19", "۱۹ دی ۱۴۰۴", "دی ماه ۱۴۰۴", "سال ۱۴۰۴", "1404 SH",
"the Iranian year 1404", "1404 in the Iranian calendar", and a bare year.

A bare 13xx/14xx number is a Solar Hijri year when it is written in Persian
digits, or when it is within ``bare_year_window`` years (data file) of the
Solar Hijri year of publication and either the report is about Iran (see
``cues.has_persian_context``) or the number names an event the way Iranian
years do ("the protests of 1404", "the 1401 uprising"; event words in the
data file). Without a publication date only explicit cues count (a month name,
"SH", "Iranian year", Persian digits). A 13xx/14xx after "in", "since", ...
that fits neither reading for sure is kept with no days: near the Solar Hijri
year of publication without those cues ("in 1404 the city walls were built",
published in 2026), or far from it in a report about Iran. Far from it in a
report not about Iran, it is a Gregorian year.
"""
from __future__ import annotations

import re

from casewatch.dates import solar_hijri
from casewatch.dates.expression import Candidate, Doc, Rule, fixed
from casewatch.dates.periods import Range
from casewatch.dates.resolve import yearless
from casewatch.dates.vocab import (
    DEFAULT_DIRECTION,
    EVENT_WORDS,
    PERSIAN_YEAR_WORD,
    SH,
    SH_CALENDAR_AFTER,
    SH_MARKER_AFTER,
    SH_MARKER_BEFORE,
    SH_MONTH_LATIN,
    SH_MONTH_PERSIAN,
    SH_MONTHS,
    SH_YEAR_WINDOW,
    YEAR_AFTER,
    YEAR_BEFORE,
    lookup,
    trigger,
)

CALENDAR = "solar_hijri"
DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
YEAR = r"1[34]\d\d"
_MONTH = rf"(?:{SH_MONTH_LATIN}|{SH_MONTH_PERSIAN}(?:\u200c?\s?ماه)?)"
_MARKER = rf"(?:\s*\(?(?:{SH_MARKER_AFTER})\)?(?!\w)|\s+{SH_CALENDAR_AFTER})?"
_YEAR_PART = rf"(?:,?\s+(?:{PERSIAN_YEAR_WORD}\s+)?(?P<y>{YEAR})(?!\d){_MARKER})"

_MONTH_WORD = trigger(SH["months_latin"], SH["months_persian"], lowercase=False)
_YEAR_NUMBER = re.compile(YEAR)
DAY_MONTH = re.compile(rf"(?<![\w-])(?P<d>{DAY})(?:\s+of)?\s+(?P<mon>{_MONTH})(?!\w){_YEAR_PART}?")
MONTH_DAY = re.compile(rf"(?<![\w-])(?P<mon>{SH_MONTH_LATIN})\s+(?P<d>{DAY}){_YEAR_PART}")
MONTH_YEAR = re.compile(rf"(?<![\w-])(?P<mon>{_MONTH})(?:\s+of)?{_YEAR_PART}")
MONTH_ALONE = re.compile(
    r"(?i:\b(?:in|since|until|till|during|by|from|through|the\s+month\s+of))\s+"
    rf"(?P<x>(?P<mon>{SH_MONTH_LATIN}))"
    r"(?![\w-]|\s*\d|\s+[A-Z]|\s+(?i:news|agency))")
NUMERIC = re.compile(
    rf"(?<![\w/.-])(?P<y>{YEAR})[/-](?P<m>0?[1-9]|1[0-2])[/-](?P<d>0?[1-9]|[12]\d|3[01])(?![\w/]|\.\d)")
YEAR_EXPR = re.compile(
    rf"(?:(?P<before>{SH_MARKER_BEFORE})\s+|(?P<fa>{PERSIAN_YEAR_WORD})\s+)?{YEAR_BEFORE}(?<!-)(?P<y>{YEAR})"
    rf"{YEAR_AFTER}(?:\s*\(?(?P<after>{SH_MARKER_AFTER})\)?(?!\w)|\s+(?P<cal>{SH_CALENDAR_AFTER}))?")

_PERSIAN_DIGITS = re.compile(r"[\u06F0-\u06F9\u0660-\u0669]")
_EVENT_BEFORE = re.compile(rf"(?i)(?<!\w){EVENT_WORDS}\s+(?:of|in)\s+$")
_EVENT_AFTER = re.compile(rf"(?i)\s+{EVENT_WORDS}(?!\w)")


def _names_an_event(doc: Doc, start: int, end: int) -> bool:
    """Whether the year at ``text[start:end]`` follows or precedes an event word ("the protests of 1404")."""
    return (_EVENT_BEFORE.search(doc.text, max(0, start - 24), start) is not None
            or _EVENT_AFTER.match(doc.text, end) is not None)


def bare_year_reading(doc: Doc, year: int, start: int, end: int) -> str:
    """How to read a bare 13xx/14xx number: "solar_hijri", "gregorian" or "ambiguous" (module docstring)."""
    if _PERSIAN_DIGITS.search(doc.original, start, end):
        return CALENDAR
    near = doc.published is not None and abs(year - solar_hijri.year_of(doc.published)) <= SH_YEAR_WINDOW
    if near and (doc.persian or _names_an_event(doc, start, end)):
        return CALENDAR
    if near or doc.persian:
        return "ambiguous"
    return "gregorian"


def _month_number(m: re.Match[str]) -> int:
    return lookup(SH_MONTHS, m["mon"].replace("\u200c", " ").split()[0])


def _day_of_month(text: str) -> int:
    return int(text.rstrip("stndrh"))


def _day_candidate(start: int, end: int, doc: Doc, year: str | None, month: int,
                   day: int) -> Candidate | None:
    """A Solar Hijri day, of the year given or, without one, of the year nearest to publication."""
    if year:
        d = solar_hijri.to_gregorian(int(year), month, day)
        return Candidate(start, end, fixed(d, d, "day", CALENDAR)) if d else None

    def days(y: int) -> Range | None:
        d = solar_hijri.to_gregorian(y, month, day)
        return (d, d) if d else None

    direction = doc.direction(start, end, DEFAULT_DIRECTION["day"])
    resolver = yearless("day", days, direction, CALENDAR, solar_hijri.year_of)
    return Candidate(start, end, resolver)


def _build_day(m: re.Match[str], doc: Doc) -> Candidate | None:
    return _day_candidate(m.start(), m.end(), doc, m["y"], _month_number(m), _day_of_month(m["d"]))


def _build_numeric(m: re.Match[str], doc: Doc) -> Candidate | None:
    return _day_candidate(m.start(), m.end(), doc, m["y"], int(m["m"]), int(m["d"]))


def _build_month(m: re.Match[str], doc: Doc) -> Candidate | None:
    r = solar_hijri.month_range(int(m["y"]), _month_number(m))
    return Candidate(m.start(), m.end(), fixed(r[0], r[1], "month", CALENDAR))


def _build_month_alone(m: re.Match[str], doc: Doc) -> Candidate | None:
    if not doc.persian:
        return None
    start, end = m.span("x")
    month = _month_number(m)
    direction = doc.direction(start, end, DEFAULT_DIRECTION["month"])
    resolver = yearless("month", lambda y: solar_hijri.month_range(y, month), direction, CALENDAR,
                        solar_hijri.year_of)
    return Candidate(start, end, resolver)


def _build_year(m: re.Match[str], doc: Doc) -> Candidate | None:
    year = int(m["y"])
    explicit = m["before"] or m["fa"] or m["after"] or m["cal"]
    if not explicit and bare_year_reading(doc, year, *m.span("y")) != CALENDAR:
        return None
    r = solar_hijri.year_range(year)
    return Candidate(m.start(), m.end(), fixed(r[0], r[1], "year", CALENDAR))


RULES = [
    Rule(DAY_MONTH, _build_day, _MONTH_WORD),
    Rule(MONTH_DAY, _build_day, _MONTH_WORD),
    Rule(MONTH_YEAR, _build_month, _MONTH_WORD),
    Rule(MONTH_ALONE, _build_month_alone, _MONTH_WORD),
    Rule(NUMERIC, _build_numeric, _YEAR_NUMBER),
    Rule(YEAR_EXPR, _build_year, _YEAR_NUMBER),
]
