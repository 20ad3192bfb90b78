"""Names written in capitals: headlines, captions and state media ("KUROSH DALIRVAND SENTENCED", "A.
ZHUKOVETS"), where the small model tags little or the wrong thing.

* A run of words in capitals that spells a person's name the report writes in ordinary case elsewhere (a
  full name or a surname) is that person.
* A pair of words in capitals the gazetteer holds as a given name of clear gender and a name, neither of them
  a word the report writes in lower case nor a date, is a person ("NAVID SABETI" in a headline of a report
  that never names him otherwise).
"""
from __future__ import annotations

from .. import gazetteer
from .candidates import Cand
from .context import Context
from .names import person_words


def _caps(ctx: Context, i: int) -> bool:
    t = ctx.tokens[i]
    return t.is_alpha and t.is_upper and len(t.text) >= 2


def _body_names(ctx: Context, cands: list[Cand]) -> tuple[dict[tuple[str, ...], int], set[str]]:
    """The report's full names (as upper-case word tuples) and surnames (upper case) written in ordinary case."""
    full, _, last = person_words(ctx, cands)
    names = {tuple(w.upper() for w in f.split()): len(f.split()) for f in full if not f.isupper()}
    return names, {w.upper() for w in last if not w.isupper() and len(w) >= 3}


def capitals(ctx: Context, cands: list[Cand]) -> list[Cand]:
    """People named in capitals (see the module docstring)."""
    doc = ctx.tokens
    n = len(doc)
    full, surnames = _body_names(ctx, cands)
    longest = max(full.values(), default=1)
    lower = ctx.lower_words
    covered = [False] * n
    for c in cands:
        caps = all(_caps(ctx, i) or not doc[i].is_alpha for i in range(c.start, c.end))
        if caps and c.label in ("ORG", "PLACE", "PERSON") and c.origin not in ("acronym", "expansion", "dateline"):
            words = tuple(doc[i].text for i in range(c.start, c.end) if doc[i].is_alpha)
            if words in full or (len(words) == 1 and words[0] in surnames):
                c.label = "PERSON"
        for i in range(c.start, c.end):
            covered[i] = True
    out = list(cands)
    i = 0
    while i < n:
        if covered[i] or not _caps(ctx, i):
            i += 1
            continue
        found = 0
        for k in range(min(longest, n - i), 0, -1):
            span = range(i, i + k)
            if any(covered[j] or not _caps(ctx, j) for j in span) or len({ctx.tok_sent[j] for j in span}) > 1:
                continue
            words = tuple(doc[j].text for j in span)
            if words in full or (k == 1 and words[0] in surnames):
                found = k
                break
        if not found and i + 1 < n and _caps(ctx, i + 1) and not covered[i + 1] \
                and ctx.tok_sent[i] == ctx.tok_sent[i + 1] and _gazetteer_pair(ctx, i, lower):
            found = 2
        if found:
            out.append(Cand(i, i + found, "PERSON", "capitals"))
            for j in range(i, i + found):
                covered[j] = True
            i += found
        else:
            i += 1
    return out


def _gazetteer_pair(ctx: Context, i: int, lower: frozenset[str]) -> bool:
    """Whether words ``i`` and ``i + 1`` read as a given name of clear gender and a name, and as nothing else."""
    a, b = ctx.tokens[i], ctx.tokens[i + 1]
    if a.lower_ in lower or b.lower_ in lower or i in ctx.tok_date or i + 1 in ctx.tok_date:
        return False
    if a.lower_ in ctx.lex.titles or b.lower_ in ctx.lex.titles or len(a.text) < 3 or len(b.text) < 3:
        return False
    return gazetteer.gender(a.text) is not None and gazetteer.is_name(b.text)
