"""Joining two adjacent date expressions into one range: "from late 2024 through early 2025".

Two expressions make a range when the words between them are a dash, "through",
"until" or "till", or "to" after "from", or "and" after "between". A leading
"from" or "between" belongs to the range. Not a range: "moved the hearing
from Tuesday to Thursday" (a verb of rescheduling before "from", data file).
The start takes its year from the end when it has none of its own ("between
March and May 2025").
"""
from __future__ import annotations

import dataclasses
import re

from casewatch.dates.expression import Candidate, Context, Doc, Resolution, unresolved
from casewatch.dates.vocab import RESCHEDULE_VERBS

_DASH = re.compile(r"\s*[-–]\s*")
_OPEN_WORD = re.compile(r"\s+(?:through|thru|until|till)\s+", re.I)
_TO = re.compile(r"\s+to\s+", re.I)
_AND = re.compile(r"\s+and\s+", re.I)
_FROM_BEFORE = re.compile(r"(?<!\w)(?P<w>from|between)\s+$", re.I)
_RESCHEDULE_BEFORE = re.compile(rf"(?i)(?<!\w){RESCHEDULE_VERBS}(?!\w)[^.;:!?]{{0,40}}$")


def _range_start(doc: Doc, a: Candidate, b: Candidate) -> int | None:
    """Where the range of ``a`` and ``b`` starts, or None when they do not make one."""
    between = doc.text[a.end:b.start]
    head = _FROM_BEFORE.search(doc.text, max(0, a.start - 12), a.start)
    if head and _RESCHEDULE_BEFORE.search(doc.text, max(0, head.start() - 40), head.start()):
        return None
    opener = head["w"].lower() if head else None
    if _DASH.fullmatch(between) or _OPEN_WORD.fullmatch(between):
        return head.start() if opener == "from" else a.start
    if _TO.fullmatch(between) and opener == "from":
        return head.start()
    if _AND.fullmatch(between) and opener == "between":
        return head.start()
    return None


def _join(a: Candidate, b: Candidate, start: int) -> Candidate:
    def resolve(ctx: Context) -> Resolution:
        end = b.resolve(ctx)
        if end.first is None:
            return unresolved("range", end.calendar, end.anchor)
        begin = a.resolve(dataclasses.replace(ctx, range_end=end.first))
        if begin.first is None or end.last is None or begin.first > end.last:
            return unresolved("range", begin.calendar, begin.anchor or end.anchor)
        return Resolution(begin.first, end.last, "range", begin.calendar, begin.anchor or end.anchor)

    return Candidate(start, b.end, resolve)


def join_ranges(doc: Doc, chosen: list[Candidate]) -> list[Candidate]:
    """The candidates in text order, with each pair that makes a range joined into one."""
    out: list[Candidate] = []
    i = 0
    while i < len(chosen):
        if i + 1 < len(chosen):
            start = _range_start(doc, chosen[i], chosen[i + 1])
            if start is not None:
                out.append(_join(chosen[i], chosen[i + 1], start))
                i += 2
                continue
        out.append(chosen[i])
        i += 1
    return out
