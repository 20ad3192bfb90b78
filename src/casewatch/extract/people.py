"""People in one report: what the words around a name say about the person, and whom a
pronoun ("he", "his") or a definite role ("the soldier") stands for.

Names are grouped within the report (a surname alone joins the full name it
ends). A person whose role marks an official, a rights worker, a lawyer, a
relative or a journalist, or who only ever speaks, is not taken as the case a
pronoun refers to; a pronoun inside what a named person says is left alone.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from spacy.tokens import Token

from .context import Context

_AGE = re.compile(r"\b(\d{1,3})[- ]years?[- ]old\b")
_HE = frozenset({"he", "him", "his", "himself"})
_SHE = frozenset({"she", "her", "hers", "herself"})
_DEFINITE = frozenset({"the", "this", "that"})


@dataclass
class Descriptor:
    """What the words written with one name say: role, nationality, age, gender, home town."""

    role: str | None = None
    nationality: str | None = None
    age: str | None = None
    gender: str | None = None
    location: str | None = None
    noun: Token | None = None


@dataclass
class People:
    """The persons of one report and how to find whom a word stands for."""

    descriptors: dict[int, Descriptor] = field(default_factory=dict)
    cluster: dict[int, int] = field(default_factory=dict)
    roles: dict[int, set[str]] = field(default_factory=dict)
    gender: dict[int, str] = field(default_factory=dict)
    non_case: set[int] = field(default_factory=set)
    speakers: set[int] = field(default_factory=set)
    starts: list[int] = field(default_factory=list)
    order: list[int] = field(default_factory=list)
    blockers: list[tuple[int, str]] = field(default_factory=list)
    """Gendered nouns naming someone without a name ("his mother", "a spokeswoman"): (offset, gender)."""
    everyone: list[tuple[int, int]] = field(default_factory=list)
    """Named persons and gendered nouns by offset (built on first use)."""


def np_words(ctx: Context, tok: Token, drop: frozenset[str] = frozenset({"det", "poss", "case", "punct"})) -> str:
    """The words of a short noun phrase without determiners and possessives, lower-cased."""
    words = [t for t in tok.subtree if t.dep_ not in drop or t.i == tok.i]
    words = [t for t in words if not t.is_punct and not (t.dep_ in drop and t.i != tok.i)]
    return " ".join(t.lower_ for t in words)


def role_value(ctx: Context, n: Token) -> str | None:
    """The normalised role a noun gives ("soldier", "truck driver", "member of security forces")."""
    lex = ctx.lex
    lemma = n.lemma_.lower()
    if lemma in lex.roles["member_phrase_heads"] or n.lower_ in lex.roles["member_phrase_heads"]:
        for p in n.children:
            if p.dep_ == "prep" and p.lower_ == "of":
                obj = next((c for c in p.children if c.dep_ == "pobj"), None)
                if obj is not None:
                    mods = [c for c in obj.children if c.dep_ in ("compound", "amod") and c.i < obj.i]
                    words = [c.lower_ for c in mods if c.ent_type_ not in ("NORP", "GPE")] + [obj.lower_]
                    return f"{lemma} of {' '.join(words)}"
    mods = [c for c in n.children if c.dep_ in ("compound", "amod") and c.i < n.i and c.pos_ in ("NOUN", "ADJ")]
    for k in range(len(mods)):
        phrase = " ".join(c.lower_ for c in mods[k:]) + " " + n.lower_
        if phrase in lex.multiword_roles:
            return lex.multiword_roles[phrase]
    value = lex.role_map.get(n.lower_) or lex.role_map.get(lemma)
    if value is None or value in lex.not_role:
        return None
    return value


def role_noun(ctx: Context, m: int) -> Token | None:
    """The noun a name is written with: "X, a soldier", "the teacher X", "soldier X", "X is a nurse"."""
    lex = ctx.lex
    h = ctx.mention_head(m)
    s, e = ctx.mention_tokens[m]
    for ch in h.children:
        if ch.dep_ == "appos" and ch.pos_ == "NOUN" and ch.i >= e:
            return ch
    if h.dep_ == "appos" and h.head.pos_ == "NOUN" and h.head.i < s:
        return h.head
    for ch in h.children:
        if ch.dep_ in ("compound", "nmod") and ch.pos_ == "NOUN" and ch.i < s and (
                ch.lemma_.lower() in lex.role_map or ch.lower_ in lex.role_map):
            return ch
    if h.dep_ == "nsubj" and h.head.lemma_ == "be":
        for ch in h.head.children:
            if ch.dep_ == "attr" and ch.pos_ == "NOUN":
                return ch
    return None


def _location(ctx: Context, n: Token) -> str | None:
    for ch in n.children:
        if ch.dep_ == "prep" and ch.lower_ in ("from", "in"):
            obj = next((c for c in ch.children if c.dep_ == "pobj"), None)
            while obj is not None and obj.lemma_.lower() in ctx.lex.place_nouns:
                of = next((c for c in obj.children if c.dep_ == "prep" and c.lower_ == "of"), None)
                obj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
            if obj is not None:
                k = ctx.mention_of(obj)
                if k is not None and ctx.mentions[k].label == "PLACE":
                    return ctx.mentions[k].text
    return None


def describe(ctx: Context, m: int, title: str | None) -> Descriptor:
    """Role, nationality, age, gender and home town written with one person's name."""
    lex, doc = ctx.lex, ctx.tokens
    d = Descriptor()
    e = ctx.mention_tokens[m][1]
    if e + 2 < len(doc) and doc[e].text in (",", "(") and doc[e + 1].text.isdecimal() \
            and doc[e + 2].text in (",", ")", ".", ";") and 0 < int(doc[e + 1].text) < 111:
        d.age = doc[e + 1].text
    n = role_noun(ctx, m)
    if title:
        d.role = lex.mentions["title_roles"].get(title) or lex.mentions["title_roles"].get(title.rstrip("."))
        d.gender = lex.mentions["title_genders"].get(title)
    if n is not None:
        d.noun = n
        d.role = role_value(ctx, n) or d.role
        d.gender = lex.genders.get(n.lower_) or lex.genders.get(n.lemma_.lower()) or d.gender
        left = ctx.text[n.left_edge.idx:n.idx + len(n.text)]
        age = _AGE.search(left)
        if age and d.age is None:
            d.age = age.group(1)
        endings = tuple(lex.mentions["demonym_strong_endings"])
        for ch in n.children:
            k = ctx.mention_of(ch)
            if ch.dep_ in ("amod", "compound") and ch.i < n.i and ch.text[:1].isupper() and (
                    ch.ent_type_ == "NORP" or ch.lower_.endswith(endings)) and (
                    k is None or ctx.mentions[k].label != "PERSON"):
                d.nationality = ch.text
        d.location = _location(ctx, n)
    return d


def _relational(noun: Token) -> bool:
    """A role held for someone else: "his lawyer, X", "X's lawyer", "the lawyer for X"."""
    if any(c.dep_ == "poss" for c in noun.children):
        return True
    return any(c.dep_ == "prep" and c.lower_ == "for" for c in noun.children)


def _speaker(ctx: Context, h: Token) -> bool:
    verbs = ctx.lex.statement_verbs
    if h.dep_ in ("nsubj", "nsubjpass") and h.head.lemma_.lower() in verbs:
        return True
    return h.dep_ == "appos" and h.head.dep_ == "nsubj" and h.head.head.lemma_.lower() in verbs


def build_people(ctx: Context, titles: dict[int, str]) -> People:
    """Descriptors, name groups, roles, genders and speakers for every person mention."""
    lex = ctx.lex
    p = People()
    keys: dict[str, int] = {}
    full: list[tuple[int, list[str]]] = []
    persons = [k for k, m in enumerate(ctx.mentions) if m.label == "PERSON"]
    for k in persons:
        words = ctx.mentions[k].text.split()
        if len(words) >= 2:
            cid = keys.setdefault(" ".join(words), len(keys))
            p.cluster[k] = cid
            full.append((cid, words))
    for k in persons:
        if k in p.cluster:
            continue
        word = ctx.mentions[k].text
        match = [cid for cid, words in full if words[-1] == word] or [cid for cid, words in full if words[0] == word]
        p.cluster[k] = match[-1] if len(set(match)) == 1 else keys.setdefault(word, len(keys))
    for k in persons:
        d = describe(ctx, k, titles.get(k))
        p.descriptors[k] = d
        cid = p.cluster[k]
        if d.role:
            p.roles.setdefault(cid, set()).add(d.role)
            if d.role in lex.non_case_roles:
                p.non_case.add(cid)
        if d.noun is not None and (d.noun.lower_ in lex.kinship or d.noun.lemma_.lower() in lex.kinship
                                   or _relational(d.noun)):
            p.non_case.add(cid)
        if d.gender:
            if p.gender.get(cid, d.gender) != d.gender:
                p.gender[cid] = "?"
            else:
                p.gender[cid] = d.gender
        if _speaker(ctx, ctx.mention_head(k)):
            p.speakers.add(k)
    spoke = {p.cluster[k] for k in p.speakers}
    for cid in spoke:
        members = [k for k in persons if p.cluster[k] == cid]
        passive = any(ctx.mention_head(k).dep_ == "nsubjpass" for k in members)
        described = any(p.descriptors[k].role or p.descriptors[k].age for k in members)
        voice = any(p.descriptors[k].role in lex.roles["speaker_roles"] for k in members)
        if not passive and (not described or voice):
            p.non_case.add(cid)
    p.order = sorted(persons, key=lambda k: ctx.mentions[k].start)
    p.starts = [ctx.mentions[k].start for k in p.order]
    p.blockers = _blockers(ctx, p)
    _learn_genders(ctx, p)
    return p


def _blockers(ctx: Context, p: People) -> list[tuple[int, str]]:
    nouns = {d.noun.i for d in p.descriptors.values() if d.noun is not None}
    out = []
    for tok in ctx.tokens:
        g = ctx.lex.genders.get(tok.lower_) or (ctx.lex.genders.get(tok.lemma_.lower()) if tok.pos_ == "NOUN" else None)
        if g is None or tok.pos_ != "NOUN" or tok.i in nouns or ctx.mention_of(tok) is not None:
            continue
        if any(ctx.person_of_token(c) is not None for c in tok.children if c.dep_ in ("appos", "compound")):
            continue
        if tok.dep_ in ("appos", "compound") and ctx.person_of_token(tok.head) is not None:
            continue
        out.append((tok.idx, g))
    return out


def _candidates(ctx: Context, p: People, offset: int) -> list[tuple[int, int | None, str | None]]:
    """Persons named before an offset, nearest first: (offset, mention or None for a gendered noun, gender)."""
    if not p.everyone or p.everyone[-1][0] != -1:
        named = [(ctx.mentions[k].start, k) for k in p.order]
        unnamed = [(o, -1 - n) for n, (o, _) in enumerate(p.blockers)]
        p.everyone = [*sorted(named + unnamed), (-1, 0)]
    pos = bisect.bisect_left(p.everyone, (offset, -len(p.blockers) - 1), 0, len(p.everyone) - 1)
    out: list[tuple[int, int | None, str | None]] = []
    for o, k in reversed(p.everyone[:pos]):
        if k >= 0:
            out.append((o, k, p.gender.get(p.cluster[k])))
        else:
            out.append((o, None, p.blockers[-1 - k][1]))
    return out


def _learn_genders(ctx: Context, p: People) -> None:
    """A pronoun right after a person who is the subject of the sentence before gives that person's gender."""
    for low, tok in zip(ctx.lowers, ctx.tokens, strict=True):
        gender = "male" if low in _HE else "female" if low in _SHE else None
        if gender is None:
            continue
        cands = _candidates(ctx, p, tok.idx)
        if not cands or cands[0][1] is None:
            continue
        k = cands[0][1]
        if ctx.tok_sent[tok.i] - ctx.mentions[k].sentence not in (0, 1):
            continue
        if ctx.mention_head(k).dep_ not in ("nsubj", "nsubjpass"):
            continue
        cid = p.cluster[k]
        if cid not in p.gender and cid not in p.non_case:
            p.gender[cid] = gender


def _in_person_speech(ctx: Context, tok: Token, p: People) -> bool:
    """Whether a word sits in what a named person (or "he"/"she") is reported to say."""
    verbs = ctx.lex.report_verbs
    t = tok
    while t.head.i != t.i:
        if t.dep_ in ("ccomp", "xcomp", "parataxis") and t.head.lemma_.lower() in verbs:
            subj = next((c for c in t.head.children if c.dep_ == "nsubj"), None)
            return subj is not None and (ctx.person_of_token(subj) is not None or subj.lower_ in _HE | _SHE)
        t = t.head
    return False


def _gender_of(low: str) -> str | None:
    return "male" if low in _HE else "female" if low in _SHE else None


def resolve_pronoun(ctx: Context, p: People, tok: Token) -> int | None:
    """The person mention "he/his/she/her" stands for: the most recent case person of matching gender
    (None when a gendered noun such as "his mother" is nearer, or inside what a named person says). A person
    of unknown gender named once by one word ("Tarsen", maybe a place the model took for a name) is passed
    over: too little to hang an event on."""
    gender = _gender_of(tok.lower_)
    if gender is None:
        return None
    before = _candidates(ctx, p, tok.idx)
    if _in_person_speech(ctx, tok, p):
        return _the_speaker_alone(ctx, p, tok, gender, before)
    for _, k, g in before:
        if g is not None and g != gender and g != "?":
            continue
        if k is None:
            return None
        if p.cluster[k] in p.non_case and _subject_of_its_sentence(ctx, k, tok):
            return k  # "his brother, X, was moved to Varka jail, where he ...": told of as the case here
        if p.cluster[k] in p.non_case or (g in (None, "?") and _named_once_by_one_word(ctx, p, k)):
            continue
        return k
    if not before:
        return _named_after(ctx, p, tok, gender)
    return None


def _subject_of_its_sentence(ctx: Context, k: int, tok: Token) -> bool:
    """Whether person ``k`` is the subject of the sentence the pronoun ``tok`` is in (named as such or in
    apposition to it: "His brother, X, was moved ...")."""
    if ctx.mentions[k].sentence != ctx.tok_sent[tok.i]:
        return False
    head = ctx.mention_head(k)
    if head.dep_ == "appos":
        head = head.head
    return head.dep_ in ("nsubj", "nsubjpass") and head.head.dep_ in ("ROOT", "conj")


def _the_speaker_alone(ctx: Context, p: People, tok: Token, gender: str,
                       before: list[tuple[int, int | None, str | None]]) -> int | None:
    """"In a recorded call, X said he had been kept in solitary for a month": the pronoun in what a named person
    says is that person when the report names no one else it could stand for before it."""
    t = tok
    while t.head.i != t.i and not (t.dep_ in ("ccomp", "xcomp", "parataxis")
                                   and t.head.lemma_.lower() in ctx.lex.report_verbs):
        t = t.head
    subj = next((c for c in t.head.children if c.dep_ == "nsubj"), None)
    speaker = ctx.person_of_token(subj) if subj is not None else None
    if speaker is None:
        return None
    fits = {p.cluster[k] for _, k, g in before if k is not None and (g is None or g in (gender, "?"))}
    blocked = any(k is None and g == gender for _, k, g in before)
    return speaker if fits == {p.cluster[speaker]} and not blocked else None


def _named_after(ctx: Context, p: People, tok: Token, gender: str) -> int | None:
    """A pronoun that opens a report's sentence before any name stands for the first person named after it in
    that sentence: "After his release in 2021, X was re-arrested", "Her release has been postponed, the family
    of X said"."""
    si = ctx.tok_sent[tok.i]
    for k in p.order:
        m = ctx.mentions[k]
        if m.start <= tok.idx or m.sentence != si:
            continue
        g = p.gender.get(p.cluster[k])
        if (g is not None and g not in (gender, "?")) or p.cluster[k] in p.non_case:
            continue
        return k
    return None


def _named_once_by_one_word(ctx: Context, p: People, k: int) -> bool:
    cluster = p.cluster[k]
    return sum(1 for c in p.cluster.values() if c == cluster) == 1 and len(ctx.mentions[k].text.split()) == 1


def resolve_speaker(ctx: Context, p: People, tok: Token) -> int | None:
    """The person "he"/"she" stands for as the subject of "said": the nearest person of matching gender."""
    gender = _gender_of(tok.lower_)
    if gender is None:
        return None
    for _, k, g in _candidates(ctx, p, tok.idx):
        if g is not None and g != gender and g != "?":
            continue
        return k
    return None


def resolve_role(ctx: Context, p: People, tok: Token) -> int | None:
    """The person "the soldier", "the young teacher", "the defendant" stands for, if the report says."""
    lex = ctx.lex
    if not any(c.dep_ == "det" and c.lower_ in _DEFINITE for c in tok.children):
        return None
    role = role_value(ctx, tok)
    lemma = tok.lemma_.lower()
    pos = bisect.bisect_left(p.starts, tok.idx)
    if lemma in lex.case_nouns:
        for k in reversed(p.order[:pos]):
            if p.cluster[k] not in p.non_case and not (p.gender.get(p.cluster[k]) in (None, "?")
                                                       and _named_once_by_one_word(ctx, p, k)):
                return k
        return None
    if role is None:
        return None
    for k in reversed(p.order[:pos]):
        if role in p.roles.get(p.cluster[k], ()):
            return k
    holders = {p.cluster[k] for k in p.order if role in p.roles.get(p.cluster[k], ())}
    if len(holders) == 1:
        cid = holders.pop()
        return next(k for k in p.order if p.cluster[k] == cid)
    return None
