"""One case file: the subject, status, facts, events, conflicts, sources, and the extensions.

Extensions beside the schema's keys: ``schema_version``, ``timeline``,
``outlets`` (distinct known outlets among the case's reports), ``reports_without_outlet`` (reports with no
known outlet, counted apart; facts and events carry both too), ``independent_sources`` (over every supported
fact and event of the case that no reviewer rejected), ``documents`` (report ids), ``review``
(how many items are confirmed, edited, rejected, unreviewed), and on facts,
events and conflicts an ``id``, ``modality`` or ``event_type`` / ``acronym``,
``review`` with ``reviewed`` (who, when, the note), ``original_value`` on an
edited fact and ``resolution`` on an edited conflict; ``settled`` and
``settled_by`` on a conflict a review settled, and ``settled_conflicts``: the
conflicts that rejecting one side settled (see ``review.py``).
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from ..models import Entity, OrgExpansion, Review
from .config import settings
from .conflicts import case_conflicts, conflict_id
from .context import Corpus, Scope
from .events import event_id, event_json, merge_events
from .facts import fact_id, fact_json, merge_facts
from .ids import case_id
from .organisations import acronym_conflicts_in, with_expansions_elsewhere
from .review import apply_reviews, rejected_ids, settled_conflicts
from .sources import SourceResolver, count_sources, outlet_count, source_entries, without_outlet
from .status import derive_status
from .subjects import subject_names
from .support import dedupe
from .timeline import timeline


def build_case_file(corpus: Corpus, entity: Entity, reviews: Mapping[str, Review] | None = None,
                    expansions: Sequence[tuple[str, OrgExpansion]] = ()) -> dict[str, Any]:
    """The case file of one subject, with ``reviews`` (target id -> latest review) laid over it.

    It depends only on the reports that name the subject (and their entities) and on ``expansions``, every
    stored expansion of the acronyms those reports use, never on which other reports were processed beside
    them: an incremental ingest, a review and a rebuild agree.
    """
    reviews = reviews or {}
    scope = Scope.build(corpus, entity)
    organisations = acronym_conflicts_in(with_expansions_elsewhere(scope.documents, list(expansions)))
    resolver = SourceResolver(scope, organisations)
    cid = case_id(entity.id)
    rejected = rejected_ids(reviews)
    facts = merge_facts(scope, resolver)
    events = merge_events(scope)
    kept_facts = [f for f in facts if fact_id(f, cid) not in rejected]
    kept_events = [e for e in events if event_id(e, cid) not in rejected]
    supported = dedupe([s for g in [*kept_facts, *kept_events] if not g.denied for s in g.statements], corpus.order)
    overall = count_sources([resolver.origin(s) for s in supported])
    conflicts = case_conflicts(scope, kept_facts, kept_events, resolver, organisations)
    for c in conflicts:
        c["id"] = conflict_id(cid, c)
    fact_items = [fact_json(f, resolver, cid) for f in facts]
    event_items = [event_json(e, resolver, cid) for e in events]
    settled: list[dict[str, Any]] = []
    if rejected:
        before = case_conflicts(scope, facts, events, resolver, organisations)
        for c in before:
            c["id"] = conflict_id(cid, c)
        settled = settled_conflicts(before, {c["id"] for c in conflicts}, fact_items, event_items, reviews)
    case_file = apply_reviews({
        "schema_version": settings()["schema_version"],
        "id": cid,
        "entity": entity.id,
        "subject": subject_names(entity, scope.names()),
        "status": derive_status(kept_events, kept_facts),
        "facts": fact_items,
        "events": event_items,
        "conflicts": conflicts,
        "sources": source_entries(resolver),
        "timeline": timeline(events),
        "outlets": outlet_count(scope.documents),
        "reports_without_outlet": without_outlet(scope.documents),
        "independent_sources": overall.independent,
        "primary_sources": overall.primary_sources,
        "documents": [d.id for d in scope.documents],
    }, reviews)
    if settled:
        case_file["settled_conflicts"] = settled
    return case_file
