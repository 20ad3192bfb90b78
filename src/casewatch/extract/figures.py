"""Numbers of people a report gives: "More than 3,000 people have been killed" -> killed, 3000, more_than.

A figure needs a word saying what was counted happening (killed, arrested,
executions...): a bare count of people is not a figure. Ages, years, dates,
terms ("10 years"), money and numbers inside names are skipped; "thousands"
and "dozens" give no number and are skipped too.
"""
from __future__ import annotations

from spacy.tokens import Token

from ..models import Figure
from .attribution import Source, source_for
from .context import Context
from .subjects import child


def _value(ctx: Context, tok: Token) -> float | None:
    fig = ctx.lex.figures
    low = tok.lower_.replace(",", "")
    doc = ctx.tokens
    value: float | None = None
    if low.replace(".", "", 1).isdigit():
        value = float(low)
    elif low in fig["number_words"]:
        if low in ("dozen", "hundred", "thousand") and not (tok.i > 0 and doc[tok.i - 1].lower_ in ("a", "one")):
            return None
        value = float(fig["number_words"][low])
    if value is None:
        return None
    if tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ in fig["multipliers"]:
        value *= fig["multipliers"][doc[tok.i + 1].lower_]
    return value


def _qualifier(ctx: Context, tok: Token) -> str:
    doc = ctx.tokens
    start = tok.i
    if start > 0 and doc[start - 1].lower_ in ("a", "one") and tok.lower_ in ("dozen", "hundred", "thousand"):
        start -= 1
    before = " ".join(doc[i].lower_ for i in range(max(0, start - 3), start))
    best, size = "exactly", 0
    for phrase, q in ctx.lex.figures["qualifiers"].items():
        if (before == phrase or before.endswith(" " + phrase)) and len(phrase) > size:
            best, size = q, len(phrase)
    return best


def _skip(ctx: Context, tok: Token) -> bool:
    fig = ctx.lex.figures
    doc = ctx.tokens
    if tok.ent_type_ in fig["excluded_entity_labels"] or tok.i in ctx.tok_date:
        return True
    if ctx.mention_of(tok) is not None:
        return True
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    if nxt is not None and (nxt.lower_ in fig["time_units"] or nxt.text in ("-", "%") or nxt.lower_.startswith("year")):
        return True
    prev = doc[tok.i - 1] if tok.i > 0 else None
    if prev is not None and prev.lower_ in ("the", "these", "those", "both", "all", "its", "their", "his", "her"):
        return True
    if prev is not None and prev.text in (",", "(", "aged") and tok.i > 1:
        p2 = doc[tok.i - 2]
        if ctx.person_of_token(p2) is not None or prev.text == "aged":
            return True
    return bool(prev is not None and prev.is_currency)


def _counted(tok: Token) -> Token:
    if tok.dep_ in ("nummod", "quantmod") and tok.head.pos_ in ("NOUN", "PROPN"):
        return tok.head
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.pos_ == "NUM":
        return tok.head.head
    return tok


def _quantity(ctx: Context, n: Token) -> str | None:
    fig = ctx.lex.figures
    verbs, nouns = fig["quantity_verbs"], fig["quantity_nouns"]
    lemma = n.lemma_.lower()
    if lemma in nouns or n.lower_ in nouns:
        if n.i > 0 and f"{ctx.tokens[n.i - 1].lower_} {lemma}" in nouns:
            return nouns[f"{ctx.tokens[n.i - 1].lower_} {lemma}"]
        return nouns.get(lemma) or nouns.get(n.lower_)
    for c in n.children:
        if c.dep_ in ("amod", "acl", "relcl") and c.lemma_.lower() in verbs and c.tag_ in ("VBN", "VBD", "JJ"):
            return _with_death(c, verbs[c.lemma_.lower()])
    if n.dep_ in ("nsubjpass", "nsubj", "dobj") and n.head.lemma_.lower() in verbs:
        verb = n.head
        if n.dep_ == "nsubj" and not any(c.dep_ == "auxpass" for c in verb.children) and verb.lemma_ != "die":
            return None
        return _with_death(verb, verbs[verb.lemma_.lower()])
    if n.dep_ == "pobj" and n.head.lower_ == "of":
        owner = n.head.head
        if owner.lemma_.lower() in nouns:
            return nouns[owner.lemma_.lower()]
    return None


def _with_death(verb: Token, word: str) -> str:
    to = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "to"), None)
    if word == "sentenced" and to is not None and child(to, "pobj") is not None and child(to, "pobj").lower_ == "death":
        return "sentenced to death"
    return word


def find_figures(ctx: Context, sources: list[list[Source]]) -> list[Figure]:
    """Every figure of the report, with the sentence as evidence and its source if it has one."""
    out: list[Figure] = []
    for tok in ctx.tokens:
        if not (tok.like_num or tok.lower_ in ctx.lex.figures["number_words"]) or _skip(ctx, tok):
            continue
        value = _value(ctx, tok)
        if value is None or value < 2:
            continue
        n = _counted(tok)
        quantity = _quantity(ctx, n)
        if quantity is None:
            continue
        si = ctx.tok_sent[tok.i]
        src = source_for(ctx, sources, tok)
        if src is not None and src.cue.lemma_.lower() in ctx.lex.m("deny_verbs"):
            src = None
        counted = n.lower_ if n.i != tok.i else quantity
        out.append(Figure(quantity, value, _qualifier(ctx, tok), counted, ctx.sentence_evidence(si),
                          src.attribution if src is not None else None))
    return out
