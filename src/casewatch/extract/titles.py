"""Titles and honorifics written before a person's name are not part of it: "Dr.", "Sheikh", "Senator", and the
Burmese "U", "Daw", "Ko", "Ma" ("Ko Zaw Min Htet" is Zaw Min Htet). The word is kept as the mention's
title (it may give a role or a gender). A generational suffix after a name is part of it ("Omid Varo Jr.")."""
from __future__ import annotations

from .. import gazetteer
from .candidates import Cand
from .context import Context
from .cues import mention_words
from .places import is_region


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


def role_before_name(ctx: Context, s: int, e: int) -> bool:
    """Whether token ``s`` is a role noun or a nationality in title case before a name of two words or more
    ("Lawyer X Y", "Coroner X Y", "American X Y"), as the model tags it inside a person's or an organisation's
    name at a sentence's start or before a name it tags whole."""
    doc = ctx.tokens
    t = doc[s]
    if e - s < 3 or not (t.is_title and t.is_alpha and doc[s + 1].is_title):
        return False
    low = t.lower_
    lex = ctx.lex
    if low in lex.role_map or low in mention_words("descriptor_nouns") or low in mention_words("role_only_words"):
        return True
    if demonym(t.text):
        return True
    return low.endswith(_DEMONYM_SHAPES) and not gazetteer.is_name(t.text) and gazetteer.is_given_name(doc[s + 1].text)


_DEMONYM_SHAPES = ("an", "ese", "ish")
"""Endings of nationalities ("American", "Congolese", "Flemish"): a word so ending that the gazetteer holds as no
name, before a given name it holds, is a nationality."""


def strip_titles(ctx: Context, cands: list[Cand]) -> list[Cand]:
    """A person's name starts after its titles and honorifics (a name relabelled a person keeps none), and
    after a role noun the model took into a name it tagged otherwise ("Lawyer X Y" tagged as an organisation)."""
    for c in cands:
        if c.label != "PERSON":
            continue
        while is_title(ctx, c.start, c.end) or role_before_name(ctx, c.start, c.end):
            if is_title(ctx, c.start, c.end):
                c.title = c.title or ctx.tokens[c.start].lower_
            c.start += 1
            c.cut = True
    return cands


GENERATIONAL = frozenset({"jr", "sr", "ii", "iii", "iv"})
"""Suffixes that tell a father from his son: part of the name ("Omid Varo Jr.", "Omid Varo, Sr.")."""


def generational_suffixes(ctx: Context, cands: list[Cand]) -> list[Cand]:
    """A person's name takes in the generational suffix written after it, with or without a comma; the suffix
    tagged as a name of its own ("Sr" as a place) is no name."""
    doc = ctx.tokens
    n = len(doc)
    by_start = {c.start: c for c in cands}
    gone: set[int] = set()
    for c in cands:
        if c.label != "PERSON" or id(c) in gone:
            continue
        j = c.end + (1 if c.end < n and doc[c.end].text == "," else 0)
        tagged = by_start.get(j)
        if tagged is not None and (tagged.label == "PERSON" or tagged.end != j + 1):
            continue
        if j < n and doc[j].text[:1].isupper() and doc[j].text.rstrip(".").lower() in GENERATIONAL \
                and "\n" not in ctx.text[doc[c.end - 1].idx:doc[j].idx]:
            c.end = j + 1 + (1 if j + 1 < n and doc[j + 1].text == "." and not doc[j].whitespace_ else 0)
            if tagged is not None:
                gone.add(id(tagged))
    return [c for c in cands if id(c) not in gone]


_DEMONYM_ENDINGS = (("ian", ("", "ia", "a", "e")), ("an", ("", "a", "o", "istan")), ("ese", ("", "a")),
                    ("ish", ("", "land", "and", "eland", "ey")), ("i", ("", "a", "istan")), ("ic", ("", "ia")))


def demonym(word: str) -> bool:
    """Whether a word reads as the people of a known country ("Iranian", "Belarusian", "Kenyan", "Yemeni")."""
    low = word.lower()
    return any(low.endswith(e) and is_region(low[:-len(e)] + tail) for e, tails in _DEMONYM_ENDINGS for tail in tails
               if len(low) > len(e) + 2)
