"""Store queries for what changed in case files: the append-only change records.

Change records are never rebuilt, changed or deleted (triggers refuse UPDATE and DELETE). They are written
only by the live store, in the transaction that saves the new case files (see ``casewatch.link``); the copy
``casewatch rebuild`` builds beside the live tables records none, since it reads the same reports again.
"""
from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, insert, select

from ..errors import NotFoundError
from .base import StoreBase
from .schema import DERIVED_SCHEMA, alerts, case_files, follows
from .schema import changes as changes_table
from .sql import chunks

if TYPE_CHECKING:
    from ..changes.diff import Change


class ChangeQueries(StoreBase):
    """Mixed into :class:`casewatch.store.Store`."""

    @property
    def records_changes(self) -> bool:
        """True for the live store; False for the rebuild's copy, whose derived tables are another schema."""
        translate = self.engine.get_execution_options().get("schema_translate_map") or {}
        return translate.get(DERIVED_SCHEMA) is None

    def case_files_of(self, entity_ids: Iterable[str]) -> dict[str, dict[str, Any]]:
        """The stored case file of each of these people who has one (subject entity id -> case file)."""
        out: dict[str, dict[str, Any]] = {}
        with self._connect() as conn:
            for chunk in chunks(sorted(set(entity_ids))):
                rows = conn.execute(select(case_files.c.entity_id, case_files.c.data)
                                    .where(case_files.c.entity_id.in_(chunk))).all()
                out.update((r.entity_id, json.loads(r.data)) for r in rows)
        return out

    def add_changes(self, case_id: str, case_name: str, at: str, changes: Sequence[Change]) -> list[int]:
        """Append these change records of one case; returns their numbers (joins the caller's transaction)."""
        seqs = []
        with self._begin() as conn:
            for c in changes:
                result = conn.execute(insert(changes_table).values(
                    at=at, case_id=case_id, case_name=case_name, kind=c.kind, from_value=c.from_value,
                    to_value=c.to_value, detail=json.dumps(c.detail, ensure_ascii=False),
                    documents=json.dumps(list(c.documents), ensure_ascii=False)))
                seqs.append(int(result.inserted_primary_key[0]))
        return seqs

    @staticmethod
    def _change_filters(since: str | None, case_id: str | None, kind: str | None,
                        watch_user: str | None) -> list[Any]:
        where: list[Any] = []
        if since:
            where.append(changes_table.c.at >= since)
        if case_id:
            where.append(changes_table.c.case_id == case_id)
        if kind:
            where.append(changes_table.c.kind == kind)
        if watch_user:
            alerted = (select(alerts.c.change_seq).join(follows, follows.c.id == alerts.c.follow_id)
                       .where(follows.c.user == watch_user))
            where.append(changes_table.c.seq.in_(alerted))
        return where

    def changes(self, since: str | None = None, case_id: str | None = None, kind: str | None = None,
                watch_user: str | None = None, limit: int | None = 100, offset: int = 0) -> list[dict[str, Any]]:
        """Change records, newest first: made at or after ``since`` (a UTC time stamp), of one case, of one kind,
        and (``watch_user``) only those that made an alert for that user's follows. Rows as stored."""
        q = (select(changes_table).where(*self._change_filters(since, case_id, kind, watch_user))
             .order_by(changes_table.c.seq.desc()).offset(offset))
        if limit is not None:
            q = q.limit(limit)
        with self._connect() as conn:
            return [dict(r._mapping) for r in conn.execute(q)]

    def count_changes(self, since: str | None = None, case_id: str | None = None, kind: str | None = None,
                      watch_user: str | None = None) -> int:
        q = select(func.count()).select_from(changes_table).where(
            *self._change_filters(since, case_id, kind, watch_user))
        with self._connect() as conn:
            return int(conn.execute(q).scalar() or 0)

    def change(self, seq: int) -> dict[str, Any]:
        """One change record by its number."""
        with self._connect() as conn:
            row = conn.execute(select(changes_table).where(changes_table.c.seq == seq)).first()
        if row is None:
            raise NotFoundError(f"no change record {seq}; `casewatch changes` lists them")
        return dict(row._mapping)
