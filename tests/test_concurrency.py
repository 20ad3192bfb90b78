"""Several writers on one SQLite file at once: two ingests of the same folder, another ingest, a writer
standing for the web app. Nobody sees "database is locked", nothing is stored twice or lost."""
from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from casewatch.store import now_iso, open_store
from test_resume import _generate

pytestmark = pytest.mark.slow


def _start(db: Path, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "casewatch", "--db", str(db), *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env={**os.environ, "COLUMNS": "200"})


def test_two_ingests_and_the_web_app_write_at_once(tmp_path: Path, examples: Path) -> None:
    reports = _generate(tmp_path / "reports", 100)
    db = tmp_path / "shared.db"
    open_store(db).close()
    store = open_store(db)
    stop = threading.Event()
    written: list[int] = []
    errors: list[BaseException] = []

    def web_app() -> None:  # what the web app writes meanwhile: audit rows, one at a time
        try:
            while not stop.is_set():
                store.record(now_iso(), "web:rhea", "user.change", f"user:{len(written)}", None, {"n": len(written)})
                written.append(1)
                store.pending_work()
        except BaseException as e:
            errors.append(e)

    writer = threading.Thread(target=web_app)
    writer.start()
    procs = [_start(db, "ingest", str(reports), "--workers", "1"),
             _start(db, "ingest", str(reports), "--workers", "1"),
             _start(db, "ingest", str(examples), "--workers", "1")]
    results = [p.communicate(timeout=900) for p in procs]
    stop.set()
    writer.join()
    store.close()

    assert not errors, errors
    for p, (_stdout, stderr) in zip(procs, results, strict=True):
        assert p.returncode == 0, stderr
        assert "Traceback" not in stderr and "locked" not in stderr, stderr
    files = sorted(p for p in reports.iterdir() if p.suffix in (".txt", ".html"))
    with sqlite3.connect(db) as con:
        stored = con.execute("SELECT count(*) FROM documents").fetchone()[0]
        articles = con.execute("SELECT count(*), count(DISTINCT document_id) FROM articles").fetchone()
        mentions = con.execute("SELECT count(*) FROM (SELECT DISTINCT document_id, mention FROM entity_mentions)"
                               ).fetchone()[0]
        all_mentions = con.execute("SELECT count(*) FROM entity_mentions").fetchone()[0]
        pending = con.execute("SELECT count(*) FROM pending_cases").fetchone()[0]
        audit = con.execute("SELECT count(*) FROM audit WHERE actor = 'web:rhea'").fetchone()[0]
    first, second = (r[0] for r in results[:2])
    new = [int(out.split(" new")[0]) for out in (first, second)]
    assert sum(new) == stored - int(results[2][0].split(" new")[0]), (first, second)
    assert stored >= len(files)
    assert articles[0] == articles[1] == stored
    assert mentions == all_mentions > 0
    assert pending == 0
    assert audit == len(written) > 0
