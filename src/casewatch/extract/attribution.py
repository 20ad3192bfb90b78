"""Who a report says its statements come from.

Two forms are read: "according to X" and a reporting verb with its subject
("the group said", "X reported Tuesday that...", "his cousin told the
committee", "..., human rights group says"). The source is a named mention
(person, organisation, court), "the group"/"the organisation"/"it" (the most
recently named organisation), a pronoun for a speaker, or unnamed words
("a human rights group", "rights groups", "activists": generic).
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from ..models import Attribution
from .context import Context
from .people import People, resolve_speaker

_CUT = frozenset({"punct", "cc", "conj"})
_DEEP_CUT = frozenset({"relcl", "acl", "advcl", "appos", "parataxis", "ccomp"})
_DEFINITE = frozenset({"the", "this", "that"})
_HE_SHE = frozenset({"he", "she"})


@dataclass(frozen=True)
class Source:
    """One place a sentence cites a source: the attribution, and the verb or "according" that cites it."""

    attribution: Attribution
    cue: Token
    subject: Token | None
    sentence: int


def org_kind(ctx: Context, text: str) -> str:
    """"court", "organisation", "media" or "official" for an organisation's name."""
    lex = ctx.lex
    low = text.lower()
    words = set(low.replace("’", "'").replace("'s", "").split())
    if words & {"court", "courts", "tribunal"}:
        return "court"
    if words & {"rights", "amnesty", "watch", "monitor"}:
        return "organisation"
    if words & lex.media_words or low in lex.photo_agencies:
        return "media"
    if words & lex.state_words:
        return "official"
    return "organisation"


def _np_span(tok: Token) -> tuple[int, int]:
    """Token range [first, last] of a noun phrase without its clauses, appositions or lists."""
    keep = [tok.i]
    stack = list(tok.children)
    while stack:
        c = stack.pop()
        if c.dep_ in _DEEP_CUT or (c.dep_ in _CUT and c.head.i == tok.i):
            continue
        keep.append(c.i)
        stack.extend(c.children)
    return min(keep), max(keep)


def _group_like(ctx: Context, text: str, expansions: dict[str, str]) -> bool:
    words = set(text.lower().replace("’s", "").replace("'s", "").split())
    if words & ctx.lex.group_like:
        return True
    if text in expansions:
        return _group_like(ctx, expansions[text], {})
    return text.isupper() and len(text) >= 3 and not (words & ctx.lex.state_words or words & ctx.lex.media_words)


def recent_group(ctx: Context, before: int) -> int | None:
    """The most recently named organisation that is a rights group (not a court, outlet, office or state body)."""
    expansions = ctx.expansion_of
    best = None
    for k, m in enumerate(ctx.mentions):
        if m.start >= before:
            break
        if m.label == "ORG" and org_kind(ctx, m.text) == "organisation" and _group_like(ctx, m.text, expansions):
            best = k
    return best


_GROUP_PREPOSITIONS = frozenset({"of", "at", "for", "with", "from"})


def _org_mention(ctx: Context, tok: Token) -> int | None:
    k = ctx.mention_of(tok)
    return k if k is not None and ctx.mentions[k].label == "ORG" else None


def group_of(ctx: Context, people: People, m: int) -> int | None:
    """The organisation a named person speaks for, by the noun written with the name: "X, director of Group G",
    "Group G director X", "G's researcher X" (the nouns are ``group_official_nouns``)."""
    d = people.descriptors.get(m)
    noun = d.noun if d is not None else None
    nouns = ctx.lex.attribution.get("group_official_nouns", ())
    if noun is None or (noun.lower_ not in nouns and noun.lemma_.lower() not in nouns):
        return None
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ in _GROUP_PREPOSITIONS:
            for obj in c.children:
                if obj.dep_ == "pobj" and (k := _org_mention(ctx, obj)) is not None:
                    return k
        if c.dep_ in ("compound", "poss", "nmod") and (k := _org_mention(ctx, c)) is not None:
            return k
    head = ctx.mention_head(m)
    for c in head.children:  # "Group G director X": the group and the noun both written before the name
        if c.dep_ in ("compound", "poss", "nmod") and c.i < noun.i and (k := _org_mention(ctx, c)) is not None:
            return k
    return None


Unnamed = list[tuple[int, Attribution, "str | None"]]


def make_attribution(ctx: Context, people: People, head: Token, first: int, last: int,
                     unnamed: Unnamed | None = None) -> Attribution | None:
    """The attribution for a source whose head word is ``head``; ``first..last`` are the citing words.
    ``unnamed`` are the unnamed speakers cited before ("a lawyer said"), for a later "he said"."""
    lex = ctx.lex
    ev = ctx.token_evidence(first, last)
    m = ctx.mention_of(head)
    if m is None:
        for c in head.children:
            if c.dep_ == "appos" and ctx.person_of_token(c) is not None:
                m = ctx.person_of_token(c)
    if m is not None:
        mention = ctx.mentions[m]
        if mention.label == "PERSON":
            role = people.descriptors.get(m)
            official = role is not None and role.role in ("spokesperson", "judge", "prosecutor", "governor", "minister",
                                                           "official", "president", "senator", "lawmaker")
            return Attribution(mention.text, "official" if official else "person", ev, mention=m,
                               group=group_of(ctx, people, m))
        if mention.label == "ORG":
            return Attribution(mention.text, org_kind(ctx, mention.text), ev, mention=m)
        if mention.label == "FACILITY":
            return Attribution(mention.text, "court" if "court" in mention.text.lower() else "official", ev, mention=m)
        return Attribution(mention.text, "official", ev, mention=m)
    low = head.lower_
    if low in lex.attribution["not_sources"] and low not in lex.attribution["pronoun_orgs"]:
        return None
    if low in _HE_SHE:
        k = resolve_speaker(ctx, people, head)
        named_at = ctx.mentions[k].start if k is not None else -1
        gender = "male" if low == "he" else "female"
        earlier = [(o, a) for o, a, g in (unnamed or []) if o < head.idx and g in (None, gender)]
        if earlier and earlier[-1][0] > named_at:
            a = earlier[-1][1]
            return Attribution(a.name, a.kind, ev, generic=a.generic)
        if k is None:
            return None
        return Attribution(ctx.mentions[k].text, "person", ev, mention=k)
    if low in lex.attribution["pronoun_orgs"]:
        k = recent_group(ctx, head.idx)
        return Attribution(ctx.mentions[k].text, "organisation", ev, mention=k) if k is not None else None
    if head.pos_ not in ("NOUN", "PROPN", "NUM"):
        return None
    lemma = head.lemma_.lower()
    dets = {c.lower_ for c in head.children if c.dep_ in ("det", "nummod", "predet")}
    poss = any(c.dep_ == "poss" and (c.tag_ == "PRP$" or ctx.mention_of(c) is not None) for c in head.children)
    if lemma in lex.source_group_nouns and dets & _DEFINITE and not poss:
        k = recent_group(ctx, head.idx)
        if k is not None:
            return Attribution(ctx.mentions[k].text, "organisation", ev, mention=k)
        lo, hi = _np_span(head)
        return Attribution(ctx.span_text(lo, hi), "organisation", ev)
    lo, hi = _np_span(head)
    name = ctx.span_text(lo, hi)
    kind_word = lemma
    if head.pos_ == "NUM" or low in ("one", "some", "many", "several", "member", "members"):
        of = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        obj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        kind_word = obj.lemma_.lower() if obj is not None else lemma
        dets.add("one")
    kind = lex.source_kinds.get(kind_word) or lex.source_kinds.get(head.lower_) or "unknown"
    if kind == "unknown" and any(w in lex.group_words for w in name.lower().split()):
        kind = "organisation"
    generic_dets = set(lex.attribution["generic_determiners"])
    generic = bool(dets & generic_dets) or (not dets and not poss)
    return Attribution(name, kind, ev, generic=generic)


def _cites(ctx: Context, verb: Token) -> bool:
    """Whether a verb of the restricted kind ("deny", "record", "count") cites something here."""
    att = ctx.lex.attribution
    if verb.lemma_.lower() not in att["restricted_verbs"]:
        return True
    if any(c.dep_ == "ccomp" for c in verb.children):
        return True
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is None:
        return False
    if obj.lower_ in att["report_nouns"]:
        return True
    return any(t.like_num for t in obj.subtree)


def _subject(verb: Token) -> Token | None:
    """The subject of a reporting verb, or of the clause it continues ("..., emphasizing that ..."), or the
    words right before it in ", his lawyer and a rights group said" when the parse lost them."""
    t = verb
    for _ in range(3):
        subj = next((c for c in t.children if c.dep_ == "nsubj"), None)
        if subj is not None:
            if t.i == verb.i and subj.i < verb.i - 1:
                left = _left_np(verb)
                if left is not None and left.i > subj.i:
                    return left
            return subj
        if t.i == verb.i and t.dep_ in ("parataxis", "ccomp", "ROOT"):
            left = _left_np(verb)
            if left is not None:
                return left
        if t.dep_ not in ("conj", "advcl", "xcomp") or t.head.i == t.i:
            return None
        if t.dep_ == "advcl" and t.tag_ != "VBG":
            return None
        t = t.head
    return None


def _left_np(verb: Token) -> Token | None:
    doc = verb.doc
    j = verb.i - 1
    if j < 1 or doc[j].pos_ not in ("NOUN", "PROPN"):
        return None
    k = j
    while k > 0 and doc[k].text != "," and doc[k].pos_ in ("NOUN", "PROPN", "DET", "PRON", "ADJ", "CCONJ", "PART"):
        k -= 1
    if doc[k].text != ",":
        return None
    head = doc[k + 1]
    while head.dep_ == "poss" or (head.pos_ in ("DET", "ADJ", "PRON") and head.head.i <= j):
        head = head.head
    while head.dep_ in ("compound", "amod") and head.head.i <= j:
        head = head.head
    return head if head.pos_ in ("NOUN", "PROPN") else None


def _source_word(ctx: Context, head: Token) -> bool:
    """Whether a subject can be a source: a name, a pronoun, or a noun for people, groups or bodies."""
    lex = ctx.lex
    if ctx.mention_of(head) is not None or head.lower_ in _HE_SHE or head.lower_ in lex.attribution["pronoun_orgs"]:
        return True
    lemma = head.lemma_.lower()
    if head.pos_ == "NUM" or head.lower_ in ("one", "some", "many", "several", "member", "members"):
        return True
    if any(c.dep_ == "appos" and ctx.person_of_token(c) is not None for c in head.children):
        return True
    return (lemma in lex.source_kinds or head.lower_ in lex.source_kinds or lemma in lex.role_map
            or lemma in lex.person_nouns or lemma in lex.source_group_nouns or lemma in lex.group_words)


def find_sources(ctx: Context, people: People) -> list[list[Source]]:
    """Every source cited, sentence by sentence (words inside quotation marks cite nobody)."""
    lex = ctx.lex
    out: list[list[Source]] = [[] for _ in ctx.sentences]
    unnamed: Unnamed = []
    doc = ctx.tokens
    for tok in doc:
        si = ctx.tok_sent[tok.i]
        if not ctx.sentences or ctx.in_quote(tok.idx):
            continue
        if tok.lower_ == "according" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
            to = doc[tok.i + 1]
            obj = next((c for c in to.children if c.dep_ == "pobj"), None)
            if obj is None:
                continue
            lo, hi = _np_span(obj)
            if not _source_word(ctx, obj) and obj.lemma_.lower() not in lex.attribution["report_nouns"]:
                continue
            a = make_attribution(ctx, people, obj, tok.i, hi)
            if a is not None:
                out[si].append(Source(a, tok, obj, si))
            continue
        if tok.pos_ == "NOUN" and tok.lower_ in lex.attribution["report_nouns"]:
            by = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ in ("by", "from")), None)
            agent = next((c for c in by.children if c.dep_ == "pobj"), None) if by is not None else None
            agent = agent or next((c for c in tok.children if c.dep_ == "poss"), None)
            if agent is not None and _source_word(ctx, agent) and agent.lower_ not in lex.attribution["not_sources"]:
                lo, hi = _np_span(agent)
                a = make_attribution(ctx, people, agent, min(lo, tok.i), max(hi, tok.i), unnamed)
                if a is not None:
                    out[si].append(Source(a, tok, agent, si))
            continue
        if tok.pos_ != "VERB" or tok.lemma_.lower() not in lex.report_verbs:
            continue
        if any(c.dep_ in ("auxpass", "nsubjpass") for c in tok.children) or not _cites(ctx, tok):
            continue
        subj = _subject(tok)
        if subj is None or not _source_word(ctx, subj):
            continue
        lo, hi = _np_span(subj)
        a = make_attribution(ctx, people, subj, min(lo, tok.i), max(hi, tok.i), unnamed)
        if a is None:
            continue
        out[si].append(Source(a, tok, subj, si))
        if a.mention is None and a.kind in ("person", "official", "relative", "unknown") and subj.lower_ not in _HE_SHE:
            unnamed.append((subj.idx, a, lex.genders.get(subj.lower_)))
    return out


def _inside(tok: Token, top: Token | None) -> bool:
    return top is not None and top.left_edge.i <= tok.i <= top.right_edge.i


def source_for(ctx: Context, sources: list[list[Source]], trigger: Token) -> Source | None:
    """The source a statement is attributed to: the reporting verb governing it, else "according to"; words
    inside a noun phrase ("the teacher sentenced to death") are the outlet's own description."""
    si = ctx.tok_sent[trigger.i]
    here = sources[si] if 0 <= si < len(sources) else []
    if not here:
        return None
    by_cue = {s.cue.i: s for s in here}
    if trigger.i in by_cue:
        return by_cue[trigger.i]
    ancestors = [trigger]
    t = trigger
    while t.head.i != t.i:
        if (t.dep_ in ("acl", "relcl", "appos") and t.i != trigger.i) or (t.i == trigger.i and t.dep_ == "relcl"):
            return None
        t = t.head
        ancestors.append(t)
        s = by_cue.get(t.i)
        if s is not None and s.cue.lower_ != "according" and not _inside(trigger, s.subject):
            return s
    anc = {a.i for a in ancestors}
    for s in here:
        if s.cue.pos_ == "VERB" and s.cue.dep_ in ("parataxis", "ccomp", "advcl") and s.cue.head.i in anc \
                and not _inside(trigger, s.subject):
            return s
    according = [s for s in here if s.cue.lower_ == "according" and not _inside(trigger, s.subject)]
    if according:
        return min(according, key=lambda s: abs(s.cue.i - trigger.i))
    return None


def report_sources(sources: list[list[Source]], extra: list[Attribution]) -> list[Attribution]:
    """Every source a report cites, once each (by name)."""
    seen: set[str] = set()
    out: list[Attribution] = []
    for a in [s.attribution for row in sources for s in row] + extra:
        key = a.name.lower().removeprefix("the ").strip()
        if key in seen:
            continue
        seen.add(key)
        out.append(a)
    return out
