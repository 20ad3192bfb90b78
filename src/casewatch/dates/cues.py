"""Cues in the words around an expression: does it point to the past or the future, is the report about Iran.

Direction, from the words of the expression's own sentence (``LEFT_WINDOW``
characters before it, ``RIGHT_WINDOW`` after), first rule that applies:

1. "since" right before it: past;
2. a past-tense verb right before it ("said Tuesday", "arrested in March";
   from the data file, or a word in -ed that is not a future cue), with no
   future cue before it ("will be paid Dec. 14"): past;
3. "by", "until" or "till" right before it: future, unless a past auxiliary
   ("was", "had", ...) stands before it;
4. a future cue from the data file ("will", "is expected to", "plans", "next",
   "scheduled", ...) before or after it: future;
5. a past auxiliary before it: past;
6. otherwise no cue (None): each kind of expression has its own default.
"""
from __future__ import annotations

import re

from casewatch.dates.vocab import FUTURE_CUES, NOT_PAST_ED, PAST_VERBS, PERSIAN_CONTEXT, SH_MONTH_LATIN

LEFT_WINDOW = 80
RIGHT_WINDOW = 40

_CUE = re.compile(rf"(?i)(?<![\w'-])(?:(?P<future>{FUTURE_CUES})"
                  rf"|(?P<past>{PAST_VERBS}|(?!{NOT_PAST_ED}(?!\w))\w{{2,}}ed))(?![\w-])")
_PAST_BEFORE = re.compile(rf"(?i)(?<![\w-])(?P<w>{PAST_VERBS}|\w{{2,}}ed|since)"
                          r"(?:\s+(?:on|in|last|this|during|at))?\s*$")
_DEADLINE_BEFORE = re.compile(r"(?i)(?<!\w)(?:by|until|till)\s+$")
_PAST_AUXILIARY = re.compile(r"(?i)(?<!\w)(?:was|were|had|did|wasn't|weren't|hadn't|didn't)(?!\w)")
_SENTENCE_BREAK = re.compile(r"[.!?;][\"'”’)]*\s+(?=[\"'“‘(]*[A-Z])|\n\s*\n")
_PERSIAN = re.compile(rf"(?<!\w){PERSIAN_CONTEXT}(?!\w)|[\u0600-\u06FF]"
                      rf"|(?<!\w)\d{{1,2}}\s+{SH_MONTH_LATIN}(?!\w)|(?<!\w){SH_MONTH_LATIN}\s+1[34]\d\d(?!\d)")


def _clause(text: str, start: int, end: int) -> tuple[str, str]:
    """The words of the sentence before and after ``text[start:end]``, within the windows."""
    left = text[max(0, start - LEFT_WINDOW):start]
    breaks = list(_SENTENCE_BREAK.finditer(left))
    if breaks:
        left = left[breaks[-1].end():]
    right = text[end:end + RIGHT_WINDOW]
    cut = _SENTENCE_BREAK.search(right)
    return left, right[:cut.start()] if cut else right


def direction(text: str, start: int, end: int) -> str | None:
    """"past", "future" or None (no cue) for the expression at ``text[start:end]`` (module docstring)."""
    left, right = _clause(text, start, end)
    future_left = any(c["future"] for c in _CUE.finditer(left))
    before = _PAST_BEFORE.search(left)
    if before:
        word = _CUE.fullmatch(before["w"])
        if before["w"].lower() == "since" or (word and word["past"] and not future_left):
            return "past"
    past_auxiliary = _PAST_AUXILIARY.search(left) is not None
    if _DEADLINE_BEFORE.search(left):
        return "past" if past_auxiliary else "future"
    if future_left or any(c["future"] for c in _CUE.finditer(right)):
        return "future"
    return "past" if past_auxiliary else None


def told_in_past(text: str, start: int, end: int) -> bool:
    """Whether the words of the sentence before the expression tell the past (a past-tense verb, no future
    cue), or its own direction is past: "left the country in May"."""
    if direction(text, start, end) == "past":
        return True
    left, right = _clause(text, start, end)
    cues = list(_CUE.finditer(left))
    return any(c["past"] for c in cues) and not any(c["future"] for c in cues) and not any(
        c["future"] for c in _CUE.finditer(right))


def is_sentence_start(text: str, start: int) -> bool:
    """Whether ``text[start]`` begins a sentence (or a quotation, a line, the text)."""
    before = text[max(0, start - 3):start].rstrip(" \"'“‘(")
    return not before or before[-1] in ".!?:\n"


def has_persian_context(text: str) -> bool:
    """Whether the text names Iran (or Tehran, Persian, ...), holds Persian script or a Solar Hijri date."""
    return _PERSIAN.search(text) is not None
