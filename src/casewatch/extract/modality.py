"""How sure a report is that an event happened: asserted, alleged, expected, denied or reported, with the cue
class that says so.

The cue classes and their words are data (``data/extract_modality.json``). They are read from the parse in
two steps:

* the trigger's own words: a negation ("was not released", "no execution took place"), a modal ("could be
  executed", "may have died"), a hedge ("allegedly tortured"), an adjective ("the imminent execution"), a
  condition ("if he is convicted"), an imperative ("Free him!");
* then the words that govern it, climbing the parse from the trigger towards the root of its sentence: a
  verb whose complement or object holds it ("urged Varesh to halt the execution"), a noun whose phrase holds it
  ("rumours that he was freed", "a campaign for her release"), a predicate said of it ("his execution is
  imminent", "claims that he was tortured were fabricated").

The climb stops where a clause stands apart from what governs it: a relative clause or a participle said of
a noun ("the release of X, who has been held since May" asserts the detention), a temporal, concessive or
causal phrase ("during his arrest", "although pardoned in the spring"), an embedded question ("where she is
held"), and a reporting verb, which passes on its source's certainty ("HRANA said he was executed" is
asserted; "unconfirmed reports say he was executed" is reported). A conjunct shares what governs the first
conjunct, not that conjunct's own meaning ("feared he had been killed, but he was freed").

Several cues: denial wins over allegation, allegation over rumour and belief, these over expectation.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from .context import Context

ASSERTED = "asserted"


@dataclass(frozen=True)
class Modality:
    """An event's modality and the cue class that set it (None when nothing did: asserted)."""

    modality: str = ASSERTED
    cue: str | None = None


_COPULAS = frozenset({"be", "seem", "appear", "prove", "remain", "become", "look", "sound", "turn"})
_CUE_MODALITY = {
    "negated": "denied", "denied": "denied", "disputed": "denied",
    "alleged": "alleged",
    "rumoured": "reported", "believed": "reported", "unconfirmed": "reported", "feared": "reported",
    "hedged": "reported",
    "expected": "expected", "feared_future": "expected", "prevented": "expected", "demanded": "expected",
    "conditional": "expected", "question": "expected",
}


def _lemma(t: Token) -> str:
    return t.lemma_.lower()


def _has_neg(t: Token) -> bool:
    return any(c.dep_ == "neg" for c in t.children)


def _past_modal(t: Token, ctx: Context) -> bool:
    """"may have died", "could have been killed": a modal over a perfect speaks of the past."""
    auxes = [c for c in t.children if c.dep_ in ("aux", "auxpass")]
    return any(c.lower_ in ctx.lex.m("expected_modals") for c in auxes) and any(c.lower_ == "have" for c in auxes)


def _perfect_or_past(t: Token) -> bool:
    """Whether a verb speaks of what is done ("had died", "has been tortured", "was killed")."""
    if t.tag_ in ("VBD",):
        return True
    auxes = [c for c in t.children if c.dep_ in ("aux", "auxpass")]
    return any(_lemma(c) == "have" for c in auxes) or any(c.tag_ == "VBD" for c in auxes)


def _imperative(t: Token) -> bool:
    """A verb in the base form that opens its clause without a subject: "Free X!", "release her immediately"."""
    if t.tag_ != "VB" or t.pos_ not in ("VERB", "AUX", "ADJ", "PROPN"):
        return False
    if any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "mark") for c in t.children):
        return False
    opens = t.i > 0 and t.doc[t.i - 1].is_punct and t.doc[t.i - 1].text not in (",", "-")
    if t.dep_ not in ("ROOT", "conj", "ccomp", "parataxis") and not (opens and t.dep_ in ("appos", "dep")):
        return False  # but "four words: 'Release X now'": a verb opening a quote or a list item
    if t.dep_ == "conj" and not _imperative(t.head):
        return False
    if t.dep_ != "conj":
        prev = t.doc[t.i - 1] if t.i > 0 else None
        if prev is not None and not (prev.is_punct or prev.is_space or prev.lower_ in ("please", "and")):
            return False
    return True


def own_cues(ctx: Context, trigger: Token) -> list[str]:
    """The cues written on the trigger itself."""
    lex = ctx.lex
    out: list[str] = []
    for c in trigger.children:
        low = c.lower_
        if c.dep_ == "neg" or (c.dep_ == "det" and low in ("no", "neither")):
            out.append("negated")
        elif c.dep_ == "advmod" and low in lex.m("alleged_adverbs"):
            out.append("alleged")
        elif c.dep_ == "advmod" and low in lex.m("hedge_adverbs"):
            out.append("hedged")
        elif c.dep_ in ("amod", "compound") and trigger.pos_ == "NOUN":
            if low in lex.m("alleged_adjectives"):
                out.append("alleged")
            elif low in lex.m("unconfirmed_adjectives") or _lemma(c) in ("rumour", "rumor", "report"):
                out.append("rumoured")
            elif low in lex.m("expected_adjectives"):
                out.append("expected")
        elif c.dep_ == "mark" and low in lex.m("conditional_marks"):
            out.append("conditional")
        elif c.dep_ in ("aux", "auxpass"):
            if low in lex.m("deontic_modals"):
                out.append("conditional" if c.i < _subject_index(trigger) else "demanded")
            elif low in lex.m("expected_modals"):
                out.append("rumoured" if _past_modal(trigger, ctx) and low != "would" else "expected")
            elif low in lex.m("inversion_auxiliaries") and c.i < _subject_index(trigger):
                out.append("conditional")
    if trigger.pos_ in ("VERB", "AUX") and _imperative(trigger):
        out.append("demanded")
    if trigger.pos_ == "AUX" and trigger.lower_ in lex.m("inversion_auxiliaries") \
            and trigger.i < _subject_index(trigger) and any(c.dep_ in ("xcomp", "advcl") and c.i > trigger.i
                                                            for c in trigger.children):
        out.append("conditional")  # "Were the authorities to free X, ...": the copula itself inverted
    out.extend(_according_to(ctx, trigger))
    if trigger.pos_ in ("VERB", "AUX"):
        for c in trigger.children:
            marks = [m.lower_ for m in c.children if m.dep_ == "mark"]
            if c.dep_ == "advcl" and any(m in lex.m("conditional_marks") for m in marks):
                out.append("conditional")  # "will be released if he pays bail"
            elif c.dep_ in ("nsubj", "nsubjpass") and c.pos_ == "NOUN":
                out.extend(x for x in _noun_cues(ctx, c, c) if x in ("alleged", "rumoured"))
    return out


def _according_to(ctx: Context, verb: Token) -> list[str]:
    """"According to unverified reports, X was executed": the source named is hearsay."""
    heads = [verb, verb.head] if verb.dep_ == "conj" else [verb]  # "... held in solitary and beaten by guards"
    for c in (c for h in heads for c in h.children):
        if c.dep_ == "prep" and c.lower_ == "according":
            to = next((g for g in c.children if g.lower_ == "to"), None)
            said = next((g for g in (to.children if to is not None else []) if g.dep_ == "pobj"), None)
            if said is not None:
                return [x for x in _noun_cues(ctx, said, said) if x in ("rumoured", "alleged")]
    return []


def _subject_index(verb: Token) -> int:
    s = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "expl")), None)
    return s.i if s is not None else -1


def _copula_cues(ctx: Context, be: Token, subject: Token) -> list[str]:
    """What a copula or a verb like "prove" says of its subject: "his execution is imminent", "claims ... were
    fabricated", "it is not true that ...", "speculation ... proved unfounded"."""
    lex = ctx.lex
    out: list[str] = []
    said = [c for c in be.children if c.dep_ in ("acomp", "attr", "oprd")]
    for x in be.children:  # "turned out to be false", "proved to be unfounded"
        if x.dep_ == "xcomp" and x.lemma_.lower() == "be":
            said += [c for c in x.children if c.dep_ in ("acomp", "attr")]
    for c in said:
        if c.i == subject.i:
            continue
        low, lemma = c.lower_, _lemma(c)
        if low in lex.m("expected_adjectives") or lemma in lex.m("expected_adjectives"):
            out.append("expected")
        elif low in lex.m("deny_predicates") or lemma in lex.m("deny_predicates") or (
                low in lex.m("truth_words") and (_has_neg(be) or _has_neg(c))):
            out.append("denied")
        elif low in lex.m("fear_adjectives"):
            out.append("feared")
        elif low in lex.m("unconfirmed_adjectives"):
            out.append("unconfirmed")  # "reports that ... remain unconfirmed"
    return out


def _unconfirmed(ctx: Context, noun: Token) -> bool:
    return any(c.dep_ == "amod" and c.lower_ in ctx.lex.m("unconfirmed_adjectives") for c in noun.children)


def _noun_cues(ctx: Context, noun: Token, via: Token) -> list[str]:
    """What a noun governing the trigger's phrase says of it: "rumours that", "a campaign for", "the risk of"."""
    lex = ctx.lex
    low, lemma = noun.lower_, _lemma(noun)
    out: list[str] = []
    if (low in lex.m("evidence_nouns") or lemma in lex.m("evidence_nouns")) and any(
            c.dep_ == "det" and c.lower_ in ("no", "little") for c in noun.children):
        out.append("disputed")
    elif low in lex.m("rumour_nouns") or lemma in lex.m("rumour_nouns") or (
            low in lex.m("report_nouns") and _unconfirmed(ctx, noun)):
        out.append("rumoured")
    elif low in lex.m("alleged_nouns") or lemma in lex.m("alleged_nouns"):
        out.append("alleged")
    elif low in lex.m("deny_nouns"):
        out.append("denied")
    elif low in lex.m("fear_nouns") or lemma in lex.m("fear_nouns"):
        out.append("feared")
    elif low in lex.m("prevent_nouns"):
        out.append("prevented")
    elif low in lex.m("demand_nouns") or lemma in lex.m("demand_nouns"):
        out.append("demanded")
    elif low in lex.m("expected_nouns") or lemma in lex.m("expected_nouns"):
        out.append("expected")
    elif low in lex.m("conditional_nouns") and via.dep_ == "prep" and any(
            c.lower_ == "in" for c in [noun.head] if noun.dep_ == "pobj"):
        out.append("conditional")
    if any(c.dep_ == "amod" and c.lower_ in lex.m("unconfirmed_adjectives") for c in noun.children) \
            and "rumoured" not in out and low in lex.m("report_nouns"):
        out.append("rumoured")
    return out


def _verb_class(ctx: Context, verb: Token, via: Token | None = None) -> str | None:
    """The cue class a governing verb's meaning gives its complement or object. "Reject" and "dismiss" deny a
    claim or a report ("rejected claims that ..."), not an appeal or the charges they rule on."""
    lex = ctx.lex
    lemma = _lemma(verb)
    if lemma in lex.m("rumour_verbs"):
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is not None and (subject.lower_ in lex.m("report_nouns") or subject.lower_ in lex.m("rumour_nouns")):
            return "rumoured"  # "word spread that", "reports emerged that"
    if lemma in lex.m("ruling_deny_verbs") and via is not None and via.dep_ not in ("ccomp", "xcomp"):
        said = next((c for c in via.children if c.dep_ == "pobj"), via) if via.dep_ == "prep" else via
        if not (said.lower_ in lex.m("report_nouns") or said.lower_ in lex.m("rumour_nouns")
                or said.lower_ in lex.m("alleged_nouns")):
            return None
    for key, cue in (("deny_verbs", "denied"), ("negative_verbs", "negated"), ("alleged_verbs", "alleged"),
                     ("belief_verbs", "believed"), ("hedge_verbs", "hedged"), ("fear_verbs", "feared"),
                     ("prevent_verbs", "prevented"), ("demand_verbs", "demanded"), ("expected_verbs", "expected")):
        if lemma in lex.m(key):
            return cue
    return None


def _light(ctx: Context, verb: Token) -> bool:
    lemma = _lemma(verb)
    if lemma not in ctx.lex.m("light_verbs"):
        return False
    if lemma == "take":
        return any(c.lower_ == "place" for c in verb.children)
    if lemma == "go":
        return any(c.lower_ == "ahead" for c in verb.children)
    return True


def _reporting(ctx: Context, verb: Token) -> bool:
    return verb.pos_ in ("VERB", "AUX") and (_lemma(verb) in ctx.lex.report_verbs
                                               or _lemma(verb) in ctx.lex.m("confirm_verbs"))


def _said_to(ctx: Context, verb: Token, via: Token) -> bool:
    """"was said to have been tortured", "is reported to have been moved"."""
    return via.dep_ in ("xcomp", "oprd", "acomp") and _lemma(verb) in ctx.lex.m("said_to_verbs") and (
        any(c.dep_ in ("auxpass", "nsubjpass", "agent") for c in verb.children) or verb.tag_ == "VBN")


def nobody_subject(verb: Token) -> bool:
    """The clause's subject is no one ("no other source has been able to verify it", "nobody could confirm
    this", "no official has confirmed ..."), through "able to", "managed to" and the like."""
    t = verb
    for _ in range(4):
        for c in t.children:
            if c.dep_ in ("nsubj", "nsubjpass") and (c.lower_ in ("nobody", "none") or any(
                    d.dep_ == "det" and d.lower_ == "no" for d in c.children)):
                return True
        if t.dep_ not in ("xcomp", "acomp") or t.head.i == t.i:
            return False
        t = t.head
    return False


def _reporting_cues(ctx: Context, verb: Token) -> list[str]:
    """A source's certainty: a negated or impossible confirmation, a rumour or an unconfirmed report speaking."""
    lex = ctx.lex
    out: list[str] = []
    neither = any(c.dep_ == "preconj" and c.lower_ == "neither" for c in verb.subtree if c.i < verb.i)
    unable = _lemma(verb) in lex.m("confirm_verbs") and any(
        c.dep_ in ("aux", "auxpass") and c.lower_ in ("could", "can", "ca") for c in verb.children)
    if _has_neg(verb) or neither or unable or (_lemma(verb) in lex.m("confirm_verbs") and nobody_subject(verb)):
        out.append("unconfirmed")  # "no official has confirmed the release of X"
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is not None:
        out.extend(c for c in _noun_cues(ctx, subject, subject) if c in ("rumoured", "alleged"))
    if _lemma(verb) in lex.m("alleged_verbs"):
        out.append("alleged")
    return out


def _telling_noun_cues(ctx: Context, verb: Token, trigger: Token) -> list[str]:
    """"Posts saying X had been hanged are false", "officials dismissed messages claiming that X was freed": what
    a noun's participle reports is what is said of the noun."""
    if verb.dep_ != "acl" or verb.tag_ != "VBG" or verb.head.pos_ != "NOUN" \
            or ctx.person_of_token(verb.head) is not None:
        return []
    noun = verb.head
    out = [c for c in _noun_cues(ctx, noun, noun) if c in ("rumoured", "alleged")]
    if noun.head.i != noun.i and noun.head.pos_ in ("VERB", "AUX"):
        out.extend(c for c in _head_cues(ctx, noun.head, noun, trigger) if c in ("denied", "unconfirmed", "disputed"))
    return out


def _partner(conj: Token) -> Token:
    """The word a conjunct is coordinated with. A verb in the base form joined to one that is not is taken
    with the nearest base-form verb above ("demanded that they reveal where he is held and free him"):
    the parser often joins it to the nearest verb."""
    head = conj.head
    if conj.tag_ == "VB" and head.tag_ not in ("VB", "VBP"):
        t = head
        while t.head.i != t.i:
            t = t.head
            if t.tag_ in ("VB", "VBP") and t.pos_ in ("VERB", "AUX"):
                return t
    return head


def _noun_tagged_verb(ctx: Context, t: Token) -> bool:
    """A report noun ("reports", "claims") tagged as a verb where a noun stands: an object, with no subject."""
    return t.pos_ == "VERB" and t.lower_ in ctx.lex.m("report_nouns") and t.dep_ in ("dobj", "pobj", "nsubjpass")


def _conj_word(t: Token) -> str | None:
    """The coordinating word before a conjunct ("or", "and", "but")."""
    cc = [c for c in t.head.children if c.dep_ in ("cc", "preconj") and c.i < t.i]
    return cc[-1].lower_ if cc else None


def _unverified_subject(ctx: Context, verb: Token) -> bool:
    """Whether the verb's subject is a record or a source said to be beyond confirmation in a clause of its own:
    "a ledger, whose origin nobody could check, names ...", "a video, which could not be verified, shows
    ..."."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None:
        return False
    confirm = ctx.lex.m("confirm_verbs")
    for clause in subject.children:
        if clause.dep_ in ("relcl", "acl") and clause.lemma_.lower() in confirm:
            kids = list(clause.children)
            negated = any(c.dep_ == "neg" for c in kids)
            unable = any(c.dep_ in ("aux", "auxpass") and c.lower_ in ("could", "can", "ca") for c in kids)
            if negated or (unable and any(c.lower_ in ("not", "never") for c in kids)):
                return True
    return False


def _adjective_after_that(ctx: Context, verb: Token) -> bool:
    """"claims that detained aid worker X had been tortured": a participle read as the verb of a relative clause
    whose "that" it follows, where it describes the noun after it (the content clause's subject)."""
    if verb.tag_ not in ("VBN", "VBD") or verb.i < 1 or verb.i + 1 >= len(ctx.tokens):
        return False
    before, after = ctx.tokens[verb.i - 1], ctx.tokens[verb.i + 1]
    return before.lower_ == "that" and before.head.i == verb.i and after.pos_ in ("NOUN", "PROPN", "ADJ") \
        and not any(c.dep_ == "dobj" and c.i == after.i for c in verb.children)


def _stops(ctx: Context, node: Token) -> bool:
    """Whether ``node``'s clause or phrase stands apart from what governs it."""
    lex = ctx.lex
    dep = node.dep_
    if dep == "relcl":  # a clause the parser calls relative may be a content noun's "that" clause
        content = _governing_noun_cue(ctx, node.head) or node.head.lower_ in lex.m("report_nouns")
        that = any(c.lower_ == "that" and (c.dep_ == "mark" or any(x.dep_ in ("nsubj", "nsubjpass") and x.i != c.i
                                                                    for x in node.children)) for c in node.children)
        return not (content and (that or _adjective_after_that(ctx, node)))
    if dep in ("acl", "amod", "appos", "advcl") and node.pos_ in ("VERB", "AUX") and node.tag_ == "VBN" \
            and node.i > 0 and ctx.tokens[node.i - 1].text == "," and node.i > node.head.i:
        return True  # a participle set off by a comma says what is known of the noun before it
    if dep in ("acl", "amod", "appos") and node.pos_ in ("VERB", "AUX"):
        if dep == "acl" and _stranded_complement(node.head, node):
            return False
        if node.head.dep_ in ("attr", "oprd"):
            return False  # "she would be the second woman executed": said of the copula's subject
        return not (_governing_noun_cue(ctx, node.head) or _content_clause(ctx, node))
    if dep == "advcl":
        marks = [c.lower_ for c in node.children if c.dep_ in ("mark", "advmod") and c.i < node.i]
        predicate = "as" in marks and any(c.lower_ == "having" for c in node.children) and any(
            c.dep_ == "dobj" for c in node.head.children)
        if any(m in lex.m("presupposing_marks") for m in marks) and not predicate:
            return True  # but "lists X as having died" says what the list says of X
        if not marks and node.tag_ in ("VBN", "VBG") and node.i < node.head.i:
            return True  # a fronted participle: "Freed on bail in June, X was arrested again"
        if not marks and node.tag_ in ("VBN", "VBG") and node.left_edge.i == ctx.sent_tokens[ctx.tok_sent[node.i]][0]:
            return True  # a participle opening the sentence, wherever the parser hung it
    if dep == "pobj" and node.head.dep_ == "prep" and node.head.lower_ in lex.m("presupposing_preps"):
        return True
    if dep == "prep" and node.i > 0 and ctx.tokens[node.i - 1].text == "," and (
            node.right_edge.text == "," or (node.right_edge.i + 1 < len(ctx.tokens)
                                            and ctx.tokens[node.right_edge.i + 1].text == ",")):
        return True  # "X, on trial since May, faces ...": a phrase set off by commas describes
    if dep == "pcomp" and node.head.lower_ in lex.m("presupposing_preps"):
        return True
    now = node.head.lower_ == "now" or any(c.lower_ == "now" and c.dep_ == "advmod" and c.i < node.i
                                           for c in node.children)
    if dep in ("ccomp", "advcl") and now and any(c.lower_ == "that" and c.dep_ == "mark" for c in node.children):
        return True  # "now that he has been transferred": what is known
    return dep in ("ccomp", "xcomp", "advcl") and any(
        c.lower_ in lex.m("wh_words") and c.tag_ in ("WRB", "WDT", "WP") and c.i < node.i for c in node.children)


def _governing_noun_cue(ctx: Context, noun: Token) -> bool:
    return noun.pos_ in ("NOUN", "PROPN") and bool(_noun_cues(ctx, noun, noun))


def _content_clause(ctx: Context, node: Token) -> bool:
    """"reports that X had died", "the announcement that he had been pardoned": a clause that is the
    content of a report noun goes on to what governs the noun ("dismissed reports that ...")."""
    head = node.head
    return head.lower_ in ctx.lex.m("report_nouns") or (_lemma(head) in ("announcement", "statement", "news") \
        and any(c.dep_ == "mark" and c.lower_ == "that" for c in node.children))


def _infinitive_governor(trigger: Token) -> Token | None:
    """The verb an infinitive depends on where the parser lost it: "urged Azerbaijan to free journalist X" with
    "free" read as a modifier of "journalist"."""
    if trigger.tag_ != "VB" or trigger.head.pos_ in ("VERB", "AUX") or trigger.i == 0:
        return None
    to = trigger.doc[trigger.i - 1]
    if to.lower_ != "to" or to.head.pos_ not in ("VERB", "AUX") or to.head.i == trigger.i:
        return None
    return to.head


def _shares_auxiliaries(conj: Token) -> bool:
    """A verb joined to another with no subject and no auxiliary of its own shares that verb's modal: "must quash
    the conviction and release her"."""
    return conj.pos_ in ("VERB", "AUX") and not any(
        c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in conj.children)


def cues_of(ctx: Context, trigger: Token, limit: int = 12) -> list[str]:
    """Every cue on the trigger and on the words governing it within its scope, nearest first."""
    if trigger.dep_ == "relcl" and _adjective_after_that(ctx, trigger):
        return []  # "claims that detained aid worker X ...": what X is, whatever the claims say
    cues = own_cues(ctx, trigger)
    node = trigger
    gov = _infinitive_governor(trigger)
    if gov is not None:
        cues.extend(_head_cues(ctx, gov, trigger, trigger))
        node = gov
    for _ in range(limit):
        head = node.head
        if head.i == node.i or _stops(ctx, node) or _across_semicolon(ctx, node, head):
            break
        dep = node.dep_
        if dep == "conj":
            if _conj_word(node) in ("or", "nor"):
                cues.extend(c for c in own_cues(ctx, head) if c == "negated")
            partner = _partner(node)
            if _shares_auxiliaries(node):
                cues.extend(c for c in own_cues(ctx, partner) if c in ("expected", "demanded", "conditional"))
            node = partner
            continue
        if _noun_tagged_verb(ctx, head):
            node = head  # "dismissed ... reports that X had died": a report noun the tagger took for a verb
            continue
        cues.extend(_head_cues(ctx, head, node, trigger))
        if head.pos_ in ("VERB", "AUX") and _unverified_subject(ctx, head):
            cues.append("unconfirmed")  # "a video, which could not be verified, shows X being beaten"
        if _reporting(ctx, head) and not _said_to(ctx, head, node) and _verb_class(ctx, head) is None:
            cues.extend(_reporting_cues(ctx, head))
            cues.extend(_telling_noun_cues(ctx, head, trigger))
            break
        node = head
    if _question(ctx, trigger):
        cues.append("question")
    return cues


def _tense_fear(cues: list[str], trigger: Token | None) -> list[str]:
    """A fear of what would already have happened is a rumour; of what is to come, an expectation."""
    if trigger is None or trigger.pos_ not in ("VERB", "AUX"):
        return [("feared_future" if c == "feared" and trigger is not None and trigger.pos_ == "NOUN" else c)
                for c in cues]
    return [("feared" if _perfect_or_past(trigger) else "feared_future") if c == "feared" else c for c in cues]


def _verb_tagged_noun(head: Token) -> bool:
    """"Activists allege that ...": a verb the tagger took for a noun, with its subject before it (as a subject,
    or as a compound when it heads the sentence) and no determiner."""
    if any(c.dep_ == "det" for c in head.children):
        return False
    return any(c.dep_ == "nsubj" or (c.dep_ == "compound" and head.dep_ == "ROOT" and c.i < head.i)
               for c in head.children)


def _stranded_complement(noun: Token, clause: Token) -> bool:
    """A "that" clause with its own subject the parser hung on the object of a preposition ("heard from inmates
    that ...", "learned from lawyers that ..."): it is the verb's complement, not the noun's."""
    return (noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.head.pos_ in ("VERB", "AUX")
            and any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children)
            and any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children))


def _head_cues(ctx: Context, head: Token, node: Token, trigger: Token | None = None) -> list[str]:
    """The cues a governing word gives the phrase ``node`` heads."""
    lex = ctx.lex
    dep = node.dep_
    out: list[str] = []
    if head.pos_ in ("NOUN", "PROPN", "PRON"):
        if _verb_tagged_noun(head) and _verb_class(ctx, head, node) is not None:
            return [_verb_class(ctx, head, node)]  # "Activists allege that ...": a verb the tagger took for a noun
        if dep in ("acl", "ccomp", "prep", "relcl", "pobj", "compound", "nmod", "appos", "poss", "amod"):
            out.extend(_tense_fear(_noun_cues(ctx, head, node), trigger))
        if dep == "acl" and _stranded_complement(head, node):
            cls = _verb_class(ctx, head.head.head, node)  # "heard from other inmates that X had been freed"
            if cls is not None:
                out.append(cls)
        if dep == "pobj" and node.head.lower_ == "to" and head.lower_ == "no":
            out.append("demanded")  # "No to the execution of X": a slogan
        return out
    if dep == "prep" and node.lower_ == "to" and (head.lower_ == "no" or (
            node.i > 0 and ctx.tokens[node.i - 1].lower_ == "no" and ctx.tokens[node.i - 1].pos_ in ("INTJ", "DET"))):
        return ["demanded"]  # "'No to the execution of X' read the banners", however the parser hangs "no"
    if head.pos_ == "ADP":
        return out
    if head.pos_ == "ADJ":
        low = head.lower_
        if low in lex.m("expected_adjectives"):
            out.append("expected")
        elif low in lex.m("fear_adjectives"):
            out.append("feared")
        elif low in lex.m("deny_predicates"):
            out.append("denied")
        out.extend(_aux_cues(ctx, head))
        if head.dep_ == "acomp":
            out.extend(_aux_cues(ctx, head.head))
        return out
    # a verb
    if dep == "xcomp" and _lemma(head) in ("have", "be", "remain") and any(
            c.dep_ == "advmod" and c.lower_ in lex.m("yet_words") for c in head.children):
        return ["negated"]  # "has yet to be charged"
    if dep in ("nsubj", "nsubjpass", "csubj", "csubjpass") or (dep == "ccomp" and _lemma(head) in _COPULAS):
        out.extend(_copula_cues(ctx, head, node))
    if dep == "nsubj" and not _light(ctx, head):
        out.extend(c for c in _aux_cues(ctx, head) if c != "negated")
        return out
    if _said_to(ctx, head, node):
        out.append("alleged")
    for c in head.children:  # "expressed concern at reports that ...", "made an appeal for his release"
        if c.dep_ == "dobj" and c.i != node.i and c.pos_ == "NOUN" and _lemma(head) in lex.m("light_noun_verbs"):
            out.extend(_tense_fear(_noun_cues(ctx, c, c), trigger))
    cls = _verb_class(ctx, head, node)
    if cls is not None and not (cls == "expected" and _lemma(head) == "set" and dep == "dobj"):
        if cls == "feared" and _perfect_or_past(node):
            out.append("feared")
        elif cls == "feared":
            out.append("feared_future")
        else:
            out.append(cls)
    out.extend(_aux_cues(ctx, head, with_negation=_light(ctx, head)))
    if _lemma(head) in lex.m("purpose_verbs") and node.dep_ == "pobj" and node.head.lower_ == "for":
        out.append("expected")
    return out


def _aux_cues(ctx: Context, verb: Token, with_negation: bool = True) -> list[str]:
    """Negation, modals, hedges, conditions and imperatives written on a governing verb."""
    cues = own_cues(ctx, verb)
    return cues if with_negation else [c for c in cues if c != "negated"]


def _across_semicolon(ctx: Context, node: Token, head: Token) -> bool:
    """Clauses a semicolon separates stand apart, whatever the parse joins ("X was sentenced in May; prison
    officials denied that anyone had beaten her")."""
    a, b = sorted((node.i, head.i))
    if node.i < head.i:
        a = node.right_edge.i
    else:
        b = node.left_edge.i
    return any(ctx.tokens[k].text == ";" for k in range(a + 1, b))


def _question(ctx: Context, trigger: Token) -> bool:
    """Whether the trigger's sentence is a direct question asking about it ("Will Iran execute X?")."""
    s, e = ctx.sent_tokens[ctx.tok_sent[trigger.i]]
    last = ctx.tokens[e - 1]
    if last.text != "?" and not (e < len(ctx.tokens) and ctx.tokens[e].text == "?"):
        return False
    if ctx.tokens[s].lower_ in ctx.lex.m("wh_words") or ctx.tokens[s].lower_ == "who":
        return False  # "Why was X arrested?" takes the arrest as known
    root = trigger
    while root.head.i != root.i and root.dep_ not in ("relcl", "acl", "advcl"):
        root = root.head
    return root.head.i == root.i


def assess(ctx: Context, trigger: Token, extra: list[str] | None = None) -> Modality:
    """The modality of the event a trigger states, and its cue (``extra``: cues found beside its own climb)."""
    cues = cues_of(ctx, trigger) + list(extra or ())
    if not cues:
        return Modality()
    order = ctx.lex.modality["precedence"]
    best = min(cues, key=lambda c: (order.index(_CUE_MODALITY[c]), cues.index(c)))
    return Modality(_CUE_MODALITY[best], best)


def modality(ctx: Context, trigger: Token) -> str:
    """The modality of the event a trigger states."""
    return assess(ctx, trigger).modality
