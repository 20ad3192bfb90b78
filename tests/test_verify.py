"""Tamper evidence: verify names every altered, forged or deleted report, audit row or review and exits 1."""
from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from casewatch.models import Review
from casewatch.store import document_id, now_iso, open_store
from casewatch.store.chain import GENESIS, check_chain, entry_hash
from casewatch.views.export import export
from tests_support import Cli, write_corpus


@pytest.fixture(scope="module")
def ingested(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store with the small invented corpus ingested and three more audit rows, made once for the module."""
    path = tmp_path_factory.mktemp("verify") / "casewatch.db"
    proc = Cli(path)("ingest", str(write_corpus(path.parent / "in")))
    assert proc.returncode == 0, proc.stderr
    store = open_store(path)
    for i in range(3):
        store.record(now_iso(), "cli:tester", "note", f"case-x/{i}", None, {"step": i})
    store.close()
    return path


@pytest.fixture
def store_copy(ingested: Path, tmp_path: Path) -> Path:
    dest = tmp_path / "casewatch.db"
    shutil.copy(ingested, dest)
    return dest


def tamper(db: Path, *statements: tuple[str, tuple]) -> None:
    """Change the store by hand, as someone with the file and sqlite3 could (the protecting triggers dropped)."""
    con = sqlite3.connect(db)
    for (name,) in con.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'").fetchall():
        con.execute(f"DROP TRIGGER {name}")
    for sql, params in statements:
        con.execute(sql, params)
    con.commit()
    con.close()


def first_report(db: Path) -> tuple[str, str]:
    con = sqlite3.connect(db)
    doc_id, sha = con.execute("SELECT id, sha256 FROM documents ORDER BY seq LIMIT 1").fetchone()
    con.close()
    return doc_id, sha


def test_an_untouched_store_verifies(store_copy: Path) -> None:
    proc = Cli(store_copy)("verify")
    assert proc.returncode == 0, proc.stderr
    assert "verified 3 reports, 4 audit entries and 0 reviews: all intact" in proc.stdout
    assert proc.stderr == ""


def test_an_altered_report_and_a_deleted_audit_row_are_both_named(store_copy: Path) -> None:
    doc_id, sha = first_report(store_copy)
    tamper(store_copy, ("UPDATE blobs SET data = ? WHERE sha256 = ?", (b"Someone else was detained.", sha)),
           ("DELETE FROM audit WHERE seq = 2", ()))
    proc = Cli(store_copy)("verify")
    assert proc.returncode == 1
    lines = proc.stderr.splitlines()
    assert f"casewatch: report {doc_id}: altered (its bytes no longer match the sha256 they were stored under)" in lines
    assert any(line.startswith("casewatch: audit row 2: missing") for line in lines), proc.stderr
    assert len(lines) == 2, proc.stderr
    assert "2 problems found" in proc.stdout and "Traceback" not in proc.stderr


def test_a_forged_audit_row_is_named(store_copy: Path) -> None:
    tamper(store_copy, ("INSERT INTO audit (at, actor, action, target) VALUES (?, ?, ?, ?)",
                        ("2026-01-05T00:00:00+00:00", "cli:nobody", "review", "case-x/fact-1")))
    proc = Cli(store_copy)("verify")
    assert proc.returncode == 1
    assert "casewatch: audit row 5: forged" in proc.stderr
    again = Cli(store_copy)("verify")  # opening the store again does not chain the forged row in
    assert again.returncode == 1 and "audit row 5: forged" in again.stderr


def test_a_forged_row_with_made_up_hashes_and_an_edited_row_are_named(store_copy: Path) -> None:
    tamper(store_copy,
           ("INSERT INTO audit (seq, at, actor, action, target, prev_hash, entry_hash) VALUES (5, ?, ?, ?, ?, ?, ?)",
            ("2026-01-05T00:00:00+00:00", "cli:nobody", "note", "case-x/9", "ab" * 32, "cd" * 32)),
           ("UPDATE audit SET actor = ? WHERE seq = 3", ("cli:someone-else",)))
    proc = Cli(store_copy)("verify")
    assert proc.returncode == 1
    assert "audit row 3: altered" in proc.stderr
    assert "audit row 5:" in proc.stderr and "forged" in proc.stderr.split("audit row 5:")[1].splitlines()[0]


def test_rows_cut_off_the_end_of_the_log_are_missing(store_copy: Path) -> None:
    tamper(store_copy, ("DELETE FROM audit WHERE seq >= 3", ()))
    proc = Cli(store_copy)("verify")
    assert proc.returncode == 1
    assert "audit rows 3-4: missing" in proc.stderr


def test_a_deleted_review_shows(store_copy: Path) -> None:
    store = open_store(store_copy)
    for state in ("confirmed", "rejected"):
        store.add_review(Review(case_id="case-x", target_id="fact-1", kind="fact", state=state, value=None,
                                note="checked by phone", user="ana", at=now_iso()), None)
    store.close()
    assert Cli(store_copy)("verify").returncode == 0
    tamper(store_copy, ("DELETE FROM reviews WHERE seq = 1", ()))
    proc = Cli(store_copy)("verify")
    assert proc.returncode == 1 and "review 1: missing" in proc.stderr


def test_a_report_the_audit_log_recorded_and_now_gone_is_missing(store_copy: Path) -> None:
    doc_id, _ = first_report(store_copy)
    tamper(store_copy, ("PRAGMA foreign_keys = OFF", ()), ("DELETE FROM sightings WHERE document_id = ?", (doc_id,)),
           ("DELETE FROM documents WHERE id = ?", (doc_id,)))
    proc = Cli(store_copy)("verify")
    assert proc.returncode == 1
    assert f"report {doc_id}: missing" in proc.stderr


def test_rebuild_refuses_an_altered_report(store_copy: Path) -> None:
    doc_id, sha = first_report(store_copy)
    tamper(store_copy, ("UPDATE blobs SET data = ? WHERE sha256 = ?", (b"Words put in later.", sha)))
    proc = Cli(store_copy)("rebuild")
    assert proc.returncode == 1
    refusals = [line for line in proc.stderr.splitlines() if doc_id in line]
    assert len(refusals) == 1 and "casewatch verify" in refusals[0], proc.stderr
    docs = {d["id"]: d for d in Cli(store_copy).json("documents")}
    assert docs[doc_id]["status"] == "error"
    assert sum(d["status"] == "ok" for d in docs.values()) == 2
    assert "nothing left to do" in Cli(store_copy)("status").stdout  # no later command processes it


def test_an_export_carries_the_chain_head_that_verify_checks(store_copy: Path, tmp_path: Path) -> None:
    cli = Cli(store_copy)
    case_id = cli.json("cases")[0]["id"]
    out = tmp_path / "case.json"
    assert cli("export", case_id, "--output", str(out)).returncode == 0
    head = json.loads(out.read_text(encoding="utf-8"))["audit_chain"]
    assert head["entries"] == 4 and len(head["hash"]) == 64
    assert cli("verify", "--head", head["hash"]).returncode == 0
    tamper(store_copy, ("DELETE FROM audit WHERE seq = 4", ()), ("DELETE FROM meta WHERE key LIKE 'chain_head:%'", ()))
    proc = cli("verify", "--head", head["hash"])
    assert proc.returncode == 1 and f"audit head {head['hash']}: missing" in proc.stderr


def test_export_adds_the_chain_head_only_to_json() -> None:
    case = {"id": "case-1", "subject": {"name": "Tova Brin", "aliases": []}, "status": "arrested", "facts": [],
            "events": [], "conflicts": [], "sources": []}
    head = {"hash": "f" * 64, "entries": 7, "at": "2026-03-01T10:00:00+00:00"}
    assert json.loads(export(case, "json", head)[0]) == {**case, "audit_chain": head}
    assert export(case, "csv", head)[0] == export(case, "csv")[0]


def test_an_older_store_is_chained_once_on_opening(store_copy: Path) -> None:
    con = sqlite3.connect(store_copy)
    before = con.execute("SELECT seq, entry_hash FROM audit ORDER BY seq").fetchall()
    con.close()
    tamper(store_copy, *((f"ALTER TABLE {t} DROP COLUMN {c}", ()) for t in ("audit", "reviews")
                         for c in ("prev_hash", "entry_hash")),
           ("DELETE FROM meta WHERE key LIKE 'chain_head:%'", ()),
           ("UPDATE meta SET value = '1' WHERE key = 'schema_version'", ()))
    store = open_store(store_copy)
    store.close()
    con = sqlite3.connect(store_copy)
    assert con.execute("SELECT seq, entry_hash FROM audit ORDER BY seq").fetchall() == before
    assert con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0] == "2"
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        con.execute("DELETE FROM audit")
    con.close()
    assert Cli(store_copy)("verify").returncode == 0


def test_each_hash_covers_the_one_before(db: Path) -> None:
    store = open_store(db)
    store.record("2026-02-01T00:00:00+00:00", "cli:ana", "note", "a", None, {"x": 1})
    store.record("2026-02-02T00:00:00+00:00", "cli:ana", "note", "b", {"x": 1}, None)
    store.close()
    con = sqlite3.connect(db)
    con.row_factory = sqlite3.Row
    rows = con.execute("SELECT * FROM audit ORDER BY seq").fetchall()
    con.close()
    fields = ("seq", "at", "actor", "action", "target", "before", "after")
    assert rows[0]["prev_hash"] == GENESIS and rows[1]["prev_hash"] == rows[0]["entry_hash"]
    for row in rows:
        assert row["entry_hash"] == entry_hash(row["prev_hash"], fields, dict(row))
    assert entry_hash(GENESIS, fields, {**dict(rows[0]), "target": "c"}) != rows[0]["entry_hash"]
    store = open_store(db)
    with store.engine.connect() as conn:
        assert check_chain(conn, "audit") == (2, [])
    store.close()


def test_ids_are_what_verify_recomputes() -> None:
    assert document_id(b"Aron Vesk was released.") != document_id(b"Aron Vesk was released!")
