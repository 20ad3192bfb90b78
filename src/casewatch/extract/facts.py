"""Facts about persons: role, nationality, age, gender, location, facility, charge, reason,
sentence, court, lawyer and the organisation that reported the case.

Each fact has the sentence stating it as evidence and the modality and source
of that statement. Values are normalised so that reports agree when they say
the same thing: lower-case roles, charges, reasons and sentences ("death",
"10 years in prison"); names as written.
"""
from __future__ import annotations

from ..models import Attribution, FactMention
from .attribution import Source, source_for
from .context import Context
from .events import Found
from .people import People, role_noun
from .places import is_region
from .subjects import child, person_of

_FACILITY_EVENTS = frozenset({"detention", "arrest", "transfer", "execution", "death_in_custody", "sentence",
                              "torture"})
_COURT_EVENTS = frozenset({"trial", "sentence", "appeal", "charge"})
_PLACE_EVENTS = frozenset({"arrest", "detention", "transfer", "trial", "sentence", "execution", "death_in_custody",
                           "killing", "disappearance", "torture"})
_PRONOUN_GENDER = {"he": "male", "him": "male", "his": "male", "she": "female", "her": "female"}


class _Facts:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.out: list[FactMention] = []
        self.seen: set[tuple[int, str, str, int]] = set()

    def add(self, subject: int | None, field: str, value: str | None, sentence: int, modality: str = "asserted",
            attribution: Attribution | None = None) -> None:
        if subject is None or not value or sentence < 0:
            return
        value = value.strip()
        key = (subject, field, value.lower(), sentence)
        if not value or key in self.seen:
            return
        self.seen.add(key)
        self.out.append(FactMention(subject, field, value, self.ctx.sentence_evidence(sentence), modality, attribution))


def _source(s: Source | None) -> Attribution | None:
    return s.attribution if s is not None else None


def build_facts(ctx: Context, people: People, sources: list[list[Source]], events: list[Found]) -> list[FactMention]:
    """Facts from the words written with names, from events, and from "his lawyer, X"."""
    facts = _Facts(ctx)
    for k, d in people.descriptors.items():
        si = ctx.mentions[k].sentence
        src = _descriptor_source(ctx, sources, k)
        facts.add(k, "role", d.role, si, attribution=src)
        facts.add(k, "nationality", d.nationality, si, attribution=src)
        facts.add(k, "age", d.age, si, attribution=src)
        facts.add(k, "gender", d.gender, si, attribution=src)
        facts.add(k, "location", d.location, si, attribution=src)
    for f in events:
        if f.subject is None:
            continue
        src = f.attribution
        told = f.sentence if f.through is None else f.through  # a list item's line tells its person's facts
        if f.type == "statement":
            if src is not None and src.kind == "organisation" and not src.generic:
                facts.add(f.subject, "reported_by", src.name, f.sentence, attribution=src)
            continue
        from .arguments import sentence_text

        if f.type in ("sentence", "appeal"):
            facts.add(f.subject, "sentence", sentence_text(f.details), told, f.modality, src)
        if f.charge and f.type in ("charge", "trial", "sentence"):
            facts.add(f.subject, "charge", f.charge, told, "alleged" if f.modality == "alleged" else f.modality,
                      src)
        if f.reason is not None:
            alleged = any(t.lower_ in ctx.lex.m("alleged_adverbs") for t in f.reason[1].subtree)
            facts.add(f.subject, "reason", f.reason[0], f.sentence, "alleged" if alleged else f.modality, src)
        if f.where.facility_fact and f.type in _FACILITY_EVENTS:
            at = told if f.where.facility_fact in ctx.sentence_evidence(told).quote else f.sentence
            facts.add(f.subject, "facility", f.where.facility_fact, at, f.modality, src)
        if f.where.place and f.type in _PLACE_EVENTS and f.modality == "asserted" and not is_region(f.where.place):
            facts.add(f.subject, "location", f.where.place, f.sentence, f.modality, src)  # the city of the case
        if f.where.court and f.type in _COURT_EVENTS:
            facts.add(f.subject, "court", f.where.court, f.sentence, f.modality, src)
        if src is not None and src.kind == "organisation" and not src.generic and src.mention is not None:
            facts.add(f.subject, "reported_by", src.name, f.sentence, attribution=src)
        _pronoun_gender(ctx, people, facts, f)
    _lawyers(ctx, people, sources, facts)
    _judges(ctx, people, events, facts)
    return facts.out


def _judges(ctx: Context, people: People, events: list[Found], facts: _Facts) -> None:
    """"sentenced by judge X", "Judge X tried him": a judge named in the sentence of a court event."""
    for f in events:
        if f.subject is None or f.type not in _COURT_EVENTS:
            continue
        for k, d in people.descriptors.items():
            if d.role == "judge" and ctx.mentions[k].sentence == f.sentence and k != f.subject:
                facts.add(f.subject, "judge", ctx.mentions[k].text, f.sentence, f.modality, f.attribution)


def _descriptor_source(ctx: Context, sources: list[list[Source]], k: int) -> Attribution | None:
    """Who says what is written with a name: the source of the clause the name is an argument of (nobody when
    the name is the one speaking, or sits deeper in a phrase)."""
    h = ctx.mention_head(k)
    if h.dep_ not in ("nsubj", "nsubjpass", "dobj") or h.head.pos_ not in ("VERB", "AUX"):
        return None
    s = source_for(ctx, sources, h.head)
    if s is None or (s.subject is not None and s.subject.left_edge.i <= h.i <= s.subject.right_edge.i):
        return None
    return s.attribution


def _pronoun_gender(ctx: Context, people: People, facts: _Facts, f: Found) -> None:
    """"he"/"she" that stands for the subject, with its name in the same or the previous sentence."""
    tok = f.patient
    if tok is None or tok.lower_ not in _PRONOUN_GENDER or f.subject is None:
        return
    antecedent = ctx.mentions[f.subject].sentence
    if f.sentence - antecedent not in (0, 1):
        return
    between = [k for k in people.order if ctx.mentions[f.subject].start < ctx.mentions[k].start < tok.idx
               and people.cluster[k] != people.cluster[f.subject]]
    if between:
        return
    facts.add(f.subject, "gender", _PRONOUN_GENDER[tok.lower_], f.sentence, attribution=f.attribution)


def _lawyers(ctx: Context, people: People, sources: list[list[Source]], facts: _Facts) -> None:
    """"his lawyer, X", "X's lawyer, Y", "the lawyer for X, Y": Y is X's lawyer."""
    for k, d in people.descriptors.items():
        if d.role != "lawyer":
            continue
        n = d.noun if d.noun is not None else role_noun(ctx, k)
        if n is None:
            continue
        owner = child(n, "poss")
        if owner is None:
            p = next((c for c in n.children if c.dep_ == "prep" and c.lower_ in ("for", "of")), None)
            owner = child(p, "pobj") if p is not None else None
        kind, client = person_of(ctx, people, owner) if owner is not None else ("none", None)
        if kind != "person" or client is None or client == k:
            continue
        si = ctx.mentions[k].sentence
        facts.add(client, "lawyer", ctx.mentions[k].text, si, attribution=_source(source_for(ctx, sources, n)))
