"""Events a report states: arrests, trials, sentences, executions... and whom they happen to.

Triggers come from ``data/extract_events.json`` by lemma: verbs ("arrested",
"held", "sentenced", "hanged"), nouns ("execution", "death sentence",
"capital punishment", "death row") and a few constructions ("received 10 years
in prison", "remains in X Prison"). An event on something that is not a person
("executed the order") is dropped; one on people in general ("thousands have
been arrested") keeps no subject; a noun event needs a person. Events that are
only demanded ("urged the court to overturn") or hypothetical are dropped.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Token

from ..models import Attribution, DateMention
from . import arguments as args
from .attribution import Source, source_for
from .context import Context
from .modality import assess
from .timing import PAST, time_rank
from .people import People
from .subjects import (
    child,
    clause_subject,
    is_passive,
    noun_patient,
    object_owner,
    person_after,
    person_of,
    verb_patient,
)

_TIME_NOUNS = frozenset({"dawn", "night", "morning", "evening", "afternoon", "midnight", "noon", "day", "hours"})


@dataclass
class Found:
    """One event while it is being built."""

    type: str
    trigger: Token
    first: int
    last: int
    subject: int | None
    patient: Token | None
    sentence: int
    details: dict[str, str] = field(default_factory=dict)
    modality: str = "asserted"
    cue: str | None = None
    """The cue class that set the modality ("demanded", "conditional", "negated"...), None when asserted."""
    when: int = PAST
    """Where the event sits in the report's order of things (:func:`.timing.time_rank`)."""
    date: DateMention | None = None
    where: args.Where = field(default_factory=args.Where)
    source: Source | None = None
    attribution: Attribution | None = None
    """The source as the event is given out: the sentence's, or the speaker of the quote it is in."""
    reason: tuple[str, Token] | None = None
    charge: str | None = None
    governor: Token | None = None


def date_anchors(ctx: Context) -> dict[int, list[int]]:
    """For each verb or event noun, the dates attached to it (token index -> date indexes).

    A date attaches to the verb it modifies ("arrested on 14 January", "said Tuesday") or to an event noun
    ("the execution in February"); a date inside another noun phrase ("last winter's protests") attaches
    to nothing.
    """
    nouns = ctx.lex.events["nouns"]
    by_date: dict[int, list[int]] = {}
    for i, k in ctx.tok_date.items():
        by_date.setdefault(k, []).append(i)
    out: dict[int, list[int]] = {}
    doc = ctx.tokens
    for k, toks in by_date.items():
        inside = set(toks)
        t = next((doc[i] for i in sorted(toks) if doc[i].head.i not in inside or doc[i].head.i == i), doc[toks[0]])
        for _ in range(6):
            if t.dep_ == "pobj" and t.head.dep_ == "prep":
                t = t.head.head
                if t.pos_ == "NOUN" and t.lower_ in _TIME_NOUNS:
                    continue
            elif t.dep_ in ("npadvmod", "advmod", "tmod", "obl", "prep", "nmod") or t.head.i in inside:
                t = t.head
            else:
                break
            if t.pos_ in ("VERB", "AUX") or (t.pos_ == "NOUN" and t.lemma_.lower() in nouns):
                out.setdefault(t.i, []).append(k)
                break
            m = ctx.mention_of(t)
            if (m is not None and ctx.mentions[m].label == "PLACE") or t.lemma_.lower() in ctx.lex.place_nouns:
                continue
            if t.pos_ in ("NOUN", "PROPN", "PRON"):
                break
    return out


def _verb_ok(ctx: Context, tok: Token, spec: dict[str, Any]) -> bool:
    if spec.get("passive") and not is_passive(tok):
        return False
    if spec.get("needs_prep") and not any(
            c.dep_ in ("prep", "dative") and c.lower_ in spec["needs_prep"] for c in tok.children):
        return False
    if spec.get("needs_object"):
        obj = child(tok, "dobj", "nsubjpass")
        if obj is None or (obj.lemma_.lower() not in spec["needs_object"] and obj.lower_ not in spec["needs_object"]):
            return False
    if spec.get("needs_context") and not _in_own_phrase(ctx, tok, set(spec["needs_context"])):
        return False
    if spec.get("no_amod") and tok.dep_ == "amod":
        return False
    if spec.get("not_prep") and any(c.dep_ == "prep" and c.lower_ in spec["not_prep"] for c in tok.children):
        return False
    if spec.get("no_object") and child(tok, "dobj") is not None:
        return False
    if spec.get("destination") and not _destination_ok(ctx, tok):
        return False
    if spec.get("refusal"):
        return _refusal_ok(ctx, tok)
    return True


_SIDE_CLAUSES = frozenset({"advcl", "relcl", "acl", "ccomp", "conj", "parataxis", "csubj", "nsubj"})


def _in_own_phrase(ctx: Context, tok: Token, words: set[str]) -> bool:
    """Whether one of ``words`` (or a facility of custody) is said with the verb itself, not in a clause beside it:
    "died in custody", "died in Gharvan Prison" ("released after a decade in prison, he died at home" is not)."""
    todo = [c for c in tok.children if c.dep_ not in _SIDE_CLAUSES]
    while todo:
        t = todo.pop()
        if t.lemma_.lower() in words or t.lower_ in words:
            return True
        m = ctx.mention_of(t)
        if m is not None and ctx.mentions[m].label == "FACILITY" and "court" not in ctx.mentions[m].text.lower():
            return True
        todo.extend(c for c in t.children if c.dep_ not in _SIDE_CLAUSES)
    return False


def _destination_ok(ctx: Context, tok: Token) -> bool:
    """"moved to Evin Prison", "taken to a detention centre": a transfer goes to a place of custody."""
    words = set(ctx.lex.events["destination_words"])
    for p in tok.children:
        if p.dep_ == "prep" and p.lower_ in ("to", "into"):
            o = child(p, "pobj")
            if o is None:
                continue
            m = ctx.mention_of(o)
            if m is not None and ctx.mentions[m].label == "FACILITY":
                return True
            if any(t.lemma_.lower() in words for t in o.subtree):
                return True
    return False


def _refusal_ok(ctx: Context, tok: Token) -> bool:
    """A refusal of orders: "refused to shoot", "refusing orders to fire", "refusal to comply with orders"."""
    objects = set(ctx.lex.events["refusal_objects"])
    comps = [c for c in tok.children if c.dep_ in ("xcomp", "dobj", "acl") or (c.dep_ == "prep" and c.lower_ == "to")]
    if comps:
        return any(t.lemma_.lower() in objects for c in comps for t in c.subtree)
    s, e = ctx.sent_tokens[ctx.tok_sent[tok.i]]
    return any(ctx.tokens[i].lemma_.lower() in {"order", "shoot", "fire", "command"} for i in range(s, e))


def _noun_ok(ctx: Context, tok: Token, spec: dict[str, Any]) -> bool:
    if spec.get("needs_modifier"):
        mods = {c.lemma_.lower() for c in tok.children if c.dep_ in ("compound", "amod", "nmod")}
        if tok.i > 0:
            mods.add(ctx.tokens[tok.i - 1].lemma_.lower())
        if not mods & set(spec["needs_modifier"]):
            return tok.lemma_.lower() == "sentence" and child(tok, "poss") is not None
    if spec.get("needs_prep_head") and not (tok.dep_ == "pobj" and tok.head.lower_ in spec["needs_prep_head"]):
        return False
    if spec.get("needs_prep") and not any(c.dep_ == "prep" and c.lower_ in spec["needs_prep"] for c in tok.children):
        return False
    if spec.get("refusal"):
        return _refusal_ok(ctx, tok)
    return True


def _client(ctx: Context, people: People, tok: Token | None) -> tuple[str, int | None]:
    """"his lawyers", "lawyers for X", "X's family": the person they act for."""
    if tok is None or tok.lower_ not in ctx.lex.client_nouns:
        return "none", None
    owner = child(tok, "poss")
    if owner is None:
        p = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ in ("for", "of")), None)
        owner = child(p, "pobj") if p is not None else None
    return person_of(ctx, people, owner) if owner is not None else ("none", None)


def _governor(tok: Token) -> Token | None:
    if tok.dep_ in ("dobj", "attr", "nsubjpass", "oprd"):
        return tok.head
    if tok.dep_ == "pobj" and tok.head.dep_ == "prep" and tok.head.head.pos_ in ("VERB", "AUX"):
        return tok.head.head
    return None


def _event(ctx: Context, people: People, tok: Token, etype: str, patient: Token | None, first: int,
           details: dict[str, str], active: bool = False) -> Found | None:
    kind, subject = person_of(ctx, people, patient)
    if active and kind != "person":
        k = person_after(ctx, tok)
        if k is not None:
            kind, subject = "person", k
    if etype == "appeal" and kind != "person":
        kind2, subject2 = _client(ctx, people, patient)
        if kind2 == "person":
            kind, subject = kind2, subject2
    if kind in ("thing", "none"):
        return None
    return Found(etype, tok, first, tok.i, subject, patient, ctx.tok_sent[tok.i], dict(details))


def _verb_event(ctx: Context, people: People, tok: Token, patient_verbs: frozenset[str]) -> Found | None:
    ev = ctx.lex.events
    lemma = tok.lemma_.lower()
    spec = ev["verbs"].get(lemma)
    if spec is None:
        return _term_event(ctx, people, tok) or _remain_event(ctx, people, tok)
    if not _verb_ok(ctx, tok, spec):
        return None
    patient = verb_patient(tok, bool(spec.get("intransitive")), patient_verbs)
    if spec.get("owner_of_object") and patient is not None and person_of(ctx, people, patient)[0] == "thing":
        patient = object_owner(patient)
    etype = spec["type"]
    details = dict(spec.get("details", {}))
    if spec.get("details_from") == "release":
        details.update(_release_details(ctx, tok))
    if lemma in ("sentence", "condemn", "jail"):
        details.update(args.sentence_details(ctx, tok))
        if lemma == "condemn" and details.get("sentence") != "death":
            return None
        if lemma == "jail" and "length" in details:
            etype = "sentence"
    active = not spec.get("intransitive") and not is_passive(tok) and tok.pos_ == "VERB"
    return _event(ctx, people, tok, etype, patient, tok.i, details, active)


def _release_details(ctx: Context, tok: Token) -> dict[str, str]:
    """"released on bail" -> {"condition": "bail"}."""
    conditions = ctx.lex.events["release_conditions"]
    for p in tok.children:
        if p.dep_ == "prep" and p.lower_ == "on":
            o = child(p, "pobj")
            if o is not None and o.lower_ in conditions:
                return {"condition": conditions[o.lower_]}
    return {}


def _term_event(ctx: Context, people: People, tok: Token) -> Found | None:
    """"received 10 years in prison", "is serving five years in prison"."""
    ev = ctx.lex.events
    if tok.lemma_.lower() not in ev["sentence_verbs_with_term"]:
        return None
    obj = child(tok, "dobj")
    if obj is None or obj.lower_ not in ev["term_units"] or child(obj, "nummod") is None:
        return None
    text = ctx.text[obj.idx:obj.right_edge.idx + len(obj.right_edge.text) + 20].lower()
    if not any(w in text for w in ("prison", "jail", "imprisonment")):
        return None
    num = args.number_text(ctx, child(obj, "nummod"))  # type: ignore[arg-type]
    unit = obj.lower_.rstrip("s") + ("" if num == "1" else "s")
    details = {"sentence": "prison", "length": f"{num} {unit}"}
    patient = clause_subject(tok) if tok.lemma_.lower() in ("receive", "serve", "get", "face") else child(tok, "dative")
    return _event(ctx, people, tok, "sentence", patient, tok.i, details)


def _remain_event(ctx: Context, people: People, tok: Token) -> Found | None:
    """"X remains in Gharvan Prison", "X is in Evin Prison": detention."""
    if tok.lemma_.lower() not in ("remain", "be", "stay"):
        return None
    for p in tok.children:
        if p.dep_ == "prep" and p.lower_ in ("in", "at", "inside"):
            o = child(p, "pobj")
            m = ctx.mention_of(o) if o is not None else None
            if m is not None and ctx.mentions[m].label == "FACILITY" and "court" not in ctx.mentions[m].text.lower():
                return _event(ctx, people, tok, "detention", clause_subject(tok), tok.i, {})
    return None


def _state_event(ctx: Context, people: People, tok: Token, spec: dict[str, Any]) -> Found | None:
    """"X is alive" in a report that speaks of an execution: the execution denied."""
    if tok.dep_ != "acomp" or any(c.dep_ == "neg" for c in tok.head.children):
        return None
    words = set(spec["needs_word"])
    if not any(t.lemma_.lower() in words for t in ctx.tokens):
        return None
    f = _event(ctx, people, tok, spec["type"], clause_subject(tok.head), tok.i, {"modality": spec["modality"]})
    return f if f is not None and f.subject is not None else None


def _noun_event(ctx: Context, people: People, tok: Token, governing: tuple[frozenset[str], ...]) -> Found | None:
    ev = ctx.lex.events
    spec = ev["nouns"].get(tok.lemma_.lower()) or ev["nouns"].get(tok.lower_)
    if spec is None or not _noun_ok(ctx, tok, spec):
        return None
    patient = noun_patient(tok, *governing)
    details = dict(spec.get("details", {}))
    if spec["type"] == "sentence":
        details.update(args.noun_sentence_details(ctx, tok))
    first = tok.i
    if tok.i > 0 and ctx.tokens[tok.i - 1].lemma_.lower() in set(spec.get("needs_modifier", [])):
        first = tok.i - 1
    f = _event(ctx, people, tok, spec["type"], patient, first, details)
    if f is None or f.subject is None:
        return None
    return f


def find_events(ctx: Context, people: People, sources: list[list[Source]],
                anchors: dict[int, list[int]]) -> list[Found]:
    """Every event of the report, in text order, with its arguments, modality, date and source."""
    ev = ctx.lex.events
    charge_preps = ev["charge_preps"]
    patient_verbs = frozenset(k for k, v in ev["verbs"].items() if not v.get("intransitive"))
    governing = tuple(frozenset(ev[k]) for k in ("noun_preps", "subject_verbs", "object_verbs", "noun_gov_preps",
                                                 "giver_verbs"))
    out: list[Found] = []
    for tok in ctx.tokens:
        if ctx.tok_sent[tok.i] < 0 or not ctx.sentences:
            continue
        if tok.pos_ in ("VERB", "AUX"):
            f = _verb_event(ctx, people, tok, patient_verbs)
        elif tok.pos_ in ("NOUN", "PROPN"):
            f = _noun_event(ctx, people, tok, governing)
        elif tok.pos_ == "ADJ" and tok.lower_ in ev["states"]:
            f = _state_event(ctx, people, tok, ev["states"][tok.lower_])
        else:
            continue
        if f is None:
            continue
        f.governor = _governor(tok) if tok.pos_ == "NOUN" else None
        heads = [tok] + ([f.governor] if f.governor is not None else [])
        given = f.details.pop("modality", None)
        judged = assess(ctx, tok)
        f.modality, f.cue = (given, "denied") if given else (judged.modality, judged.cue)
        f.when = time_rank(ctx, tok, f.governor)
        f.where = args.where(ctx, heads)
        if f.where.court and f.type in ("trial", "sentence", "appeal", "charge"):
            f.details.setdefault("court", f.where.court)
        lemma = tok.lemma_.lower() if tok.pos_ != "NOUN" else f"{tok.lemma_.lower()}_noun"
        if lemma in charge_preps:
            f.charge = args.charge_of(ctx, tok, charge_preps[lemma])
            if f.charge and f.type in ("charge", "trial", "sentence"):
                f.details.setdefault("charge", f.charge)
        if f.type in ("sentence", "trial", "charge", "arrest", "detention", "execution", "refusal") or lemma == "face":
            f.reason = args.reason_of(ctx, heads)
        f.date = _date(ctx, anchors, tok, f.governor)
        f.source = source_for(ctx, sources, tok)
        out.append(f)
    return out


def _date(ctx: Context, anchors: dict[int, list[int]], tok: Token, governor: Token | None) -> DateMention | None:
    """The date attached to the trigger, or to the verb governing an event noun ("received a death sentence on
    Monday"), never the date a report was made ("reported the charges on 20 January")."""
    if tok.i in anchors:
        return ctx.dates[anchors[tok.i][0]]
    if governor is not None and governor.i in anchors and governor.lemma_.lower() not in ctx.lex.report_verbs:
        return ctx.dates[anchors[governor.i][0]]
    return None


def statement_events(ctx: Context, events: list[Found], anchors: dict[int, list[int]]) -> list[Found]:
    """"X said (Tuesday) that Y was sentenced": a statement about Y by X, dated by the words on the verb."""
    statement_verbs = ctx.lex.statement_verbs
    out: list[Found] = []
    seen: set[tuple[int, int | None]] = set()
    for f in events:
        s = f.source
        if s is None or s.cue.pos_ != "VERB" or s.cue.lemma_.lower() not in statement_verbs or f.subject is None:
            continue
        key = (s.cue.i, f.subject)
        if key in seen:
            continue
        seen.add(key)
        st = Found("statement", s.cue, s.cue.i, s.cue.i, f.subject, f.patient, s.sentence, {"about": f.type})
        st.source = s
        st.date = _date(ctx, anchors, s.cue, None)
        out.append(st)
    return out
