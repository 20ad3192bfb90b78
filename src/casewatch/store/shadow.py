"""The copy of the derived tables that ``casewatch rebuild`` makes beside the live ones.

A rebuild writes every derived table into a database attached beside the store (``NAME.rebuild``), records
after each batch how far it got, and at the end replaces the live derived rows with the new ones in one
transaction. Until then every reader sees the case files as they were; a rebuild that is stopped leaves
them untouched and the next ``casewatch rebuild`` goes on from its last finished batch.
"""
from __future__ import annotations

import contextlib
import fcntl
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sqlalchemy import text

from ..errors import StoreError
from .core import Store, now_iso, sqlite_engine
from .schema import FTS_TABLE, SCHEMA_VERSION, derived
from .search import create_index

SHADOW_SCHEMA = "rebuild"


def shadow_path(path: Path) -> Path:
    return path.with_name(path.name + ".rebuild")


def _lock_path(path: Path) -> Path:
    return path.with_name(path.name + ".rebuild.lock")


def _version() -> str:
    from .. import __version__

    return f"{__version__}/{SCHEMA_VERSION}"


@contextlib.contextmanager
def rebuild_lock(path: Path) -> Iterator[None]:
    """One rebuild per database at a time; a second one is refused with a clear message."""
    lock = _lock_path(path)
    fd = os.open(lock, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise StoreError(f"{path}: a rebuild of this database is running; wait for it to finish") from None
        yield
    finally:
        os.close(fd)


class ShadowStore(Store):
    """A store whose derived tables are the rebuild's copy; raw reports, people and decisions are the live ones."""

    def __init__(self, live: Store):
        self.file = shadow_path(live.path)
        super().__init__(sqlite_engine(live.path, SHADOW_SCHEMA, attach=self.file), live.path)
        with self._begin() as conn:
            derived.create_all(conn)
            create_index(conn)
            conn.execute(text(f"CREATE TABLE IF NOT EXISTS {SHADOW_SCHEMA}.rebuild_state "
                              "(key TEXT PRIMARY KEY, value TEXT NOT NULL)"))

    def _state(self, key: str) -> str | None:
        with self._connect() as conn:
            return conn.execute(text(f"SELECT value FROM {SHADOW_SCHEMA}.rebuild_state WHERE key = :k"),
                                {"k": key}).scalar()

    def _set_state(self, key: str, value: str) -> None:
        with self._begin() as conn:
            conn.execute(text(f"INSERT OR REPLACE INTO {SHADOW_SCHEMA}.rebuild_state (key, value) VALUES (:k, :v)"),
                         {"k": key, "v": value})

    @property
    def after(self) -> int:
        """The ingest number of the last report the rebuild finished (0 before the first batch)."""
        return int(self._state("after") or 0)

    @property
    def done(self) -> int:
        return int(self._state("done") or 0)

    @property
    def started_at(self) -> str:
        return self._state("started_at") or now_iso()

    def start(self) -> None:
        if self._state("version") is None:
            self._set_state("version", _version())
            self._set_state("started_at", now_iso())

    def finished_batch(self, last_seq: int, count: int) -> None:
        """Record progress (inside the batch's transaction, so the two never disagree)."""
        self._set_state("after", str(last_seq))
        self._set_state("done", str(self.done + count))

    def switch_over(self, since: str) -> None:
        """Replace the live derived rows with the rebuilt ones, in one transaction.

        Case files whose reviews were added while the rebuild ran (at or after ``since``) are recorded as
        out of date in the live tables, for the caller to make again.
        """
        with self._begin() as conn:
            for table in derived.sorted_tables:
                cols = ", ".join(f'"{c.name}"' for c in table.columns)
                conn.exec_driver_sql(f'DELETE FROM main."{table.name}"')
                conn.exec_driver_sql(f'INSERT INTO main."{table.name}" ({cols}) '
                                     f'SELECT {cols} FROM {SHADOW_SCHEMA}."{table.name}"')
            conn.exec_driver_sql(f"DELETE FROM main.{FTS_TABLE}")
            conn.exec_driver_sql(f"INSERT INTO main.{FTS_TABLE} (document_id, title, text) "
                                 f"SELECT document_id, title, text FROM {SHADOW_SCHEMA}.{FTS_TABLE}")
            conn.execute(text("INSERT INTO main.pending_cases (entity_id) SELECT DISTINCT c.entity_id "
                              "FROM main.case_files c JOIN main.reviews r ON r.case_id = c.id WHERE r.at >= :t"),
                         {"t": since})

    def discard(self) -> None:
        """Close the copy and remove its file."""
        self.engine.dispose()
        for p in (self.file, self.file.with_name(self.file.name + "-journal")):
            with contextlib.suppress(FileNotFoundError):
                p.unlink()


def open_shadow(live: Store) -> ShadowStore:
    """The rebuild's copy: the one an earlier, stopped rebuild left (to go on with), or a new empty one.

    A copy left by another casewatch version is thrown away: its rows might not be what this one makes.
    """
    shadow = ShadowStore(live)
    found = shadow._state("version")
    if found is not None and found != _version():
        shadow.discard()
        shadow = ShadowStore(live)
    shadow.start()
    return shadow


def _running(path: Path) -> bool:
    lock = _lock_path(path)
    if not lock.exists():
        return False
    fd = os.open(lock, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    finally:
        os.close(fd)
    return False


def rebuild_in_progress(path: Path) -> dict[str, Any] | None:
    """A rebuild running or stopped half-way: how many reports it finished and whether it runs now; None when
    there is none."""
    file = shadow_path(path)
    if not file.exists():
        return None
    running = _running(path)
    import sqlite3

    try:
        with contextlib.closing(sqlite3.connect(f"file:{file}?mode=ro", uri=True)) as con:
            rows = dict(con.execute("SELECT key, value FROM rebuild_state").fetchall())
    except sqlite3.Error:
        return {"done": 0, "started_at": None, "running": running}
    return {"done": int(rows.get("done", 0)), "started_at": rows.get("started_at"), "running": running}
