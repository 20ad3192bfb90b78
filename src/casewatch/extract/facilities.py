"""Prisons, courts and detention centres named in a report: "Evin Prison", "Tarsen prison",
"Branch 15 of the Revolutionary Court", "Ward 12 of Varka Prison", "Penal Colony No. 6".

A facility word ends the name; proper-name words before it make it a name
(a bare "the prison" or "a court" is not a mention). "Branch 2 of the X Court"
keeps its branch.
"""
from __future__ import annotations

from spacy.tokens import Doc, Token

from .lexicon import Lexicon


def _head_length(lows: list[str], i: int, heads: frozenset[str], firsts: frozenset[str]) -> int:
    """How many tokens from ``i`` make a facility word (0 if none): "prison(s)", "detention centre"."""
    low = lows[i]
    if low in firsts and i + 1 < len(lows) and f"{low} {lows[i + 1]}" in heads:
        return 2
    return 1 if (low in heads or (low.endswith("s") and low[:-1] in heads)) else 0


def _namelike(tok: Token, first_of_sentence: bool) -> bool:
    if tok.is_space or tok.is_punct or not (tok.text[:1].isupper() or tok.like_num):
        return False
    if tok.like_num or tok.pos_ in ("DET", "ADP", "CCONJ", "PRON"):
        return False
    if tok.pos_ == "PROPN" or tok.ent_type_ not in ("", "DATE", "CARDINAL", "ORDINAL", "NORP"):
        return True
    if tok.ent_type_ == "NORP" and not first_of_sentence:
        return True
    return not first_of_sentence and tok.pos_ in ("ADJ", "NOUN")


def find_facilities(doc: Doc | list[Token], lex: Lexicon, sent_start: list[int],
                    lows: list[str] | None = None) -> list[tuple[int, int]]:
    """Token spans [start, end) of named facilities, longest first at each place, not overlapping (``doc`` may
    be the parse's token list, and ``lows`` their lower-case forms, made once per report)."""
    heads = lex.facility_heads
    firsts = frozenset(h.split()[0] for h in heads if " " in h)
    prefixes = lex.facility_prefixes
    lows = lows if lows is not None else [t.lower_ for t in doc]
    spans: list[tuple[int, int]] = []
    i, n = 0, len(doc)
    while i < n:
        size = _head_length(lows, i, heads, firsts)
        if not size:
            i += 1
            continue
        start = i
        s0 = sent_start[i]
        j = i - 1
        while j >= s0 and (_namelike(doc[j], j == s0) or (
                doc[j].like_num and j - 1 >= s0 and _namelike(doc[j - 1], j - 1 == s0))):
            start = j  # "Kilo 8 prison": a number inside a prison's name
            j -= 1
        end = i + size
        numbered = _number_after(doc, end)
        if start == i and not (numbered and doc[i].text[:1].isupper()):
            i += size
            continue
        end = numbered or end
        # "Court of Appeal", "Court of Cassation"
        if end + 1 < n and doc[end].lower_ == "of" and doc[end + 1].text[:1].isupper() and doc[i].text[:1].isupper() \
                and doc[end + 1].pos_ == "PROPN" and doc[end + 1].ent_type_ in ("", "ORG", "FAC"):
            end += 2
        # "Branch 15 of the Revolutionary Court", "Ward 12 of Varka Prison"
        k = start - 1
        if k >= s0 and doc[k].lower_ == "the":
            k -= 1
        if k - 2 >= s0 and doc[k].lower_ == "of" and doc[k - 1].like_num and doc[k - 2].lower_ in prefixes:
            start = k - 2
        spans.append((start, end))
        i = end
    return spans


def _number_after(doc: Doc | list[Token], end: int) -> int | None:
    """The end of a facility's number written after its name: "Penal Colony No. 6", "Prison No 1", "Detention
    Centre Number 4", "Colony #9" (how Belarusian, Russian and Central Asian institutions are named)."""
    n = len(doc)
    k = end
    if k < n and doc[k].lower_ in ("no", "no.", "number", "#", "nº", "№"):
        k += 1
        if k < n and doc[k].text == ".":
            k += 1
        if k < n and doc[k].like_num:
            return k + 1
    return None


def is_facility_head(tok: Token, lex: Lexicon) -> bool:
    """Whether a token is a facility word ("prison", "court", "centre" of "detention centre")."""
    low = tok.lower_
    if low in lex.facility_heads or tok.lemma_.lower() in lex.facility_heads:
        return True
    prev = tok.nbor(-1).lower_ if tok.i > 0 else ""
    return f"{prev} {low}" in lex.facility_heads
