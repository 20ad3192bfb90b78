"""Make a report's names agree: a name whose words are elsewhere a person's is a person, a one-word "person"
that is elsewhere a place is a place, a name the report places ("the city of X", "south of X") is a place
wherever it is written without a person's cue, a one-word name takes the label the report gives it most, untagged names
with clear cues are added, and a surname or full name the model missed is found again."""
from __future__ import annotations

from collections import Counter, defaultdict

from .. import gazetteer
from .candidates import Cand, is_modifier, name_head, name_key, name_words
from .context import Context
from .cues import (
    PLACE_PREPS,
    case_cue,
    conj_place,
    mention_words,
    non_name_words,
    person_cue,
    place_context,
    role_word,
    speaks,
)
from .places import is_region
from .titles import demonym, role_before_name


def person_words(ctx: Context, cands: list[Cand]) -> tuple[set[str], set[str], set[str]]:
    """Full names, all their words and their last words, from person names of two words or more (the dot
    after an initial aside)."""
    full, words, last = set(), set(), set()
    for c in cands:
        if c.label != "PERSON" or c.end - c.start < 2:
            continue
        toks = [ctx.tokens[i] for i in range(c.start, c.end) if ctx.tokens[i].text != "."]
        if len(toks) < 2 or not all(t.text[:1].isupper() and any(ch.isalpha() for ch in t.text) for t in toks):
            continue
        ws = [t.text for t in toks]
        full.add(" ".join(ws))
        words.update(ws)
        last.add(ws[-1])
    return full, words, last


def _who_follows(ctx: Context, c: Cand) -> bool:
    """"X, who ...": a relative clause with "who" is said of a person."""
    doc = ctx.tokens
    j = c.end
    if j < len(doc) and doc[j].text == ",":
        j += 1
    return j < len(doc) and doc[j].lower_ in ("who", "whose") and ctx.tok_sent[j] == ctx.tok_sent[c.start]


def one_word_people(ctx: Context, cands: list[Cand]) -> set[str]:
    """One-word names the report gives as a person's at least twice and more often than anything else, or
    writes with a clear person cue ("X, 34,", "X, who ...")."""
    key = ("one_word_people", tuple((c.start, c.end, c.label, c.title) for c in cands))
    found = ctx.memo.get(key)
    if found is None:
        found = ctx.memo[key] = frozenset(_one_word_people(ctx, cands))
    return set(found)  # type: ignore[arg-type]


def _one_word_people(ctx: Context, cands: list[Cand]) -> set[str]:
    doc = ctx.tokens
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    cued, placed = set(), set()
    for c in cands:
        if c.end - c.start != 1 or not doc[c.start].text[:1].isupper() or not doc[c.start].is_alpha:
            continue
        word = doc[c.start].text
        key = ("one_word", c.start, c.title is not None)
        seen = ctx.memo.get(key)
        if seen is None:
            seen = ctx.memo[key] = ("modifier" if is_modifier(ctx, c) else "placed" if _not_a_persons_place(ctx, c)
                                    else "cued" if _who_follows(ctx, c) or person_cue(ctx, c) else "")
        if seen == "modifier":
            continue
        votes[word][c.label] += 1
        if seen == "placed":
            placed.add(word)
        elif seen == "cued" and c.label != "FACILITY":
            cued.add(word)
    voted = {w for w, v in votes.items() if v["PERSON"] >= 2 and 2 * v["PERSON"] > sum(v.values())}
    return (cued | voted) - placed


def _not_a_persons_place(ctx: Context, c: Cand) -> bool:
    """Where a person's name does not stand: after "the", after "in" or "near", or where a place does."""
    tok = ctx.tokens[c.start]
    if c.start > 0 and ctx.tokens[c.start - 1].lower_ == "the":
        return True
    return (tok.dep_ == "pobj" and tok.head.lower_ in PLACE_PREPS) or place_context(ctx, c)


def people_and_places(ctx: Context, cands: list[Cand], acronyms: set[str]) -> list[Cand]:
    """Make labels agree across the report (see the module docstring)."""
    doc, lex = ctx.tokens, ctx.lex
    placed: set[str] = set()
    for _ in range(3):
        changed = False
        full, words, last = person_words(ctx, cands)
        singles = one_word_people(ctx, cands)
        person_names = {name_key(ctx, c): name_words(ctx, c) for c in cands if c.label == "PERSON"}
        place_keys = {name_key(ctx, c) for c in cands if c.label == "PLACE"}
        place_toks = {i for c in cands if c.label == "PLACE" for i in range(c.start, c.end)}
        fac_firsts = {doc[c.start].text for c in cands if c.label == "FACILITY" and c.end - c.start == 2}
        name_parts = {doc[i].text for c in cands if c.label in ("ORG", "FACILITY") and c.end - c.start >= 2
                      for i in range(c.start, c.end) if doc[i].text[:1].isupper()} - words
        for c in cands:
            ws = name_words(ctx, c)
            text = " ".join(ws)
            if c.origin in ("facility", "expansion", "acronym", "dateline") or c.label == "FACILITY":
                continue
            if text in acronyms and c.label != "ORG":
                c.label, changed = "ORG", True
                continue
            if c.label in ("ORG", "PLACE"):
                if place_context(ctx, c) or text in placed:
                    if c.label == "ORG":
                        c.label, changed = "PLACE", True
                    continue
                names_it = text in full or (len(ws) == 1 and (ws[0] in words or ws[0] in singles)) or (
                    len(ws) >= 2 and ws[-1] in last and all(doc[i].text[:1].isupper() for i in range(c.start, c.end)))
                if not names_it and 2 <= len(ws) <= 3 and ws[-1] in singles:
                    names_it = _ends_in_name(ctx, c, place_keys)
                if names_it and is_modifier(ctx, c, words | singles):
                    continue
                cue = person_cue(ctx, c) or ((_who_follows(ctx, c) or (len(ws) >= 2 and case_cue(ctx, c)))
                                             and _ends_in_name(ctx, c, place_keys)) or _role_led(ctx, c, place_keys)
                if names_it or (cue and not any(w.lower() in lex.group_words for w in ws)):
                    c.label, changed = "PERSON", True
                elif c.label == "ORG" and _org_is_place(ctx, c, place_keys, place_toks):
                    c.label, changed = "PLACE", True
                continue
            if len(ws) == 1 and ws[0] not in words and ws[0] not in singles and not person_cue(ctx, c):
                label = _lone_person_label(ctx, c, place_keys, place_toks, fac_firsts, last)
                if label == "PERSON" and ws[0] in name_parts:
                    label = "PLACE"
                if label != "PERSON":
                    c.label, changed = label, True
            elif (place_context(ctx, c) or direction_of(ctx, c)) \
                    and not any(w in other for key, other in person_names.items() if key != text.lower() for w in ws):
                c.label, changed = "PLACE", True
                placed.add(text)
        for c in cands:
            if c.label == "PERSON" and c.end - c.start >= 2 and " ".join(name_words(ctx, c)) in placed \
                    and not person_cue(ctx, c):
                c.label, changed = "PLACE", True
        merged = merge_adjacent_people(ctx, cands)
        changed = changed or len(merged) != len(cands)
        cands = merged
        cands = [c for c in cands if c.label != "DROP"]
        if not changed:
            break
    return cands


def _ends_in_name(ctx: Context, c: Cand, place_keys: set[str]) -> bool:
    """Whether a short organisation or place ends in a person's one-word name and reads as a full name: words
    in title case that are no group, place or organisation words and no place of the report ("Mo Darvish")."""
    doc, lex = ctx.tokens, ctx.lex
    banned = lex.group_words | lex.state_words | lex.media_words | frozenset(lex.mentions["org_name_words"]) \
        | frozenset(lex.mentions["place_name_words"]) | lex.place_heads | lex.place_nouns
    toks = [doc[i] for i in range(c.start, c.end)]
    if not all(t.is_title and t.is_alpha and t.lower_ not in banned for t in toks):
        return False
    if c.start > 0 and doc[c.start - 1].lower_ in ("the", "a", "an"):
        return False
    return not any(" ".join(t.lower_ for t in toks[:k]) in place_keys for k in range(1, len(toks)))


def _role_led(ctx: Context, c: Cand, place_keys: set[str]) -> bool:
    """"Lawyer X Y" tagged as an organisation: a role noun in title case before a name of two or three words
    that reads as one (:func:`_ends_in_name`) and begins with a given name the gazetteer holds."""
    if not role_before_name(ctx, c.start, c.end) or c.end - c.start > 4:
        return False
    rest = Cand(c.start + 1, c.end, c.label, c.origin)
    return gazetteer.is_given_name(ctx.tokens[c.start + 1].text) and _ends_in_name(ctx, rest, place_keys)


def agree_labels(ctx: Context, cands: list[Cand]) -> list[Cand]:
    """A one-word "person" the report tags more often as a place or an organisation takes that label, unless
    it is a person's name in the report."""
    doc = ctx.tokens
    _, words, _ = person_words(ctx, cands)
    singles = one_word_people(ctx, cands)
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    for c in cands:
        if c.end - c.start == 1 and c.origin == "ner":
            votes[doc[c.start].text][c.label] += 1
    out = []
    for c in cands:
        word = doc[c.start].text
        if c.label == "PERSON" and c.end - c.start == 1 and word not in words and word not in singles \
                and c.origin == "ner":
            label, n = max(((k, v) for k, v in votes[word].items() if k != "PERSON"), key=lambda kv: kv[1],
                           default=(None, 0))
            if label is not None and n > votes[word]["PERSON"]:
                c.label = label
        out.append(c)
    return out


_NICKNAME_QUOTES = {"'": "'", '"': '"', "“": "”", "‘": "’", "``": "''", "(": ")"}


def _nickname_end(ctx: Context, e: int) -> int | None:
    """The token after a nickname written in quotes or brackets at ``e`` ("'Kaka'", "(Lili)"), if any."""
    doc = ctx.tokens
    close = _NICKNAME_QUOTES.get(doc[e].text) if e < len(doc) else None
    if close is None:
        return None
    for k in range(e + 1, min(e + 5, len(doc))):
        if doc[k].text == close and k > e + 1:
            return k + 1
        if not (doc[k].is_alpha and doc[k].text[:1].isupper()):
            return None
    return None


def join_nicknames(ctx: Context, cands: list[Cand]) -> list[Cand]:
    """A name cut at a nickname written in quotes or brackets inside it ("Omid 'Kaka' Farrokhan", "Leyla
    (Lili) Darvish") is one person's name."""
    doc = ctx.tokens
    n = len(doc)
    by_start = {c.start: c for c in cands}
    gone: set[int] = set()
    for c in sorted(cands, key=lambda c: c.start):
        if id(c) in gone or c.label != "PERSON":
            continue
        while True:
            e = c.end
            if not (doc[e - 1].whitespace_ == " " and (nxt_at := _nickname_end(ctx, e)) is not None):
                break
            if not (nxt_at < n and doc[nxt_at].is_title and doc[nxt_at].is_alpha and doc[nxt_at - 1].whitespace_ == " "
                    and doc[nxt_at].ent_type_ in ("", "PERSON") and "\n" not in ctx.text[doc[e].idx:doc[nxt_at].idx]):
                break
            nxt = by_start.get(nxt_at)
            if nxt is not None and id(nxt) not in gone and nxt.label != "FACILITY":
                end = nxt.end
            elif nxt is None and not any(x.start <= nxt_at < x.end for x in cands):
                end = nxt_at + 1
            else:
                break
            for x in cands:
                if x is not c and c.end <= x.start < end:
                    gone.add(id(x))
            c.end = end
    return [c for c in cands if id(c) not in gone]


def _org_is_place(ctx: Context, c: Cand, place_keys: set[str], place_toks: set[int]) -> bool:
    """An "organisation" that is a place: same words tagged as a place elsewhere, "in X", "the X teacher"."""
    doc, lex = ctx.tokens, ctx.lex
    if place_context(ctx, c) or conj_place(ctx, c, place_toks):
        return True
    if c.end - c.start != 1:
        return False
    tok = doc[c.start]
    low = tok.lower_
    if tok.text.isupper() or any(w in low for w in lex.media_words) or low in lex.group_words:
        return False
    if low in place_keys:
        return True
    if tok.dep_ == "pobj" and tok.head.lower_ in PLACE_PREPS:
        return True
    return tok.dep_ == "compound" and tok.head.pos_ == "NOUN" and role_word(tok.head, lex)


def _lone_person_label(ctx: Context, c: Cand, place_keys: set[str], place_toks: set[int], fac_firsts: set[str],
                       last: set[str]) -> str:
    """What a one-word "person" that is nobody's name in the report really is."""
    doc, lex = ctx.tokens, ctx.lex
    tok = doc[c.start]
    low = tok.lower_
    if low in place_keys or place_context(ctx, c) or conj_place(ctx, c, place_toks):
        return "PLACE"
    if tok.text in fac_firsts:
        return "FACILITY"
    if c.start > 0 and doc[c.start - 1].lower_ == "the":
        return "ORG" if any(w in low for w in lex.media_words) else "DROP"
    if tok.dep_ == "poss" and tok.head.lemma_.lower() in lex.state_words:
        return "PLACE"
    if tok.dep_ == "pobj" and tok.head.lower_ in PLACE_PREPS and tok.text not in last:
        return "PLACE"
    return "PLACE" if direction_of(ctx, c) else "PERSON"


def direction_of(ctx: Context, c: Cand) -> bool:
    """"60 km south-west of X", "north of X": X is a place."""
    h = name_head(ctx, c)
    return h.dep_ == "pobj" and h.head.lower_ == "of" and h.head.head.lower_ in ctx.lex.mentions["direction_words"]


def extend_people(ctx: Context, cands: list[Cand], headings: frozenset[int] = frozenset()) -> list[Cand]:
    """A person's name takes in the untagged name word it is compounded with ("Fariborz" + "Nadimi"); in a
    title-case heading (token indexes ``headings``) only a word the body writes in a person's name. A word the
    tagger reads otherwise before a name it compounds ("Tun" + "Tun Zayar") is taken in like a proper noun when
    the gazetteer holds it as a name, and
    so is a surname the model tags as a nationality right after a given name ("Maryam" + "Ostovarian", the
    word no nationality of a known country)."""
    doc = ctx.tokens
    covered = set()
    for c in cands:
        covered.update(range(c.start, c.end))
    known = {doc[i].text for c in cands if c.label == "PERSON" and c.start not in headings
             for i in range(c.start, c.end)}

    roles = ctx.lex.titles | ctx.lex.role_map.keys() | frozenset(ctx.lex.mentions["role_only_words"]) \
        | frozenset(ctx.lex.mentions["nationality_nouns"])
    lower = ctx.lower_words
    banned = non_name_words()
    norp = {e.text for e in ctx.doc.ents if e.label_ == "NORP"}
    groups = {doc[c.end - 1].text for c in cands if c.label == "ORG" and (
        c.end - c.start > 1 or doc[c.start].is_upper or doc[c.start].tag_ == "NNPS"
        or doc[c.start].lower_ in ctx.lex.group_words)}

    def name_word(i: int, surname: bool = False) -> bool:
        """Whether an untagged word may be part of a name: no word the report writes in lower case, no group's
        name ("Basij"; a lone capitalised word in the singular tagged as an organisation elsewhere is more often
        a surname), no nationality unless ``surname`` and it names no known country's people, and in a heading
        only a word the body gives a person."""
        w = doc[i].text
        if doc[i].lower_ in lower or w in groups:
            return False
        if w in norp and not (surname and doc[i].tag_ == "NNP" and not demonym(w)):
            return False
        return i not in headings or w in known

    def before(i: int, c: Cand) -> bool:
        t = doc[i]
        if not (t.is_title and t.is_alpha and t.whitespace_ == " " and c.start <= t.head.i < c.end):
            return False
        return t.pos_ == "PROPN" or (t.dep_ == "compound" and t.is_alpha and t.lower_ not in banned
                                     and gazetteer.is_name(t.text))

    hon = ctx.lex.mentions["honorifics"]
    demands = mention_words("demand_verbs")
    for c in cands:
        if c.label != "PERSON":
            continue
        honorifics = frozenset(hon["before_any"]) | (frozenset(hon["before_long"]) if c.end - c.start >= 2
                                                      else frozenset())
        while c.start > 0 and c.start - 1 not in covered and before(c.start - 1, c) \
                and doc[c.start - 1].lower_ not in roles \
                and doc[c.start - 1].lower_ not in honorifics and name_word(c.start - 1) \
                and not (doc[c.start - 1].lower_ in demands and opens(ctx, c.start - 1)):
            c.start -= 1
            covered.add(c.start)
        while c.end < len(doc) and c.end not in covered and doc[c.end].pos_ == "PROPN" \
                and doc[c.end].text[:1].isupper() and doc[c.end - 1].head.i == c.end \
                and doc[c.end - 1].whitespace_ == " " and name_word(c.end, surname=True):
            covered.add(c.end)
            c.end += 1
    return cands


def join_initials(ctx: Context, cands: list[Cand]) -> list[Cand]:
    """A name cut at a middle initial's full stop ("James R" + "." + "Dabney", the stop written apart or read as
    a sentence's end) is one name: the person's name takes in the stop and the surname after it, tagged as a
    person or not tagged at all, on the same line."""
    doc, n = ctx.tokens, len(ctx.tokens)
    by_start = {c.start: c for c in cands}
    covered = {k for c in cands for k in range(c.start, c.end)}
    gone: set[int] = set()
    for c in sorted(cands, key=lambda c: c.start):
        if c.label != "PERSON" or id(c) in gone or c.end - c.start < 2 or c.end + 1 >= n:
            continue
        last, stop, nxt = doc[c.end - 1], doc[c.end], doc[c.end + 1]
        if not (len(last.text) == 1 and last.is_upper and stop.text == "." and nxt.text[:1].isupper() and nxt.is_alpha
                and "\n" not in ctx.text[last.idx:nxt.idx]):
            continue
        after = by_start.get(c.end + 1)
        if after is not None and after.label == "PERSON":
            gone.add(id(after))
            c.end = after.end
        elif c.end + 1 not in covered and nxt.pos_ == "PROPN":
            c.end += 2
    return [c for c in cands if id(c) not in gone]


def merge_adjacent_people(ctx: Context, cands: list[Cand]) -> list[Cand]:
    """"Fariborz" + "Nadimi" tagged apart, side by side, are one name."""
    cands = sorted(cands, key=lambda c: c.start)
    out: list[Cand] = []
    for c in cands:
        prev = out[-1] if out else None
        if prev is not None and prev.label == c.label == "PERSON" and prev.end == c.start \
                and ctx.tokens[prev.end - 1].whitespace_ == " ":
            out[-1] = Cand(prev.start, c.end, "PERSON", prev.origin, prev.title)
            continue
        out.append(c)
    return out


def untagged_people(ctx: Context, cands: list[Cand]) -> list[Cand]:
    """Untagged runs of two to four capitalised name words, none of them a group's, a place's or a title's word,
    written with an age, a role or a case ("Xxx Yyy, 24,
    ...", "Xxx Yyy, a teacher, ...", "charged volunteer Xxx Yyy", "Xxx Yyy was found dead") are people; a title or
    honorific before them is kept out ("U Sandima, a monk"). A name word the tagger reads as a verb or a common
    noun inside a name it compounds (names of Myanmar whose words are also common words) is part of the run
    when the gazetteer holds it as a name."""
    doc = ctx.tokens
    covered = set()
    for c in cands:
        covered.update(range(c.start, c.end))
    out = list(cands)
    lead = ctx.lex.titles | frozenset(ctx.lex.mentions["honorifics"]["before_any"])
    banned = non_name_words()
    i, n = 0, len(doc)
    while i < n:
        if i in covered or not doc[i].is_title:
            i += 1
            continue
        j = _name_run(ctx, i, covered)
        start, title = i, None
        if j - i >= 2 and (doc[i].lower_.rstrip(".") in lead or doc[i].lower_ in lead):
            start, title = i + 1, doc[i].lower_
        while j - start >= 3 and ctx.lowers[start] in banned:
            start += 1
        if (2 <= j - start <= 4 or (title is not None and j - start == 1)) \
                and not any(ctx.lowers[k] in banned for k in range(start, j)):
            c = Cand(start, j, "PERSON", "cue", title)
            if case_cue(ctx, c) or speaks(ctx, c) or _given_name_first(ctx, c):
                out.append(c)
        i = max(j, i + 1)
    return out


def _given_name_first(ctx: Context, c: Cand) -> bool:
    """Two or three proper nouns in title case, none plural (a team's name), that begin with a given name of clear
    gender and stand where a person does in the clause (its subject, object or possessor): "Wladislaw
    Korvenko stopped ..."."""
    doc = ctx.tokens
    if not 2 <= c.end - c.start <= 3 or any(not doc[k].is_title or doc[k].pos_ != "PROPN" or doc[k].tag_ == "NNPS"
                                             for k in range(c.start, c.end)):
        return False
    if gazetteer.gender(doc[c.start].text) is None:
        return False
    return name_head(ctx, c).dep_ in ("nsubj", "nsubjpass", "dobj", "poss", "appos")


def _name_run(ctx: Context, i: int, covered: set[int]) -> int:
    """The end of the run of untagged capitalised name words from token ``i`` (``i`` when there is none): proper
    nouns, and title-case words of other tags that compound a proper noun after them in the run, that the
    report never writes in lower case and that the gazetteer holds as names; the run ends on a proper noun,
    within one sentence."""
    doc, n = ctx.tokens, len(ctx.tokens)
    lower, banned = ctx.lower_words, non_name_words()
    j = i
    while j < n and j not in covered and doc[j].is_title and doc[j].is_alpha and ctx.tok_sent[j] == ctx.tok_sent[i] \
            and (doc[j].pos_ == "PROPN" or (doc[j].dep_ == "compound" and doc[j].head.i > j
                                             and doc[j].lower_ not in lower and doc[j].lower_ not in banned
                                             and gazetteer.is_name(doc[j].text))):
        j += 1
    while j > i and doc[j - 1].pos_ != "PROPN":
        j -= 1
    if any(doc[k].pos_ != "PROPN" and not doc[k].head.i < j for k in range(i, j)):
        return i
    return j


_DEMAND_OPENERS = frozenset({"'", '"', "“", "‘", ":", ";", ",", "!", "(", "—", "–", "-", "and", "«"})
_DEMAND_CLOSERS = frozenset({"!", ".", ",", ";", ":", "'", '"', "”", "’", ")", "»", "now", "immediately", "and",
                             "at", "unconditionally", "today"})


def demanded_people(ctx: Context, cands: list[Cand]) -> list[Cand]:
    """Names after an imperative of release in a slogan or a list of demands ("'Free Xxx Yyy!'", "our demands:
    free Xxx Yyy, stop ...", "Release Xxx Yyy now"): two to four capitalised words, no group, place, title or
    organisation word among them nor a word the report writes in lower case, one of them a name the gazetteer
    holds unless the slogan is exclaimed, and no country. The verb is kept out of the name; a name the model
    tagged with it is cut."""
    doc, n = ctx.tokens, len(ctx.tokens)
    verbs = mention_words("demand_verbs")
    lower, banned = ctx.lower_words, non_name_words()
    by_start = {c.start: c for c in cands}
    covered = {k for c in cands for k in range(c.start, c.end)}
    out = list(cands)
    for i in range(n - 2):
        if doc[i].lower_ not in verbs or not opens(ctx, i):
            continue
        j = i + 1
        while j < n and j - i <= 5 and doc[j].is_title and doc[j].is_alpha and ctx.tok_sent[j] == ctx.tok_sent[i]:
            j += 1
        words = doc[i + 1:j]
        if not 2 <= len(words) <= 4 or (j < n and doc[j].lower_ not in _DEMAND_CLOSERS):
            continue
        exclaimed = j < n and doc[j].text == "!"
        if any(t.lower_ in banned or t.lower_ in lower for t in words) or is_region(" ".join(t.text for t in words)) \
                or not (exclaimed or any(gazetteer.is_name(t.text) for t in words)):
            continue
        tagged = by_start.get(i) if i in covered else by_start.get(i + 1)
        if tagged is not None and tagged.end == j and tagged.label != "FACILITY":
            tagged.start, tagged.label, tagged.cut = i + 1, "PERSON", tagged.start == i or tagged.cut
        elif not any(k in covered for k in range(i, j)):
            out.append(Cand(i + 1, j, "PERSON", "cue"))
    return out


def opens(ctx: Context, i: int) -> bool:
    """Whether token ``i`` opens a sentence, a quotation or an item of a list."""
    if i == ctx.sent_tokens[ctx.tok_sent[i]][0] if ctx.sent_tokens else i == 0:
        return True
    return i > 0 and (ctx.tokens[i - 1].lower_ in _DEMAND_OPENERS or "\n" in ctx.tokens[i - 1].text)


def untagged_orgs(ctx: Context, cands: list[Cand]) -> list[Cand]:
    """Untagged runs of capitalised words ending in a group word ("Kelvar Rights Network", "Free Voices Watch")
    are organisations."""
    doc, lex = ctx.tokens, ctx.lex
    covered = set()
    for c in cands:
        covered.update(range(c.start, c.end))
    out = list(cands)
    i, n = 0, len(doc)
    while i < n:
        j = i
        while j < n and j not in covered and (doc[j].is_title or doc[j].is_upper) and doc[j].is_alpha and (
                j > i or not doc[j].is_sent_start or doc[j].pos_ == "PROPN"):
            j += 1
        if j - i >= 2 and doc[j - 1].lower_ in lex.group_like and doc[i].lower_ not in lex.determiners:
            out.append(Cand(i, j, "ORG", "pattern"))
        i = max(j, i + 1)
    return out


def missing(ctx: Context, cands: list[Cand], acronyms: set[str]) -> list[Cand]:
    """Names the model did not tag: a person's surname or full name, a known acronym."""
    doc = ctx.tokens
    texts = [t.text for t in ctx.tokens]
    covered = [False] * len(doc)
    for c in cands:
        for i in range(c.start, c.end):
            covered[i] = True
    full, _, last = person_words(ctx, cands)
    last = last | {w for w in one_word_people(ctx, cands)
                   if any(c.label == "PERSON" and ctx.tokens[c.start].text == w for c in cands)}
    by_first: dict[str, list[list[str]]] = {}
    for f in sorted(full, key=lambda f: -len(f.split())):
        seq = f.split()
        by_first.setdefault(seq[0], []).append(seq)
    wanted = last | set(by_first) | acronyms
    hon = ctx.lex.mentions["honorifics"]
    honorifics = frozenset(hon["before_any"]) | frozenset(hon["before_long"])
    out: list[Cand] = []
    i, n = 0, len(doc)
    while i < n:
        if covered[i] or texts[i] not in wanted:
            i += 1
            continue
        if doc[i].lower_ in honorifics and i + 1 < n and covered[i + 1]:
            i += 1
            continue
        match = 0
        for seq in by_first.get(texts[i], ()):
            k = len(seq)
            if i + k <= n and texts[i:i + k] == seq and not any(covered[i:i + k]):
                match = k
                break
        if match:
            out.append(Cand(i, i + match, "PERSON", "added"))
            i += match
            continue
        if texts[i] in last or (texts[i] in by_first and doc[i].pos_ == "PROPN"):
            out.append(Cand(i, i + 1, "PERSON", "added"))
        elif texts[i] in acronyms:
            out.append(Cand(i, i + 1, "ORG", "added"))
        i += 1
    return out


def split_conjoined_people(ctx: Context, cands: list[Cand]) -> list[Cand]:
    """Two people the model tags as one name ("Omid Varo and Behnam Ostovar", "Varo and Ostovar") are two people
    when each side is one or two capitalised words, one side names a person of the report or the gazetteer, and
    neither holds a group's, a state body's or an organisation's word or a word the report writes in lower
    case ("Palmer Fire and Rescue" stays one)."""
    doc, lex = ctx.tokens, ctx.lex
    _, words, _ = person_words(ctx, cands)
    known = words | one_word_people(ctx, cands) | {doc[i].text for c in cands if c.label == "PERSON"
                                                   for i in range(c.start, c.end)}
    banned = lex.group_words | lex.state_words | lex.media_words | frozenset(lex.mentions["org_name_words"])
    lower = ctx.lower_words
    out: list[Cand] = []
    for c in cands:
        toks = doc[c.start:c.end]
        ands = [t.i for t in toks if t.lower_ == "and"]
        if c.label not in ("PERSON", "ORG") or c.origin != "ner" or len(ands) != 1:
            out.append(c)
            continue
        k = ands[0]
        sides = [(c.start, k), (k + 1, c.end)]
        ok = all(1 <= e - s <= 2 and all(doc[i].is_alpha and doc[i].is_title and doc[i].lower_ not in banned
                                         and doc[i].lower_ not in lower for i in range(s, e)) for s, e in sides)
        named = any(any(doc[i].text in known or gazetteer.is_surname(doc[i].text) for i in range(s, e))
                    for s, e in sides)
        if ok and named:
            out.extend(Cand(s, e, "PERSON", "split") for s, e in sides)
        else:
            out.append(c)
    return out
