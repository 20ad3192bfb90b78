"""Make a report's names agree: a name whose words are elsewhere a person's is a person, a one-word "person"
that is elsewhere a place is a place, untagged names with clear cues are added, and a surname or full name
the model missed is found again."""
from __future__ import annotations

from .candidates import Cand, name_key, name_words
from .context import Context
from .cues import PLACE_PREPS, conj_place, person_cue, place_context, role_word, speaks


def person_words(ctx: Context, cands: list[Cand]) -> tuple[set[str], set[str], set[str]]:
    """Full names, all their words and their last words, from person names of two words or more."""
    full, words, last = set(), set(), set()
    for c in cands:
        if c.label != "PERSON" or c.end - c.start < 2:
            continue
        toks = [ctx.doc[i] for i in range(c.start, c.end)]
        if not all(t.text[:1].isupper() and any(ch.isalpha() for ch in t.text) for t in toks):
            continue
        ws = [t.text for t in toks]
        full.add(" ".join(ws))
        words.update(ws)
        last.add(ws[-1])
    return full, words, last


def people_and_places(ctx: Context, cands: list[Cand], acronyms: set[str]) -> list[Cand]:
    """Make labels agree across the report (see the module docstring)."""
    doc, lex = ctx.doc, ctx.lex
    for _ in range(3):
        changed = False
        full, words, last = person_words(ctx, cands)
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
                if place_context(ctx, c):
                    if c.label == "ORG":
                        c.label, changed = "PLACE", True
                    continue
                names_it = text in full or (len(ws) == 1 and ws[0] in words) or (
                    len(ws) >= 2 and ws[-1] in last and all(doc[i].text[:1].isupper() for i in range(c.start, c.end)))
                if names_it or (person_cue(ctx, c) and not any(w.lower() in lex.group_words for w in ws)):
                    c.label, changed = "PERSON", True
                elif c.label == "ORG" and _org_is_place(ctx, c, place_keys, place_toks):
                    c.label, changed = "PLACE", True
                continue
            if len(ws) == 1 and ws[0] not in words and not person_cue(ctx, c):
                label = _lone_person_label(ctx, c, place_keys, place_toks, fac_firsts, last)
                if label == "PERSON" and ws[0] in name_parts:
                    label = "PLACE"
                if label != "PERSON":
                    c.label, changed = label, True
            elif place_context(ctx, c) and not any(w in words for w in ws):
                c.label, changed = "PLACE", True
        merged = _merge_adjacent_people(ctx, cands)
        changed = changed or len(merged) != len(cands)
        cands = merged
        cands = [c for c in cands if c.label != "DROP"]
        if not changed:
            break
    return cands


def _org_is_place(ctx: Context, c: Cand, place_keys: set[str], place_toks: set[int]) -> bool:
    """An "organisation" that is a place: same words tagged as a place elsewhere, "in X", "the X teacher"."""
    doc, lex = ctx.doc, ctx.lex
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
    doc, lex = ctx.doc, ctx.lex
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
    return "PERSON"


def extend_people(ctx: Context, cands: list[Cand]) -> list[Cand]:
    """A person's name takes in the untagged name word it is compounded with ("Fariborz" + "Nadimi")."""
    doc = ctx.doc
    covered = set()
    for c in cands:
        covered.update(range(c.start, c.end))
    for c in cands:
        if c.label != "PERSON":
            continue
        while c.start > 0 and c.start - 1 not in covered and doc[c.start - 1].pos_ == "PROPN" \
                and doc[c.start - 1].is_title and doc[c.start - 1].head.i in range(c.start, c.end) \
                and doc[c.start - 1].whitespace_ == " " and doc[c.start - 1].lower_ not in ctx.lex.titles:
            c.start -= 1
            covered.add(c.start)
        while c.end < len(doc) and c.end not in covered and doc[c.end].pos_ == "PROPN" \
                and doc[c.end].text[:1].isupper() and doc[c.end - 1].head.i == c.end \
                and doc[c.end - 1].whitespace_ == " ":
            covered.add(c.end)
            c.end += 1
    return cands


def _merge_adjacent_people(ctx: Context, cands: list[Cand]) -> list[Cand]:
    """"Fariborz" + "Nadimi" tagged apart, side by side, are one name."""
    cands = sorted(cands, key=lambda c: c.start)
    out: list[Cand] = []
    for c in cands:
        prev = out[-1] if out else None
        if prev is not None and prev.label == c.label == "PERSON" and prev.end == c.start \
                and ctx.doc[prev.end - 1].whitespace_ == " ":
            out[-1] = Cand(prev.start, c.end, "PERSON", prev.origin, prev.title)
            continue
        out.append(c)
    return out


def untagged_people(ctx: Context, cands: list[Cand]) -> list[Cand]:
    """Untagged runs of two to four capitalised name words written with an age or a role ("Xxx Yyy, 24, ...",
    "Xxx Yyy, a teacher, ...") are people."""
    doc = ctx.doc
    covered = set()
    for c in cands:
        covered.update(range(c.start, c.end))
    out = list(cands)
    i, n = 0, len(doc)
    while i < n:
        j = i
        while j < n and j not in covered and doc[j].pos_ == "PROPN" and doc[j].is_title and doc[j].is_alpha:
            j += 1
        if 2 <= j - i <= 4:
            c = Cand(i, j, "PERSON", "cue")
            if person_cue(ctx, c) or speaks(ctx, c):
                out.append(c)
        i = max(j, i + 1)
    return out


def untagged_orgs(ctx: Context, cands: list[Cand]) -> list[Cand]:
    """Untagged runs of capitalised words ending in a group word ("Kelvar Rights Network", "Free Voices Watch")
    are organisations."""
    doc, lex = ctx.doc, ctx.lex
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
    doc = ctx.doc
    texts = [t.text for t in doc]
    covered = [False] * len(doc)
    for c in cands:
        for i in range(c.start, c.end):
            covered[i] = True
    full, _, last = person_words(ctx, cands)
    by_first: dict[str, list[list[str]]] = {}
    for f in sorted(full, key=lambda f: -len(f.split())):
        seq = f.split()
        by_first.setdefault(seq[0], []).append(seq)
    wanted = last | set(by_first) | acronyms
    out: list[Cand] = []
    i, n = 0, len(doc)
    while i < n:
        if covered[i] or texts[i] not in wanted:
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
