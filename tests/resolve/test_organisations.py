"""The organisations knowledge file, its lookups, and acronym conflicts."""
from __future__ import annotations

import json
from importlib.resources import files

import pytest

from casewatch.models import Evidence, OrgExpansion
from casewatch.resolve import acronym_conflicts, lookup_organisation
from casewatch.resolve.organisations import initials, looks_like_acronym, normalise_acronym, normalise_org


def _entries() -> list[dict]:
    return json.loads(files("casewatch").joinpath("data", "organisations.json").read_text("utf-8"))["organisations"]


def test_knowledge_file_entries_are_well_formed_and_unique():
    entries = _entries()
    assert 30 <= len(entries) <= 60
    names: dict[str, str] = {}
    acronyms: dict[str, str] = {}
    for e in entries:
        assert set(e) == {"name", "acronyms", "aliases", "kind"}
        for n in (e["name"], *e["aliases"]):
            assert names.setdefault(normalise_org(n), e["name"]) == e["name"], n
        for a in e["acronyms"]:
            assert acronyms.setdefault(normalise_acronym(a), e["name"]) == e["name"], a


@pytest.mark.parametrize(("written", "name"), [
    ("Iran Human Rights Society", "Iran Human Rights Society"),
    ("the Iran Human Rights Society", "Iran Human Rights Society"),
    ("IHRS", "Iran Human Rights Society"),
    ("the IHRS", "Iran Human Rights Society"),
    ("iran human rights society", "Iran Human Rights Society"),
    ("HRW", "Human Rights Watch"),
    ("IHRNGO", "Iran Human Rights"),
    ("The Centre for Human Rights in Iran", "Center for Human Rights in Iran"),
    ("Amnesty", "Amnesty International"),
    ("Iran's judiciary", "Judiciary of Iran"),
    ("Revolutionary Guards", "Islamic Revolutionary Guard Corps"),
    ("U.N.", "United Nations"),
    ("Mizan", "Mizan News Agency"),
])
def test_lookup_by_name_alias_or_acronym(written, name):
    found = lookup_organisation(written)
    assert found is not None and found.name == name


@pytest.mark.parametrize("written", ["Tehran Revolutionary Court Branch 99", "Society", "", "Narges Farzampour"])
def test_lookup_unknown(written):
    assert lookup_organisation(written) is None


def _expansion(acronym: str, expansion: str) -> OrgExpansion:
    quote = f"{expansion} ({acronym})"
    return OrgExpansion(acronym=acronym, expansion=expansion, evidence=Evidence(0, len(quote), quote))


def test_acronym_conflict_on_a_wrong_expansion():
    wrong = _expansion("IHRS", "the Center for Human Rights in Iran")
    right = _expansion("IHRS", "the Iran Human Rights Society")
    unknown = _expansion("ZQRA", "the Zagros Rights Alliance")
    conflicts = acronym_conflicts([wrong, right, unknown])
    assert len(conflicts) == 1
    given, of_acronym, of_words = conflicts[0]
    assert given is wrong
    assert of_acronym.name == "Iran Human Rights Society"
    assert of_words.name == "Center for Human Rights in Iran"


def test_acronym_helpers():
    assert initials("Center for Human Rights in Iran") == "CHRI"
    assert looks_like_acronym("IHRS") and looks_like_acronym("U.N.") and looks_like_acronym("IHRS’")
    assert not looks_like_acronym("Hengaw") and not looks_like_acronym("McDonald")


def test_bare_generic_court_and_judiciary_name_no_country() -> None:
    assert lookup_organisation("the judiciary") is None
    assert lookup_organisation("Supreme Court") is None
