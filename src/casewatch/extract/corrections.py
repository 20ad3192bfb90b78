"""Rules that fix the small English model's names, kept apart so each can be read and tested alone.

* page furniture and title-case headings tagged as organisations or people
  ("Key Takeaways", "BREAKING NEWS") go;
* photo agencies become organisations, and names inside photo credits go;
* demonyms tagged as names ("Vareshi" beside "Varesh") go;
* a name whose words are elsewhere in the report a person's name is a person
  ("Sorkhani" tagged as a place beside "Navid Sorkhani"), and so is a name written
  with an age ("X, 23,"), a role ("X, a teacher", "lawyer X") or a title ("Senator X");
* a one-word "person" that is elsewhere a place, or sits in "the city of X", is a place;
* a one-word "person" that begins a facility's name ("Gharvan" beside "Gharvan Prison") is that facility;
* acronyms are organisations; streets, squares and provinces are places;
* an organisation named with a plural possessive is one name ("Northern Lawyers' Circle");
* in a title-case heading, a name is cut to the person's name the body gives ("Ellen Varo Jailed" -> "Ellen Varo");
* a "person" that is no name goes: all lower case, only titles or role words ("Prosecutor General"), a lone letter,
  or a word left over once a title was cut that is no name ("Charged");
* a name that qualifies a common noun ("the Varo administration", "a Varo fan") is no mention of that person;
* a "person" ending in or followed by an organisation's word ("... Foundation", "the Navid Club") is not one, and one
  with a place word ("Mount ...") is a place.

The order they run in, and what each serves, is :mod:`.rules`.
"""
from __future__ import annotations

import functools
import re

from .candidates import POSSESSIVES, Cand, is_modifier, name_head, name_key
from .context import Context
from .cues import mention_words
from .names import one_word_people, opens, person_words

_TERMINAL = tuple(".!?\"”:;")
_LETTER = re.compile(r"[^\W\d_]")
_SMALL = frozenset({"a", "an", "the", "of", "for", "and", "or", "in", "on", "at", "to", "by", "with", "over", "from"})


@functools.lru_cache(maxsize=4)
def heading_lines(text: str) -> list[tuple[int, int]]:
    """Lines that look like headings: short, title case, no final punctuation."""
    out = []
    pos = 0
    for line in text.split("\n"):
        s = line.strip()
        if not s or s.endswith(_TERMINAL):
            pos += len(line) + 1
            continue
        words = [w for w in s.split() if _LETTER.search(w)]
        if len(words) <= 12:
            content = [w for w in words if w.lower() not in _SMALL]
            caps = sum(1 for w in content if w[:1].isupper())
            if content and caps / len(content) >= 0.75 and (len(words) >= 2 or s.isupper()):
                out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def _in_lines(offset: int, lines: list[tuple[int, int]]) -> bool:
    return any(a <= offset < b for a, b in lines)


def drop_furniture(ctx: Context, cands: list[Cand]) -> list[Cand]:
    """Headings and page furniture are not names unless the same words name something elsewhere, or hold the
    surname of a person named elsewhere (:func:`cut_headings` cuts those later)."""
    lex, doc = ctx.lex, ctx.tokens
    headings = heading_lines(ctx.text)
    body = [c for c in cands if not _in_lines(doc[c.start].idx, headings)]
    outside = {name_key(ctx, c) for c in body}
    surnames = {doc[c.end - 1].text for c in body if c.label == "PERSON"}
    kept = []
    for c in cands:
        key = name_key(ctx, c)
        words = [w.strip("’'") for w in key.replace("’s", "").replace("'s", "").split()]
        if key in lex.furniture_phrases or (words and all(w in lex.furniture_words for w in words)):
            continue
        if c.label in ("PERSON", "ORG") and c.origin == "ner" and _in_lines(doc[c.start].idx, headings) \
                and key not in outside and not any(doc[i].text in surnames for i in range(c.start, c.end)):
            continue
        kept.append(c)
    return kept


def photo_credits(ctx: Context, cands: list[Cand]) -> list[Cand]:
    """Agencies are organisations; people named in a credit line ("Photo: X/AFP") are not mentions."""
    lex = ctx.lex
    low = ctx.text.lower()
    markers = [m.lower() for m in lex.mentions["credit_markers"] if m.lower() in low]
    credit_sents = {i for i, (a, b) in enumerate(ctx.sentences) if any(m in low[a:b] for m in markers)} \
        if markers else set()
    kept = []
    for c in cands:
        key = name_key(ctx, c)
        if key in lex.photo_agencies:
            c.label = "ORG"
        elif c.label == "PERSON" and ctx.tok_sent[c.start] in credit_sents:
            continue
        kept.append(c)
    return kept


def drop_demonyms(ctx: Context, cands: list[Cand]) -> list[Cand]:
    """One-word names used as adjectives ("Vareshi", "Digital") are not names."""
    doc, lex = ctx.tokens, ctx.lex
    names = {name_key(ctx, c) for c in cands}
    _, known, _ = person_words(ctx, cands)
    endings = lex.mentions["demonym_endings"]
    strong = lex.mentions["demonym_strong_endings"]
    kept = []
    for c in cands:
        if c.end - c.start == 1 and c.label != "FACILITY" and c.origin == "ner":
            tok = doc[c.start]
            low = tok.lower_
            if tok.tag_ == "JJ":
                continue
            if tok.dep_ in ("amod", "compound") and tok.text not in known and (
                    any(low.endswith(e) and low[: -len(e)] in names for e in endings)
                    or (any(low.endswith(e) for e in strong) and tok.head.pos_ == "NOUN"
                        and tok.head.text.islower())):
                continue
        kept.append(c)
    return kept


def cut_headings(ctx: Context, cands: list[Cand]) -> list[Cand]:
    """In a title-case heading, where capitals prove nothing, a name that holds a person's name from the body
    is cut to that name ("Ellen Varo Jailed Again", "Court Jails Maurice Darvish" -> "Maurice Darvish"), taking in the
    given names the body writes with it. A lone word followed by more capitalised words ("Leyla Varo Freed
    On Bail", where the body says only "Leyla") may be a given name: the name is not read there."""
    doc = ctx.tokens
    headings = heading_lines(ctx.text)
    if not headings:
        return cands
    body = [c for c in cands if c.label == "PERSON" and not _in_lines(doc[c.start].idx, headings)]
    surnames = {doc[c.end - 1].text for c in body if doc[c.end - 1].text[:1].isupper()}
    given = {doc[i].text for c in body for i in range(c.start, c.end - 1) if doc[i].text[:1].isupper()}
    covered = {i for c in cands for i in range(c.start, c.end)}
    for c in cands:
        if c.origin in ("facility", "expansion", "acronym", "dateline") or c.label == "FACILITY" \
                or not _in_lines(doc[c.start].idx, headings):
            continue
        ends = [i for i in range(c.start, c.end) if doc[i].text in surnames]
        if not ends:
            continue
        first = ends[-1]
        while first > 0 and doc[first - 1].text in given and doc[first - 1].whitespace_ == " " \
                and (first - 1 >= c.start or first - 1 not in covered):
            first -= 1
        last = ends[-1]
        if first == last and last + 1 < c.end and doc[last + 1].is_alpha and doc[last + 1].text[:1].isupper():
            c.label = "DROP"
            continue
        if (first, last + 1) != (c.start, c.end):
            c.start, c.end, c.cut = first, last + 1, True
        c.label = "PERSON"
    return [c for c in cands if c.label != "DROP"]


_LEFT_OVER_TAGS = frozenset({"PROPN"})
_COMMON_NOUNS = frozenset({"NN", "NNS"})


def drop_non_names(ctx: Context, cands: list[Cand]) -> list[Cand]:
    """"People" that are no names: all lower case, only titles or role words, a lone letter, a word left
    over once a title was cut that is no name ("Charged" from "Man Charged"), a word that starts a sentence
    or sits in a heading and that the report writes in lower case elsewhere ("Unrest spreads ..."), or one
    word at a sentence's start that the tagger reads as a common noun ("Photographs shared online showed")."""
    doc, lex = ctx.tokens, ctx.lex
    _, words, _ = person_words(ctx, cands)
    known = words | one_word_people(ctx, cands)
    headings = heading_tokens(ctx)
    roles = lex.titles | frozenset(lex.mentions["role_only_words"])
    lower = ctx.lower_words
    kept = []
    for c in cands:
        if c.label == "PERSON":
            toks = [doc[i] for i in range(c.start, c.end) if any(ch.isalpha() for ch in doc[i].text)]
            if not toks or not any(t.text[:1].isupper() for t in toks):
                continue
            if all(t.lower_ in roles or t.lower_.rstrip(".") in roles or t.lower_ in lex.role_map for t in toks):
                continue
            if len(toks) == 1 and len(toks[0].text.strip(".")) <= 1:
                continue
            if len(toks) == 1 and c.cut and (toks[0].pos_ not in _LEFT_OVER_TAGS or toks[0].lower_ in lower):
                continue
            if len(toks) == 1 and toks[0].lower_ in lower and toks[0].text not in known and (
                    toks[0].is_sent_start or toks[0].i in headings):
                continue
            if len(toks) == 1 and toks[0].tag_ in _COMMON_NOUNS and toks[0].is_sent_start \
                    and toks[0].text not in words:
                continue
        kept.append(c)
    return kept


def drop_modifiers(ctx: Context, cands: list[Cand]) -> list[Cand]:
    """A "person" that qualifies a noun ("the Varo administration", "a Tarsen man") is no
    mention of a person (see :func:`~.candidates.is_modifier`)."""
    _, words, _ = person_words(ctx, cands)
    known = words | one_word_people(ctx, cands)
    kept = [c for c in cands if c.label != "PERSON" or not (is_modifier(ctx, c, known)
                                                             or _qualifies_person_noun(ctx, c))]
    for c in kept:
        if c.label == "PERSON" and _names_a_place(ctx, c, kept):
            c.label = "PLACE"
    return kept


def _names_a_place(ctx: Context, c: Cand, cands: list[Cand]) -> bool:
    """"the Thukha Yaung monastery", "the Aung Mingalar school": a name right before a noun for a building or
    a community names that place, unless the report names a person so elsewhere."""
    if c.end >= len(ctx.tokens):
        return False
    noun = ctx.tokens[c.end]
    if not (noun.is_lower and noun.lower_ in mention_words("named_place_nouns") and name_head(ctx, c).head.i == c.end):
        return False
    key = name_key(ctx, c)
    return not any(o is not c and o.label == "PERSON" and name_key(ctx, o) == key for o in cands)


def _qualifies_person_noun(ctx: Context, c: Cand) -> bool:
    """"A Tarsen Hill mother", "the Tarsen man": a name before a noun for people says where they are from."""
    if c.end < len(ctx.doc) and ctx.tokens[c.end].lower_ in POSSESSIVES:
        return False
    h = name_head(ctx, c)
    head = h.head
    return h.dep_ in ("compound", "amod", "nmod") and head.i >= c.end and head.pos_ == "NOUN" \
        and (head.lower_ in ctx.lex.kinship or head.lower_ in ctx.lex.person_nouns)


_OPEN_QUOTES = frozenset({'"', "“", "``", "‘", "'"})
_CLOSE_QUOTES = frozenset({'"', "”", "''", "’", "'"})


def drop_odd_people(ctx: Context, cands: list[Cand]) -> list[Cand]:
    """"People" that are not: a work ("his film, Burning Tarsen", "Burning Tarsen, his film", the work noun next to
    the name), one word in quotation marks (a book's or a
    song's title: "Leyla"), a word after a number ("26 Vareshi detainees"), and a person's home town ("Xxx Yyy,
    of Tarsen, ...")."""
    doc, lex = ctx.tokens, ctx.lex
    works = frozenset(lex.mentions["work_nouns"])
    people = {i for c in cands if c.label == "PERSON" for i in range(c.start, c.end)}
    n = len(doc)
    kept = []
    for c in cands:
        if c.label == "PERSON":
            if c.end - c.start == 1 and c.start > 0:
                j = c.end + (1 if c.end < n and doc[c.end].text == "," else 0)
                if doc[c.start - 1].text in _OPEN_QUOTES and j < n and doc[j].text in _CLOSE_QUOTES:
                    continue
                if doc[c.start - 1].like_num and doc[c.start - 1].whitespace_:
                    continue
            h = name_head(ctx, c)
            if (h.dep_ == "appos" and h.head.lemma_.lower() in works and h.head.i < c.start) or any(
                    ch.dep_ == "appos" and ch.lemma_.lower() in works and ch.left_edge.i <= c.end + 1
                    for ch in h.children):
                continue
            if _home_place(ctx, c, people):
                c.label = "PLACE"
        kept.append(c)
    return kept


def _home_place(ctx: Context, c: Cand, people: set[int]) -> bool:
    """"Xxx Yyy, of Tarsen, ...": the name after "of" is where the person named before lives."""
    h = name_head(ctx, c)
    of = h.head
    return h.dep_ == "pobj" and of.lower_ == "of" and of.i > 0 and ctx.tokens[of.i - 1].text == "," \
        and of.head.i in people and not c.start <= of.head.i < c.end


def org_and_place_words(ctx: Context, cands: list[Cand]) -> list[Cand]:
    """A "person" ending in an organisation's word is an organisation ("... Foundation"); one with an
    organisation's word inside or right after it is no person ("the Navid Club"); one with a place word is a place
    ("Mount Tarsen", "Tarsen Glacier")."""
    doc, lex = ctx.tokens, ctx.lex
    orgs = frozenset(lex.mentions["org_name_words"])
    places = frozenset(lex.mentions["place_name_words"])
    n = len(doc)
    kept = []
    for c in cands:
        if c.label == "PERSON":
            words = [doc[i].lower_.rstrip(".") for i in range(c.start, c.end)]
            if any(w in places for w in words):
                c.label = "PLACE"
            elif words[-1] in orgs and len(words) > 1:
                c.label = "ORG"
            elif any(w in orgs for w in words):
                continue
            else:
                j = c.end
                if j < n and doc[j].lower_ in ("'s", "’s"):
                    j += 1
                if j < n and doc[j].text[:1].isupper() and doc[j].lower_.rstrip(".") in orgs \
                        and ctx.tok_sent[j] == ctx.tok_sent[c.start]:
                    continue
        kept.append(c)
    return kept


_APOSTROPHES = frozenset({"'", "’"})


def _capitalised_run(ctx: Context, i: int, step: int) -> int:
    """The last index of the run of capitalised words from token ``i`` going ``step`` (+1 or -1) in one line."""
    doc = ctx.tokens
    j = i
    while 0 <= j + step < len(doc) and doc[j + step].is_alpha and doc[j + step].text[:1].isupper() \
            and ctx.tok_sent[j + step] == ctx.tok_sent[i]:
        j += step
    return j


def join_plural_possessives(ctx: Context, cands: list[Cand]) -> list[Cand]:
    """An organisation named with a plural possessive is one name: "Northern Lawyers' Circle", "Prisoners'
    Defence Committee" (the model tags the parts apart, as an organisation and a "person")."""
    doc = ctx.tokens
    n = len(doc)

    def plural_apostrophe(k: int) -> bool:
        return 0 < k < n - 1 and doc[k].text in _APOSTROPHES and doc[k - 1].text.endswith("s") \
            and doc[k - 1].text[:1].isupper() and doc[k + 1].text[:1].isupper() and doc[k + 1].is_alpha \
            and not doc[k - 1].whitespace_
    joined: list[Cand] = []
    for c in cands:
        if c.label != "ORG":
            continue
        start, end = c.start, c.end
        if plural_apostrophe(end):
            end = _capitalised_run(ctx, end + 1, 1) + 1
        elif start >= 2 and plural_apostrophe(start - 1):
            start = _capitalised_run(ctx, start - 2, -1)
        if (start, end) != (c.start, c.end):
            joined.append(Cand(start, end, "ORG", c.origin))
    if not joined:
        return cands
    names: list[Cand] = []
    for j in sorted(joined, key=lambda j: j.start - j.end):
        if not any(j.start < o.end and o.start < j.end for o in names):
            names.append(j)
    return [c for c in cands if not any(c.start < j.end and j.start < c.end for j in names)] + names


def heading_tokens(ctx: Context) -> frozenset[int]:
    """Indexes of the tokens in title-case headings."""
    out = []
    for a, b in heading_lines(ctx.text):
        span = ctx.doc.char_span(a, b, alignment_mode="expand") if b > a else None
        if span is not None:
            out.extend(range(span.start, span.end))
    return frozenset(out)



def cut_auxiliaries(ctx: Context, cands: list[Cand]) -> list[Cand]:
    """A question opening with an auxiliary ("Will Xxx Yyy be executed?", "Can Xxx Yyy still appeal?") does not
    put the auxiliary in the name the model tags after it: the word is cut when the tagger reads it as an
    auxiliary and the sentence asks, or when the name's verb is in its bare form ("Will Xxx Yyy be ...")."""
    doc = ctx.tokens
    auxiliaries = mention_words("question_auxiliaries")
    for c in cands:
        if c.label != "PERSON" or c.end - c.start < 2 or doc[c.start].lower_ not in auxiliaries \
                or not opens(ctx, c.start):
            continue
        a, b = ctx.sentences[ctx.tok_sent[c.start]]
        if "?" not in ctx.text[a:b]:
            continue
        verb = name_head(ctx, Cand(c.start + 1, c.end, c.label)).head
        if doc[c.start].pos_ == "AUX" or (verb.tag_ == "VB" and verb.i >= c.end):
            c.start, c.cut = c.start + 1, True
            ctx.memo.pop(("head", c.start, c.end), None)
    return cands
