"""Hash chains over the append-only tables, so a changed, forged or deleted row shows.

Each row of ``audit`` and ``reviews`` carries the hash of the row before it (``prev_hash``) and its own
(``entry_hash`` = sha256 of the previous hash and a canonical serialisation of the row's fields, its number
included). The last hash and number of each chain are also kept in ``meta``, so rows cut off the end show
too. :func:`check_chain` walks a chain and names every row that does not fit.
"""
from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Table, func, insert, select, text

from .dialect import upsert
from .schema import SCHEMA_VERSION, audit, meta, reviews

GENESIS = "0" * 64
"""The ``prev_hash`` of a chain's first row."""
CHAINED_FROM = 2
"""The schema version from which rows are chained as they are written."""

CHAINS: dict[str, tuple[Table, tuple[str, ...]]] = {
    "audit": (audit, ("seq", "at", "actor", "action", "target", "before", "after")),
    "reviews": (reviews, ("seq", "case_id", "target_id", "kind", "state", "value", "note", "user", "at")),
}
"""Each chained table and the fields its hashes cover, in order."""


def canonical(fields: tuple[str, ...], row: Mapping[str, Any]) -> str:
    """The fields of one row as one JSON text: same values, same text, on every machine."""
    return json.dumps([[name, row[name]] for name in fields], ensure_ascii=False, separators=(",", ":"))


def entry_hash(prev_hash: str, fields: tuple[str, ...], row: Mapping[str, Any]) -> str:
    return hashlib.sha256((prev_hash + canonical(fields, row)).encode("utf-8")).hexdigest()


def _head_key(name: str) -> str:
    return f"chain_head:{name}"


@dataclass(frozen=True)
class Head:
    """Where a chain ends: its last row's number, hash and time (0, the genesis hash and None when empty)."""

    entries: int
    hash: str
    at: str | None

    def to_json(self) -> dict[str, Any]:
        return {"hash": self.hash, "entries": self.entries, "at": self.at}


def recorded_head(conn: Connection, name: str) -> Head | None:
    """The head the store recorded when it last wrote to the chain; None when it never did."""
    value = conn.execute(select(meta.c.value).where(meta.c.key == _head_key(name))).scalar()
    if value is None:
        return None
    data = json.loads(value)
    return Head(entries=int(data["entries"]), hash=str(data["hash"]), at=data.get("at"))


def _set_head(conn: Connection, name: str, head: Head) -> None:
    conn.execute(upsert(conn, meta, ["key"], {"key": _head_key(name), "value": json.dumps(head.to_json())}))


def last_row(conn: Connection, name: str) -> Head:
    """The chain's last stored row, as a head."""
    table, _ = CHAINS[name]
    row = conn.execute(select(table.c.seq, table.c.entry_hash, table.c.at).order_by(table.c.seq.desc()).limit(1)
                       ).first()
    if row is None:
        return Head(0, GENESIS, None)
    return Head(int(row.seq), row.entry_hash or GENESIS, row.at)


def append(conn: Connection, name: str, values: dict[str, Any]) -> Head:
    """Insert one row at the end of a chain, with its hashes, inside the caller's write transaction."""
    table, fields = CHAINS[name]
    before = last_row(conn, name)
    recorded = recorded_head(conn, name)
    seq = max(before.entries, recorded.entries if recorded else 0) + 1
    row = {**values, "seq": seq}
    prev = before.hash
    digest = entry_hash(prev, fields, row)
    conn.execute(insert(table).values(**row, prev_hash=prev, entry_hash=digest))
    head = Head(seq, digest, row.get("at"))
    _set_head(conn, name, head)
    return head


def chain_existing(conn: Connection, name: str) -> int:
    """Chain, in order, the rows a database made before the chains existed (run once, when it is upgraded).

    The table's triggers refuse updates, so they are dropped here and made again by the caller."""
    table, fields = CHAINS[name]
    for trigger in (f"{name}_never_change", f"{name}_never_deleted"):
        conn.execute(text(f"DROP TRIGGER IF EXISTS {trigger}"))
    prev = GENESIS
    count = 0
    last: Any = None
    for row in conn.execute(select(table).order_by(table.c.seq)).mappings().all():
        digest = entry_hash(prev, fields, row)
        conn.execute(table.update().where(table.c.seq == row["seq"]).values(prev_hash=prev, entry_hash=digest))
        prev, last, count = digest, row, count + 1
    if last is not None:
        _set_head(conn, name, Head(int(last["seq"]), prev, last["at"]))
    return count


def upgrade(conn: Connection, found: int) -> None:
    """Bring a database made with schema ``found`` up to this one: chain its rows once and record the version.

    Runs inside the transaction that opens the store, so a second process opening it meanwhile waits and then
    finds it upgraded."""
    if found < CHAINED_FROM:
        for name in CHAINS:
            chain_existing(conn, name)
    conn.execute(meta.update().where(meta.c.key == "schema_version").values(value=str(SCHEMA_VERSION)))


@dataclass(frozen=True)
class Problem:
    """One row that does not fit its chain."""

    chain: str
    seq: int | None
    kind: str  # altered, forged, missing
    line: str


def _label(name: str) -> str:
    return "audit row" if name == "audit" else "review"


def check_chain(conn: Connection, name: str) -> tuple[int, list[Problem]]:
    """(how many rows the chain holds, every row that is altered, forged or missing)."""
    table, fields = CHAINS[name]
    label = _label(name)
    recorded = recorded_head(conn, name)
    problems: list[Problem] = []
    prev_seq, prev_hash = 0, GENESIS
    count = 0
    for row in _rows(conn, table):
        count += 1
        seq = int(row["seq"])
        if seq > prev_seq + 1:
            problems.append(_missing(name, prev_seq + 1, seq - 1, f"{label} {seq} follows {prev_seq}"))
        stored = row["entry_hash"]
        why = None
        if stored is None:
            why = "forged (it carries no chain hash, so casewatch did not write it)"
        elif row["prev_hash"] != prev_hash and seq == prev_seq + 1:
            why = f"forged (it does not follow {label} {prev_seq} in the chain)"
        elif entry_hash(row["prev_hash"] or "", fields, row) != stored:
            why = "altered (its content no longer matches its hash)"
        elif recorded is not None and seq > recorded.entries:
            why = f"forged (written after the last row casewatch recorded, {label} {recorded.entries})"
        elif recorded is not None and seq == recorded.entries and stored != recorded.hash:
            why = "altered or replaced (it is not the last row casewatch wrote)"
        if why is not None:
            problems.append(Problem(name, seq, why.split(" ")[0], f"{label} {seq}: {why}"))
        prev_seq, prev_hash = seq, stored or GENESIS
    if recorded is not None and recorded.entries > prev_seq:
        problems.append(_missing(name, prev_seq + 1, recorded.entries,
                                 f"the chain was recorded up to {label} {recorded.entries}"))
    return count, problems


def _rows(conn: Connection, table: Table) -> Iterator[Mapping[str, Any]]:
    last = 0
    while True:
        rows = conn.execute(select(table).where(table.c.seq > last).order_by(table.c.seq).limit(1000)
                            ).mappings().all()
        if not rows:
            return
        yield from rows
        last = int(rows[-1]["seq"])


def _span(label: str, first: int, last: int) -> str:
    return f"{label} {first}" if first == last else f"{label}s {first}-{last}"


def _missing(name: str, first: int, last: int, why: str) -> Problem:
    return Problem(name, first, "missing", f"{_span(_label(name), first, last)}: missing (deleted; {why})")


def holds(conn: Connection, name: str, digest: str) -> Head | None:
    """The row of a chain whose hash is ``digest`` (a head someone kept from an export), as a head."""
    table, _ = CHAINS[name]
    row = conn.execute(select(table.c.seq, table.c.entry_hash, table.c.at).where(table.c.entry_hash == digest)
                       .limit(1)).first()
    return Head(int(row.seq), row.entry_hash, row.at) if row is not None else None


def count_rows(conn: Connection, name: str) -> int:
    table, _ = CHAINS[name]
    return int(conn.execute(select(func.count()).select_from(table)).scalar() or 0)
