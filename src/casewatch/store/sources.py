"""Store queries for what is watched on the network: sources, the fetch log, feed entries.

Sources are never deleted: ``remove`` marks one removed, so its fetch log and entries keep saying where
reports came from. Every change to a source is written to the audit log with the change itself.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass
from typing import Any

from sqlalchemy import and_, func, insert, or_, select, update

from ..errors import NotFoundError
from .base import StoreBase
from .decisions import write_audit
from .schema import entries, fetches, sources


@dataclass(frozen=True)
class SourceRow:
    """One watched source and where it stands."""

    id: int
    name: str
    url: str
    kind: str | None
    every_seconds: int
    added_at: str
    added_by: str
    paused_at: str | None
    removed_at: str | None
    etag: str | None
    last_modified: str | None
    last_fetch_at: str | None
    last_status: str | None
    items_seen: int
    failures: int
    next_due_at: str | None

    @property
    def state(self) -> str:
        if self.removed_at:
            return "removed"
        if self.paused_at:
            return "paused"
        if (self.last_status or "").startswith(FAILING):
            return "failing"  # still fetched on its interval
        return "active"

    def to_json(self) -> dict[str, Any]:
        out = asdict(self)
        out["state"] = self.state
        return out


@dataclass(frozen=True)
class EntryRow:
    """One item fetched for a source: a feed entry or a version of a watched page."""

    seq: int
    source_id: int
    guid: str | None
    url: str | None
    sha256: str | None
    document_id: str | None
    previous_document_id: str | None
    title: str | None
    published: str | None
    seen_at: str


@dataclass(frozen=True)
class FetchRow:
    """One request made for a source."""

    seq: int
    source_id: int
    at: str
    url: str
    status: int | None
    bytes: int
    new_items: int
    error: str | None


FAILING = "failing: "
"""How the last status of a source that failed ``Settings.failing_after`` times in a row begins."""


def _source(r: Any) -> SourceRow:
    return SourceRow(**{k: getattr(r, k) for k in SourceRow.__dataclass_fields__})


AUDITED = ("name", "url", "kind", "every_seconds", "paused_at", "removed_at")
"""What the audit log keeps of a source when it changes (the fetch state changes on every pass)."""


def _audit_view(row: SourceRow) -> dict[str, Any]:
    return {k: getattr(row, k) for k in AUDITED}


class SourceQueries(StoreBase):
    """Mixed into :class:`casewatch.store.Store`."""

    # ------------------------------------------------------------------ sources

    def add_source(self, name: str, url: str, kind: str | None, every_seconds: int, at: str, actor: str) -> SourceRow:
        with self._begin() as conn:
            new_id = conn.execute(insert(sources).values(
                name=name, url=url, kind=kind, every_seconds=every_seconds, added_at=at, added_by=actor,
                next_due_at=at, items_seen=0, failures=0)).inserted_primary_key[0]
            row = _source(conn.execute(select(sources).where(sources.c.id == new_id)).one())
            write_audit(conn, at, actor, "source.add", f"source/{new_id}", None, _audit_view(row))
        return row

    def list_sources(self, include_removed: bool = False) -> list[SourceRow]:
        q = select(sources).order_by(sources.c.id)
        if not include_removed:
            q = q.where(sources.c.removed_at.is_(None))
        with self._connect() as conn:
            return [_source(r) for r in conn.execute(q).all()]

    def get_source(self, source_id: int) -> SourceRow:
        with self._connect() as conn:
            r = conn.execute(select(sources).where(sources.c.id == source_id)).one_or_none()
        if r is None or r.removed_at:
            raise NotFoundError(f"no source {source_id}; `casewatch sources list` lists them")
        return _source(r)

    def change_source(self, source_id: int, at: str, actor: str, action: str, **values: Any) -> SourceRow:
        """Set these columns of a source (pause, resume, remove), with an audit entry of before and after."""
        before = self.get_source(source_id)
        with self._begin() as conn:
            conn.execute(update(sources).where(sources.c.id == source_id).values(**values))
            after = _source(conn.execute(select(sources).where(sources.c.id == source_id)).one())
            write_audit(conn, at, actor, action, f"source/{source_id}", _audit_view(before), _audit_view(after))
        return after

    def due_sources(self, now: str, source_id: int | None = None) -> list[SourceRow]:
        """Active sources whose next fetch is due (``source_id``: that one, due or not)."""
        q = select(sources).where(sources.c.removed_at.is_(None))
        if source_id is not None:
            q = q.where(sources.c.id == source_id)
        else:
            q = q.where(sources.c.paused_at.is_(None),
                        or_(sources.c.next_due_at.is_(None), sources.c.next_due_at <= now))
        with self._connect() as conn:
            return [_source(r) for r in conn.execute(q.order_by(sources.c.next_due_at, sources.c.id)).all()]

    def next_due_at(self) -> str | None:
        """When the next active source is due; None when none is watched."""
        with self._connect() as conn:
            return conn.execute(select(func.min(sources.c.next_due_at)).where(
                sources.c.removed_at.is_(None), sources.c.paused_at.is_(None))).scalar()

    def source_fetched(self, source_id: int, *, at: str, kind: str | None, status: str, ok: bool, new_items: int,
                       next_due_at: str, etag: str | None = None, last_modified: str | None = None,
                       keep_validators: bool = False) -> None:
        """Where a source stands after a fetch: its last status, failures in a row, items seen, next due time."""
        values: dict[str, Any] = {
            "last_fetch_at": at, "last_status": status, "next_due_at": next_due_at,
            "items_seen": sources.c.items_seen + new_items,
            "failures": 0 if ok else sources.c.failures + 1,
        }
        if kind is not None:
            values["kind"] = func.coalesce(sources.c.kind, kind)
        if ok and not keep_validators:
            values["etag"] = etag
            values["last_modified"] = last_modified
        with self._begin() as conn:
            conn.execute(update(sources).where(sources.c.id == source_id).values(**values))

    # ------------------------------------------------------------------ the fetch log

    def record_fetches(self, rows: Sequence[dict[str, Any]]) -> None:
        """Rows of the fetch log: source_id, at, url, status, bytes, new_items, error."""
        if rows:
            with self._begin() as conn:
                conn.execute(insert(fetches), list(rows))

    def fetch_log(self, source_id: int | None = None, limit: int = 50) -> list[FetchRow]:
        q = select(fetches).order_by(fetches.c.seq.desc()).limit(limit)
        if source_id is not None:
            q = q.where(fetches.c.source_id == source_id)
        with self._connect() as conn:
            return [FetchRow(**{k: getattr(r, k) for k in FetchRow.__dataclass_fields__})
                    for r in conn.execute(q).all()]

    # ------------------------------------------------------------------ entries

    def known_entry(self, *, guid: str | None = None, url: str | None = None,
                    sha256: str | None = None) -> EntryRow | None:
        """The first entry seen with this GUID, canonical URL or page hash (any source): the same story
        reached through two feeds is one."""
        keys = [c == v for c, v in ((entries.c.guid, guid), (entries.c.url, url), (entries.c.sha256, sha256)) if v]
        if not keys:
            return None
        with self._connect() as conn:
            r = conn.execute(select(entries).where(or_(*keys)).order_by(entries.c.seq).limit(1)).one_or_none()
        return EntryRow(**{k: getattr(r, k) for k in EntryRow.__dataclass_fields__}) if r is not None else None

    def latest_version(self, source_id: int) -> EntryRow | None:
        """The newest entry of a watched page that became a report (its current version)."""
        with self._connect() as conn:
            r = conn.execute(select(entries).where(and_(entries.c.source_id == source_id,
                                                        entries.c.document_id.is_not(None)))
                             .order_by(entries.c.seq.desc()).limit(1)).one_or_none()
        return EntryRow(**{k: getattr(r, k) for k in EntryRow.__dataclass_fields__}) if r is not None else None

    def add_entries(self, rows: Sequence[dict[str, Any]]) -> None:
        """Entries seen: source_id, guid, url, sha256, document_id, previous_document_id, title, published,
        seen_at."""
        if rows:
            with self._begin() as conn:
                conn.execute(insert(entries), list(rows))

    def entries_of_document(self, doc_id: str) -> list[EntryRow]:
        """Where a report was found on the network (feed entries and page versions)."""
        with self._connect() as conn:
            rows = conn.execute(select(entries).where(entries.c.document_id == doc_id)
                                .order_by(entries.c.seq)).all()
        return [EntryRow(**{k: getattr(r, k) for k in EntryRow.__dataclass_fields__}) for r in rows]
