"""The store: raw bytes are immutable and content-addressed; ids resolve by prefix."""
from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from casewatch.errors import AmbiguousIdError, NotFoundError, StoreError
from casewatch.models import Article, Outcome, RawReport
from casewatch.store import document_id, open_store, sha256_hex


def article(text: str) -> Article:
    return Article(text=text, title="T", author=None, outlet=None, url=None, published=None, language="en")


def test_database_is_wal_and_raw_bytes_cannot_change(db: Path) -> None:
    store = open_store(db)
    raw = RawReport(b"A report.", "text", "a.txt")
    store.add_documents([(document_id(raw.data), raw, Outcome(article("A report.")))])
    store.close()
    con = sqlite3.connect(db)
    assert con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    with pytest.raises(sqlite3.DatabaseError, match="never changed"):
        con.execute("UPDATE blobs SET data = x'00'")
    with pytest.raises(sqlite3.DatabaseError, match="never deleted"):
        con.execute("DELETE FROM blobs")
    assert con.execute("SELECT sha256 FROM blobs").fetchone()[0] == sha256_hex(b"A report.")
    con.close()


def test_document_id_is_the_start_of_the_sha256() -> None:
    assert document_id(b"abc") == sha256_hex(b"abc")[:16]
    assert len(document_id(b"abc")) == 16


def test_resolve_full_id_prefix_external_id_and_errors(db: Path) -> None:
    store = open_store(db)
    items = []
    for body in (b"one", b"two", b"three"):
        a = article(body.decode())
        a.external_id = f"ext-{body.decode()}"
        items.append((document_id(body), RawReport(body, "text", body.decode()), Outcome(a)))
    store.add_documents(items)
    full = document_id(b"two")
    assert store.resolve_document_id(full) == full
    assert store.resolve_document_id(full[:6]) == full
    assert store.resolve_document_id("ext-three") == document_id(b"three")
    with pytest.raises(NotFoundError, match="casewatch documents"):
        store.resolve_document_id("ffffffffffff")
    with pytest.raises(NotFoundError):
        store.resolve_document_id("%%%%")  # LIKE wildcards are escaped: no match, not every match
    store.close()


def test_ambiguous_prefix(db: Path) -> None:
    store = open_store(db)
    first_by_prefix: dict[str, bytes] = {}
    i = 0
    while True:  # two reports whose ids share their first four hex digits
        body = f"report {i}".encode()
        prefix = document_id(body)[:4]
        if prefix in first_by_prefix:
            break
        first_by_prefix[prefix] = body
        i += 1
    pair = [first_by_prefix[prefix], body]
    store.add_documents([(document_id(b), RawReport(b, "text", str(k)), Outcome(article("x")))
                         for k, b in enumerate(pair)])
    clash = prefix
    with pytest.raises(AmbiguousIdError, match="give more of the id"):
        store.resolve_document_id(clash)
    store.close()


def test_a_folder_or_missing_parent_is_refused(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="is a folder"):
        open_store(tmp_path)
    with pytest.raises(StoreError, match="does not exist"):
        open_store(tmp_path / "no" / "such" / "x.db")


def test_not_a_database(tmp_path: Path) -> None:
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError, match="cannot open"):
        open_store(bad)


def test_a_newer_schema_is_refused(db: Path) -> None:
    open_store(db).close()
    con = sqlite3.connect(db)
    con.execute("UPDATE meta SET value = '999' WHERE key = 'schema_version'")
    con.commit()
    con.close()
    with pytest.raises(StoreError, match="newer casewatch"):
        open_store(db)
