"""Backups of the SQLite store, taken while it is in use, and bringing one back.

A backup copies the database with SQLite's online backup API, a few hundred pages at a time, from one
read snapshot: ingests and the web app go on writing meanwhile (a reader never blocks a writer in WAL
mode) and the copy holds exactly what was committed when it began. It is written beside its destination
and renamed into place once complete and checked, so a stopped backup never leaves half a file under
the name.

A restore checks the file first (``PRAGMA integrity_check`` and a schema this casewatch reads), refuses
while another process has the store open, keeps the store it replaces as ``NAME.before-restore-TIME``
and throws away a stopped rebuild's copy (``NAME.rebuild``), which was made from the replaced store.
"""
from __future__ import annotations

import contextlib
import datetime as dt
import fcntl
import os
import sqlite3
import struct
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..errors import InvalidValueError, StoreError
from .schema import SCHEMA_VERSION
from .shadow import shadow_path

PAGES_PER_STEP = 256
"""Pages copied per backup step (4 KiB each by default): the source is read in short steps."""

SIDE_FILES = ("-wal", "-shm", "-journal")
REQUIRED_TABLES = ("meta", "blobs", "documents", "audit")


def _stamp() -> str:
    return dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")


@dataclass(frozen=True)
class BackupResult:
    path: Path
    size: int
    reports: int
    audit_entries: int


@dataclass(frozen=True)
class RestoreResult:
    path: Path
    source: Path
    kept: Path | None
    discarded_rebuild: bool
    reports: int
    audit_entries: int


def backup_target(db: Path, dest: Path, overwrite: bool) -> Path:
    """Where a backup goes: ``dest`` itself, or a file named for the store and the time inside a folder."""
    if dest.is_dir():
        stamp = _stamp()
        target, n = dest / f"{db.stem}-{stamp}.db", 1
        while target.exists():
            n += 1
            target = dest / f"{db.stem}-{stamp}-{n}.db"
        return target
    if not dest.parent.exists():
        raise InvalidValueError(f"{dest}: folder {dest.parent} does not exist; create it or choose another path")
    if dest.exists() and not overwrite:
        raise InvalidValueError(f"{dest}: already exists; choose another path, give a folder (a file named for the "
                                "time is made in it) or add --overwrite")
    if dest.resolve() == db.resolve():
        raise InvalidValueError(f"{dest}: is the database itself; choose another path")
    return dest


def backup(db: Path, dest: Path, *, overwrite: bool = False, pages: int = PAGES_PER_STEP,
           on_step: Callable[[int, int], None] | None = None) -> BackupResult:
    """Copy the live store at ``db`` to ``dest`` (a file, or a folder to make one in); returns what was copied."""
    if not db.is_file():
        raise StoreError(f"{db}: no database here; give --db the store to back up")
    target = backup_target(db, dest, overwrite)
    partial = target.with_name(target.name + ".partial")
    _remove(partial)
    src = sqlite3.connect(db, isolation_level=None)
    try:
        src.execute("PRAGMA busy_timeout=120000")
        src.execute("BEGIN")  # one read snapshot for every step: writers go on, the copy never restarts
        src.execute("SELECT count(*) FROM sqlite_master").fetchone()
        out = sqlite3.connect(partial, isolation_level=None)
        try:
            src.backup(out, pages=pages, sleep=0,
                       progress=(lambda _s, left, total: on_step(total - left, total)) if on_step else None)
            src.execute("COMMIT")
            out.execute("PRAGMA journal_mode=DELETE")  # one self-contained file
            problem = integrity_problem(out)
            if problem:
                raise StoreError(f"{db}: the copy fails its check ({problem}); run `casewatch verify` on the store")
            reports, entries = _counts(out)
        finally:
            out.close()
    except sqlite3.Error as e:
        _remove(partial)
        raise StoreError(f"{db}: cannot back up ({e}); check the path and the free space") from None
    except BaseException:
        _remove(partial)
        raise
    finally:
        src.close()
    os.replace(partial, target)
    return BackupResult(target, target.stat().st_size, reports, entries)


def integrity_problem(con: sqlite3.Connection) -> str | None:
    """What ``PRAGMA integrity_check`` says is wrong, or a missing part of a casewatch store; None when fine."""
    rows = [r[0] for r in con.execute("PRAGMA integrity_check").fetchall()]
    if rows != ["ok"]:
        return "; ".join(rows[:3])
    have = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    missing = [t for t in REQUIRED_TABLES if t not in have]
    if missing:
        return f"not a casewatch database (no {', '.join(missing)} table)"
    version = con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    if version is None or not str(version[0]).isdigit():
        return "not a casewatch database (no schema version)"
    if not 1 <= int(version[0]) <= SCHEMA_VERSION:
        return f"made by a newer casewatch (schema {version[0]}, this one reads up to {SCHEMA_VERSION})"
    return None


def _counts(con: sqlite3.Connection) -> tuple[int, int]:
    reports = con.execute("SELECT count(*) FROM documents").fetchone()[0]
    entries = con.execute("SELECT count(*) FROM audit").fetchone()[0]
    return int(reports), int(entries)


def check_backup(path: Path) -> tuple[int, int]:
    """Refuse a file that is not a whole casewatch store this version reads; (reports, audit entries) when it is."""
    if not path.is_file():
        raise InvalidValueError(f"{path}: no such file; give a backup made by `casewatch backup`")
    try:
        with contextlib.closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as con:
            problem = integrity_problem(con)
            counts = _counts(con) if problem is None else (0, 0)
    except sqlite3.Error as e:
        problem = f"not a SQLite database ({e})"
    if problem:
        raise InvalidValueError(f"{path}: cannot restore: {problem}; choose another backup")
    return counts


def in_use(db: Path) -> bool:
    """Whether another process has the store open: every SQLite connection to a WAL database holds a shared lock
    on one byte of its ``-shm`` file (the byte SQLite itself tests to know whether it is alone)."""
    shm = db.with_name(db.name + "-shm")
    if not shm.exists():
        return False
    dms_byte = 120 + 8  # WALINDEX_LOCK_OFFSET + SQLITE_SHM_NLOCK: the "dead man switch" byte
    with open(shm, "rb") as f:
        probe = struct.pack("hhqqi", fcntl.F_WRLCK, os.SEEK_SET, dms_byte, 1, 0)
        found = fcntl.fcntl(f.fileno(), fcntl.F_GETLK, probe)
    return struct.unpack("hhqqi", found)[0] != fcntl.F_UNLCK


def restore(source: Path, db: Path, *, force: bool = False) -> RestoreResult:
    """Bring the backup at ``source`` back as the store at ``db``, keeping the store it replaces beside it."""
    reports, entries = check_backup(source)
    if source.resolve() == db.resolve():
        raise InvalidValueError(f"{source}: is the database itself; give a backup")
    if db.exists() and in_use(db) and not force:
        raise StoreError(f"{db}: is open in another process (`casewatch serve`, an ingest or a rebuild); stop it and "
                         "run the restore again, or add --force")
    if not db.parent.exists():
        raise StoreError(f"{db}: folder {db.parent} does not exist; create it or choose another --db")
    incoming = db.with_name(db.name + ".restoring")
    _remove(incoming)
    try:
        with contextlib.closing(sqlite3.connect(f"file:{source}?mode=ro", uri=True)) as src, \
                contextlib.closing(sqlite3.connect(incoming, isolation_level=None)) as out:
            src.backup(out, pages=PAGES_PER_STEP, sleep=0)
            out.execute("PRAGMA journal_mode=DELETE")
            if integrity_problem(out):
                raise StoreError(f"{source}: the copy of it fails its check; choose another backup")
    except sqlite3.Error as e:
        _remove(incoming)
        raise StoreError(f"{db}: cannot restore ({e}); check the free space and the folder's permissions") from None
    kept = _set_aside(db) if db.exists() else None
    os.replace(incoming, db)
    rebuild = shadow_path(db)
    discarded = rebuild.exists()
    for p in (rebuild, *(rebuild.with_name(rebuild.name + s) for s in SIDE_FILES)):
        _remove(p)
    return RestoreResult(db, source, kept, discarded, reports, entries)


def _set_aside(db: Path) -> Path:
    """Move the store (with its write-ahead log) out of the way, under a name no earlier restore used."""
    with contextlib.suppress(sqlite3.Error), contextlib.closing(sqlite3.connect(db, isolation_level=None)) as con:
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    kept = db.with_name(f"{db.name}.before-restore-{_stamp()}")
    n = 1
    while kept.exists():
        n += 1
        kept = db.with_name(f"{db.name}.before-restore-{_stamp()}-{n}")
    os.replace(db, kept)
    for suffix in SIDE_FILES:
        side = db.with_name(db.name + suffix)
        if side.exists():
            os.replace(side, kept.with_name(kept.name + suffix))
    return kept


def _remove(path: Path) -> None:
    with contextlib.suppress(FileNotFoundError):
        path.unlink()
