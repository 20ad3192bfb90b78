"""Denials that point back: "Hengaw said X had been executed; the judiciary denied the report hours later",
"word spread that X had been freed, but his mother said the rumour was false".

A report, rumour or claim named by a definite noun ("the report", "these claims", "the rumour") that is denied
("denied the report", "dismissed the claims") or said to be false ("the rumour was false", "the reports are
baseless") denies what the report told just before as someone's statement or as hearsay: each such event of
the same or the previous sentence gets a denied counterpart, for the same person, with the denier as its
source. The case file then shows the statement and the denial side by side, and the status stays below it.
"""
from __future__ import annotations

from spacy.tokens import Token

from .attribution import Source, source_for
from .context import Context
from .events import Found

_DEFINITE = frozenset({"the", "this", "these", "those", "that", "such"})
_HEARSAY = frozenset({"rumoured", "alleged", "hedged", "unconfirmed", "believed", "feared"})


def _referring(ctx: Context, tok: Token) -> bool:
    """A report noun that names something already said and is denied or called false."""
    lex = ctx.lex
    low = tok.lower_
    if not (low in lex.m("report_nouns") or low in lex.m("rumour_nouns")):
        return False  # "X denies the accusation" pleads to the conduct alleged: it denies no event
    if not any(c.dep_ in ("det", "poss") and (c.lower_ in _DEFINITE or c.dep_ == "poss") for c in tok.children):
        return False
    if any(c.dep_ in ("acl", "ccomp", "relcl") for c in tok.children):
        return False  # "denied reports that ...": the denied content is its own clause
    head = tok.head
    if tok.dep_ in ("dobj", "nsubjpass") and head.lemma_.lower() in lex.m("deny_verbs"):
        return True
    if tok.dep_ == "nsubj" and head.lemma_.lower() in ("be", "prove", "turn"):
        said = [c for c in head.subtree if c.dep_ in ("acomp", "attr", "oprd")]
        return any(c.lower_ in lex.m("deny_predicates") or c.lemma_.lower() in lex.m("deny_predicates") for c in said)
    return False


def denied_by_reference(ctx: Context, events: list[Found], sources: list[list[Source]]) -> list[Found]:
    """Denied counterparts of the statements and hearsay a later denial points back to."""
    out: list[Found] = []
    for tok in ctx.tokens:
        if tok.pos_ != "NOUN" or not _referring(ctx, tok):
            continue
        si = ctx.tok_sent[tok.i]
        for f in events:
            if f.subject is None or f.type == "statement" or f.modality == "denied" or f.trigger.i >= tok.i:
                continue
            if not (si - 1 <= f.sentence <= si):
                continue
            if f.source is None and f.cue not in _HEARSAY:
                continue
            if any(d.type == f.type and d.subject == f.subject for d in out):
                continue
            denier = next((c for c in tok.head.children if c.dep_ == "nsubj"), None)
            if denier is not None and ctx.person_of_token(denier) == f.subject:
                continue  # the person themselves denying: a plea, not a denial that it happened
            d = Found(f.type, f.trigger, f.first, f.last, f.subject, f.patient, f.sentence, dict(f.details))
            d.modality, d.cue, d.when, d.where = "denied", "denied", f.when, f.where
            d.through = si if si != f.sentence else None
            d.source = source_for(ctx, sources, tok.head)
            out.append(d)
    return out
