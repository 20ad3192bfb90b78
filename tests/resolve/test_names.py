"""Person names: parsing, spelling variants, compatibility."""
from __future__ import annotations

import pytest

from casewatch.resolve.names import names_compatible, parse_person, same_token, token_key


@pytest.mark.parametrize(("a", "b"), [
    ("Kourosh", "Kurosh"), ("Mohammad", "Muhammad"), ("Mohammed", "Mohamad"), ("Hossein", "Hussein"),
    ("Hossein", "Husain"), ("Ebrahim", "Ibrahim"), ("Tanhaei", "Tanhaee"), ("Khalès", "Khales"),
    ("Qasem", "Ghasem"), ("Bill", "William"),
])
def test_spelling_variants_are_one_name(a, b):
    x, y = parse_person(a).surname, parse_person(b).surname
    assert same_token(x, y)
    assert token_key(x) == token_key(y)


@pytest.mark.parametrize(("a", "b"), [("Mahmoud", "Mohammad"), ("Ahmad", "Hamid"), ("Hamid", "Hamed"), ("Ali", "Alia")])
def test_different_names_stay_apart(a, b):
    assert not same_token(parse_person(a).surname, parse_person(b).surname)


@pytest.mark.parametrize(("written", "given", "surname"), [
    ("Dr. Navid Sabetian", ("navid",), "sabetian"),
    ("Ayatollah Navid Sabetian", ("navid",), "sabetian"),
    ("Senator Navid Sabetian", ("navid",), "sabetian"),
    ("President Navid Sabetian's", ("navid",), "sabetian"),
    ("Mr Sabetian", (), "sabetian"),
    ("Sabetian’", (), "sabetian"),
    ("Sabetian's", (), "sabetian"),
    ("Rapper Navid Sabetian", ("navid",), "sabetian"),
    ("soldier Navid Sabetian", ("navid",), "sabetian"),
    ("Navid Sabetian Jr.", ("navid",), "sabetian"),
    ("Omid bin Sabetian", ("omid",), "sabetian"),
    ("Omid 'the Lion' Sabetian", ("omid",), "sabetian"),
    ("Omid (Hamed) Sabetian", ("omid",), "sabetian"),
    ("Paolo Lo Sabetti", ("paolo",), "sabetti"),
    ("Lo Sabetti", (), "sabetti"),
    ("WR Sabetian", (), "sabetian"),
    ("Sabetian , MD", (), "sabetian"),
])
def test_parse_drops_titles_roles_and_possessives(written, given, surname):
    p = parse_person(written)
    assert (p.given, p.surname) == (given, surname)


def test_parse_keeps_the_written_form_without_title():
    assert parse_person("Dr. Navid Sabetian’s").display == "Navid Sabetian"


def test_a_title_alone_is_no_name():
    assert parse_person("President") is None


@pytest.mark.parametrize(("a", "b", "same"), [
    ("Ali Reza Farzampour", "Alireza Farzampour", True),
    ("Kourosh Farzampour", "Kurosh Farzampour", True),
    ("K. Farzampour", "Kourosh Farzampour", True),
    ("Kourosh Farzampour", "Farzampour", True),
    ("Ali Tanhaei", "Maryam Tanhaei", False),
    ("Navid P. Sabetian", "Navid Q. Sabetian", False),
    ("Navid Sabetian", "Navid P. Sabetian", True),
    ("Mohammad Ali Tanhaei", "Ali Tanhaei", False),
    ("N. Omid Sabetian", "Omid Sabetian", True),
])
def test_compatibility(a, b, same):
    assert names_compatible(parse_person(a), parse_person(b)) is same
