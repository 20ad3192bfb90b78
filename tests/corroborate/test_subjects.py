"""Who is a case: people tied to a case event, not officials who comment or names in headlines."""
from __future__ import annotations

from casewatch.corroborate import CASE_EVENT_TYPES, build_case_files, case_subjects
from corroborate.builders import Report, check_case_files, org, person

ENTITIES = {
    "p-orlen": person("p-orlen", "Tavi Orlen"),
    "p-marr": person("p-marr", "Sela Marr"),
    "p-hale": person("p-hale", "Corvin Hale"),
    "p-brandt": person("p-brandt", "Ada Brandt"),
    "o-court": org("o-court", "Karsk Revolutionary Court"),
}


def two_sentences() -> Report:
    r = Report("t1", "Tavi Orlen was sentenced to death and Sela Marr was sentenced to ten years in prison. "
                     "Judge Corvin Hale said the verdicts were final. Senator Ada Brandt condemned the trial.",
               outlet="Northwind Daily")
    orlen = r.mention("Tavi Orlen", "PERSON", "p-orlen")
    marr = r.mention("Sela Marr", "PERSON", "p-marr")
    hale = r.mention("Corvin Hale", "PERSON", "p-hale")
    brandt = r.mention("Ada Brandt", "PERSON", "p-brandt")
    r.event("sentence", "Tavi Orlen was sentenced", orlen, trigger="sentenced", details={"sentence": "death"})
    r.event("sentence", "Sela Marr was sentenced", marr, trigger="sentenced to ten years",
            details={"sentence": "ten years in prison"})
    r.event("statement", "Judge Corvin Hale said", hale, trigger="said")
    r.event("protest", "Senator Ada Brandt condemned", brandt, trigger="condemned")
    return r


def test_two_people_in_one_report_are_two_cases_with_their_own_sentences():
    r = two_sentences()
    files = build_case_files([r.build()], ENTITIES)
    check_case_files(files, [r])
    assert [f["subject"]["name"] for f in files] == ["Sela Marr", "Tavi Orlen"]
    sentences = {f["subject"]["name"]: [x["value"] for x in f["facts"] if x["field"] == "sentence"] for f in files}
    assert sentences == {"Sela Marr": ["ten years in prison"], "Tavi Orlen": ["death"]}
    assert [f["status"] for f in files] == ["sentenced", "sentenced_to_death"]


def test_an_official_who_comments_and_a_politician_who_reacts_are_not_cases():
    assert case_subjects([two_sentences().build()], ENTITIES) == ["p-orlen", "p-marr"]


def test_a_person_whose_arrest_is_denied_is_a_case():
    r = Report("d1", "Officials denied that Ada Brandt had been arrested.")
    r.event("arrest", "had been arrested", r.mention("Ada Brandt", "PERSON", "p-brandt"), trigger="arrested",
            modality="denied")
    assert case_subjects([r.build()], ENTITIES) == ["p-brandt"]


def test_an_organisation_is_never_a_case():
    r = Report("o1", "The Karsk Revolutionary Court was sentenced to pay a fine.")
    r.event("sentence", "was sentenced", r.mention("Karsk Revolutionary Court", "ORG", "o-court"), trigger="sentenced")
    assert case_subjects([r.build()], ENTITIES) == []


def test_aliases_hold_every_other_form_seen():
    r = Report("a1", "Tavi Orlen was arrested in June. Orlen’s family said Orlen was beaten. T. Orlen is 30.")
    s = r.mention("Tavi Orlen", "PERSON", "p-orlen")
    r.mention("Orlen’s", "PERSON", "p-orlen")
    r.mention("Orlen", "PERSON", "p-orlen", nth=2)
    r.mention("T. Orlen", "PERSON", "p-orlen")
    r.event("arrest", "was arrested", s, trigger="arrested")
    (cf,) = build_case_files([r.build()], ENTITIES)
    assert cf["subject"] == {"name": "Tavi Orlen", "aliases": ["Orlen", "T. Orlen"]}


def test_case_event_types_leave_out_statements_and_protests():
    assert "statement" not in CASE_EVENT_TYPES and "protest" not in CASE_EVENT_TYPES
    assert {"arrest", "sentence", "execution", "refusal", "death_in_custody"} <= set(CASE_EVENT_TYPES)


def test_the_case_name_is_the_fullest_form_written_most_often_whoever_came_first():
    from casewatch.corroborate.subjects import case_name
    from casewatch.models import Entity

    written = ["Aliaksei Haurylenka", "Alexei Gavrilenko", "Aliaksei Haurylenka", "A. Haurylenka", "Haurylenka"]
    for first in ("Alexei Gavrilenko", "Aliaksei Haurylenka"):
        entity = Entity(id="per-1", label="PERSON", name=first, aliases=tuple(written), keys=())
        assert case_name(entity, written) == "Aliaksei Haurylenka"
    tie = ["Alexei Gavrilenko", "Aliaksei Haurylenka"]
    for first in tie:
        entity = Entity(id="per-1", label="PERSON", name=first, aliases=tuple(tie), keys=())
        assert case_name(entity, tie) == "Alexei Gavrilenko"
