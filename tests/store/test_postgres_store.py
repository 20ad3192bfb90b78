"""The store on PostgreSQL (a throwaway local server from `make postgres`): tables made, append-only tables
refused a change, the audit chain and sources as on SQLite. Skipped where no server can be started."""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DatabaseError

from casewatch.store import now_iso, open_store

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.postgres


@pytest.fixture(scope="module")
def pg_url():
    if not (shutil.which("pg_ctl") or list(Path("/usr/lib/postgresql").glob("*/bin"))):
        pytest.skip("PostgreSQL is not installed here (make postgres installs it)")
    done = subprocess.run([str(ROOT / "scripts" / "postgres.sh"), "start"], capture_output=True, text=True,
                          timeout=300)
    if done.returncode != 0:
        pytest.skip(f"no local PostgreSQL server: {done.stderr[-500:]}")
    yield done.stdout.strip().splitlines()[-1]
    subprocess.run([str(ROOT / "scripts" / "postgres.sh"), "stop"], capture_output=True, timeout=120)


def test_a_postgres_store_keeps_what_is_kept_for_good(pg_url):
    store = open_store(pg_url)
    try:
        store.record(now_iso(), "cli:t", "test", "case/x", None, {"a": 1})
        source = store.add_source("Velmar news", "https://velmar.example/feed", None, 60, now_iso(), "cli:t")
        assert [s.id for s in store.due_sources(now_iso())] == [source.id]
        assert [e.action for e in store.audit_log()] == ["source.add", "test"]
        for statement in ("UPDATE audit SET actor = 'someone else'", "DELETE FROM audit"):
            with pytest.raises(DatabaseError, match="append-only"), store.engine.begin() as conn:
                conn.execute(text(statement))
    finally:
        store.close()
    again = open_store(pg_url)  # opening an existing database leaves it as it was
    try:
        assert len(again.audit_log()) == 2
    finally:
        again.close()


def test_an_unreachable_server_is_one_line_naming_it():
    from casewatch.errors import StoreError

    with pytest.raises(StoreError, match=r"127\.0\.0\.1:1/nothing: cannot open as a casewatch database"):
        open_store("postgresql://nobody@127.0.0.1:1/nothing")
