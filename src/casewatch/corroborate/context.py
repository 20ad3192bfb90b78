"""What every part of corroboration looks things up in: the reports in ingest order, and one case's scope.

``Corpus`` indexes all reports once: ingest order, and *report clusters*. Two
reports fall in one cluster when they share a syndication group or an outlet:
a cluster's own reporting is one voice however many copies it has.

``Scope`` is one case: its subject entity, the reports that mention it, the
subject's mention indexes and the sentences they fall in, report by report.
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field

from ..models import Attribution, CaseDocument, Entity, EventMention, FactMention
from .config import norm


def entity_of(doc: CaseDocument, mention: int | None) -> str | None:
    """The global entity id of a mention of the report (None when unresolved)."""
    if mention is None:
        return None
    mapping = doc.entity_of_mention
    found = mapping.get(mention)
    if found is None:
        found = mapping.get(str(mention))  # type: ignore[call-overload]  # tolerate JSON round trips
    return found


def sentence_of(doc: CaseDocument, offset: int, starts: list[int] | None = None) -> int | None:
    """Index of the sentence of the report's clean text holding ``offset``, or None.

    ``starts`` (the sentences' start offsets) may be passed to save building it again.
    """
    spans = doc.extraction.sentences
    i = bisect_right(starts if starts is not None else [s for s, _ in spans], offset) - 1
    if 0 <= i < len(spans) and spans[i][0] <= offset < max(spans[i][1], spans[i][0] + 1):
        return i
    return None


def outlet_key(doc: CaseDocument) -> str:
    """What counts as one outlet: its name; a report without one counts by its syndication group or its id."""
    if doc.outlet and doc.outlet.strip():
        return "outlet:" + norm(doc.outlet)
    if doc.syndication_group:
        return "group:" + doc.syndication_group
    return "doc:" + doc.id


def _clusters(documents: list[CaseDocument]) -> dict[str, str]:
    """Document id -> id of the earliest report sharing a syndication group or an outlet with it (transitively)."""
    parent = {d.id: d.id for d in documents}
    order = {d.id: i for i, d in enumerate(documents)}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    first_of: dict[str, str] = {}
    for d in documents:
        for key in filter(None, ("group:" + d.syndication_group if d.syndication_group else None,
                                 "outlet:" + norm(d.outlet) if d.outlet and d.outlet.strip() else None)):
            if key in first_of:
                a, b = find(first_of[key]), find(d.id)
                if a != b:
                    lo, hi = sorted((a, b), key=order.__getitem__)
                    parent[hi] = lo
            else:
                first_of[key] = d.id
    return {d.id: find(d.id) for d in documents}


@dataclass
class Corpus:
    """All reports, in ingest order, the global entities, and where each entity is named."""

    documents: list[CaseDocument]
    entities: dict[str, Entity]
    order: dict[str, int] = field(default_factory=dict)
    cluster: dict[str, str] = field(default_factory=dict)
    named_in: dict[str, dict[str, list[int]]] = field(default_factory=dict)
    """Entity id -> document id -> indexes of the mentions naming it, in ingest order."""
    sentence_starts: dict[str, list[int]] = field(default_factory=dict)

    @classmethod
    def build(cls, documents: list[CaseDocument], entities: dict[str, Entity]) -> Corpus:
        named_in: dict[str, dict[str, list[int]]] = {}
        for doc in documents:
            for i in range(len(doc.extraction.mentions)):
                eid = entity_of(doc, i)
                if eid is not None:
                    named_in.setdefault(eid, {}).setdefault(doc.id, []).append(i)
        return cls(list(documents), entities, {d.id: i for i, d in enumerate(documents)}, _clusters(documents),
                   named_in, {d.id: [s for s, _ in d.extraction.sentences] for d in documents})

    def entity(self, doc: CaseDocument, mention: int | None) -> Entity | None:
        eid = entity_of(doc, mention)
        return self.entities.get(eid) if eid else None


@dataclass
class Scope:
    """One case: the subject and, report by report, where the subject is named."""

    corpus: Corpus
    entity: Entity
    documents: list[CaseDocument]
    mentions: dict[str, frozenset[int]]
    sentences: dict[str, frozenset[int]]

    @classmethod
    def build(cls, corpus: Corpus, entity: Entity) -> Scope:
        named = corpus.named_in.get(entity.id, {})
        docs = [corpus.documents[i] for i in sorted(corpus.order[doc_id] for doc_id in named)]
        mentions = {d.id: frozenset(named[d.id]) for d in docs}
        sentences = {d.id: frozenset(d.extraction.mentions[i].sentence for i in named[d.id]) for d in docs}
        return cls(corpus, entity, docs, mentions, sentences)

    def names(self) -> list[str]:
        """Every form of the subject's name the reports write, in report and text order."""
        return [d.extraction.mentions[i].text for d in self.documents for i in sorted(self.mentions[d.id])]

    def events(self, doc: CaseDocument) -> list[EventMention]:
        """The report's events whose subject is this case's subject."""
        own = self.mentions.get(doc.id, frozenset())
        return [e for e in doc.extraction.events if e.subject is not None and e.subject in own]

    def facts(self, doc: CaseDocument) -> list[FactMention]:
        """The report's fact mentions about this case's subject."""
        own = self.mentions.get(doc.id, frozenset())
        return [f for f in doc.extraction.facts if f.subject in own]

    def statement_attributions(self, doc: CaseDocument, denials: bool = True) -> list[Attribution]:
        """Attributions the report gives to its own statements about the subject (``denials``: those of denials too)."""
        found = [(e.attribution, e.modality) for e in self.events(doc)]
        found += [(f.attribution, f.modality) for f in self.facts(doc)]
        return [a for a, modality in found if a is not None and (denials or modality != "denied")]

    def in_subject_sentence(self, doc: CaseDocument, offset: int) -> bool:
        """Whether ``offset`` falls in a sentence of the report that names the subject."""
        return sentence_of(doc, offset, self.corpus.sentence_starts.get(doc.id)) in self.sentences.get(doc.id, ())
