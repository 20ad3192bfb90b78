"""Finding every date expression of a clean text and resolving it: the grammar's driver."""
from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
import re
from collections.abc import Iterator

from casewatch.dates import deictic_rules, gregorian_rules, lunar_hijri_rules, period_rules, periods, solar_hijri_rules
from casewatch.dates.cues import direction, told_in_past
from casewatch.dates.expression import Candidate, Context, Doc, Reference, Rule
from casewatch.dates.ranges import join_ranges
from casewatch.dates.resolve import COMPARABLE
from casewatch.models import DateMention

RULES = (*gregorian_rules.RULES, *period_rules.RULES, *deictic_rules.RULES, *solar_hijri_rules.RULES,
         *lunar_hijri_rules.RULES)

# Persian and Arabic-Indic digits to ASCII, Arabic yeh and kaf to their Persian forms: one character each.
_NORMALISE = str.maketrans({
    **{chr(0x06F0 + i): str(i) for i in range(10)},
    **{chr(0x0660 + i): str(i) for i in range(10)},
    "\u064A": "\u06CC",
    "\u0643": "\u06A9",
})

# How far a match may reach before and after the trigger it contains.
TRIGGER_REACH = 48


Hits = dict[re.Pattern[str], list[tuple[int, int]]]


def _matches(rule: Rule, text: str, hits: Hits) -> Iterator[re.Match[str]]:
    """The matches of a rule's pattern in ``text``: everywhere, or around its trigger's matches.

    ``hits`` keeps each trigger's matches, for the rules that share it.
    """
    if rule.trigger is None:
        yield from rule.pattern.finditer(text)
        return
    if rule.trigger not in hits:
        hits[rule.trigger] = [m.span() for m in rule.trigger.finditer(text)]
    spans = hits[rule.trigger]
    windows: list[list[int]] = []
    for s, e in spans:
        if windows and s - TRIGGER_REACH <= windows[-1][1]:
            windows[-1][1] = e + TRIGGER_REACH
        else:
            windows.append([max(0, s - TRIGGER_REACH), e + TRIGGER_REACH])
    starts = [s for s, _ in spans]
    for w0, w1 in windows:
        for m in rule.pattern.finditer(text, w0, w1):
            i = bisect.bisect_left(starts, m.start())
            if i < len(spans) and spans[i][1] <= m.end():
                yield m


def _select(candidates: list[Candidate]) -> list[Candidate]:
    """The longest candidates that do not overlap, in text order (the earlier one wins a tie)."""
    starts: list[int] = []
    taken: list[Candidate] = []
    for c in sorted(candidates, key=lambda c: (c.start - c.end, c.start)):
        i = bisect.bisect_left(starts, c.start)
        if (i == 0 or taken[i - 1].end <= c.start) and (i == len(taken) or c.end <= taken[i].start):
            starts.insert(i, c.start)
            taken.insert(i, c)
    return taken


_YEAR = re.compile(r"(?<!\d)\d{4}(?!\d)|'\d\d(?!\d)")
_BREAK = re.compile(r"[.!?;]\s|\n")
# words between two dates that tell the second as the earlier: "deported in June, after a raid in April"
_BACKWARDS = re.compile(r"(?i)(?<!\w)(?:had|after|since|having|previously|earlier|following)(?!\w)")
_IN_ORDER = ("month", "day")
# words between two dates that leave their order untold: a relative clause, a comparison, a span
_NO_ORDER = re.compile(r"(?i)(?<!\w)(?:which|who|whom|whose|that|when|while|where|from|to|than|compared|versus)(?!\w)")
_MONTH_NAME = re.compile(r"(?i)(?<![a-z])(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?(?![a-z])")


def _year_back(m: DateMention) -> DateMention:
    """The same yearless month or day a year earlier."""
    assert m.first is not None and m.last is not None
    try:
        first = m.first.replace(year=m.first.year - 1)
        last = m.last.replace(year=m.last.year - 1) if m.precision == "day" else \
            periods.month(first.year, first.month)[1]
    except ValueError:  # 29 February
        return m
    return dataclasses.replace(m, first=first, last=last)


def _yearless(m: DateMention) -> bool:
    """A month, or a day of a month, named without its year ("in March", "on 3 May")."""
    return (m.calendar == "gregorian" and m.precision in _IN_ORDER and m.first is not None and m.span is not None
            and not _YEAR.search(m.text) and _MONTH_NAME.search(m.text) is not None)


def in_narrative_order(text: str, mentions: list[DateMention]) -> list[DateMention]:
    """Yearless months or days told in one sentence keep the order the sentence gives them. A sequence of
    events ("detained in March, indicted and bailed in May") happened in the order told: when the later
    one resolves to a date before the earlier one (in a report of early April, May is last May), the earlier
    one is the year before. After "after", "since", "having" or "had" the second happened first ("deported in
    June, after a raid in April"): when it resolves to a later date, it is the year before."""
    out = list(mentions)
    for i in range(len(out) - 2, -1, -1):
        a, b = out[i], out[i + 1]
        if not (_yearless(a) and _yearless(b)):
            continue
        assert a.span is not None and b.span is not None and a.first is not None and b.first is not None
        between = text[a.span[1]:b.span[0]]
        if _BREAK.search(between) or _NO_ORDER.search(between) or abs((a.first - b.first).days) > 366:
            continue
        if not told_in_past(text, *a.span) or direction(text, *b.span) == "future":
            continue  # events told in the past; not "payable Dec. 7 to holders of record Nov. 22"
        if _BACKWARDS.search(between):
            if b.first > a.first:
                out[i + 1] = _year_back(b)
        elif b.first < a.first and not _BACKWARDS.search(text[max(0, a.span[0] - 30):a.span[0]]):
            out[i] = _year_back(a)
    return out


def find_dates(text: str, published: dt.date | None) -> list[DateMention]:
    """Every date expression of ``text``, in text order, resolved against the publication date.

    ``text[m.span[0]:m.span[1]] == m.text`` for each mention. An expression that
    needs the publication date (or is too vague) is kept with ``first = last = None``.
    """
    doc = Doc(text, text.translate(_NORMALISE), published)
    hits: Hits = {}
    candidates = [c for rule in RULES for m in _matches(rule, doc.text, hits)
                  if (c := rule.build(m, doc)) is not None and c.end > c.start]
    ctx = Context(published)
    mentions = []
    for c in join_ranges(doc, _select(candidates)):
        r = c.resolve(ctx)
        mentions.append(DateMention(text=text[c.start:c.end], first=r.first, last=r.last,
                                    precision=r.precision, span=(c.start, c.end), calendar=r.calendar,
                                    anchor=r.anchor))
        if r.first is not None and r.last is not None and c.sets_reference:
            ref = Reference(r.first, r.last, r.precision, c.start)
            period = ref if r.precision in COMPARABLE else ctx.previous_period
            ctx = dataclasses.replace(ctx, previous=ref, previous_period=period)
    return in_narrative_order(text, mentions)
