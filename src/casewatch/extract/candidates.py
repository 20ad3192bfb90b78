"""A name while the extract stage works on it: a token span with a label and where it came from."""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from .context import Context

POSSESSIVES = frozenset({"'s", "’s", "'", "’", "s'", "s’"})
"""Possessive endings as the tokenizer gives them."""


@dataclass
class Cand:
    """A name being worked on: tokens [start, end), its label, and where it came from."""

    start: int
    end: int
    label: str
    origin: str = "ner"
    title: str | None = None
    cut: bool = False
    """Whether words were cut from the front of the model's span (titles, role words, lower-case words)."""


def name_words(ctx: Context, c: Cand) -> list[str]:
    """The words of a name."""
    return [t.text for t in ctx.tokens[c.start:c.end]]


def name_key(ctx: Context, c: Cand) -> str:
    """A name's words, lower-cased, to compare names."""
    return " ".join(name_words(ctx, c)).lower()


def name_head(ctx: Context, c: Cand) -> Token:
    """The token of a name whose syntactic head lies outside it."""
    key = ("head", c.start, c.end)
    found = ctx.memo.get(key)
    if found is None:
        found = ctx.memo[key] = _head(ctx, c.start, c.end)
    return found  # type: ignore[return-value]


def _head(ctx: Context, start: int, end: int) -> Token:
    doc = ctx.tokens
    for i in range(start, end):
        h = doc[i].head
        if h.i < start or h.i >= end or h.i == i:
            return doc[i]
    return doc[end - 1]


def is_modifier(ctx: Context, c: Cand, known: set[str] | frozenset[str] = frozenset()) -> bool:
    """Whether a name only qualifies a noun after it: an institution's ("the Varo administration", "Varo
    Administration"), or any common noun when the name is one word that is no person's name in the report
    (``known``): "a Tarsen man", "a Varesh official"; not "the Varo rule" when Varo is a person there."""
    doc = ctx.tokens
    if c.end < len(doc) and doc[c.end].lower_ in POSSESSIVES:
        return False
    h = name_head(ctx, c)
    head = h.head
    if not (h.dep_ in ("compound", "amod", "nmod") and head.i >= c.end and head.pos_ in ("NOUN", "PROPN")):
        return False
    if head.lower_ in ctx.lex.mentions["institution_nouns"]:
        return True
    return head.pos_ == "NOUN" and head.text.islower() and c.end - c.start == 1 and doc[c.start].text not in known
