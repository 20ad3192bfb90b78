"""The class examples (examples/classes): each report plants classes of the way outlets, rights groups and state
media write, and EXPECTED.json says what a careful reader concludes from it. Every report is ingested once, as
a user ingests a folder; the checks named in ``known_gaps`` are expected to fail (strict: one that starts to
pass must leave the list)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from casewatch.errors import CasewatchError
from casewatch.store import open_store
from casewatch.views import queries
from tests_support import Cli

CLASSES = Path(__file__).resolve().parent.parent / "examples" / "classes"
EXPECTED = json.loads((CLASSES / "EXPECTED.json").read_text(encoding="utf-8"))
GAPS = {g["check"]: g["why"] for g in EXPECTED["known_gaps"]}


def _gap(check: str) -> list[pytest.MarkDecorator]:
    return [pytest.mark.xfail(strict=True, reason=GAPS[check])] if check in GAPS else []


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory):
    db = tmp_path_factory.mktemp("classes") / "casewatch.db"
    proc = Cli(db)("ingest", str(CLASSES))
    assert proc.returncode == 0, proc.stderr
    return open_store(db)


def _case(store, name: str) -> dict | None:
    try:
        return queries.case(store, name)
    except CasewatchError:
        return None


@pytest.mark.parametrize("case", [pytest.param(c, id=c["name"], marks=_gap(f"case {c['name']}"))
                                  for c in EXPECTED["cases"]])
def test_each_case_as_a_careful_reader_concludes(store, case: dict) -> None:
    cf = _case(store, case["name"])
    assert cf is not None, f"no case for {case['name']}"
    assert cf["subject"]["name"] == case["name"]
    assert cf["status"] in case["status_any"], (case["name"], cf["status"])
    for want in case.get("events", []):
        got = [e for e in cf["events"] if e["type"] == want["type"]]
        assert got, (case["name"], want["type"], [e["type"] for e in cf["events"]])
        modalities = [e["modality"] for e in got]
        assert any(m in want["modality_any"] for m in modalities), (case["name"], want, modalities)
        if "asserted" not in want["modality_any"]:
            assert "asserted" not in modalities, (case["name"], want, modalities)
        if "date" in want:
            dated = [e["date"] for e in got if e.get("date")]
            assert any(d["start"] == want["date"] and d["calendar"] == want["calendar"] for d in dated), dated
    facts: dict[str, set[str]] = {}
    for f in cf["facts"]:
        if f["modality"] != "denied":
            facts.setdefault(f["field"], set()).add(f["value"].lower())
    for field, value in case.get("facts", {}).items():
        assert value.lower() in facts.get(field, set()), (case["name"], field, facts.get(field))
    for f in cf["facts"]:
        for s in f["support"]:
            doc = queries.document(store, s["document"])
            assert doc["text"][s["start"]:s["end"]] == s["quote"]


@pytest.mark.parametrize("name", [pytest.param(n, marks=_gap(f"not a case {n}")) for n in EXPECTED["not_cases"]])
def test_people_who_are_not_cases(store, name: str) -> None:
    assert _case(store, name) is None


@pytest.mark.parametrize("file", sorted(EXPECTED["documents"]))
def test_titles_and_publication_dates(store, file: str) -> None:
    want = EXPECTED["documents"][file]
    docs = {Path(d["origin"]).name: d for d in queries.documents(store)[1]}
    assert docs[file]["title"] == want["title"]
    assert (docs[file]["published"] or {}).get("start") == want["published"]


def test_no_status_without_its_words(store) -> None:
    """Nobody in these reports is executed, released by a rumour or dead in custody but as the text says."""
    statuses = {row["name"]: row["status"] for row in queries.cases(store)[1]}
    assert statuses.get("Omid Rastegar") != "executed"
    assert statuses.get("Arash Nikdel") != "executed"
    assert statuses.get("Kaveh Zand") != "released"
    assert statuses.get("Leila Ghorbani") != "died_in_custody"
    assert statuses.get("Hamid Fallah") != "died_in_custody"
