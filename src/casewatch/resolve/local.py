"""Within one report: which person and organisation mentions name one entity.

People. Full names (a given name and a surname) are joined when compatible
(:func:`names.names_compatible`) with every full name already in a group, so
"George W. Bush" and "George H. W. Bush" never meet through "George Bush". A
single word ("Farzampour") then joins the one group whose surname it is. When
several groups share that surname ("Ali Rezaei", "Maryam Rezaei") the word joins
one only if it alone has a mention in the same sentence or the
:data:`SURNAME_CONTEXT_SENTENCES` sentences before (this stands for "the same
or the previous paragraph", since mentions carry sentence numbers, not
paragraphs). Before that, when the report's facts and events are given, the
word goes to the one group its context fits ("Dalirvand, 23, was arrested"
beside the teacher Kurosh Dalirvand, sentenced, and his mother Fereshteh
Dalirvand, who speaks): groups whose age or gender differs from what is said
with the word are passed over, then, when the word is itself the subject of a
case event or is given an age, a role or a charge, the only group that is a
case subject (or that has that role) takes it. Otherwise the word is left as
its own entity. A single word that is no group's surname but is the first
given name of exactly one group joins it (:data:`ATTACH_GIVEN_NAME_ALONE`).
Other single words group by spelling.

Organisations. Mentions join when they share a normalised name or acronym,
when the report pairs them ("the Iran Human Rights Society (IHRS)"), when the
knowledge file says they name one organisation ("Amnesty", "Amnesty
International"), when an unknown acronym is the initials of exactly one name
in the report, or when a one-word reference ("the Society") is the last word of
exactly one name in the report.
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

from ..models import EventMention, FactMention, LocalEntity, Mention, OrgExpansion
from .names import PersonName, canonical, names_compatible, parse_person, same_given, same_surname
from .organisations import (
    initials,
    looks_like_acronym,
    lookup_organisation,
    normalise_acronym,
    normalise_org,
    significant_words,
)

SURNAME_CONTEXT_SENTENCES = 2
"""A surname alone shared by several people goes to the one mentioned in its sentence or this many before."""

ATTACH_GIVEN_NAME_ALONE = True
"""Whether a single word may join the one person whose first given name it is ("Leyla" -> "Leyla Darvish")."""

PERSON, ORG = "PERSON", "ORG"
CASE_EVENT_TYPES = frozenset({"arrest", "detention", "transfer", "charge", "trial", "sentence", "appeal",
                              "execution", "release", "pardon", "commutation", "death_in_custody",
                              "disappearance", "torture", "killing"})
"""Events that make their subject a case: what a surname alone is fitted to (a report's people by context)."""
SINGLE_VALUED = ("age", "gender")
"""Facts a person has one value of: a surname said with another value is not that person."""
DESCRIBING = ("age", "role", "charge", "sentence")
"""Facts that describe the person a surname alone names, as case events do."""
_EMBEDDED = re.compile(r"^(?P<name>.*\S)\s*\((?P<acronym>[^()]+)\)$")
_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)


@dataclass
class _Group:
    label: str
    mentions: list[int] = field(default_factory=list)
    name: str = ""
    acronym: str | None = None


@dataclass(frozen=True)
class _Context:
    """What the report says about each person mention: its facts (field -> values) and its case events."""

    facts: dict[int, dict[str, set[str]]] = field(default_factory=dict)
    case_subjects: frozenset[int] = frozenset()

    @classmethod
    def of(cls, facts: list[FactMention], events: list[EventMention]) -> _Context:
        by: dict[int, dict[str, set[str]]] = {}
        for f in facts:
            if f.modality == "asserted" or f.field in SINGLE_VALUED:
                by.setdefault(f.subject, {}).setdefault(f.field, set()).add(f.value.lower())
        subjects = frozenset(e.subject for e in events if e.subject is not None and e.type in CASE_EVENT_TYPES)
        return cls(by, subjects)


def link_mentions(mentions: list[Mention], expansions: list[OrgExpansion], facts: list[FactMention] | None = None,
                  events: list[EventMention] | None = None) -> list[LocalEntity]:
    """Group one report's PERSON and ORG mentions into local entities.

    Every PERSON and ORG mention belongs to exactly one entity; PLACE and
    FACILITY mentions are left out. Entities are numbered in the order of their
    first mention; ``name`` is the fullest form the report gives. The report's
    ``facts`` and ``events``, when given, tell which of several people sharing
    a surname a surname alone names.
    """
    context = _Context.of(facts or [], events or [])
    groups = _link_people(mentions, context) + _link_organisations(mentions, expansions)
    groups.sort(key=lambda g: min(g.mentions))
    return [LocalEntity(index=k, label=g.label, name=g.name, mentions=tuple(sorted(g.mentions)), acronym=g.acronym,
                        written=_written_forms(g, mentions))
            for k, g in enumerate(groups)]


def _written_forms(group: _Group, mentions: list[Mention]) -> tuple[str, ...]:
    """A person's names as the report writes them with a title or an honorific ("Daw Nwe Ni Aung")."""
    if group.label != PERSON:
        return ()
    forms = (mentions[i].written for i in group.mentions)
    return tuple(dict.fromkeys(f for f in forms if f and f != group.name))


# ---------------------------------------------------------------------------- people

def _link_people(mentions: list[Mention], context: _Context) -> list[_Group]:
    people = [i for i, m in enumerate(mentions) if m.label == PERSON]
    parsed = {i: parse_person(mentions[i].text) for i in people}
    full: list[list[int]] = []
    for i in people:
        p = parsed[i]
        if p is None or not p.full:
            continue
        target = _full_name_group(p, full, parsed)
        if target is None:
            full.append([i])
        else:
            target.append(i)
    alone: list[list[int]] = []
    by_spelling: dict[str, list[int]] = {}
    for i in people:
        p = parsed[i]
        if p is not None and p.full:
            continue
        if p is None:
            alone.append([i])
            continue
        target = _single_word_group(p, i, full, parsed, mentions, context)
        if target is not None:
            target.append(i)
        elif target is None and _shared_surname(p, full, parsed):
            alone.append([i])
        else:
            by_spelling.setdefault(canonical(p.surname), []).append(i)
    clusters = full + alone + list(by_spelling.values())
    return [_Group(PERSON, sorted(c), name=_person_name(c, parsed, mentions)) for c in clusters]


def _full_name_group(p: PersonName, groups: list[list[int]], parsed: dict[int, PersonName | None]) -> list[int] | None:
    """The one group a full name fits (compatible with all its full names), preferring an exact match."""
    fits = [g for g in groups if all(names_compatible(p, parsed[j]) for j in g if parsed[j] is not None)]
    exact = [g for g in fits if any(parsed[j].normalised == p.normalised for j in g if parsed[j] is not None)]
    if len(exact) == 1:
        return exact[0]
    return fits[0] if len(fits) == 1 else None


def _surname_groups(p: PersonName, groups: list[list[int]], parsed: dict[int, PersonName | None]) -> list[list[int]]:
    return [g for g in groups if any(same_surname(p.surname, parsed[j].surname) for j in g if parsed[j] is not None)]


def _shared_surname(p: PersonName, groups: list[list[int]], parsed: dict[int, PersonName | None]) -> bool:
    return len(_surname_groups(p, groups, parsed)) > 1


def _single_word_group(p: PersonName, i: int, groups: list[list[int]], parsed: dict[int, PersonName | None],
                       mentions: list[Mention], context: _Context) -> list[int] | None:
    """The one full-name group a single word stands for, or None (no such group, or several)."""
    sentence = mentions[i].sentence
    by_surname = _surname_groups(p, groups, parsed)
    if len(by_surname) == 1:
        return by_surname[0]
    if len(by_surname) > 1:
        fitted = _fit_by_context(i, by_surname, context)
        if fitted is not None:
            return fitted
        near = [g for g in by_surname
                if any(sentence - SURNAME_CONTEXT_SENTENCES <= mentions[j].sentence <= sentence for j in g)]
        return near[0] if len(near) == 1 else None
    if ATTACH_GIVEN_NAME_ALONE:
        by_given = [g for g in groups
                    if any(parsed[j] is not None and parsed[j].given and same_given(p.surname, parsed[j].given[0])
                           for j in g)]
        if len(by_given) == 1:
            return by_given[0]
    return None


def _fit_by_context(i: int, groups: list[list[int]], context: _Context) -> list[int] | None:
    """The one group sharing a surname that what the report says with mention ``i`` fits (module docstring)."""
    said = context.facts.get(i, {})

    def group_facts(g: list[int], name: str) -> set[str]:
        return {v for j in g for v in context.facts.get(j, {}).get(name, ())}

    fits = [g for g in groups
            if not any(said.get(f) and group_facts(g, f) and not said[f] & group_facts(g, f) for f in SINGLE_VALUED)]
    if len(fits) == 1 and len(groups) > 1:
        return fits[0]
    if not (i in context.case_subjects or any(said.get(f) for f in DESCRIBING)):
        return None
    same_role = [g for g in fits if said.get("role") and said["role"] & group_facts(g, "role")]
    if len(same_role) == 1:
        return same_role[0]
    cases = [g for g in fits if any(j in context.case_subjects for j in g)]
    return cases[0] if len(cases) == 1 else None


def _person_name(group: list[int], parsed: dict[int, PersonName | None], mentions: list[Mention]) -> str:
    """The fullest form: most name words, then one not written all in capitals, then the longest, then the
    first."""
    def rank(i: int) -> tuple[int, bool, int, int]:
        p = parsed[i]
        return (p.words if p else 0, not mentions[i].text.isupper(), len(p.display) if p else len(mentions[i].text),
                -i)
    best = max(group, key=rank)
    p = parsed[best]
    return p.display if p else " ".join(mentions[best].text.split())


# ---------------------------------------------------------------------------- organisations

class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


@dataclass(frozen=True)
class _OrgForm:
    """One organisation mention read: its name words and acronym, either possibly missing."""

    name: str | None
    acronym: str | None


def read_org_mention(text: str) -> _OrgForm:
    """Split an organisation mention into name and acronym ("the Iran Human Rights Society (IHRS)")."""
    t = " ".join(text.split())
    m = _EMBEDDED.match(t)
    if m and looks_like_acronym(m.group("acronym")):
        return _OrgForm(_clean_org_name(m.group("name")), m.group("acronym").strip())
    if looks_like_acronym(t):
        return _OrgForm(None, _ARTICLE.sub("", t))
    return _OrgForm(_clean_org_name(t), None)


def _clean_org_name(name: str) -> str:
    return re.sub(r"['’`´]s?$", "", _ARTICLE.sub("", name.strip())).strip()


def _org_keys(form: _OrgForm) -> list[str]:
    keys = []
    if form.name and normalise_org(form.name):
        keys.append("name:" + normalise_org(form.name))
    if form.acronym and normalise_acronym(form.acronym):
        keys.append("acr:" + normalise_acronym(form.acronym))
    for written in (form.name, form.acronym):
        known = lookup_organisation(written) if written else None
        if known is not None:
            keys.append("known:" + known.name)
    return keys


def _link_organisations(mentions: list[Mention], expansions: list[OrgExpansion]) -> list[_Group]:
    orgs = [i for i, m in enumerate(mentions) if m.label == ORG]
    forms = {i: read_org_mention(mentions[i].text) for i in orgs}
    keys = {i: _org_keys(forms[i]) for i in orgs}
    uf = _UnionFind()
    expansion_of: dict[str, tuple[str, str]] = {}
    for exp in expansions:
        a, n = "acr:" + normalise_acronym(exp.acronym), "name:" + normalise_org(exp.expansion)
        uf.union(a, n)
        expansion_of.setdefault(a, (exp.acronym.strip(), _clean_org_name(exp.expansion)))
        for i in orgs:
            m = mentions[i]
            if m.start < exp.evidence.end and exp.evidence.start < m.end:
                keys[i] += [a, n]
    for i in orgs:
        for k in keys[i][1:]:
            uf.union(keys[i][0], k)
    _link_initials(orgs, forms, keys, uf)
    _link_short_references(orgs, forms, keys, uf)
    members: dict[str, list[int]] = defaultdict(list)
    for i in orgs:
        members[uf.find(keys[i][0]) if keys[i] else f"mention:{i}"].append(i)
    groups = []
    for root, group in members.items():
        given = next((v for k, v in expansion_of.items() if uf.find(k) == root), None)
        acronyms = [forms[i].acronym for i in group if forms[i].acronym]
        acronym = given[0] if given else (acronyms[0] if acronyms else None)
        names = [forms[i].name for i in group if forms[i].name]
        name = (given[1] if given else None) or (max(names, key=len) if names else None) or acronym
        groups.append(_Group(ORG, sorted(group), name=name or " ".join(mentions[group[0]].text.split()),
                             acronym=acronym))
    return groups


def _link_initials(orgs: list[int], forms: dict[int, _OrgForm], keys: dict[int, list[str]], uf: _UnionFind) -> None:
    """An acronym no other way joined goes with the one name in the report whose initials it is."""
    for i in orgs:
        f = forms[i]
        if f.name is not None or f.acronym is None or any(k.startswith("known:") for k in keys[i]):
            continue
        acronym = normalise_acronym(f.acronym)
        roots = {uf.find(keys[j][0]) for j in orgs
                 if forms[j].name and initials(forms[j].name) == acronym and keys[j]}
        if len(roots) == 1:
            uf.union(keys[i][0], roots.pop())


def _link_short_references(orgs: list[int], forms: dict[int, _OrgForm], keys: dict[int, list[str]],
                           uf: _UnionFind) -> None:
    """A one-word reference ("the Society") goes with the one longer name in the report ending in that word."""
    for i in orgs:
        f = forms[i]
        if f.name is None or f.acronym is not None or any(k.startswith("known:") for k in keys[i]):
            continue
        words = significant_words(f.name)
        if len(words) != 1 or len(normalise_org(f.name).split()) != 1:
            continue
        word = next(iter(words))
        roots = {uf.find(keys[j][0]) for j in orgs
                 if j != i and forms[j].name and len(normalise_org(forms[j].name).split()) > 1
                 and normalise_org(forms[j].name).split()[-1] == word}
        if len(roots) == 1:
            uf.union(keys[i][0], roots.pop())
