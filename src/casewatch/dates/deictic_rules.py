"""Grammar of dates relative to publication or to the previous date of the text.

Forms: "today", "late yesterday", "tomorrow", "Friday", "last Friday", "next
Tuesday", "the previous Friday", "last week", "this month", "early next year",
"earlier this month", "the end of the year", "over the weekend", "this
quarter", "the latest quarter", "three weeks ago", "two days later", "a year
earlier", "year-earlier", "the previous day", "the following year", "that day".

"earlier this month", "later this year" and "earlier in the year" mean the
month or year as a whole (the TimeML convention); "early this year" is its
first part. "a year ago" and "year-earlier" after a month, season or quarter
compare with that period a year before (see ``resolve``). Counts that are not
numbers ("a few days ago", "recent weeks") and repetitions ("every Monday")
are left out: they cannot be resolved to days.
"""
from __future__ import annotations

import datetime as dt
import re

from casewatch.dates import periods
from casewatch.dates.cues import is_sentence_start
from casewatch.dates.expression import Candidate, Context, Doc, Resolution, Rule, unresolved
from casewatch.dates.resolve import ago, from_reference, on_published, shift_reference, weekday
from casewatch.dates.vocab import (
    DEFAULT_DIRECTION,
    EN,
    NUMBER,
    NUMBER_WORDS,
    PART,
    PART_WORDS,
    UNIT,
    UNITS,
    WEEKDAY_FULL,
    WEEKDAYS,
    lookup,
    trigger,
)

_END = r"(?![\w-])"
_DAY_OFFSETS = {"today": 0, "tonight": 0, "this morning": 0, "this afternoon": 0, "this evening": 0,
                "yesterday": -1, "last night": -1, "tomorrow": 1,
                "the day before yesterday": -2, "the day after tomorrow": 2}
_REL = {"last": -1, "this past": -1, "this": 0, "the": 0, "the current": 0, "next": 1}

_DAY_TRIGGER = trigger(["today", "tonight", "yesterday", "tomorrow", "morning", "afternoon", "evening",
                        "night"])
_WEEKDAY_TRIGGER = trigger(EN["weekdays"], lowercase=False)
_PERIOD_TRIGGER = trigger(["day", "week", "month", "year"])
_QUARTER_TRIGGER = trigger(["quarter"])
_OFFSET_TRIGGER = trigger(["ago", "earlier", "later", "afterward", "previously", "before", "after", "prior",
                           "from now", "hence"])
DAY_WORD = re.compile(
    r"(?<![\w-])(?:(?i:late|early|earlier|later)\s+)?"
    r"(?P<w>(?i:the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|today|tonight|yesterday"
    rf"|tomorrow|this\s+(?:morning|afternoon|evening)|last\s+night)){_END}")
WEEKDAY = re.compile(
    r"(?<![\w-])(?:(?P<mod>(?i:last|this|next|this\s+coming|this\s+past|coming|past|the\s+previous"
    r"|the\s+following|the\s+next|the\s+preceding))\s+|(?i:early|late|earlier|later)\s+)?"
    rf"(?P<wd>{WEEKDAY_FULL})(?!\w)")
RELATIVE_PERIOD = re.compile(
    r"(?<![\w-])(?:(?P<part>(?i:early|late|earlier|later|mid))[\s-]+"
    rf"|(?i:the\s+)(?P<partof>(?i:{PART}))\s+(?i:of)\s+)?"
    r"(?P<rel>(?i:last|this\s+past|this|next|the\s+current|the))\s+(?P<unit>(?i:week|month|year))" + _END)
IN_THE_PERIOD = re.compile(
    r"(?<![\w-])(?i:earlier|later)\s+(?i:in)\s+(?i:the)\s+(?P<unit>(?i:week|month|year))" + _END)
WEEKEND = re.compile(r"(?<![\w-])(?P<rel>(?i:last|this\s+past|this|next|the))\s+(?i:weekend)" + _END)
QUARTER = re.compile(
    r"(?<![\w-])(?P<rel>(?i:last|this|next|the\s+current|the\s+previous|the\s+past|the\s+latest|the\s+most\s+recent"
    r"|the\s+coming|the))\s+(?i:quarter)" + _END)
YEAR_EARLIER = re.compile(
    r"(?<![\w-])(?:(?i:the)\s+)?(?:(?i:comparable|corresponding|same)\s+)?(?i:year-(?:earlier|ago))"
    r"(?:\s+(?:(?i:first|second|third|fourth)\s+)?(?i:quarter|period))?" + _END)
CHAIN = re.compile(
    r"(?<![\w-])(?:(?i:the\s+)(?P<which>(?i:previous|preceding|following|next|same))|(?P<that>(?i:that)))"
    r"\s+(?P<unit>(?i:day|week|month|year))" + _END
    + r"|(?<![\w-])(?i:the\s+)(?i:day)\s+(?P<ba>(?i:before|after))(?=\s*[,.;:!?)]|\s*$)")
OFFSET = re.compile(
    r"(?<![\w-])(?:(?i:nearly|almost|about|around|some|roughly|approximately|just|only|barely|more\s+than"
    rf"|less\s+than|over|under)\s+)?(?P<n>(?i:{NUMBER}))\s+(?P<unit>(?i:{UNIT}))\s+"
    r"(?P<dir>(?i:ago|earlier|later|afterwards?|previously|before|after|prior|from\s+now|hence))" + _END)


_COMPLEMENT = re.compile(r"\s*[\w(]")
_EVERY = re.compile(r"(?i)(?<!\w)(?:every|each)\s+$")


def _number(word: str) -> int:
    """The value of a count written in digits or words."""
    return int(word) if word.isdecimal() else NUMBER_WORDS[word.lower()]


def _is_title(m: re.Match[str], doc: Doc) -> bool:
    """Whether a capitalised "Today" or "This Week" inside a sentence is a title (a programme, a column)."""
    return m.group()[0].isupper() and not is_sentence_start(doc.text, m.start())


def _build_day_word(m: re.Match[str], doc: Doc) -> Candidate | None:
    if _is_title(m, doc):
        return None
    offset = _DAY_OFFSETS[" ".join(m["w"].lower().split())]
    return Candidate(m.start(), m.end(),
                     on_published("day", lambda pub: periods.day(pub + dt.timedelta(days=offset))))


def _build_weekday(m: re.Match[str], doc: Doc) -> Candidate | None:
    """A weekday, alone or with "last", "next", "the previous", ...; not "every Monday" (a repetition)."""
    if _EVERY.search(doc.text, max(0, m.start() - 8), m.start()):
        return None
    wd = lookup(WEEKDAYS, m["wd"])
    mod = " ".join(m["mod"].lower().split()) if m["mod"] else None
    if mod in ("the previous", "the preceding", "the following", "the next"):
        ahead = mod in ("the following", "the next")

        def resolve(ctx: Context) -> Resolution:
            ref = ctx.previous
            if ref is not None and ref.precision == "day":
                d = weekday(ref.first, wd, "next" if ahead else "last")
                return Resolution(d, d, "day", anchor=ref.describe())
            if ctx.published is None:
                return unresolved("day")
            d = weekday(ctx.published, wd, "next" if ahead else "last")
            return Resolution(d, d, "day", anchor=ctx.anchor)

        return Candidate(m.start(), m.end(), resolve, sets_reference=ahead)
    if mod in ("last", "this past", "past"):
        mode = "last"
    elif mod in ("next", "this coming", "coming"):
        mode = "next"
    elif mod == "this":
        mode = "this"
    else:
        mode = doc.direction(m.start(), m.end(), DEFAULT_DIRECTION["weekday"])
    return Candidate(m.start(), m.end(), on_published("day", lambda pub: periods.day(weekday(pub, wd, mode))))


def _build_relative_period(m: re.Match[str], doc: Doc) -> Candidate | None:
    rel = " ".join(m["rel"].lower().split())
    unit = m["unit"].lower()
    part_word = (m["part"] or m["partof"] or "").lower()
    if (rel == "the" and not m["partof"]) or _is_title(m, doc):
        return None
    n = _REL[rel]
    part = PART_WORDS.get(part_word)
    precision = unit
    if part and unit != "week":
        precision = "part_of_month" if unit == "month" else "part_of_year"

    def days(pub: dt.date) -> periods.Range:
        moved = periods.shift_day(pub, unit, n)
        if precision == "part_of_month":
            return periods.part_of_month(moved.year, moved.month, part)
        if precision == "part_of_year":
            return periods.part_of_year(moved.year, part)
        return periods.containing(moved, unit)

    return Candidate(m.start(), m.end(), on_published(precision, days))


def _build_in_the_period(m: re.Match[str], doc: Doc) -> Candidate:
    unit = m["unit"].lower()
    return Candidate(m.start(), m.end(), on_published(unit,
                                                      lambda pub: periods.containing(pub, unit)))


def _build_weekend(m: re.Match[str], doc: Doc) -> Candidate:
    rel = " ".join(m["rel"].lower().split())
    if rel == "the":
        future = doc.direction(m.start(), m.end(), DEFAULT_DIRECTION["weekend"]) == "future"

        def days(pub: dt.date) -> periods.Range:
            """The weekend under way or just past; with a future cue, the one under way or coming."""
            return periods.weekend(pub if future or pub.weekday() >= 5 else pub - dt.timedelta(days=7))

        return Candidate(m.start(), m.end(), on_published("week", days))
    n = _REL[rel]
    return Candidate(m.start(), m.end(),
                     on_published("week", lambda pub: periods.weekend(pub + dt.timedelta(weeks=n))))


def _quarter_around(pub: dt.date, n: int) -> periods.Range:
    """The quarter ``n`` quarters from the one that holds ``pub``."""
    moved = periods.add_months(pub.replace(day=1), 3 * n)
    return periods.quarter(moved.year, periods.quarter_of(moved))


def _build_quarter(m: re.Match[str], doc: Doc) -> Candidate:
    rel = " ".join(m["rel"].lower().split())
    n = {"this": 0, "the current": 0, "next": 1, "the coming": 1}.get(rel, -1)
    latest = on_published("part_of_year", lambda pub: _quarter_around(pub, n))
    if rel != "the":
        return Candidate(m.start(), m.end(), latest)

    def resolve(ctx: Context) -> Resolution:
        """The quarter last named, else the last one completed before publication."""
        ref = ctx.previous_period
        is_quarter = ref is not None and periods.add_months(ref.first, 3) > ref.last
        if ref is not None and ref.precision == "part_of_year" and is_quarter:
            return Resolution(ref.first, ref.last, "part_of_year", anchor=ref.describe())
        return latest(ctx)

    return Candidate(m.start(), m.end(), resolve)


def _build_year_earlier(m: re.Match[str], doc: Doc) -> Candidate:
    return Candidate(m.start(), m.end(), ago("year", -1, m.start()), sets_reference=False)


def _build_chain(m: re.Match[str], doc: Doc) -> Candidate:
    """"the previous day", "the following year", "the day before", "that week": from the previous date."""
    if m["ba"]:
        unit, n = "day", (-1 if m["ba"].lower() == "before" else 1)
    else:
        unit = m["unit"].lower()
        which = (m["which"] or m["that"]).lower()
        n = {"previous": -1, "preceding": -1, "following": 1, "next": 1}.get(which, 0)
    if n != 0:
        return Candidate(m.start(), m.end(), from_reference(unit, n), sets_reference=n > 0)

    def resolve(ctx: Context) -> Resolution:
        """"That year": the year of the previous date; nothing without one."""
        ref = ctx.previous
        moved = shift_reference(ref, unit, 0) if ref is not None else None
        if moved is None:
            return unresolved(unit, anchor=ref.describe() if ref else None)
        (first, last), got = moved
        return Resolution(first, last, got, anchor=ref.describe())

    return Candidate(m.start(), m.end(), resolve)


def _build_offset(m: re.Match[str], doc: Doc) -> Candidate | None:
    """"three weeks ago", "two days later"; not "two days after the vote" (counted from an event)."""
    direction = " ".join(m["dir"].lower().split())
    if direction in ("before", "after", "prior") and _COMPLEMENT.match(doc.text, m.end()):
        return None
    n = _number(m["n"])
    unit = UNITS[m["unit"].lower()]
    if direction in ("ago", "from now", "hence"):
        return Candidate(m.start(), m.end(), ago(unit, -n if direction == "ago" else n, m.start()),
                         sets_reference=unit != "year")
    sign = -1 if direction in ("earlier", "previously", "before", "prior") else 1
    return Candidate(m.start(), m.end(), from_reference(unit, sign * n), sets_reference=sign > 0)


RULES = [
    Rule(DAY_WORD, _build_day_word, _DAY_TRIGGER),
    Rule(WEEKDAY, _build_weekday, _WEEKDAY_TRIGGER),
    Rule(RELATIVE_PERIOD, _build_relative_period, _PERIOD_TRIGGER),
    Rule(IN_THE_PERIOD, _build_in_the_period, _PERIOD_TRIGGER),
    Rule(WEEKEND, _build_weekend, _PERIOD_TRIGGER),
    Rule(QUARTER, _build_quarter, _QUARTER_TRIGGER),
    Rule(YEAR_EARLIER, _build_year_earlier, _PERIOD_TRIGGER),
    Rule(CHAIN, _build_chain, _PERIOD_TRIGGER),
    Rule(OFFSET, _build_offset, _OFFSET_TRIGGER),
]
