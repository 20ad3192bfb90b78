"""Titles and honorifics written before a person's name are not part of it: "Dr.", "Sheikh", "Senator", and the
Burmese "U", "Daw", "Ko", "Ma" ("Ko Kyaw Thiha Naing" is Kyaw Thiha Naing). The word is kept as the mention's
title (it may give a role or a gender)."""
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
