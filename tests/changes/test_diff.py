"""diff_case on small hand-written case files: each kind of change, and what is no change."""
from __future__ import annotations

import copy
from typing import Any

from casewatch.changes.diff import diff_case

TEXT = ("Nadia Korrin was detained in Velm on May 2. A court in Velm sentenced Nadia Korrin to death on June 9, "
        "the Amber Watch group said. Korrin, 29, is held in Velm Prison.")


def quote(doc: str, words: str) -> dict[str, Any]:
    start = TEXT.index(words)
    return {"document": doc, "start": start, "end": start + len(words), "quote": words, "attributed_to": None}


DETAINED = quote("doc-a", "Nadia Korrin was detained in Velm on May 2.")
SENTENCED = {**quote("doc-b", "A court in Velm sentenced Nadia Korrin to death on June 9"),
             "attributed_to": "Amber Watch"}
AGE = quote("doc-b", "Korrin, 29")


def day(iso: str) -> dict[str, Any]:
    return {"text": iso, "start": iso, "end": iso, "precision": "day"}


def case_file() -> dict[str, Any]:
    """The case as the first report tells it: detained, one report, no primary source."""
    return {
        "id": "case-korrin", "entity": "per-korrin", "subject": {"name": "Nadia Korrin", "aliases": ["Korrin"]},
        "status": "detained",
        "facts": [{"id": "fact-place", "field": "location", "value": "Velm", "support": [DETAINED], "outlets": 1,
                   "independent_sources": 1, "primary_sources": [], "confidence": 0.5, "review": "unreviewed"}],
        "events": [{"id": "event-detention", "type": "detention", "date": day("2026-05-02"), "modality": "asserted",
                    "support": [DETAINED], "review": "unreviewed"}],
        "conflicts": [],
        "sources": [{"document": "doc-a", "outlet": "Velm Courier", "title": "Woman held in Velm",
                     "published": day("2026-05-03"), "cites": []}],
        "outlets": 1, "independent_sources": 1, "primary_sources": [], "documents": ["doc-a"],
        "review": {"confirmed": 0, "edited": 0, "rejected": 0, "unreviewed": 2},
    }


def sentenced(cf: dict[str, Any]) -> dict[str, Any]:
    """The same case once a second report, from another outlet relaying Amber Watch, tells of a death sentence."""
    new = copy.deepcopy(cf)
    new["status"] = "sentenced_to_death"
    new["events"].append({"id": "event-sentence", "type": "sentence", "date": day("2026-06-09"),
                          "details": {"sentence": "death"}, "modality": "asserted", "support": [SENTENCED],
                          "review": "unreviewed"})
    new["sources"].append({"document": "doc-b", "outlet": "Northgate Post", "title": "Velm court sentences woman",
                           "published": day("2026-06-10"), "cites": ["Amber Watch"]})
    new["documents"].append("doc-b")
    new["primary_sources"] = ["Amber Watch"]
    new["independent_sources"] = 2
    new["outlets"] = 2
    return new


def kinds(changes) -> list[str]:
    return [c.kind for c in changes]


def test_a_new_case_is_one_change_with_its_status_and_the_event_that_sets_it():
    (change,) = diff_case(None, case_file())
    assert (change.kind, change.from_value, change.to_value) == ("new_case", None, "detained")
    assert change.detail["name"] == "Nadia Korrin"
    assert change.detail["event"]["id"] == "event-detention"
    assert change.detail["quotes"] == [{"document": "doc-a", "start": DETAINED["start"], "end": DETAINED["end"],
                                        "quote": DETAINED["quote"], "title": "Woman held in Velm",
                                        "outlet": "Velm Courier"}]
    assert "detained" in change.detail["basis"]
    assert change.documents == ["doc-a"]


def test_a_second_report_gives_the_report_the_status_and_the_source():
    old = case_file()
    changes = diff_case(old, sentenced(old))
    assert kinds(changes) == ["report", "status", "source"]
    report, status, source = changes
    assert report.detail == {"document": "doc-b", "title": "Velm court sentences woman", "outlet": "Northgate Post",
                             "published": "2026-06-10"}
    assert (status.from_value, status.to_value) == ("detained", "sentenced_to_death")
    assert status.detail["event"]["type"] == "sentence"
    assert [(q["document"], q["quote"]) for q in status.detail["quotes"]] == [("doc-b", SENTENCED["quote"])]
    for q in status.detail["quotes"]:
        assert TEXT[q["start"]:q["end"]] == q["quote"]
    assert status.documents == ["doc-b"]
    assert source.detail["source"] == "Amber Watch" and source.detail["primary"] is True
    assert [q["quote"] for q in source.detail["quotes"]] == [SENTENCED["quote"]]
    assert source.documents == ["doc-b"]


def test_a_new_fact_value_and_the_value_it_joins():
    old = case_file()
    new = copy.deepcopy(old)
    new["facts"].append({"id": "fact-age", "field": "age", "value": "29", "support": [AGE], "review": "unreviewed"})
    new["facts"].append({"id": "fact-place-2", "field": "location", "value": "Velm Prison", "support": [AGE]})
    age, place = diff_case(old, new)
    assert (age.kind, age.from_value, age.to_value) == ("fact", None, "29")
    assert age.detail["field"] == "age" and age.detail["quotes"][0]["quote"] == "Korrin, 29"
    assert (place.from_value, place.to_value) == ("Velm", "Velm Prison")


def test_a_value_a_reviewer_gave_is_a_new_value_with_the_reports_value_beside_it():
    old = case_file()
    new = copy.deepcopy(old)
    reviewed = {"user": "ines", "at": "2026-06-11T10:00:00+00:00", "note": "the family says Velm-North"}
    new["facts"][0].update(value="Velm-North", original_value="Velm", review="edited", reviewed=reviewed)
    (change,) = diff_case(old, new)
    assert (change.kind, change.from_value, change.to_value) == ("fact", "Velm", "Velm-North")
    assert change.detail["original_value"] == "Velm" and change.detail["reviewed"] == reviewed
    assert change.detail["quotes"][0]["quote"] == DETAINED["quote"]


def test_a_rejected_fact_is_no_new_value():
    old = case_file()
    new = copy.deepcopy(old)
    new["facts"].append({"id": "fact-age", "field": "age", "value": "29", "support": [AGE], "review": "rejected"})
    assert diff_case(old, new) == []


def age_conflict(**extra: Any) -> dict[str, Any]:
    return {"id": "conflict-age", "field": "age", "values": [{"value": "29", "support": [AGE]},
                                                          {"value": "31", "support": [DETAINED]}], **extra}


def test_a_new_conflict_with_its_values_and_quotes():
    old = case_file()
    new = copy.deepcopy(old)
    new["conflicts"] = [age_conflict(note="Two reports give two ages.")]
    (change,) = diff_case(old, new)
    assert change.kind == "conflict" and change.to_value == "29 / 31"
    assert change.detail["field"] == "age"
    assert [(v["value"], [q["quote"] for q in v["quotes"]]) for v in change.detail["values"]] == [
        ("29", ["Korrin, 29"]), ("31", [DETAINED["quote"]])]
    assert change.documents == ["doc-b", "doc-a"]


def test_a_conflict_that_takes_another_value_is_no_new_conflict():
    old = case_file()
    old["conflicts"] = [age_conflict()]
    new = copy.deepcopy(old)
    new["conflicts"][0]["values"].append({"value": "30", "support": [AGE]})
    assert diff_case(old, new) == []


def test_a_conflict_settled_by_an_edit_or_moved_to_settled_conflicts():
    old = case_file()
    old["conflicts"] = [age_conflict()]
    by = {"user": "ines", "at": "2026-06-11T10:00:00+00:00", "how": "settled on '29': the court record"}
    edited = copy.deepcopy(old)
    edited["conflicts"][0].update(settled=True, resolution="29", settled_by=by, review="edited")
    (change,) = diff_case(old, edited)
    assert (change.kind, change.from_value, change.to_value) == ("conflict_settled", "29 / 31", "29")
    assert change.detail["settled_by"] == by and change.detail["resolution"] == "29"
    moved = copy.deepcopy(old)
    moved["settled_conflicts"] = [{**moved.pop("conflicts")[0], "settled": True, "settled_by": by}]
    moved["conflicts"] = []
    assert kinds(diff_case(old, moved)) == ["conflict_settled"]
    assert diff_case(edited, copy.deepcopy(edited)) == [], "settled before and after: no change"


def test_more_independent_sources_than_new_primary_ones_is_a_new_outlet():
    old = case_file()
    new = copy.deepcopy(old)
    new["sources"].append({"document": "doc-c", "outlet": "Harbour Times", "title": "Velm woman still held"})
    new["documents"].append("doc-c")
    new["independent_sources"] = 2
    report, source = diff_case(old, new)
    assert report.kind == "report" and report.to_value == "Velm woman still held"
    assert (source.kind, source.to_value, source.detail["primary"]) == ("source", "Harbour Times", False)
    assert source.documents == ["doc-c"]


def test_the_same_case_file_in_another_order_with_counts_recomputed_is_no_change():
    old = sentenced(case_file())
    old["conflicts"] = [age_conflict()]
    new = copy.deepcopy(old)
    new["events"].reverse()
    new["sources"].reverse()
    new["documents"].reverse()
    new["conflicts"][0]["values"].reverse()
    new["facts"][0]["confidence"] = 0.9
    new["review"] = {"confirmed": 1, "edited": 0, "rejected": 0, "unreviewed": 1}
    new["events"][0]["review"] = "confirmed"
    assert diff_case(old, new) == []
    assert diff_case(old, copy.deepcopy(old)) == []
