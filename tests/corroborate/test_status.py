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


def _one_report(text: str, *events: tuple[str, str, dict[str, Any]]) -> str:
    """The status of Lio Ness from one report with these events (type, trigger words, EventMention fields)."""
    r = Report("o1", text, outlet="Outlet")
    m = r.mention("Lio Ness", "PERSON", "p-ness")
    for etype, words, kw in events:
        r.event(etype, words, m, trigger=words, **kw)
    (cf,) = build_case_files([r.build()], ENTITIES)
    check_case_files([cf], [r])
    return cf["status"]


def test_a_pardon_then_a_new_arrest_is_an_arrest():
    text = "A pardon let Lio Ness go home in 2024; on Sunday he was arrested again at the port."
    assert _one_report(text, ("arrest", "arrested", {"when": 35}), ("pardon", "pardon", {"when": 10})) == "arrested"


def test_a_death_sentence_commuted_then_reinstated():
    text = "Lio Ness was sentenced to death, the sentence was commuted, and it was reinstated."
    assert _one_report(text, ("sentence", "sentenced", {"when": 20, "details": {"sentence": "death"}}),
                       ("commutation", "commuted", {"when": 21}),
                       ("sentence", "reinstated", {"when": 35, "details": {"sentence": "death"}})) \
        == "sentenced_to_death"
    assert _one_report(text, ("sentence", "sentenced", {"when": 20, "details": {"sentence": "death"}}),
                       ("commutation", "commuted", {"when": 21})) == "commuted"


def test_a_state_now_does_not_undo_a_death_sentence():
    text = "Lio Ness, sentenced to death, remains in prison."
    assert _one_report(text, ("sentence", "sentenced", {"when": 15, "details": {"sentence": "death"}}),
                       ("detention", "remains", {"when": 40})) == "sentenced_to_death"


def test_held_after_a_pardon_is_held():
    text = "Although pardoned, Lio Ness remains in prison."
    assert _one_report(text, ("pardon", "pardoned", {"when": 20}), ("detention", "remains", {"when": 40})) \
        == "detained"


def test_with_nothing_to_order_them_a_release_follows_an_arrest():
    text = "Lio Ness was arrested and released."
    assert _one_report(text, ("arrest", "arrested", {}), ("release", "released", {})) == "released"


def test_an_overturned_sentence_sends_the_case_back_to_trial():
    text = "Lio Ness was sentenced to death; the court overturned the sentence."
    assert _one_report(text, ("sentence", "sentenced", {"details": {"sentence": "death"}}),
                       ("appeal", "overturned", {"when": 21, "details": {"outcome": "overturned"}})) == "on_trial"


@pytest.mark.parametrize("modality", ["expected", "alleged", "reported", "denied"])
def test_only_what_happened_moves_the_status(modality):
    text = "Lio Ness was sentenced to death and was executed."
    assert _one_report(text, ("sentence", "sentenced", {"details": {"sentence": "death"}}),
                       ("execution", "executed", {"modality": modality})) == "sentenced_to_death"
