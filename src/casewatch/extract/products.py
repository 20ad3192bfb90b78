"""Products and companies the small model takes for people: "MacBook Pro", "BlackBerry", "AMD", "Galaxy S9".

A "person" is no person when its words have the shapes of brand and product names and nothing in the report
says it is one: a word with capitals inside it (camel case: "PhoneMax") or with digits ("S9"), or one short
word in capitals ("AMD"), that the gazetteer does not hold as a person's name. An age, a role, a title, a
relative clause with "who" or being arrested still makes it a person ("Ali McKay", "DeShawn Varo" are in the
gazetteer or carry cues). Camel-case and numbered names go; short capitals become organisations.
"""
from __future__ import annotations

import re

from .. import gazetteer
from .candidates import Cand
from .context import Context
from .cues import person_cue, speaks

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
    if len(words) == 1 and words[0].isalpha() and words[0].isupper() and 2 <= len(words[0]) <= ACRONYM_MAX \
            and not gazetteer.is_name(words[0]) and not any(ch in "AEIOU" for ch in words[0][1:]):
        return "acronym"
    return None


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
