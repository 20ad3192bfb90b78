"""Store queries for who follows what, the alerts made from changes and every delivery attempt.

A follow is removed softly (``removed_at``): it makes no new alerts, and its alerts not yet delivered are
cancelled. An alert is one (change, follow) pair, unique, so it is never made or sent twice; each attempt to
deliver it is a row of ``deliveries``, which is never changed. Every follow, unfollow and change of an alert's
state is in the audit log, with webhook URLs masked and no secret.
"""
from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, insert, or_, select, update
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from ..errors import NotFoundError
from .base import StoreBase
from .decisions import write_audit
from .schema import alerts, case_files, changes, deliveries, follows
from .sql import chunks

PENDING, DELIVERED, FAILING, CANCELLED = "pending", "delivered", "failing", "cancelled"
WAITING = (PENDING, FAILING)
DELIVERY_ACTOR = "casewatch:alerts"
"""Who the audit log names for a delivery's change of state."""


def _now() -> str:
    return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()


@dataclass(frozen=True)
class Follow:
    id: int
    user: str
    kind: str
    value: str
    channel: str
    target: str
    secret: str | None
    digest: str
    created_at: str
    removed_at: str | None = None
    last_digest_at: str | None = None

    def to_json(self) -> dict[str, Any]:
        """As shown to people and scripts: the target masked, the secret never."""
        from ..alerts.channels import mask

        return {"id": self.id, "user": self.user, "kind": self.kind, "value": self.value, "channel": self.channel,
                "target": mask(self.channel, self.target), "digest": self.digest or "immediate",
                "created_at": self.created_at, "removed_at": self.removed_at}

    def brief(self) -> dict[str, Any]:
        return {"id": self.id, "kind": self.kind, "value": self.value}


@dataclass(frozen=True)
class DueAlert:
    id: int
    change_seq: int
    attempts: int
    state: str
    follow: Follow


def _follow(r: Any) -> Follow:
    return Follow(id=r.id, user=r.user, kind=r.kind, value=r.value, channel=r.channel, target=r.target,
                  secret=r.secret, digest=r.digest or "", created_at=r.created_at, removed_at=r.removed_at,
                  last_digest_at=r.last_digest_at)


def change_json(row: Any) -> dict[str, Any]:
    """A ``changes`` row as ``casewatch changes --format json`` prints it."""
    from ..changes.records import change_json as shared

    return shared(row._mapping if hasattr(row, "_mapping") else row)


def _alert_json(r: Any) -> dict[str, Any]:
    return {"id": r.id, "change": r.change_seq, "follow": r.follow_id, "channel": r.channel, "state": r.state,
            "attempts": r.attempts, "delivered_at": r.delivered_at, "next_attempt_at": r.next_attempt_at,
            "last_error": r.last_error, "created_at": r.created_at, "user": r.user}


class FollowQueries(StoreBase):
    """Mixed into :class:`casewatch.store.Store`."""

    # ------------------------------------------------------------------ follows

    def add_follow(self, user: str, kind: str, value: str, channel: str, target: str, digest: str = "",
                   secret: str | None = None, *, at: str | None = None, actor: str | None = None) -> int:
        """A new follow (values already checked by ``casewatch.alerts.follow``); audited with the target masked."""
        at = at or _now()
        with self._begin() as conn:
            follow_id = int(conn.execute(insert(follows).values(
                user=user, kind=kind, value=value, channel=channel, target=target, secret=secret, digest=digest,
                created_at=at)).inserted_primary_key[0])
            row = conn.execute(select(follows).where(follows.c.id == follow_id)).one()
            write_audit(conn, at, actor or user, "follow.add", f"follow/{follow_id}", None, _follow(row).to_json())
        return follow_id

    def follows(self, user: str | None = None, include_removed: bool = False) -> list[Follow]:
        q = select(follows).order_by(follows.c.id)
        if user is not None:
            q = q.where(follows.c.user == user)
        if not include_removed:
            q = q.where(follows.c.removed_at.is_(None))
        with self._connect() as conn:
            return [_follow(r) for r in conn.execute(q)]

    def get_follow(self, follow_id: int) -> Follow:
        with self._connect() as conn:
            row = conn.execute(select(follows).where(follows.c.id == follow_id)).first()
        if row is None:
            raise NotFoundError(f"no follow {follow_id}; `casewatch following` lists them")
        return _follow(row)

    def remove_follow(self, follow_id: int, *, at: str | None = None, actor: str | None = None) -> Follow:
        """Stop a follow: it makes no new alerts and its undelivered alerts are cancelled (kept, never sent)."""
        at = at or _now()
        before = self.get_follow(follow_id)
        with self._begin() as conn:
            conn.execute(update(follows).where(follows.c.id == follow_id, follows.c.removed_at.is_(None))
                         .values(removed_at=at))
            cancelled = conn.execute(update(alerts).where(alerts.c.follow_id == follow_id,
                                                          alerts.c.state.in_(WAITING))
                                     .values(state=CANCELLED, next_attempt_at=None)).rowcount
            after = _follow(conn.execute(select(follows).where(follows.c.id == follow_id)).one())
            write_audit(conn, at, actor or before.user, "follow.remove", f"follow/{follow_id}", before.to_json(),
                        after.to_json() | ({"alerts_cancelled": cancelled} if cancelled else {}))
        return after

    # ------------------------------------------------------------------ alerts made from change records

    def changes_and_cases(self, change_seqs: Sequence[int]) -> tuple[dict[int, dict[str, Any]],
                                                                     dict[str, dict[str, Any]]]:
        """These change records (as ``changes`` prints them) by id, and the current case files they name."""
        seqs = sorted({int(s) for s in change_seqs})
        found: dict[int, dict[str, Any]] = {}
        cases: dict[str, dict[str, Any]] = {}
        with self._connect() as conn:
            for chunk in chunks(seqs):  # type: ignore[arg-type]
                for row in conn.execute(select(changes).where(changes.c.seq.in_(chunk))):
                    found[row.seq] = change_json(row)
            ids = sorted({c["case"] for c in found.values()})
            for chunk in chunks(ids):
                for cid, data in conn.execute(select(case_files.c.id, case_files.c.data)
                                              .where(case_files.c.id.in_(chunk))):
                    cases[cid] = json.loads(data)
        return found, cases

    def case_names(self, case_ids: Sequence[str]) -> dict[str, str]:
        """The subject's name of each of these cases that exists."""
        out: dict[str, str] = {}
        with self._connect() as conn:
            for chunk in chunks(sorted(set(case_ids))):
                rows = conn.execute(select(case_files.c.id, case_files.c.name).where(case_files.c.id.in_(chunk)))
                out.update({r.id: r.name for r in rows})
        return out

    def queue_alerts(self, change_seqs: Sequence[int]) -> int:
        """Make an alert for each follow that one of these new change records matches; returns how many.

        Called inside the transaction that stores the change records, so a change and its alerts are kept
        together or not at all. Only these changes and their case files are read; an alert already made for a
        (change, follow) pair is not made again."""
        from ..alerts.match import matches

        if not change_seqs:
            return 0
        at = _now()
        with self._begin() as conn:
            found, cases = self.changes_and_cases(change_seqs)
            active = [_follow(r) for r in conn.execute(select(follows).where(follows.c.removed_at.is_(None)))]
            made = 0
            for seq, change in sorted(found.items()):
                for f in active:
                    if not matches(f, change, cases.get(change["case"])):
                        continue
                    made += conn.execute(sqlite_insert(alerts).values(
                        change_seq=seq, follow_id=f.id, channel=f.channel, state=PENDING, attempts=0,
                        created_at=at).on_conflict_do_nothing(index_elements=["change_seq", "follow_id"])).rowcount
        return made

    def due_alerts(self, now: str) -> list[DueAlert]:
        """Every alert waiting to be sent whose next try is due by ``now`` (oldest first), with its follow."""
        q = (select(alerts.c.id, alerts.c.change_seq, alerts.c.attempts, alerts.c.state,
                    *[c.label(f"f_{c.name}") for c in follows.c])
             .join(follows, follows.c.id == alerts.c.follow_id)
             .where(alerts.c.state.in_(WAITING), follows.c.removed_at.is_(None),
                    or_(alerts.c.next_attempt_at.is_(None), alerts.c.next_attempt_at <= now))
             .order_by(alerts.c.id))
        with self._connect() as conn:
            rows = conn.execute(q).all()
        return [DueAlert(id=r.id, change_seq=r.change_seq, attempts=r.attempts, state=r.state,
                         follow=Follow(**{c.name: getattr(r, f"f_{c.name}") for c in follows.c}))
                for r in rows]

    def record_attempt(self, alert_ids: Sequence[int], at: str, ok: bool, detail: str,
                       next_attempt_at: str | None = None, digest_follow: int | None = None) -> None:
        """One delivery attempt of these alerts (one message): a ``deliveries`` row each, their state updated
        (delivered, or failing until ``next_attempt_at``), a change of state audited; a digest's follow notes
        when its digest was delivered."""
        with self._begin() as conn:
            for alert_id in alert_ids:
                before = conn.execute(select(alerts).where(alerts.c.id == alert_id)).one()
                conn.execute(insert(deliveries).values(alert_id=alert_id, at=at, ok=int(ok), detail=detail))
                values: dict[str, Any] = {"attempts": before.attempts + 1, "last_error": None if ok else detail}
                values |= ({"state": DELIVERED, "delivered_at": at, "next_attempt_at": None} if ok
                           else {"state": FAILING, "next_attempt_at": next_attempt_at})
                conn.execute(update(alerts).where(alerts.c.id == alert_id).values(**values))
                if values["state"] != before.state:
                    write_audit(conn, at, DELIVERY_ACTOR, f"alert.{values['state']}", f"alert/{alert_id}",
                                {"state": before.state, "attempts": before.attempts},
                                {"state": values["state"], "attempts": values["attempts"], "detail": detail})
            if ok and digest_follow is not None:
                conn.execute(update(follows).where(follows.c.id == digest_follow).values(last_digest_at=at))

    def alerts_list(self, *, user: str | None = None, state: str | None = None, limit: int | None = None,
                    offset: int = 0) -> tuple[int, list[dict[str, Any]]]:
        """(how many, the alerts newest first) as ``casewatch alerts --format json`` prints them."""
        where = []
        if user is not None:
            where.append(follows.c.user == user)
        if state:
            where.append(alerts.c.state == state)
        joined = alerts.join(follows, follows.c.id == alerts.c.follow_id)
        q = select(alerts, follows.c.user).select_from(joined).where(*where).order_by(alerts.c.id.desc())
        if limit is not None:
            q = q.limit(limit).offset(offset)
        with self._connect() as conn:
            total = int(conn.execute(select(func.count()).select_from(joined).where(*where)).scalar() or 0)
            return total, [_alert_json(r) for r in conn.execute(q)]

    def deliveries_of(self, alert_id: int) -> list[dict[str, Any]]:
        with self._connect() as conn:
            rows = conn.execute(select(deliveries).where(deliveries.c.alert_id == alert_id)
                                .order_by(deliveries.c.seq)).all()
        return [{"at": r.at, "ok": bool(r.ok), "detail": r.detail} for r in rows]
