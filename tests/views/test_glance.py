"""The case at a glance, computed from a case file alone: status and the event that sets it, latest
development, open conflicts, what remains to review."""
from __future__ import annotations

from typing import Any

from casewatch.views.glance import case_glance, glance_lines


def _source(doc: str, outlet: str | None, day: str | None, title: str = "") -> dict[str, Any]:
    published = {"text": day, "start": day, "end": day, "precision": "day"} if day else None
    return {"document": doc, "outlet": outlet, "title": title or f"report {doc}", "published": published}


def _event(eid: str, etype: str, docs: list[str], day: str | None = None, by: str | None = None,
           modality: str = "asserted", review: str = "unreviewed", details: dict | None = None,
           said_by: str | None = None) -> dict[str, Any]:
    e: dict[str, Any] = {
        "id": eid, "type": etype, "modality": modality, "review": review, "details": details or {},
        "date": {"text": day, "start": day, "end": day, "precision": "day"} if day else None,
        "support": [{"document": d, "start": 0, "end": 4, "quote": "word", "attributed_to": said_by} for d in docs],
        "independent_sources": len(docs), "primary_sources": [said_by] if said_by else [],
    }
    if by:
        e["by"] = {"text": by, "end": by, "anchor": "published"}
    return e


def _case(status: str, events: list[dict[str, Any]], **more: Any) -> dict[str, Any]:
    return {"id": "case-x", "subject": {"name": "Ilsa Marrow", "aliases": []}, "status": status,
            "facts": more.get("facts", []), "events": events, "conflicts": more.get("conflicts", []),
            "sources": more.get("sources", [_source("d1", "The Fenwick Post", "2031-04-02"),
                                            _source("d2", None, "2031-05-10", "Court keeps Marrow sentence")])}


def test_the_status_basis_is_the_latest_stated_event_that_reaches_the_status():
    cf = _case("sentenced_to_death", [
        _event("e1", "arrest", ["d1"], day="2031-03-30"),
        _event("e2", "sentence", ["d1"], day="2031-04-01", details={"sentence": "death penalty"}),
        _event("e3", "sentence", ["d2"], by="2031-05-10", details={"sentence": "death"}, said_by="Marrow Watch"),
        _event("e4", "execution", ["d2"], modality="expected"),
    ])
    g = case_glance(cf)
    assert g.basis is not None and g.basis.event_id == "e3"
    assert g.basis.on_or_before and g.basis.day == "2031-05-10" and g.basis.when == "on or before 2031-05-10"
    assert g.basis.said_by == ["Marrow Watch"] and g.basis.outlets == ["outlet unknown"]
    assert g.basis.independent_sources == 1 and g.basis.report["title"] == "Court keeps Marrow sentence"
    status = glance_lines(g)[0]
    assert status.label == "Status" and status.anchor == "e3"
    assert status.text.startswith("sentenced to death — set by sentence [sentence: death], on or before 2031-05-10")
    assert "says so: Marrow Watch" in status.text and "1 independent source(s)" in status.text


def test_an_expected_or_rejected_event_never_sets_the_status():
    cf = _case("arrested", [
        _event("e1", "arrest", ["d1"], day="2031-03-30"),
        _event("e2", "arrest", ["d2"], day="2031-05-01", review="rejected"),
        _event("e3", "release", ["d2"], day="2031-05-02", modality="expected"),
    ])
    g = case_glance(cf)
    assert g.basis is not None and g.basis.event_id == "e1" and not g.basis.on_or_before
    assert g.latest is not None and g.latest.event_id == "e3" and g.latest.modality == "expected"
    assert "release (expected), 2031-05-02" in glance_lines(g)[1].text


def test_a_death_sentence_said_by_a_fact_sets_sentenced_to_death():
    fact = {"field": "sentence", "value": "capital punishment", "modality": "asserted", "review": "unreviewed",
            "support": []}
    g = case_glance(_case("sentenced_to_death", [_event("e1", "sentence", ["d1"], day="2031-04-01")], facts=[fact]))
    assert g.basis is not None and g.basis.event_id == "e1"
    assert g.to_review == {"facts": 1, "events": 1, "conflicts": 0}


def test_latest_development_prefers_the_newest_day_and_a_dated_event_on_that_day():
    cf = _case("detained", [
        _event("e1", "detention", ["d1"], day="2031-04-01"),
        _event("e2", "statement", ["d2"], by="2031-05-10"),
        _event("e3", "transfer", ["d2"], day="2031-05-10"),
    ])
    g = case_glance(cf)
    assert g.latest is not None and g.latest.event_id == "e3" and not g.latest.on_or_before
    assert g.basis is not None and g.basis.event_id == "e3"


def test_undated_event_without_a_bound_is_placed_at_its_reports_day():
    g = case_glance(_case("reported", [_event("e1", "torture", ["d1", "d2"])]))
    assert g.latest is not None and g.latest.when == "on or before 2031-04-02" and g.latest.reports == 2
    assert g.latest.outlets == ["The Fenwick Post", "outlet unknown"]
    assert g.basis is None and "no report states an event that sets a stage" in glance_lines(g)[0].text


def test_with_no_day_anywhere_the_newest_report_is_the_latest_development():
    cf = _case("reported", [_event("e1", "torture", ["d9"])],
               sources=[_source("d1", "Hollow Gazette", "2031-01-02", "Old news"),
                        _source("d2", "Quill Daily", "2031-02-03", "Newer news"), _source("d9", None, None)])
    cf["events"][0]["support"][0]["document"] = "d9"
    g = case_glance(cf)
    assert g.latest is None and g.newest_report is not None and g.newest_report["document"] == "d2"
    assert "newest report “Newer news”, Quill Daily, 2031-02-03" in glance_lines(g)[1].text


def test_open_conflicts_and_what_remains_to_review():
    conflicts = [{"id": "c1", "field": "age", "values": [], "review": "unreviewed"},
                 {"id": "c2", "field": "date", "event_type": "arrest", "values": []},
                 {"id": "c3", "field": "court", "values": [], "review": "edited"}]
    cf = _case("unknown", [_event("e1", "arrest", ["d1"], review="confirmed"), _event("e2", "trial", ["d1"])],
               conflicts=conflicts)
    g = case_glance(cf)
    assert [c["id"] for c in g.open_conflicts] == ["c1", "c2"]
    lines = {line.label: line for line in glance_lines(g)}
    assert lines["Open conflicts"].text == "2: age, date (arrest)" and lines["Open conflicts"].anchor == "c1"
    assert lines["To review"].text == "3 unreviewed: 0 fact(s), 1 event(s), 2 conflict(s)"
    assert lines["Status"].text.startswith("unknown — the reports contest")


def test_a_conflict_settled_by_a_review_is_not_open():
    conflicts = [{"id": "c1", "field": "age", "values": [], "review": "unreviewed"},
                 {"id": "c2", "field": "facility", "values": [], "review": "unreviewed", "settled": True,
                  "settled_by": {"user": "ana", "at": "2031-06-01T10:00:00Z", "how": "rejected"}}]
    g = case_glance(_case("detained", [_event("e1", "arrest", ["d1"])], conflicts=conflicts))
    assert [c["id"] for c in g.open_conflicts] == ["c1"]
