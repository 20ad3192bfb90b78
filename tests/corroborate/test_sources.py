"""Independent sources: relays of one group count once, syndicated copies count once, outlets count by site."""
from __future__ import annotations

from casewatch.corroborate import build_case_files
from casewatch.corroborate.sources import Origin, Source, count_sources
from casewatch.models import Attribution
from corroborate.builders import Report, check_case_files, org, person

DEATH = {"sentence": "death"}
ENTITIES = {
    "p-velo": person("p-velo", "Daran Velo", "Velo"),
    "o-nrw": org("o-nrw", "Northbridge Rights Watch", "NRW"),
    "o-cjc": org("o-cjc", "Coastal Justice Centre"),
}


def named_relay(doc_id: str = "r1", outlet: str | None = "Eastern Courier", group: str | None = None) -> Report:
    """Attributes the sentence to NRW by name."""
    r = Report(doc_id, "Daran Velo was sentenced to death on Monday, according to NRW.", outlet, group)
    s = r.mention("Daran Velo", "PERSON", "p-velo")
    a = r.cite("according to NRW", "NRW", mention=r.mention("NRW", "ORG", "o-nrw"))
    r.event("sentence", "Daran Velo was sentenced", s, trigger="sentenced", details=DEATH, attribution=a)
    return r


def own_voice_citing_elsewhere() -> Report:
    """States the sentence in its own voice; cites NRW in another sentence."""
    r = Report("r2", "The soldier Daran Velo has been sentenced to death. Northbridge Rights Watch said the trial "
                     "lasted ten minutes.", "Harbour Times")
    s = r.mention("Daran Velo", "PERSON", "p-velo")
    r.cite("Northbridge Rights Watch said", "Northbridge Rights Watch",
           mention=r.mention("Northbridge Rights Watch", "ORG", "o-nrw"))
    r.event("sentence", "has been sentenced to death", s, trigger="sentenced", details={"sentence": "death"})
    return r


def generic_group() -> Report:
    """Attributes it to 'a human rights group' (a fact, not an event)."""
    r = Report("r3", "Daran Velo, a 20-year-old conscript, faces the death penalty, a human rights group said.",
               "Valley Post")
    s = r.mention("Daran Velo", "PERSON", "p-velo")
    a = r.cite("a human rights group said", "a human rights group", generic=True)
    r.fact(s, "sentence", "death penalty", "faces the death penalty", attribution=a)
    return r


def rights_groups_no_outlet() -> Report:
    r = Report("r4", "Rights groups say Velo was sentenced to death for deserting his post during the strikes.")
    s = r.mention("Velo", "PERSON", "p-velo")
    a = r.cite("Rights groups say", "rights groups", generic=True)
    r.event("sentence", "Velo was sentenced", s, trigger="sentenced", details={"sentence": "death"}, attribution=a)
    return r


def second_group() -> Report:
    r = Report("r5", "Daran Velo was sentenced to death, the Coastal Justice Centre said.", "Delta News")
    s = r.mention("Daran Velo", "PERSON", "p-velo")
    a = r.cite("the Coastal Justice Centre said", "the Coastal Justice Centre",
               mention=r.mention("Coastal Justice Centre", "ORG", "o-cjc"))
    r.event("sentence", "Daran Velo was sentenced", s, trigger="sentenced", details=DEATH, attribution=a)
    return r


def own_reporting(doc_id: str, outlet: str, group: str | None = None) -> Report:
    r = Report(doc_id, "Daran Velo was sentenced to death at a court-martial.", outlet, group)
    s = r.mention("Daran Velo", "PERSON", "p-velo")
    r.event("sentence", "Daran Velo was sentenced", s, trigger="sentenced", details={"sentence": "death"})
    return r


def only_case(reports: list[Report]) -> dict:
    files = build_case_files([r.build() for r in reports], ENTITIES)
    check_case_files(files, reports)
    assert len(files) == 1
    return files[0]


def sentence_fact(cf: dict) -> dict:
    facts = [f for f in cf["facts"] if f["field"] == "sentence" and f["value"].startswith("death")]
    assert len(facts) == 1, cf["facts"]
    return facts[0]


def test_four_reports_relaying_one_group_are_one_independent_source():
    cf = only_case([named_relay(), own_voice_citing_elsewhere(), generic_group(), rights_groups_no_outlet()])
    fact = sentence_fact(cf)
    assert {sp["document"] for sp in fact["support"]} == {"r1", "r2", "r3", "r4"}
    assert (fact["outlets"], fact["reports_without_outlet"]) == (3, 1)
    assert fact["independent_sources"] == 1
    assert fact["primary_sources"] == ["Northbridge Rights Watch"]
    assert cf["independent_sources"] == 1
    assert [s["cites"] for s in cf["sources"]] == [["Northbridge Rights Watch"]] * 4


def test_support_says_who_each_report_attributes_it_to():
    fact = sentence_fact(only_case([named_relay(), own_voice_citing_elsewhere(), generic_group()]))
    assert [sp["attributed_to"] for sp in fact["support"]] == ["Northbridge Rights Watch", None, "a human rights group"]


def test_two_independent_groups_are_two_sources():
    fact = sentence_fact(only_case([named_relay(), second_group()]))
    assert fact["independent_sources"] == 2
    assert fact["primary_sources"] == ["Coastal Justice Centre", "Northbridge Rights Watch"]
    assert fact["confidence"] > sentence_fact(only_case([named_relay()]))["confidence"]


def test_generic_group_is_not_guessed_when_two_groups_are_named():
    fact = sentence_fact(only_case([named_relay(), second_group(), generic_group()]))
    assert fact["independent_sources"] == 2
    assert fact["primary_sources"] == ["Coastal Justice Centre", "Northbridge Rights Watch"]


def test_generic_sources_alone_count_once_and_name_no_one():
    fact = sentence_fact(only_case([generic_group(), rights_groups_no_outlet()]))
    assert fact["independent_sources"] == 1
    assert fact["primary_sources"] == []


def test_syndicated_pair_counts_once():
    pair = [own_reporting("s1", "Lakeside Herald", group="s1"), own_reporting("s2", "Metro Wire", group="s1")]
    fact = sentence_fact(only_case(pair))
    assert fact["outlets"] == 2
    assert fact["independent_sources"] == 1
    apart = [own_reporting("s1", "Lakeside Herald"), own_reporting("s2", "Metro Wire")]
    assert sentence_fact(only_case(apart))["independent_sources"] == 2


def test_syndicated_copy_that_lost_the_attribution_relays_the_same_source():
    fact = sentence_fact(only_case([named_relay("s1", "Lakeside Herald", group="s1"),
                                    own_reporting("s2", "Metro Wire", group="s1")]))
    assert fact["independent_sources"] == 1
    assert fact["primary_sources"] == ["Northbridge Rights Watch"]


def test_one_outlets_own_reports_count_once():
    fact = sentence_fact(only_case([own_reporting("a1", "Lakeside Herald"), own_reporting("a2", "Lakeside Herald")]))
    assert fact["outlets"] == 1
    assert fact["independent_sources"] == 1


def test_reports_without_outlet_are_counted_apart_never_as_outlets():
    cf = only_case([own_reporting("n1", ""), own_reporting("n2", ""), own_reporting("n3", "Lakeside Herald")])
    fact = sentence_fact(cf)
    assert (fact["outlets"], fact["reports_without_outlet"]) == (1, 2)
    assert (cf["outlets"], cf["reports_without_outlet"]) == (1, 2)
    assert fact["independent_sources"] == 3  # each report's own reporting, with no outlet to fold them


def test_confidence_follows_the_documented_formula():
    assert sentence_fact(only_case([named_relay()]))["confidence"] == 0.6
    assert sentence_fact(only_case([named_relay(), second_group()]))["confidence"] == 0.84


def the_group_said(doc_id: str, group_name: str, entity: str) -> Report:
    """Names a group once, then attributes the sentence to 'the group' (unresolved words, not flagged generic)."""
    r = Report(doc_id, f"{group_name} has followed the case for months. Daran Velo was sentenced to death, "
                       "the group said.", f"Outlet {doc_id}")
    s = r.mention("Daran Velo", "PERSON", "p-velo")
    r.cite(f"{group_name} has followed", group_name, mention=r.mention(group_name, "ORG", entity))
    a = r.cite("the group said", "the group")
    r.event("sentence", "Daran Velo was sentenced", s, trigger="sentenced", details=DEATH, attribution=a)
    return r


def test_words_that_describe_a_source_are_tied_to_the_named_one():
    fact = sentence_fact(only_case([named_relay(), the_group_said("g1", "Northbridge Rights Watch", "o-nrw")]))
    assert fact["independent_sources"] == 1
    assert [sp["attributed_to"] for sp in fact["support"]] == ["Northbridge Rights Watch", "the group"]


def test_a_generic_source_falls_back_to_the_one_group_its_own_report_names():
    fact = sentence_fact(only_case([named_relay(), second_group(),
                                    the_group_said("g1", "Coastal Justice Centre", "o-cjc")]))
    assert fact["independent_sources"] == 2
    assert fact["primary_sources"] == ["Coastal Justice Centre", "Northbridge Rights Watch"]


def test_one_report_citing_two_groups_is_one_independent_source():
    r = Report("w1", "Daran Velo was sentenced to death, according to NRW. The Coastal Justice Centre said Velo "
                     "is a 20-year-old conscript.", "Eastern Courier")
    s, s2 = r.mention("Daran Velo", "PERSON", "p-velo"), r.mention("Velo", "PERSON", "p-velo", nth=1)
    a = r.cite("according to NRW", "NRW", mention=r.mention("NRW", "ORG", "o-nrw"))
    b = r.cite("The Coastal Justice Centre said", "the Coastal Justice Centre",
               mention=r.mention("Coastal Justice Centre", "ORG", "o-cjc"))
    r.event("sentence", "Daran Velo was sentenced", s, trigger="sentenced", details=DEATH, attribution=a)
    r.fact(s2, "age", "20", "20-year-old", attribution=b)
    cf = only_case([r])
    assert len(cf["documents"]) == 1
    assert cf["independent_sources"] == 1
    assert cf["primary_sources"] == ["Coastal Justice Centre", "Northbridge Rights Watch"]
    two = only_case([r, second_group()])
    assert two["independent_sources"] == 2


def test_sources_need_a_report_each():
    nrw, cjc = Source("entity:o-nrw", "NRW", "organisation"), Source("entity:o-cjc", "CJC", "organisation")
    official = Source("generic:official", "officials", "official", generic=True)
    one = [Origin("named", (nrw,), "c1", "d1"), Origin("named", (cjc,), "c1", "d1"),
           Origin("generic", (official,), "c1", "d1")]
    assert count_sources(one).independent == 1
    assert count_sources(one).primary_sources == ["CJC", "NRW"]
    two = [*one, Origin("named", (cjc,), "c2", "d2")]
    assert count_sources(two).independent == 2
    assert count_sources(two).kinds == ["named", "named"]


def official_of_the_group(doc_id: str, outlet: str) -> Report:
    """Quotes NRW's director by name, with the group beside the name; later only by her name."""
    r = Report(doc_id, "Daran Velo was sentenced to death, said Mara Quill, director of Northbridge Rights Watch. "
                       "Quill said Velo is 20.", outlet)
    s, s2 = r.mention("Daran Velo", "PERSON", "p-velo"), r.mention("Velo", "PERSON", "p-velo", nth=1)
    quill = r.mention("Mara Quill", "PERSON", "p-quill")
    group = r.mention("Northbridge Rights Watch", "ORG", "o-nrw")
    a = r.cite("said Mara Quill", "Mara Quill", kind="person", mention=quill)
    r.extraction.attributions[-1] = a = Attribution(a.name, a.kind, a.evidence, a.mention, group=group)
    b = r.cite("Quill said", "Quill", kind="person", mention=r.mention("Quill", "PERSON", "p-quill", nth=1))
    r.event("sentence", "Daran Velo was sentenced", s, trigger="sentenced", details=DEATH, attribution=a)
    r.fact(s2, "age", "20", "Velo is 20", attribution=b)
    return r


def test_a_groups_director_is_the_group_not_a_source_beside_it():
    entities = {**ENTITIES, "p-quill": person("p-quill", "Mara Quill", "Quill")}
    reports = [official_of_the_group("g1", "Eastern Courier"), named_relay("g2", "Harbour Times")]
    files = build_case_files([r.build() for r in reports], entities)
    check_case_files(files, reports)
    cf = next(f for f in files if f["subject"]["name"] == "Daran Velo")
    fact = sentence_fact(cf)
    assert fact["primary_sources"] == ["Northbridge Rights Watch"]
    assert fact["independent_sources"] == 1
    assert cf["primary_sources"] == ["Northbridge Rights Watch"]
    (age,) = [f for f in cf["facts"] if f["field"] == "age"]
    assert age["primary_sources"] == ["Northbridge Rights Watch"]
    assert fact["support"][0]["attributed_to"] == "Mara Quill"  # the quote still says who spoke
