"""Which change records match which follows: one case, a person's names, statuses, places, a query."""
from __future__ import annotations

from dataclasses import dataclass

import pytest

from alerts.support import CASES, QUOTE
from casewatch.alerts.match import matches, status_set
from casewatch.errors import InvalidValueError

LIND, TOVE = CASES


@dataclass
class F:
    kind: str
    value: str


def change(case: str = "case-lind01", kind: str = "status", to: str | None = "sentenced_to_death",
           detail: dict | None = None, name: str = "Dara Lindqvist") -> dict:
    return {"id": 1, "at": "2026-03-02T09:00:00+00:00", "case": case, "case_name": name, "kind": kind,
            "from": "on_trial", "to": to, "detail": detail or {"quotes": [QUOTE]}, "documents": []}


def test_a_case_follow_matches_only_its_case():
    assert matches(F("case", "case-lind01"), change(), LIND)
    assert not matches(F("case", "case-lind01"), change(case="case-tove02", name="Tove Marren"), TOVE)


@pytest.mark.parametrize("name", ["Dara Lindqvist", "dara lindqvist", "DÁRA LINDKVIST", "Dara  Lindqvíst"])
def test_a_person_follow_matches_the_name_or_an_alias_folded(name):
    assert matches(F("person", name), change(), LIND)


def test_a_person_follow_needs_the_whole_name():
    assert not matches(F("person", "Dara"), change(), LIND)
    assert not matches(F("person", "Tove Marren"), change(), LIND)


def test_a_status_follow_matches_a_status_change_to_one_of_its_statuses():
    follow = F("status", "sentenced_to_death,executed")
    assert matches(follow, change(), LIND)
    assert matches(follow, change(to="executed"), LIND)
    assert not matches(follow, change(to="released"), LIND)
    assert not matches(follow, change(kind="fact", to="sentenced_to_death"), LIND)


def test_a_status_follow_matches_a_new_case_with_that_status():
    assert matches(F("status", "detained"), change(case="case-tove02", kind="new_case", to="detained"), TOVE)
    assert not matches(F("status", "executed"), change(case="case-tove02", kind="new_case", to="detained"), TOVE)


def test_unknown_statuses_are_refused_with_the_valid_ones_listed():
    with pytest.raises(InvalidValueError) as refused:
        status_set("executed, hanged")
    assert "hanged" in str(refused.value) and "sentenced_to_death" in str(refused.value)
    assert status_set("Sentenced to death, executed") == ["sentenced_to_death", "executed"]


def test_a_place_follow_matches_a_facility_or_place_of_the_case_by_whole_words():
    assert matches(F("place", "norvale prison"), change(), LIND)
    assert matches(F("place", "Port Elsin"), change(), LIND)
    assert matches(F("place", "Eastgate"), change(case="case-tove02", name="Tove Marren"), TOVE)
    assert not matches(F("place", "Norv"), change(), LIND)
    assert not matches(F("place", "Eastgate"), change(), LIND)


def test_a_query_follow_needs_every_word_in_the_names_places_or_the_change_text():
    assert matches(F("query", "lindqvist monday"), change(), LIND)  # a name and a word of the quote
    assert matches(F("query", "norvale sentenced"), change(), LIND)
    assert not matches(F("query", "lindqvist tuesday"), change(), LIND)
    assert not matches(F("query", "marren"), change(), LIND)


def test_a_change_whose_case_file_is_gone_still_matches_by_the_change():
    assert matches(F("person", "Dara Lindqvist"), change(), None)
    assert matches(F("query", "monday"), change(), None)


def test_webhooks_on_this_machine_or_a_private_network_are_told_apart():
    from casewatch.alerts.follow import is_local_address

    for url in ("http://127.0.0.1/h", "http://localhost:9000/h", "https://10.1.2.3/h", "http://192.168.0.9/h",
                "http://169.254.169.254/latest", "http://[::1]/h", "http://printer.local/h", "http://x.internal/"):
        assert is_local_address(url), url
    for url in ("https://hooks.example.org/h", "https://93.184.215.14/h", "http://[2606:4700::1111]/h"):
        assert not is_local_address(url), url
