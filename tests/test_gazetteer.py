"""The gazetteer of given names and surnames: one signal among others, loaded from the shipped data."""
from __future__ import annotations

from casewatch import gazetteer


def test_common_given_names_have_a_clear_gender():
    assert gazetteer.gender("Simon") == "male"
    assert gazetteer.gender("Louise") == "female"
    assert gazetteer.gender("Mohammad") == "male"


def test_names_of_different_gender_differ_and_respellings_do_not():
    assert gazetteer.genders_differ("Simon", "Simone")
    assert gazetteer.genders_differ("Daniel", "Danielle")
    assert not gazetteer.genders_differ("Hossein", "Hussein")


def test_names_and_other_words():
    assert gazetteer.is_name("Smith") and gazetteer.is_surname("Smith")
    assert not gazetteer.is_name("Prisonwardship")
    assert gazetteer.male_share("Qwxzv") is None


def test_case_and_diacritics_do_not_matter():
    assert gazetteer.male_share("SIMON") == gazetteer.male_share("Simon") == gazetteer.male_share("Simón")
