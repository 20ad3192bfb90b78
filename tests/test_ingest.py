"""Ingest as a user runs it: new, unchanged, failed; bad input never stops the batch; rebuild keeps ids."""
from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from casewatch.ingest import ingest
from casewatch.models import RawReport
from casewatch.runner import SerialRunner
from casewatch.store import document_id, open_store
from tests_support import TEACHER_REPORT


def test_ingest_then_again_is_a_no_op(cli, corpus: Path) -> None:
    first = cli("ingest", str(corpus), "--format", "json")
    assert first.returncode == 0, first.stderr
    s1 = json.loads(first.stdout)
    assert (s1["new"], s1["unchanged"], s1["failed"]) == (3, 0, 0)
    second = cli("ingest", str(corpus))
    assert second.returncode == 0
    assert second.stdout.strip() == "0 new, 3 unchanged (already stored: nothing to do), 0 failed"
    con = sqlite3.connect(cli.db)
    assert con.execute("SELECT COUNT(*) FROM documents").fetchone()[0] == 3
    assert con.execute("SELECT COUNT(*) FROM blobs").fetchone()[0] == 3
    assert con.execute("SELECT COUNT(*) FROM sightings").fetchone()[0] == 6
    con.close()


def test_the_same_bytes_under_another_name_are_one_document(cli, corpus: Path) -> None:
    (corpus / "copy-of-teacher.txt").write_text(TEACHER_REPORT, encoding="utf-8")
    summary = json.loads(cli("ingest", str(corpus), "--format", "json").stdout)
    assert (summary["new"], summary["unchanged"]) == (3, 1)


def test_bad_inputs_get_one_line_each_and_the_batch_goes_on(cli, corpus: Path) -> None:
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "scan.html").write_bytes(b"%PDF-1.4 binary")
    (corpus / "latin1.txt").write_bytes("Caf\u00e9 owner detained".encode("latin-1"))
    (corpus / "huge.txt").write_bytes(b"word " * 300_000)
    (corpus / "broken.jsonl").write_text('{"text": "fine line"}\n{"text": broken}\n', encoding="utf-8")
    proc = cli("ingest", str(corpus), "--max-size", "1")
    assert proc.returncode == 1
    lines = [line for line in proc.stderr.strip().splitlines() if not line.startswith("ingest: ")]  # progress
    assert len(lines) == 5, proc.stderr
    assert all(line.startswith("casewatch: ") for line in lines)
    assert "Traceback" not in proc.stderr
    joined = "\n".join(lines)
    assert f"{corpus / 'empty.txt'}: empty" in joined
    assert f"{corpus / 'scan.html'}: binary file (a PDF)" in joined
    assert f"{corpus / 'latin1.txt'}: not valid UTF-8" in joined
    assert f"{corpus / 'huge.txt'}: too large" in joined
    assert f"{corpus / 'broken.jsonl'}#2: broken JSON line" in joined
    assert proc.stdout.strip() == "4 new, 0 unchanged, 5 failed"


def test_stdin_is_read(cli) -> None:
    proc = cli("ingest", "-", stdin=TEACHER_REPORT.encode())
    assert proc.returncode == 0, proc.stderr
    (doc,) = cli.json("documents")
    assert doc["origin"] == "<stdin>"
    assert doc["title"] == "Teacher detained in Ostara"


def test_rebuild_gives_the_same_ids_text_and_dates(cli, corpus: Path) -> None:
    cli("ingest", str(corpus))
    before = {d["id"]: cli.json("document", d["id"]) for d in cli.json("documents")}
    proc = cli("rebuild")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "rebuilt 3 document(s), 0 failed"
    after = {d["id"]: cli.json("document", d["id"]) for d in cli.json("documents")}
    assert before.keys() == after.keys()
    for doc_id, doc in before.items():
        for key in ("text", "dates", "title", "outlet", "published", "language"):
            assert after[doc_id][key] == doc[key], key


def test_a_report_that_fails_processing_is_kept_and_reported(db: Path) -> None:
    store = open_store(db)
    seen = []
    odd = RawReport(b"some bytes", "unknown-kind", "odd.bin")
    summary = ingest(store, [odd], SerialRunner(), on_failure=seen.append)
    assert summary.new == [document_id(b"some bytes")]
    assert [f.input for f in seen] == ["odd.bin"]
    assert "not processed" in seen[0].reason
    (doc,) = store.list_documents()
    assert doc.article is not None and doc.article["status"] == "error"
    assert store.raw_bytes(doc.id) == b"some bytes"
    store.close()
