"""Outlets, primary sources and independent sources.

Each supporting statement has an *origin*:

* **named**: the report attributes it to a named source ("according to IHRS",
  "the judiciary said"). The source is the global entity the naming mention
  resolves to (its canonical name), else the attributing words.
* **generic**: the report attributes it to an unnamed source ("a human rights
  group", "rights groups", "activists"), or to words that describe rather than
  name and resolve to no entity ("the group", "his cousin", "a judiciary
  spokesman"). When the case's reports name exactly one source of that kind
  (organisation for a rights group or an unknown kind), the generic source *is*
  that source and the origin is named; failing that, when the report itself
  names exactly one source of that kind, it is that one. Otherwise it is an
  unknown source of that kind. The case's named sources are taken from the
  closest tier that has any: the attributions of the reports' statements about
  the subject, then attributions in sentences naming the subject, then all
  attributions of the case's reports.
* **relay**: the report states it in its own voice but cites primary sources
  elsewhere in its text for this case. It relays those sources. A report's
  citations for a case are, first, the attributions of its own statements about
  the subject (denials aside: a denial's source is not what the report relays);
  failing those, the attributions in sentences that name the
  subject; failing those, every rights group, wire service or unknown-kind
  source the report cites.
* **own**: the report states it in its own voice and cites no one: the outlet's
  own reporting.

Counting independent sources for one fact or event:

1. Reports are gathered into *clusters*: those sharing a syndication group or
   an outlet are one. A cluster's own reporting is dropped when the same
   cluster also gives the statement an attribution or a relay (the copies that
   lost the attribution relay the same source).
2. Every distinct named source counts once, however many outlets relay it.
   Sources the reports confuse (one acronym, two expansions, see
   ``organisations.py``) count as one.
3. A relay counts once unless it relays a source already counted; a relay of
   several cited sources counts at most once.
4. Each cluster's own reporting counts once.
5. Unknown generic sources of one kind count once together, and not at all when
   a named source of that kind is counted (they may be relays of it).
6. Each counted source needs a report of its own among those carrying it
   (a maximum matching of sources to reports): one report quoting a group and
   an official is one piece of evidence, so a statement or a case never has
   more independent sources than reports.

So four outlets relaying one rights group's statement, in any mix of "according
to the group", "a human rights group said" and unattributed sentences in reports
that cite the group elsewhere, give **1** independent source, and that group as
the primary source. ``primary_sources`` lists the named and relayed sources.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from ..models import Attribution, CaseDocument
from .config import norm
from .context import Scope, entity_of, outlet_key
from .organisations import AcronymConflict, source_folds
from .support import Statement, date_json

_ORG_LIKE = ("organisation", "unknown")
_RELAYED_KINDS = ("organisation", "media", "unknown")
_DETERMINERS = frozenset({"the", "a", "an", "his", "her", "their", "its", "our", "one", "some", "several", "he", "she",
                          "they", "it", "we", "this", "that", "these", "those"})


@dataclass(frozen=True)
class Source:
    key: str
    name: str
    kind: str
    generic: bool = False


@dataclass(frozen=True)
class Origin:
    kind: str
    """named, relay, own or generic."""
    sources: tuple[Source, ...]
    cluster: str
    document: str = ""
    """The report the statement is in (its cluster when not given)."""

    @property
    def report(self) -> str:
        return self.document or self.cluster


def reads_as_name(words: str) -> bool:
    """Whether unresolved attributing words name someone ("Hengaw", "IHRS", "Judge Salavati") rather than
    describe them ("the group", "his cousin", "a judiciary spokesman", "Officials", "He"): an acronym, a capitalised
    word after the first, or one capitalised word that is not a plural. A description counts as a generic source."""
    tokens = [t for t in re.findall(r"[^\W_][\w.'’-]*", words)]
    while tokens and tokens[0].casefold() in _DETERMINERS:
        tokens = tokens[1:]
    if not tokens:
        return False
    first = tokens[0]
    if len(first) >= 2 and first.replace(".", "").isupper():
        return True
    if len(tokens) == 1:  # "Hengaw said" names; "Officials said" describes
        return first[:1].isupper() and not first.endswith("s")
    return any(t[:1].isupper() for t in tokens[1:])


def _kind_class(kind: str) -> str:
    return "organisation" if kind in _ORG_LIKE else kind


class SourceResolver:
    """Sources and origins of statements within one case."""

    def __init__(self, scope: Scope, conflicts: list[AcronymConflict]):
        self.scope = scope
        corpus = scope.corpus
        touched = [c for c in conflicts if c.documents & set(scope.mentions)]
        referenced = {eid for d in scope.documents for eid in d.entity_of_mention.values()}
        self.folds = source_folds(touched, {k: v for k, v in corpus.entities.items() if k in referenced})
        self.speaks_for = self._groups_of_officials()
        self._named = self._named_by_kind()
        self._cites: dict[str, list[Source]] = {}
        self._in_report: dict[str, dict[str, dict[str, Source]]] = {}

    # -- sources

    def _groups_of_officials(self) -> dict[str, str]:
        """Person entity id -> the organisation entity a report of the case says the person speaks for ("X,
        director of Group G"); a person said to speak for two organisations is left as a person."""
        found: dict[str, set[str]] = {}
        for doc in self.scope.documents:
            for a in doc.extraction.attributions:
                person, group = entity_of(doc, a.mention), entity_of(doc, a.group)
                if person and group and person != group:
                    found.setdefault(person, set()).add(group)
        return {p: next(iter(g)) for p, g in found.items() if len(g) == 1}

    def raw_source(self, doc: CaseDocument, a: Attribution) -> Source:
        """The source as the report names it, before generic sources are tied to the case's named one; a group's
        official is the group (one primary source, not one beside it)."""
        kind = _kind_class(a.kind)
        entity = None if a.generic else self.scope.corpus.entity(doc, a.mention)
        group = self.scope.corpus.entities.get(self.speaks_for.get(entity.id, "")) if entity is not None else None
        if group is not None:
            entity, kind = group, "organisation"
        if entity is not None:
            key, name = self.folds.get(entity.id, ("entity:" + entity.id, entity.name))
            return Source(key, name, kind)
        if a.generic or not reads_as_name(a.name):
            return Source("generic:" + kind, a.name, kind, generic=True)
        return Source(f"name:{kind}:{norm(a.name)}", a.name, kind)

    def _named_by_kind(self) -> dict[str, list[Source]]:
        """Kind -> the distinct named sources of the case, from the closest tier that has any of that kind."""
        tiers: list[list[Source]] = [[], [], []]
        for doc in self.scope.documents:
            tiers[0] += [self.raw_source(doc, a) for a in self.scope.statement_attributions(doc)]
            for a in doc.extraction.attributions:
                tier = 1 if self.scope.in_subject_sentence(doc, a.evidence.start) else 2
                tiers[tier].append(self.raw_source(doc, a))
        out: dict[str, list[Source]] = {}
        for tier in tiers:
            found: dict[str, dict[str, Source]] = {}
            for s in tier:
                if not s.generic:
                    found.setdefault(s.kind, {}).setdefault(s.key, s)
            for kind, by_key in found.items():
                out.setdefault(kind, list(by_key.values()))
        return out

    def source(self, doc: CaseDocument, a: Attribution) -> Source:
        """The source; a generic one becomes the case's only named source of its kind, else the report's only one."""
        s = self.raw_source(doc, a)
        if not s.generic:
            return s
        if len(self._named.get(s.kind, [])) == 1:
            return self._named[s.kind][0]
        in_report = self._named_in_report(doc).get(s.kind, {})
        return next(iter(in_report.values())) if len(in_report) == 1 else s

    def _named_in_report(self, doc: CaseDocument) -> dict[str, dict[str, Source]]:
        """Kind -> the named sources one report cites, by key; worked out once per report, not per statement."""
        if doc.id not in self._in_report:
            found: dict[str, dict[str, Source]] = {}
            for b in [*doc.extraction.attributions, *self.scope.statement_attributions(doc)]:
                x = self.raw_source(doc, b)
                if not x.generic:
                    found.setdefault(x.kind, {}).setdefault(x.key, x)
            self._in_report[doc.id] = found
        return self._in_report[doc.id]

    def attributed_to(self, doc: CaseDocument, a: Attribution | None) -> str | None:
        """For a support item: the canonical name of a named source, a generic source's words, or None."""
        if a is None:
            return None
        if a.generic:
            return a.name
        entity = self.scope.corpus.entity(doc, a.mention)
        return entity.name if entity is not None else a.name

    def cites(self, doc: CaseDocument) -> list[Source]:
        """The primary sources the report relays for this case (see the module docstring for the tiers)."""
        if doc.id not in self._cites:
            self._cites[doc.id] = self._find_cites(doc)
        return self._cites[doc.id]

    def _find_cites(self, doc: CaseDocument) -> list[Source]:
        own = self.scope.statement_attributions(doc, denials=False)
        deniers = {a.evidence for a in self.scope.statement_attributions(doc)} - {a.evidence for a in own}
        others = [a for a in doc.extraction.attributions if a.evidence not in deniers]
        if not own:
            own = [a for a in others if self.scope.in_subject_sentence(doc, a.evidence.start)]
        if not own:
            own = [a for a in others if a.kind in _RELAYED_KINDS]
        return list({s.key: s for s in (self.source(doc, a) for a in own)}.values())

    # -- origins

    def origin(self, st: Statement) -> Origin:
        cluster, doc = self.scope.corpus.cluster.get(st.doc.id, st.doc.id), st.doc.id
        if st.attribution is not None:
            s = self.source(st.doc, st.attribution)
            return Origin("generic" if s.generic else "named", (s,), cluster, doc)
        cited = self.cites(st.doc)
        named = tuple(s for s in cited if not s.generic)
        if named:
            return Origin("relay", named, cluster, doc)
        if cited:
            return Origin("generic", tuple(cited), cluster, doc)
        return Origin("own", (), cluster, doc)


@dataclass(frozen=True)
class Count:
    independent: int
    primary_sources: list[str]
    kinds: list[str]
    """The origin kind of each counted source (named, relay, own, generic), for the confidence."""


def count_sources(origins: list[Origin]) -> Count:
    """Independent sources and primary sources of one statement's origins (rules in the module docstring)."""
    by_cluster: dict[str, list[Origin]] = {}
    for o in origins:
        by_cluster.setdefault(o.cluster, []).append(o)
    kept: list[Origin] = []
    for group in by_cluster.values():
        attributed = [o for o in group if o.kind != "own"]
        kept += attributed or group
    counted: dict[str, tuple[Source, str]] = {}
    for o in kept:
        if o.kind == "named":
            counted.setdefault(o.sources[0].key, (o.sources[0], "named"))
    relays = sorted((o for o in kept if o.kind == "relay"), key=lambda o: (len(o.sources), [s.key for s in o.sources]))
    for o in relays:
        if not any(s.key in counted for s in o.sources):
            first = min(o.sources, key=lambda s: s.key)
            counted[first.key] = (first, "relay")
    own = sorted({o.cluster for o in kept if o.kind == "own"})
    named_kinds = {s.kind for s, _ in counted.values()}
    generic = sorted({s.kind for o in kept if o.kind == "generic" for s in o.sources} - named_kinds)
    backers = _backers(kept, list(counted), own, generic)
    kinds = [k for _, k in counted.values()] + ["own"] * len(own) + ["generic"] * len(generic)
    kinds = [k for k, backed in zip(kinds, _matched(backers), strict=True) if backed]
    names = sorted({s.name for s, _ in counted.values()}, key=str.casefold)
    return Count(len(kinds), names, kinds)


def _backers(kept: list[Origin], counted: list[str], own: list[str], generic: list[str]) -> list[set[str]]:
    """For each counted source (named and relayed, own reporting, generic kinds, in that order): the reports
    that carry it."""
    by_key: dict[str, set[str]] = {k: set() for k in counted}
    for o in kept:
        if o.kind in ("named", "relay"):
            for s in o.sources:
                if s.key in by_key:
                    by_key[s.key].add(o.report)
    own_of = {c: {o.report for o in kept if o.kind == "own" and o.cluster == c} for c in own}
    generic_of = {k: {o.report for o in kept if o.kind == "generic" and any(s.kind == k for s in o.sources)}
                  for k in generic}
    return [by_key[k] for k in counted] + [own_of[c] for c in own] + [generic_of[k] for k in generic]


def _matched(backers: list[set[str]]) -> list[bool]:
    """Which sources count once each is given a report of its own (a maximum matching, earlier sources first):
    one report's words are one piece of evidence, so there are never more independent sources than reports."""
    holder: dict[str, int] = {}

    def place(i: int, seen: set[str]) -> bool:
        for r in sorted(backers[i]):
            if r not in seen:
                seen.add(r)
                if r not in holder or place(holder[r], seen):
                    holder[r] = i
                    return True
        return False

    return [place(i, set()) for i in range(len(backers))]


def known_outlet(doc: CaseDocument) -> bool:
    return bool(doc.outlet and doc.outlet.strip())


def outlet_count(docs: list[CaseDocument]) -> int:
    """Distinct known outlets among the reports; a report with no known outlet is no outlet (see
    :func:`without_outlet`)."""
    return len({outlet_key(d) for d in docs if known_outlet(d)})


def without_outlet(docs: list[CaseDocument]) -> int:
    """How many of the reports have no known outlet: counted apart, never as outlets."""
    return sum(1 for d in docs if not known_outlet(d))


def source_entries(resolver: SourceResolver) -> list[dict[str, Any]]:
    """The case file's ``sources``: every report that names the subject, in ingest order."""
    out = []
    for doc in resolver.scope.documents:
        out.append({
            "document": doc.id,
            "origin": doc.origin,
            "outlet": doc.outlet,
            "title": doc.title,
            "published": date_json(doc.published),
            "syndication_group": doc.syndication_group,
            "cites": [s.name for s in sorted(resolver.cites(doc), key=lambda s: s.generic)],
        })
    return out
