"""What the CLI's ``--format json`` and the REST API answer: one function per view, so both give the same JSON.

Each takes an open store; the list views take an optional page (``limit`` and
``offset``) and return the items with how many there are in all.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..store import Store
from .shapes import document_full, document_mentions, document_summary, entity_json, merge_figures

ENTITY_LABELS = {"person": "PERSON", "org": "ORG"}


@dataclass(frozen=True)
class Page:
    """``limit`` None means everything."""

    limit: int | None = None
    offset: int = 0


ALL = Page()


def cases(store: Store, page: Page = ALL, status: str | None = None) -> tuple[int, list[dict[str, Any]]]:
    """Case summaries by subject name: the stored columns, which :func:`case_summary` would give from the file."""
    total, rows = store.case_rows(status=status, limit=page.limit, offset=page.offset)
    keys = ("id", "name", "status", "documents", "outlets", "independent_sources")
    return total, [{k: r[k] for k in keys} for r in rows]


def case(store: Store, ref: str) -> dict[str, Any]:
    cf = store.get_case(ref)
    if "review" not in cf:  # made by an earlier casewatch, before reviews: no review can be laid over it yet
        from ..corroborate.conflicts import conflict_id
        from ..corroborate.review import apply_reviews

        for c in cf.get("conflicts", []):
            c.setdefault("id", conflict_id(cf["id"], c))
        apply_reviews(cf, {})
    return cf


def documents(store: Store, page: Page = ALL) -> tuple[int, list[dict[str, Any]]]:
    return store.count_documents(), [document_summary(d) for d in store.list_documents(page.limit, page.offset)]


def document(store: Store, ref: str) -> dict[str, Any]:
    d = store.get_document(ref)
    full = document_full(d, store.document_dates(d.id), store.document_origins(d.id))
    full["mentions"] = document_mentions(store, d.id)
    return full


def entities(store: Store, kind: str | None = None, page: Page = ALL) -> tuple[int, list[dict[str, Any]]]:
    label = ENTITY_LABELS.get(kind) if kind else None
    items = [entity_json(e, m) for e, m in store.list_entities(label, page.limit, page.offset)]
    return store.count_entities(label), items


def figures(store: Store, page: Page = ALL) -> tuple[int, list[dict[str, Any]]]:
    items = merge_figures(store.figure_rows())
    end = None if page.limit is None else page.offset + page.limit
    return len(items), items[page.offset:end]
