"""Grammar of Lunar Hijri (Islamic calendar) dates, in Latin transliteration or Arabic and Persian script.

Forms: "12 Ramadan 1447", "12 Ramadan 1447 AH", "Ramadan 12, 1447", "12th of
Rabi' al-Awwal 1446", "12 Ramadan" (the occurrence nearest to publication),
"Ramadan 1447", "Dhu al-Hijjah 1446 AH", "during Ramadan" (the latest before
publication), "the month of Safar", "1447 AH", "AH 1447", "the Hijri year 1447",
"1447 in the Islamic calendar", "١٢ رمضان ١٤٤٧ هـ", "رمضان ۱۴۴۷".

These serve reports from countries that date by the Islamic calendar (Saudi
and Gulf state media, Afghan and Pakistani reports, Iranian reports of
religious dates), and amnesties or executions announced for a holy month.
A 13xx-15xx number is a Lunar Hijri year only with a month name or a marker
(AH, هـ, ...): without one it is read by the Gregorian and Solar Hijri rules.
A name in Arabic or Persian script needs its year (صفر is also "zero"); a
month alone needs "in", "during", ... and is one the reports name alone (the
holy months, data file) or follows "the month of".
"""
from __future__ import annotations

import re

from casewatch.dates import lunar_hijri
from casewatch.dates.expression import Candidate, Doc, Rule, fixed
from casewatch.dates.periods import Range
from casewatch.dates.resolve import yearless
from casewatch.dates.vocab import (
    DEFAULT_DIRECTION,
    LH,
    LH_CALENDAR_AFTER,
    LH_MARKER_AFTER,
    LH_MARKER_BEFORE,
    LH_MONTH_ARABIC,
    LH_MONTH_LATIN,
    LH_MONTHS,
    LH_MONTHS_ALONE,
    lh_month_key,
    trigger,
)

CALENDAR = "lunar_hijri"
DAY = r"(?:30|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
YEAR = r"1[345]\d\d"
# A marker is not the first letter of a Solar Hijri one ("ه.ش").
_MARKER_END = r"(?![\w])(?!\.?\s*ش)"
_AFTER = rf"(?:\s*\(?(?:{LH_MARKER_AFTER})\)?{_MARKER_END}|\s+(?:{LH_CALENDAR_AFTER}))"
_LATIN = rf"(?=[A-Z])(?i:{LH_MONTH_LATIN})(?![\w'’-])"
_ARABIC = rf"{LH_MONTH_ARABIC}(?![\w])"
_YEAR_PART = rf"(?:,?\s+(?P<y>{YEAR})(?!\d)(?P<m1>{_AFTER})?)"

_MONTH_WORD = trigger({re.split(r"[\s'’-]", name)[0] for name in LH["months_latin"]}, lowercase=False)
_ARABIC_MONTH_WORD = re.compile(LH_MONTH_ARABIC)
_YEAR_NUMBER = re.compile(YEAR)
DAY_MONTH = re.compile(rf"(?<![\w-])(?P<d>{DAY})(?:\s+of)?\s+(?P<mon>{_LATIN}){_YEAR_PART}?")
MONTH_DAY = re.compile(rf"(?<![\w-])(?P<mon>{_LATIN})\s+(?P<d>{DAY}){_YEAR_PART}")
MONTH_YEAR = re.compile(rf"(?<![\w-])(?P<mon>{_LATIN})(?:\s+of)?{_YEAR_PART}")
ARABIC_DATE = re.compile(
    rf"(?<![\w-])(?:(?P<d>{DAY})\s+)?(?P<mon>{_ARABIC})\s+(?P<y>{YEAR})(?!\d)(?P<m1>{_AFTER})?")
MONTH_ALONE = re.compile(
    r"(?P<cue>(?i:\b(?:in|during|since|until|till|before|after|through|throughout|for))"
    r"|(?i:\bthe\s+(?:holy\s+|fasting\s+|sacred\s+)?month\s+of))\s+"
    rf"(?P<x>(?P<mon>{_LATIN}))(?!\s*\d|\s+[A-Z]|['’]s)")
YEAR_EXPR = re.compile(
    rf"(?:(?P<before>(?<![\w-])(?:the\s+)?(?:{LH_MARKER_BEFORE}))\s+)?(?<![\w$£€#.,/-])(?P<y>{YEAR})(?!\d|[.,/:]\d)"
    rf"(?P<after>{_AFTER})?")


def _month_number(m: re.Match[str]) -> int:
    return LH_MONTHS[lh_month_key(m["mon"])]


def _day_of_month(text: str) -> int:
    return int(text.rstrip("stndrh"))


def _day_candidate(start: int, end: int, doc: Doc, year: str | None, month: int, day: int) -> Candidate | None:
    """A Lunar Hijri day, of the year given or, without one, of the year nearest to publication."""
    if year:
        d = lunar_hijri.to_gregorian(int(year), month, day)
        return Candidate(start, end, fixed(d, d, "day", CALENDAR)) if d else None
    if day > 30:
        return None

    def days(y: int) -> Range | None:
        d = lunar_hijri.to_gregorian(y, month, day)
        return (d, d) if d else None

    direction = doc.direction(start, end, DEFAULT_DIRECTION["day"])
    return Candidate(start, end, yearless("day", days, direction, CALENDAR, lunar_hijri.year_of))


def _build_day(m: re.Match[str], doc: Doc) -> Candidate | None:
    return _day_candidate(m.start(), m.end(), doc, m["y"], _month_number(m), _day_of_month(m["d"]))


def _build_month(m: re.Match[str], doc: Doc) -> Candidate | None:
    r = lunar_hijri.month_range(int(m["y"]), _month_number(m))
    return Candidate(m.start(), m.end(), fixed(r[0], r[1], "month", CALENDAR)) if r else None


def _build_arabic(m: re.Match[str], doc: Doc) -> Candidate | None:
    return _build_day(m, doc) if m["d"] else _build_month(m, doc)


def _build_month_alone(m: re.Match[str], doc: Doc) -> Candidate | None:
    month = _month_number(m)
    if month not in LH_MONTHS_ALONE and "month" not in m["cue"].lower():
        return None
    start, end = m.span("x")
    direction = doc.direction(start, end, DEFAULT_DIRECTION["month"])
    resolver = yearless("month", lambda y: lunar_hijri.month_range(y, month), direction, CALENDAR,
                        lunar_hijri.year_of)
    return Candidate(start, end, resolver)


def _build_year(m: re.Match[str], doc: Doc) -> Candidate | None:
    if not (m["before"] or m["after"]):
        return None
    r = lunar_hijri.year_range(int(m["y"]))
    return Candidate(m.start(), m.end(), fixed(r[0], r[1], "year", CALENDAR)) if r else None


RULES = [
    Rule(DAY_MONTH, _build_day, _MONTH_WORD),
    Rule(MONTH_DAY, _build_day, _MONTH_WORD),
    Rule(MONTH_YEAR, _build_month, _MONTH_WORD),
    Rule(MONTH_ALONE, _build_month_alone, _MONTH_WORD),
    Rule(ARABIC_DATE, _build_arabic, _ARABIC_MONTH_WORD),
    Rule(YEAR_EXPR, _build_year, _YEAR_NUMBER),
]
