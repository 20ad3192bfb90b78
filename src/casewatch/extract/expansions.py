"""Organisations written with their acronym: "the Center for Human Rights in Iran (IHRS)".

The expansion is taken as the report writes it, whether or not its initials
match the acronym (a report that expands an acronym wrongly is worth knowing).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..models import OrgExpansion
from .context import Context

_ACRONYM = re.compile(r"\(([A-Z][A-Za-z0-9&.\-]{1,11})\)")
_WORD = re.compile(r"[^\s]+")
_INITIALS = re.compile(r"(?:[A-Z]\.)+")
_TRAILING = frozenset(",;:.!?)”\"—–")
_LEADING_STOP = frozenset({
    "according", "in", "on", "at", "the", "a", "an", "by", "for", "from", "with", "as", "after", "before", "when",
    "while", "since", "both", "and", "but", "to", "of", "said", "says", "told", "where", "whereas", "although",
    "including", "like", "via", "per", "under", "between", "against", "among", "amid",
})


_ARTICLES = frozenset({"the", "a", "an"})
_PREPOSITIONS = frozenset({"of", "for", "on", "to", "in", "against", "at", "from", "with"})
"""Words after which an article belongs inside a name ("Committee for the Defence of ...")."""


@dataclass(frozen=True)
class Found:
    """One acronym in parentheses, and the words before it that expand it (if any)."""

    acronym: str
    acronym_span: tuple[int, int]
    expansion: str | None
    expansion_span: tuple[int, int] | None


def _is_acronym(s: str) -> bool:
    return sum(1 for ch in s if ch.isupper()) >= 2 and not s.isdigit()


def find_acronyms(ctx: Context) -> list[Found]:
    """Every "Name Words (ACR)" in the text; ``expansion`` is None when no name precedes the parenthesis."""
    text = ctx.text
    connectors = frozenset(ctx.lex.mentions["expansion_connectors"])
    out: list[Found] = []
    for m in _ACRONYM.finditer(text):
        acr = m.group(1)
        if not _is_acronym(acr):
            continue
        line_start = text.rfind("\n", 0, m.start()) + 1
        before = text[line_start:m.start()]
        words = [(w.start() + line_start, w.end() + line_start, w.group()) for w in _WORD.finditer(before)]
        kept: list[tuple[int, int, str]] = []
        for k in range(len(words) - 1, -1, -1):
            start, end, w = words[k]
            if w[-1] in _TRAILING and not _INITIALS.fullmatch(w):
                break
            if not (w[:1].isupper() or w.lower() in connectors):
                break
            if w.lower() in _ARTICLES and kept and (k == 0 or words[k - 1][2].lower() not in _PREPOSITIONS):
                break  # "... and the Northern Lawyers' Circle (NLC)": the name starts after "the"
            kept.append((start, end, w))
        kept.reverse()
        while kept and (kept[0][2].lower() in _LEADING_STOP or kept[0][2].lower() in connectors):
            kept.pop(0)
        while kept and kept[-1][2].lower() in connectors:
            kept.pop()
        capitals = sum(1 for _, _, w in kept if w[:1].isupper())
        if len(kept) >= 2 and capitals >= 2:
            span = (kept[0][0], kept[-1][1])
            out.append(Found(acr, (m.start(1), m.end(1)), text[span[0]:span[1]], span))
        else:
            out.append(Found(acr, (m.start(1), m.end(1)), None, None))
    return out


def expansions(ctx: Context, found: list[Found]) -> list[OrgExpansion]:
    """One OrgExpansion per acronym written after a name, with the words from the name to the parenthesis."""
    out: list[OrgExpansion] = []
    for f in found:
        if f.expansion is None or f.expansion_span is None:
            continue
        ev = ctx.evidence(f.expansion_span[0], f.acronym_span[1] + 1)
        out.append(OrgExpansion(acronym=f.acronym, expansion=f.expansion, evidence=ev))
    return out
