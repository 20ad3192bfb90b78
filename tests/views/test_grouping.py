"""Near-duplicate facts gathered so one review covers them: containment, case and diacritics, places, chains."""
from __future__ import annotations

from casewatch.views.grouping import fields_in_groups, group_facts, group_of, near_duplicates


def fact(n: int, field: str, value: str) -> dict:
    return {"id": f"fact-{n}", "field": field, "value": value}


def values(groups: list[list[dict]]) -> list[list[str]]:
    return [[f["value"] for f in g] for g in groups]


def test_a_value_within_another_of_the_same_field_is_one_group():
    facts = [fact(1, "charge", "spreading rumours"), fact(2, "charge", "Spreading Rumours online"),
             fact(3, "charge", "espionage")]
    assert values(group_facts(facts)) == [["spreading rumours", "Spreading Rumours online"], ["espionage"]]


def test_case_and_diacritics_are_set_aside_but_words_are_not_cut():
    assert near_duplicates("location", "Tehrán", "tehran")
    assert near_duplicates("court", "Branch 4 of the Brask Court", "brask court")
    assert not near_duplicates("age", "23", "123")
    assert not near_duplicates("charge", "rum", "spreading rumours")


def test_places_compare_without_filler_words():
    assert near_duplicates("facility", "Ward 2 of Varka Prison", "the Varka prison")
    assert not near_duplicates("facility", "Varka Prison", "Brask Prison")


def test_different_fields_never_group_and_chains_close_over():
    facts = [fact(1, "facility", "Varka Prison"), fact(2, "location", "Varka"),
             fact(3, "facility", "Ward 2 of Varka Prison"), fact(4, "facility", "Ward 2"),
             fact(5, "facility", "Brask Prison")]
    groups = group_facts(facts)
    assert values(groups) == [["Varka Prison", "Ward 2 of Varka Prison", "Ward 2"], ["Varka"], ["Brask Prison"]]
    assert [field for field, _ in fields_in_groups(facts)] == ["facility", "location"]
    assert group_of(facts, "fact-4") == ["fact-1", "fact-3", "fact-4"]
    assert group_of(facts, "conflict-9") == ["conflict-9"]


def test_every_fact_is_in_exactly_one_group_in_order():
    facts = [fact(i, "charge", v) for i, v in enumerate(["a b", "c", "b", "d c", "e"])]
    groups = group_facts(facts)
    assert sorted(f["id"] for g in groups for f in g) == sorted(f["id"] for f in facts)
    assert values(groups) == [["a b", "b"], ["c", "d c"], ["e"]]
