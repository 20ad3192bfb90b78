"""change_json gives the agreed shape; change_line says each change in plain words, names not ids."""
from __future__ import annotations

import json

from casewatch.changes.records import change_json, change_line

QUOTE = {"document": "d1", "start": 0, "end": 9, "quote": "Held here"}


def row(kind: str, from_value, to_value, detail: dict, documents=("d1",)) -> dict:
    return {"seq": 7, "at": "2026-05-01T10:00:00+00:00", "case_id": "case-ab12", "case_name": "Ilse Marrow",
            "kind": kind, "from_value": from_value, "to_value": to_value, "detail": json.dumps(detail),
            "documents": json.dumps(list(documents))}


def line(*args, **kwargs) -> str:
    return change_line(change_json(row(*args, **kwargs)))


def test_the_json_form_has_exactly_the_agreed_keys():
    got = change_json(row("status", "detained", "sentenced_to_death", {"quotes": [QUOTE]}))
    assert got == {"id": 7, "at": "2026-05-01T10:00:00+00:00", "case": "case-ab12", "case_name": "Ilse Marrow",
                   "kind": "status", "from": "detained", "to": "sentenced_to_death", "detail": {"quotes": [QUOTE]},
                   "documents": ["d1"]}


def test_each_kind_in_words():
    assert line("status", "detained", "sentenced_to_death", {"quotes": [QUOTE] * 3}) == \
        "Status: detained → sentenced to death (3 quotes)"
    assert line("new_case", None, "detained", {}, ("d1", "d2")) == "New case: Ilse Marrow, detained (2 reports)"
    assert line("fact", "30", "31", {"field": "age", "quotes": [QUOTE]}) == "New fact: age 31 (earlier: 30) (1 quote)"
    assert line("conflict", None, "31 / 33", {"field": "age", "values": [
        {"value": "31", "quotes": [QUOTE]}, {"value": "33", "quotes": [QUOTE]}]}) == \
        "New conflict: age: 31 / 33 (2 quotes)"
    settled = {"field": "status", "event_type": "execution",
               "settled_by": {"user": "ines", "at": "x", "how": "settled on 'alive': the family saw him"}}
    assert line("conflict_settled", "executed / alive", "alive", settled) == \
        "Conflict settled: status (execution) on “alive” by ines — the family saw him"
    assert line("source", None, "Amber Watch", {"source": "Amber Watch", "primary": True}) == \
        "New primary source: Amber Watch"
    assert line("source", None, "Harbour Times", {"source": "Harbour Times", "primary": False}) == \
        "New independent source: Harbour Times"
    assert line("report", None, "Court hears case", {"document": "d1", "title": "Court hears case",
                                                     "outlet": "Velm Courier"}) == \
        "New report: “Court hears case”, Velm Courier"
    assert "d1" not in line("report", None, "Court hears case", {"document": "d1", "title": "Court hears case"})
