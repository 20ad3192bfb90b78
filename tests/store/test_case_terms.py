"""Finding cases in the store: names and aliases in any case, spelling or without diacritics; lists sorted by any
column and filtered by status, facility, outlet and latest development, all in SQL with bound values."""
from __future__ import annotations

import sqlite3

import pytest

from casewatch.errors import AmbiguousIdError, InvalidValueError, NotFoundError
from casewatch.store import open_store
from casewatch.store.case_terms import folded, latest_development, plain, terms


def _day(day: str) -> dict:
    return {"text": day, "start": day, "end": day, "precision": "day"}


def _case(cid: str, name: str, aliases: list[str], *, status: str = "detained", reports: int = 1,
          facility: str | None = None, outlet: str | None = None, event_day: str | None = None,
          published: str | None = None) -> dict:
    docs = [f"{cid}-doc{i}" for i in range(reports)]
    sources = [{"document": d, "outlet": outlet, "published": _day(published) if published else None} for d in docs]
    events = [{"type": "arrest", "date": _day(event_day) if event_day else None, "facility": facility,
               "support": [{"document": docs[0], "start": 0, "end": 4, "quote": "held"}]}]
    return {"id": cid, "subject": {"name": name, "aliases": aliases}, "status": status, "facts": [], "events": events,
            "conflicts": [], "sources": sources, "documents": docs, "outlets": 1 if outlet else 0,
            "independent_sources": reports}


CASES = [
    _case("case-aaa1", "Kourosh Veltanian", ["Kurosh Veltanian", "Veltanian"], status="sentenced_to_death",
          reports=3, facility="Norvale Prison", outlet="Harbor Herald", event_day="2025-11-02",
          published="2025-11-20"),
    _case("case-bbb2", "Ömer Talvik", ["Omer Talvik"], reports=1, facility="Eastgate Detention Centre",
          outlet="Lantern Daily", published="2024-05-01"),
    _case("case-ccc3", "Mirela Quandt", [], status="released", reports=2, outlet="Harbor Herald",
          event_day="2026-01-15", published="2025-12-30"),
]


@pytest.fixture()
def store(tmp_path):
    s = open_store(tmp_path / "cases.db")
    s.save_case_files([(f"ent-{cf['id']}", cf) for cf in CASES])
    yield s
    s.close()


def _names(rows: list[dict]) -> list[str]:
    return [r["name"] for r in rows]


def test_comparable_forms():
    assert plain("Ömer  TALVIK’s") == "omer talvik"
    assert folded("Kourosh") == folded("Kurosh")
    assert folded("Kourosh") != folded("Karim")


def test_latest_development_is_the_newest_event_or_publication_day():
    assert latest_development(CASES[0]) == "2025-11-20"
    assert latest_development(CASES[2]) == "2026-01-15"
    assert latest_development({"events": [{"date": None}], "sources": []}) == ""


def test_terms_hold_names_facilities_outlets_and_reports():
    found = set(terms(CASES[0]))
    assert {("name", "kurosh veltanian"), ("facility", "norvale prison"), ("outlet", "harbor herald"),
            ("document", "case-aaa1-doc0")} <= found


@pytest.mark.parametrize(("typed", "expected"), [
    ("kurosh", ["Kourosh Veltanian"]),      # an alias the case file lists
    ("KOUROSH velt", ["Kourosh Veltanian"]),
    ("Kurush", ["Kourosh Veltanian"]),      # another transliteration of the same name
    ("omer", ["Ömer Talvik"]),              # without the diacritic
    ("ÖMER", ["Ömer Talvik"]),
    ("%", []),                              # a LIKE wildcard is taken literally
    ("quandt", ["Mirela Quandt"]),
])
def test_name_filter_matches_aliases_and_spellings(store, typed, expected):
    total, rows = store.case_rows(name=typed)
    assert (total, _names(rows)) == (len(expected), expected)


def test_filters_by_status_facility_outlet_and_latest_development(store):
    assert _names(store.case_rows(status="released")[1]) == ["Mirela Quandt"]
    assert _names(store.case_rows(facility="norvale")[1]) == ["Kourosh Veltanian"]
    assert _names(store.case_rows(facility="eastgate detention")[1]) == ["Ömer Talvik"]
    assert _names(store.case_rows(outlet="HARBOR")[1]) == ["Kourosh Veltanian", "Mirela Quandt"]
    assert _names(store.case_rows(since="2025-01-01")[1]) == ["Kourosh Veltanian", "Mirela Quandt"]
    assert _names(store.case_rows(since="2025-12-01", outlet="harbor")[1]) == ["Mirela Quandt"]


def test_sorts_by_any_column_both_ways(store):
    assert _names(store.case_rows(order="reports", descending=True)[1]) == [
        "Kourosh Veltanian", "Mirela Quandt", "Ömer Talvik"]
    assert _names(store.case_rows(order="reports")[1]) == ["Ömer Talvik", "Mirela Quandt", "Kourosh Veltanian"]
    assert _names(store.case_rows(order="latest", descending=True)[1])[0] == "Mirela Quandt"
    assert [r["latest"] for r in store.case_rows(order="latest")[1]] == ["2024-05-01", "2025-11-20", "2026-01-15"]
    with pytest.raises(InvalidValueError, match="choose one of"):
        store.case_rows(order="name; DROP TABLE case_files")


def test_get_case_by_alias_spelling_or_part_of_a_name(store):
    assert store.get_case("kurosh veltanian")["id"] == "case-aaa1"
    assert store.get_case("Omer Talvik")["id"] == "case-bbb2"
    assert store.get_case("quandt")["id"] == "case-ccc3"
    assert store.get_case("case-bbb")["id"] == "case-bbb2"
    with pytest.raises(NotFoundError):
        store.get_case("Zebulon")
    with pytest.raises(AmbiguousIdError):
        store.get_case("case-")  # every id starts so


def test_saving_again_replaces_what_a_case_is_found_by(store):
    renamed = _case("case-aaa1", "Kourosh Veltanian", [], reports=1)
    store.save_case_files([("ent-case-aaa1", renamed)])
    assert store.case_rows(name="kurosh")[0] == 1  # folded form of the name still meets it
    assert store.case_rows(facility="norvale")[0] == 0
    store.delete_case_files(["ent-case-bbb2"])
    assert store.case_rows(name="omer")[0] == 0


def test_cases_of_documents(store):
    found = store.cases_of_documents(["case-aaa1-doc1", "nowhere"])
    assert found == {"case-aaa1-doc1": [{"id": "case-aaa1", "name": "Kourosh Veltanian"}], "nowhere": []}


def test_a_database_saved_before_the_side_table_is_filled_when_opened(store, tmp_path):
    path = store.path
    store.close()
    with sqlite3.connect(path) as conn:
        conn.execute("DROP TABLE case_terms")
        conn.execute("UPDATE case_files SET latest = ''")
    reopened = open_store(path)
    try:
        assert _names(reopened.case_rows(name="kurosh")[1]) == ["Kourosh Veltanian"]
        assert reopened.case_rows(order="latest")[1][0]["latest"] == "2024-05-01"
    finally:
        reopened.close()
