"""The REST API under /api: the same JSON as the CLI's ``--format json`` (see ``casewatch.views.queries``), paginated.

Reads need any signed-in user; ``POST /api/reviews``, ``POST /api/documents`` and
``GET /api/uploads/ID`` an analyst; ``GET /api/audit`` an admin. Errors are
``{"error": {status, code, message}}``, and every status a call can answer is declared in the
OpenAPI document.
"""
from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field

from ..errors import NotFoundError
from ..models import CASE_STATES, REVIEW_STATES
from ..store import DocumentFilters
from ..views import queries
from ..views.grouping import group_of
from ..views.reviewing import find_target, review_many
from .auth import Caller, admin, analyst, store_of, uploader, viewer
from .listing import CaseSort, DirArg, DocumentSort, descending
from .pages import MAX_PAGE
from .uploads import UploadOut, accept_upload, worker_of


class ErrorBody(BaseModel):
    status: int
    code: str
    message: str = Field(description="What went wrong and what to do.")


class ErrorOut(BaseModel):
    error: ErrorBody


def _errors(*codes: int) -> dict[int | str, dict[str, Any]]:
    meaning = {400: "An id prefix that matches more than one item, or a body that cannot be read.",
               401: "No valid API token (or session).", 403: "The user's role does not allow this call.",
               404: "No such item.", 405: "This path does not take that method (see the Allow header).",
               413: "The upload is over the size or file-count limits.",
               422: "A value that cannot be used; the message says which."}
    return {code: {"model": ErrorOut, "description": meaning[code]} for code in codes}


router = APIRouter(prefix="/api", tags=["api"], responses=_errors(401, 403, 405, 422))
ONE = _errors(400, 404)

PageNo = Annotated[int, Query(ge=1, le=MAX_PAGE, description=f"Page number, from 1 (at most {MAX_PAGE:,}; "
                                                                  "past the last page a list is empty).")]
PerPage = Annotated[int, Query(ge=1, le=500, description="Items per page (at most 500).")]


class PageOut(BaseModel):
    items: list[dict[str, Any]]
    page: int
    per_page: int
    total: int
    pages: int


def _page(total: int, items: list[dict[str, Any]], page: int, per_page: int) -> dict[str, Any]:
    return {"items": items, "page": page, "per_page": per_page, "total": total,
            "pages": max(1, -(-total // per_page))}


def _window(page: int, per_page: int) -> queries.Page:
    return queries.Page(limit=per_page, offset=(page - 1) * per_page)


@router.get("/cases", response_model=PageOut, summary="Cases, sorted and filtered as the cases list")
def list_cases(request: Request, _: Annotated[Caller, Depends(viewer)], page: PageNo = 1, per_page: PerPage = 50,
               status: Annotated[str | None, Query(max_length=64, description="Only cases with this status.")] = None,
               q: Annotated[str | None, Query(max_length=200, description="Part of the subject's name or of an alias, "
                                              "in any case, with or without diacritics or another spelling.")] = None,
               facility: Annotated[str | None, Query(max_length=200, description="Part of a facility the reports "
                                                     "give (any case, no diacritics needed).")] = None,
               outlet: Annotated[str | None, Query(max_length=200, description="Part of an outlet's name among "
                                                   "the case's reports.")] = None,
               since: Annotated[str | None, Query(pattern=r"^\d{4}-\d{2}-\d{2}$", description="Only cases whose "
                                                  "latest development is on or after this day (YYYY-MM-DD).")] = None,
               sort: Annotated[CaseSort, Query(description="name, status, reports, outlets, sources (independent "
                                                           "sources) or latest (latest development).")] = "name",
               direction: DirArg = None,
               state: Annotated[Literal[CASE_STATES] | None, Query(  # type: ignore[valid-type]
                   description="Only cases in this team state: new, in_review or verified.")] = None,
               assignee: Annotated[str | None, Query(max_length=64, description="Only cases assigned to this "
                                                                                "user.")] = None) -> dict[str, Any]:
    """The same objects as `casewatch cases --format json` (id, name, status, documents, outlets, sources) and
    `latest`, the date of the latest development in the reports (the newest event or publication date)."""
    order = "latest" if sort == "changed" else sort
    filters = queries.CaseFilters(status=status or None, name=(q or "").strip() or None,
                                  facility=(facility or "").strip() or None, outlet=(outlet or "").strip() or None,
                                  since=since, state=state, assignee=(assignee or "").strip() or None, order=order,
                                  descending=descending(order, direction))
    total, items = queries.cases(store_of(request), _window(page, per_page), filters=filters)
    return _page(total, items, page, per_page)


@router.get("/cases/{case_id}", summary="One case file (casefile.schema.json)", responses=ONE)
def get_case(request: Request, case_id: str, _: Annotated[Caller, Depends(viewer)]) -> dict[str, Any]:
    """The same JSON as `casewatch case ID --format json`, with every review laid over it."""
    return queries.case(store_of(request), case_id)


@router.get("/documents", response_model=PageOut, summary="Reports, sorted and filtered as the reports list")
def list_documents(request: Request, _: Annotated[Caller, Depends(viewer)], page: PageNo = 1,
                   per_page: PerPage = 50,
                   outlet: Annotated[str | None, Query(max_length=200, description="Part of the outlet's name "
                                                       "(any case).")] = None,
                   language: Annotated[str | None, Query(max_length=16, description="A language code, e.g. en.")
                                       ] = None,
                   status: Annotated[str | None, Query(max_length=16, description="ok, no_text or error.")] = None,
                   since: Annotated[str | None, Query(pattern=r"^\d{4}-\d{2}-\d{2}$", description="Published on "
                                                      "or after this day (YYYY-MM-DD).")] = None,
                   until: Annotated[str | None, Query(pattern=r"^\d{4}-\d{2}-\d{2}$", description="Published on "
                                                      "or before this day (YYYY-MM-DD).")] = None,
                   sort: Annotated[DocumentSort, Query(description="ingested (the order they were added), title, "
                                                               "outlet, published, language or status.")] = "ingested",
                   direction: DirArg = None) -> dict[str, Any]:
    """The same objects as `casewatch documents --format json`."""
    filters = DocumentFilters(outlet=(outlet or "").strip() or None, language=language or None,
                              status=status or None, since=since, until=until)
    total, items = queries.documents(store_of(request), _window(page, per_page), filters, sort,
                                     descending(sort, direction))
    return _page(total, items, page, per_page)


@router.get("/documents/{doc_id}", summary="One report: metadata, clean text, dates, mentions", responses=ONE)
def get_document(request: Request, doc_id: str, _: Annotated[Caller, Depends(viewer)]) -> dict[str, Any]:
    """The same JSON as `casewatch document ID --format json`."""
    return queries.document(store_of(request), doc_id)


@router.get("/entities", response_model=PageOut, summary="People and organisations resolved across reports")
def list_entities(request: Request, _: Annotated[Caller, Depends(viewer)], page: PageNo = 1,
                  per_page: PerPage = 50,
                  kind: Annotated[Literal["person", "org"] | None, Query(description="person or org")] = None
                  ) -> dict[str, Any]:
    """The same objects as `casewatch entities [--kind K] --format json`."""
    total, items = queries.entities(store_of(request), kind, _window(page, per_page))
    return _page(total, items, page, per_page)


@router.get("/figures", response_model=PageOut, summary="Figures the reports give, with their quotes")
def list_figures(request: Request, _: Annotated[Caller, Depends(viewer)], page: PageNo = 1,
                 per_page: PerPage = 50) -> dict[str, Any]:
    """The same objects as `casewatch figures --format json`."""
    total, items = queries.figures(store_of(request), _window(page, per_page))
    return _page(total, items, page, per_page)


@router.get("/search", response_model=PageOut, summary="Full-text search over the reports")
def search(request: Request, _: Annotated[Caller, Depends(viewer)],
           q: Annotated[str, Query(min_length=1, max_length=500, description="Words that must all appear; "
                                                                            "end one with * for a prefix.")],
           page: PageNo = 1, per_page: PerPage = 50) -> dict[str, Any]:
    """Reports whose title or clean text holds every word, best first, with their outlet, publication day, the
    cases they belong to ({id, name}) and a snippet (matches in [[ ]])."""
    from ..store.search import MARK_END, MARK_START

    store = store_of(request)
    total, hits = store.search_documents(q, per_page, (page - 1) * per_page)
    ids = [h.document_id for h in hits]
    heads, cases = store.report_heads(ids), store.cases_of_documents(ids)
    items = [{"id": h.document_id, "title": h.title, "outlet": heads.get(h.document_id, {}).get("outlet"),
              "published": heads.get(h.document_id, {}).get("published"), "cases": cases.get(h.document_id, []),
              "snippet": h.snippet.replace(MARK_START, "[[").replace(MARK_END, "]]")} for h in hits]
    return _page(total, items, page, per_page)


class ReviewIn(BaseModel):
    case: str = Field(description="Case id (or unique prefix, or the subject's name).")
    target: str = Field(description="The id of a fact, event or conflict of that case.")
    targets: list[str] = Field([], max_length=500, description="More ids the same decision covers (a group of "
                                                              "near-duplicate facts); each gets its own review.")
    group: bool = Field(False, description="Also cover every near-duplicate of the target fact (same field, one "
                                           "value within the other, as the case page groups them).")
    state: Literal[REVIEW_STATES] = Field(description="confirmed, rejected, edited or unreviewed.")  # type: ignore[valid-type]
    note: str = Field("", max_length=2000, description="Why; required to reject or edit.")
    value: str | None = Field(None, max_length=500, description="An edited fact's corrected value, or the value "
                                                                "an edited conflict is settled on.")


@router.post("/reviews", status_code=201, summary="Confirm, reject or edit a fact, event or conflict",
             responses=_errors(400, 404, 413))
def post_review(request: Request, body: ReviewIn, caller: Annotated[Caller, Depends(analyst)]) -> dict[str, Any]:
    """Records the review (kept for good, and in the audit log) and answers the reviewed item and the case status."""
    targets = [body.target, *body.targets]
    if body.group:
        facts = queries.case(store_of(request), body.case)["facts"]
        targets += [t for target in list(targets) for t in group_of(facts, target)]
    updated = review_many(store_of(request), body.case, targets, body.state, user=caller.user.name,
                          note=body.note, value=body.value)
    kind, item = find_target(updated, body.target)
    items = [find_target(updated, t)[1] for t in dict.fromkeys(targets)]
    return {"case": {"id": updated["id"], "status": updated["status"], "review": updated["review"]},
            "kind": kind, "item": item, "items": items}


class CaseWorkIn(BaseModel):
    state: Literal[CASE_STATES] = Field(description="new, in_review or verified.")  # type: ignore[valid-type]
    assignee: str | None = Field(None, max_length=64, description="The user who works on the case (null: nobody).")
    note: str = Field("", max_length=2000, description="Why, kept with the change.")


@router.post("/cases/{case_id}/work", status_code=201, summary="Set a case's team state and assignee",
             responses=_errors(400, 404))
def post_case_work(request: Request, case_id: str, body: CaseWorkIn,
                   caller: Annotated[Caller, Depends(analyst)]) -> dict[str, Any]:
    """Records the case's state (new, in_review, verified) and who works on it (kept for good, audited)."""
    from ..views.casework import set_case_work

    updated = set_case_work(store_of(request), case_id, body.state, user=caller.user.name, assignee=body.assignee,
                            note=body.note)
    return {"id": updated["id"], "name": updated["subject"]["name"], "work": updated["work"]}


UPLOAD_BODY = {"requestBody": {"required": True, "content": {"multipart/form-data": {"schema": {
    "type": "object", "minProperties": 1, "additionalProperties": False, "properties": {
        "files": {"type": "array", "minItems": 1, "items": {"type": "string", "format": "binary"},
                  "description": "Report files (.txt, .html, .jsonl; others by their bytes)."},
        "text": {"type": "string", "pattern": "\\S", "description": "A pasted report's text."}}}}}}}


@router.post("/documents", status_code=202, response_model=UploadOut, summary="Add reports",
             responses=_errors(400, 413), openapi_extra=UPLOAD_BODY)
async def post_documents(request: Request, caller: Annotated[Caller, Depends(uploader)]) -> JSONResponse:
    """Multipart files (field `files`) and/or pasted text (field `text`), with the CLI's checks and limits.

    Answers at once: the readable reports are stored, each input that cannot be read is listed with its
    reason, and the new reports are processed in the background; `GET /api/uploads/{id}` tells how far.
    """
    upload = await accept_upload(request, caller, strict=True)
    return JSONResponse(upload.to_out().model_dump(), status_code=202,
                        headers={"Location": f"/api/uploads/{upload.id}"})


@router.get("/uploads/{upload_id}", response_model=UploadOut, summary="How far an upload's processing has got",
            responses=_errors(404))
def get_upload(request: Request, upload_id: Annotated[str, Path(max_length=64)],
               _: Annotated[Caller, Depends(analyst)]) -> UploadOut:
    """The reports an upload stored, those that failed and why, and how many are processed so far."""
    upload = worker_of(request).get(upload_id)
    if upload is None:
        raise NotFoundError(f"no upload {upload_id!r} (uploads are remembered until the server restarts); "
                            "the reports list is at /api/documents")
    return upload.to_out()


@router.get("/audit", summary="The audit log, newest first")
def get_audit(request: Request, _: Annotated[Caller, Depends(admin)], page: PageNo = 1, per_page: PerPage = 50,
              action: str | None = None, actor: str | None = None) -> dict[str, Any]:
    store = store_of(request)
    entries = store.audit_log(limit=per_page, offset=(page - 1) * per_page, action=action, actor=actor)
    return _page(store.count_audit(action=action, actor=actor), [e.to_json() for e in entries], page, per_page)
