"""Rules that fix the small English model's names, kept apart so each can be read and tested alone.

* page furniture and title-case headings tagged as organisations or people
  ("Story Overview", "BREAKING NEWS") go;
* photo agencies become organisations, and names inside photo credits go;
* demonyms tagged as names ("Vareshi" beside "Varesh") go;
* a name whose words are elsewhere in the report a person's name is a person
  ("Khales" tagged as a place beside "Javid Khales"), and so is a name written
  with an age ("X, 23,"), a role ("X, a teacher", "lawyer X") or a title ("Senator X");
* a one-word "person" that is elsewhere a place, or sits in "the city of X", is a place;
* a one-word "person" that begins a facility's name ("Gharvan" beside "Gharvan Prison") is that facility;
* acronyms are organisations; streets, squares and provinces are places.
"""
from __future__ import annotations

import re

from .candidates import Cand, name_key
from .context import Context
from .names import extend_people, people_and_places, person_words, untagged_orgs, untagged_people

_TERMINAL = tuple(".!?\"”:;")
_SMALL = frozenset({"a", "an", "the", "of", "for", "and", "or", "in", "on", "at", "to", "by", "with", "over", "from"})


def heading_lines(text: str) -> list[tuple[int, int]]:
    """Lines that look like headings: short, title case, no final punctuation."""
    out = []
    pos = 0
    for line in text.split("\n"):
        s = line.strip()
        words = [w for w in re.findall(r"[^\s]+", s) if any(ch.isalpha() for ch in w)]
        if s and len(words) <= 12 and not s.endswith(_TERMINAL):
            content = [w for w in words if w.lower() not in _SMALL]
            caps = sum(1 for w in content if w[:1].isupper())
            if content and caps / len(content) >= 0.75 and (len(words) >= 2 or s.isupper()):
                out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def _in_lines(offset: int, lines: list[tuple[int, int]]) -> bool:
    return any(a <= offset < b for a, b in lines)


def drop_furniture(ctx: Context, cands: list[Cand]) -> list[Cand]:
    """Headings and page furniture are not names unless the same words name something elsewhere."""
    lex, doc = ctx.lex, ctx.doc
    headings = heading_lines(ctx.text)
    outside = {name_key(ctx, c) for c in cands if not _in_lines(doc[c.start].idx, headings)}
    kept = []
    for c in cands:
        key = name_key(ctx, c)
        words = [w.strip("’'") for w in key.replace("’s", "").replace("'s", "").split()]
        if key in lex.furniture_phrases or (words and all(w in lex.furniture_words for w in words)):
            continue
        if c.label in ("PERSON", "ORG") and c.origin == "ner" and _in_lines(doc[c.start].idx, headings) \
                and key not in outside:
            continue
        kept.append(c)
    return kept


def photo_credits(ctx: Context, cands: list[Cand]) -> list[Cand]:
    """Agencies are organisations; people named in a credit line ("Photo: X/AFP") are not mentions."""
    lex = ctx.lex
    markers = [m.lower() for m in lex.mentions["credit_markers"]]
    credit_sents = {i for i, (a, b) in enumerate(ctx.sentences) if any(m in ctx.text[a:b].lower() for m in markers)}
    kept = []
    for c in cands:
        key = name_key(ctx, c)
        if key in lex.photo_agencies:
            c.label = "ORG"
        elif c.label == "PERSON" and ctx.tok_sent[c.start] in credit_sents:
            continue
        kept.append(c)
    return kept


def drop_demonyms(ctx: Context, cands: list[Cand]) -> list[Cand]:
    """One-word names used as adjectives ("Vareshi", "Digital") are not names."""
    doc, lex = ctx.doc, ctx.lex
    names = {name_key(ctx, c) for c in cands}
    _, known, _ = person_words(ctx, cands)
    endings = lex.mentions["demonym_endings"]
    strong = lex.mentions["demonym_strong_endings"]
    kept = []
    for c in cands:
        if c.end - c.start == 1 and c.label != "FACILITY" and c.origin == "ner":
            tok = doc[c.start]
            low = tok.lower_
            if tok.tag_ == "JJ":
                continue
            if tok.dep_ in ("amod", "compound") and tok.text not in known and (
                    any(low.endswith(e) and low[: -len(e)] in names for e in endings)
                    or (any(low.endswith(e) for e in strong) and tok.head.pos_ == "NOUN"
                        and tok.head.text.islower())):
                continue
        kept.append(c)
    return kept


def correct(ctx: Context, cands: list[Cand], acronyms: set[str]) -> list[Cand]:
    """All the rules, in order."""
    cands = drop_furniture(ctx, cands)
    cands = photo_credits(ctx, cands)
    cands = drop_demonyms(ctx, cands)
    cands = untagged_people(ctx, cands)
    cands = untagged_orgs(ctx, cands)
    cands = people_and_places(ctx, cands, acronyms)
    return extend_people(ctx, cands)
