"""The JSON shape each stored object takes, for the CLI's ``--format json``, the API and the exports (no Rich)."""
from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from ..errors import NotFoundError
from ..models import DateMention, Entity
from ..store import StoredDocument

SUMMARY_KEYS = ("id", "origin", "title", "name", "outlet", "author", "url", "published", "language", "status")


def document_summary(d: StoredDocument) -> dict[str, Any]:
    """The object `casewatch documents --format json` lists for one document."""
    a = d.article or {}
    return {
        "id": d.id,
        "origin": d.origin,
        "title": a.get("title"),
        "name": report_name(a.get("title"), a.get("text"), d.id),
        "outlet": a.get("outlet"),
        "author": a.get("author"),
        "url": a.get("url"),
        "published": a.get("published"),
        "language": a.get("language"),
        "status": a.get("status") or "unprocessed",
    }


def document_full(d: StoredDocument, dates: list[DateMention], origins: list[dict[str, str]]) -> dict[str, Any]:
    """The object `casewatch document ID --format json` prints: the summary plus text and dates."""
    a = d.article or {}
    out = document_summary(d)
    out.update({
        "kind": d.kind,
        "sha256": d.sha256,
        "external_id": a.get("external_id"),
        "ingested_at": d.ingested_at,
        "seen_as": origins,
        "words": a.get("words", 0),
        "error": a.get("error"),
        "text": a.get("text", ""),
        "dates": [m.to_json() for m in dates],
    })
    return out


def document_mentions(store: Any, doc_id: str) -> list[dict[str, Any]]:
    """Every name found in a document: its span, words, label and the entity it was resolved to."""
    extraction = store.extraction(doc_id)
    if extraction is None:
        return []
    entity_of = store.mention_entities(doc_id)
    return [{"span": [m.start, m.end], "text": m.text, "label": m.label, "entity": entity_of.get(i)}
            for i, m in enumerate(extraction.mentions)]


def entity_json(entity: Entity, mentions: list[dict[str, Any]]) -> dict[str, Any]:
    return {"id": entity.id, "name": entity.name, "aliases": list(entity.aliases), "mentions": mentions}


def case_summary(cf: dict[str, Any]) -> dict[str, Any]:
    """The object `casewatch cases --format json` lists for one case."""
    sources = cf.get("sources") or []
    return {
        "id": cf["id"],
        "name": cf["subject"]["name"],
        "status": cf["status"],
        "documents": len(sources),
        "outlets": cf.get("outlets", len({s.get("outlet") or s["document"] for s in sources})),
        "independent_sources": cf.get("independent_sources"),
    }


def merge_figures(rows: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """Figures merged across reports by (quantity, value, qualifier), each with every supporting quote.

    ``rows`` are the store's flat figure rows (``casewatch.store.core.figure_row``) in ingest order, then text
    order.
    """
    merged: dict[tuple[str, float, str], dict[str, Any]] = {}
    for r in rows:
        value: float | int = int(r["value"]) if float(r["value"]).is_integer() else r["value"]
        key = (r["quantity"], float(value), r["qualifier"])
        item = merged.setdefault(key, {"quantity": r["quantity"], "value": value, "qualifier": r["qualifier"],
                                       "counted": r["counted"], "support": []})
        item["support"].append({"document": r["document_id"], "start": r["start"], "end": r["end"],
                                "quote": r["quote"], "attributed_to": r["attributed_to"]})
    return list(merged.values())


FIRST_WORDS = 8
"""How many of its first words name a report that has no title."""


def report_name(title: str | None, text: str | None = None, fallback: str = "untitled report") -> str:
    """What to call a report: its title, else its first words ("…" when cut), else ``fallback``."""
    if title and title.strip():
        return " ".join(title.split())
    words = (text or "").split()
    if words:
        return " ".join(words[:FIRST_WORDS]) + ("…" if len(words) > FIRST_WORDS else "")
    return fallback


def report_label(name: str, outlet: str | None) -> str:
    """A report's name with its outlet, as lists and logs show it: "Title (Outlet)"."""
    return f"{name} ({outlet})" if outlet else name


def report_names(store: Any, doc_ids: Iterable[str]) -> dict[str, dict[str, Any]]:
    """Report id -> its name (title or first words), outlet, URL (from its metadata) and publication date.

    An id the store does not hold is left out, so a caller falls back to what it already knows."""
    out: dict[str, dict[str, Any]] = {}
    for doc_id in dict.fromkeys(doc_ids):
        try:
            d = store.get_document(doc_id)
        except NotFoundError:  # a report removed since: the caller keeps its id
            continue
        a = d.article or {}
        out[d.id] = {"name": report_name(a.get("title"), a.get("text"), d.id), "outlet": a.get("outlet"),
                     "url": a.get("url"), "published": a.get("published")}
    return out
