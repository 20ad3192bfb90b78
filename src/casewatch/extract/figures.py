"""Numbers of people a report gives: "Police have killed more than 2,600 people" -> killed, 2600, more_than.

A figure needs a word saying what was counted happening (killed, arrested,
executions...): a bare count of people is not a figure. Ages, years, dates,
terms ("10 years"), money and numbers inside names are skipped; "thousands"
and "dozens" give no number and are skipped too.

What was counted, first that applies (lexicons in data/extract_figures.json):

1. a noun naming the events ("40 executions", "300 detentions");
2. the verb the counted people are the object or passive subject of ("freed
   more than 5,300 inmates", "30 detained students were released");
3. a state the people are said to be in ("8,400 opponents are still in detention",
   "25 reporters are in prison today", the counts of press releases and
   press-freedom groups);
4. the verb of a person detained "together with nearly 40 other teachers";
5. a participle on the people ("1,200 arrested protesters have been identified");
6. the owner of "of" ("the scheduled executions of more than 650 people"), or what a
   total of them underwent ("a total of 120 students were arrested");
7. a noun that names people by their status, the stock count of rights groups
   ("at least 1,430 political prisoners").

A tally given as where a count stands ("the number of political prisoners has
risen to 1,085", "the death toll stands at 50") counts what the number, total
or toll is of.
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
    if low.replace(".", "", 1).isdecimal():  # "²" is a digit float() cannot read
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


def _head_verb(n: Token, verbs: dict[str, str]) -> str | None:
    """What the verb says happened to the counted people, when they are its object or passive subject."""
    verb = n.head
    if n.dep_ not in ("nsubjpass", "nsubj", "dobj") or verb.lemma_.lower() not in verbs:
        return None
    if n.dep_ == "nsubj" and not any(c.dep_ == "auxpass" for c in verb.children) and verb.lemma_ != "die":
        return None
    return _with_death(verb, verbs[verb.lemma_.lower()])


def _state(n: Token, fig: dict) -> str | None:
    """The state the counted people are said to be in: "remain in detention", "are behind bars"."""
    verb = n.head
    if n.dep_ not in ("nsubj", "nsubjpass") or verb.lemma_.lower() not in fig["state_verbs"]:
        return None
    for prep in verb.children:
        obj = child(prep, "pobj") if prep.dep_ == "prep" else None
        if obj is not None and (quantity := fig["state_phrases"].get(f"{prep.lower_} {obj.lower_}")):
            return quantity
    return None


def _together_with(n: Token, verbs: dict[str, str]) -> str | None:
    """The verb of someone held "together with nearly 30 other activists", for those others."""
    prep = n.head
    if n.dep_ != "pobj" or prep.lower_ != "with" or prep.head.lemma_.lower() not in verbs:
        return None
    before = prep.doc[prep.i - 1] if prep.i > 0 else None
    if before is None or before.lower_ not in ("together", "along"):
        return None
    return _with_death(prep.head, verbs[prep.head.lemma_.lower()])


def _status_noun(n: Token, fig: dict) -> str | None:
    """A noun naming people by their status ("political prisoners"), with its modifier or "of" phrase."""
    statuses = fig["status_nouns"]
    lemma = n.lemma_.lower()
    for c in n.children:
        if c.dep_ in ("amod", "compound") and (quantity := statuses.get(f"{c.lower_} {lemma}")):
            return quantity
        obj = child(c, "pobj") if c.dep_ == "prep" and c.lower_ == "of" else None
        if obj is not None and (quantity := statuses.get(f"{lemma} of {obj.lower_}")):
            return quantity
    return statuses.get(lemma)


def _quantity(ctx: Context, n: Token) -> str | None:
    """What was counted (module docstring), or None when the number is not a figure."""
    fig = ctx.lex.figures
    verbs, nouns = fig["quantity_verbs"], fig["quantity_nouns"]
    lemma = n.lemma_.lower()
    if lemma in nouns or n.lower_ in nouns:
        if n.i > 0 and f"{ctx.tokens[n.i - 1].lower_} {lemma}" in nouns:
            return nouns[f"{ctx.tokens[n.i - 1].lower_} {lemma}"]
        return nouns.get(lemma) or nouns.get(n.lower_)
    found = _head_verb(n, verbs) or _state(n, fig) or _together_with(n, verbs)
    if found:
        return found
    for c in n.children:
        if c.dep_ in ("amod", "acl", "relcl") and c.lemma_.lower() in verbs and c.tag_ in ("VBN", "VBD", "JJ"):
            return _with_death(c, verbs[c.lemma_.lower()])
    if n.dep_ == "pobj" and n.head.lower_ == "of":
        owner = n.head.head
        if owner.lemma_.lower() in nouns:
            return nouns[owner.lemma_.lower()]
        if owner.lemma_.lower() in fig["aggregate_nouns"] and (total := _quantity(ctx, owner)):
            return total
    return _status_noun(n, fig)


def _tally(ctx: Context, tok: Token) -> tuple[Token, str] | None:
    """What a number counts when it says where a tally stands: "the number of X has risen to N"."""
    fig = ctx.lex.figures
    head = tok.head
    if tok.dep_ == "pobj" and head.lower_ in ("to", "at"):
        verb = head.head
    elif tok.dep_ in ("dobj", "attr"):
        verb = head
    else:
        return None
    subject = child(verb, "nsubj") if verb.lemma_.lower() in fig["tally_verbs"] else None
    if subject is None or subject.lemma_.lower() not in fig["aggregate_nouns"]:
        return None
    compound = child(subject, "compound", "amod")
    if compound is not None and (toll := fig["tolls"].get(f"{compound.lower_} {subject.lemma_.lower()}")):
        return tok, toll
    of = next((c for c in subject.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    counted = child(of, "pobj") if of is not None else None
    if counted is None:
        return None
    quantity = _quantity(ctx, counted)
    return (counted, quantity) if quantity else None


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
        if quantity is None and n.i == tok.i and (tally := _tally(ctx, tok)) is not None:
            n, quantity = tally
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
