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


def _evidence_case() -> dict:
    """A case with a reviewed fact, a rejected fact and a rejected event, from two reports (one untitled)."""
    support = [{"document": "r1", "start": 4, "end": 30, "quote": "Mara Quill was arrested", "attributed_to": None}]
    other = [{"document": "r2", "start": 0, "end": 12, "quote": "Mara Quill, 40", "attributed_to": None}]
    return {
        "id": "case-9", "subject": {"name": "Mara Quill", "aliases": []}, "status": "arrested",
        "facts": [
            {"id": "fact-a", "field": "age", "value": "41", "modality": "asserted", "review": "confirmed",
             "reviewed": {"user": "ana", "at": "2026-01-02T10:00:00+00:00", "note": "matches the court record"},
             "outlets": 1, "independent_sources": 1, "primary_sources": [], "support": support},
            {"id": "fact-b", "field": "age", "value": "40", "modality": "asserted", "review": "rejected",
             "reviewed": {"user": "ana", "at": "2026-01-02T10:05:00+00:00", "note": "a misprint in the copy"},
             "outlets": 1, "independent_sources": 1, "primary_sources": [], "support": other},
        ],
        "events": [
            {"id": "event-a", "type": "arrest", "date": {"text": "4 May", "start": "2026-05-04", "end": "2026-05-04"},
             "place": None, "facility": None, "modality": "asserted", "review": "unreviewed",
             "support": support, "outlets": 1,
             "independent_sources": 1, "primary_sources": []},
            {"id": "event-b", "type": "release", "date": {"text": "9 May", "start": "2026-05-09", "end": "2026-05-09"},
             "place": None, "facility": None, "modality": "asserted", "review": "rejected",
             "support": other, "outlets": 1,
             "independent_sources": 1, "primary_sources": [],
             "reviewed": {"user": "ana", "at": "t", "note": "another woman of that name"}},
        ],
        "conflicts": [],
        "sources": [
            {"document": "r1", "origin": "/home/ana/reports/quill.html", "outlet": "Harrow Post",
             "title": "Poet held in Harrow", "published": {"text": "5 May 2026", "start": "2026-05-05"}},
            {"document": "r2", "origin": "/home/ana/reports/copy.txt", "outlet": None, "title": None,
             "published": None},
        ],
        "outlets": 1, "independent_sources": 1, "primary_sources": [],
    }


def _provenance():
    from casewatch.views.export import Provenance

    return Provenance(exported_by="ana", exported_at="2026-06-01T08:30:00+00:00", reports={
        "r1": {"name": "Poet held in Harrow", "outlet": "Harrow Post", "url": "https://harrow.example/poet-held",
               "published": None},
        "r2": {"name": "Mara Quill, 40, a poet from Harrow, was taken…", "outlet": None,
               "url": "file:///home/ana/reports/copy.txt", "published": None},
    })


def _section(html: str, heading: str) -> str:
    start = html.index(f"<h2>{heading}</h2>")
    end = html.find("<h2>", start + 1)
    return html[start:end if end > 0 else None]


def test_the_dossier_says_when_and_by_whom_it_was_exported_and_why_the_status():
    html = export(_evidence_case(), "html", provenance=_provenance())[0].decode()
    assert "2026-06-01T08:30:00+00:00 (UTC)" in html and '<dd class="exported-by">ana</dd>' in html
    basis = html[html.index('class="basis"'):]
    basis = basis[:basis.index("</dd>")]
    assert "arrested" in basis and "arrest" in basis and "2026-05-04" in basis
    assert 'name="viewport"' in html


def test_the_dossier_names_reports_by_title_outlet_url_and_date_never_a_file_path():
    html = export(_evidence_case(), "html", provenance=_provenance())[0].decode()
    sources = _section(html, "Sources")
    assert "Poet held in Harrow" in sources and "Harrow Post" in sources and "2026-05-05" in sources
    assert '<a href="https://harrow.example/poet-held">' in sources
    assert "/home/ana" not in html and "file://" not in html  # neither the origin path nor a non-web address
    assert "Mara Quill, 40, a poet from Harrow, was taken…" in sources  # the untitled report, by its first words
    facts = _section(html, "Facts")
    assert "characters 4–30" in facts and "report r1" in facts  # every quote keeps its report and offsets


def test_the_dossier_keeps_rejected_items_out_of_the_facts_and_marks_them():
    html = export(_evidence_case(), "html", provenance=_provenance())[0].decode()
    facts, timeline = _section(html, "Facts"), _section(html, "Timeline")
    assert "<strong>41</strong>" in facts and "matches the court record" in facts and "confirmed" in facts
    assert "<strong>40</strong>" not in facts and "Mara Quill, 40" not in facts and "misprint" not in facts
    assert "release" not in timeline
    rejected = _section(html, "Rejected by review")
    assert rejected.count("Rejected</span>") == 2
    assert "age: 40" in rejected and "a misprint in the copy" in rejected
    assert "release" in rejected and "another woman of that name" in rejected


def test_the_csv_names_each_report_beside_its_id():
    body, _ = export(_evidence_case(), "csv", provenance=_provenance())
    rows = list(csv.DictReader(io.StringIO(body.decode())))
    assert rows[0]["documents"] == "r1" and rows[0]["reports"] == "r1: Poet held in Harrow (Harrow Post)"
    assert rows[1]["reports"] == "r2: Mara Quill, 40, a poet from Harrow, was taken…"


def test_an_untitled_report_is_named_by_its_first_words():
    from casewatch.views.shapes import report_label, report_name

    text = "  Tomas   Vey was seen at the border crossing on Monday night, his sister said.\n"
    assert report_name(None, text) == "Tomas Vey was seen at the border crossing…"
    assert report_name("", "Short note only") == "Short note only"
    assert report_name("  Border  arrest ", text) == "Border arrest"
    assert report_name(None, "", "r9") == "r9"
    assert report_label("Border arrest", "Vale News") == "Border arrest (Vale News)"
    assert report_label("Border arrest", None) == "Border arrest"


def test_the_report_lists_name_an_untitled_report_by_its_first_words():
    from casewatch.store import StoredDocument
    from casewatch.views.shapes import document_summary

    text = "Rena Osk, a nurse from Tallow, was taken from her home at dawn on Friday, her neighbours said."
    untitled = StoredDocument("r7", "0" * 64, "text", "/tmp/r7.txt", "t", {"title": None, "text": text})
    titled = StoredDocument("r8", "1" * 64, "text", "/tmp/r8.txt", "t", {"title": "Nurse taken", "text": text})
    assert document_summary(untitled)["name"] == "Rena Osk, a nurse from Tallow, was taken…"
    assert document_summary(titled)["name"] == "Nurse taken"
    assert document_summary(StoredDocument("r9", "2" * 64, "text", "/tmp/r9.txt", "t", None))["name"] == "r9"


def test_the_dossier_counts_unknown_outlets_apart_and_keeps_a_settled_conflict_as_settled():
    case = {**_evidence_case(), "reports_without_outlet": 1, "settled_conflicts": [
        {"id": "conflict-9", "field": "age", "note": "Reports give 40 and 41.", "settled": True, "resolution": "41",
         "settled_by": {"user": "ana", "at": "2026-05-30T10:00:00Z", "how": "rejected 40"},
         "values": [{"value": "40", "support": []}, {"value": "41", "support": []}]}]}
    html = export(case, "html", provenance=_provenance())[0].decode()
    assert "(+1 report with no known outlet)" in html
    conflicts = _section(html, "Conflicts between reports")
    assert "settled by ana, 2026-05-30T10:00:00Z: rejected 40" in conflicts and "[settled on: 41]" in conflicts
    assert "40 (set aside by the review)" in conflicts and "41 (set aside" not in conflicts
    assert "never more independent sources than reports" in html  # what the counts mean, said in the dossier
