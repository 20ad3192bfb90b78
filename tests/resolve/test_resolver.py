"""Across reports: resolve_report against an index, incrementally."""
from __future__ import annotations

from casewatch.models import Entity, LocalEntity
from casewatch.resolve import MemoryIndex, link_mentions, resolve_report


class RecordingIndex:
    """An index that records every key asked for; it offers no way to list all entities."""

    def __init__(self) -> None:
        self.inner = MemoryIndex()
        self.asked: list[tuple[str, tuple[str, ...]]] = []

    def candidates(self, label: str, keys: list[str]) -> list[Entity]:
        self.asked.append((label, tuple(keys)))
        return self.inner.candidates(label, keys)

    def add(self, entity: Entity) -> None:
        self.inner.add(entity)


def resolve(index, doc_id: str, text: str, wanted, mentions_in, expansions_in) -> dict[str, str]:
    """Resolve one invented report; returns mention text -> global id."""
    mentions = mentions_in(text, wanted)
    local = link_mentions(mentions, expansions_in(text))
    ids = resolve_report(doc_id, local, index)
    return {mentions[i].text: ids[le.index] for le in local for i in le.mentions}


def test_one_person_across_reports(mentions_in, expansions_in):
    index = MemoryIndex()
    a = resolve(index, "d1", "Kourosh Bahrani was detained.", [("Kourosh Bahrani", "PERSON")],
                mentions_in, expansions_in)
    b = resolve(index, "d2", "Dr. Kurosh Bahrani's trial began. Bahrani denied the charges.",
                [("Dr. Kurosh Bahrani's", "PERSON"), ("Bahrani", "PERSON")], mentions_in, expansions_in)
    c = resolve(index, "d3", "Bahrani was moved to another prison.", [("Bahrani", "PERSON")],
                mentions_in, expansions_in)
    assert a["Kourosh Bahrani"] == b["Dr. Kurosh Bahrani's"] == b["Bahrani"] == c["Bahrani"]
    entity = index.get(a["Kourosh Bahrani"])
    assert entity.name == "Kourosh Bahrani"
    assert set(entity.aliases) >= {"Kourosh Bahrani", "Kurosh Bahrani", "Bahrani"}
    assert entity.id.startswith("per-")


def test_people_sharing_a_surname_across_reports(mentions_in, expansions_in):
    index = MemoryIndex()
    a = resolve(index, "d1", "Ali Tanhaei was arrested.", [("Ali Tanhaei", "PERSON")], mentions_in, expansions_in)
    b = resolve(index, "d2", "Maryam Tanhaei was arrested.", [("Maryam Tanhaei", "PERSON")],
                mentions_in, expansions_in)
    c = resolve(index, "d3", "Tanhaei was sentenced.", [("Tanhaei", "PERSON")], mentions_in, expansions_in)
    d = resolve(index, "d4", "Tanhaei was released.", [("Tanhaei", "PERSON")], mentions_in, expansions_in)
    ali, maryam = a["Ali Tanhaei"], b["Maryam Tanhaei"]
    assert ali != maryam
    # a surname alone that two stored people share is attached to neither, nor to another such mention
    assert len({ali, maryam, c["Tanhaei"], d["Tanhaei"]}) == 4
    again = resolve(index, "d5", "Maryam Tanhaei was released.", [("Maryam Tanhaei", "PERSON")],
                    mentions_in, expansions_in)
    assert again["Maryam Tanhaei"] == maryam


def test_surname_first_then_full_name(mentions_in, expansions_in):
    index = MemoryIndex()
    a = resolve(index, "d1", "Sabetian was arrested.", [("Sabetian", "PERSON")], mentions_in, expansions_in)
    b = resolve(index, "d2", "Navid Sabetian was sentenced.", [("Navid Sabetian", "PERSON")],
                mentions_in, expansions_in)
    assert a["Sabetian"] == b["Navid Sabetian"]
    assert index.get(b["Navid Sabetian"]).name == "Navid Sabetian"


def test_candidates_come_only_through_blocking_keys(mentions_in, expansions_in):
    index = RecordingIndex()
    resolve(index, "d1", "Kourosh Bahrani and Ali Tanhaei were detained. HRW spoke.",
            [("Kourosh Bahrani", "PERSON"), ("Ali Tanhaei", "PERSON"), ("HRW", "ORG")], mentions_in, expansions_in)
    resolve(index, "d2", "Kurosh Bahrani was tried. The Zagros Rights Alliance (ZRA) objected.",
            [("Kurosh Bahrani", "PERSON"), ("Zagros Rights Alliance", "ORG"), ("ZRA", "ORG")],
            mentions_in, expansions_in)
    asked = {(label, key) for label, keys in index.asked for key in keys}
    assert asked == {("PERSON", "sur:bhrn"), ("PERSON", "sur:tnh"), ("ORG", "org:human rights watch"),
                     ("ORG", "name:zagros rights alliance"), ("ORG", "acr:ZRA")}


def test_stable_ids(mentions_in, expansions_in):
    reports = [
        ("d1", "Kourosh Bahrani was detained. Amnesty spoke.", [("Kourosh Bahrani", "PERSON"), ("Amnesty", "ORG")]),
        ("d2", "Ali Tanhaei and Maryam Tanhaei were tried. Tanhaei denied it.",
         [("Ali Tanhaei", "PERSON"), ("Maryam Tanhaei", "PERSON"), ("Tanhaei", "PERSON")]),
        ("d3", "Bahrani appealed. The Zagros Rights Alliance (ZRA) said so.",
         [("Bahrani", "PERSON"), ("Zagros Rights Alliance", "ORG"), ("ZRA", "ORG")]),
    ]

    def run() -> list[dict[str, str]]:
        index = MemoryIndex()
        return [resolve(index, d, t, w, mentions_in, expansions_in) for d, t, w in reports]

    first, second = run(), run()
    assert first == second
    assert all(i.startswith(("per-", "org-")) for r in first for i in r.values())


def test_known_organisation_across_reports(mentions_in, expansions_in):
    index = MemoryIndex()
    a = resolve(index, "d1", "The Iran Human Rights Society (IHRS) said so.",
                [("Iran Human Rights Society", "ORG"), ("IHRS", "ORG")], mentions_in, expansions_in)
    b = resolve(index, "d2", "According to IHRS, he was sentenced.", [("IHRS", "ORG")], mentions_in, expansions_in)
    c = resolve(index, "d3", "The Center for Human Rights in Iran (CHRI) agreed.",
                [("Center for Human Rights in Iran", "ORG"), ("CHRI", "ORG")], mentions_in, expansions_in)
    assert a["IHRS"] == a["Iran Human Rights Society"] == b["IHRS"]
    assert c["CHRI"] != a["IHRS"]
    assert index.get(a["IHRS"]).name == "Iran Human Rights Society"


def test_a_wrong_expansion_goes_with_its_acronym_and_merges_nothing(mentions_in, expansions_in):
    index = MemoryIndex()
    right = resolve(index, "d1", "The Iran Human Rights Society (IHRS) said so.",
                    [("Iran Human Rights Society", "ORG"), ("IHRS", "ORG")], mentions_in, expansions_in)
    chri = resolve(index, "d2", "The Center for Human Rights in Iran (CHRI) agreed.",
                   [("Center for Human Rights in Iran", "ORG"), ("CHRI", "ORG")], mentions_in, expansions_in)
    wrong = resolve(index, "d3", "The Center for Human Rights in Iran (IHRS) said he was sentenced.",
                    [("Center for Human Rights in Iran", "ORG"), ("IHRS", "ORG")], mentions_in, expansions_in)
    assert wrong["IHRS"] == wrong["Center for Human Rights in Iran"] == right["IHRS"]
    assert chri["CHRI"] != right["IHRS"]
    ihrs = index.get(right["IHRS"])
    assert "Center for Human Rights in Iran" not in ihrs.aliases


def test_unknown_organisations_by_acronym_and_expansion(mentions_in, expansions_in):
    index = MemoryIndex()
    a = resolve(index, "d1", "The Zagros Rights Alliance (ZRA) said so.",
                [("Zagros Rights Alliance", "ORG"), ("ZRA", "ORG")], mentions_in, expansions_in)
    b = resolve(index, "d2", "ZRA repeated it.", [("ZRA", "ORG")], mentions_in, expansions_in)
    c = resolve(index, "d3", "The Zagros Rights Alliance spoke again.", [("Zagros Rights Alliance", "ORG")],
                mentions_in, expansions_in)
    d = resolve(index, "d4", "The Zanjan Refugee Aid (ZRA) disagreed.", [("Zanjan Refugee Aid", "ORG"), ("ZRA", "ORG")],
                mentions_in, expansions_in)
    assert a["ZRA"] == b["ZRA"] == c["Zagros Rights Alliance"]
    assert d["ZRA"] != a["ZRA"]
    assert index.get(a["ZRA"]).name == "Zagros Rights Alliance"


def test_an_unparsable_person_gets_its_own_entity():
    index = MemoryIndex()
    local = [LocalEntity(index=0, label="PERSON", name="President", mentions=(0,))]
    first = resolve_report("d1", local, index)
    second = resolve_report("d2", local, index)
    assert first[0] != second[0]


def test_belarusian_and_russian_spellings_across_reports_are_one_person(mentions_in, expansions_in):
    index = MemoryIndex()
    a = resolve(index, "d1", "Blogger Aliaksei Parkhomchyk was jailed.", [("Aliaksei Parkhomchyk", "PERSON")],
                mentions_in, expansions_in)
    b = resolve(index, "d2", "Alexei Parkhomchik was sentenced.", [("Alexei Parkhomchik", "PERSON")],
                mentions_in, expansions_in)
    c = resolve(index, "d3", "A. Parkhomchik was convicted of extremism.", [("A. Parkhomchik", "PERSON")],
                mentions_in, expansions_in)
    d = resolve(index, "d4", "Parkhomchik remains in the penal colony.", [("Parkhomchik", "PERSON")],
                mentions_in, expansions_in)
    wife = resolve(index, "d5", "Iryna Parkhomchyk, his wife, was questioned.", [("Iryna Parkhomchyk", "PERSON")],
                   mentions_in, expansions_in)
    one = a["Aliaksei Parkhomchyk"]
    assert one == b["Alexei Parkhomchik"] == c["A. Parkhomchik"] == d["Parkhomchik"]
    assert wife["Iryna Parkhomchyk"] != one
    assert {"Aliaksei Parkhomchyk", "Alexei Parkhomchik"} <= set(index.get(one).aliases)


def test_simon_and_simone_are_two_people(mentions_in, expansions_in):
    index = MemoryIndex()
    a = resolve(index, "d1", "Simon Rezaei, 34, a teacher, was detained.", [("Simon Rezaei", "PERSON")],
                mentions_in, expansions_in)
    b = resolve(index, "d2", "Simone Rezaei, 29, a nurse, was detained.", [("Simone Rezaei", "PERSON")],
                mentions_in, expansions_in)
    assert a["Simon Rezaei"] != b["Simone Rezaei"]


def test_the_entity_takes_the_name_written_most_fully(mentions_in, expansions_in):
    index = MemoryIndex()
    a = resolve(index, "d1", "The court tried D. Sokolov in absentia.", [("D. Sokolov", "PERSON")],
                mentions_in, expansions_in)
    b = resolve(index, "d2", "Zmitser Sakalou learned of his sentence online.", [("Zmitser Sakalou", "PERSON")],
                mentions_in, expansions_in)
    assert a["D. Sokolov"] == b["Zmitser Sakalou"]
    assert index.get(a["D. Sokolov"]).name == "Zmitser Sakalou"


def test_the_form_written_with_an_honorific_is_an_alias():
    from casewatch.models import Mention

    text = "Daw Khin Mar Lwin, 61, was arrested. Khin Mar Lwin denied the charges."
    mentions = [Mention(4, 17, "Khin Mar Lwin", "PERSON", 0, written="Daw Khin Mar Lwin"),
                Mention(37, 50, "Khin Mar Lwin", "PERSON", 1)]
    assert text[4:17] == text[37:50] == "Khin Mar Lwin"
    local = link_mentions(mentions, [])
    index = MemoryIndex()
    ids = resolve_report("d1", local, index)
    entity = index.get(ids[0])
    assert entity.name == "Khin Mar Lwin"
    assert "Daw Khin Mar Lwin" in entity.aliases


def test_a_written_form_never_joins_people_the_name_keeps_apart():
    from casewatch.models import Mention

    index = MemoryIndex()
    a = resolve_report("d1", link_mentions([Mention(3, 16, "Khin Mar Lwin", "PERSON", 0,
                                                    written="Daw Khin Mar Lwin")], []), index)
    b = resolve_report("d2", link_mentions([Mention(3, 16, "Khin Mar Thet", "PERSON", 0,
                                                    written="Daw Khin Mar Thet")], []), index)
    assert a[0] != b[0]


def test_a_person_has_one_id_whichever_spelling_came_first(mentions_in, expansions_in):
    """Reports on one person in two romanisations: the id does not depend on which arrived first."""
    ids = []
    for first, second in (("Aliaksei Haurylenka", "Alexei Gavrilenko"), ("Alexei Gavrilenko", "Aliaksei Haurylenka")):
        index = MemoryIndex()
        a = resolve(index, "d1", f"Student {first} was detained.", [(first, "PERSON")], mentions_in, expansions_in)
        b = resolve(index, "d2", f"{second} was fined.", [(second, "PERSON")], mentions_in, expansions_in)
        assert a[first] == b[second]
        ids.append(a[first])
    assert ids[0] == ids[1]
