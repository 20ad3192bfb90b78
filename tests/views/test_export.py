"""Exports: JSON is the case file, CSV a row per fact (formulas neutralised), HTML a dossier with no script."""
from __future__ import annotations

import csv
import io
import json

from casewatch.views.export import export

CASE = {
    "id": "case-1", "subject": {"name": "Lio Ness", "aliases": []}, "status": "arrested",
    "facts": [
        {"id": "fact-1", "field": "age", "value": "31", "modality": "asserted", "review": "unreviewed",
         "outlets": 1, "independent_sources": 1, "primary_sources": ["North Watch"], "confidence": 0.5,
         "support": [{"document": "d1", "start": 0, "end": 8, "quote": "Lio Ness", "attributed_to": "North Watch"}]},
        {"id": "fact-2", "field": "charge", "value": "=HYPERLINK(\"x\")", "modality": "alleged", "review": "edited",
         "original_value": "@SUM(A1)", "reviewed": {"user": "ana", "at": "t", "note": "court"},
         "outlets": 2, "independent_sources": 1, "primary_sources": [],
         "support": [{"document": "d2", "start": 3, "end": 9, "quote": "<script>alert(1)</script>",
                      "attributed_to": None}]},
    ],
    "events": [], "conflicts": [], "sources": [{"document": "d1", "origin": "x", "outlet": "North", "title": "T",
                                                "published": None, "syndication_group": None, "cites": []}],
    "outlets": 1, "independent_sources": 1, "primary_sources": [],
}


def test_json_is_the_case_file():
    body, media = export(CASE, "json")
    assert json.loads(body) == CASE and media == "application/json"


def test_csv_has_a_row_per_fact_with_its_sources_and_no_live_formula():
    body, media = export(CASE, "csv")
    rows = list(csv.DictReader(io.StringIO(body.decode())))
    assert media.startswith("text/csv") and len(rows) == 2
    assert rows[0]["quotes"] == "d1@0-8: Lio Ness" and rows[0]["attributed_to"] == "North Watch"
    assert rows[0]["primary_sources"] == "North Watch" and rows[0]["confidence"] == "0.50"
    assert rows[1]["value"] == "'=HYPERLINK(\"x\")" and rows[1]["reports_value"] == "'@SUM(A1)"
    assert rows[1]["review"] == "edited" and rows[1]["review_note"] == "court"


def test_html_dossier_escapes_report_text():
    body, _ = export(CASE, "html")
    html = body.decode()
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "Lio Ness" in html and "@media print" in html
