"""Denials that point back: "a rights group said X had been executed; within hours the governor denied the
report", "word spread that X had been freed, but his mother said the rumour was false".

A report, rumour or claim named by a definite noun ("the report", "these claims", "the rumour") that is denied
("denied the report", "dismissed the claims") or said to be false ("the rumour was false", "the reports are
baseless") denies what the report told just before as someone's statement or as hearsay: each such event of
the same or the previous sentence gets a denied counterpart, for the same person, with the denier as its
source. The case file then shows the statement and the denial side by side, and the status stays below it.

A report or claim said to be beyond confirmation ("the claim could not be independently verified", "Reuters
could not confirm the report", "this could not be verified", "no other source could verify it", "the report is
unconfirmed") makes what was told just before it hearsay: the
statements of the same sentence before it, or else of the sentence before, are reported, cue "unconfirmed".
"""
from __future__ import annotations

from spacy.tokens import Token

from .attribution import Source, source_for
from .context import Context
from .events import Found
from .modality import nobody_subject
from .subjects import person_of_aside

_DEFINITE = frozenset({"the", "this", "these", "those", "that", "such"})
_HEARSAY = frozenset({"rumoured", "alleged", "hedged", "unconfirmed", "believed", "feared"})


def _names_said(ctx: Context, tok: Token) -> bool:
    """A definite report noun ("the claim", "these reports") or a pointing pronoun ("this"), naming what was said."""
    lex = ctx.lex
    low = tok.lower_
    if any(c.dep_ in ("acl", "ccomp", "relcl") for c in tok.children):
        return False  # "could not verify reports that ...": the content is its own clause
    if low in ("this", "that", "it") and tok.pos_ in ("PRON", "DET"):
        return not any(c.dep_ in ("ccomp", "csubj") for c in tok.head.children)  # "it could not be confirmed whether"
    if not (low in lex.m("report_nouns") or low in lex.m("rumour_nouns")):
        return False
    return any(c.dep_ in ("det", "poss") and (c.lower_ in _DEFINITE or c.dep_ == "poss") for c in tok.children)


def _unconfirmable(ctx: Context, tok: Token) -> bool:
    """"The claim could not be verified", "Reuters was unable to confirm the report", "no one has confirmed this"."""
    verb = tok.head
    if tok.dep_ not in ("nsubjpass", "dobj") or verb.lemma_.lower() not in ctx.lex.m("confirm_verbs"):
        return False
    kids = list(verb.children)
    if any(c.dep_ == "neg" for c in kids) or any(c.dep_ in ("aux", "auxpass") and c.lower_ in ("could", "can", "ca")
                                                 and any(n.dep_ == "neg" for n in kids) for c in kids):
        return True
    if nobody_subject(verb):
        return True
    up = verb.head
    return verb.dep_ == "xcomp" and (up.lower_ in ("unable", "impossible") or (
        up.lemma_.lower() in ("be", "fail") and any(c.lower_ in ("unable", "impossible") for c in up.children))
        or up.lemma_.lower() == "fail")


def _called_unconfirmed(ctx: Context, tok: Token) -> bool:
    """"The report is unconfirmed", "the claim remains unverified": a copula saying it of the report."""
    be = tok.head
    return tok.dep_ == "nsubj" and be.lemma_.lower() in ("be", "remain") and any(
        c.dep_ in ("acomp", "attr") and c.lower_ in ctx.lex.m("unconfirmed_adjectives") for c in be.children)


def _described(ctx: Context, f: Found) -> bool:
    """An event told as what a person is ("death-row prisoner X", "X, on death row for six years,", "X, who was
    sentenced in May,"): background to what the source says happened, not its claim."""
    if f.fixed or person_of_aside(ctx, f.trigger) is not None:
        return True
    t = f.trigger
    while t.head.i != t.i:
        if t.dep_ in ("relcl", "acl", "appos") or (t.dep_ == "prep" and t.i > 0 and ctx.tokens[t.i - 1].text == ","):
            return True
        t = t.head
    return False


def unconfirmed_by_reference(ctx: Context, events: list[Found]) -> None:
    """Mark as hearsay the statements a later "could not be verified" points back to (in place)."""
    confirm = ctx.lex.m("confirm_verbs")
    for tok in ctx.tokens:
        if tok.pos_ not in ("NOUN", "PRON", "DET"):
            continue
        if tok.dep_ in ("nsubjpass", "dobj") and tok.head.lemma_.lower() in confirm:
            if not _names_said(ctx, tok) or not _unconfirmable(ctx, tok):
                continue
        elif not (_called_unconfirmed(ctx, tok) and _names_said(ctx, tok)):
            continue
        si = ctx.tok_sent[tok.i]
        for sent in (si, si - 1):
            told = [f for f in events if f.sentence == sent and f.trigger.i < tok.i and f.type != "statement"
                    and f.modality == "asserted" and f.subject is not None and not _described(ctx, f)]
            if any(f.source is not None for f in told):
                told = [f for f in told if f.source is not None]
            if told:
                for f in told:
                    f.modality, f.cue = "reported", "unconfirmed"
                break


def _referring(ctx: Context, tok: Token) -> bool:
    """A report noun that names something already said and is denied or called false."""
    lex = ctx.lex
    low = tok.lower_
    pointing = low in ("this", "that", "it") and tok.pos_ in ("PRON", "DET")  # "his sister said this was not true"
    if not (low in lex.m("report_nouns") or low in lex.m("rumour_nouns") or pointing):
        return False  # "X denies the accusation" pleads to the conduct alleged: it denies no event
    if not pointing and not any(c.dep_ in ("det", "poss") and (c.lower_ in _DEFINITE or c.dep_ == "poss")
                                for c in tok.children):
        return False
    if any(c.dep_ in ("acl", "ccomp", "relcl") for c in tok.children):
        return False  # "denied reports that ...": the denied content is its own clause
    head = tok.head
    if tok.dep_ in ("dobj", "nsubjpass") and head.lemma_.lower() in lex.m("deny_verbs"):
        return True
    if tok.dep_ == "nsubj" and head.lemma_.lower() in ("be", "prove", "turn"):
        said = [c for c in head.subtree if c.dep_ in ("acomp", "attr", "oprd")]
        if any(c.lower_ in lex.m("deny_predicates") or c.lemma_.lower() in lex.m("deny_predicates") for c in said):
            return True
        negated = any(c.dep_ == "neg" for c in head.children)
        return negated and any(c.lower_ in lex.m("truth_words") for c in said)  # "this was not true"
    return False


def denied_by_reference(ctx: Context, events: list[Found], sources: list[list[Source]]) -> list[Found]:
    """Denied counterparts of the statements and hearsay a later denial points back to."""
    out: list[Found] = []
    if not any(f.source is not None or f.cue in _HEARSAY for f in events):
        return out
    for tok in ctx.tokens:
        if tok.dep_ not in ("dobj", "nsubjpass", "nsubj") or tok.pos_ not in ("NOUN", "PRON", "DET") \
                or not _referring(ctx, tok):
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
