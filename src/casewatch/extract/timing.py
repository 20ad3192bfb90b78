"""Where an event sits in the report's own order of things, from its grammar, for events with no date.

Reports tell reversals in one sentence: "Freed on bail in June, X was arrested again a month later",
"detained again, eighteen months after an amnesty freed her", "although pardoned in the spring, X is still in
prison". The case status needs their order. :func:`time_rank` gives each trigger a rank that orders the
events of one report (lower is earlier):

* 10: before the rest: a past perfect ("had been sentenced"), an event inside "after ...", "since ...",
  "following ..." ("eighteen months after an amnesty freed her"), a fronted participle ("Released on bail,
  X was ..."), "earlier", "previous", "former";
* 15: background: a relative clause or a participle said of a name ("X, who was freed in 2022, was ...");
* 20: the report's plain past;
* 25: before what a "before" phrase names ("spent 18 months in prison before his release");
* 30: after the rest: "later", "then", "only to be ...";
* 35: a repeat, after the event it repeats: "again", "re-arrested", "rearrested", "sent back to prison";
* 40: now: a present state ("remains in prison", "is being held", "is still held", "is serving").

The units add the position of a verb in a coordination ("detained her for six hours and released her"):
later conjuncts come later. Dates, when events have them, come first (corroborate.status).
"""
from __future__ import annotations

from spacy.tokens import Token

from .context import Context

EARLIER, BACKGROUND, PAST, BEFORE_NEXT, LATER, AGAIN, NOW = 10, 15, 20, 25, 30, 35, 40

_AGAIN_ADVERBS = frozenset({"again", "anew", "back"})
_LATER_ADVERBS = frozenset({"later", "subsequently", "then", "afterwards", "afterward", "thereafter",
                            "eventually", "finally", "since", "back", "anew"})
_NOW_ADVERBS = frozenset({"still", "currently", "now", "presently"})
_EARLIER_MODIFIERS = frozenset({"earlier", "previous", "former", "first", "past", "prior", "initial", "original"})
_LATER_MODIFIERS = frozenset({"new", "second", "third", "fresh", "renewed", "later", "subsequent", "further"})
_BEFORE_WORDS = frozenset({"after", "since", "following", "upon"})
_AFTER_WORDS = frozenset({"before", "until", "ahead"})
_STATE_VERBS = frozenset({"remain", "stay", "be", "serve", "languish", "sit", "spend", "hold", "keep", "detain",
                          "imprison", "jail"})


def _verb_of(tok: Token, governor: Token | None) -> Token | None:
    if tok.pos_ in ("VERB", "AUX"):
        return tok
    return governor


def _re_prefixed(ctx: Context, tok: Token) -> bool:
    """"re-arrested" (tokenised "re", "-", "arrested"), "rearrested", "re-detained"."""
    i = tok.i
    if i >= 2 and ctx.tokens[i - 1].text == "-" and ctx.tokens[i - 2].lower_ == "re" \
            and not ctx.tokens[i - 2].whitespace_ and not ctx.tokens[i - 1].whitespace_:
        return True
    return tok.lower_.startswith("re") and tok.lemma_.lower() in ctx.lex.events.get("re_verbs", {})


def _inside(tok: Token, words: frozenset[str]) -> bool:
    """Whether the trigger sits in a phrase or clause introduced by one of ``words`` ("after his arrest")."""
    t = tok
    for _ in range(4):
        if any(c.dep_ in ("mark", "prep") and c.lower_ in words and c.i < t.i for c in t.children):
            return True
        if t.dep_ in ("pobj", "pcomp") and t.head.lower_ in words:
            return True
        if t.head.i == t.i or t.dep_ in ("ROOT", "relcl", "ccomp", "conj"):
            return False
        t = t.head
    return False


def _background(t: Token) -> bool:
    """A relative clause or a participle said of a name tells what came before the clause it sits in: "X, who was
    freed on bail in 2022, was sentenced in absentia"."""
    for _ in range(3):
        if t.dep_ in ("relcl", "acl", "appos") or (t.dep_ == "advcl" and t.tag_ == "VBN"):
            return True
        if t.dep_ != "conj" or t.head.i == t.i:
            return False
        t = t.head
    return False


def _conj_position(verb: Token) -> int:
    n = 0
    t = verb
    while t.dep_ == "conj" and t.head.i != t.i and n < 9:
        n += 1
        t = t.head
    return n


def _present_state(verb: Token, auxes: list[Token]) -> bool:
    """"remains in prison", "is serving", "is being held", "has been held since May": a state that holds now."""
    lemma = verb.lemma_.lower()
    present = verb.tag_ in ("VBZ", "VBP") or any(c.tag_ in ("VBZ", "VBP") for c in auxes)
    if not present:
        return False
    if verb.tag_ in ("VBZ", "VBP") and lemma in _STATE_VERBS:
        return True
    if any(c.tag_ == "VBG" for c in auxes) or verb.tag_ == "VBG":
        return True
    return lemma in _STATE_VERBS and any(c.lower_ == "since" for c in verb.children if c.dep_ == "prep")


def time_rank(ctx: Context, tok: Token, governor: Token | None = None) -> int:
    """The rank of the event a trigger states in its report's order of things (see the module docstring)."""
    verb = _verb_of(tok, governor)
    words = [tok, *([verb] if verb is not None and verb.i != tok.i else [])]
    rank = PAST
    for t in words:
        for c in t.children:
            low = c.lower_
            if c.dep_ == "advmod" and low in _AGAIN_ADVERBS:
                rank = max(rank, AGAIN)
            elif c.dep_ == "advmod" and low in _LATER_ADVERBS and low != "since":
                rank = max(rank, LATER)
            elif c.dep_ == "advmod" and low in _NOW_ADVERBS:
                rank = NOW
            elif c.dep_ == "amod" and t.pos_ == "NOUN" and low in _LATER_MODIFIERS:
                rank = max(rank, LATER)
            elif c.dep_ == "amod" and t.pos_ == "NOUN" and low in _EARLIER_MODIFIERS:
                rank = EARLIER
        if _re_prefixed(ctx, t):
            rank = max(rank, AGAIN)
    if verb is not None and rank < NOW:
        auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
        if any(c.lower_ == "only" for c in verb.subtree if c.dep_ == "advmod" and c.i < verb.i) \
                and any(c.lower_ == "to" for c in verb.subtree if c.i < verb.i):
            rank = LATER
        elif rank == PAST and any(c.lower_ == "had" for c in auxes):
            rank = EARLIER
        elif _present_state(verb, auxes):
            rank = NOW
        if verb.dep_ == "advcl" and verb.tag_ == "VBN" and verb.i < verb.head.i \
                and not any(c.dep_ == "mark" for c in verb.children):
            rank = min(rank, EARLIER)
    if rank == PAST and _background(verb or tok):
        rank = BACKGROUND
    if _inside(tok, _BEFORE_WORDS):
        rank = EARLIER
    elif _inside(tok, _AFTER_WORDS):
        rank = max(rank, BEFORE_NEXT)
    return rank + (_conj_position(verb) if verb is not None else 0)
