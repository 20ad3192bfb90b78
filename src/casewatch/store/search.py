"""Full-text search over the reports' clean text and titles (SQLite FTS5).

The index is derived: written beside each article, dropped and refilled by
``casewatch rebuild``, and filled from the stored articles the first time a
database from an earlier casewatch is opened. What a person types is never
handed to FTS5's query language: each word becomes a quoted term (a prefix
term when it ends with ``*``), all of which must appear.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, text

from .base import StoreBase
from .schema import DERIVED_SCHEMA, FTS_CREATE, FTS_DROP, FTS_TABLE

MARK_START, MARK_END = "\x02", "\x03"
"""Placed around matched words in snippets; the web layer escapes the text, then turns them into <mark>."""

_WORD = re.compile(r"[\w'’-]+\*?", re.UNICODE)


@dataclass(frozen=True)
class SearchHit:
    document_id: str
    title: str | None
    snippet: str


def match_expression(query: str) -> str | None:
    """An FTS5 MATCH expression for what a person typed, or None when it has no word to look for."""
    terms = []
    for word in _WORD.findall(query):
        prefix = word.endswith("*")
        core = word.rstrip("*").strip("'’-")
        if core:
            terms.append('"' + core.replace('"', '""') + '"' + ("*" if prefix else ""))
    return " ".join(terms) or None


def _schema(conn: Connection) -> str | None:
    """Where this connection keeps the derived tables: None for the live ones, else an attached database."""
    return (conn.get_execution_options().get("schema_translate_map") or {}).get(DERIVED_SCHEMA)


def fts_table(conn: Connection) -> str:
    """The index's name as this connection sees it (qualified while a rebuild writes its copy)."""
    schema = _schema(conn)
    return f"{schema}.{FTS_TABLE}" if schema else FTS_TABLE


def create_index(conn: Connection) -> None:
    """Create the index when missing; fill it from the stored articles when it was just made."""
    schema = _schema(conn)
    master = f"{schema}.sqlite_master" if schema else "sqlite_master"
    exists = conn.execute(text(f"SELECT 1 FROM {master} WHERE name = :n"), {"n": FTS_TABLE}).first()
    if exists:
        return
    conn.execute(text(FTS_CREATE.replace(FTS_TABLE, fts_table(conn), 1)))
    articles = f"{schema}.articles" if schema else "articles"
    conn.execute(text(f"INSERT INTO {fts_table(conn)} (document_id, title, text) "
                      f"SELECT document_id, coalesce(title, ''), text FROM {articles}"))


def drop_index(conn: Connection) -> None:
    conn.execute(text(FTS_DROP.replace(FTS_TABLE, fts_table(conn), 1)))
    conn.execute(text(FTS_CREATE.replace(FTS_TABLE, fts_table(conn), 1)))


def index_article(conn: Connection, doc_id: str, title: str | None, body: str) -> None:
    conn.execute(text(f"INSERT INTO {fts_table(conn)} (document_id, title, text) VALUES (:d, :t, :x)"),
                 {"d": doc_id, "t": title or "", "x": body})


def unindex_article(conn: Connection, doc_id: str) -> None:
    conn.execute(text(f"DELETE FROM {fts_table(conn)} WHERE document_id = :d"), {"d": doc_id})


class SearchQueries(StoreBase):
    """Mixed into :class:`casewatch.store.Store`."""


    def search_documents(self, query: str, limit: int = 50, offset: int = 0) -> tuple[int, list[SearchHit]]:
        """(how many reports match, one page of them best first with a snippet around the matched words)."""
        expr = match_expression(query)
        if expr is None:
            return 0, []
        params: dict[str, Any] = {"q": expr, "limit": limit, "offset": offset, "a": MARK_START, "b": MARK_END}
        with self._connect() as conn:
            total = conn.execute(text(f"SELECT count(*) FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH :q"),
                                 params).scalar() or 0
            rows = conn.execute(text(
                f"SELECT document_id, title, snippet({FTS_TABLE}, 2, :a, :b, '…', 24) AS snip "
                f"FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH :q ORDER BY rank LIMIT :limit OFFSET :offset"
            ), params).all()
        return int(total), [SearchHit(document_id=r.document_id, title=r.title or None, snippet=r.snip) for r in rows]
