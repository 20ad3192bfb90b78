"""Who a careful reader sees as a case when the name is hard for the small model: names it tags as groups or
not at all, names in slogans and questions, names written with honorifics and prefixes. Every report is
invented; they are ingested once, in one store, and each case is looked up by the name as the report writes it.
"""
from __future__ import annotations

import json

import pytest

from casewatch.acquire import iter_inputs
from casewatch.errors import CasewatchError
from casewatch.ingest import ingest
from casewatch.runner import SerialRunner
from casewatch.settings import Settings
from casewatch.store import open_store
from casewatch.views import queries

# (report, the names a reader would look the case up by)
CASES = [
    ("Nang Hseng Lao, a Shan nurse, was detained by soldiers in Lashio on Friday.", ["Nang Hseng Lao"]),
    ("Hseng Lao, the nurse detained in Lashio, was released on bail on Monday.", ["Hseng Lao", "Nang Hseng Lao"]),
    ("Daw Khin Mar Lwin, 61, was arrested at her home in Mandalay on Tuesday.",
     ["Daw Khin Mar Lwin", "Khin Mar Lwin"]),
    ("'Free Zmitser Dashkevich!' read the placards outside the embassy, two years after his arrest.",
     ["Zmitser Dashkevich"]),
    ("Will Marek Dolan be executed? A court in Varsk sentenced him to death in May.", ["Marek Dolan"]),
    ("Lawyer Nasrin Ghadirian was detained on Monday and is expected to stand trial next month.",
     ["Nasrin Ghadirian"]),
]

NOT_CASES = [
    ("Prosecutors charged Norvex Holdings with fraud on Monday.", "Norvex Holdings"),
    ("Soldiers raided the Thein Taw monastery on Sunday and detained three novices.", "Thein Taw"),
    ("'Free Tibet!' the marchers chanted as police detained two students.", "Tibet"),
    ("Judge Farhad Salehi sentenced the two students to six years.", "Farhad Salehi"),
]


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory):
    folder = tmp_path_factory.mktemp("names")
    items = folder / "reports.jsonl"
    with items.open("w", encoding="utf-8") as f:
        for n, (text, _) in enumerate(CASES + NOT_CASES):
            f.write(json.dumps({"text": text, "url": f"https://names.test/{n}", "published": "2026-03-04"}) + "\n")
    s = open_store(folder / "casewatch.db")
    summary = ingest(s, iter_inputs([str(items)], Settings()), SerialRunner())
    assert not summary.failed
    yield s
    s.close()


def _case(store, name: str) -> dict | None:
    try:
        return queries.case(store, name)
    except CasewatchError:
        return None


@pytest.mark.parametrize(("text", "written"), CASES, ids=[c[1][0] for c in CASES])
def test_the_case_is_found_by_the_name_as_written(store, text, written):
    found = [_case(store, name) for name in written]
    assert all(cf is not None for cf in found), f"{written}: {text}"
    assert len({cf["id"] for cf in found}) == 1


@pytest.mark.parametrize(("text", "name"), NOT_CASES, ids=[c[1] for c in NOT_CASES])
def test_companies_places_and_officials_are_not_cases(store, text, name):
    assert _case(store, name) is None, text
