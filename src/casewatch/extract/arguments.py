"""An event's arguments: where (place, facility, court), what sentence, what charge, for what reason.

Values are normalised so that the same fact in several reports reads the same:
lower case for charges, reasons and sentences, digits for numbers ("five
years" -> "5 years"), names of places and facilities as the report writes them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Token

from .context import Context
from .subjects import child

_TIME_PREPS = frozenset({"during", "amid", "since", "after", "before", "despite", "while", "when", "until", "following",
                         "as"})
_CHARGE_CUT = frozenset({"in", "at", "over", "by", "for", "on"})
_CLAUSE_CUT = frozenset({"advcl", "relcl", "punct", "appos", "cc", "conj", "parataxis", "mark"})
_YEAR = re.compile(r"\b(\d{1,2})[- ](year|month)\b")
_PLACE_PREPS = frozenset({"in", "at", "inside", "near", "outside"})
_DEST_PREPS = frozenset({"to", "into"})


@dataclass
class Where:
    """Where an event happened, as the report says it."""

    place: str | None = None
    facility: str | None = None
    facility_fact: str | None = None
    court: str | None = None


def number_text(ctx: Context, tok: Token) -> str:
    """A number as digits ("five" -> "5", "10" -> "10")."""
    words = ctx.lex.figures["number_words"]
    low = tok.lower_.replace(",", "")
    if low.isdigit():
        return low
    return str(words.get(low, tok.text))


def clause_text(ctx: Context, head: Token, extra_cut: frozenset[str] = frozenset()) -> str:
    """The words of a clause or phrase from its head onwards, without side clauses, lists or time phrases."""
    cut: set[int] = set()
    for t in head.subtree:
        if t.i == head.i:
            continue
        if t.dep_ in _CLAUSE_CUT or (t.dep_ == "prep" and t.lower_ in (_TIME_PREPS | extra_cut)) or (
                t.dep_ == "acl" and extra_cut):
            cut.update(x.i for x in t.subtree)
    start = head.left_edge.i if head.pos_ != "VERB" else head.i
    words = []
    for i in range(start, head.right_edge.i + 1):
        if i in cut:
            if i > head.i:
                break
            continue
        t = ctx.tokens[i]
        if t.is_space:
            break
        words.append(t)
    while words and (words[0].dep_ in ("det", "poss", "case") or words[0].is_punct):
        words.pop(0)
    while words and words[-1].is_punct:
        words.pop()
    text = " ".join(w.text for w in words).lower()
    return re.sub(r"[“”\"‘’]", "", text).replace(" - ", "-").strip()


def _place_of(ctx: Context, obj: Token) -> str | None:
    """The place a phrase names: "Tarsen", "the city of Ostabad"."""
    for _ in range(3):
        m = ctx.mention_of(obj)
        if m is not None:
            return ctx.mentions[m].text if ctx.mentions[m].label == "PLACE" else None
        if obj.lemma_.lower() not in ctx.lex.place_nouns:
            return None
        of = next((c for c in obj.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        nxt = child(of, "pobj") if of is not None else None
        if nxt is None:
            return None
        obj = nxt
    return None


def _in_place(ctx: Context, tok: Token) -> str | None:
    for p in tok.children:
        if p.dep_ == "prep" and p.lower_ in ("in", "near", "outside"):
            o = child(p, "pobj")
            if o is not None:
                return _place_of(ctx, o)
    return None


def where(ctx: Context, heads: list[Token]) -> Where:
    """Place, facility and court from the prepositions attached to the trigger (and its governing verb)."""
    w = Where()
    for head in heads:
        for p in head.children:
            if p.dep_ == "agent" or (p.dep_ == "prep" and p.lower_ in ("by", "before")):
                o = child(p, "pobj")
                m = ctx.mention_of(o) if o is not None else None
                if m is not None and ctx.mentions[m].label == "FACILITY" and "court" in ctx.mentions[m].text.lower():
                    w.court = w.court or ctx.mentions[m].text
                continue
            if p.dep_ != "prep" or p.lower_ not in _PLACE_PREPS | _DEST_PREPS:
                continue
            o = child(p, "pobj")
            if o is None:
                continue
            _fill(ctx, w, o)
    return w


_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)


def _fill(ctx: Context, w: Where, o: Token) -> None:
    lex = ctx.lex
    m = ctx.mention_of(o)
    if m is not None and ctx.mentions[m].label == "FACILITY":
        name = _ARTICLE.sub("", ctx.mentions[m].text)  # "held at the Ostabad detention centre": the centre's name
        if "court" in name.lower():
            w.court = w.court or name
        else:
            w.facility = w.facility or name
            w.facility_fact = w.facility_fact or name
        w.place = w.place or _in_place(ctx, o)
        return
    place = _place_of(ctx, o)
    if place is not None:
        w.place = w.place or place
        return
    if (o.lemma_.lower() in lex.facility_generic or o.lower_ in lex.facility_generic) and any(
            c.dep_ in ("det", "amod", "compound", "prep", "poss") for c in o.children):
        inner = [k for k in {ctx.mention_of(t) for t in o.subtree} - {None}
                 if ctx.mentions[k].label == "FACILITY"]  # type: ignore[index]
        if inner:
            name = ctx.mentions[inner[0]].text  # type: ignore[index]
            w.facility = w.facility or name
            w.facility_fact = w.facility_fact or name
            return
        place = _in_place(ctx, o)
        last = o.i
        for p in o.children:
            if p.dep_ == "prep" and p.lower_ == "in" and place is not None:
                last = p.right_edge.i
        w.facility = w.facility or ctx.span_text(o.left_edge.i, last)
        if place is not None:
            w.place = w.place or place
            if o.lemma_.lower() in ctx.lex.events["prison_words"]:
                # "a prison in Tarsen" is Tarsen's prison, one facility with "Tarsen prison"; "a facility in
                # Tarsen" names no facility, and a city is never one
                w.facility_fact = w.facility_fact or f"{place} {o.lemma_.lower()}"


def sentence_details(ctx: Context, tok: Token) -> dict[str, str]:
    """{"sentence": "death"}, {"sentence": "prison", "length": "10 years"}, {"sentence": "flogging", ...}."""
    ev = ctx.lex.events
    out: dict[str, str] = {}
    back = [g for a in tok.children if a.lower_ == "back" and a.dep_ in ("advmod", "prt") for g in a.children]
    for p in [*tok.children, *back]:  # "sent X back to death row"
        if p.dep_ != "prep" or p.lower_ not in ("to", "for"):
            continue
        o = child(p, "pobj")
        if o is None:
            continue
        for obj in [o, *[c for c in o.children if c.dep_ == "conj"]]:
            _term(ctx, obj, out, ev)
    return out


_FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})


def term_at(ctx: Context, i: int, end: int) -> tuple[dict[str, str], int] | None:
    """A sentence written from token ``i`` (before ``end``), and the token after it: "to death", "to life
    imprisonment", "to 15 years", "(five years)", "eight years and three months"."""
    doc, ev = ctx.tokens, ctx.lex.events
    j = i
    if j < end and doc[j].lower_ in ("to", "(") and j + 1 < end:
        j += 1
    if j >= end:
        return None
    t = doc[j]
    if t.lemma_.lower() in ev["death_words"] and t.lower_ != "execution":
        return {"sentence": "death"}, j + 1
    if t.lower_ == "life":
        k = j + 1
        if k < end and doc[k].lemma_.lower() in ev["prison_words"] + ["term", "sentence"]:
            k += 1
        return {"sentence": "prison", "length": "life"}, k
    words = ctx.lex.figures["number_words"]
    if (t.like_num or t.lower_ in words) and j + 1 < end and doc[j + 1].lower_ in ev["term_units"]:
        num = number_text(ctx, t)
        unit = _plural(doc[j + 1].lower_, num)
        k = j + 2
        if k + 2 < end and doc[k].lower_ == "and" and (doc[k + 1].like_num or doc[k + 1].lower_ in words) \
                and doc[k + 2].lower_ in ev["term_units"]:
            more = number_text(ctx, doc[k + 1])
            unit = f"{unit} and {more} {_plural(doc[k + 2].lower_, more)}"
            k += 3
        return {"sentence": "prison", "length": f"{num} {unit}"}, k
    return None


_BULLETS = frozenset({"-", "–", "—", "•", "*", "·", "‣", "▪"})


def list_end(ctx: Context, trigger: Token) -> int:
    """Where the list a trigger opens ends: its sentence, or, when the sentence ends with a colon, the lines that
    follow it as a list ("were sentenced: A to five years, B ...", a press release's bullet points)."""
    doc = ctx.tokens
    si = ctx.tok_sent[trigger.i]
    end = ctx.sent_tokens[si][1]
    if not (doc[end - 1].text == ":" or (end < len(doc) and doc[end].text == ":")):
        return end
    line_end = ctx.text.find("\n", doc[end - 1].idx)
    for sj in range(si + 1, min(si + 30, len(ctx.sent_tokens))):
        s, e = ctx.sent_tokens[sj]
        on_line = line_end < 0 or doc[s].idx < line_end
        bullet = doc[s].text in _BULLETS or (s > 0 and doc[s - 1].text in _BULLETS)
        if not (on_line or bullet):
            break
        end = e
    return end


def listed_terms(ctx: Context, trigger: Token, triggers: set[int]) -> list[tuple[int | None, dict[str, str]]]:
    """The persons a sentencing verb lists after it, each with the sentence written for them: "sentenced A to
    15 years, B to 11 years and C to 10 years", "A was sentenced to death and his co-defendant B to six years",
    "sentenced A (24), B (27) and C (31) to death". A sentence written after several names is each one's; one
    written before any name (None) is the verb's own patient's. The list ends at another sentencing word
    (``triggers``) or a new finite verb ("... and he is still in jail")."""
    doc = ctx.tokens
    end = list_end(ctx, trigger)
    out: list[tuple[int, dict[str, str]]] = []
    pending: list[int] = []
    i = trigger.i + 1
    own_end = ctx.sent_tokens[ctx.tok_sent[trigger.i]][1]
    listed = end > own_end  # "The sentences, issued on 15 May, are:" and the lines after: the list is after the colon
    if listed:
        i = next((j + 1 for j in range(own_end - 1, trigger.i, -1) if doc[j].text == ":"), own_end)
    while i < end:
        t = doc[i]
        if i in triggers or (t.tag_ in _FINITE and t.pos_ in ("VERB", "AUX") and not listed):
            break
        m = ctx.mention_of(t)
        if m is not None and ctx.mentions[m].label == "PERSON":
            pending.append(m)
            i = ctx.mention_tokens[m][1]
            continue
        found = term_at(ctx, i, end) if t.lower_ in ("to", "(") or t.like_num or t.lower_ == "life" else None
        if found is not None:
            details, i = found
            if listed:
                details = {**details, **_item_extras(ctx, i, end)}
            if not pending and not out:
                out.append((None, dict(details)))  # the term of the person named before the verb
            out.extend((k, dict(details)) for k in pending)
            pending = []
            continue
        i += 1
    return out


def _item_extras(ctx: Context, i: int, end: int) -> dict[str, str]:
    """What a list item says after a person's term, up to the line's end or the next person: the charge ("for
    'assembly and collusion'") and the prison it is served in ("to be served in X Prison")."""
    doc = ctx.tokens
    line_end = ctx.text.find("\n", doc[i - 1].idx)
    out: dict[str, str] = {}
    j = i
    while j < end and (line_end < 0 or doc[j].idx < line_end):
        t = doc[j]
        m = ctx.mention_of(t)
        if m is not None and ctx.mentions[m].label == "PERSON":
            break
        if m is not None and ctx.mentions[m].label == "FACILITY" and j > 0 and doc[j - 1].lower_ in ("in", "at") \
                and "court" not in ctx.mentions[m].text.lower():
            out.setdefault("listed_facility", ctx.mentions[m].text)
        if t.lower_ == "for" and j + 1 < end and "listed_charge" not in out:
            quoted = _quoted(ctx, doc[j + 2]) if doc[j + 1].text in ('"', "“") and j + 2 < end else None
            if quoted is not None:
                out["listed_charge"] = quoted
        j += 1
    return out


def _term(ctx: Context, obj: Token, out: dict[str, str], ev: dict) -> None:
    lemma = obj.lemma_.lower()
    if lemma in ev["death_words"] or (lemma == "row" and any(c.lemma_.lower() == "death" for c in obj.children)):
        out.setdefault("sentence", "death")
    elif obj.lower_ in ev["term_units"]:
        num = child(obj, "nummod")
        if num is not None:
            out.setdefault("sentence", "prison")
            out.setdefault("length", f"{number_text(ctx, num)} {_plural(obj.lower_, number_text(ctx, num))}")
    elif lemma in ev["flogging_words"] or obj.lower_ in ev["flogging_words"]:
        num = child(obj, "nummod")
        if num is not None:
            out.setdefault("flogging", f"{number_text(ctx, num)} lashes")
        out.setdefault("sentence", "flogging")
    elif lemma in ev["prison_words"]:
        out.setdefault("sentence", "prison")


def _plural(unit: str, n: str) -> str:
    base = unit.rstrip("s")
    return base if n == "1" else base + "s"


def noun_sentence_details(ctx: Context, noun: Token) -> dict[str, str]:
    """Details from a sentence noun and its modifiers: "death sentence", "a 10-year prison sentence"."""
    ev = ctx.lex.events
    mods = [c for c in noun.children if c.dep_ in ("compound", "amod", "nmod") and c.i < noun.i]
    if noun.i > 0:
        mods.append(ctx.tokens[noun.i - 1])
    words = {m.lemma_.lower() for m in mods} | {noun.lemma_.lower()}
    if words & set(ev["death_words"]) or noun.lemma_.lower() == "row":
        return {"sentence": "death"}
    length = _length_before(ctx, noun)
    if words & set(ev["prison_words"]) or (length and noun.lemma_.lower() in ("sentence", "term")):
        out = {"sentence": "prison"}
        if length:
            out["length"] = length
        return out
    return {}


def _length_before(ctx: Context, noun: Token) -> str | None:
    """"a 10-year prison sentence", "his three-year term": the length written before a sentence noun."""
    left = ctx.text[noun.left_edge.idx:noun.idx]
    m = _YEAR.search(left)
    if m:
        return f"{m.group(1)} {_plural(m.group(2) + 's', m.group(1))}"
    words = ctx.lex.figures["number_words"]
    m = re.search(r"\b([a-z]+)[- ](year|month)\b", left.lower())
    if m and m.group(1) in words:
        n = str(words[m.group(1)])
        return f"{n} {_plural(m.group(2) + 's', n)}"
    return None


def sentence_text(details: dict[str, str]) -> str | None:
    """The normalised sentence value of a fact: "death", "10 years in prison", "74 lashes"."""
    kind = details.get("sentence")
    if kind == "death":
        return "death"
    if kind == "prison":
        return f"{details['length']} in prison" if "length" in details else "prison"
    if kind == "flogging":
        return details.get("flogging", "flogging")
    return None


def charge_of(ctx: Context, tok: Token, preps: list[str]) -> str | None:
    """The charge named after "charged with", "convicted of", "sentenced ... for" (a noun, not a reason or a
    date); "on" only in "on charges of"."""
    charge_nouns = set(ctx.lex.events["charge_nouns"])
    for p in tok.children:
        if p.dep_ != "prep" or p.lower_ not in preps:
            continue
        o = child(p, "pobj")
        if o is None or o.pos_ not in ("NOUN", "PROPN") or o.tag_ == "VBG" or o.i in ctx.tok_date \
                or o.ent_type_ in ("DATE", "TIME"):
            continue
        if o.lemma_.lower() in charge_nouns or o.lower_ in charge_nouns:
            of = next((c for c in o.children if c.dep_ == "prep" and c.lower_ == "of"), None)
            o = child(of, "pobj") if of is not None else None
            if o is None:
                continue
        elif p.lower_ == "on":
            continue
        quoted = _quoted(ctx, o)
        text = quoted if quoted is not None else clause_text(ctx, o, _CHARGE_CUT)
        if text and len(text.split()) <= 12:
            return text
    return None


def _quoted(ctx: Context, o: Token) -> str | None:
    """The whole quoted words a charge is written in ("“damaging the honour of the police”")."""
    text = ctx.text
    for rx in (re.compile(r"“([^“”\n]+)”"), re.compile(r'"([^"\n]+)"')):
        line_start = text.rfind("\n", 0, o.idx) + 1
        line_end = text.find("\n", o.idx)
        line_end = len(text) if line_end < 0 else line_end
        for m in rx.finditer(text, line_start, line_end):
            if m.start(1) <= o.idx < m.end(1) and len(m.group(1).split()) <= 12:
                return re.sub(r"\s+", " ", m.group(1)).strip(" ,.").lower()
    return None


def reason_of(ctx: Context, heads: list[Token]) -> tuple[str, Token] | None:
    """"for burning a conscription office" -> "burning a conscription office"."""
    for head in heads:
        for p in head.children:
            if p.dep_ == "prep" and p.lower_ in ("for", "over"):
                v = child(p, "pcomp", "pobj")
                if v is not None and v.tag_ == "VBG":
                    text = clause_text(ctx, v)
                    if text:
                        return text, v
                    continue
    return None
