"""The case file as a whole: schema, stable ids, merged events, event facts, timeline, sources."""
from __future__ import annotations

import json

import pytest

import casewatch.corroborate as corroborate
from casewatch.corroborate import build_case_files
from casewatch.models import DateMention
from corroborate.builders import SCHEMA, Report, check_case_files, day, org, person

ENTITIES = {
    "p-sarn": person("p-sarn", "Emil Sarn", "Sarn"),
    "p-quill": person("p-quill", "Dana Quill"),
    "o-nrw": org("o-nrw", "Northbridge Rights Watch", "NRW"),
}
PUBLISHED = day("2026-02-11", "11 February 2026")


def reports() -> list[Report]:
    a = Report("c1", "Emil Sarn, 31, was arrested on 2 February and held in Karsk prison. He was sentenced to death "
                     "on Tuesday, according to NRW.", outlet="Eastern Courier", published=PUBLISHED, title="Sarn held")
    s1, s2 = a.mention("Emil Sarn", "PERSON", "p-sarn"), a.mention("He", "PERSON", "p-sarn")
    nrw = a.cite("according to NRW", "NRW", mention=a.mention("NRW", "ORG", "o-nrw"))
    a.event("arrest", "was arrested", s1, trigger="arrested", date=day("2026-02-02", "2 February"),
            facility="Karsk prison")
    a.event("sentence", "He was sentenced", s2, trigger="sentenced", date=day("2026-02-10", "Tuesday"),
            details={"sentence": "death"}, attribution=nrw)
    a.fact(s1, "age", "31", "31,")
    a.fact(s1, "facility", "Karsk prison", "held in Karsk prison")

    b = Report("c2", "A court sentenced Emil Sarn on Tuesday. Sarn is a teacher.", outlet="Valley Post")
    s = b.mention("Emil Sarn", "PERSON", "p-sarn")
    b.event("sentence", "A court sentenced Emil Sarn", s, trigger="sentenced", date=day("2026-02-10", "Tuesday"))
    b.fact(b.mention("Sarn", "PERSON", "p-sarn", nth=1), "role", "teacher", "Sarn is a teacher")

    c = Report("c3", "Dana Quill was detained. Emil Sarn was not mentioned by officials.", outlet="Valley Post")
    c.event("detention", "was detained", c.mention("Dana Quill", "PERSON", "p-quill"), trigger="detained")
    c.mention("Emil Sarn", "PERSON", "p-sarn")
    return [a, b, c]


def build() -> list[dict]:
    rs = reports()
    files = build_case_files([r.build() for r in rs], ENTITIES)
    check_case_files(files, rs)
    return files


def sarn() -> dict:
    return next(f for f in build() if f["subject"]["name"] == "Emil Sarn")


def test_public_api():
    assert set(corroborate.__all__) == {"build_case_files", "case_subjects", "CASE_EVENT_TYPES"}


def test_every_case_file_is_schema_valid():
    jsonschema = pytest.importorskip("jsonschema")
    if not SCHEMA.is_file():
        pytest.skip("the case-file schema is not beside the project")
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    for cf in build():
        jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker()).validate(cf)


def test_ids_are_stable_across_runs_and_unrelated_reports():
    first, second = build(), build()
    assert json.dumps(first, sort_keys=True) == json.dumps(second, sort_keys=True)
    alone = build_case_files([reports()[0].build()], ENTITIES)[0]
    assert alone["id"] == sarn()["id"] and alone["id"].startswith("case-")
    age = [f["id"] for f in alone["facts"] if f["field"] == "age"]
    assert age == [f["id"] for f in sarn()["facts"] if f["field"] == "age"]


def test_cases_are_sorted_by_name():
    assert [f["subject"]["name"] for f in build()] == ["Dana Quill", "Emil Sarn"]


def test_an_event_without_details_joins_the_same_days_event_with_details():
    (sentence,) = [e for e in sarn()["events"] if e["type"] == "sentence"]
    assert sentence["details"] == {"sentence": "death"}
    assert [sp["document"] for sp in sentence["support"]] == ["c1", "c2"]
    assert sentence["date"]["start"] == sentence["date"]["end"] == "2026-02-10"
    assert sentence["independent_sources"] == 2


def test_events_give_facts_and_the_same_words_count_once():
    facts = {(f["field"], f["value"]): f for f in sarn()["facts"]}
    assert [sp["document"] for sp in facts["sentence", "death"]["support"]] == ["c1"]
    assert facts["sentence", "death"]["primary_sources"] == ["Northbridge Rights Watch"]
    assert len(facts["facility", "Karsk prison"]["support"]) == 1  # a fact and the arrest's facility, one sentence
    assert all(f["review"] == "unreviewed" for f in facts.values())


def test_timeline_orders_dated_events():
    assert [(t["date"]["start"], t["type"]) for t in sarn()["timeline"]] == [("2026-02-02", "arrest"),
                                                                             ("2026-02-10", "sentence")]


def test_sources_list_every_report_naming_the_subject():
    sources = sarn()["sources"]
    assert [s["document"] for s in sources] == ["c1", "c2", "c3"]
    assert sources[0]["published"]["start"] == "2026-02-11" and sources[0]["title"] == "Sarn held"
    assert sources[0]["cites"] == ["Northbridge Rights Watch"] and sources[1]["cites"] == []
    assert sarn()["outlets"] == 2


def test_unresolved_dates_are_left_out_not_broken():
    r = Report("u1", "Dana Quill was detained some time ago.")
    vague = DateMention("some time ago", None, None, "range")
    r.event("detention", "was detained", r.mention("Dana Quill", "PERSON", "p-quill"), trigger="detained", date=vague)
    (cf,) = build_case_files([r.build()], ENTITIES)
    check_case_files([cf], [r])
    assert cf["events"][0]["date"] is None and cf["timeline"] == []
