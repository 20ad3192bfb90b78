"""Words a report puts inside quotation marks, and who says them.

Quotes are paired within a paragraph (straight, curly, angle and single quotes);
quotes of three words or fewer are scare quotes and are skipped. The speaker
is the source of the reporting verb right after the quote ("..., the group
said"), or before it in the same sentence ("Nadimi said: ..."), or the speaker
of the quote just before in the same paragraph ("...," she said. "...").
"""
from __future__ import annotations

import bisect
import re

from ..models import Attribution, Quotation
from .attribution import Source
from .context import Context

_QUOTES = (re.compile(r"“([^“”\n]+)”"), re.compile(r'"([^"\n]+)"'), re.compile(r"«([^«»\n]+)»"),
           # single quotes, as British outlets write them: an apostrophe inside a word ("don't", "Ali's") or
           # after a plural ("the prisoners' families") neither opens nor closes one
           re.compile(r"(?:^|(?<=[\s(\[—–]))['‘]((?:[^'‘’\n\s]|\s(?!['’])|(?<=\w)['’](?=\w))+?)(?<!\s)['’]"
                      r"(?=[\s,.;:!?)\]—–]|$)", re.M))
_MIN_WORDS = 4
_WINDOW = 16


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the text inside quotation marks (scare quotes included), in order."""
    spans = [(m.start(1), m.end(1)) for rx in _QUOTES for m in rx.finditer(text)]
    return sorted(spans)


def long_quotes(text: str) -> list[tuple[int, int]]:
    """Quotes of four words or more: what someone said, not a scare quote."""
    return [(a, b) for a, b in quote_spans(text) if len(text[a:b].split()) >= _MIN_WORDS]


def _after(ctx: Context, by_cue: dict[int, Source], last: int, limit: int) -> Source | None:
    """", the group said." right after the quote, within its sentence."""
    doc = ctx.tokens
    i = last
    while i < len(doc) and i < last + _WINDOW and doc[i].idx < limit:
        t = doc[i]
        if i in by_cue and by_cue[i].cue.pos_ == "VERB":
            return by_cue[i]
        if t.text in (".", "!", "?") and not ctx.in_quote(t.idx) and i > last:
            return None
        i += 1
    return None


def _governing(ctx: Context, by_cue: dict[int, Source], first: int, last: int) -> Source | None:
    """"Nadimi said: ..." or "... described as ...": the reporting verb whose clause holds the quote."""
    doc = ctx.tokens
    head = next((doc[i] for i in range(first, last) if not (first <= doc[i].head.i < last)), None)
    t = head
    for _ in range(8):
        if t is None or t.head.i == t.i:
            return None
        t = t.head
        if t.i in by_cue:
            return by_cue[t.i]
        if t.pos_ == "VERB" and t.dep_ in ("relcl", "acl", "advcl"):
            return None
    return None


def quote_sources(ctx: Context, sources: list[list[Source]]) -> list[tuple[tuple[int, int], Source | None]]:
    """Each long quote with the source that says it (None when the report does not say)."""
    by_cue = {s.cue.i: s for row in sources for s in row}
    text = ctx.text
    out: list[tuple[tuple[int, int], Source | None]] = []
    spans = ctx.quote_spans
    starts = [t.idx for t in ctx.tokens]
    for n, (a, b) in enumerate(spans):
        first = bisect.bisect_left(starts, a)
        last = bisect.bisect_left(starts, b)
        para_end = text.find("\n", b)
        para_end = len(text) if para_end < 0 else para_end
        next_quote = spans[n + 1][0] if n + 1 < len(spans) else len(text)
        found = _after(ctx, by_cue, last, min(para_end, next_quote)) or _governing(ctx, by_cue, first, last)
        if found is None and out:
            (_, pb), prev = out[-1]
            between = text[pb:a]
            if prev is not None and "\n" not in between and len(between) < 160:
                found = prev
        if found is None and first > 0:
            si = ctx.tok_sent[first]
            prev_row = sources[si - 1] if si > 0 else []
            verbs = [s for s in prev_row if s.cue.pos_ == "VERB"]
            para_start = text.rfind("\n", 0, a) + 1
            if len(verbs) == 1 and ctx.sentences[si - 1][0] >= para_start:
                found = verbs[0]
        out.append(((a, b), found))
    return out


def find_quotes(ctx: Context, with_sources: list[tuple[tuple[int, int], Source | None]]) -> list[Quotation]:
    """Quotation objects for the long quotes."""
    out: list[Quotation] = []
    for (a, b), s in with_sources:
        ev = ctx.evidence(a, b)
        if not ev.quote:
            continue
        if s is None:
            out.append(Quotation(ev))
        else:
            out.append(Quotation(ev, speaker=s.attribution.name, speaker_mention=s.attribution.mention))
    return out


def quote_attribution(ctx: Context, with_sources: list[tuple[tuple[int, int], Source | None]],
                      offset: int) -> Attribution | None:
    """The speaker of the quote an offset lies in, as an attribution."""
    for (a, b), s in with_sources:
        if a <= offset < b:
            return s.attribution if s is not None else None
    return None
