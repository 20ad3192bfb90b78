"""Within one report: link_mentions."""
from __future__ import annotations

from casewatch.models import Mention
from casewatch.resolve import link_mentions


def _texts(entities, mentions: list[Mention]) -> list[list[str]]:
    return [[mentions[i].text for i in e.mentions] for e in entities]


def _check_partition(entities, mentions: list[Mention]) -> None:
    wanted = [i for i, m in enumerate(mentions) if m.label in ("PERSON", "ORG")]
    got = sorted(i for e in entities for i in e.mentions)
    assert got == wanted
    assert [e.index for e in entities] == list(range(len(entities)))


def test_full_name_surname_and_possessive_are_one_person(mentions_in):
    text = ("Siavash Farzampour, a conscript, was sentenced to death. Farzampour was arrested in March.\n"
            "Farzampour’ family was not told. Dr. Farzampour's lawyer appealed.")
    mentions = mentions_in(text, [("Siavash Farzampour", "PERSON"), ("Farzampour", "PERSON"),
                                  ("Farzampour’", "PERSON"), ("Dr. Farzampour's", "PERSON")])
    entities = link_mentions(mentions, [])
    _check_partition(entities, mentions)
    assert len(entities) == 1
    assert entities[0].name == "Siavash Farzampour"
    assert entities[0].label == "PERSON"


def test_surname_alone_before_the_full_name_joins_it(mentions_in):
    text = "Farzampour sentenced.\nThe court sentenced Siavash Farzampour on Monday."
    mentions = mentions_in(text, [("Siavash Farzampour", "PERSON"), ("Farzampour", "PERSON")])
    assert len(link_mentions(mentions, [])) == 1


def test_people_sharing_a_surname_stay_apart(mentions_in):
    text = ("Ali Tanhaei and Maryam Tanhaei were arrested. Rights groups were alarmed. The court met. "
            "Lawyers spoke. Tanhaei denied the charges.")
    mentions = mentions_in(text, [("Ali Tanhaei", "PERSON"), ("Maryam Tanhaei", "PERSON"), ("Tanhaei", "PERSON")])
    entities = link_mentions(mentions, [])
    _check_partition(entities, mentions)
    assert sorted(map(sorted, _texts(entities, mentions))) == [["Ali Tanhaei"], ["Maryam Tanhaei"], ["Tanhaei"]]


def test_surname_alone_goes_to_the_one_named_nearby(mentions_in):
    text = ("Ali Tanhaei was arrested in May. Maryam Tanhaei was arrested in June. The court met. Lawyers spoke. "
            "Lawyers spoke again. Maryam Tanhaei was sentenced. Tanhaei denied the charges.")
    mentions = mentions_in(text, [("Ali Tanhaei", "PERSON"), ("Maryam Tanhaei", "PERSON"), ("Tanhaei", "PERSON")])
    entities = link_mentions(mentions, [])
    groups = sorted(map(sorted, _texts(entities, mentions)))
    assert groups == [["Ali Tanhaei"], ["Maryam Tanhaei", "Maryam Tanhaei", "Tanhaei"]]


def test_titles_and_spellings_join_within_a_report(mentions_in):
    text = "Kourosh Bahrani was detained. Mr. Kurosh Bahrani denied it. Bahrani appealed."
    mentions = mentions_in(text, [("Kourosh Bahrani", "PERSON"), ("Mr. Kurosh Bahrani", "PERSON"),
                                  ("Bahrani", "PERSON")])
    assert len(link_mentions(mentions, [])) == 1


def test_places_and_facilities_are_left_out(mentions_in):
    text = "Siavash Farzampour is held in Nargan at Talvar Prison."
    mentions = mentions_in(text, [("Siavash Farzampour", "PERSON"), ("Nargan", "PLACE"),
                                  ("Talvar Prison", "FACILITY")])
    entities = link_mentions(mentions, [])
    _check_partition(entities, mentions)
    assert len(entities) == 1


def test_acronym_and_expansion_are_one_organisation(mentions_in, expansions_in):
    text = ("The Zagros Rights Alliance (ZRA) said on Tuesday that the soldier was sentenced. "
            "ZRA added that he was tortured. The Alliance called for his release. "
            "The Society of Free Lawyers disagreed.")
    mentions = mentions_in(text, [("Zagros Rights Alliance", "ORG"), ("ZRA", "ORG"), ("Alliance", "ORG"),
                                  ("Society of Free Lawyers", "ORG")])
    expansions = expansions_in(text)
    assert [(e.acronym, e.expansion) for e in expansions] == [("ZRA", "The Zagros Rights Alliance")]
    entities = link_mentions(mentions, expansions)
    _check_partition(entities, mentions)
    assert len(entities) == 2
    zra = entities[0]
    assert zra.label == "ORG" and zra.acronym == "ZRA" and zra.name == "Zagros Rights Alliance"
    assert sorted(_texts([zra], mentions)[0]) == ["Alliance", "ZRA", "ZRA", "Zagros Rights Alliance"]


def test_knowledge_file_joins_forms_without_an_expansion(mentions_in):
    text = "Amnesty International condemned the verdict. Amnesty said the trial was unfair. HRW agreed."
    mentions = mentions_in(text, [("Amnesty International", "ORG"), ("Amnesty", "ORG"), ("HRW", "ORG")])
    entities = link_mentions(mentions, [])
    assert sorted(map(sorted, _texts(entities, mentions))) == [["Amnesty", "Amnesty International"], ["HRW"]]


def test_unknown_acronym_joins_the_name_with_its_initials(mentions_in):
    text = "The Zagros Lawyers Guild spoke first. Later ZLG published the verdict."
    mentions = mentions_in(text, [("Zagros Lawyers Guild", "ORG"), ("ZLG", "ORG")])
    entities = link_mentions(mentions, [])
    assert len(entities) == 1
    assert entities[0].name == "Zagros Lawyers Guild" and entities[0].acronym == "ZLG"


def test_a_wrong_expansion_still_links_within_the_report(mentions_in, expansions_in):
    text = "The Center for Human Rights in Iran (IHRS) said he was sentenced. IHRS said so on Tuesday."
    mentions = mentions_in(text, [("Center for Human Rights in Iran", "ORG"), ("IHRS", "ORG")])
    entities = link_mentions(mentions, expansions_in(text))
    assert len(entities) == 1
    assert entities[0].acronym == "IHRS"


# a surname alone that relatives share goes to the case subject when the report's context fits one person

def _fact(mentions: list[Mention], subject: str, field: str, value: str):
    from casewatch.models import Evidence, FactMention
    i = next(k for k, m in enumerate(mentions) if m.text == subject and m.label == "PERSON")
    return FactMention(i, field, value, Evidence(mentions[i].start, mentions[i].end, mentions[i].text))


def _event(mentions: list[Mention], subject: str, kind: str, nth: int = 0):
    from casewatch.models import EventMention, Evidence
    i = [k for k, m in enumerate(mentions) if m.text == subject][nth]
    ev = Evidence(mentions[i].start, mentions[i].end, mentions[i].text)
    return EventMention(kind, ev, ev, i)


FAMILY = ("The father of Navid Sorkhabi, a student sentenced to death, spoke to reporters. Kamran Sorkhabi "
          "said his son was tortured. Rights groups were alarmed. The court met. Lawyers spoke.\n"
          "Sorkhabi, 23, was arrested in March.")


def test_surname_alone_goes_to_the_case_subject_not_the_relative(mentions_in):
    mentions = mentions_in(FAMILY, [("Navid Sorkhabi", "PERSON"), ("Kamran Sorkhabi", "PERSON"),
                                    ("Sorkhabi", "PERSON")])
    facts = [_fact(mentions, "Navid Sorkhabi", "role", "student"), _fact(mentions, "Sorkhabi", "age", "23")]
    events = [_event(mentions, "Navid Sorkhabi", "sentence"), _event(mentions, "Sorkhabi", "arrest")]
    groups = sorted(map(sorted, _texts(link_mentions(mentions, [], facts, events), mentions)))
    assert groups == [["Kamran Sorkhabi"], ["Navid Sorkhabi", "Sorkhabi"]]


def test_without_the_report_context_the_surname_stays_apart(mentions_in):
    mentions = mentions_in(FAMILY, [("Navid Sorkhabi", "PERSON"), ("Kamran Sorkhabi", "PERSON"),
                                    ("Sorkhabi", "PERSON")])
    assert len(link_mentions(mentions, [])) == 3


def test_an_age_that_fits_one_of_two_subjects_decides(mentions_in):
    text = ("Navid Sorkhabi, 23, and his brother Omid Sorkhabi, 30, were sentenced. The court met. Lawyers spoke. "
            "Lawyers spoke again.\nSorkhabi, 30, appealed.")
    mentions = mentions_in(text, [("Navid Sorkhabi", "PERSON"), ("Omid Sorkhabi", "PERSON"), ("Sorkhabi", "PERSON")])
    facts = [_fact(mentions, "Navid Sorkhabi", "age", "23"), _fact(mentions, "Omid Sorkhabi", "age", "30"),
             _fact(mentions, "Sorkhabi", "age", "30")]
    events = [_event(mentions, "Navid Sorkhabi", "sentence"), _event(mentions, "Omid Sorkhabi", "sentence")]
    groups = sorted(map(sorted, _texts(link_mentions(mentions, [], facts, events), mentions)))
    assert groups == [["Navid Sorkhabi"], ["Omid Sorkhabi", "Sorkhabi"]]


def test_two_case_subjects_and_no_fitting_fact_leave_the_surname_apart(mentions_in):
    text = ("Navid Sorkhabi and Omid Sorkhabi were sentenced. The court met. Lawyers spoke. Lawyers spoke again.\n"
            "Sorkhabi was arrested in March.")
    mentions = mentions_in(text, [("Navid Sorkhabi", "PERSON"), ("Omid Sorkhabi", "PERSON"), ("Sorkhabi", "PERSON")])
    events = [_event(mentions, "Navid Sorkhabi", "sentence"), _event(mentions, "Omid Sorkhabi", "sentence"),
              _event(mentions, "Sorkhabi", "arrest")]
    assert len(link_mentions(mentions, [], [], events)) == 3


def test_a_name_in_capitals_does_not_become_the_entity_name(mentions_in):
    text = "NAVID SORKHABI SENTENCED\nNavid Sorkhabi was sentenced on Monday."
    mentions = mentions_in(text, [("NAVID SORKHABI", "PERSON"), ("Navid Sorkhabi", "PERSON")])
    entities = link_mentions(mentions, [])
    assert [e.name for e in entities] == ["Navid Sorkhabi"]
