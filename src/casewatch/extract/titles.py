"""Titles and honorifics written before a person's name are not part of it: "Dr.", "Sheikh", "Senator", and the
Burmese "U", "Daw", "Ko", "Ma" ("Ko Zaw Min Htet" is Zaw Min Htet). The word is kept as the mention's
title (it may give a role or a gender). A generational suffix after a name is part of it ("Omid Varo Jr.")."""
from __future__ import annotations

from .candidates import Cand
from .context import Context


def honorific(ctx: Context, s: int, e: int) -> bool:
    """Whether token ``s`` is an honorific before the name ``s + 1 .. e``: one of those written before any
    name ("U", "Daw"), or one that is also a name word ("Ko", "Ma") before two name words or more that do not
    repeat it ("Ko Ko Gyi" keeps its "Ko")."""
    doc, hon = ctx.tokens, ctx.lex.mentions["honorifics"]
    t, nxt = doc[s], doc[s + 1]
    if not (t.text[:1].isupper() and nxt.text[:1].isupper() and nxt.is_alpha):
        return False
    low = t.lower_.rstrip(".")
    if low in hon["before_any"]:
        return True
    return low in hon["before_long"] and e - s >= 3 and nxt.lower_ != low


def is_title(ctx: Context, s: int, e: int) -> bool:
    """Whether token ``s`` is a title or an honorific before the rest of the name (``e - s > 1``)."""
    low = ctx.tokens[s].lower_
    return e - s > 1 and (low in ctx.lex.titles or low.rstrip(".") in ctx.lex.titles or honorific(ctx, s, e))


def strip_titles(ctx: Context, cands: list[Cand]) -> list[Cand]:
    """A person's name starts after its titles and honorifics (a name relabelled a person keeps none)."""
    for c in cands:
        if c.label != "PERSON":
            continue
        while is_title(ctx, c.start, c.end):
            c.title = c.title or ctx.tokens[c.start].lower_
            c.start += 1
            c.cut = True
    return cands


GENERATIONAL = frozenset({"jr", "sr", "ii", "iii", "iv"})
"""Suffixes that tell a father from his son: part of the name ("Omid Varo Jr.", "Omid Varo, Sr.")."""


def generational_suffixes(ctx: Context, cands: list[Cand]) -> list[Cand]:
    """A person's name takes in the generational suffix written after it, with or without a comma."""
    doc = ctx.tokens
    n = len(doc)
    starts = {c.start for c in cands}
    for c in cands:
        if c.label != "PERSON":
            continue
        j = c.end + (1 if c.end < n and doc[c.end].text == "," else 0)
        if j < n and j not in starts and doc[j].text[:1].isupper() and doc[j].text.rstrip(".").lower() in GENERATIONAL \
                and ctx.tok_sent[j] == ctx.tok_sent[c.start] and "\n" not in ctx.text[doc[c.end - 1].idx:doc[j].idx]:
            c.end = j + 1 + (1 if j + 1 < n and doc[j + 1].text == "." and not doc[j].whitespace_ else 0)
    return cands
