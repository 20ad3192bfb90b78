"""Backups of a store in use, and restoring one: checked, never over a store another process holds, nothing lost."""
from __future__ import annotations

import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from casewatch.errors import InvalidValueError
from casewatch.models import RawReport
from casewatch.store import document_id, now_iso, open_store
from casewatch.store.backup import backup, in_use
from tests_support import Cli

WRITER = textwrap.dedent("""
    import sys
    from casewatch.store import document_id, open_store, now_iso
    from casewatch.models import RawReport
    store = open_store(sys.argv[1])
    i = 0
    while True:
        batch = []
        for _ in range(5):
            data = f"Report {i}: the clerk Ivo Marek was questioned again on day {i}.".encode() * 20
            batch.append((document_id(data), RawReport(data, "text", f"writer-{i}.txt")))
            i += 1
        with store.transaction():
            store.add_raw(batch)
            store.record(now_iso(), "cli:writer", "ingest", "documents", None, {"new": [d for d, _ in batch]})
        print(i, flush=True)
""")


def stored_ids(db: Path) -> set[str]:
    con = sqlite3.connect(db)
    try:
        return {r[0] for r in con.execute("SELECT id FROM documents")}
    finally:
        con.close()


def seed(db: Path, n: int) -> None:
    store = open_store(db)
    items = []
    for i in range(n):
        data = f"Seed report {i} about the lawyer Mira Donk, held since spring.".encode() * 30
        items.append((document_id(data), RawReport(data, "text", f"seed-{i}.txt")))
    store.add_raw(items)
    store.record(now_iso(), "cli:tester", "ingest", "documents", None, {"new": [d for d, _ in items]})
    store.close()


def test_a_backup_taken_while_another_process_writes_is_whole(db: Path, tmp_path: Path) -> None:
    seed(db, 300)
    writer = subprocess.Popen([sys.executable, "-c", WRITER, str(db)], stdout=subprocess.PIPE, text=True)
    try:
        for _ in range(4):  # the writer has committed several batches and goes on
            assert writer.stdout is not None and writer.stdout.readline()
        committed = stored_ids(db)
        steps: list[int] = []
        result = backup(db, tmp_path / "copy.db", pages=4, on_step=lambda done, _total: steps.append(done))
        assert writer.poll() is None, "the writer stopped during the backup"
        for _ in range(2):  # and it still writes after
            assert writer.stdout.readline()
    finally:
        writer.kill()
        writer.wait()
    assert len(steps) > 10  # copied in many short steps, not in one
    con = sqlite3.connect(result.path)
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    con.close()
    assert committed <= stored_ids(result.path)
    assert result.reports == len(stored_ids(result.path))
    assert Cli(result.path)("verify").returncode == 0


def test_backup_and_restore_bring_the_reports_back(cli: Cli, corpus: Path, tmp_path: Path) -> None:
    assert cli("ingest", str(corpus)).returncode == 0
    listed = {d["id"] for d in cli.json("documents")}
    folder = tmp_path / "backups"
    folder.mkdir()
    made = cli("backup", str(folder))
    assert made.returncode == 0, made.stderr
    assert "integrity check ok" in made.stdout and "3 reports" in made.stdout
    (copy,) = folder.iterdir()
    stale_rebuild = cli.db.with_name(cli.db.name + ".rebuild")
    stale_rebuild.write_bytes(b"left by a rebuild that was stopped")
    cli.db.unlink()
    for side in ("-wal", "-shm"):
        cli.db.with_name(cli.db.name + side).unlink(missing_ok=True)
    seed(cli.db, 2)  # a different store now stands where the old one was
    proc = cli("restore", str(copy))
    assert proc.returncode == 0, proc.stderr
    assert "kept as" in proc.stdout and "casewatch verify" in proc.stdout and "discarded" in proc.stdout
    assert not stale_rebuild.exists()
    kept = list(cli.db.parent.glob(cli.db.name + ".before-restore-*"))
    assert len(kept) == 1 and len(stored_ids(kept[0])) == 2
    assert {d["id"] for d in cli.json("documents")} == listed
    checked = cli("verify")
    assert checked.returncode == 0 and "all intact" in checked.stdout
    assert "restore" in cli("audit").stdout


def test_restore_refuses_while_another_process_holds_the_store(db: Path, tmp_path: Path) -> None:
    seed(db, 3)
    copy = backup(db, tmp_path / "copy.db").path
    holder = subprocess.Popen([sys.executable, "-c", "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); "
                               "c.execute('SELECT count(*) FROM documents').fetchone(); print('open', flush=True); "
                               "sys.stdin.read()", str(db)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "open"
        assert in_use(db)
        proc = Cli(db)("restore", str(copy))
        assert proc.returncode == 2
        assert "open in another process" in proc.stderr and "--force" in proc.stderr
        assert list(db.parent.glob("*.before-restore-*")) == []
    finally:
        holder.communicate("")
    assert not in_use(db)
    assert Cli(db)("restore", str(copy)).returncode == 0


@pytest.mark.parametrize("content", [b"", b"plain words, not a database", None])
def test_restore_refuses_what_is_not_a_casewatch_store(db: Path, tmp_path: Path, content: bytes | None) -> None:
    seed(db, 1)
    bad = tmp_path / "bad.db"
    if content is None:
        con = sqlite3.connect(bad)
        con.execute("CREATE TABLE notes (body TEXT)")
        con.commit()
        con.close()
    else:
        bad.write_bytes(content)
    proc = Cli(db)("restore", str(bad))
    assert proc.returncode == 2
    assert proc.stderr.startswith(f"casewatch: {bad}: cannot restore") and len(proc.stderr.splitlines()) == 1
    assert len(stored_ids(db)) == 1


def test_backup_does_not_overwrite_unless_asked(db: Path, tmp_path: Path) -> None:
    seed(db, 2)
    target = tmp_path / "copy.db"
    target.write_bytes(b"an older file")
    with pytest.raises(InvalidValueError, match="--overwrite"):
        backup(db, target)
    assert target.read_bytes() == b"an older file"
    proc = Cli(db)("backup", str(target), "--overwrite")
    assert proc.returncode == 0, proc.stderr
    assert len(stored_ids(target)) == 2
    assert not target.with_name(target.name + ".partial").exists()
