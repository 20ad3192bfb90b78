"""Checks that what the store holds is what was written: every report's bytes against its id and sha256, every
hash chain row by row, and every report an ingest recorded in the audit log still there.

Read-only: one snapshot of the database, nothing changed. ``casewatch verify`` prints the result.
"""
from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, select

from .chain import CHAINS, Head, Problem, check_chain, holds, last_row
from .core import ID_LENGTH, Store
from .schema import audit, blobs, documents

RECORDING_ACTIONS = ("ingest", "upload")
"""Audit actions whose ``after`` lists, under ``new``, the ids of the reports they stored."""


@dataclass
class Verification:
    """What ``casewatch verify`` found."""

    reports: int = 0
    chains: dict[str, int] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    head: Head | None = None

    @property
    def intact(self) -> bool:
        return not self.problems

    def to_json(self) -> dict[str, Any]:
        return {"reports": self.reports, "audit_entries": self.chains.get("audit", 0),
                "reviews": self.chains.get("reviews", 0), "intact": self.intact,
                "problems": [{"in": p.chain, "seq": p.seq, "kind": p.kind, "line": p.line} for p in self.problems],
                "audit_head": self.head.to_json() if self.head else None}


def verify(store: Store, expect_heads: tuple[str, ...] = ()) -> Verification:
    """Check the whole store; ``expect_heads`` are audit-chain hashes kept from exports that must still be held."""
    result = Verification()
    with store._connect() as conn:
        result.reports, problems = check_documents(conn)
        result.problems.extend(problems)
        result.problems.extend(check_recorded_reports(conn))
        for name in CHAINS:
            count, found = check_chain(conn, name)
            result.chains[name] = count
            result.problems.extend(found)
        for digest in expect_heads:
            if holds(conn, "audit", digest.strip().lower()) is None:
                result.problems.append(Problem("audit", None, "missing", f"audit head {digest}: missing (the audit "
                                                                          "chain no longer holds the row it names)"))
        result.head = last_row(conn, "audit")
    return result


def audit_head(store: Store) -> Head:
    """Where the audit chain ends now (what an export carries, for a recipient to check later)."""
    with store._connect() as conn:
        return last_row(conn, "audit")


def _documents(conn: Connection, batch: int = 200) -> Iterator[Any]:
    last = 0
    while True:
        rows = conn.execute(
            select(documents.c.seq, documents.c.id, documents.c.sha256, blobs.c.sha256.label("blob_sha256"),
                   blobs.c.data, blobs.c.size)
            .outerjoin(blobs, blobs.c.sha256 == documents.c.sha256)
            .where(documents.c.seq > last).order_by(documents.c.seq).limit(batch)).all()
        if not rows:
            return
        yield from rows
        last = rows[-1].seq


def report_problem(doc_id: str, sha256: str, data: bytes | None, size: int | None = None) -> tuple[str, str] | None:
    """(altered or missing, one line saying why) when a stored report's bytes do not fit its id and sha256."""
    if data is None:
        return "missing", f"report {doc_id}: missing (its raw bytes are gone)"
    if not isinstance(data, bytes):
        return "altered", f"report {doc_id}: altered (its bytes were replaced by a {type(data).__name__})"
    actual = hashlib.sha256(data).hexdigest()
    if actual != sha256:
        return "altered", f"report {doc_id}: altered (its bytes no longer match the sha256 they were stored under)"
    if actual[:ID_LENGTH] != doc_id:
        return "altered", f"report {doc_id}: altered (its id does not match its bytes)"
    if size is not None and size != len(data):
        return "altered", f"report {doc_id}: altered (its size no longer matches the one stored)"
    return None


def matches_id(doc_id: str, data: object) -> bool:
    """Whether a report's stored bytes still give its id (what ``casewatch rebuild`` checks before using them)."""
    return isinstance(data, bytes) and hashlib.sha256(data).hexdigest()[:ID_LENGTH] == doc_id


def check_documents(conn: Connection) -> tuple[int, list[Problem]]:
    """(how many reports are stored, each one whose bytes are altered or missing, each gap in their numbers)."""
    problems: list[Problem] = []
    count = 0
    prev = 0
    for r in _documents(conn):
        count += 1
        if r.seq > prev + 1:
            span = f"report number {prev + 1}" if r.seq == prev + 2 else f"report numbers {prev + 1}-{r.seq - 1}"
            problems.append(Problem("reports", prev + 1, "missing", f"{span}: missing (deleted from the list of "
                                                                    "reports)"))
        prev = r.seq
        found = report_problem(r.id, r.sha256, r.data if r.blob_sha256 is not None else None, r.size)
        if found is not None:
            problems.append(Problem("reports", int(r.seq), *found))
    return count, problems


def check_recorded_reports(conn: Connection) -> list[Problem]:
    """Reports the audit log says an ingest or upload stored that the store no longer lists."""
    recorded: dict[str, int] = {}
    for row in conn.execute(select(audit.c.seq, audit.c.after).where(audit.c.action.in_(RECORDING_ACTIONS))
                            .order_by(audit.c.seq)):
        try:
            new = json.loads(row.after or "null") or {}
        except ValueError:
            continue  # an altered row: the chain check names it
        ids = new.get("new") if isinstance(new, dict) else None
        for doc_id in ids if isinstance(ids, list) else []:
            recorded.setdefault(str(doc_id), int(row.seq))
    if not recorded:
        return []
    present: set[str] = set()
    wanted = list(recorded)
    for i in range(0, len(wanted), 500):
        present.update(conn.execute(select(documents.c.id).where(documents.c.id.in_(wanted[i:i + 500]))).scalars())
    return [Problem("reports", None, "missing", f"report {doc_id}: missing (audit row {seq} records it stored, the "
                                                "store no longer lists it)")
            for doc_id, seq in recorded.items() if doc_id not in present]
