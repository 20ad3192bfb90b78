"""A name while the extract stage works on it: a token span with a label and where it came from."""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from .context import Context


@dataclass
class Cand:
    """A name being worked on: tokens [start, end), its label, and where it came from."""

    start: int
    end: int
    label: str
    origin: str = "ner"
    title: str | None = None


def name_words(ctx: Context, c: Cand) -> list[str]:
    """The words of a name."""
    return [ctx.doc[i].text for i in range(c.start, c.end)]


def name_key(ctx: Context, c: Cand) -> str:
    """A name's words, lower-cased, to compare names."""
    return " ".join(name_words(ctx, c)).lower()


def name_head(ctx: Context, c: Cand) -> Token:
    """The token of a name whose syntactic head lies outside it."""
    doc = ctx.doc
    for i in range(c.start, c.end):
        h = doc[i].head
        if h.i < c.start or h.i >= c.end or h.i == i:
            return doc[i]
    return doc[c.end - 1]
