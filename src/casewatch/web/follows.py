"""Following cases and the alerts sent: a Follow button on case pages, a page of one's follows, and the API.

Any signed-in user may follow (a viewer too) and sees their own follows and alerts; an admin sees everyone's in
the API. Webhook addresses are shown masked; a webhook's signing secret is shown once, in the answer that made
the follow. The web's file channel takes a file name only, written in the alert files folder.
"""
from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.responses import RedirectResponse, Response
from pydantic import BaseModel, Field

from .. import access
from ..alerts.channels import EMAIL_PATTERN, FILE_NAME_PATTERN, WEBHOOK_PATTERN
from ..alerts.follow import NewFollow, check_target, create_follow, end_follow, web_file, web_webhook
from ..alerts.match import known_statuses
from ..errors import InvalidValueError
from .api import PageNo, PageOut, PerPage, _errors, _page
from .auth import Caller, member, store_of, viewer
from .pages import page

router = APIRouter()
api = APIRouter(prefix="/api", tags=["api"], responses=_errors(401, 403, 405, 422))
ALERT_STATES = ("pending", "failing", "delivered", "cancelled")
WORDS = r"[A-Za-z0-9]"
"""Place, query and name values must hold a letter or digit."""
FollowId = Annotated[int, Path(ge=1, le=2**53, description="The follow's id.")]


def _no_store(response: Response) -> Response:
    response.headers["Cache-Control"] = "no-store"
    return response


def _target(request: Request, channel: str, target: str) -> str:
    target = target.strip()
    if channel == "file":
        return web_file(request.app.state.settings, target)
    if channel == "webhook":
        return web_webhook(request.app.state.settings, target)
    if channel != "email":
        raise InvalidValueError(f"channel {channel!r}: choose email, webhook or file")
    return check_target(channel, target)


def _digest(value: str) -> str:
    if value not in ("", "immediate", "daily"):
        raise InvalidValueError(f"digest {value!r}: choose immediate or daily")
    return "daily" if value == "daily" else ""


def _make(request: Request, caller: Caller, kind: str, value: str, channel: str, target: str,
          digest: str) -> NewFollow:
    return create_follow(store_of(request), caller.user.name, kind, value, channel,
                         _target(request, channel, target), _digest(digest), actor=caller.user.name)


# ---------------------------------------------------------------------------- pages

def _follows_page(request: Request, caller: Caller, made: NewFollow | None = None,
                  http_status: int = 200) -> Response:
    store = store_of(request)
    mine = [f.to_json() for f in store.follows(caller.user.name)]
    names = store.case_names([f["value"] for f in mine if f["kind"] == "case"])
    _, alerts = store.alerts_list(user=caller.user.name, limit=50)
    return _no_store(page(request, "follows.html", caller, http_status=http_status, follows=mine, alerts=alerts,
                          made=made, statuses=known_statuses(), names=names))


@router.get("/follows", include_in_schema=False)
def follows_page(request: Request, caller: Annotated[Caller, Depends(viewer)]) -> Response:
    return _follows_page(request, caller)


async def _form(request: Request) -> dict[str, str]:
    form = await request.form()
    return {k: str(form.get(k) or "")[:2000] for k in ("kind", "value", "channel", "target", "digest")}


@router.post("/follows", include_in_schema=False)
async def add_follow_form(request: Request, caller: Annotated[Caller, Depends(member)]) -> Response:
    """A follow by status, place, query or person, from the Following page; the answer shows a webhook's secret."""
    from starlette.concurrency import run_in_threadpool

    f = await _form(request)
    if f["kind"] == "status":
        f["value"] = ",".join((await request.form()).getlist("status")) or f["value"]
    made = await run_in_threadpool(_make, request, caller, f["kind"], f["value"], f["channel"], f["target"],
                                   f["digest"])
    return await run_in_threadpool(_follows_page, request, caller, made, 201)


@router.post("/cases/{case_id}/follow", include_in_schema=False)
async def follow_case_form(request: Request, case_id: str, caller: Annotated[Caller, Depends(member)]) -> Response:
    """The case page's Follow button: this case, to the channel chosen."""
    from starlette.concurrency import run_in_threadpool

    f = await _form(request)
    made = await run_in_threadpool(_make, request, caller, "case", case_id, f["channel"], f["target"],
                                   f["digest"])
    return await run_in_threadpool(_follows_page, request, caller, made, 201)


@router.post("/follows/{follow_id}/remove", include_in_schema=False)
def remove_follow_form(request: Request, follow_id: FollowId, caller: Annotated[Caller, Depends(member)]) -> Response:
    end_follow(store_of(request), follow_id, user=caller.user, actor=caller.user.name)
    return RedirectResponse("/follows", status_code=303)


# ---------------------------------------------------------------------------- API

class CaseFollow(BaseModel):
    kind: Literal["case"]
    case: str = Field(min_length=1, max_length=200, description="A case id, unique prefix, or the person's name.")


class StatusFollow(BaseModel):
    kind: Literal["status"]
    statuses: list[Literal[known_statuses()]] = Field(  # type: ignore[valid-type]
        min_length=1, max_length=20, description="Any case that reaches one of these statuses.")


class PlaceFollow(BaseModel):
    kind: Literal["place"]
    place: str = Field(max_length=200, pattern=WORDS, description="A place or facility (whole words, any case).")


class QueryFollow(BaseModel):
    kind: Literal["query"]
    query: str = Field(max_length=200, pattern=WORDS, description="Words that must all appear in the case's "
                                                                  "names, places or the change's quotes.")


class PersonFollow(BaseModel):
    kind: Literal["person"]
    name: str = Field(max_length=200, pattern=WORDS, description="A name or alias (any case, diacritics "
                                                                 "optional).")


class WebhookNotify(BaseModel):
    channel: Literal["webhook"]
    url: str = Field(max_length=2000, pattern=WEBHOOK_PATTERN, description="POSTed a signed JSON body per alert.")


class EmailNotify(BaseModel):
    channel: Literal["email"]
    address: str = Field(max_length=254, pattern=EMAIL_PATTERN)


class FileNotify(BaseModel):
    channel: Literal["file"]
    name: str = Field(pattern=FILE_NAME_PATTERN, description="A file name in the server's alert files folder; "
                                                             "one JSON line per alert.")


class FollowIn(BaseModel):
    follow: Annotated[CaseFollow | StatusFollow | PlaceFollow | QueryFollow | PersonFollow,
                      Field(discriminator="kind")]
    notify: Annotated[WebhookNotify | EmailNotify | FileNotify, Field(discriminator="channel")]
    digest: Literal["immediate", "daily"] = Field("immediate", description="immediate: one message per change; "
                                                                           "daily: one digest a day.")


def _value(body: FollowIn) -> tuple[str, str]:
    f = body.follow
    if isinstance(f, StatusFollow):
        return "status", ",".join(f.statuses)
    return f.kind, {"case": getattr(f, "case", ""), "place": getattr(f, "place", ""),
                    "query": getattr(f, "query", ""), "person": getattr(f, "name", "")}[f.kind]


def _notify(body: FollowIn) -> tuple[str, str]:
    n = body.notify
    return n.channel, getattr(n, {"webhook": "url", "email": "address", "file": "name"}[n.channel])


def _mine(caller: Caller) -> str | None:
    return None if access.allows(caller.user, "admin") else caller.user.name


@api.get("/follows", summary="Follows: mine (an admin's: everyone's)")
def list_follows(request: Request, caller: Annotated[Caller, Depends(viewer)]) -> list[dict[str, Any]]:
    """Each follow as `casewatch following --format json` prints it (webhook addresses masked)."""
    return [f.to_json() for f in store_of(request).follows(_mine(caller))]


@api.post("/follows", status_code=201, summary="Follow a case, statuses, a place, a query or a person",
          responses=_errors(400, 404))
def post_follow(request: Request, body: FollowIn, caller: Annotated[Caller, Depends(member)]) -> dict[str, Any]:
    """Makes the follow for the caller; a webhook follow's signing `secret` is in this answer only."""
    kind, value = _value(body)
    channel, target = _notify(body)
    made = _make(request, caller, kind, value, channel, target, body.digest)
    return {"follow": made.follow, "secret": made.secret}


@api.delete("/follows/{follow_id}", summary="Stop a follow", responses=_errors(404))
def delete_follow(request: Request, follow_id: FollowId, caller: Annotated[Caller, Depends(member)]) -> dict[str, Any]:
    """No new alerts; its alerts not yet delivered are cancelled. Only one's own follow (an admin: any)."""
    return end_follow(store_of(request), follow_id, user=caller.user, actor=caller.user.name)


@api.get("/alerts", response_model=PageOut, summary="Alerts and their deliveries: mine (an admin's: all)")
def list_alerts(request: Request, caller: Annotated[Caller, Depends(viewer)], page: PageNo = 1,
                per_page: PerPage = 50,
                state: Annotated[Literal[ALERT_STATES] | None, Query(  # type: ignore[valid-type]
                    description="Only alerts in this state.")] = None) -> dict[str, Any]:
    """The same objects as `casewatch alerts --format json`, newest first."""
    total, items = store_of(request).alerts_list(user=_mine(caller), state=state, limit=per_page,
                                                 offset=(page - 1) * per_page)
    return _page(total, items, page, per_page)


router.include_router(api)
