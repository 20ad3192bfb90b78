"""Full-text search: typed words become safe FTS5 terms; the index follows ingest and rebuild."""
from __future__ import annotations

import pytest

from casewatch.store.search import MARK_END, MARK_START, match_expression


@pytest.mark.parametrize(("typed", "expr"), [
    ("Gharvan prison", '"Gharvan" "prison"'),
    ('" OR NEAR(x', '"OR" "NEAR" "x"'),
    ("dalir*", '"dalir"*'),
    ("O'Neil's", "\"O'Neil's\""),
    ("  ", None),
    ("*** ---", None),
])
def test_match_expression(typed, expr):
    assert match_expression(typed) == expr


@pytest.mark.slow
def test_search_over_ingested_reports_and_after_rebuild(cli, corpus):
    from casewatch.store import open_store

    assert cli("ingest", str(corpus)).returncode == 0
    store = open_store(cli.db)
    total, hits = store.search_documents("poet Karsk")
    assert total == 1 and hits[0].title and MARK_START in hits[0].snippet and MARK_END in hits[0].snippet
    assert store.search_documents("poe*")[0] == 1
    assert store.search_documents("nowhere-to-be-found")[0] == 0
    store.close()
    assert cli("rebuild").returncode == 0
    store = open_store(cli.db)
    assert store.search_documents("poet Karsk")[0] == 1
    store.close()
    found = cli.json("search", "poet")
    assert found["total"] == 1 and "[[poet]]" in found["items"][0]["snippet"].lower()
