"""Change records made by ingests and reviews, with their quotes; nothing made twice, nothing by a rebuild."""
from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from casewatch.changes.records import change_json
from casewatch.ingest import ingest, rebuild
from casewatch.link import build_pending_cases, rebuild_cases
from casewatch.models import RawReport
from casewatch.runner import SerialRunner
from casewatch.store import open_store
from casewatch.views.reviewing import review_many
from changes.reports import AGE_41, AGE_44, DETAINED, SENTENCED

pytestmark = pytest.mark.slow

def read(store, *reports: bytes) -> None:
    ingest(store, [RawReport(r, "text", f"report-{i}.txt") for i, r in enumerate(reports)], SerialRunner())


def all_changes(store) -> list[dict]:
    return [change_json(r) for r in reversed(store.changes(limit=None))]


def assert_quotes_are_the_clean_text(store, change: dict) -> None:
    quotes = list(change["detail"].get("quotes") or [])
    quotes += [q for v in change["detail"].get("values") or [] for q in v["quotes"]]
    for q in quotes:
        text = store.get_document(q["document"]).article["text"]
        assert text[q["start"]:q["end"]] == q["quote"]
        assert q["document"] in change["documents"]


@pytest.fixture
def store(db: Path):
    s = open_store(db)
    yield s
    s.close()


def test_a_second_report_records_the_report_the_status_and_the_source(store):
    read(store, DETAINED)
    (new,) = all_changes(store)
    assert (new["kind"], new["case_name"], new["from"], new["to"]) == ("new_case", "Tomas Vireny", None, "detained")
    assert_quotes_are_the_clean_text(store, new)
    read(store, SENTENCED)
    later = all_changes(store)[1:]
    kinds = [c["kind"] for c in later]
    assert kinds[:2] == ["report", "status"] and "source" in kinds
    report, status = later[0], later[1]
    assert report["detail"]["title"] == "Ostrel baker sentenced to death"
    assert (status["from"], status["to"]) == ("detained", "sentenced_to_death")
    assert status["detail"]["event"]["type"] == "sentence" and status["detail"]["quotes"]
    assert "sentenced to death" in status["detail"]["quotes"][0]["quote"]
    (source,) = [c for c in later if c["kind"] == "source"]
    assert source["detail"] == {**source["detail"], "source": "Brightwater Human Rights Centre", "primary": True}
    assert {c["case"] for c in later} == {new["case"]}
    for c in later:
        assert_quotes_are_the_clean_text(store, c)
    count = store.count_changes()
    read(store, DETAINED, SENTENCED)
    assert store.count_changes() == count, "the same reports again: no change"
    people = {cf["entity"] for cf in store.list_cases()}
    rebuild_cases(store, people)
    assert store.count_changes() == count, "the same case files made again: no change"


def test_a_review_that_settles_a_conflict_records_it_and_a_rebuild_records_nothing(store):
    read(store, AGE_41)
    read(store, AGE_44)
    (conflict,) = [c for c in all_changes(store) if c["kind"] == "conflict"]
    assert conflict["detail"]["field"] == "age"
    assert sorted(v["value"] for v in conflict["detail"]["values"]) == ["41", "44"]
    assert_quotes_are_the_clean_text(store, conflict)
    cf = store.get_case("Tomas Vireny")
    (open_conflict,) = [c for c in cf["conflicts"] if c["field"] == "age"]
    review_many(store, cf["id"], [open_conflict["id"]], "edited", user="ines", note="the court record says 41",
                value="41")
    settled = all_changes(store)[-1]
    assert (settled["kind"], settled["to"]) == ("conflict_settled", "41")
    assert settled["detail"]["settled_by"]["user"] == "ines"
    count = store.count_changes()
    rebuild(store, SerialRunner())
    assert store.count_changes() == count, "a rebuild rereads the same reports: no change recorded"


def test_change_records_cannot_be_altered_or_removed(store):
    read(store, DETAINED)
    con = sqlite3.connect(store.path)
    try:
        for sql in ("UPDATE changes SET kind = 'status'", "DELETE FROM changes"):
            with pytest.raises(sqlite3.DatabaseError, match="append-only"):
                con.execute(sql)
    finally:
        con.close()
    assert store.count_changes() == 1


def test_the_alerts_are_queued_with_the_changes_and_a_failure_keeps_neither(store, monkeypatch):
    read(store, DETAINED)
    before = store.get_case("Tomas Vireny")
    queued: list[list[int]] = []

    def queue(seqs):
        queued.append(list(seqs))
        assert store.count_changes() == 1 + len(seqs), "called inside the transaction that stores them"
        return 0

    monkeypatch.setattr(store, "queue_alerts", queue)
    read(store, SENTENCED)
    assert queued == [[c["id"] for c in all_changes(store)[1:]]]

    def fail(_seqs):
        raise RuntimeError("the alerts could not be queued")

    monkeypatch.setattr(store, "queue_alerts", fail)
    count, now = store.count_changes(), store.get_case("Tomas Vireny")
    with pytest.raises(RuntimeError):
        read(store, AGE_41)
    assert store.count_changes() == count, "no change kept without its alerts"
    assert store.get_case("Tomas Vireny")["documents"] == now["documents"] != before["documents"]
    monkeypatch.undo()
    build_pending_cases(store)  # what the next command does first: the work left is done, its changes recorded
    assert "Ostrel baker still held" in [c["to"] for c in all_changes(store)[count:] if c["kind"] == "report"]
