"""Products and companies the small model takes for people ("MacBook Pro", "BlackBerry", "AMD", "Galaxy S9"), and
people it takes for organisations or places ("Alexander Parkhomchik moderated the chat").

A "person" is no person when its words have the shapes of brand and product names and nothing in the report
says it is one: a word with capitals inside it (camel case: "PhoneMax") or with digits ("S9") that the
gazetteer does not hold as a person's name, or one short word in capitals ("AMD", "HP") in a sentence not
written in capitals, that the report never writes as a name in title case ("ALI" beside "Ali"). An age, a
role, a title, a relative clause with "who" or being arrested still makes it a person ("Ali McKay",
"DeShawn Varo" are in the gazetteer or carry cues). Camel-case and numbered names go; short capitals become
organisations.
"""
from __future__ import annotations

import re

from .. import gazetteer
from .candidates import Cand, is_modifier, name_head
from .context import Context
from .cues import PLACE_PREPS, person_cue, place_context, speaks

_CAMEL = re.compile(r"[a-z][A-Z]")
_NAME_PREFIXES = ("Mc", "O'", "O’", "De", "Di", "Da", "Du", "La", "Le", "Van", "Von", "Al", "El", "Abu", "Ben")
"""Surname prefixes written with a capital after them ("McKay", "LaRue", "DeLuca"): names, not brands."""
_KNOWN_PREFIXES = ("Mac",)
"""Prefixes brands share ("MacArthur" and "MacBook"): a name only when the rest is one ("Arthur")."""
ACRONYM_MAX = 5
"""A one-word "person" in capitals of at most this many letters is an acronym unless it is a known name."""


def _camel(word: str) -> bool:
    """Capitals inside a word the way brands write them ("PhoneMax", "iDrive", "MacBook"); not "McKay", "LaRue",
    "MacArthur", "al-Amin"."""
    if not _CAMEL.search(word) or "-" in word:
        return False
    rest = {p: word[len(p):] for p in (*_NAME_PREFIXES, *_KNOWN_PREFIXES)
            if word.startswith(p) and word[len(p):][:1].isupper() and word[len(p):][1:].islower()}
    if any(p in _NAME_PREFIXES or gazetteer.is_name(r) for p, r in rest.items()):
        return False
    return not gazetteer.is_name(word)


def _shape(ctx: Context, c: Cand) -> str | None:
    """"product" for camel-case or numbered words, "acronym" for one short word in capitals, else None."""
    toks = ctx.tokens[c.start:c.end]
    words = [t.text for t in toks if any(ch.isalpha() for ch in t.text)]
    if any(any(ch.isdigit() for ch in t.text) for t in toks) or any(_camel(w) for w in words):
        return "product"
    if len(words) == 1 and words[0].isalpha() and words[0].isupper() and 2 <= len(words[0]) <= ACRONYM_MAX:
        word = words[0]
        sent = ctx.sentences[ctx.tok_sent[c.start]]
        in_capitals = ctx.text[sent[0]:sent[1]].isupper()
        if not in_capitals and word.title() not in _title_case_words(ctx):
            return "acronym"
    return None


def _title_case_words(ctx: Context) -> frozenset[str]:
    """The words the report writes in title case."""
    found = ctx.memo.get("title_case_words")
    if found is None:
        found = ctx.memo["title_case_words"] = frozenset(t.text for t in ctx.tokens if t.is_title and t.is_alpha)
    return found  # type: ignore[return-value]


def not_products(ctx: Context, cands: list[Cand]) -> list[Cand]:
    """Brand, product and company names are not people (see the module docstring)."""
    kept = []
    for c in cands:
        if c.label == "PERSON" and c.title is None:
            shape = _shape(ctx, c)
            if shape is not None and not person_cue(ctx, c) and not (shape == "product" and speaks(ctx, c)):
                if shape == "product":
                    continue
                c.label = "ORG"
        kept.append(c)
    return kept


def given_names(ctx: Context, cands: list[Cand]) -> list[Cand]:
    """A name the model tags as an organisation or a place is a person's when it reads as one: two or three
    words in title case, the first a given name of clear gender in the gazetteer ("Alexander Parkhomchik"), none
    of them a word the report writes in lower case, a group, state, media, organisation or place word or a
    title, its first word no place of the report ("Jordan" beside "Jordan Smith"); not in a place's context
    ("the city of X", "in X") nor qualifying a noun. A nationality before the name is cut ("American X Y")."""
    doc, lex = ctx.tokens, ctx.lex
    banned = lex.group_words | lex.state_words | lex.media_words | frozenset(lex.mentions["org_name_words"]) \
        | frozenset(lex.mentions["place_name_words"]) | lex.place_heads | lex.place_nouns | lex.titles \
        | lex.facility_heads | lex.facility_generic
    places = {" ".join(t.lower_ for t in doc[c.start:c.end]) for c in cands if c.label == "PLACE"}
    lower = ctx.lower_words
    endings = tuple(lex.mentions["demonym_endings"])
    for c in cands:
        if c.label not in ("ORG", "PLACE") or c.origin != "ner" or not 2 <= c.end - c.start <= 3:
            continue
        toks = doc[c.start:c.end]
        if not all(t.is_alpha and t.is_title and t.lower_ not in banned and t.lower_ not in lower for t in toks):
            continue
        nationality = len(toks) == 3 and toks[0].lower_.endswith(endings) and not gazetteer.is_name(toks[0].text)
        if nationality:
            toks = toks[1:]
        if gazetteer.gender(toks[0].text) is None or toks[0].lower_ in places:
            continue
        if c.start > 0 and doc[c.start - 1].lower_ in ("the", "a", "an") and not nationality:
            continue
        h = name_head(ctx, c)
        if place_context(ctx, c) or is_modifier(ctx, c) or (h.dep_ == "pobj" and h.head.lower_ in PLACE_PREPS) \
                or h.tag_ == "NNPS":
            continue
        c.label = "PERSON"
        if nationality:
            c.start, c.cut = c.start + 1, True
    return cands


