"""The CLI's JSON shapes, tables, errors and options."""
from __future__ import annotations

import json
from pathlib import Path

SUMMARY = {"id", "origin", "title", "outlet", "author", "url", "published", "language", "status"}


def test_documents_json_lists_the_summary_fields(cli, corpus: Path) -> None:
    cli("ingest", str(corpus))
    docs = cli.json("documents")
    assert len(docs) == 3
    assert all(set(d) >= SUMMARY for d in docs)
    wire = next(d for d in docs if d["origin"] == "https://wire.example/1")
    assert wire["published"] == {"text": "2026-02-03", "start": "2026-02-03", "end": "2026-02-03",
                                 "precision": "day", "calendar": "gregorian", "anchor": None}
    assert wire["outlet"] == "Wire Example"
    assert wire["title"] == "Student sentenced"


def test_document_json_has_text_and_dates_that_agree_with_it(cli, corpus: Path) -> None:
    cli("ingest", str(corpus))
    for d in cli.json("documents"):
        doc = cli.json("document", d["id"])
        assert SUMMARY | {"text", "dates"} <= set(doc)
        for m in doc["dates"]:
            start, end = m["span"]
            assert doc["text"][start:end] == m["text"]
    wire = cli.json("document", "w-1")  # a JSONL record's own id finds it too
    (sunday,) = [m for m in wire["dates"] if m["text"] == "Sunday"]
    assert (sunday["start"], sunday["end"]) == ("2026-02-01", "2026-02-01")
    assert sunday["anchor"] == "published 2026-02-03"


def test_unknown_id_is_one_line_and_exit_2(cli, corpus: Path) -> None:
    cli("ingest", str(corpus))
    proc = cli("document", "0000000000000000", "--format", "json")
    assert proc.returncode == 2
    assert proc.stdout == ""
    assert proc.stderr.strip().splitlines() == [
        "casewatch: no document '0000000000000000'; `casewatch documents` lists them"]


def test_db_from_environment(cli, corpus: Path, tmp_path: Path) -> None:
    env_db = tmp_path / "env.db"
    proc = cli("ingest", str(corpus), env={"CASEWATCH_DB": str(env_db)}, db=False)
    assert proc.returncode == 0, proc.stderr
    assert env_db.exists()
    assert not cli.db.exists()


def test_tables_for_people(cli, corpus: Path) -> None:
    cli("ingest", str(corpus))
    listing = cli("documents")
    assert listing.returncode == 0
    assert "3 document(s)" in listing.stdout
    assert "Student sentenced" in listing.stdout
    one = cli("document", "w-1")
    assert one.returncode == 0
    assert "A student was sentenced on Sunday to five years." in one.stdout
    assert "2026-02-01" in one.stdout


def test_version_and_help(cli) -> None:
    assert cli("--version", db=False).stdout.startswith("casewatch ")
    helped = cli("--help", db=False)
    for command in ("ingest", "documents", "document", "rebuild"):
        assert command in helped.stdout


def test_unusable_db_is_one_line(cli, tmp_path: Path) -> None:
    proc = cli("--db", str(tmp_path), "documents", db=False)
    assert proc.returncode == 2
    assert proc.stderr.startswith("casewatch: ") and "is a folder" in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1


def test_json_summary_lists_failures(cli, tmp_path: Path) -> None:
    missing = tmp_path / "missing.txt"
    proc = cli("ingest", str(missing), "--format", "json")
    assert proc.returncode == 1
    summary = json.loads(proc.stdout)
    assert summary["failures"] == [{"input": str(missing), "reason": "no such file or folder; check the path"}]
