"""Invented case files, users and change records for the alert tests (change rows written straight to the table
until the change records task fills it)."""
from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import insert

from casewatch.access import add_user
from casewatch.store import open_store
from casewatch.store.schema import changes

QUOTE = {"document": "doc-lind-1", "start": 10, "end": 58, "quote": "Dara Lindqvist was sentenced to death on Monday",
         "title": "Court hands down sentence", "outlet": "Harbor Herald"}


def case_file(cid: str, name: str, aliases: list[str], status: str, facility: str | None = None,
              place: str | None = None) -> dict:
    events = [{"id": f"{cid}-e1", "type": "arrest", "date": None, "facility": facility, "place": place,
               "support": [{"document": f"{cid}-d", "start": 0, "end": 4, "quote": "held"}]}]
    return {"id": cid, "subject": {"name": name, "aliases": aliases}, "status": status, "facts": [],
            "events": events, "conflicts": [], "sources": [{"document": f"{cid}-d", "outlet": "Harbor Herald"}],
            "documents": [f"{cid}-d"], "outlets": 1, "independent_sources": 1}


CASES = [
    case_file("case-lind01", "Dara Lindqvist", ["Dára Lindkvist"], "sentenced_to_death", facility="Norvale Prison",
              place="Port Elsin"),
    case_file("case-tove02", "Tove Marren", [], "detained", facility="Eastgate Detention Centre"),
]


def new_store(path: Path):
    store = open_store(path)
    store.save_case_files([(f"ent-{cf['id']}", cf) for cf in CASES])
    for name in ("ana", "vik"):
        add_user(store, name, "viewer", "correct horse battery", "test")
    return store


def add_change(store, case: str = "case-lind01", kind: str = "status", from_value: str | None = "on_trial",
               to_value: str | None = "sentenced_to_death", detail: dict | None = None,
               at: str = "2026-03-02T09:00:00+00:00") -> int:
    """One change record row, as the change records task writes it; its seq."""
    name = next(cf["subject"]["name"] for cf in CASES if cf["id"] == case)
    detail = detail if detail is not None else {"event": {"type": "sentence"}, "quotes": [QUOTE]}
    with store.transaction() as conn:
        return int(conn.execute(insert(changes).values(
            at=at, case_id=case, case_name=name, kind=kind, from_value=from_value, to_value=to_value,
            detail=json.dumps(detail), documents=json.dumps([QUOTE["document"]]))).inserted_primary_key[0])
