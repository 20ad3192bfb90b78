"""The What's new page and the API over change records; each case page's history of changes."""
from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response

from ..changes.diff import KINDS
from ..changes.records import KIND_WORDS, change_json, change_line, quotes_of
from ..changes.since import SINCE_FORMS, SINCE_PATTERN, parse_since
from ..store import Store
from ..views import queries
from ..views.shapes import report_label, report_name
from .api import ONE, PageNo, PageOut, PerPage, _errors, _page
from .auth import Caller, store_of, viewer
from .pages import PER_PAGE, PageArg, page

router = APIRouter()

HISTORY_LENGTH = 10
"""How many changes a case page lists before linking to all of them."""
REPORTS_SHOWN = 5
"""How many of a change's reports a row links to before saying how many more."""

KindArg = Annotated[Literal["", *KINDS] | None, Query(  # type: ignore[valid-type]
    description="Only changes of this kind: " + ", ".join(KINDS) + ".")]
SinceArg = Annotated[str | None, Query(pattern=SINCE_PATTERN, max_length=32,
                                       description=f"Only changes recorded since: {SINCE_FORMS}.")]
CaseArg = Annotated[str | None, Query(max_length=200, description="Only this case: its id (or a unique prefix), "
                                                                  "or the subject's name or alias.")]
WatchArg = Annotated[bool, Query(description="Only changes that made an alert for one of my follows.")]


def _case_id(store: Store, ref: str | None) -> tuple[str | None, str | None]:
    """(case id, case name) of a case filter; (None, None) when there is none. An unknown case is a 404."""
    if not ref or not ref.strip():
        return None, None
    cf = queries.case(store, ref.strip())
    return cf["id"], cf["subject"]["name"]


def _since(since: str | None) -> str | None:
    return parse_since(since, dt.datetime.now(dt.UTC), strict=False) if since else None


def shown(store: Store, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Change records as pages show them: the JSON form, its line in words, and its reports by name."""
    items = [change_json(r) for r in rows]
    heads = store.report_heads(list(dict.fromkeys(d for c in items for d in c["documents"][:REPORTS_SHOWN])))
    for c in items:
        c["line"] = change_line(c)
        c["kind_words"] = KIND_WORDS.get(c["kind"], c["kind"])
        c["reports"] = []
        for doc_id in c["documents"][:REPORTS_SHOWN]:
            h = heads.get(doc_id, {})
            name = report_name(h.get("title"), h.get("first_words"), doc_id)
            c["reports"].append({"id": doc_id, "label": report_label(name, h.get("outlet"))})
        c["quotes"] = [{"attributed_to": None, **q} for q in quotes_of(c["detail"])]
        values = c["detail"].get("values") or []
        c["quote_groups"] = ([(v.get("value"), [{"attributed_to": None, **q} for q in v.get("quotes") or []])
                              for v in values] if values else [(None, c["quotes"])])
        c["titles"] = {q["document"]: report_label(q.get("title") or q["document"], q.get("outlet"))
                       for q in c["quotes"]} | {r["id"]: r["label"] for r in c["reports"]}
        c["more_reports"] = max(0, len(c["documents"]) - REPORTS_SHOWN)
    return items


def case_history(store: Store, case_id: str) -> dict[str, Any]:
    """A case page's history of changes: its newest changes and how many there are in all."""
    rows = store.changes(case_id=case_id, limit=HISTORY_LENGTH)
    return {"recent": shown(store, rows), "total": store.count_changes(case_id=case_id), "case": case_id}


def _filters(case_id: str | None, kind: str | None, since: str | None, watch_user: str | None) -> dict[str, Any]:
    """The store's change filters, the same for the page and the API."""
    return {"since": _since(since), "case_id": case_id, "kind": kind or None, "watch_user": watch_user}


@router.get("/changes", include_in_schema=False)
def changes_page(request: Request, caller: Annotated[Caller, Depends(viewer)], case: CaseArg = None,
                 kind: KindArg = None, watch: WatchArg = False, since: SinceArg = None, p: PageArg = 1) -> Response:
    store = store_of(request)
    case_id, case_name = _case_id(store, case)
    filters = _filters(case_id, kind, since, caller.user.name if watch else None)
    total = store.count_changes(**filters)
    rows = store.changes(**filters, limit=PER_PAGE, offset=(p - 1) * PER_PAGE)
    return page(request, "changes.html", caller, items=shown(store, rows), total=total, p=p,
                pages=max(1, -(-total // PER_PAGE)), case=case or "", case_id=case_id, case_name=case_name,
                kind=kind or "", watch=watch, since=since or "", kinds=[(k, KIND_WORDS[k]) for k in KINDS],
                since_forms=SINCE_FORMS)


@router.get("/api/changes", response_model=PageOut, tags=["api"], summary="What changed in case files, newest first",
            responses={**_errors(401, 403, 405, 422), **ONE})
def list_changes(request: Request, caller: Annotated[Caller, Depends(viewer)], page: PageNo = 1, per_page: PerPage = 50,
                 case: CaseArg = None, kind: KindArg = None, since: SinceArg = None,
                 watch: WatchArg = False) -> dict[str, Any]:
    """The same objects as `casewatch changes --format json`: {id, at, case, case_name, kind, from, to, detail,
    documents}, where detail holds the evidence (quotes: document, start, end and the exact words)."""
    store = store_of(request)
    case_id, _name = _case_id(store, case)
    filters = _filters(case_id, kind, since, caller.user.name if watch else None)
    total = store.count_changes(**filters)
    rows = store.changes(**filters, limit=per_page, offset=(page - 1) * per_page)
    return _page(total, [change_json(r) for r in rows], page, per_page)
