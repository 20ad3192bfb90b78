"""The sources page and API: what casewatch watches on the network and how each fetch went.

Anyone signed in reads them; only analysts and admins add, pause, resume or remove a source (audited).
"""
from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Form, Path, Request
from fastapi.responses import RedirectResponse, Response
from pydantic import BaseModel, Field

from ..durations import say_duration
from ..watch.sources import add_source, change_source
from .api import _errors
from .auth import Caller, analyst, store_of, viewer
from .pages import page

router = APIRouter()
pages = APIRouter(include_in_schema=False)
api = APIRouter(prefix="/api", tags=["api"], responses=_errors(401, 403, 405, 422))

FETCHES_SHOWN = 30
SourceId = Annotated[int, Path(ge=1, le=2**31 - 1, description="The source's id (`sources list`).")]


def _source_json(row: Any) -> dict[str, Any]:
    out = row.to_json()
    out["every"] = say_duration(row.every_seconds)
    return out


@pages.get("/sources")
def sources_page(request: Request, caller: Annotated[Caller, Depends(viewer)], error: str = "") -> Response:
    store = store_of(request)
    rows = store.list_sources()
    names = {r.id: r.name for r in store.list_sources(include_removed=True)}
    fetches = [{**f.__dict__, "source_name": names.get(f.source_id, f"source {f.source_id}")}
               for f in store.fetch_log(limit=FETCHES_SHOWN)]
    return page(request, "sources.html", caller, sources=[_source_json(r) for r in rows], fetches=fetches,
                error=error[:300], failing_after=request.app.state.settings.failing_after)


def _back(error: str = "") -> RedirectResponse:
    from urllib.parse import quote

    return RedirectResponse("/sources" + (f"?error={quote(error)}" if error else ""), status_code=303)


@pages.post("/sources")
def sources_add_form(request: Request, caller: Annotated[Caller, Depends(analyst)],
                     url: Annotated[str, Form(max_length=2000)], name: Annotated[str, Form(max_length=200)] = "",
                     every: Annotated[str, Form(max_length=20)] = "",
                     kind: Annotated[Literal["", "feed", "page"], Form()] = "") -> Response:
    from ..errors import InvalidValueError

    try:
        add_source(store_of(request), url, name=name, every=every, kind=kind or None,
                   default_every=request.app.state.settings.source_every, actor=caller.user.name)
    except InvalidValueError as e:
        return _back(str(e))
    return _back()


def _form_action(action: str) -> Any:
    def change(request: Request, source_id: SourceId, caller: Annotated[Caller, Depends(analyst)]) -> Response:
        change_source(store_of(request), source_id, action, actor=caller.user.name)
        return _back()

    change.__name__ = f"source_{action}_form"
    return change


def _api_action(action: str) -> Any:
    def change(request: Request, source_id: SourceId, caller: Annotated[Caller, Depends(analyst)]) -> dict[str, Any]:
        return _source_json(change_source(store_of(request), source_id, action, actor=caller.user.name))

    change.__name__ = f"post_source_{action}"
    return change


class SourceIn(BaseModel):
    url: str = Field(max_length=2000, pattern=r"^https?://[A-Za-z0-9.-]*[A-Za-z0-9](:[0-9]{1,5})?([/?#]\S*)?$",
                     description="The feed's or the page's http(s) address.")
    name: str = Field("", max_length=200, description="What to call it (the address's host when empty).")
    every: str = Field("", pattern=r"^([1-9][0-9]{0,6}[smhdw]?)?$",
                       description="How often to fetch it: 90s, 30m, 2h, 1d (30m when empty).")
    kind: Literal["feed", "page"] | None = Field(None, description="feed or page; told from the first answer "
                                                                   "when not given.")


@api.get("/sources", summary="The sources watched, with how their last fetch went")
def get_sources(request: Request, _: Annotated[Caller, Depends(viewer)]) -> list[dict[str, Any]]:
    return [_source_json(r) for r in store_of(request).list_sources()]


@api.post("/sources", status_code=201, summary="Watch a feed or a page (analysts and admins)",
          responses=_errors(400))
def post_source(request: Request, body: SourceIn, caller: Annotated[Caller, Depends(analyst)]) -> dict[str, Any]:
    row = add_source(store_of(request), body.url, name=body.name, every=body.every, kind=body.kind,
                     default_every=request.app.state.settings.source_every, actor=caller.user.name)
    return _source_json(row)


@api.get("/sources/{source_id}/fetches", summary="A source's fetch log, newest first", responses=_errors(404))
def get_source_fetches(request: Request, source_id: SourceId,
                       _: Annotated[Caller, Depends(viewer)]) -> list[dict[str, Any]]:
    store = store_of(request)
    store.get_source(source_id)
    return [f.__dict__ for f in store.fetch_log(source_id, limit=200)]


for _action, _words in (("pause", "Stop fetching a source for now"), ("resume", "Fetch a paused source again"),
                        ("remove", "Stop watching a source (what was fetched stays)")):
    pages.post(f"/sources/{{source_id}}/{_action}")(_form_action(_action))
    api.post(f"/sources/{{source_id}}/{_action}", summary=f"{_words} (analysts and admins)",
             responses=_errors(404))(_api_action(_action))

router.include_router(pages)
router.include_router(api)
