"""The web app: pages for people, a JSON API for scripts, one error path for both.

``create_app(settings)`` opens the store once; routes live in ``pages.py`` and
``api.py``. Every response carries a strict Content-Security-Policy (no inline
script, no outside origin), so even text that slipped past escaping could not
run.
"""
from __future__ import annotations

import re
from contextlib import asynccontextmanager
from importlib.resources import files
from typing import Any
from urllib.parse import quote

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import Match
from starlette.types import ASGIApp, Message, Receive, Scope, Send

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


def error_response(request: Request, status: int, message: str, code: str,
                   headers: dict[str, str] | None = None) -> Response:
    """The one shape of every error: ``{"error": {"status", "code", "message"}}``, or a page saying the same."""
    headers = dict(headers or {})
    if wants_json(request):
        if status == 401:
            headers["WWW-Authenticate"] = "Bearer"
        return JSONResponse({"error": {"status": status, "code": code, "message": message}}, status_code=status,
                            headers=headers)
    if status == 401:
        target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        return RedirectResponse(f"/login?next={quote(target, safe='')}", status_code=303)
    caller = getattr(request.state, "caller", None)
    body = render("error.html", status=status, message=message, user=caller.user if caller else None,
                  csrf=caller.csrf if caller else "", can_review=False, is_admin=False)
    return HTMLResponse(body, status_code=status, headers=headers)


class BodyLimit:
    """Refuse a request body over ``limit`` bytes: at once when Content-Length says so, else as soon as the
    bytes read pass it (413, never holding the whole body)."""

    def __init__(self, app: ASGIApp, limit: int):
        self.app, self.limit = app, limit

    def _message(self, size: str) -> str:
        return (f"the request is {size}, over the limit of {self.limit / 1_000_000:g} MB for one request; "
                "send fewer or smaller files at a time")

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers") or []).get(b"content-length", b"")
        if declared.isdigit() and int(declared) > self.limit:
            request = Request(scope)
            response = error_response(request, 413, self._message(f"{int(declared) / 1_000_000:g} MB"),
                                      "too_large", {"Connection": "close"})
            await response(scope, receive, send)
            return
        seen = 0

        async def limited() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.limit:
                    raise StarletteHTTPException(413, self._message(f"more than {self.limit / 1_000_000:g} MB"))
            return message

        await self.app(scope, limited, send)


def web_routes(app: FastAPI) -> list[Any]:
    """Every route of the app, routers included (path, methods, endpoint, matches)."""
    from fastapi.routing import iter_route_contexts

    return list(iter_route_contexts(app.routes))


def allowed_methods(app: FastAPI, scope: Scope) -> list[str]:
    """Every method some route takes at this path (for a 405's Allow header)."""
    methods: set[str] = set()
    for route in web_routes(app):
        taken = route.methods
        if taken and route.matches(scope)[0] != Match.NONE:
            methods.update(taken)
    return sorted(methods)


def _code(error: CasewatchError) -> str:
    """The error's class as a code: NotFoundError -> not_found."""
    name = type(error).__name__.removesuffix("Error") or "error"
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


def create_app(settings: Settings) -> FastAPI:
    from . import api, follows, pages, sources, whatsnew
    from .uploads import UploadWorker

    store = open_store(settings.db_path)
    worker = UploadWorker(store, settings)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> Any:
        yield
        worker.stop()
        store.close()

    app = FastAPI(title="casewatch", version=__version__, lifespan=lifespan, docs_url=None, redoc_url=None,
                  openapi_url=None,
                  description="Sourced case files for human-rights cases. Send `Authorization: Bearer TOKEN` "
                              "(make one with `casewatch token create USER`).")
    app.state.store = store
    app.state.settings = settings
    app.state.uploads = worker
    app.mount("/static", StaticFiles(directory=str(files("casewatch.web") / "static")), name="static")
    app.include_router(api.router)
    app.include_router(pages.router)
    app.include_router(whatsnew.router)
    app.include_router(follows.router)
    app.include_router(sources.router)

    app.add_middleware(BodyLimit, limit=settings.max_request_bytes)

    @app.middleware("http")
    async def security_headers(request: Request, call_next: Any) -> Response:
        response = await call_next(request)
        for key, value in SECURITY_HEADERS.items():
            response.headers.setdefault(key, value)
        path = request.url.path
        if path == "/" or path.startswith(("/api/", "/cases/", "/documents", "/audit", "/search", "/upload")):
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
        headers = dict(error.headers or {})
        allowed = ""
        if error.status_code == 405:
            allowed = ", ".join(allowed_methods(app, request.scope))
            headers["Allow"] = allowed
        message = {404: "no such page; the cases list is at /",
                   405: f"that method is not allowed here; this address takes {allowed}"}.get(
            error.status_code, str(error.detail))
        code = {404: "not_found", 405: "method_not_allowed", 413: "too_large"}.get(error.status_code, "http")
        return error_response(request, error.status_code, message, code, headers)

    return app
