"""The web's limits: page-number cap (422), undeclared methods (405 + Allow), request and file-count limits (413),
and an upload processed in the background to the end with its one broken line failing alone."""
from __future__ import annotations

import asyncio
import json

import pytest

HUGE = 1_000_000_000_000_000_000


def paginated_routes(app) -> list[tuple[str, str]]:
    """(path, page parameter) for every GET route taking a page number, with any other required query filled in."""
    from fastapi.routing import APIRoute

    from casewatch.web.app import web_routes

    found = []
    for route in web_routes(app):
        original = route.original_route
        if not isinstance(original, APIRoute) or "GET" not in (route.methods or ()):
            continue
        names = {p.name: p for p in original.dependant.query_params}
        for key in ("page", "p"):
            if key in names:
                extra = "".join(f"&{n}=harbour" for n, p in names.items() if n != key and p.field_info.is_required())
                found.append((route.path, f"?{key}={HUGE}{extra}"))
    return found


def test_every_paginated_route_is_found(site):
    paths = {path for path, _ in paginated_routes(site.client.app)}
    assert {"/api/cases", "/api/documents", "/api/entities", "/api/figures", "/api/search", "/api/audit",
            "/", "/documents", "/search", "/audit"} <= paths


def test_a_huge_page_number_answers_422_never_500(site):
    for path, query in paginated_routes(site.client.app):
        got = site.client.get(path + query, headers=site.auth("admin"))
        assert got.status_code == 422, (path, got.status_code, got.text[:300])
        if path.startswith("/api/"):
            assert got.json()["error"]["code"] == "invalid"


@pytest.mark.parametrize("method,path,allowed", [
    ("DELETE", "/api/cases", {"GET"}),
    ("PUT", "/api/documents", {"GET", "POST"}),
    ("DELETE", "/api/reviews", {"POST"}),
    ("PATCH", "/upload", {"GET", "POST"}),
])
def test_an_undeclared_method_answers_405_with_the_allowed_ones(site, method, path, allowed):
    got = site.client.request(method, path, headers=site.auth("admin"))
    assert got.status_code == 405, got.text
    assert {m.strip() for m in got.headers["allow"].split(",")} == allowed
    if path.startswith("/api/"):
        assert got.json()["error"]["code"] == "method_not_allowed"


def asgi_post(app, path: str, headers: dict[str, str]) -> tuple[int, dict[str, str], bytes, int]:
    """POST straight to the ASGI app; the status, headers, body and how often the body was asked for."""
    reads = 0
    sent: list[dict] = []

    async def receive() -> dict:
        nonlocal reads
        reads += 1
        return {"type": "http.request", "body": b"x" * 1000, "more_body": True}

    async def send(message: dict) -> None:
        sent.append(message)

    scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "POST", "scheme": "http",
             "path": path, "raw_path": path.encode(), "root_path": "", "query_string": b"",
             "headers": [(k.lower().encode(), v.encode()) for k, v in headers.items()],
             "client": ("127.0.0.1", 1234), "server": ("testserver", 80), "app": app}
    asyncio.run(app(scope, receive, send))
    start = next(m for m in sent if m["type"] == "http.response.start")
    body = b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body")
    return start["status"], {k.decode(): v.decode() for k, v in start["headers"]}, body, reads


@pytest.mark.parametrize("path", ["/api/documents", "/upload"])
def test_a_declared_length_over_the_request_limit_is_refused_before_reading(site, path):
    limit = site.client.app.state.settings.max_request_bytes
    status, headers, body, reads = asgi_post(site.client.app, path, {
        "content-length": str(limit + 1), "content-type": "multipart/form-data; boundary=zz",
        **site.auth("analyst")})
    assert status == 413 and reads == 0 and headers.get("connection") == "close"
    if path.startswith("/api/"):
        error = json.loads(body)["error"]
        assert error["code"] == "too_large" and "fewer or smaller" in error["message"]


def test_too_many_files_answers_413(site):
    most = site.client.app.state.settings.max_upload_files
    files = [("files", (f"note{i}.txt", f"Note {i}\n\nThe clerk Ivo Marnet was questioned on day {i}.\n".encode(),
                        "text/plain")) for i in range(most + 1)]
    got = site.client.post("/api/documents", files=files, headers=site.auth("analyst"))
    assert got.status_code == 413, got.text
    assert got.json()["error"]["code"] == "too_large" and str(most) in got.json()["error"]["message"]


def test_an_upload_is_processed_to_the_end_and_one_broken_line_fails_alone(site):
    good = {"id": "limits-quay-1", "title": "Dock worker held in Saltmere", "outlet": "Saltmere Courier",
            "published": "2026-05-04",
            "text": "The dock worker Pell Oranto was detained in Saltmere on Monday, his union said."}
    lines = json.dumps(good) + "\n" + '{"id": "limits-quay-2", "title": "cut off' + "\n"
    files = [("files", ("quay.jsonl", lines.encode(), "application/x-ndjson")),
             ("files", ("ferry.txt", b"Ferry captain questioned\n\nThe captain Runa Velk was questioned in "
                                     b"Saltmere on Tuesday, her lawyer said.\n", "text/plain"))]
    status = site.upload(files)  # polls GET /api/uploads/{id}, a bounded number of times
    assert status["done"] and status["processed"] == len(status["new"]) == 2, status
    assert len(status["failed"]) == 1 and status["failed"][0]["input"].startswith("upload:quay.jsonl"), status
    page = site.client.get(f"/upload/{status['upload_id']}", headers=site.auth("analyst"))
    assert page.status_code == 200 and "quay.jsonl" in page.text
    for doc_id in status["new"]:
        doc = site.client.get(f"/api/documents/{doc_id}", headers=site.auth("viewer")).json()
        assert doc["origin"].startswith("upload:")
