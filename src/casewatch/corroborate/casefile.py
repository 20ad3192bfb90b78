"""One case file: the subject, status, facts, events, conflicts, sources, and the extensions.

Extensions beside the schema's keys: ``schema_version``, ``timeline``,
``outlets`` and ``independent_sources`` (over every supported fact and event of
the case), ``documents`` (report ids), and on facts, events and conflicts an
``id``, ``modality`` or ``event_type`` / ``acronym``.
"""
from __future__ import annotations

from typing import Any

from ..models import Entity
from .config import settings
from .conflicts import case_conflicts
from .context import Corpus, Scope
from .events import event_json, merge_events
from .facts import fact_json, merge_facts
from .ids import case_id
from .organisations import AcronymConflict
from .sources import SourceResolver, count_sources, outlet_count, source_entries
from .status import derive_status
from .subjects import subject_names
from .support import dedupe
from .timeline import timeline


def build_case_file(corpus: Corpus, entity: Entity, organisations: list[AcronymConflict]) -> dict[str, Any]:
    scope = Scope.build(corpus, entity)
    resolver = SourceResolver(scope, organisations)
    cid = case_id(entity.id)
    facts = merge_facts(scope, resolver)
    events = merge_events(scope)
    supported = dedupe([s for g in [*facts, *events] if not g.denied for s in g.statements], corpus.order)
    overall = count_sources([resolver.origin(s) for s in supported])
    return {
        "schema_version": settings()["schema_version"],
        "id": cid,
        "entity": entity.id,
        "subject": subject_names(entity, scope.names()),
        "status": derive_status(events, facts),
        "facts": [fact_json(f, resolver, cid) for f in facts],
        "events": [event_json(e, resolver, cid) for e in events],
        "conflicts": case_conflicts(scope, facts, events, resolver, organisations),
        "sources": source_entries(resolver),
        "timeline": timeline(events),
        "outlets": outlet_count(scope.documents),
        "independent_sources": overall.independent,
        "primary_sources": overall.primary_sources,
        "documents": [d.id for d in scope.documents],
    }
