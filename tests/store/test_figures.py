"""The figures table: the same merged figures as the extractions give, and filled for an older database."""
from __future__ import annotations

import sqlite3

import pytest
from sqlalchemy import text

from casewatch.store import open_store
from casewatch.store.core import figure_row
from casewatch.views.shapes import merge_figures

pytestmark = pytest.mark.slow


def test_stored_figures_merge_as_the_extractions_do_and_are_filled_when_missing(example_db, tmp_path):
    copy = tmp_path / "c.db"
    with sqlite3.connect(example_db) as a, sqlite3.connect(copy) as b:
        a.backup(b)
    store = open_store(copy)
    expected = merge_figures(figure_row(doc_id, i, f) for doc_id, ex in store.all_extractions()
                             for i, f in enumerate(ex.figures))
    assert expected, "the examples give figures"
    assert merge_figures(store.figure_rows()) == expected
    with store.engine.begin() as conn:  # as a database made before the table existed
        conn.execute(text("DROP TABLE figures"))
    store.close()
    store = open_store(copy)
    assert merge_figures(store.figure_rows()) == expected
    store.close()
