"""Status: the latest stage supported events reach; denied, alleged and expected events set none."""
from __future__ import annotations

from typing import Any

import pytest

from casewatch.corroborate import build_case_files
from corroborate.builders import Report, check_case_files, day, person

ENTITIES = {"p-ness": person("p-ness", "Lio Ness")}
SENTENCES = {
    "arrest": "Lio Ness was arrested.",
    "sentence": "Lio Ness was sentenced.",
    "execution": "Lio Ness was executed.",
    "release": "Lio Ness was released.",
    "commutation": "Lio Ness had his sentence commuted.",
    "trial": "Lio Ness was tried.",
    "refusal": "Lio Ness refused to fire.",
}


def status(*events: tuple[str, dict[str, Any]]) -> str:
    reports = []
    for i, (etype, kw) in enumerate(events):
        r = Report(f"s{i}", SENTENCES[etype], outlet=f"Outlet {i}")
        r.event(etype, SENTENCES[etype], r.mention("Lio Ness", "PERSON", "p-ness"), trigger=SENTENCES[etype][9:], **kw)
        reports.append(r)
    (cf,) = build_case_files([r.build() for r in reports], ENTITIES)
    check_case_files([cf], reports)
    return cf["status"]


DEATH = {"details": {"sentence": "death"}}


@pytest.mark.parametrize(("events", "expected"), [
    ([("arrest", {})], "arrested"),
    ([("arrest", {}), ("sentence", {})], "sentenced"),
    ([("arrest", {}), ("sentence", DEATH)], "sentenced_to_death"),
    ([("sentence", {"details": {"sentence": "death penalty"}})], "sentenced_to_death"),
    ([("sentence", DEATH), ("execution", {"modality": "expected"})], "sentenced_to_death"),
    ([("sentence", DEATH), ("execution", {"modality": "alleged"})], "sentenced_to_death"),
    ([("sentence", DEATH), ("execution", {"modality": "reported"})], "sentenced_to_death"),
    ([("sentence", DEATH), ("commutation", {})], "commuted"),
    ([("trial", {"details": {"verdict": "acquitted"}})], "acquitted"),
    ([("refusal", {})], "reported"),
    ([("execution", {}), ("execution", {"modality": "denied"})], "unknown"),
])
def test_status(events, expected):
    assert status(*events) == expected


def test_a_new_arrest_after_a_release_reopens_the_case():
    assert status(("arrest", {"date": day("2025-01-02")}), ("release", {"date": day("2025-03-01")})) == "released"
    assert status(("arrest", {"date": day("2025-01-02")}), ("release", {"date": day("2025-03-01")}),
                  ("arrest", {"date": day("2025-06-10")})) == "arrested"
