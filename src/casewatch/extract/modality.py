"""How sure a report is that an event happened: asserted, alleged, expected, denied or reported.

Cues are looked for on the trigger and on the verbs that govern it within its
clause ("is expected to face", "could be executed"), never across a
reporting verb or a relative clause. Denial wins over allegation, allegation
over rumour, rumour over expectation. An event that is only demanded ("urged
the court to overturn the sentence") is not an event at all: :func:`demanded`.
"""
from __future__ import annotations

from spacy.tokens import Token

from .context import Context

_CLIMB = frozenset({"xcomp", "aux", "auxpass", "pcomp", "prep", "pobj", "dobj", "attr", "nsubjpass", "acomp", "oprd"})
_NEG_CLIMB = frozenset({"xcomp", "dobj", "attr", "oprd", "acomp"})


def _chain(trigger: Token, limit: int = 6) -> list[Token]:
    """The trigger and the words governing it up to the clause boundary."""
    out = [trigger]
    t = trigger
    for _ in range(limit):
        if t.dep_ not in _CLIMB or t.head.i == t.i:
            break
        t = t.head
        out.append(t)
        if t.pos_ in ("VERB", "AUX") and t.dep_ not in ("xcomp", "pcomp"):
            break
    return out


def _negated(trigger: Token) -> bool:
    """"was not executed", "did not face a death sentence", "was never charged"."""
    t = trigger
    for _ in range(4):
        if any(c.dep_ == "neg" for c in t.children):
            return True
        if t.dep_ not in _NEG_CLIMB or t.head.i == t.i:
            return False
        t = t.head
    return False


def _lemma(t: Token) -> str:
    return t.lemma_.lower()


def modality(ctx: Context, trigger: Token) -> str:
    """The modality of the event a trigger states."""
    lex = ctx.lex
    chain = _chain(trigger)
    if _negated(trigger) or _under_denial(ctx, trigger) or _denied_by_relative(ctx, trigger):
        return "denied"
    for t in chain:
        for c in t.children:
            low = c.lower_
            if c.dep_ == "advmod" and low in lex.m("alleged_adverbs"):
                return "alleged"
            if c.dep_ == "amod" and low in lex.m("alleged_adjectives") and t.pos_ == "NOUN":
                return "alleged"
        if _lemma(t) in lex.m("alleged_verbs") and t.i != trigger.i:
            return "alleged"
    if trigger.pos_ == "VERB" and _lemma(trigger) == "accuse":
        return "alleged"
    if _under_rumour(ctx, trigger) or any(
            c.dep_ == "advmod" and c.lower_ in lex.m("hedge_adverbs") for t in chain for c in t.children):
        return "reported"
    if _non_factive(ctx, trigger):
        return "expected"
    for t in chain:
        for c in t.children:
            low = c.lower_
            if c.dep_ in ("aux", "auxpass") and low in lex.m("expected_modals"):
                return "expected"
            if c.dep_ == "amod" and low in lex.m("expected_adjectives") and t.pos_ == "NOUN":
                return "expected"
        if t.i != trigger.i and _lemma(t) in lex.m("expected_verbs") and (
                _lemma(t) != "face" or _possible(ctx, trigger)):
            return "expected"
        if t.i != trigger.i and t.pos_ == "NOUN" and _lemma(t) in lex.m("expected_nouns"):
            return "expected"
    return "asserted"


def _non_factive(ctx: Context, trigger: Token) -> bool:
    """"a plan to kill X", "tried to arrest X", "talk about executing X": intended, not done."""
    t = trigger
    if t.dep_ == "pcomp" and t.head.dep_ == "prep":
        t = t.head
    elif t.dep_ not in ("acl", "xcomp"):
        return False
    return _lemma(t.head) in ctx.lex.m("non_factive_heads")


def _possible(ctx: Context, trigger: Token) -> bool:
    """"faces a possible death sentence": face + possible/potential is an expectation, face alone is not."""
    return any(c.dep_ == "amod" and c.lower_ in ctx.lex.m("expected_face_adjectives") for c in trigger.children)


def _under_denial(ctx: Context, trigger: Token) -> bool:
    """The trigger sits in what someone denies: "denied reports that X had been executed", "denied that"."""
    lex = ctx.lex
    t = trigger
    for _ in range(8):
        if t.head.i == t.i:
            return False
        parent = t.head
        if parent.pos_ == "VERB" and _lemma(parent) in lex.m("deny_verbs") and t.dep_ in ("ccomp", "dobj") and (
                t.dep_ == "ccomp" or t.lower_ in lex.m("deny_objects") or t.i != trigger.i):
            return True
        if parent.pos_ == "NOUN" and parent.lower_ in lex.m("deny_objects") and t.dep_ in ("acl", "ccomp", "relcl"):
            t = parent
            continue
        if t.dep_ in ("relcl", "parataxis", "acl", "amod", "appos"):
            return False
        t = parent
    return False


def _denied_by_relative(ctx: Context, trigger: Token) -> bool:
    """"the execution of X, which the judiciary has denied"."""
    deny = ctx.lex.m("deny_verbs")
    for t in trigger.subtree:
        if t.dep_ == "relcl" and _lemma(t) in deny and any(c.lower_ in ("which", "that") for c in t.children):
            return True
    return False


def _under_rumour(ctx: Context, trigger: Token) -> bool:
    """"rumours that he was executed", "unconfirmed reports of his execution", "believed he had been killed"."""
    lex = ctx.lex
    t = trigger
    for _ in range(6):
        if t.head.i == t.i:
            return False
        parent = t.head
        if parent.pos_ == "NOUN":
            low = parent.lower_
            if low in lex.m("reported_nouns"):
                return True
            if low in lex.m("reported_heads") and any(
                    c.dep_ == "amod" and c.lower_ in lex.m("reported_adjectives") for c in parent.children):
                return True
        if parent.pos_ == "VERB" and t.dep_ == "ccomp" and _lemma(parent) in lex.m("belief_verbs"):
            return True
        if t.dep_ in ("relcl", "parataxis"):
            return False
        t = parent
    return False


def demanded(ctx: Context, trigger: Token) -> bool:
    """Whether the event is only asked for ("urged the court to overturn", "called for his release"), held as
    what ought to be ("he should be released"), or refused ("refused to kill")."""
    lex = ctx.lex
    deontic = lex.m("deontic_modals")
    refusals = lex.m("refusal_verbs")
    t = trigger
    for _ in range(4):
        if any(c.dep_ in ("aux", "auxpass") and c.lower_ in deontic for c in t.children):
            return True
        if t.dep_ in ("ccomp", "relcl", "parataxis") or t.head.i == t.i:
            break
        t = t.head
    t = trigger
    for _ in range(5):
        if t.head.i == t.i:
            return False
        parent = t.head
        if _lemma(parent) in lex.m("demand_verbs") and (t.dep_ in ("xcomp", "ccomp", "pobj", "dobj", "prep") or (
                t.dep_ == "conj" and t.tag_ == "VB")):
            return True
        if parent.pos_ == "NOUN" and parent.lower_ in lex.m("demand_nouns") and t.dep_ in ("prep", "pobj", "acl"):
            return True
        if t.dep_ == "xcomp" and _lemma(parent) in refusals and t.i == trigger.i:
            return True
        if t.dep_ in ("relcl", "parataxis", "ccomp", "advcl", "acl", "appos"):
            return False
        t = parent
    return False


def hypothetical(ctx: Context, trigger: Token) -> bool:
    """Whether the event sits in an "if" clause ("his wife would be arrested if he refused")."""
    marks = ctx.lex.m("hypothetical_marks")
    t = trigger
    for _ in range(4):
        if any(c.dep_ == "mark" and c.lower_ in marks for c in t.children):
            return True
        if t.head.i == t.i or t.dep_ in ("relcl", "ccomp"):
            return False
        t = t.head
    return False
