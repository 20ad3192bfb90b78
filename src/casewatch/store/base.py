"""Connections and transactions for every store query: one writer at a time, and work made atomic.

Every write opens with ``BEGIN IMMEDIATE``: the write lock is taken at the start, so a writer waits for
another (up to :data:`BUSY_TIMEOUT_MS`) instead of failing half-way with "database is locked" when two
ingests, the web app and uploads write to one SQLite file at once. :meth:`StoreBase.transaction` makes
several store calls one unit: inside it, on this thread, every query of this store runs on the same
connection and commits together, or not at all.
"""
from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from typing import Any

from sqlalchemy import Connection, Engine

BUSY_TIMEOUT_MS = 120_000
"""How long a writer waits for another writer's transaction before giving up."""

WRITE_OPTION = "casewatch_write"


def on_connect(dbapi_connection: Any, _record: Any) -> None:
    """Settings of every SQLite connection; transactions are begun by :func:`on_begin`, not by the driver."""
    dbapi_connection.isolation_level = None
    cur = dbapi_connection.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cur.close()


def on_begin(conn: Connection) -> None:
    """A write transaction takes the write lock at once; a read sees one snapshot and never blocks."""
    conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get(WRITE_OPTION) else "BEGIN")


class StoreBase:
    """What the query mixins share: the engines and the thread's open transaction, if any."""

    engine: Engine
    writer: Engine
    _local: threading.local

    def _init_connections(self, engine: Engine) -> None:
        self.engine = engine
        self.writer = engine.execution_options(**{WRITE_OPTION: True})
        self._local = threading.local()

    @contextmanager
    def transaction(self) -> Iterator[Connection]:
        """One write transaction for every store call made inside it on this thread (nested calls join it)."""
        open_conn = getattr(self._local, "conn", None)
        if open_conn is not None:
            yield open_conn
            return
        with self.writer.begin() as conn:
            self._local.conn = conn
            try:
                yield conn
            finally:
                self._local.conn = None

    def _begin(self) -> Any:
        return self.transaction()

    def _connect(self) -> Any:
        open_conn = getattr(self._local, "conn", None)
        return nullcontext(open_conn) if open_conn is not None else self.engine.connect()
