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
from .modality import Modality, assess, cues_of
from .people import People
from .subjects import (
    child,
    clause_subject,
    group_members,
    is_passive,
    member_of,
    noun_patient,
    object_owner,
    person_after,
    person_before,
    person_of,
    person_of_aside,
    reduced_passive,
    subject_of,
    verb_patient,
)
from .timing import AGAIN, PAST, time_rank
from .triggers import acted_on, again_lemma, noun_ok, participle_lemma, verb_ok, verb_specs

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
    extra_cues: list[str] = field(default_factory=list)
    """Cues found beside the trigger's own climb: "X was not among the prisoners freed" (negated)."""
    again: bool = False
    """A verb that repeats an earlier event: "rearrested", "reinstated", "retried"."""
    through: int | None = None
    """The last sentence the event's words run to, when a list carries them on ("sentenced: / - A, five years")."""
    anaphoric: bool = False
    """A ruling on "the sentence" or "it" whose owner is the person sentenced just before (kept only if found)."""
    fixed: bool = False
    """Asserted whatever governs it: a person named as a prisoner ("death-row prisoner X")."""


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


def _events(ctx: Context, people: People, tok: Token, etype: str, patient: Token | None, first: int,
            details: dict[str, str], mode: str | None = None, anaphoric: bool = False) -> list[Found]:
    """The event for its patient, and for every person listed with the patient ("A and B were arrested").

    ``mode`` says where else to look when the parse gives no person: right after an active verb
    (:func:`.subjects.person_after`), right before a passive one (:func:`.subjects.person_before`)."""
    kind, subject = person_of(ctx, people, patient)
    cues: list[str] = []
    if kind != "person" and mode == "active":
        k = person_after(ctx, tok)
        if k is not None:
            kind, subject = "person", k
    if kind != "person" and mode == "passive":
        k = person_before(ctx, tok)
        if k is None and tok.pos_ == "VERB":
            k = reduced_passive(ctx, tok)
        if k is not None:
            kind, subject = "person", k
    if kind == "none" and tok.pos_ == "NOUN":
        k = person_of_aside(ctx, tok)
        if k is not None:
            kind, subject = "person", k
    if etype == "appeal" and kind != "person":
        for who in (patient, clause_subject(tok.head) if tok.dep_ == "dobj" else None):
            kind2, subject2 = _client(ctx, people, who)
            if kind2 == "person":
                kind, subject = kind2, subject2
                break
    group = group_members(ctx, patient) if kind == "people" and patient is not None else []
    if not group and kind == "none" and tok.pos_ == "NOUN":
        group = group_members(ctx, tok)  # "either execution", "both arrests"
    if group:
        kind, subject = "person", group[0]
    if kind == "people" and patient is not None:
        member = member_of(ctx, patient)
        if member is not None:
            kind2, subject2 = person_of(ctx, people, member[0])
            if kind2 == "person":
                kind, subject = kind2, subject2
                if member[1] is not None:
                    cues.extend(cues_of(ctx, member[1]))  # "X was not among those freed", "reports that X was ..."
    if kind in ("thing", "none") and not anaphoric:
        return []
    unowned = kind in ("thing", "none")
    if unowned:
        subject = None  # "it was reinstated": whose it is comes from the sentence told before (_owner_from_before)
    out = [Found(etype, tok, first, tok.i, subject, patient, ctx.tok_sent[tok.i], dict(details), extra_cues=cues,
                 anaphoric=unowned)]
    for k in group[1:] or _listed_with(ctx, people, patient, subject):
        out.append(Found(etype, tok, first, tok.i, k, patient, ctx.tok_sent[tok.i], dict(details), extra_cues=cues))
    for f in out if group else []:
        if f.subject is not None and ctx.mentions[f.subject].sentence != f.sentence:
            f.through = ctx.mentions[f.subject].sentence  # the quote takes in the sentence that names them
    return out


def _listed_with(ctx: Context, people: People, patient: Token | None, subject: int | None) -> list[int]:
    """Other persons coordinated with the patient: "A, B and C were sentenced", "arrested A and her husband B"."""
    if subject is None:
        return []
    head = ctx.mention_head(subject)
    start = patient if patient is not None and ctx.person_of_token(patient) == subject else head
    out: list[int] = []
    for c in start.conjuncts:
        if c.i < start.i:
            continue
        kind, k = person_of(ctx, people, c)
        if kind == "person" and k is not None and k != subject and k not in out:
            out.append(k)
    return out


def _verb_event(ctx: Context, people: People, tok: Token, patient_verbs: frozenset[str],
                lemma: str | None = None) -> list[Found]:
    lemma = lemma or tok.lemma_.lower()
    again = again_lemma(ctx, lemma)
    specs = verb_specs(ctx, again or lemma)
    if not specs:
        return _term_event(ctx, people, tok) or _remain_event(ctx, people, tok)
    spec = next((sp for sp in specs if verb_ok(ctx, tok, sp)), None)
    if spec is None:
        return []
    patient = verb_patient(tok, bool(spec.get("intransitive")), patient_verbs)
    if tok.pos_ != "VERB" and tok.dep_ in ("amod", "compound", "nmod"):
        patient = tok.head
    if spec.get("body_object"):
        body = child(tok, "nsubjpass", "dobj")
        patient = object_owner(body) if body is not None else None  # "whose body was found", "the body of X"
    if spec.get("owner_of_object") and patient is not None and person_of(ctx, people, patient)[0] == "thing":
        patient = object_owner(patient)
    if spec.get("owner_of_object") and person_of(ctx, people, patient)[0] != "person" \
            and tok.dep_ in ("ccomp", "xcomp", "oprd") and tok.head.lemma_.lower() in ("see", "have", "get"):
        patient = clause_subject(tok.head)  # "saw his sentence cut", "had his sentence reduced"
    etype = spec["type"]
    details = dict(spec.get("details", {}))
    if spec.get("details_from") == "release":
        details.update(_release_details(ctx, tok))
    if etype == "sentence" or spec.get("with_length"):
        terms = args.sentence_details(ctx, tok)
        if spec.get("death_only") and terms.get("sentence") != "death":
            return []
        if etype == "sentence" or "length" in terms:
            etype = "sentence"
            details.update(terms)
    if spec.get("object_details"):
        obj = child(tok, "dobj", "nsubjpass")
        if obj is not None:
            details.update(args.noun_sentence_details(ctx, obj))
    if spec.get("intransitive") or is_passive(tok) or tok.pos_ != "VERB":
        mode = "passive"
    else:
        mode = "active"
        k = reduced_passive(ctx, tok)
        if k is not None:
            patient, mode = ctx.tokens[ctx.mention_tokens[k][1] - 1], "passive"
    obj = child(tok, "dobj", "nsubjpass")
    anaphoric = bool(spec.get("owner_of_object")) and obj is not None and (obj.lower_ == "it" or any(
        c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in obj.children))
    found = _events(ctx, people, tok, etype, patient, tok.i, details, mode, anaphoric)
    if spec.get("unseen_since"):
        for f in found:
            f.fixed = True  # the negation is the disappearance's own words, not a denial of it
    if etype == "sentence":
        found = _with_listed_terms(ctx, tok, found, details)
    if again or spec.get("later"):
        for f in found:
            f.again = True
    return found


def _with_listed_terms(ctx: Context, tok: Token, found: list[Found], details: dict[str, str]) -> list[Found]:
    """A sentencing verb's list of persons and their sentences (:func:`.arguments.listed_terms`): each person
    gets the sentence written for them."""
    sentencing = {t.i for t in ctx.tokens if t.lemma_.lower() in ("sentence", "condemn") and t.i != tok.i}
    listed = args.listed_terms(ctx, tok, sentencing)
    if not listed:
        return found
    have = {f.subject: f for f in found}
    if len(listed) > 1 and listed[0][0] is None and found:
        lead = listed[0][1]  # "A was sentenced to death and B to six years": A's own term only
        found[0].details = {**{x: y for x, y in found[0].details.items() if x not in ("sentence", "length")}, **lead}
    for k, terms in listed:
        if k is None:
            continue
        if k in have:
            if not any(key in have[k].details for key in ("sentence", "length")):
                have[k].details.update(terms)
            else:
                have[k].details = {**{x: y for x, y in have[k].details.items() if x not in terms}, **terms}
            continue
        base = found[0] if found else None
        f = Found("sentence", tok, tok.i, tok.i, k, base.patient if base else None, ctx.tok_sent[tok.i],
                  {**{x: y for x, y in details.items() if x not in ("sentence", "length")}, **terms})
        if ctx.mentions[k].sentence != f.sentence:
            f.through = ctx.mentions[k].sentence
        found.append(f)
        have[k] = f
    return found


def _release_details(ctx: Context, tok: Token) -> dict[str, str]:
    """"released on bail" -> {"condition": "bail"}."""
    conditions = ctx.lex.events["release_conditions"]
    for p in tok.children:
        if p.dep_ == "prep" and p.lower_ == "on":
            o = child(p, "pobj")
            if o is not None and o.lower_ in conditions:
                return {"condition": conditions[o.lower_]}
    return {}


def _term_event(ctx: Context, people: People, tok: Token) -> list[Found]:
    """"received 10 years in prison", "is serving five years in prison", "gave X, 30, 12 years in prison"."""
    ev = ctx.lex.events
    if tok.lemma_.lower() not in ev["sentence_verbs_with_term"]:
        return []
    obj = child(tok, "dobj")
    if (obj is None or obj.lower_ not in ev["term_units"] or child(obj, "nummod") is None) \
            and tok.lemma_.lower() in ("give", "hand"):
        return _with_listed_terms(ctx, tok, [], {})  # the parse lost the term: read the list after the verb
    if obj is None or obj.lower_ not in ev["term_units"] or child(obj, "nummod") is None:
        return []
    text = ctx.text[obj.idx:obj.right_edge.idx + len(obj.right_edge.text) + 30].lower()
    served = tok.lemma_.lower() == "serve" and not any(c.dep_ == "prep" and c.lower_ == "as" for c in tok.children)
    given = tok.lemma_.lower() in ("give", "hand") and (is_passive(tok) or child(tok, "dative") is not None)
    if not (served or given) and not any(w in text for w in ev["prison_words"] + ev["custody_words"]):
        return []
    num = args.number_text(ctx, child(obj, "nummod"))  # type: ignore[arg-type]
    unit = obj.lower_.rstrip("s") + ("" if num == "1" else "s")
    details = {"sentence": "prison", "length": f"{num} {unit}"}
    if tok.lemma_.lower() in ("receive", "serve", "get", "face") or is_passive(tok):
        patient = clause_subject(tok)  # "received 10 years", "was given four years"
    else:
        patient = child(tok, "dative")
    found = _events(ctx, people, tok, "sentence", patient, tok.i, details)
    if tok.lemma_.lower() in ev["prospective_term_verbs"]:
        for f in found:
            f.extra_cues.append("expected")  # "faces up to twelve years in jail"
    return found


def _remain_event(ctx: Context, people: People, tok: Token) -> list[Found]:
    """"X remains in Gharvan Prison", "X is in Evin Prison": detention."""
    if tok.lemma_.lower() not in ("remain", "be", "stay", "languish", "sit"):
        return []
    custody = set(ctx.lex.events["custody_words"]) | {"bars"}
    for p in [*tok.children, *(g for a in tok.children if a.lower_ == "back" for g in a.children)]:
        if p.dep_ == "prep" and p.lower_ in ("in", "at", "inside", "behind"):
            o = child(p, "pobj")
            m = ctx.mention_of(o) if o is not None else None
            held = m is not None and ctx.mentions[m].label == "FACILITY" and "court" not in ctx.mentions[m].text.lower()
            if not held and o is not None and m is None:
                held = o.lemma_.lower() in custody or o.lower_ in custody
            if held:
                return _events(ctx, people, tok, "detention", clause_subject(tok), tok.i, {})
    return []


def _among(ctx: Context, people: People, tok: Token, spec: dict[str, Any]) -> list[Found]:
    """"named X among the dead", "X was among the dead", "nine people, including X, were among the dead"."""
    if not (tok.dep_ == "pobj" and tok.head.lower_ == "among"):
        return []
    host = tok.head.head
    who = child(host, "dobj") if host.pos_ == "VERB" and child(host, "dobj") is not None else subject_of(host) \
        if host.pos_ in ("VERB", "AUX") else host
    if who is not None and person_of(ctx, people, who)[0] != "person":
        inc = next((c for c in who.subtree if c.dep_ == "pobj" and c.head.lower_ in ("including", "among")), None)
        who = inc if inc is not None else who
    return [f for f in _events(ctx, people, tok, spec["type"], who, tok.i, {}) if f.subject is not None]


def _state_event(ctx: Context, people: People, tok: Token, spec: dict[str, Any]) -> list[Found]:
    """A state said of a person: "X is alive" in a report that speaks of an execution (the execution denied),
    "X, missing since May" (a disappearance)."""
    if any(c.dep_ == "neg" for c in tok.head.children) or any(c.dep_ == "neg" for c in tok.children):
        return []
    if tok.dep_ == "acomp" and any(c.dep_ == "aux" and c.lower_ in ctx.lex.m("expected_modals")
                                   for c in tok.head.children):
        return []  # "X might be alive today": a state that is not
    if spec.get("needs_word") and not any(t.lemma_.lower() in set(spec["needs_word"]) for t in ctx.tokens):
        return []
    details = {"modality": spec["modality"]} if spec.get("modality") else {}
    if spec.get("among_only"):
        return _among(ctx, people, tok, spec)
    if tok.dep_ == "acomp":
        patient = clause_subject(tok.head)
    elif tok.dep_ in ("amod", "appos") and tok.head.pos_ in ("NOUN", "PROPN"):
        patient = tok.head
    else:
        patient = None
    found = _events(ctx, people, tok, spec["type"], patient, tok.i, details, "passive")
    return [f for f in found if f.subject is not None]


def _noun_event(ctx: Context, people: People, tok: Token, governing: tuple[frozenset[str], ...]) -> list[Found]:
    ev = ctx.lex.events
    spec = ev["nouns"].get(tok.lemma_.lower()) or ev["nouns"].get(tok.lower_)
    if spec is None or not noun_ok(ctx, tok, spec):
        return []
    if spec.get("custody_role"):
        return _role_event(ctx, people, tok, spec)
    patient = noun_patient(tok, *governing)
    if patient is not None and person_of(ctx, people, patient)[0] == "thing":
        patient = noun_patient(tok, frozenset(), *governing[1:]) or patient  # "facing execution for crimes he denies"
    details = dict(spec.get("details", {}))
    if spec["type"] == "sentence":
        details.update(args.noun_sentence_details(ctx, tok))
    first = tok.i
    if tok.i > 0 and ctx.tokens[tok.i - 1].lemma_.lower() in set(spec.get("needs_modifier", [])):
        first = tok.i - 1
    found = _events(ctx, people, tok, spec["type"], patient, first, details)
    if spec.get("unknown_state"):
        for f in found:
            f.fixed = True  # "whereabouts ... unknown" tells the disappearance
    if spec["type"] == "sentence" and not any(f.subject is not None for f in found):
        found = _with_listed_terms(ctx, tok, found, details)  # "handed down the following sentences: A, ..."
    return [f for f in found if f.subject is not None]


def _role_event(ctx: Context, people: People, tok: Token, spec: dict[str, Any]) -> list[Found]:
    """A person named as a prisoner: "political prisoner X", "Kurdish inmate X", "X, a detainee at ...", "death-row
    prisoner X" (a death sentence). A former prisoner is none ("ex-detainee", "freed prisoner")."""
    ev = ctx.lex.events
    mods = {c.lower_ for c in tok.children if c.dep_ in ("amod", "compound", "advmod", "nmod")}
    if mods & set(ev["former_words"]) or (tok.i > 0 and ctx.tokens[tok.i - 1].lower_ in ev["former_words"]):
        return []
    kind, k = person_of(ctx, people, tok)
    if kind != "person" or k is None:
        return []
    words = {c.lemma_.lower() for c in tok.subtree if c.i <= tok.i}
    death = ("row" in words and "death" in words) or bool(words & set(ev["condemned_words"]))
    etype, details = ("sentence", {"sentence": "death"}) if death else (spec["type"], {})
    f = Found(etype, tok, tok.left_edge.i if death else tok.i, tok.i, k, tok, ctx.tok_sent[tok.i], details)
    f.fixed = True  # what a person is called is said of them whatever the sentence says happened
    return [f]


def find_events(ctx: Context, people: People, sources: list[list[Source]],
                anchors: dict[int, list[int]]) -> list[Found]:
    """Every event of the report, in text order, with its arguments, modality, date and source."""
    ev = ctx.lex.events
    charge_preps = ev["charge_preps"]
    patient_verbs = frozenset(k for k, v in ev["verbs"].items()
                              if any(not sp.get("intransitive") for sp in (v if isinstance(v, list) else [v])))
    governing = tuple(frozenset(ev[k]) for k in ("noun_preps", "subject_verbs", "object_verbs", "noun_gov_preps",
                                                 "giver_verbs"))
    out: list[Found] = []
    for tok in ctx.tokens:
        if ctx.tok_sent[tok.i] < 0 or not ctx.sentences:
            continue
        if tok.lower_ in ev["states"] and tok.pos_ in ("ADJ", "VERB"):
            found = _state_event(ctx, people, tok, ev["states"][tok.lower_])  # "missing" read as a verb too
        elif tok.pos_ in ("VERB", "AUX"):
            found = _verb_event(ctx, people, tok, patient_verbs)
        elif (lemma := participle_lemma(ctx, tok)) is not None:
            found = _verb_event(ctx, people, tok, patient_verbs, lemma)
        elif tok.pos_ in ("NOUN", "PROPN"):
            found = _noun_event(ctx, people, tok, governing)
        else:
            continue
        _owner_from_before(ctx, found, out)
        for f in found:
            if f.subject is not None or not f.anaphoric:
                out.append(_complete(ctx, f, tok, sources, anchors, charge_preps))
    out.extend(_held_in(ctx, people, out, sources, anchors, charge_preps))
    _same_time_as_before(ctx, out)
    return out


_THAT_TIME = frozenset({"occasion", "time", "day", "night", "week", "month", "year", "moment"})


def _at_that_time(tok: Token) -> bool:
    """"on that occasion", "at the time", "that same day": a time named by pointing back."""
    verb = tok if tok.pos_ in ("VERB", "AUX") else tok.head
    todo = [c for c in verb.children if c.dep_ in ("prep", "npadvmod")]
    while todo:
        c = todo.pop()
        t = next((g for g in c.children if g.dep_ == "pobj"), None) if c.dep_ == "prep" else c
        if t is None:
            continue
        pointing = any(d.dep_ in ("det", "amod") and d.lower_ in ("that", "same") for d in t.children)
        if t.lower_ in _THAT_TIME and pointing:
            return True
        if t.lower_ == "time" and any(d.lower_ == "the" for d in t.children) and c.lower_ == "at":
            return True
        todo.extend(g for g in t.children if g.dep_ == "prep")
    return False


def _same_time_as_before(ctx: Context, events: list[Found]) -> None:
    """An event told "on that occasion" or "at the time" happened when the event told just before it did: it
    takes that event's date, or its place in the report's order ("She had been detained once before, in the
    spring of 2025. She was released on bail on that occasion.")."""
    for k, f in enumerate(events):
        if f.date is not None or not _at_that_time(f.trigger):
            continue
        before = [e for e in events[:k] if e.subject == f.subject and e.type != "statement"
                  and f.sentence - 1 <= e.sentence <= f.sentence and e.trigger.i < f.trigger.i]
        if before:
            f.date = before[-1].date
            f.when = before[-1].when


def _held_in(ctx: Context, people: People, events: list[Found], sources: list[list[Source]],
             anchors: dict[int, list[int]], charge_preps: dict[str, list[str]]) -> list[Found]:
    """A person said to be in a prison in the words set off by a comma after the name, up to the next comma or
    the sentence's end: "X, on hunger strike in Varka prison, could die", "the court has yet to rule on the case
    of X, three weeks into a hunger strike in Brask prison." (a detention, told as a fact)."""
    out: list[Found] = []
    doc = ctx.tokens
    custody = set(ctx.lex.events["custody_words"])
    have = {f.subject for f in events if f.type in ("detention", "transfer", "sentence", "arrest")}
    for k, m in enumerate(ctx.mentions):
        if m.label != "PERSON" or k in have:
            continue
        i = ctx.mention_tokens[k][1]
        if i >= len(doc) or doc[i].text != ",":
            continue
        end = ctx.sent_tokens[ctx.tok_sent[i]][1]
        j = i + 1
        while j < end and doc[j].text != "," and doc[j].pos_ not in ("VERB", "AUX"):
            j += 1
        closed = j < end and doc[j].text == ","
        if not closed and not (j == end and doc[end - 1].text in (".", "!") and end - 1 > i + 1):
            continue  # only a phrase set off by commas or ending the sentence, with no verb of its own
        j = j if closed else end - 1
        place = next((t for t in doc[i + 1:j] if t.i > 0 and doc[t.i - 1].lower_ in ("in", "at", "inside")
                      and _custody_word_or_facility(ctx, t, custody)), None)
        if place is None:
            continue
        f = Found("detention", place, place.i, place.i, k, ctx.mention_head(k), ctx.tok_sent[place.i], {})
        f.fixed = True
        out.append(_complete(ctx, f, place, sources, anchors, charge_preps))
        have.add(k)
    return out


def _custody_word_or_facility(ctx: Context, t: Token, custody: set[str]) -> bool:
    """A prison word, or the first word of a named facility of custody ("in Kilo 8 prison")."""
    m = ctx.mention_of(t)
    if m is not None:
        return ctx.mentions[m].label == "FACILITY" and "court" not in ctx.mentions[m].text.lower()
    return t.lemma_.lower() in custody


def _carried(ctx: Context, tok: Token) -> bool:
    """A sentence that is (not) carried out still stands: the negation is the execution's."""
    head = tok.head
    return tok.dep_ in ("dobj", "nsubjpass") and head.lemma_.lower() in ctx.lex.events["carrying_verbs"]


def _owner_from_before(ctx: Context, found: list[Found], prior: list[Found]) -> None:
    """"X was condemned to death in 2019; last year the sentence was commuted": a ruling on "the sentence" with no
    owner of its own is about the last person sentenced before it in the report (within two sentences)."""
    for f in found:
        if f.subject is not None or f.type not in ("commutation", "appeal", "pardon", "execution", "sentence"):
            continue
        obj = child(f.trigger, "dobj", "nsubjpass")
        if obj is None or not (obj.lower_ == "it" or (obj.lemma_.lower() in ("sentence", "verdict", "conviction",
                                                                             "penalty") and any(
                c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in obj.children))):
            continue
        earlier = [p for p in prior if p.type == "sentence" and p.subject is not None
                   and 0 <= f.sentence - p.sentence <= 1]
        if earlier:
            f.subject = earlier[-1].subject


def _complete(ctx: Context, f: Found, tok: Token, sources: list[list[Source]], anchors: dict[int, list[int]],
              charge_preps: dict[str, list[str]]) -> Found:
    """An event's modality, order, place, charge, reason, date and source."""
    f.governor = _governor(tok) if tok.pos_ == "NOUN" else None
    heads = [tok] + ([f.governor] if f.governor is not None else [])
    given = f.details.pop("modality", None)
    judged = assess(ctx, tok, f.extra_cues) if not f.fixed else Modality()
    f.modality, f.cue = (given, "denied") if given else (judged.modality, judged.cue)
    if f.modality != "asserted" and acted_on(ctx, tok) and (f.cue != "negated" or _carried(ctx, tok)):
        f.modality, f.cue = "asserted", "presupposed"
    f.when = max(time_rank(ctx, tok, f.governor), AGAIN) if f.again else time_rank(ctx, tok, f.governor)
    f.where = args.where(ctx, heads)
    listed_facility = f.details.pop("listed_facility", None)
    if listed_facility:  # a list item's own prison: "- X: ten years, to be served in Y Prison"
        f.where = args.Where(place=f.where.place, facility=listed_facility, facility_fact=listed_facility,
                             court=f.where.court)
    if f.where.court and f.type in ("trial", "sentence", "appeal", "charge"):
        f.details.setdefault("court", f.where.court)
    lemma = tok.lemma_.lower() if tok.pos_ != "NOUN" else f"{tok.lemma_.lower()}_noun"
    listed_charge = f.details.pop("listed_charge", None)
    if lemma in charge_preps:
        f.charge = args.charge_of(ctx, tok, charge_preps[lemma])
    f.charge = listed_charge or f.charge  # a list item's own charge: "- X: six years for 'sedition'"
    if f.charge and f.type in ("charge", "trial", "sentence"):
        f.details.setdefault("charge", f.charge)
    if f.type in ("sentence", "trial", "charge", "arrest", "detention", "execution", "refusal") or lemma == "face":
        f.reason = args.reason_of(ctx, heads)
    f.date = _date(ctx, anchors, tok, f.governor)
    f.source = source_for(ctx, sources, tok)
    return f


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
