"""Corroborate: one sourced case file per person, from the per-report extractions and the resolved entities.

    build_case_files(documents, entities, reviews) -> list[dict]
                                                          one schema-valid case file per case subject, by name,
                                                          analysts' reviews laid over it (``review.py``)
    case_subjects(documents, entities) -> list[str]       the person entity ids that are cases
    CASE_EVENT_TYPES                                      the event types that make a person a case

``documents`` are ``CaseDocument`` in ingest order; ``entities`` the global
entities by id. The stage is pure: the same input gives the same case files and
the same ids. Where the rules live:

* who is a case: ``subjects.py``
* facts merged across reports, events' facts included: ``facts.py``; events: ``events.py``
* outlets, primary sources, independent sources (relays and syndicated copies
  count once): ``sources.py``
* confidence: ``confidence.py``; status: ``status.py``; conflicts: ``conflicts.py``
  and ``organisations.py``; the file itself: ``casefile.py``

Settings (status order, single-valued fields, weights) are data:
``casewatch/data/corroborate.json``.
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from ..models import CaseDocument, Entity, OrgExpansion, Review
from .casefile import build_case_file
from .context import Corpus
from .ids import case_id
from .subjects import CASE_EVENT_TYPES, case_subjects

__all__ = ["CASE_EVENT_TYPES", "build_case_files", "case_subjects"]


def build_case_files(documents: list[CaseDocument], entities: dict[str, Entity],
                     reviews: Mapping[str, Mapping[str, Review]] | None = None,
                     expansions: Sequence[tuple[str, OrgExpansion]] = ()) -> list[dict[str, Any]]:
    """One case file per case subject, sorted by subject name (then id).

    ``reviews`` go by case id, then target id; ``expansions`` are stored acronym expansions of other reports
    (see ``organisations.with_expansions_elsewhere``).
    """
    corpus = Corpus.build(documents, entities)
    reviews = reviews or {}
    files = [build_case_file(corpus, entities[eid], reviews.get(case_id(eid)), expansions)
             for eid in case_subjects(documents, entities)]
    return sorted(files, key=lambda f: (f["subject"]["name"].casefold(), f["id"]))
