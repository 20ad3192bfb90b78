"""Names in a report: people, organisations, places and facilities.

spaCy's entities are the starting point; facility patterns, acronyms with their
expansions and datelines are laid over them, and the mention rules of
:mod:`.rules` fix the small model's known mistakes. Titles and honorifics before
a person's name ("Dr.", "Sheikh", "Daw", "Ko" before a name of two words or
more) are kept out of it and recorded as its title. Spans are token ranges until the end, when they
become :class:`~casewatch.models.Mention` objects with character offsets.
"""
from __future__ import annotations

import re

from ..models import Mention
from . import rules
from .candidates import Cand
from .context import Context
from .cues import mention_words
from .expansions import Found
from .facilities import find_facilities
from .titles import is_title, role_before_name

_LABELS = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "PLACE", "LOC": "PLACE", "FAC": "FAC"}
_SPLIT = frozenset({"(", ")", "—", "–", ":", "|", "/", "“", "”", '"', "[", "]", ";", "•", "·"})
_POSSESSIVE = frozenset({"'s", "’s", "'", "’", "s'", "s’"})
_DATELINE = re.compile(
    r"^(?P<caps>[A-Z][A-Z'’.\-]+(?: [A-Z][A-Z'’.\-]+)*)"
    r"(?:, (?P<place>[A-Z][\w'’.\-]+(?: [A-Z][\w'’.\-]+)*))?"
    r"(?: \((?P<agency>[A-Z][A-Za-z]{1,9})\))?\s*[—–\-]\s",
    re.M,
)


def _char_span(ctx: Context, start: int, end: int) -> tuple[int, int] | None:
    span = ctx.doc.char_span(start, end, alignment_mode="contract")
    return (span.start, span.end) if span is not None and len(span) else None


def _split(ctx: Context, c: Cand) -> list[Cand]:
    """Pieces of a span cut at brackets, dashes, slashes, quotes, commas, line breaks and sentence starts."""
    doc = ctx.tokens
    pieces, start = [], c.start
    for i in range(c.start, c.end):
        t = doc[i]
        if i > start and (t.is_sent_start or ctx.tok_sent[i] != ctx.tok_sent[i - 1]):
            pieces.append(Cand(start, i, c.label, c.origin))
            start = i
        cut = t.text in _SPLIT or t.text == "," or t.is_space or (
            t.text == "-" and (t.whitespace_ or doc[i - 1].whitespace_))
        if cut:
            if i > start:
                pieces.append(Cand(start, i, c.label, c.origin))
            start = i + 1
    if c.end > start:
        pieces.append(Cand(start, c.end, c.label, c.origin))
    return pieces


def _trim(ctx: Context, c: Cand) -> Cand | None:
    """Determiners, titles and punctuation off the front; possessives and punctuation off the end."""
    doc, lex = ctx.tokens, ctx.lex
    s, e = c.start, c.end
    title = None
    cut = c.cut
    while s < e:
        t = doc[s]
        low = t.lower_
        if t.is_punct or t.is_space or low in lex.determiners:
            s += 1
        elif c.label == "PERSON" and is_title(ctx, s, e):
            title = low
            s += 1
            cut = True
        elif c.label == "PERSON" and e - s > 1 and (low in lex.role_map or not t.text[:1].isupper()
                                                    or low in lex.mentions["nationality_nouns"]
                                                    or role_before_name(ctx, s, e)):
            s += 1
            cut = True
        else:
            break
    while e > s:
        t = doc[e - 1]
        abbreviation = t.text == "." and e - 1 > s and doc[e - 2].text.endswith(".")
        if t.lower_ in _POSSESSIVE or t.is_space or (t.is_punct and not abbreviation):
            e -= 1
        else:
            break
    if s >= e:
        return None
    return Cand(s, e, c.label, c.origin, title or c.title, cut)


def _overlay(base: list[Cand], top: list[Cand]) -> list[Cand]:
    """``top`` spans win: base spans overlapping any of them go."""
    if not top:
        return base
    kept = [b for b in base if not any(b.start < t.end and t.start < b.end for t in top)]
    return kept + top


def _ner(ctx: Context) -> list[Cand]:
    out: list[Cand] = []
    for ent in ctx.doc.ents:
        label = _LABELS.get(ent.label_)
        if label is None:
            continue
        for piece in _split(ctx, Cand(ent.start, ent.end, label)):
            t = _trim(ctx, piece)
            if t is not None:
                out.append(t)
    return out


def _facilities(ctx: Context) -> list[Cand]:
    sent_start = [ctx.sent_tokens[s][0] if ctx.sent_tokens else 0 for s in ctx.tok_sent]
    return [Cand(s, e, "FACILITY", "facility")
            for s, e in find_facilities(ctx.tokens, ctx.lex, sent_start, ctx.lowers)]


def _acronym_cands(ctx: Context, found: list[Found]) -> list[Cand]:
    out: list[Cand] = []
    for f in found:
        for span, origin in ((f.expansion_span, "expansion"), (f.acronym_span, "acronym")):
            if span is None:
                continue
            tok = _char_span(ctx, *span)
            if tok is not None:
                t = _trim(ctx, Cand(tok[0], tok[1], "ORG", origin))
                if t is not None:
                    out.append(t)
    return out


def _datelines(ctx: Context) -> list[Cand]:
    out: list[Cand] = []
    for m in _DATELINE.finditer(ctx.text):
        for group, label in (("caps", "PLACE"), ("place", "PLACE"), ("agency", "ORG")):
            if m.group(group) and (group != "caps" or m.group(group).isupper()):
                tok = _char_span(ctx, m.start(group), m.end(group))
                if tok is not None:
                    out.append(Cand(tok[0], tok[1], label, "dateline"))
    return out


def _fac_label(ctx: Context, c: Cand) -> str:
    generic = ctx.lex.facility_generic
    return "FACILITY" if any(t.lower_ in generic for t in ctx.tokens[c.start:c.end]) else "PLACE"


def _finish(ctx: Context, cands: list[Cand]) -> None:
    """Sorted, non-overlapping mentions with character offsets, and the token index."""
    doc, text = ctx.tokens, ctx.text
    cands.sort(key=lambda c: (c.start, -(c.end - c.start)))
    last_end = -1
    mentions: list[Mention] = []
    for c in cands:
        if c.start < last_end or c.label not in ("PERSON", "ORG", "PLACE", "FACILITY"):
            continue
        start = doc[c.start].idx
        end = doc[c.end - 1].idx + len(doc[c.end - 1].text)
        for suffix in ("’s", "'s", "’", "'"):
            if text[start:end].endswith(suffix) and end - len(suffix) > start:
                end -= len(suffix)
                break
        index = len(mentions)
        written = _written(ctx, c.start, end) if c.label == "PERSON" else None
        mentions.append(Mention(start, end, text[start:end], c.label, ctx.tok_sent[c.start], written))
        ctx.mention_tokens.append((c.start, c.end))
        for i in range(c.start, c.end):
            ctx.tok_mention[i] = index
        last_end = c.end
    ctx.mentions = mentions


def _title_word(ctx: Context, i: int) -> bool:
    """Whether token ``i`` is a capitalised title or honorific ("Dr.", "Senator", "U", "Daw", "Ko")."""
    t = ctx.tokens[i]
    if not t.text[:1].isupper():
        return False
    low = t.lower_.rstrip(".")
    hon = ctx.lex.mentions["honorifics"]
    return t.lower_ in ctx.lex.titles or low in ctx.lex.titles or low in hon["before_any"] or low in hon["before_long"]


def _written(ctx: Context, first: int, end: int) -> str | None:
    """A person's name as written with the titles and honorifics right before it on its line, if any."""
    doc = ctx.tokens
    k = first
    while k > 0 and _title_word(ctx, k - 1) and doc[k - 1].whitespace_ == " ":
        k -= 1
    return ctx.text[doc[k].idx:end] if k < first else None


def find_mentions(ctx: Context, found: list[Found]) -> dict[int, str]:
    """Fill ``ctx.mentions``; return the titles written before person names (mention index -> title)."""
    cands = _ner(ctx)
    for c in cands:
        if c.label == "FAC":
            c.label = _fac_label(ctx, c)
    cands = _overlay(cands, _facilities(ctx))
    cands = _overlay(cands, _acronym_cands(ctx, found))
    cands = _overlay(cands, _datelines(ctx))
    cands = rules.apply(ctx, cands, {f.acronym for f in found})
    _finish(ctx, cands)
    titles: dict[int, str] = {}
    for c in cands:
        m = ctx.tok_mention[c.start]
        if c.title and m >= 0:
            titles[m] = c.title
    prefixes = mention_words("name_prefixes")
    for k, m in enumerate(ctx.mentions):
        if m.label != "PERSON" or k in titles:
            continue
        first, last = ctx.mention_tokens[k]
        if first > 0:
            before = ctx.tokens[first - 1]
            prev = before.lower_
            if prev in ctx.lex.titles or prev.rstrip(".") in ctx.lex.titles \
                    or (prev in ctx.lex.mentions["honorifics"]["before_any"] and before.text[:1].isupper()):
                titles[k] = prev
                continue
        if last - first >= 2 and ctx.lowers[first] in prefixes and ctx.tokens[first].is_title:
            titles[k] = ctx.lowers[first]
    return titles
