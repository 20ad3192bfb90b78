"""The store: every SQL statement casewatch runs goes through here, values always bound.

Tables that are never rebuilt hold what was read (``blobs``, ``documents``,
``sightings``); derived tables (``articles``, ``dates``) can be dropped and
made again from the raw bytes by ``casewatch rebuild``. Raw bytes are stored
once per sha256 and triggers refuse any change to them.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, func, insert, inspect, select, text
from sqlalchemy.exc import DatabaseError, OperationalError

from ..errors import AmbiguousIdError, InvalidValueError, NotFoundError, StoreError
from ..models import Article, DateMention, Extraction, Figure, Outcome, RawReport
from ..views.serialize import dumps
from .access import AccessQueries
from .base import StoreBase, on_begin, on_connect
from .chain import upgrade
from .changes import ChangeQueries
from .decisions import DecisionQueries
from .dialect import append_only_triggers, insert_ignoring, is_server_address, postgres_engine, table_columns
from .follows import FollowQueries
from .graph import GraphQueries
from .schema import (
    DERIVED_SCHEMA,
    SCHEMA_VERSION,
    articles,
    bands,
    blobs,
    dates,
    derived,
    documents,
    expansions,
    extractions,
    figures,
    meta,
    metadata,
    pending_cases,
    sightings,
    signatures,
)
from .search import SearchQueries, create_index, drop_index, index_article, unindex_article
from .sources import SourceQueries
from .sql import like_escape

STATUS_OK = "ok"
STATUS_NO_TEXT = "no_text"
STATUS_ERROR = "error"


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


ID_LENGTH = 16
"""Hex digits of the sha256 kept as a document id: short enough to type, far from colliding."""


def document_id(data: bytes) -> str:
    """A document's id: the start of the sha256 of its raw bytes, so the same bytes always get the same id."""
    return sha256_hex(data)[:ID_LENGTH]


def now_iso() -> str:
    return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()


def figure_row(doc_id: str, seq: int, figure: Figure) -> dict[str, Any]:
    """One figure of one report, flat, as the ``figures`` table keeps it."""
    att = figure.attribution
    return {"document_id": doc_id, "seq": seq, "quantity": figure.quantity, "value": float(figure.value),
            "qualifier": figure.qualifier, "counted": figure.counted, "start": figure.evidence.start,
            "end": figure.evidence.end, "quote": figure.evidence.quote, "attributed_to": att.name if att else None}


FIRST_WORDS = 12
"""Words of its text that name an untitled report."""


def first_words(text: str | None, count: int = FIRST_WORDS) -> str:
    """The start of a report's text, to name it when it has no title ('' when it has no text)."""
    words = (text or "").split()
    return " ".join(words[:count]) + ("…" if len(words) > count else "")


@dataclass(frozen=True)
class DocumentFilters:
    """What the reports list keeps: part of the outlet's name, a language, a status, publication days."""

    outlet: str | None = None
    language: str | None = None
    status: str | None = None
    since: str | None = None
    until: str | None = None


DOCUMENT_ORDERS: dict[str, Any] = {
    "ingested": documents.c.seq, "title": articles.c.title, "outlet": articles.c.outlet,
    "published": articles.c.published_start, "language": articles.c.language, "status": articles.c.status,
}
"""The columns the reports list sorts by, under the names its links and the API use."""


@dataclass(frozen=True)
class StoredDocument:
    """A document row joined with its article (None before processing)."""

    id: str
    sha256: str
    kind: str
    origin: str
    ingested_at: str
    article: dict[str, Any] | None


class Store(GraphQueries, AccessQueries, DecisionQueries, SearchQueries, SourceQueries, ChangeQueries, FollowQueries,
            StoreBase):
    """An open casewatch database. Create with :func:`open_store`."""

    def __init__(self, engine: Engine, path: Path):
        self._init_connections(engine)
        self.path = path

    # ------------------------------------------------------------------ schema

    def _create(self) -> None:
        with self._begin() as conn:
            older = inspect(conn).has_table("articles") and not all(
                inspect(conn).has_table(t.name) for t in (figures, expansions))
            if older:
                for table in (figures, expansions):
                    table.drop(conn, checkfirst=True)
            no_terms = inspect(conn).has_table("case_files") and not inspect(conn).has_table("case_terms")
            metadata.create_all(conn)
            derived.create_all(conn)
            if older:
                self._fill_indexes(conn)
            self._add_missing_columns(conn)
            if no_terms:
                self._fill_case_terms(conn)
            found = conn.execute(select(meta.c.value).where(meta.c.key == "schema_version")).scalar()
            if found is not None and int(found) < SCHEMA_VERSION:
                upgrade(conn, int(found))
            for stmt in append_only_triggers(conn.dialect.name):
                conn.execute(text(stmt))
            if conn.dialect.name == "sqlite":  # full-text search on PostgreSQL: not yet (issue 14)
                create_index(conn)
            if found is None:
                conn.execute(insert(meta).values(key="schema_version", value=str(SCHEMA_VERSION)))
            elif int(found) > SCHEMA_VERSION:
                raise StoreError(
                    f"{self.path}: made by a newer casewatch (schema {found}, this one reads {SCHEMA_VERSION}); "
                    "upgrade casewatch or use another --db"
                )

    @staticmethod
    def _write_indexes(conn: Any, doc_id: str, extraction: Extraction) -> None:
        """A report's figures and acronym expansions, flat, for the views and look-ups that need only them."""
        if extraction.figures:
            conn.execute(insert(figures), [figure_row(doc_id, i, f) for i, f in enumerate(extraction.figures)])
        if extraction.expansions:
            conn.execute(insert(expansions), [
                {"document_id": doc_id, "seq": i, "acronym": x.acronym.strip(), "expansion": x.expansion,
                 "start": x.evidence.start, "end": x.evidence.end, "quote": x.evidence.quote}
                for i, x in enumerate(extraction.expansions)])

    @classmethod
    def _fill_indexes(cls, conn: Any) -> None:
        """The figures and expansions tables, for a database made before they existed: from the extractions."""
        from ..views.serialize import extraction_loads

        for row in conn.execute(select(extractions.c.document_id, extractions.c.data)).all():
            cls._write_indexes(conn, row.document_id, extraction_loads(row.data))

    @staticmethod
    def _add_missing_columns(conn: Any) -> None:
        """Columns a later casewatch added to a table that a database made by an earlier one lacks."""
        for table in [*metadata.sorted_tables, *derived.sorted_tables]:
            have = table_columns(conn, table)
            for col in table.columns:
                if col.name in have:
                    continue
                default = col.server_default.arg if col.server_default is not None else None
                ddl = f"ALTER TABLE {table.name} ADD COLUMN {col.name} {col.type.compile(conn.dialect)}"
                if default is not None:
                    ddl += " NOT NULL DEFAULT '" + str(default).replace("'", "''") + "'"
                conn.execute(text(ddl))

    def drop_derived(self) -> None:
        """Drop and recreate the tables that are rebuilt from raw bytes."""
        with self._begin() as conn:
            derived.drop_all(conn)
            derived.create_all(conn)
            drop_index(conn)

    # ------------------------------------------------------------------ raw input

    def known_ids(self, ids: Iterable[str]) -> set[str]:
        """Which of these document ids are stored already."""
        wanted = list(dict.fromkeys(ids))
        found: set[str] = set()
        with self._connect() as conn:
            for i in range(0, len(wanted), 500):
                chunk = wanted[i:i + 500]
                found.update(conn.execute(select(documents.c.id).where(documents.c.id.in_(chunk))).scalars())
        return found

    def add_documents(self, items: Sequence[tuple[str, RawReport, Outcome]]) -> list[str]:
        """Store new reports with their derived rows, in one transaction; returns the ids stored.

        A report another process stored meanwhile is counted as read again (a sighting), not stored twice.
        """
        stamp = now_iso()
        added: list[str] = []
        with self._begin() as conn:
            known = self._known(conn, [doc_id for doc_id, _, _ in items])
            for doc_id, raw, outcome in items:
                if doc_id in known:
                    conn.execute(insert(sightings).values(document_id=doc_id, origin=raw.origin, seen_at=stamp))
                    continue
                self._insert_raw(conn, doc_id, raw, stamp)
                self._write_outcome(conn, doc_id, outcome)
                known.add(doc_id)
                added.append(doc_id)
        return added

    def add_raw(self, items: Sequence[tuple[str, RawReport]]) -> list[str]:
        """Store new reports' bytes only, to be processed later (see :meth:`unprocessed`); returns the ids stored."""
        stamp = now_iso()
        added: list[str] = []
        with self._begin() as conn:
            known = self._known(conn, [doc_id for doc_id, _ in items])
            for doc_id, raw in items:
                if doc_id in known:
                    conn.execute(insert(sightings).values(document_id=doc_id, origin=raw.origin, seen_at=stamp))
                    continue
                self._insert_raw(conn, doc_id, raw, stamp)
                known.add(doc_id)
                added.append(doc_id)
        return added

    @staticmethod
    def _known(conn: Any, ids: Sequence[str]) -> set[str]:
        found: set[str] = set()
        wanted = list(dict.fromkeys(ids))
        for i in range(0, len(wanted), 500):
            found.update(conn.execute(select(documents.c.id).where(documents.c.id.in_(wanted[i:i + 500]))).scalars())
        return found

    @staticmethod
    def _insert_raw(conn: Any, doc_id: str, raw: RawReport, stamp: str) -> None:
        sha = sha256_hex(raw.data)
        conn.execute(insert_ignoring(conn, blobs, ["sha256"]).values(sha256=sha, data=raw.data, size=len(raw.data)))
        conn.execute(insert(documents).values(id=doc_id, sha256=sha, kind=raw.kind, origin=raw.origin,
                                              ingested_at=stamp, meta=raw.meta))
        conn.execute(insert(sightings).values(document_id=doc_id, origin=raw.origin, seen_at=stamp))

    def write_outcomes(self, items: Sequence[tuple[str, Outcome]]) -> list[str]:
        """Derived rows for stored reports not processed yet; one another process finished meanwhile is left."""
        written: list[str] = []
        with self._begin() as conn:
            done = set(self._values_where_in(articles.c.document_id, articles.c.document_id,
                                             [d for d, _ in items]))
            for doc_id, outcome in items:
                if doc_id not in done:
                    self._write_outcome(conn, doc_id, outcome)
                    written.append(doc_id)
        return written

    def unprocessed(self, batch: int = 64) -> Iterator[list[tuple[str, RawReport]]]:
        """Stored reports with no derived rows yet (stored by an upload, or by a run that stopped), in order."""
        last = 0
        while True:
            with self._connect() as conn:
                rows = conn.execute(
                    select(documents.c.seq, documents.c.id, documents.c.kind, documents.c.origin, documents.c.meta,
                           blobs.c.data)
                    .join(blobs, blobs.c.sha256 == documents.c.sha256)
                    .outerjoin(articles, articles.c.document_id == documents.c.id)
                    .where(documents.c.seq > last, articles.c.document_id.is_(None))
                    .order_by(documents.c.seq).limit(batch)
                ).all()
            if not rows:
                return
            last = rows[-1].seq
            yield [(r.id, RawReport(data=r.data, kind=r.kind, origin=r.origin, meta=r.meta)) for r in rows]

    # ------------------------------------------------------------------ work left to do

    def add_pending_cases(self, entity_ids: Iterable[str]) -> None:
        """Record people whose case files must be made again (in the caller's transaction, when it has one)."""
        rows = [{"entity_id": e} for e in sorted(set(entity_ids))]
        if rows:
            with self._begin() as conn:
                conn.execute(insert(pending_cases), rows)

    def pending_cases(self) -> tuple[int, set[str]]:
        """(the last record's number, the people whose case files wait to be made again)."""
        with self._connect() as conn:
            rows = conn.execute(select(pending_cases.c.seq, pending_cases.c.entity_id)).all()
        return max((r.seq for r in rows), default=0), {r.entity_id for r in rows}

    def clear_pending_cases(self, upto: int) -> None:
        """Forget the records up to ``upto`` (their case files were saved); later ones stay for the next run."""
        with self._begin() as conn:
            conn.execute(pending_cases.delete().where(pending_cases.c.seq <= upto))

    def pending_work(self) -> dict[str, int]:
        """How much is left to do: reports stored but not processed, people whose case files are out of date."""
        with self._connect() as conn:
            docs = conn.execute(
                select(func.count()).select_from(documents)
                .outerjoin(articles, articles.c.document_id == documents.c.id)
                .where(articles.c.document_id.is_(None))).scalar() or 0
            cases = conn.execute(select(func.count(func.distinct(pending_cases.c.entity_id)))).scalar() or 0
        return {"documents": int(docs), "cases": int(cases)}

    def processed_ids(self, ids: Iterable[str]) -> set[str]:
        """Which of these stored reports have been processed (their derived rows written)."""
        return self._values_where_in(articles.c.document_id, articles.c.document_id, ids)

    def add_sightings(self, items: Iterable[tuple[str, str]]) -> None:
        """Record that known documents were read again, from these origins."""
        stamp = now_iso()
        rows = [{"document_id": d, "origin": o, "seen_at": stamp} for d, o in items]
        if rows:
            with self._begin() as conn:
                conn.execute(insert(sightings), rows)

    def replace_outcomes(self, items: Sequence[tuple[str, Outcome]]) -> None:
        """Write derived rows for documents already stored (used by rebuild)."""
        with self._begin() as conn:
            for doc_id, outcome in items:
                for table in (articles, dates, extractions, figures, expansions, signatures, bands):
                    conn.execute(table.delete().where(table.c.document_id == doc_id))
                unindex_article(conn, doc_id)
                self._write_outcome(conn, doc_id, outcome)

    @classmethod
    def _write_outcome(cls, conn: Any, doc_id: str, outcome: Outcome) -> None:
        cls._write_article(conn, doc_id, outcome.article, outcome.error)
        if outcome.extraction is not None:
            conn.execute(insert(extractions).values(document_id=doc_id, data=dumps(outcome.extraction)))
            cls._write_indexes(conn, doc_id, outcome.extraction)
        if outcome.signature is not None:
            from ..syndication import band_keys

            conn.execute(insert(signatures).values(document_id=doc_id, data=json.dumps(outcome.signature)))
            conn.execute(insert(bands), [{"key": k, "document_id": doc_id} for k in band_keys(outcome.signature)])

    @staticmethod
    def _write_article(conn: Any, doc_id: str, article: Article | None, error: str | None) -> None:
        if article is None:
            conn.execute(insert(articles).values(
                document_id=doc_id, status=STATUS_ERROR, error=error or "processing failed", text="", words=0,
            ))
            return
        pub = article.published
        conn.execute(insert(articles).values(
            document_id=doc_id,
            title=article.title,
            author=article.author,
            outlet=article.outlet,
            url=article.url,
            external_id=article.external_id,
            published=json.dumps(pub.to_json()) if pub else None,
            published_start=pub.first.isoformat() if pub and pub.first else None,
            language=article.language,
            status=STATUS_OK if article.text.strip() else STATUS_NO_TEXT,
            error=None,
            text=article.text,
            words=len(article.text.split()),
        ))
        index_article(conn, doc_id, article.title, article.text)
        if article.dates:
            conn.execute(insert(dates), [
                {
                    "document_id": doc_id, "seq": k,
                    "span_start": m.span[0] if m.span else 0, "span_end": m.span[1] if m.span else 0,
                    "text": m.text,
                    "first": m.first.isoformat() if m.first else None,
                    "last": m.last.isoformat() if m.last else None,
                    "precision": m.precision, "calendar": m.calendar, "anchor": m.anchor,
                }
                for k, m in enumerate(article.dates)
            ])

    def iter_raw(self, batch: int = 256) -> Iterator[list[tuple[str, RawReport]]]:
        """All stored reports, in ingest order, as (document id, raw report) batches."""
        for _, items in self.iter_raw_after(0, batch):
            yield items

    def iter_raw_after(self, after: int, batch: int = 256) -> Iterator[tuple[int, list[tuple[str, RawReport]]]]:
        """The stored reports after ingest number ``after``, in order, as (last number, batch) pairs."""
        last = after
        while True:
            with self._connect() as conn:
                rows = conn.execute(
                    select(documents.c.seq, documents.c.id, documents.c.kind, documents.c.origin, documents.c.meta,
                           blobs.c.data)
                    .join(blobs, blobs.c.sha256 == documents.c.sha256)
                    .where(documents.c.seq > last)
                    .order_by(documents.c.seq)
                    .limit(batch)
                ).all()
            if not rows:
                return
            last = rows[-1].seq
            yield last, [(r.id, RawReport(data=r.data, kind=r.kind, origin=r.origin, meta=r.meta)) for r in rows]

    def raw_bytes(self, doc_id: str) -> bytes:
        with self._connect() as conn:
            data = conn.execute(
                select(blobs.c.data).join(documents, documents.c.sha256 == blobs.c.sha256)
                .where(documents.c.id == doc_id)
            ).scalar()
        if data is None:
            raise NotFoundError(f"no document {doc_id!r}; `casewatch documents` lists them")
        return data

    # ------------------------------------------------------------------ reading back

    def count_documents(self) -> int:
        with self._connect() as conn:
            return int(conn.execute(select(func.count()).select_from(documents)).scalar() or 0)

    def list_documents(self, limit: int | None = None, offset: int = 0) -> list[StoredDocument]:
        """Documents in ingest order (one page of them when ``limit`` is given)."""
        q = (select(documents, articles).outerjoin(articles, articles.c.document_id == documents.c.id)
             .order_by(documents.c.seq).offset(offset))
        if limit is not None:
            q = q.limit(limit)
        with self._connect() as conn:
            rows = conn.execute(q).mappings().all()
        return [self._stored(r) for r in rows]

    def document_rows(self, filters: DocumentFilters, order: str = "ingested", descending: bool = False,
                      limit: int | None = None, offset: int = 0) -> tuple[int, list[StoredDocument]]:
        """(how many reports match, one page of them), sorted by ``order`` (a key of DOCUMENT_ORDERS)."""
        if order not in DOCUMENT_ORDERS:
            raise InvalidValueError(f"cannot sort reports by {order!r}; choose one of {', '.join(DOCUMENT_ORDERS)}")
        where: list[Any] = []
        if filters.outlet:
            where.append(func.lower(articles.c.outlet).like(f"%{like_escape(filters.outlet.lower())}%",
                                                            escape="\\"))
        for column, value in ((articles.c.language, filters.language), (articles.c.status, filters.status)):
            if value:
                where.append(column == value)
        if filters.since:
            where.append(articles.c.published_start >= filters.since)
        if filters.until:
            where.append(articles.c.published_start <= filters.until)
        column = DOCUMENT_ORDERS[order]
        q = (select(documents, articles).outerjoin(articles, articles.c.document_id == documents.c.id).where(*where)
             .order_by(column.desc() if descending else column.asc(), documents.c.seq).offset(offset))
        if limit is not None:
            q = q.limit(limit)
        with self._connect() as conn:
            total = conn.execute(select(func.count()).select_from(documents)
                                 .outerjoin(articles, articles.c.document_id == documents.c.id).where(*where)).scalar()
            rows = conn.execute(q).mappings().all()
        return int(total or 0), [self._stored(r) for r in rows]

    def document_facets(self) -> dict[str, list[str]]:
        """The outlets, languages and statuses the stored reports have, for the reports list's filters."""
        out: dict[str, list[str]] = {}
        with self._connect() as conn:
            for name, column in (("outlet", articles.c.outlet), ("language", articles.c.language),
                                 ("status", articles.c.status)):
                out[name] = list(conn.execute(select(column).where(column.is_not(None)).distinct()
                                              .order_by(column).limit(500)).scalars())
        return out

    def report_heads(self, doc_ids: Sequence[str]) -> dict[str, dict[str, Any]]:
        """For each of these reports: title, outlet, publication day and its first words (for untitled ones)."""
        out: dict[str, dict[str, Any]] = {}
        with self._connect() as conn:
            for i in range(0, len(doc_ids), 500):
                rows = conn.execute(select(articles.c.document_id, articles.c.title, articles.c.outlet,
                                           articles.c.published_start, func.substr(articles.c.text, 1, 200))
                                    .where(articles.c.document_id.in_(doc_ids[i:i + 500]))).all()
                for r in rows:
                    out[r[0]] = {"title": r[1], "outlet": r[2], "published": r[3], "first_words": first_words(r[4])}
        return out

    def resolve_document_id(self, ref: str) -> str:
        """A full id, a unique id prefix (at least 4 characters) or a JSONL record's own id."""
        ref = ref.strip()
        with self._connect() as conn:
            if conn.execute(select(documents.c.id).where(documents.c.id == ref)).scalar():
                return ref
            hits: list[str] = []
            if len(ref) >= 4:
                pattern = like_escape(ref) + "%"
                hits = list(conn.execute(
                    select(documents.c.id).where(documents.c.id.like(pattern, escape="\\")).limit(5)
                ).scalars())
            if not hits:
                hits = list(conn.execute(
                    select(articles.c.document_id).where(articles.c.external_id == ref).limit(5)
                ).scalars())
        if len(hits) == 1:
            return hits[0]
        if not hits:
            raise NotFoundError(f"no document {ref!r}; `casewatch documents` lists them")
        raise AmbiguousIdError(f"{ref!r} matches several documents ({', '.join(hits)}); give more of the id")

    def get_document(self, ref: str) -> StoredDocument:
        doc_id = self.resolve_document_id(ref)
        with self._connect() as conn:
            row = conn.execute(
                select(documents, articles).outerjoin(articles, articles.c.document_id == documents.c.id)
                .where(documents.c.id == doc_id)
            ).mappings().one()
        return self._stored(row)

    def document_dates(self, doc_id: str) -> list[DateMention]:
        with self._connect() as conn:
            rows = conn.execute(
                select(dates).where(dates.c.document_id == doc_id).order_by(dates.c.seq)
            ).mappings().all()
        return [
            DateMention(
                text=r["text"],
                first=dt.date.fromisoformat(r["first"]) if r["first"] else None,
                last=dt.date.fromisoformat(r["last"]) if r["last"] else None,
                precision=r["precision"], span=(r["span_start"], r["span_end"]),
                calendar=r["calendar"], anchor=r["anchor"],
            )
            for r in rows
        ]

    def document_origins(self, doc_id: str) -> list[dict[str, str]]:
        with self._connect() as conn:
            rows = conn.execute(
                select(sightings.c.origin, sightings.c.seen_at)
                .where(sightings.c.document_id == doc_id).order_by(sightings.c.seq)
            ).all()
        return [{"origin": r.origin, "seen_at": r.seen_at} for r in rows]

    @staticmethod
    def _stored(r: Any) -> StoredDocument:
        art = None
        if r["status"] is not None:
            art = {k: r[k] for k in (
                "title", "author", "outlet", "url", "external_id", "language", "status", "error", "text", "words",
            )}
            art["published"] = json.loads(r["published"]) if r["published"] else None
        return StoredDocument(
            id=r["id"], sha256=r["sha256"], kind=r["kind"], origin=r["origin"],
            ingested_at=r["ingested_at"], article=art,
        )

    def close(self) -> None:
        self.engine.dispose()


def open_store(path: str | Path) -> Store:
    """Open (creating the tables when missing) the SQLite database at ``path``, or the PostgreSQL database a
    ``postgresql://`` address names."""
    if is_server_address(str(path)):
        return _open_server(str(path))
    p = Path(path)
    if p.exists() and p.is_dir():
        raise StoreError(f"{p}: is a folder; give --db a file path such as {p / 'casewatch.db'}")
    if not p.parent.exists():
        raise StoreError(f"{p}: folder {p.parent} does not exist; create it or choose another --db")
    store = Store(sqlite_engine(p), p)
    try:
        store._create()
    except (OperationalError, DatabaseError) as e:
        store.engine.dispose()
        raise StoreError(f"{p}: cannot open as a casewatch database ({e.orig}); choose another --db") from None
    return store


def _open_server(address: str) -> Store:
    from sqlalchemy.exc import SQLAlchemyError

    store = Store(postgres_engine(address), Path(address.rsplit("/", 1)[-1] or "postgresql"))
    try:
        store._create()
    except SQLAlchemyError as e:
        store.engine.dispose()
        reason = str(getattr(e, "orig", None) or e).strip().splitlines()[0]
        raise StoreError(f"{address.split('@')[-1]}: cannot open as a casewatch database ({reason}); "
                         "check the address, that the server runs and the database exists") from None
    return store


def sqlite_engine(path: Path, derived_schema: str | None = None, attach: Path | None = None) -> Engine:
    """An engine on the SQLite file at ``path``; the derived tables live in ``derived_schema`` of it (None: the
    file itself), an attached database at ``attach`` when given (the copy a rebuild makes beside the live one)."""
    engine = create_engine(f"sqlite:///{path}", future=True)
    event.listen(engine, "connect", on_connect)
    if attach is not None:
        def _attach(dbapi_connection: Any, _record: Any) -> None:
            dbapi_connection.execute("ATTACH DATABASE ? AS " + str(derived_schema), (str(attach),))

        event.listen(engine, "connect", _attach)
    event.listen(engine, "begin", on_begin)
    return engine.execution_options(schema_translate_map={DERIVED_SCHEMA: derived_schema})
