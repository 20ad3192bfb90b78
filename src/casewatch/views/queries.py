"""What the CLI's ``--format json`` and the REST API answer: one function per view, so both give the same JSON.

Each takes an open store; the list views take an optional page (``limit`` and
``offset``) and return the items with how many there are in all.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..store import DocumentFilters, Store
from .shapes import document_full, document_mentions, document_summary, entity_json, merge_figures

ENTITY_LABELS = {"person": "PERSON", "org": "ORG"}


@dataclass(frozen=True)
class Page:
    """``limit`` None means everything."""

    limit: int | None = None
    offset: int = 0


ALL = Page()


@dataclass(frozen=True)
class CaseFilters:
    """What a cases list keeps and how it sorts (``order`` a key of ``store.CASE_ORDERS``)."""

    status: str | None = None
    name: str | None = None
    facility: str | None = None
    outlet: str | None = None
    since: str | None = None
    state: str | None = None
    assignee: str | None = None
    order: str = "name"
    descending: bool = False


def cases(store: Store, page: Page = ALL, status: str | None = None,
          filters: CaseFilters | None = None) -> tuple[int, list[dict[str, Any]]]:
    """Case summaries (by subject name unless ``filters`` sort otherwise): the stored columns, which
    :func:`case_summary` would give from the file, and ``latest``, the date of the latest development."""
    f = filters or CaseFilters(status=status)
    total, rows = store.case_rows(status=f.status, name=f.name, facility=f.facility, outlet=f.outlet, since=f.since,
                                  state=f.state, assignee=f.assignee, order=f.order, descending=f.descending,
                                  limit=page.limit, offset=page.offset)
    keys = ("id", "name", "status", "documents", "outlets", "independent_sources", "latest")
    work = store.case_work_of([r["id"] for r in rows])
    return total, [{**{k: r[k] or None if k == "latest" else r[k] for k in keys}, "work": work[r["id"]]}
                   for r in rows]


def case(store: Store, ref: str) -> dict[str, Any]:
    cf = store.get_case(ref)
    if "review" not in cf:  # made by an earlier casewatch, before reviews: no review can be laid over it yet
        from ..corroborate.conflicts import conflict_id
        from ..corroborate.review import apply_reviews

        for c in cf.get("conflicts", []):
            c.setdefault("id", conflict_id(cf["id"], c))
        apply_reviews(cf, {})
    return cf


def documents(store: Store, page: Page = ALL, filters: DocumentFilters | None = None, order: str = "ingested",
              descending: bool = False) -> tuple[int, list[dict[str, Any]]]:
    """Report summaries, in ingest order unless ``order`` (a key of ``store.DOCUMENT_ORDERS``) says otherwise."""
    if filters in (None, DocumentFilters()) and order == "ingested" and not descending:
        return store.count_documents(), [document_summary(d) for d in store.list_documents(page.limit, page.offset)]
    total, rows = store.document_rows(filters or DocumentFilters(), order, descending, page.limit, page.offset)
    return total, [document_summary(d) for d in rows]


def document(store: Store, ref: str) -> dict[str, Any]:
    d = store.get_document(ref)
    full = document_full(d, store.document_dates(d.id), store.document_origins(d.id))
    full["mentions"] = document_mentions(store, d.id)
    full["fetched"] = fetched_as(store, d.id)
    return full


def fetched_as(store: Store, doc_id: str) -> list[dict[str, Any]]:
    """Where a report was found on the network: the source, the feed's GUID, title and date, the page's
    canonical address, and the earlier version of a watched page it replaced."""
    names = {s.id: s.name for s in store.list_sources(include_removed=True)}
    return [{"source": e.source_id, "source_name": names.get(e.source_id), "guid": e.guid, "url": e.url,
             "feed_title": e.title, "feed_published": e.published, "seen_at": e.seen_at,
             "previous_document": e.previous_document_id} for e in store.entries_of_document(doc_id)]


def entities(store: Store, kind: str | None = None, page: Page = ALL) -> tuple[int, list[dict[str, Any]]]:
    label = ENTITY_LABELS.get(kind) if kind else None
    items = [entity_json(e, m) for e, m in store.list_entities(label, page.limit, page.offset)]
    return store.count_entities(label), items


def figures(store: Store, page: Page = ALL) -> tuple[int, list[dict[str, Any]]]:
    items = merge_figures(store.figure_rows())
    end = None if page.limit is None else page.offset + page.limit
    return len(items), items[page.offset:end]
