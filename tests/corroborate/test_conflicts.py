"""Conflicts: age, event dates, an execution and its denial, an acronym given another group's name."""
from __future__ import annotations

import pytest

from casewatch.corroborate import build_case_files, organisations
from casewatch.models import KnownOrganisation
from corroborate.builders import Report, check_case_files, day, month, org, person

ENTITIES = {
    "p-tollan": person("p-tollan", "Mira Tollan", "Tollan"),
    "p-pask": person("p-pask", "Oren Pask"),
    "p-lund": person("p-lund", "Ivo Lund"),
    "o-nrw": org("o-nrw", "Northbridge Rights Watch", "NRW"),
    "o-hchr": org("o-hchr", "Harbour Centre for Human Rights", "HCHR"),
}


def build(reports: list[Report]) -> list[dict]:
    files = build_case_files([r.build() for r in reports], ENTITIES)
    check_case_files(files, reports)
    return files


def case_of(files: list[dict], name: str) -> dict:
    return next(f for f in files if f["subject"]["name"] == name)


def aged(doc_id: str, age: str) -> Report:
    r = Report(doc_id, f"The student Mira Tollan, {age}, was arrested in Ostara. She is held without charge.",
               outlet=f"Outlet {doc_id}")
    s = r.mention("Mira Tollan", "PERSON", "p-tollan")
    r.event("arrest", "was arrested", s, trigger="arrested")
    r.fact(s, "age", age, f"{age},")
    r.fact(s, "gender", "female", "She is held")
    return r


def test_age_conflict_names_both_values_and_how_many_reports_give_each():
    cf = build([aged("a1", "23"), aged("a2", "23"), aged("a3", "24")])[0]
    (conflict,) = [c for c in cf["conflicts"] if c["field"] == "age"]
    assert [v["value"] for v in conflict["values"]] == ["23", "24"]
    assert [len(v["support"]) for v in conflict["values"]] == [2, 1]
    assert conflict["note"] == "Two reports give her age as 23 and one as 24; check the primary source."


def test_agreeing_reports_make_no_conflict():
    cf = build([aged("a1", "23"), aged("a2", "23")])[0]
    assert cf["conflicts"] == []


def pask_sentenced_and_executed() -> Report:
    r = Report("p1", "Oren Pask was sentenced to death in May. Oren Pask was executed at dawn on Tuesday, "
                     "according to NRW.", outlet="Eastern Courier")
    s1 = r.mention("Oren Pask", "PERSON", "p-pask")
    s2 = r.mention("Oren Pask", "PERSON", "p-pask", nth=1)
    a = r.cite("according to NRW", "NRW", mention=r.mention("NRW", "ORG", "o-nrw"))
    r.event("sentence", "was sentenced to death", s1, trigger="sentenced", details={"sentence": "death"})
    r.event("execution", "was executed", s2, trigger="executed", attribution=a, date=day("2026-03-03", "Tuesday"))
    return r


def pask_denial() -> Report:
    r = Report("p2", "A judiciary spokesman denied that Oren Pask had been executed.", outlet="State Wire")
    s = r.mention("Oren Pask", "PERSON", "p-pask")
    a = r.cite("A judiciary spokesman denied", "a judiciary spokesman", kind="official")
    r.event("execution", "had been executed", s, trigger="executed", modality="denied", attribution=a)
    return r


def test_execution_and_its_denial_keep_the_status_below_and_flag_the_conflict():
    cf = build([pask_sentenced_and_executed(), pask_denial()])[0]
    assert cf["status"] == "sentenced_to_death"
    (conflict,) = [c for c in cf["conflicts"] if c["field"] == "status"]
    assert [v["value"] for v in conflict["values"]] == ["executed", "not executed"]
    assert [v["support"][0]["document"] for v in conflict["values"]] == ["p1", "p2"]
    assert "a judiciary spokesman" in conflict["note"]
    assert "'sentenced_to_death'" in conflict["note"]
    denied = [e for e in cf["events"] if e["modality"] == "denied"]
    assert [e["type"] for e in denied] == ["execution"]


def test_without_the_denial_the_execution_sets_the_status():
    cf = build([pask_sentenced_and_executed()])[0]
    assert cf["status"] == "executed"
    assert cf["timeline"][0]["type"] == "execution"


def pask_executed_on(doc_id: str, date) -> Report:
    r = Report(doc_id, "Oren Pask was executed, his family said.", outlet=f"Outlet {doc_id}")
    s = r.mention("Oren Pask", "PERSON", "p-pask")
    a = r.cite("his family said", "his family", kind="relative")
    r.event("execution", "was executed", s, trigger="executed", date=date, attribution=a)
    return r


def test_different_days_for_one_execution_conflict():
    cf = build([pask_executed_on("d1", day("2026-03-03")), pask_executed_on("d2", day("2026-03-03")),
                pask_executed_on("d3", day("2026-03-05"))])[0]
    (conflict,) = [c for c in cf["conflicts"] if c["field"] == "date"]
    assert conflict["event_type"] == "execution"
    assert [v["value"] for v in conflict["values"]] == ["2026-03-03", "2026-03-05"]
    assert conflict["note"].startswith("Two reports date the execution to 3 March 2026 and one to 5 March 2026")


def test_a_month_and_a_day_inside_it_agree():
    cf = build([pask_executed_on("d1", month(2026, 3, "in March")), pask_executed_on("d2", day("2026-03-05"))])[0]
    assert [c for c in cf["conflicts"] if c["field"] == "date"] == []


def expanded(doc_id: str, expansion: str, entity: str) -> Report:
    r = Report(doc_id, f"Ivo Lund was sentenced to death, the {expansion} (NRW) said.", outlet=f"Outlet {doc_id}")
    s = r.mention("Ivo Lund", "PERSON", "p-lund")
    a = r.cite(f"the {expansion} (NRW) said", "NRW", mention=r.mention(expansion, "ORG", entity))
    r.expansion("NRW", expansion, f"{expansion} (NRW)")
    r.event("sentence", "was sentenced", s, trigger="sentenced", details={"sentence": "death"}, attribution=a)
    return r


def wrong_expansion_reports() -> list[Report]:
    return [expanded("x1", "Northbridge Rights Watch", "o-nrw"), expanded("x2", "Northbridge Rights Watch", "o-nrw"),
            expanded("x3", "Harbour Centre for Human Rights", "o-hchr")]


@pytest.fixture
def no_resolve(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(organisations, "resolve_helpers", lambda: (None, None))


def test_acronym_given_another_groups_name_is_an_organisation_conflict(no_resolve):
    cf = build(wrong_expansion_reports())[0]
    (conflict,) = [c for c in cf["conflicts"] if c["field"] == "organisation"]
    assert [v["value"] for v in conflict["values"]] == ["Northbridge Rights Watch", "Harbour Centre for Human Rights"]
    assert [len(v["support"]) for v in conflict["values"]] == [2, 1]
    assert conflict["note"] == ("NRW is expanded as 'Northbridge Rights Watch' in 2 reports and as 'Harbour Centre for "
                                "Human Rights' in 1; the latter report probably confused the two groups.")


def test_confused_groups_are_not_counted_as_independent_sources(no_resolve):
    cf = build(wrong_expansion_reports())[0]
    (fact,) = [f for f in cf["facts"] if f["field"] == "sentence"]
    assert fact["independent_sources"] == 1
    assert fact["primary_sources"] == ["Northbridge Rights Watch"]


def test_known_organisations_explain_the_confusion(monkeypatch: pytest.MonkeyPatch):
    known = {"harbour centre for human rights": KnownOrganisation("Harbour Centre for Human Rights", ("HCHR",)),
             "northbridge rights watch": KnownOrganisation("Northbridge Rights Watch", ("NRW",))}
    monkeypatch.setattr(organisations, "resolve_helpers", lambda: (lambda name: known.get(name.casefold()), None))
    (conflict,) = [c for c in build(wrong_expansion_reports())[0]["conflicts"] if c["field"] == "organisation"]
    assert "'Harbour Centre for Human Rights' (whose usual acronym is HCHR) in 1" in conflict["note"]


def test_the_acronyms_owner_is_preferred_over_the_majority(monkeypatch: pytest.MonkeyPatch):
    nrw = KnownOrganisation("Northbridge Rights Watch", ("NRW",))
    hchr = KnownOrganisation("Harbour Centre for Human Rights", ("HCHR",))

    def conflicts(expansions):
        return [(x, nrw, hchr) for x in expansions if x.expansion.startswith("Harbour")]

    monkeypatch.setattr(organisations, "resolve_helpers", lambda: (None, conflicts))
    reports = [expanded("x1", "Harbour Centre for Human Rights", "o-hchr"),
               expanded("x2", "Harbour Centre for Human Rights", "o-hchr"),
               expanded("x3", "Northbridge Rights Watch", "o-nrw")]
    (conflict,) = [c for c in build(reports)[0]["conflicts"] if c["field"] == "organisation"]
    assert [v["value"] for v in conflict["values"]] == ["Northbridge Rights Watch", "Harbour Centre for Human Rights"]
    assert conflict["note"].endswith("the latter reports probably confused the two groups.")


def bare_acronym(doc_id: str) -> Report:
    r = Report(doc_id, "According to NRW, Ivo Lund was sentenced to death.", outlet=f"Outlet {doc_id}")
    s = r.mention("Ivo Lund", "PERSON", "p-lund")
    a = r.cite("According to NRW", "NRW", mention=r.mention("NRW", "ORG", "o-nrw"))
    r.event("sentence", "was sentenced", s, trigger="sentenced", details={"sentence": "death"}, attribution=a)
    return r


def test_one_wrong_expansion_shows_against_the_acronyms_owner(monkeypatch: pytest.MonkeyPatch):
    nrw = KnownOrganisation("Northbridge Rights Watch", ("NRW",))
    hchr = KnownOrganisation("Harbour Centre for Human Rights", ("HCHR",))
    known = {"nrw": nrw, "northbridge rights watch": nrw, "harbour centre for human rights": hchr}
    monkeypatch.setattr(organisations, "resolve_helpers", lambda: (lambda name: known.get(name.casefold()), None))
    reports = [bare_acronym("b1"), bare_acronym("b2"), expanded("x3", "Harbour Centre for Human Rights", "o-hchr")]
    cf = build(reports)[0]
    (conflict,) = [c for c in cf["conflicts"] if c["field"] == "organisation"]
    assert [v["value"] for v in conflict["values"]] == ["Northbridge Rights Watch", "Harbour Centre for Human Rights"]
    assert [v["support"][0]["document"] for v in conflict["values"]] == ["b1", "x3"]
    assert conflict["note"] == ("NRW is the acronym of 'Northbridge Rights Watch' (cited by it alone in 2 reports), "
                                "but 1 report expands it as 'Harbour Centre for Human Rights' (whose usual acronym is "
                                "HCHR); that report probably confused the two groups.")
    (fact,) = [f for f in cf["facts"] if f["field"] == "sentence"]
    assert fact["independent_sources"] == 1


def test_unknown_groups_are_compared_by_their_expansions_with_resolve_as_shipped():
    (conflict,) = [c for c in build(wrong_expansion_reports())[0]["conflicts"] if c["field"] == "organisation"]
    assert {v["value"] for v in conflict["values"]} == {"Northbridge Rights Watch", "Harbour Centre for Human Rights"}


def test_organisation_conflict_stays_with_the_cases_it_touches(no_resolve):
    other = Report("o1", "Oren Pask was arrested in Karsk.", outlet="Valley Post")
    other.event("arrest", "was arrested", other.mention("Oren Pask", "PERSON", "p-pask"), trigger="arrested")
    files = build([*wrong_expansion_reports(), other])
    assert [c["field"] for c in case_of(files, "Ivo Lund")["conflicts"]] == ["organisation"]
    assert case_of(files, "Oren Pask")["conflicts"] == []


def test_a_report_that_quotes_a_denial_does_not_relay_the_denier():
    r = Report("p3", "Oren Pask was executed on Tuesday. A judiciary spokesman denied that Oren Pask had been "
                     "executed.", outlet="Valley Post")
    s1, s2 = r.mention("Oren Pask", "PERSON", "p-pask"), r.mention("Oren Pask", "PERSON", "p-pask", nth=1)
    a = r.cite("A judiciary spokesman denied", "a judiciary spokesman", kind="official")
    r.event("execution", "was executed", s1, trigger="executed")
    r.event("execution", "had been executed", s2, trigger="executed", modality="denied", attribution=a)
    cf = build([r])[0]
    (stated,) = [e for e in cf["events"] if e["type"] == "execution" and e["modality"] != "denied"]
    assert stated["primary_sources"] == [] and stated["independent_sources"] == 1
    assert cf["sources"][0]["cites"] == []


def test_expansions_stored_elsewhere_count_so_the_file_does_not_depend_on_the_batch(no_resolve):
    """Ivo Lund's only report gives the wrong expansion; the right one is in reports about someone else."""
    reports = wrong_expansion_reports()
    mine = reports[2]
    others = []
    for r in reports[:2]:  # the same words, but about another person, so not part of Ivo Lund's case
        other = Report(r.id, r.text.replace("Ivo Lund", "Oren Pask"), outlet=r.outlet)
        other.mention("Oren Pask", "PERSON", "p-pask")
        other.expansion("NRW", "Northbridge Rights Watch", "Northbridge Rights Watch (NRW)")
        others.append(other)
    elsewhere = [(o.id, x) for o in others for x in o.extraction.expansions]
    alone = build_case_files([mine.build()], ENTITIES, None, elsewhere)
    check_case_files(alone, [mine, *others])
    batch = case_of(build_case_files([mine.build(), *(o.build() for o in others)], ENTITIES, None, elsewhere),
                    "Ivo Lund")
    assert alone[0] == batch
    (conflict,) = [c for c in alone[0]["conflicts"] if c["field"] == "organisation"]
    assert [(v["value"], len(v["support"])) for v in conflict["values"]] == [
        ("Northbridge Rights Watch", 2), ("Harbour Centre for Human Rights", 1)]
    assert build_case_files([mine.build()], ENTITIES)[0]["conflicts"] == []  # its report alone shows nothing


def _reports_of(*texts: tuple[str, str, str, dict]) -> dict:
    """A case file of Mira Kov from reports (id, text, trigger, event fields), each a sentence event or a detention."""
    from casewatch.corroborate import build_case_files
    from corroborate.builders import Report, check_case_files, person

    reports = []
    for rid, text, trigger, kw in texts:
        r = Report(rid, text, outlet=f"Outlet {rid}")
        m = r.mention("Mira Kov", "PERSON", "p-kov")
        etype = kw.pop("type", "sentence")
        r.event(etype, trigger, m, trigger=trigger, **kw)
        if etype == "sentence" and "details" in kw:
            from casewatch.extract.arguments import sentence_text

            r.fact(m, "sentence", sentence_text(kw["details"]), trigger)
        reports.append(r)
    (cf,) = build_case_files([r.build() for r in reports], {"p-kov": person("p-kov", "Mira Kov")})
    check_case_files([cf], reports)
    return cf


def test_two_reports_giving_one_verdict_different_terms_conflict():
    cf = _reports_of(("a", "Mira Kov was sentenced to four years.", "sentenced",
                      {"details": {"sentence": "prison", "length": "4 years"}}),
                     ("b", "Mira Kov was sentenced to five years, her husband said.", "sentenced",
                      {"details": {"sentence": "prison", "length": "5 years"}}))
    (c,) = [c for c in cf["conflicts"] if c["field"] == "sentence"]
    assert {v["value"] for v in c["values"]} == {"4 years in prison", "5 years in prison"}


def test_a_commutation_explains_two_sentences():
    cf = _reports_of(("a", "Mira Kov was sentenced to death.", "sentenced", {"details": {"sentence": "death"}}),
                     ("b", "Mira Kov was sentenced to death, later commuted to 15 years.", "commuted",
                      {"type": "commutation"}),
                     ("c", "Mira Kov is serving 15 years in prison.", "serving",
                      {"details": {"sentence": "prison", "length": "15 years"}}))
    assert not [c for c in cf["conflicts"] if c["field"] == "sentence"]


def test_two_prisons_at_once_conflict():
    cf = _reports_of(("a", "Mira Kov remains in Varka Prison.", "remains",
                      {"type": "detention", "facility": "Varka Prison", "when": 40}),
                     ("b", "Mira Kov is being held in Sorel Prison.", "held",
                      {"type": "detention", "facility": "Sorel Prison", "when": 40}))
    (c,) = [c for c in cf["conflicts"] if c["field"] == "facility"]
    assert {v["value"] for v in c["values"]} == {"Varka Prison", "Sorel Prison"}


def test_a_transfer_told_in_the_past_is_no_conflict():
    cf = _reports_of(("a", "Mira Kov was held in Varka Prison in 2024.", "held",
                      {"type": "detention", "facility": "Varka Prison", "when": 20}),
                     ("b", "Mira Kov is being held in Sorel Prison.", "held",
                      {"type": "detention", "facility": "Sorel Prison", "when": 40}))
    assert not [c for c in cf["conflicts"] if c["field"] == "facility"]


def build_stored(reports: list[Report]) -> list[dict]:
    """Case files as the store builds them: every report's expansions are passed as stored elsewhere."""
    elsewhere = [(r.id, x) for r in reports for x in r.extraction.expansions]
    files = build_case_files([r.build() for r in reports], ENTITIES, None, elsewhere)
    check_case_files(files, reports)
    return files


def test_a_mixup_in_another_persons_report_stays_off_a_one_report_case(no_resolve):
    """Oren Pask's only report expands NRW rightly; the confusion is in one of Ivo Lund's reports."""
    mine = Report("q1", "Oren Pask was arrested, the Northbridge Rights Watch (NRW) said.", outlet="Valley Post")
    s = mine.mention("Oren Pask", "PERSON", "p-pask")
    a = mine.cite("the Northbridge Rights Watch (NRW) said", "NRW",
                  mention=mine.mention("Northbridge Rights Watch", "ORG", "o-nrw"))
    mine.expansion("NRW", "Northbridge Rights Watch", "Northbridge Rights Watch (NRW)")
    mine.event("arrest", "was arrested", s, trigger="arrested", attribution=a)
    files = build_stored([*wrong_expansion_reports(), mine])
    assert case_of(files, "Oren Pask")["conflicts"] == []
    (conflict,) = case_of(files, "Ivo Lund")["conflicts"]
    assert conflict["field"] == "organisation"


def test_a_mixup_in_the_cases_own_report_shows_against_the_others(no_resolve):
    """Oren Pask's only report gives NRW another group's name: the conflict is his report's, so it shows."""
    mine = Report("q2", "Oren Pask was arrested, the Harbour Centre for Human Rights (NRW) said.", outlet="Valley Post")
    s = mine.mention("Oren Pask", "PERSON", "p-pask")
    a = mine.cite("the Harbour Centre for Human Rights (NRW) said", "NRW",
                  mention=mine.mention("Harbour Centre for Human Rights", "ORG", "o-hchr"))
    mine.expansion("NRW", "Harbour Centre for Human Rights", "Harbour Centre for Human Rights (NRW)")
    mine.event("arrest", "was arrested", s, trigger="arrested", attribution=a)
    files = build_stored([*wrong_expansion_reports()[:2], mine])
    (conflict,) = case_of(files, "Oren Pask")["conflicts"]
    assert [v["value"] for v in conflict["values"]] == ["Northbridge Rights Watch", "Harbour Centre for Human Rights"]
    assert [v["support"][0]["document"] for v in conflict["values"]] == ["x1", "q2"]
