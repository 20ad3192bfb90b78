"""Whom an event happens to, found through the dependency parse.

A verb's patient is its passive subject ("Dalirvand was arrested"), the noun a
participle modifies ("a teacher arrested in May"), or its object ("sentenced
Dalirvand to death"); for "refuse", "protest" or "die" it is the subject. A noun's
patient is its possessor ("his arrest"), "of/against X" ("the execution of X",
"the death sentence against X"), or the subject of the verb that governs it
("X faces a death sentence", "X went on trial"). :func:`person_of` then turns
the token found into a person mention: a name, an apposition ("X, a soldier"),
a pronoun or "the soldier" resolved in the report, or nobody in particular.
"""
from __future__ import annotations

from spacy.tokens import Token

from .context import Context
from .people import People, resolve_pronoun, resolve_role

_RELATIVE = frozenset({"who", "whom", "that", "which"})
_FRAME_PREPS = frozenset({"after", "following", "since", "before", "during", "upon"})
"""A fronted phrase that frames the clause it opens: its event is the clause subject's."""
_PROSPECT_NOUNS = frozenset({"risk", "danger", "threat", "prospect", "possibility", "fear", "fears", "imminence"})
"""Nouns that hold an event as their "of" phrase and are held by its person: "at serious risk of torture",
"in danger of execution", "faces the threat of deportation"."""
_PRONOUNS = frozenset({"he", "him", "his", "himself", "she", "her", "hers", "herself"})
_PLURAL_PRONOUNS = frozenset({"they", "them", "their", "those", "themselves", "these"})


def is_passive(tok: Token) -> bool:
    """Passive, a past participle modifying a noun, or a participle fronted before the clause it is said of
    ("Freed on bail in June, X was arrested again": X was freed)."""
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in tok.children):
        return True
    if tok.tag_ == "VBN" and any(c.dep_ == "agent" for c in tok.children) and child(tok, "nsubj") is None:
        return True  # "re-arrested at the exit by guards", the auxiliary lost to the parse
    if tok.tag_ == "VBN" and tok.dep_ in ("acomp", "oprd") and tok.head.lemma_ == "be":
        return True  # "was re-arrested" cut by the parser into a copula and a participle
    if tok.tag_ == "VBN" and tok.dep_ == "advcl" and not any(c.dep_ in ("nsubj", "dobj") for c in tok.children) \
            and (tok.i < tok.head.i or not any(c.dep_ == "mark" for c in tok.children)):
        return True
    return tok.tag_ == "VBN" and tok.dep_ in ("acl", "amod", "relcl")


def child(tok: Token, *deps: str) -> Token | None:
    return next((c for c in tok.children if c.dep_ in deps), None)


def subject_of(verb: Token) -> Token | None:
    """A verb's subject, also where the parser hung it on an auxiliary ("was re-arrested" cut in three)."""
    s = child(verb, "nsubj", "nsubjpass")
    if s is not None:
        return s
    for a in verb.children:
        if a.dep_ in ("aux", "auxpass") and a.i < verb.i:
            s = child(a, "nsubj", "nsubjpass")
            if s is not None:
                return s
    return None


def clause_subject(verb: Token) -> Token | None:
    """The subject of a verb, taken from the verb it is joined to when it has none ("was convicted and sentenced")."""
    t = verb
    for _ in range(6):
        s = subject_of(t)
        if s is not None:
            return _relative(s)
        if t.dep_ in ("conj", "xcomp", "advcl", "acomp", "oprd") and t.head.i != t.i:
            t = t.head
            continue
        if t.dep_ == "pcomp" and t.head.dep_ == "prep" and t.head.head.pos_ in ("VERB", "AUX"):
            t = t.head.head
            continue
        if t.dep_ in ("acl", "relcl", "amod") and t.head.i != t.i:
            return t.head
        return None
    return None


def _relative(tok: Token) -> Token:
    if tok.lower_ in _RELATIVE and tok.head.dep_ == "relcl":
        return tok.head.head
    return tok


def verb_patient(verb: Token, intransitive: bool, patient_verbs: frozenset[str] = frozenset()) -> Token | None:
    """The token naming whom a verb event happens to (None when the parse does not say)."""
    as_pcomp = verb.dep_ == "pcomp" and verb.head.lower_ == "as" and verb.head.dep_ == "prep"
    as_clause = verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children) and any(
        c.lower_ == "having" for c in verb.children)
    if as_pcomp or as_clause:
        gov = verb.head.head if as_pcomp else verb.head
        obj = child(gov, "dobj") or next((c for c in gov.children if c.dep_ == "nsubj" and c.i > gov.i), None)
        if obj is not None:
            return _relative(obj)  # "the register lists X as having died", "describe X as having been sentenced"
    if intransitive:
        if verb.dep_ == "pcomp" and verb.head.dep_ == "prep":
            gov = verb.head.head
            if gov.lemma_.lower() in patient_verbs:
                return verb_patient(gov, False)
            return clause_subject(gov) if gov.pos_ in ("VERB", "AUX") else None
        return clause_subject(verb)
    own_subject = child(verb, "nsubj", "nsubjpass")
    passive = is_passive(verb) or (own_subject is None and verb.dep_ == "conj" and verb.tag_ in ("VBN", "VBD")
                                   and not any(c.dep_ == "dobj" for c in verb.children) and is_passive(verb.head))
    if passive:
        s = child(verb, "nsubjpass") or subject_of(verb)
        if s is None and verb.dep_ in ("acomp", "oprd"):
            s = subject_of(verb.head)
        if s is None and verb.dep_ == "ccomp" and verb.head.dep_ == "relcl" and any(
                c.lower_ in ("who", "whom", "that") for c in verb.head.children):
            return verb.head.head  # "X, who the army says was shot": the relative belongs to the inner clause
        if s is not None:
            return _relative(s)
        if verb.dep_ in ("acl", "amod", "relcl") and verb.head.i != verb.i:
            return verb.head
        if verb.dep_ == "conj" and is_passive(verb.head):
            return verb_patient(verb.head, False)
        return clause_subject(verb)
    obj = child(verb, "dobj")
    if obj is not None:
        return _relative(obj)
    if verb.dep_ == "conj" and verb.head.pos_ == "VERB" and own_subject is None:
        return child(verb.head, "dobj")
    return None


def object_owner(obj: Token | None) -> Token | None:
    """Whose sentence, verdict or appeal it is: "upheld the death sentence against X", "quashed his conviction"."""
    if obj is None:
        return None
    poss = child(obj, "poss")
    if poss is not None:
        return poss
    for p in obj.children:
        if p.dep_ == "prep" and p.lower_ in ("against", "of", "for", "on"):
            o = child(p, "pobj")
            if o is not None and o.tag_ != "VBG":
                return o
    for a in obj.children:  # "the ten-year term handed to X", "the sentence imposed on him"
        if a.dep_ == "acl":
            for p in a.children:
                if p.dep_ in ("prep", "dative") and p.lower_ in ("to", "against", "on"):
                    o = child(p, "pobj")
                    if o is not None:
                        return o
    return None


def noun_patient(noun: Token, preps: frozenset[str], subject_verbs: frozenset[str], object_verbs: frozenset[str],
                 gov_preps: frozenset[str], givers: frozenset[str]) -> Token | None:
    """The token naming whom a noun event ("execution", "death sentence") happens to."""
    t = noun
    for _ in range(3):
        found = _noun_own(t, preps, givers)
        if found is not None:
            return found
        if t.dep_ in ("conj", "nmod", "compound") and t.head.pos_ in ("NOUN", "PROPN") and t.head.i != t.i:
            t = t.head
            continue
        break
    gov = noun.head
    if noun.dep_ == "pobj" and gov.lower_ in _FRAME_PREPS and gov.head.pos_ in ("VERB", "AUX") \
            and gov.i < gov.head.i:
        return clause_subject(gov.head)  # "After a closed trial in Varn, X is waiting for the verdict"
    if noun.dep_ == "pobj" and gov.lower_ == "for" and gov.head.pos_ == "NOUN" \
            and gov.head.lemma_.lower() in ("transfer", "move", "removal"):
        # "the transfer of X to Brask prison for execution"
        return noun_patient(gov.head, preps, subject_verbs, object_verbs, gov_preps, givers)
    if noun.dep_ == "nsubj" and gov.pos_ == "VERB" and child(gov, "dobj") is not None:
        return child(gov, "dobj")  # "a presidential pardon freed him", "an amnesty released her"
    if noun.dep_ == "pobj" and gov.lower_ == "of" and gov.head.pos_ == "NOUN" and gov.head.lower_ in _PROSPECT_NOUNS:
        return noun_patient(gov.head, preps, subject_verbs, object_verbs, gov_preps | {"at", "in"}, givers)
    if noun.dep_ == "pobj" and gov.dep_ == "prep":
        if gov.lower_ not in gov_preps:
            return None
        gov = gov.head
    elif noun.dep_ not in ("dobj", "attr", "nsubjpass", "oprd", "conj"):
        return None
    if noun.dep_ == "conj":
        return None
    lemma = gov.lemma_.lower()
    if lemma in subject_verbs:
        return clause_subject(gov)
    if lemma in object_verbs:
        return child(gov, "nsubjpass") if is_passive(gov) else child(gov, "dobj")
    if lemma in givers:
        d = child(gov, "dative")
        if d is not None:
            return d
        if is_passive(gov) and noun.dep_ == "dobj":
            return subject_of(gov)  # "X was handed a six-year term"
        for p in gov.children:
            if p.dep_ == "prep" and p.lower_ in ("to", "against", "on", "for"):
                o = child(p, "pobj")
                if o is not None and o.tag_ != "VBG":
                    return o
    return None


def _noun_own(noun: Token, preps: frozenset[str], givers: frozenset[str]) -> Token | None:
    poss = child(noun, "poss")
    if poss is not None:
        return poss
    for p in noun.children:
        if p.dep_ == "prep" and p.lower_ in preps:
            o = child(p, "pobj")
            if o is not None and o.tag_ != "VBG" and o.pos_ != "VERB" and o.ent_type_ not in ("DATE", "TIME"):
                return o
    for p in noun.children:  # "the death in custody of X": the "of" phrase hung on the place
        if p.dep_ == "prep" and p.lower_ in ("in", "at") and "of" in preps:
            o = child(p, "pobj")
            of = next((c for c in o.children if c.dep_ == "prep" and c.lower_ == "of"), None) if o is not None else None
            x = child(of, "pobj") if of is not None else None
            if x is not None and x.pos_ in ("PROPN", "PRON"):
                return x
    doc = noun.doc
    follower = doc[noun.i + 1] if noun.i + 1 < len(doc) else None
    acls = [a for a in noun.children if a.dep_ == "acl"]
    if follower is not None and follower.lemma_.lower() in givers and follower.tag_ in ("VBN", "VBD") \
            and follower not in acls:
        acls.append(follower)
    for a in acls:
        for p in a.children:
            if p.dep_ == "prep" and p.lower_ in ("to", "against", "on"):
                o = child(p, "pobj")
                if o is not None:
                    return o
    return None


_NAME_PHRASE_POS = frozenset({"DET", "ADJ", "NOUN", "PROPN", "NUM"})


def person_after(ctx: Context, verb: Token, limit: int = 8) -> int | None:
    """The person named right after an active verb, where the parse lost the object: "arrests union leader X",
    "pardoned opposition journalist X", "shot dead X". Only words that can open a name's phrase may come between
    (articles, adjectives, lower-case role nouns, organisations and places used as modifiers); a verb, a
    preposition, a clause word or a comma ends the search."""
    doc = ctx.tokens
    sent_end = ctx.sent_tokens[ctx.tok_sent[verb.i]][1]
    i = verb.i + 1
    steps = 0
    while i < sent_end and steps < limit:
        t = doc[i]
        m = ctx.mention_of(t)
        if m is not None:
            if ctx.mentions[m].label == "PERSON":
                return m
            i = ctx.mention_tokens[m][1]
            if i >= sent_end or doc[i].pos_ not in ("NOUN", "PROPN", "ADJ"):
                return None
            steps += 1
            continue
        if t.text in ("-", "‑") or t.lower_ == "dead" or t.pos_ in _NAME_PHRASE_POS or t.lower_ in ctx.lex.role_map \
                or t.lemma_.lower() in ctx.lex.role_map:
            if t.pos_ == "DET" and t.lower_ not in ("the", "a", "an"):
                return None
            i += 1
            steps += 1
            continue
        return None
    return None


_BEFORE_SKIP = frozenset({"aux", "auxpass", "neg", "advmod", "punct"})


def _aside_start(ctx: Context, closing: int, sent_start: int, reach: int = 10) -> int | None:
    """The comma opening a phrase of no verb and no name set off by commas, ending at the comma ``closing``."""
    doc = ctx.tokens
    for j in range(closing - 1, max(sent_start, closing - reach) - 1, -1):
        t = doc[j]
        if t.text == ",":
            return j if j < closing - 1 else None
        if t.pos_ in ("VERB", "AUX") or t.text in (";", ":") or ctx.mention_of(t) is not None:
            return None
    return None


def person_of_aside(ctx: Context, tok: Token, reach: int = 6) -> int | None:
    """The person a phrase set off by commas right after their name describes: "X, on death row since 2019,
    was hanged", "X, in pretrial detention since May, ...". The phrase holds no verb and ends at a comma."""
    doc = ctx.tokens
    start, end = ctx.sent_tokens[ctx.tok_sent[tok.i]]
    opening = next((j for j in range(tok.i - 1, max(start, tok.i - reach) - 1, -1) if doc[j].text == ","), None)
    if opening is None or opening == start:
        return None
    closing = next((j for j in range(tok.i + 1, min(end, tok.i + 4 * reach + 1)) if doc[j].text == ","), None)
    if closing is None or any(doc[j].pos_ in ("VERB", "AUX") or ctx.mention_of(doc[j]) is not None
                              for j in range(opening + 1, closing)):
        return None
    m = ctx.mention_of(doc[opening - 1])
    return m if m is not None and ctx.mentions[m].label == "PERSON" else None


def person_before(ctx: Context, verb: Token, limit: int = 5) -> int | None:
    """The person named right before a passive verb or a participle, where the parse hung the clause elsewhere:
    "allegations that X was tortured", "the lawyer of X, sentenced to death in April", "poet X, jailed
    since 2020". Only auxiliaries, negation, adverbs and a comma may come between."""
    doc = ctx.tokens
    sent_start = ctx.sent_tokens[ctx.tok_sent[verb.i]][0]
    i = verb.i - 1
    steps = 0
    while i >= sent_start and steps < limit:
        t = doc[i]
        m = ctx.mention_of(t)
        if m is not None:
            return m if ctx.mentions[m].label == "PERSON" else None
        if t.text == "," and (steps == 0 or doc[i + 1].pos_ in ("AUX", "PART")):
            opening = _aside_start(ctx, i, sent_start)
            if opening is not None:  # "X, on death row for six years, was hanged": over the phrase set off
                i = opening - 1
                steps += 1
                continue
        age = t.like_num and i > sent_start and doc[i - 1].text in (",", "(")  # "X, 61, died"
        if (t.dep_ in _BEFORE_SKIP and (t.dep_ != "punct" or t.text == ",") and t.head.i == verb.i) \
                or t.pos_ in ("AUX", "PART") or t.text in (",", ")") or age:
            i -= 1
            steps += 1
            continue
        return None
    return None


def reduced_passive(ctx: Context, verb: Token) -> int | None:
    """Headline and list style drop the auxiliary: "Activist X arrested in Aleppo", "X freed; Y sentenced to five
    years", "X - released on bail". A patient verb with no auxiliary and no object, whose subject (or a name just
    before it) is a person, is said of that person."""
    if verb.tag_ not in ("VBN", "VBD") or any(c.dep_ in ("aux", "auxpass", "dobj", "dative") for c in verb.children):
        return None
    for c in verb.children:
        if c.dep_ in ("nsubj", "npadvmod", "dep") and c.i < verb.i:
            k = ctx.person_of_token(c)
            if k is not None:
                return k
    return None


_NUMBER_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "both": 2, "pair": 2}


def group_members(ctx: Context, tok: Token) -> list[int]:
    """The persons a definite group stands for when the report has just named that many together: "Sai and Htoo
    were executed ... A court-martial had condemned the two men in 2021", "both men", "the pair", "the three"."""
    n = None
    if tok.lower_ in ("pair",) or any(c.lower_ in ("both", "either", "neither") for c in tok.children) \
            or tok.lower_ == "both":
        n = 2
    for c in tok.children:
        if c.dep_ == "nummod" and c.lower_ in _NUMBER_WORDS:
            n = _NUMBER_WORDS[c.lower_]
        elif c.dep_ == "nummod" and c.text.isdecimal():
            n = int(c.text)
    if tok.lower_ in _NUMBER_WORDS and tok.pos_ == "NUM" and any(c.lower_ == "the" for c in tok.children):
        n = _NUMBER_WORDS[tok.lower_]
    definite = any(c.dep_ in ("det", "preconj") and c.lower_ in ("the", "these", "those", "both", "either", "neither")
                   for c in tok.children) or tok.lower_ == "both"
    if n is None or not definite:
        return []
    si = ctx.tok_sent[tok.i]
    for back in (si, si - 1, si - 2):
        if back < 0:
            break
        named = _listed_together(ctx, back, tok.i if back == si else None)
        if len(named) == n:
            return named
    return []


def _listed_together(ctx: Context, sent: int, before: int | None) -> list[int]:
    """The persons a sentence names together in one coordination ("A and B", "A, B and C")."""
    e = ctx.sent_tokens[sent][1]
    if before is not None:
        e = min(e, before)
    best: list[int] = []
    for k, m in enumerate(ctx.mentions):
        if m.label != "PERSON" or m.sentence != sent or ctx.mention_tokens[k][1] > e:
            continue
        head = ctx.mention_head(k)
        if head.dep_ == "conj":
            continue
        group = [k] + [j for c in head.conjuncts if c.i > head.i and (j := ctx.person_of_token(c)) is not None]
        if len(group) > len(best):
            best = group
    return best


def member_of(ctx: Context, tok: Token) -> tuple[Token, Token | None] | None:
    """The person a group is said to include, and the verb that says so: "X was (not) among the prisoners freed",
    "X is among some forty detainees due to be released", "X, one of four students held in Sorvik"."""
    t = tok
    if t.dep_ == "pobj" and t.head.lower_ == "among":
        prep = t.head
        host = prep.head
        if host.pos_ in ("VERB", "AUX"):
            s = subject_of(host)
            return (s, host) if s is not None else None
        return (host, None) if host.pos_ in ("PROPN", "NOUN") else None
    if t.dep_ == "pobj" and t.head.lower_ == "of" and t.head.head.pos_ == "NUM":
        one = t.head.head
        if one.dep_ == "appos" and not (one.i > 1 and ctx.tokens[one.i - 1].text == ","
                                        and ctx.mention_of(ctx.tokens[one.i - 2]) is not None):
            return one.head, None
        if one.dep_ in ("nsubj", "npadvmod", "conj", "appos") and one.i > 0 and ctx.tokens[one.i - 1].text == ",":
            # the name right before the comma: "the mother of X, one of six men held", however the parse hangs it
            k = ctx.mention_of(ctx.tokens[one.i - 2]) if one.i > 1 else None
            if k is not None:
                return ctx.tokens[ctx.mention_tokens[k][1] - 1], None
    return None


def _last_person_before(ctx: Context, tok: Token) -> int | None:
    """The last person named before a token in its sentence."""
    si = ctx.tok_sent[tok.i]
    found = None
    for k, m in enumerate(ctx.mentions):
        if m.label == "PERSON" and m.sentence == si and ctx.mention_tokens[k][1] <= tok.i:
            found = k
    return found


def _name_of_phrase(ctx: Context, tok: Token) -> int | None:
    """The person a modifier or an apposition belongs to, up its chain of heads: "poet" in "jailed poet
    X", "driver" in "X, a 31-year-old taxi driver"."""
    t = tok
    for _ in range(4):
        if t.dep_ not in ("appos", "compound", "amod", "nmod") or t.head.i == t.i:
            return None
        t = t.head
        k = ctx.person_of_token(t)
        if k is not None:
            return k
    return None


def _said_by_relative(ctx: Context, tok: Token) -> int | None:
    """"My son", "my client" in a quote of "the mother of X" or "X's lawyer": X."""
    lex = ctx.lex
    if not (tok.lower_ in lex.kinship or tok.lemma_.lower() in lex.kinship or tok.lemma_.lower() == "client"):
        return None
    if not any(c.dep_ == "poss" and c.lower_ in ("my", "our") for c in tok.children):
        return None
    speaker = next((who for (a, b), who in ctx.quote_speakers if a <= tok.idx < b), None)
    if speaker is None or not (speaker.lower_ in lex.kinship or speaker.lemma_.lower() in lex.kinship
                               or speaker.lemma_.lower() == "lawyer"):
        return None
    for c in speaker.children:
        if c.dep_ == "poss" and c.lower_ not in ("his", "her", "their", "my", "our"):
            return ctx.person_of_token(c)  # "X's mother"
        if c.dep_ == "prep" and c.lower_ == "of":
            owner = next((g for g in c.children if g.dep_ == "pobj"), None)
            if owner is not None:
                return ctx.person_of_token(owner)  # "the mother of X"
    return None


def person_of(ctx: Context, people: People, tok: Token | None, depth: int = 0) -> tuple[str, int | None]:
    """("person", mention or None), ("people", None), ("thing", None) or ("none", None) for a patient token."""
    if tok is None:
        return "none", None
    lex = ctx.lex
    m = ctx.mention_of(tok)
    if m is not None:
        return ("person", m) if ctx.mentions[m].label == "PERSON" else ("thing", None)
    low = tok.lower_
    if low in _PRONOUNS:
        return "person", resolve_pronoun(ctx, people, tok)
    if (low == "whose" and tok.head.dep_ == "relcl") or (low == "whose" and tok.head.head.dep_ == "relcl"):
        rel = tok.head if tok.head.dep_ == "relcl" else tok.head.head
        k = ctx.person_of_token(rel.head)
        if k is None and rel.head.pos_ in ("NOUN", "PROPN"):
            k = _name_of_phrase(ctx, rel.head)  # "X, a township chairman, whose sentence ..."
        if k is None:
            k = _last_person_before(ctx, tok)  # the parser hung the clause on a place named after the person
        if k is not None:
            return "person", k  # "X, whose trial began on Saturday"
    if tok.ent_type_ in ("MONEY", "PERCENT", "QUANTITY", "DATE", "TIME"):
        return "thing", None
    k = _said_by_relative(ctx, tok)
    if k is not None:
        return "person", k
    if tok.dep_ in ("appos", "compound", "amod", "nmod") and tok.pos_ in ("NOUN", "PROPN", "ADJ") and depth == 0:
        k = _name_of_phrase(ctx, tok)
        if k is not None:
            return "person", k  # "a fuel carrier" beside X, "imprisoned rapper X": the words are said of X
    if low in _PLURAL_PRONOUNS or tok.pos_ == "NUM" or tok.like_num:
        return "people", None
    if tok.pos_ in ("NOUN", "PROPN"):
        lemma = tok.lemma_.lower()
        personal = (tok.pos_ == "PROPN" or lemma in lex.role_map or low in lex.role_map or lemma in lex.person_nouns
                    or low in lex.person_nouns or lemma in lex.case_nouns)
        for ch in tok.children:
            if ch.dep_ == "appos" and personal:
                k = _person_in(ctx, ch)
                if k is not None:
                    return "person", k
        if tok.dep_ in ("appos", "compound") and tok.head.i != tok.i and personal:
            k = ctx.person_of_token(tok.head)
            if k is not None:
                return "person", k
        if depth == 0 and (lemma in lex.proxy_nouns or low in lex.proxy_nouns):
            owner = child(tok, "poss", "nmod")
            if owner is not None:
                kind, k = person_of(ctx, people, owner, depth + 1)
                if kind == "person":
                    return kind, k
        is_role = lemma in lex.role_map or low in lex.role_map or lemma in lex.case_nouns
        if is_role and tok.tag_ in ("NN", "NNP"):
            k = resolve_role(ctx, people, tok)
            if k is not None:
                return "person", k
            return ("person", None) if any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children) else (
                "people", None)
        if is_role or lemma in lex.person_nouns or low in lex.person_nouns:
            return "people", None
        if tok.pos_ == "PROPN":
            return "people", None
    return "thing", None


def _person_in(ctx: Context, tok: Token) -> int | None:
    """A person mention heading ``tok``'s phrase, or named in apposition or compound inside it."""
    k = ctx.person_of_token(tok)
    if k is not None:
        return k
    for ch in tok.children:
        if ch.dep_ in ("appos", "compound") or (ch.dep_ == "npadvmod" and ch.pos_ == "PROPN"):
            k = ctx.person_of_token(ch)
            if k is not None:
                return k
    return None
