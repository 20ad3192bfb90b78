"""Which words state an event, and the checks a trigger's spec asks for (``data/extract_events.json``).

A verb's spec may be one object or a list of senses, tried in order ("held" in the passive or with a person as
its object is a detention; "taken" to a prison is a transfer, taken away by police an arrest). A past
participle the tagger read as an adjective ("Jailed poet X", "imprisoned rapper X") is its verb.
"""
from __future__ import annotations

from typing import Any

from spacy.tokens import Token

from .arguments import sentence_details
from .context import Context
from .lexicon import Lexicon
from .subjects import child, is_passive

_SIDE_CLAUSES = frozenset({"advcl", "relcl", "acl", "ccomp", "conj", "parataxis", "csubj", "nsubj"})


def verb_specs(ctx: Context, lemma: str) -> list[dict[str, Any]]:
    """The senses of a verb trigger ([] when the lemma is none)."""
    spec = ctx.lex.events["verbs"].get(lemma)
    if spec is None:
        return []
    return spec if isinstance(spec, list) else [spec]


def again_lemma(ctx: Context, lemma: str) -> str | None:
    """The verb a "re-" verb repeats ("rearrest" -> "arrest", "retry" -> "try"), when it is a trigger."""
    again = ctx.lex.events["again_verbs"]
    if lemma in again:
        return again[lemma]
    return None


_PARTICIPLES: dict[int, dict[str, str]] = {}


def _participles(lex: Lexicon) -> dict[str, str]:
    """Past participles of the verb triggers, by form: "jailed" -> "jail", "freed" -> "free" (made once)."""
    found = _PARTICIPLES.get(id(lex))
    if found is None:
        found = _PARTICIPLES[id(lex)] = _make_participles(lex)
    return found


def _make_participles(lex: Lexicon) -> dict[str, str]:
    out: dict[str, str] = {}
    for lemma in lex.events["verbs"]:
        if " " in lemma:
            continue
        forms = {lemma + "ed", lemma + "d" if lemma.endswith("e") else lemma + "ed"}
        if lemma.endswith("y"):
            forms.add(lemma[:-1] + "ied")
        if len(lemma) > 2 and lemma[-1] not in "aeiouwy" and lemma[-2] in "aeiou" and lemma[-3] not in "aeiou":
            forms.add(lemma + lemma[-1] + "ed")
        for f in forms:
            out.setdefault(f, lemma)
    out.update(lex.events["irregular_participles"])
    return out


def participle_lemma(ctx: Context, tok: Token) -> str | None:
    """The verb of a participle the tagger took for an adjective or a name, where it qualifies a noun."""
    if tok.pos_ not in ("ADJ", "PROPN") or tok.dep_ not in ("amod", "compound", "nmod", "advcl", "acl"):
        return None
    if ctx.mention_of(tok) is not None:
        return None
    return _participles(ctx.lex).get(tok.lower_)


def in_own_phrase(ctx: Context, tok: Token, words: set[str]) -> bool:
    """Whether one of ``words`` (or a facility of custody) is said with the verb itself, not in a clause beside it:
    "died in custody", "died in Gharvan Prison" ("freed after eight years inside, he died at his sister's flat"
    is not)."""
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


def _custody_place(ctx: Context, o: Token) -> bool:
    """A prison, a camp, custody or a facility of custody named by the phrase ``o`` heads."""
    words = set(ctx.lex.events["custody_words"])
    m = ctx.mention_of(o)
    if m is not None and ctx.mentions[m].label == "FACILITY" and "court" not in ctx.mentions[m].text.lower():
        return True
    return any(t.lemma_.lower() in words or t.lower_ in words for t in o.subtree)


def destination_ok(ctx: Context, tok: Token) -> bool:
    """"moved to Evin Prison", "taken to a detention centre": a transfer goes to a place of custody."""
    words = set(ctx.lex.events["destination_words"])
    preps = [p for p in tok.children if p.dep_ == "prep"]
    preps += [p for a in tok.children if a.dep_ == "advmod" and a.lower_ == "back" for p in a.children
              if p.dep_ == "prep"]  # "sent back to prison"
    for p in preps:
        if p.lower_ in ("to", "into"):
            o = child(p, "pobj")
            if o is None:
                continue
            m = ctx.mention_of(o)
            if m is not None and ctx.mentions[m].label == "FACILITY":
                return True
            if any(t.lemma_.lower() in words for t in o.subtree):
                return True
    return False


def leaves_custody(ctx: Context, tok: Token) -> bool:
    """"walked free", "walked out of the penal colony", "walked free from Varka prison", "left prison"."""
    for c in tok.children:
        if c.lower_ == "free" and c.dep_ in ("advmod", "acomp", "oprd", "prt", "dobj", "xcomp", "amod"):
            return True
        if c.dep_ in ("prep", "prt", "advmod") and c.lower_ in ("out", "from"):
            inner = [g for g in c.children if g.dep_ in ("pobj", "prep")]
            for g in inner:
                o = child(g, "pobj") if g.dep_ == "prep" else g
                if o is not None and _custody_place(ctx, o):
                    return True
        if c.dep_ == "dobj" and tok.lemma_.lower() == "leave" and _custody_place(ctx, c):
            return True
    return False


def _taken_by_force(ctx: Context, tok: Token) -> bool:
    """"officers took her from her office", "was taken away by soldiers": a seizure, an arrest."""
    ev = ctx.lex.events
    away = any(c.lower_ == "away" and c.dep_ in ("prt", "advmod") for c in tok.children)
    from_place = any(c.dep_ == "prep" and c.lower_ == "from" and (o := child(c, "pobj")) is not None
                     and (o.lemma_.lower() in ev["seizure_places"] or o.lower_ in ev["seizure_places"])
                     for c in tok.children)
    if is_passive(tok):
        agent = next((child(c, "pobj") for c in tok.children if c.dep_ == "agent"), None)
    else:
        agent = child(tok, "nsubj")
    forces = set(ev["security_forces"])
    by_force = agent is not None and any(t.lemma_.lower() in forces or t.lower_ in forces for t in agent.subtree)
    return (away or from_place) and (by_force or from_place)


def _object_under(ctx: Context, tok: Token, table: dict[str, list[str]]) -> bool:
    """"placed under house arrest", "subjected to beatings": the phrase after a preposition names it."""
    for p in tok.children:
        if p.dep_ == "prep" and p.lower_ in table:
            o = child(p, "pobj")
            if o is not None and any(t.lemma_.lower() in table[p.lower_] or t.lower_ in table[p.lower_]
                                     for t in o.subtree):
                return True
    return False


def _held_subject(ctx: Context, tok: Token) -> bool:
    """"X, held without trial at Varka prison since 2022, died on Sunday": the one who died is said to be
    held."""
    subj = child(tok, "nsubj")
    if subj is None:
        return False
    held = set(ctx.lex.events["holding_verbs"])
    return any(c.dep_ in ("acl", "relcl", "appos") and c.lemma_.lower() in held and not any(
        g.dep_ == "neg" for g in c.children) for c in subj.children)


def _death_object(ctx: Context, tok: Token) -> bool:
    """"carried out the death sentence", "the death sentence ... has not been carried out"."""
    obj = child(tok, "dobj", "nsubjpass")
    if obj is None:
        return False
    words = {c.lemma_.lower() for c in obj.subtree} | {obj.lemma_.lower()}
    return bool(words & set(ctx.lex.events["death_words"])) or obj.lemma_.lower() == "execution"


def _has_word(tok: Token, words: list[str]) -> bool:
    """A word said with the verb: its child, or the word right after it ("shot dead X")."""
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    return any(c.lower_ in words for c in tok.children) or (nxt is not None and nxt.lower_ in words)


def refusal_ok(ctx: Context, tok: Token) -> bool:
    """A refusal of orders: "refused to shoot", "refusing orders to fire", "refusal to obey orders"."""
    objects = set(ctx.lex.events["refusal_objects"])
    comps = [c for c in tok.children if c.dep_ in ("xcomp", "dobj", "acl") or (c.dep_ == "prep" and c.lower_ == "to")]
    if comps:
        return any(t.lemma_.lower() in objects for c in comps for t in c.subtree)
    s, e = ctx.sent_tokens[ctx.tok_sent[tok.i]]
    return any(ctx.tokens[i].lemma_.lower() in {"order", "shoot", "fire", "command"} for i in range(s, e))


def _person_object(ctx: Context, tok: Token) -> bool:
    """Whether an active verb's object is a person ("are holding X", "guards beat him")."""
    obj = child(tok, "dobj")
    if obj is None:
        return False
    m = ctx.mention_of(obj)
    return (m is not None and ctx.mentions[m].label == "PERSON") or obj.lower_ in ("him", "her", "them")


def verb_ok(ctx: Context, tok: Token, spec: dict[str, Any]) -> bool:
    """Whether a verb meets its spec's conditions (see the data file's "about")."""
    if spec.get("passive") and not is_passive(tok):
        return False
    if spec.get("person_object") and not _person_object(ctx, tok):
        return False
    if spec.get("needs_prep") and not any(
            c.dep_ in ("prep", "dative", "prt") and c.lower_ in spec["needs_prep"]
            for c in [*tok.children, *(g for a in tok.children if a.lower_ == "back" for g in a.children)]):
        return False
    if spec.get("death_term") and sentence_details(ctx, tok).get("sentence") != "death":
        return False  # "sent X back to death row" passes a death sentence; "sent X to Evin" moves X
    if spec.get("needs_object"):
        obj = child(tok, "dobj", "nsubjpass")
        if obj is None or (obj.lemma_.lower() not in spec["needs_object"] and obj.lower_ not in spec["needs_object"]
                           and not (spec.get("or_it") and obj.lower_ == "it")):
            return False
    if spec.get("needs_context") and not in_own_phrase(ctx, tok, set(spec["needs_context"])) and not (
            spec.get("or_held_subject") and _held_subject(ctx, tok)):
        return False
    if spec.get("needs_word") and not _has_word(tok, spec["needs_word"]):
        return False
    if spec.get("no_amod") and tok.dep_ == "amod":
        return False
    if spec.get("not_prep") and any(c.dep_ == "prep" and c.lower_ in spec["not_prep"] for c in tok.children):
        return False
    if spec.get("no_object") and child(tok, "dobj") is not None:
        return False
    if spec.get("destination") and not destination_ok(ctx, tok):
        return False
    if spec.get("leaves_custody") and not leaves_custody(ctx, tok):
        return False
    if spec.get("seizure") and not _taken_by_force(ctx, tok):
        return False
    if spec.get("object_under") and not _object_under(ctx, tok, spec["object_under"]):
        return False
    if spec.get("not_prep_object") and _object_under(ctx, tok, spec["not_prep_object"]):
        return False
    if spec.get("death_object") and not _death_object(ctx, tok):
        return False
    if spec.get("body_object"):
        obj = child(tok, "nsubjpass", "dobj")
        if obj is None or obj.lemma_.lower() not in ctx.lex.events["body_nouns"]:
            return False
    if spec.get("present_perfect") and not any(c.dep_ == "aux" and c.lower_ in ("has", "have") for c in tok.children):
        return False
    if spec.get("unseen_since") and not _unseen_since(tok):
        return False
    if spec.get("needs_context_sentence"):
        s, e = ctx.sent_tokens[ctx.tok_sent[tok.i]]
        words = set(spec["needs_context_sentence"])
        if not any(t.lower_ in words for t in ctx.tokens[s:e]):
            return False  # "on appeal", "the appeals court": a court's ruling, else an amnesty's
    if spec.get("refusal"):
        return refusal_ok(ctx, tok)
    return True


def _unseen_since(tok: Token) -> bool:
    """"has not been seen since police led her away", "not seen since May" (not "not seen in the ward since
    Monday": missed in one place is no disappearance)."""
    if not any(c.dep_ == "neg" for c in tok.children):
        return False
    if any(c.dep_ == "prep" and c.lower_ in ("in", "at", "inside") and c.i > tok.i for c in tok.children):
        return False
    return any(c.lower_ == "since" or (c.dep_ == "advcl" and any(m.lower_ == "since" for m in c.children))
               for c in tok.children)


def unknown_state(ctx: Context, tok: Token) -> bool:
    """"the whereabouts of X remain unknown", "his fate is unknown": said of the noun by a copula."""
    head = tok.head
    if tok.dep_ not in ("nsubj", "nsubjpass") or head.lemma_.lower() not in ("be", "remain", "stay"):
        return False
    return any(c.dep_ in ("acomp", "attr") and c.lower_ in ctx.lex.events["unknown_words"] for c in head.children)


def noun_ok(ctx: Context, tok: Token, spec: dict[str, Any]) -> bool:
    """Whether a noun meets its spec's conditions."""
    if spec.get("needs_modifier"):
        mods = {c.lemma_.lower() for c in tok.children if c.dep_ in ("compound", "amod", "nmod", "nummod")}
        if tok.i > 0:
            mods.add(ctx.tokens[tok.i - 1].lemma_.lower())
        if not mods & set(spec["needs_modifier"]) and not _term_length(ctx, tok) and not (
                spec.get("or_owner") and _owned(ctx, tok)) and not (spec.get("or_list") and _opens_list(ctx, tok)):
            return False
    if spec.get("needs_prep_head") and not (tok.dep_ == "pobj" and tok.head.lower_ in spec["needs_prep_head"]):
        return False
    if spec.get("needs_prep") and not any(c.dep_ == "prep" and c.lower_ in spec["needs_prep"] for c in tok.children):
        return False
    if spec.get("needs_context") and not in_own_phrase(ctx, tok, set(spec["needs_context"])):
        return False
    if spec.get("needs_governor"):
        governor = tok.head.head if tok.dep_ == "pobj" else tok.head if tok.dep_ == "dobj" else None
        if governor is None or governor.lemma_.lower() not in spec["needs_governor"]:
            return False
    if spec.get("not_of") and any(c.dep_ == "prep" and c.lower_ == "of" and any(
            o.dep_ == "pobj" and o.lemma_.lower() in spec["not_of"] for o in c.children) for c in tok.children):
        return False  # "the execution of her four-year sentence" carries out a ruling: no one is put to death
    if spec.get("unknown_state") and not unknown_state(ctx, tok):
        return False
    if spec.get("refusal"):
        return refusal_ok(ctx, tok)
    return True


def _opens_list(ctx: Context, tok: Token) -> bool:
    """"handed down the following sentences:": a noun whose sentence ends with a colon opens a list."""
    e = ctx.sent_tokens[ctx.tok_sent[tok.i]][1]
    nxt = ctx.tokens[tok.i + 1] if tok.i + 1 < len(ctx.tokens) else None
    return ctx.tokens[e - 1].text == ":" or (e < len(ctx.tokens) and ctx.tokens[e].text == ":") or (
        nxt is not None and nxt.text == ":")


def _term_length(ctx: Context, tok: Token) -> bool:
    """"a 12-year sentence", "his three-year term": a length written before the noun."""
    left = ctx.text[tok.left_edge.idx:tok.idx].lower()
    units = ctx.lex.events["term_units"]
    words = left.replace("-", " ").split()
    return any(w.rstrip("s") in units or w in units for w in words) and any(
        w.isdigit() or w in ctx.lex.figures["number_words"] for w in words)


def _owned(ctx: Context, tok: Token) -> bool:
    """"his sentence", "X's sentence", "the sentence of/against X": whose it is is said."""
    if child(tok, "poss") is not None:
        return True
    return any(c.dep_ == "prep" and c.lower_ in ("of", "against") and (o := child(c, "pobj")) is not None and (
        ((m := ctx.mention_of(o)) is not None and ctx.mentions[m].label == "PERSON") or o.lower_ in ("him", "her"))
        for c in tok.children)


def acted_on(ctx: Context, tok: Token) -> bool:
    """Whether a noun event is what a ruling or a demand acts on: "quash his death sentence", "drop the charges
    against X", "an appeal against his sentence" (then it stands, whatever governs the ruling)."""
    spec = ctx.lex.events["acted_on"]
    if tok.pos_ != "NOUN" or tok.lemma_.lower() not in spec["nouns"]:
        return False
    if any(c.dep_ == "det" and c.lower_ in ("no", "any") for c in tok.children):
        return False
    head = tok.head
    if tok.dep_ in ("dobj", "nsubjpass") and head.lemma_.lower() in spec["verbs"]:
        return True
    return tok.dep_ == "pobj" and head.lower_ == "against" and (
        head.head.lemma_.lower() in spec["against"] or child(head.head, "prt") is not None)
