"""What the words around a name say about it: a person (an age, a role, a title, arrested or sentenced,
speaking) or a place ("the city of X", "the capital, X", listed with places)."""
from __future__ import annotations

import functools

from spacy.tokens import Token

from .candidates import Cand, name_head
from .context import Context
from .lexicon import Lexicon, lexicon

PLACE_PREPS = frozenset({"in", "from", "across", "near", "outside", "inside", "around", "throughout"})
_FOUND_STATES = frozenset({"dead", "hanged", "lifeless", "unconscious", "murdered", "killed", "beaten"})
"""'X was found dead', 'guards found X hanged': deaths in custody told by how the body was found."""
_EVENT_NOUNS = frozenset({"sentence", "penalty", "punishment", "execution", "arrest", "detention", "trial", "release",
                          "hanging", "conviction", "imprisonment", "disappearance"})


def place_context(ctx: Context, c: Cand) -> bool:
    """"the city of X", "the capital, X", "X Province", "in Ostabad and X": the words around say it is a place."""
    key = ("place_context", c.start, c.end)
    found = ctx.memo.get(key)
    if found is None:
        found = ctx.memo[key] = _place_context(ctx, c)
    return found  # type: ignore[return-value]


def _place_context(ctx: Context, c: Cand) -> bool:
    lex, doc = ctx.lex, ctx.tokens
    h = name_head(ctx, c)
    if doc[c.end - 1].lower_ in lex.place_heads:
        return True
    if h.dep_ == "pobj" and h.head.lower_ == "of" and h.head.head.lemma_.lower() in lex.place_nouns:
        return True
    if h.dep_ == "appos" and h.head.lemma_.lower() in lex.place_nouns:
        return True
    return c.start >= 2 and doc[c.start - 1].text == "," and doc[c.start - 2].lemma_.lower() in lex.place_nouns


def conj_place(ctx: Context, c: Cand, place_toks: set[int]) -> bool:
    """Listed with a place: "Ostabad and X", "X, Behrud and Simarud"."""
    h = name_head(ctx, c)
    if h.dep_ == "conj" and h.head.i in place_toks:
        return True
    return any(ch.dep_ == "conj" and ch.i in place_toks for ch in h.children)


@functools.cache
def mention_words(key: str) -> frozenset[str]:
    """A word list of ``extract_mentions.json`` as a set, read once (a list, or an object with its "about" and
    "words")."""
    entry = lexicon().mentions[key]
    return frozenset(w.lower() for w in (entry["words"] if isinstance(entry, dict) else entry))


@functools.cache
def non_name_words() -> frozenset[str]:
    """Words that are no part of a person's name: group, state, media, organisation, place and facility words,
    titles, role words, directions and determiners."""
    lex = lexicon()
    mn = lex.mentions
    return (lex.group_words | lex.state_words | lex.media_words | lex.titles | lex.place_heads | lex.place_nouns
            | lex.facility_heads | lex.facility_generic | lex.determiners | lex.role_map.keys()
            | frozenset(mn["org_name_words"]) | frozenset(mn["place_name_words"]) | frozenset(mn["role_only_words"])
            | frozenset(mn["direction_words"]) | frozenset(mn["nationality_nouns"]) | mention_words("descriptor_nouns"))


def role_word(tok: Token, lex: Lexicon) -> bool:
    return tok.lemma_.lower() in lex.role_map or tok.lower_ in lex.role_map


def person_cue(ctx: Context, c: Cand) -> bool:
    """An age, a role or a title written with the name says it is a person."""
    key = ("person_cue", c.start, c.end, c.title is not None)
    found = ctx.memo.get(key)
    if found is None:
        found = ctx.memo[key] = _person_cue(ctx, c)
    return found  # type: ignore[return-value]


def _person_cue(ctx: Context, c: Cand) -> bool:
    doc, lex = ctx.tokens, ctx.lex
    n = len(doc)
    e = c.end
    if e + 2 < n and doc[e].text == "," and doc[e + 1].like_num and doc[e + 2].text in (",", ".", ";", ")") \
            and doc[e + 1].text.isdecimal() and 0 < int(doc[e + 1].text) < 111:
        return True
    if e + 2 < n and doc[e].text == "(" and doc[e + 1].text.isdigit() and doc[e + 2].text == ")":
        return True
    h = name_head(ctx, c)
    if any(ch.dep_ == "appos" and role_word(ch, lex) and ch.pos_ == "NOUN"
           and not any(g.dep_ == "conj" for g in ch.children) and ch.left_edge.i > 0
           and doc[ch.left_edge.i - 1].text in (",", "(") for ch in h.children):
        return True
    if h.dep_ == "appos" and h.head.pos_ == "NOUN" and role_word(h.head, lex):
        return True
    if patient_of_person_verb(ctx, c):
        return True
    if c.start > 0:
        prev = doc[c.start - 1]
        if prev.pos_ == "NOUN" and not prev.text[:1].isupper() and (
                role_word(prev, lex) or prev.lower_ in mention_words("descriptor_nouns")):
            return True
        if prev.lower_ in lex.titles or prev.lower_.rstrip(".") in lex.titles:
            return prev.text[:1].isupper()
    return c.title is not None


def patient_of_person_verb(ctx: Context, c: Cand) -> bool:
    """"X Y was arrested / sentenced / executed", "sentenced X Y to death", "X Y faces a death sentence":
    only people are the patients of these verbs."""
    h = name_head(ctx, c)
    verbs = ctx.lex.mentions["person_patient_verbs"]
    if h.dep_ in ("nsubjpass", "dobj") and h.head.lemma_.lower() in verbs:
        return True
    if h.dep_ in ("nsubjpass", "dobj") and h.head.lemma_.lower() == "find" \
            and any(ch.dep_ in ("oprd", "acomp", "xcomp") and ch.lower_ in _FOUND_STATES for ch in h.head.children):
        return True
    if h.dep_ == "nsubj" and h.head.lower_ in _FOUND_STATES and h.head.head.lemma_.lower() == "find":
        return True
    if h.dep_ == "nsubj" and h.head.lemma_.lower() in ("face", "await", "receive"):
        return any(c.dep_ == "dobj" and c.lemma_.lower() in _EVENT_NOUNS for c in h.head.children)
    return h.dep_ == "pobj" and h.head.lower_ in ("against", "of") and h.head.head.lemma_.lower() in _EVENT_NOUNS


def speaks(ctx: Context, c: Cand) -> bool:
    """An untagged name that says something ("X Y said") and is no group's name is a person."""
    h = name_head(ctx, c)
    words = {ctx.tokens[i].lower_ for i in range(c.start, c.end)}
    return h.dep_ == "nsubj" and h.head.lemma_.lower() in ctx.lex.statement_verbs and not (
        words & ctx.lex.group_words or words & ctx.lex.media_words or words & ctx.lex.state_words)


def case_cue(ctx: Context, c: Cand) -> bool:
    """What makes a name the report does not tag, or tags as a group, a person's, in reports of cases: the cues
    of :func:`person_cue`, and the words of a case said with it that the small model reads as one thing or
    another: the patient of a charge ("charged volunteer X Y with ..."), the subject of a disappearance ("X Y
    disappeared"), a participle of custody set off after it ("X Y, held in ...", "X Y, detained since ...")."""
    if person_cue(ctx, c):
        return True
    doc, n = ctx.tokens, len(ctx.tokens)
    h = name_head(ctx, c)
    lemma = h.head.lemma_.lower()
    if h.dep_ in ("nsubjpass", "dobj") and lemma in _CHARGE_VERBS:
        return True
    if h.dep_ == "nsubj" and lemma in _VANISH_VERBS:
        return True
    e = c.end
    return e + 1 < n and doc[e].text == "," and doc[e + 1].tag_ == "VBN" and doc[e + 1].is_lower \
        and doc[e + 1].lemma_.lower() in _CUSTODY_PARTICIPLES


_CHARGE_VERBS = frozenset({"charge", "prosecute", "indict", "summon"})
"""Verbs whose patient is a person in court reports ("prosecutors charged X Y with ...")."""
_VANISH_VERBS = frozenset({"disappear", "vanish"})
"""Intransitive verbs of enforced disappearance ("X Y disappeared two days after his release")."""
_CUSTODY_PARTICIPLES = frozenset({"hold", "detain", "arrest", "jail", "imprison", "sentence", "abduct", "convict",
                                  "charge", "accuse", "execute", "torture", "deport", "release", "free"})
"""Participles set off after a name that tell a person's custody ("X Y, held in a deportation centre")."""
