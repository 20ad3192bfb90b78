"""The web app: pages for people, a JSON API for scripts, one error path for both.

``create_app(settings)`` opens the store once; routes live in ``pages.py`` and
``api.py``. Every response carries a strict Content-Security-Policy (no inline
script, no outside origin), so even text that slipped past escaping could not
run.
"""
from __future__ import annotations

from contextlib import asynccontextmanager
from importlib.resources import files
from typing import Any
from urllib.parse import quote

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from .. import __version__
from ..errors import AccessError, CasewatchError, ForbiddenError
from ..settings import Settings
from ..store import open_store
from .templating import render

CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
       "form-action 'self'; frame-ancestors 'none'; base-uri 'none'")
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
}


def wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/") or "application/json" in request.headers.get("accept", "")


def error_response(request: Request, status: int, message: str, code: str) -> Response:
    """The one shape of every error: ``{"error": {"status", "code", "message"}}``, or a page saying the same."""
    if wants_json(request):
        headers = {"WWW-Authenticate": "Bearer"} if status == 401 else None
        return JSONResponse({"error": {"status": status, "code": code, "message": message}}, status_code=status,
                            headers=headers)
    if status == 401:
        target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        return RedirectResponse(f"/login?next={quote(target, safe='')}", status_code=303)
    caller = getattr(request.state, "caller", None)
    body = render("error.html", status=status, message=message, user=caller.user if caller else None,
                  csrf=caller.csrf if caller else "", can_review=False, is_admin=False)
    return HTMLResponse(body, status_code=status)


def _code(error: CasewatchError) -> str:
    return type(error).__name__.removesuffix("Error").lower() or "error"


def create_app(settings: Settings) -> FastAPI:
    from . import api, pages

    store = open_store(settings.db_path)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> Any:
        yield
        store.close()

    app = FastAPI(title="casewatch", version=__version__, lifespan=lifespan, docs_url=None, redoc_url=None,
                  openapi_url=None,
                  description="Sourced case files for human-rights cases. Send `Authorization: Bearer TOKEN` "
                              "(make one with `casewatch token create USER`).")
    app.state.store = store
    app.state.settings = settings
    app.mount("/static", StaticFiles(directory=str(files("casewatch.web") / "static")), name="static")
    app.include_router(api.router)
    app.include_router(pages.router)

    @app.middleware("http")
    async def security_headers(request: Request, call_next: Any) -> Response:
        response = await call_next(request)
        for key, value in SECURITY_HEADERS.items():
            response.headers.setdefault(key, value)
        if request.url.path.startswith(("/api/", "/cases/", "/documents/", "/audit", "/search", "/upload")):
            response.headers.setdefault("Cache-Control", "no-store")
        return response

    @app.exception_handler(CasewatchError)
    async def on_casewatch_error(request: Request, error: CasewatchError) -> Response:
        status = error.http_status
        if isinstance(error, AccessError) and not isinstance(error, ForbiddenError):
            status = 401
        return error_response(request, status, str(error), _code(error))

    @app.exception_handler(RequestValidationError)
    async def on_validation_error(request: Request, error: RequestValidationError) -> Response:
        parts = []
        for e in error.errors():
            where = ".".join(str(x) for x in e.get("loc", ()) if x not in ("body", "query", "path"))
            parts.append(f"{where}: {e.get('msg')}" if where else str(e.get("msg")))
        return error_response(request, 422, "; ".join(parts) or "the request is not valid", "invalid")

    @app.exception_handler(StarletteHTTPException)
    async def on_http_error(request: Request, error: StarletteHTTPException) -> Response:
        message = {404: "no such page; the cases list is at /", 405: "that method is not allowed here"}.get(
            error.status_code, str(error.detail))
        return error_response(request, error.status_code, message, "not_found" if error.status_code == 404
                              else "http")

    return app
