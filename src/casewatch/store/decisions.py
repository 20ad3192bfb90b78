"""Store queries for what people decide and do: reviews of case files and the audit log.

Both tables are append-only (triggers refuse updates and deletes), never
rebuilt, and hash-chained (:mod:`casewatch.store.chain`), so a row changed or
removed by hand shows in ``casewatch verify``. A review's current state is its latest row for the same case and
target; earlier rows stay as the history.
"""
from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Engine, func, select

from ..models import Review
from .chain import append
from .schema import audit, reviews
from .sql import chunks, like_escape


@dataclass(frozen=True)
class AuditEntry:
    seq: int
    at: str
    actor: str
    action: str
    target: str
    before: Any
    after: Any

    def to_json(self) -> dict[str, Any]:
        return {"seq": self.seq, "at": self.at, "actor": self.actor, "action": self.action, "target": self.target,
                "before": self.before, "after": self.after}


def _review(r: Any) -> Review:
    return Review(case_id=r.case_id, target_id=r.target_id, kind=r.kind, state=r.state, value=r.value,
                  note=r.note, user=r.user, at=r.at, seq=r.seq)


def _dump(value: Any) -> str | None:
    return None if value is None else json.dumps(value, ensure_ascii=False, sort_keys=True)


def write_audit(conn: Connection, at: str, actor: str, action: str, target: str, before: Any = None,
                after: Any = None) -> None:
    """One audit row, inside the caller's transaction (so a change and its record land together)."""
    append(conn, "audit", {"at": at, "actor": actor, "action": action, "target": target, "before": _dump(before),
                           "after": _dump(after)})


class DecisionQueries:
    """Mixed into :class:`casewatch.store.Store`."""

    engine: Engine
    _begin: Callable[[], Any]  # a write transaction (BEGIN IMMEDIATE), from StoreBase

    # ------------------------------------------------------------------ reviews

    def add_review(self, review: Review, before: Review | None) -> None:
        """Record a review and its audit row in one transaction."""
        with self._begin() as conn:
            append(conn, "reviews", {
                "case_id": review.case_id, "target_id": review.target_id, "kind": review.kind,
                "state": review.state, "value": review.value, "note": review.note, "user": review.user,
                "at": review.at,
            })
            write_audit(conn, review.at, review.user, "review", f"{review.case_id}/{review.target_id}",
                        before.to_json() if before else None, review.to_json())

    def current_reviews(self, case_ids: Iterable[str]) -> dict[str, dict[str, Review]]:
        """Case id -> target id -> that target's latest review."""
        wanted = list(dict.fromkeys(case_ids))
        out: dict[str, dict[str, Review]] = {}
        with self.engine.connect() as conn:
            for chunk in chunks(wanted):
                latest = (select(func.max(reviews.c.seq)).where(reviews.c.case_id.in_(chunk))
                          .group_by(reviews.c.case_id, reviews.c.target_id))
                for r in conn.execute(select(reviews).where(reviews.c.seq.in_(latest))):
                    out.setdefault(r.case_id, {})[r.target_id] = _review(r)
        return out

    def review_history(self, case_id: str) -> list[Review]:
        with self.engine.connect() as conn:
            rows = conn.execute(select(reviews).where(reviews.c.case_id == case_id).order_by(reviews.c.seq)).all()
        return [_review(r) for r in rows]

    # ------------------------------------------------------------------ audit log

    def record(self, at: str, actor: str, action: str, target: str, before: Any = None, after: Any = None) -> None:
        with self._begin() as conn:
            write_audit(conn, at, actor, action, target, before, after)

    def audit_log(self, *, limit: int = 100, offset: int = 0, action: str | None = None,
                  actor: str | None = None, target: str | None = None) -> list[AuditEntry]:
        """Newest first; ``target`` matches any part of what was changed."""
        q = select(audit).where(*_audit_filters(action, actor, target)).order_by(audit.c.seq.desc())
        with self.engine.connect() as conn:
            rows = conn.execute(q.limit(limit).offset(offset)).all()
        return [AuditEntry(seq=r.seq, at=r.at, actor=r.actor, action=r.action, target=r.target,
                           before=json.loads(r.before) if r.before else None,
                           after=json.loads(r.after) if r.after else None) for r in rows]

    def count_audit(self, *, action: str | None = None, actor: str | None = None, target: str | None = None) -> int:
        q = select(func.count()).select_from(audit).where(*_audit_filters(action, actor, target))
        with self.engine.connect() as conn:
            return int(conn.execute(q).scalar() or 0)


def _audit_filters(action: str | None, actor: str | None, target: str | None) -> list[Any]:
    where = []
    if action:
        where.append(audit.c.action == action)
    if actor:
        where.append(audit.c.actor == actor)
    if target:
        where.append(audit.c.target.like(f"%{like_escape(target)}%", escape="\\"))
    return where
