"""The pages analysts use: cases, a case, a report, search, upload, audit, login. Server-rendered, escaped."""
from __future__ import annotations

import re
import secrets
from typing import Annotated, Any, Literal
from urllib.parse import quote, urlencode

from fastapi import APIRouter, Depends, Form, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from .. import access
from ..corroborate.config import settings as status_settings
from ..errors import InvalidValueError, LockedOutError
from ..models import CASE_STATES
from ..store import DocumentFilters
from ..store.search import MARK_END, MARK_START
from ..views import html as views
from ..views import queries
from ..views.audit import audit_rows, history_rows
from ..views.glance import case_glance, glance_lines
from ..views.html import NARROW
from ..views.shapes import report_label, report_names
from .auth import LOGIN_COOKIE, SESSION_COOKIE, Caller, admin, analyst, member, store_of, uploader, viewer
from .listing import CaseSort, DayArg, DirArg, DocumentSort, TextArg, descending, headers
from .templating import render

router = APIRouter(include_in_schema=False)

PER_PAGE = 50
MAX_PAGE = 1_000_000
"""The highest page number any list answers (beyond the last page a list is empty); higher ones get 422."""
PageArg = Annotated[int, Query(ge=1, le=MAX_PAGE)]
StateArg = Annotated[Literal["", *CASE_STATES], Query()]  # type: ignore[valid-type]
STATUSES = (*status_settings()["status_order"], "unknown")
"""Every status a case can have, in the order the filter lists them (the corroboration settings' order)."""


def page(request: Request, name: str, caller: Caller | None, http_status: int = 200, **context: Any) -> HTMLResponse:
    """A rendered page; every template gets the user, the CSRF token, what the role allows and a pager link maker."""
    params = dict(request.query_params)

    def pager_query(number: int) -> str:
        return urlencode({**params, "p": number})

    body = render(name, user=caller.user if caller else None, csrf=caller.csrf if caller else "",
                  can_review=bool(caller and access.allows(caller.user, "analyst")),
                  is_admin=bool(caller and access.allows(caller.user, "admin")), pager_query=pager_query, **context)
    return HTMLResponse(body, status_code=http_status)


def _safe_next(target: str | None) -> str:
    """Only a path on this site (never //host or a scheme), so the login form cannot send anyone elsewhere."""
    if target and target.startswith("/") and not target.startswith("//") and "\\" not in target:
        return target
    return "/"


def _cookie_flags(request: Request) -> dict[str, Any]:
    return {"httponly": True, "samesite": "lax", "secure": request.url.scheme == "https", "path": "/"}


# ---------------------------------------------------------------------------- signing in and out

def _login_page(request: Request, next: str, failed: bool, locked: str = "") -> Response:
    nonce = secrets.token_urlsafe(24)
    no_users = store_of(request).count_users() == 0
    status = 429 if locked else 401 if failed else 200
    response = page(request, "login.html", None, http_status=status, next=_safe_next(next), nonce=nonce,
                    failed=failed, locked=locked, no_users=no_users)
    response.set_cookie(LOGIN_COOKIE, nonce, max_age=3600, **_cookie_flags(request))
    return response


@router.get("/login")
def login_form(request: Request, next: str = "/", failed: bool = False) -> Response:
    return _login_page(request, next, failed)


@router.post("/login")
def login(request: Request, name: Annotated[str, Form()], password: Annotated[str, Form()],
          nonce: Annotated[str, Form()] = "", next: Annotated[str, Form()] = "/") -> Response:
    cookie = request.cookies.get(LOGIN_COOKIE, "")
    if not cookie or not nonce or not secrets.compare_digest(cookie, nonce):
        return RedirectResponse(f"/login?failed=1&next={quote(_safe_next(next), safe='')}", status_code=303)
    store = store_of(request)
    address = request.client.host if request.client else "unknown"
    try:
        user = access.sign_in(store, name.strip()[:64], password, address, request.app.state.settings)
    except LockedOutError as e:
        return _login_page(request, next, True, locked=str(e))
    if user is None:
        return RedirectResponse(f"/login?failed=1&next={quote(_safe_next(next), safe='')}", status_code=303)
    key, _ = access.start_session(store, user)
    response = RedirectResponse(_safe_next(next), status_code=303)
    response.set_cookie(SESSION_COOKIE, key, max_age=access.SESSION_HOURS * 3600, **_cookie_flags(request))
    response.delete_cookie(LOGIN_COOKIE, path="/")
    return response


@router.post("/logout")
def logout(request: Request, _: Annotated[Caller, Depends(member)]) -> Response:
    access.end_session(store_of(request), request.cookies.get(SESSION_COOKIE, ""))
    response = RedirectResponse("/login", status_code=303)
    response.delete_cookie(SESSION_COOKIE, path="/")
    return response


# ---------------------------------------------------------------------------- cases

CASE_COLUMNS = (("name", "Name"), ("status", "Status"), ("reports", "Reports"), ("outlets", "Outlets"),
                ("sources", "Independent sources"), ("latest", "Latest development"))
DOCUMENT_COLUMNS = (("title", "Title"), ("outlet", "Outlet"), ("published", "Published"), ("language", "Language"),
                    ("status", "Status"))


@router.get("/")
def cases_page(request: Request, caller: Annotated[Caller, Depends(viewer)], status: TextArg = "", q: TextArg = "",
               facility: TextArg = "", outlet: TextArg = "", since: DayArg = "", sort: CaseSort = "latest",
               direction: DirArg = None, state: StateArg = "", assignee: TextArg = "", mine: bool = False,
               p: PageArg = 1) -> Response:
    store = store_of(request)
    order = "latest" if sort == "changed" else sort
    desc = descending(order, direction)
    assignee = caller.user.name if mine else assignee.strip()
    filters = queries.CaseFilters(status=status or None, name=q.strip() or None, facility=facility.strip() or None,
                                  outlet=outlet.strip() or None, since=since or None, state=state or None,
                                  assignee=assignee or None, order=order, descending=desc)
    total, rows = queries.cases(store, queries.Page(PER_PAGE, (p - 1) * PER_PAGE), filters=filters)
    return page(request, "cases.html", caller, rows=rows, total=total, statuses=store.case_statuses(), status=status,
                q=q, facility=facility, outlet=outlet, since=since, p=p, pages=max(1, -(-total // PER_PAGE)),
                all_statuses=STATUSES, headers=headers(request.query_params, CASE_COLUMNS, order, desc),
                facilities=store.case_term_values("facility"), outlets=store.case_term_values("outlet"),
                case_states=CASE_STATES, state=state, assignee=assignee, mine=mine,
                assignees=store.case_term_values("assignee"))


def _case_page(request: Request, caller: Caller, case_id: str, http_status: int = 200,
               problem: dict[str, Any] | None = None) -> Response:
    """The case page; ``problem`` (the form's targets, values and error) shows a refused review in place."""
    from ..views.grouping import fields_in_groups
    from .whatsnew import case_history

    store = store_of(request)
    cf = queries.case(store, case_id)
    history = history_rows(cf, store.review_history(cf["id"]))
    facts = fields_in_groups(cf["facts"])
    if problem is not None:  # a form the page has no longer (or never had): the error goes above the conflicts
        forms = [[c["id"]] for c in cf["conflicts"]] + [[e["id"]] for e in cf["events"]]
        forms += [[f["id"] for f in group] for _, groups in facts for group in groups]
        problem["placed"] = problem["targets"] in forms
    return page(request, "case.html", caller, http_status=http_status, cf=cf, titles=views.source_titles(cf),
                glance=glance_lines(case_glance(cf)), facts=facts,
                timeline=views.timeline(cf["events"], cf.get("sources", [])),
                timeline_narrow=views.timeline(cf["events"], cf.get("sources", []), width=NARROW),
                groups=views.syndication_groups(cf.get("sources", [])), history=list(reversed(history))[:20],
                users=[u.name for u in store.list_users() if u.active and access.allows(u, "analyst")],
                case_states=CASE_STATES, problem=problem, changes=case_history(store, cf["id"]))


@router.get("/cases/{case_id}")
def case_page(request: Request, case_id: str, caller: Annotated[Caller, Depends(viewer)]) -> Response:
    return _case_page(request, caller, case_id)


@router.post("/cases/{case_id}/review")
async def review_form(request: Request, case_id: str, caller: Annotated[Caller, Depends(analyst)]) -> Response:
    """One decision over the form's targets (one item, or a group of near-duplicate facts); a refused decision
    answers the case page itself (422) with the error beside that form and what was typed kept."""
    from starlette.concurrency import run_in_threadpool

    from ..views.reviewing import review_many

    form = await request.form()
    targets = [str(t) for t in form.getlist("target") if str(t)][:500]
    state, note, value = (str(form.get(k) or "") for k in ("state", "note", "value"))
    try:
        cf = await run_in_threadpool(review_many, store_of(request), case_id, targets, state,
                                     user=caller.user.name, note=note, value=value or None)
    except InvalidValueError as e:
        problem = {"targets": targets, "state": state, "note": note, "value": value, "error": str(e)}
        return await run_in_threadpool(_case_page, request, caller, case_id, 422, problem)
    return RedirectResponse(f"/cases/{quote(cf['id'])}#{quote(targets[0])}", status_code=303)


@router.post("/cases/{case_id}/work")
async def case_work_form(request: Request, case_id: str, caller: Annotated[Caller, Depends(analyst)]) -> Response:
    """The case's team state and assignee, set from the case page."""
    from starlette.concurrency import run_in_threadpool

    from ..views.casework import set_case_work

    form = await request.form()
    cf = await run_in_threadpool(set_case_work, store_of(request), case_id, str(form.get("state") or ""),
                                 user=caller.user.name, assignee=str(form.get("assignee") or ""),
                                 note=str(form.get("note") or ""))
    return RedirectResponse(f"/cases/{quote(cf['id'])}#work", status_code=303)


@router.get("/cases/{case_id}/export.{fmt}")
def export_case(request: Request, case_id: str, fmt: str, caller: Annotated[Caller, Depends(viewer)]) -> Response:
    from ..views.export import FORMATS, Provenance, export

    if fmt not in FORMATS:
        raise InvalidValueError(f"no export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    store = store_of(request)
    cf = queries.case(store, case_id)
    provenance = Provenance.now(caller.user.name, report_names(store, [s["document"] for s in cf.get("sources", [])]))
    body, media = export(cf, fmt, provenance=provenance)
    headers = {"Content-Disposition": f'{"inline" if fmt == "html" else "attachment"}; filename="{cf["id"]}.{fmt}"'}
    if fmt == "html":  # the dossier carries its own print styles and no script
        headers["Content-Security-Policy"] = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'"
    return Response(body, media_type=media, headers=headers)


# ---------------------------------------------------------------------------- reports

_QUOTE = re.compile(r"^(\d{1,9})-(\d{1,9})$")


@router.get("/documents")
def documents_page(request: Request, caller: Annotated[Caller, Depends(viewer)], outlet: TextArg = "",
                   language: TextArg = "", status: TextArg = "", since: DayArg = "", until: DayArg = "",
                   sort: DocumentSort = "ingested", direction: DirArg = None, p: PageArg = 1) -> Response:
    store = store_of(request)
    desc = descending(sort, direction)
    filters = DocumentFilters(outlet=outlet.strip() or None, language=language or None, status=status or None,
                              since=since or None, until=until or None)
    total, items = queries.documents(store, queries.Page(PER_PAGE, (p - 1) * PER_PAGE), filters, sort, desc)
    return page(request, "documents.html", caller, items=items, total=total, p=p, pages=max(1, -(-total // PER_PAGE)),
                headers=headers(request.query_params, DOCUMENT_COLUMNS, sort, desc), facets=store.document_facets(),
                outlet=outlet, language=language, status=status, since=since, until=until)


@router.get("/documents/{doc_id}")
def document_page(request: Request, doc_id: str, caller: Annotated[Caller, Depends(viewer)], q: str = "") -> Response:
    store = store_of(request)
    full = queries.document(store, doc_id)
    extraction = store.extraction(full["id"])
    events = [{"start": e.trigger.start, "end": e.trigger.end, "type": e.type, "modality": e.modality}
              for e in (extraction.events if extraction else [])]
    found = _QUOTE.match(q)
    quoted = (int(found.group(1)), int(found.group(2))) if found else None
    text = full.get("text") or ""
    marks = views.document_marks(full, events, quoted)
    return page(request, "document.html", caller, doc=full, segments=views.segments(text, marks),
                quoted=text[quoted[0]:quoted[1]] if quoted else None)


@router.get("/documents/{doc_id}/original")
def original_page(request: Request, doc_id: str, caller: Annotated[Caller, Depends(viewer)]) -> Response:
    """The bytes as received, shown as escaped text: markup is displayed, never run or loaded."""
    store = store_of(request)
    d = store.get_document(doc_id)
    raw = store.raw_bytes(d.id).decode("utf-8", errors="replace")
    return page(request, "original.html", caller, doc=d, raw=raw)


# ---------------------------------------------------------------------------- search, upload, audit

@router.get("/search")
def search_page(request: Request, caller: Annotated[Caller, Depends(viewer)], q: str = "",
                p: PageArg = 1) -> Response:
    store = store_of(request)
    total, hits = store.search_documents(q[:500], PER_PAGE, (p - 1) * PER_PAGE) if q else (0, [])
    ids = [h.document_id for h in hits]
    heads, cases = store.report_heads(ids), store.cases_of_documents(ids)
    results = [{"id": h.document_id, **heads.get(h.document_id, {"title": h.title}),
                "cases": cases.get(h.document_id, []), "snippet": _snippet(h.snippet)} for h in hits]
    return page(request, "search.html", caller, q=q, total=total, results=results, p=p,
                pages=max(1, -(-total // PER_PAGE)))


def _snippet(snippet: str) -> list[tuple[str, bool]]:
    """A search snippet as (text, matched) pieces, so the template escapes the text and marks the matches."""
    out: list[tuple[str, bool]] = []
    for i, part in enumerate(snippet.split(MARK_START)):
        if i == 0:
            out.append((part, False))
            continue
        hit, _, rest = part.partition(MARK_END)
        out.extend([(hit, True), (rest, False)])
    return [piece for piece in out if piece[0]]


@router.get("/upload")
def upload_form(request: Request, caller: Annotated[Caller, Depends(analyst)]) -> Response:
    return page(request, "upload.html", caller, upload=None, lines=[], limits=_limits(request))


def _limits(request: Request) -> str:
    from .uploads import megabytes

    settings = request.app.state.settings
    return (f"at most {settings.max_upload_files} files and {megabytes(settings.max_request_bytes)} in all, "
            f"each file or pasted text at most {megabytes(settings.max_bytes)}")


@router.post("/upload")
async def upload(request: Request, caller: Annotated[Caller, Depends(uploader)]) -> Response:
    from .uploads import accept_upload

    done = await accept_upload(request, caller)
    return RedirectResponse(f"/upload/{quote(done.id)}", status_code=303)


@router.get("/upload/{upload_id}")
def upload_progress(request: Request, upload_id: str, caller: Annotated[Caller, Depends(analyst)]) -> Response:
    """What an upload stored and what failed, and how many of its reports are processed (refreshes until done)."""
    from ..errors import NotFoundError
    from .uploads import worker_of

    found = worker_of(request).get(upload_id[:64])
    if found is None:
        raise NotFoundError("no such upload (uploads are remembered until the server restarts); the reports list "
                            "is at /documents")
    reports = report_names(store_of(request), [*found.new, *found.unchanged])
    return page(request, "upload.html", caller, upload=found, lines=found.lines(), limits=_limits(request),
                reports={d: report_label(r["name"], r["outlet"]) for d, r in reports.items()})


@router.get("/audit")
def audit_page(request: Request, caller: Annotated[Caller, Depends(admin)], action: str = "", actor: str = "",
               p: PageArg = 1) -> Response:
    store = store_of(request)
    entries = store.audit_log(limit=PER_PAGE, offset=(p - 1) * PER_PAGE, action=action or None, actor=actor or None)
    rows = audit_rows(store, [e.to_json() for e in entries])
    return page(request, "audit.html", caller, entries=rows, action=action, actor=actor, p=p,
                more=len(entries) == PER_PAGE)


@router.get("/api/openapi.json")
def openapi_document(request: Request, _: Annotated[Caller, Depends(viewer)]) -> dict[str, Any]:
    """The OpenAPI document (for signed-in users, like every other call)."""
    return request.app.openapi()


@router.get("/api/docs")
def api_docs(request: Request, caller: Annotated[Caller, Depends(viewer)]) -> Response:
    """The OpenAPI document drawn as a page (no script from elsewhere: this works offline)."""
    from ..views.api_docs import request_body

    spec = request.app.openapi()
    return page(request, "api_docs.html", caller, spec=spec, request_body=request_body)
