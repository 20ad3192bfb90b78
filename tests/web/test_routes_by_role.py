"""Every route of the app, opened by anonymous, viewer, analyst and admin, answers as the README's table says."""
from __future__ import annotations

import re

import pytest

from web.site import ROLES

PUBLIC = "anonymous"
RANK = {PUBLIC: 0, "viewer": 1, "analyst": 2, "admin": 3}

# (method, path) -> the least role that may call it; mirrors the route table in README.md.
ROUTES = {
    ("GET", "/login"): PUBLIC,
    ("POST", "/login"): PUBLIC,
    ("POST", "/logout"): "viewer",
    ("GET", "/"): "viewer",
    ("GET", "/cases/{case_id}"): "viewer",
    ("POST", "/cases/{case_id}/review"): "analyst",
    ("POST", "/cases/{case_id}/work"): "analyst",
    ("GET", "/cases/{case_id}/export.{fmt}"): "viewer",
    ("GET", "/documents"): "viewer",
    ("GET", "/documents/{doc_id}"): "viewer",
    ("GET", "/documents/{doc_id}/original"): "viewer",
    ("GET", "/search"): "viewer",
    ("GET", "/upload"): "analyst",
    ("POST", "/upload"): "analyst",
    ("GET", "/upload/{upload_id}"): "analyst",
    ("GET", "/audit"): "admin",
    ("GET", "/api/openapi.json"): "viewer",
    ("GET", "/api/docs"): "viewer",
    ("GET", "/api/cases"): "viewer",
    ("GET", "/api/cases/{case_id}"): "viewer",
    ("POST", "/api/cases/{case_id}/work"): "analyst",
    ("GET", "/api/documents"): "viewer",
    ("POST", "/api/documents"): "analyst",
    ("GET", "/api/documents/{doc_id}"): "viewer",
    ("GET", "/api/entities"): "viewer",
    ("GET", "/api/figures"): "viewer",
    ("GET", "/api/search"): "viewer",
    ("POST", "/api/reviews"): "analyst",
    ("GET", "/api/uploads/{upload_id}"): "analyst",
    ("GET", "/api/audit"): "admin",
    ("GET", "/sources"): "viewer",
    ("POST", "/sources"): "analyst",
    ("POST", "/sources/{source_id}/pause"): "analyst",
    ("POST", "/sources/{source_id}/resume"): "analyst",
    ("POST", "/sources/{source_id}/remove"): "analyst",
    ("GET", "/api/sources"): "viewer",
    ("POST", "/api/sources"): "analyst",
    ("POST", "/api/sources/{source_id}/pause"): "analyst",
    ("POST", "/api/sources/{source_id}/resume"): "analyst",
    ("POST", "/api/sources/{source_id}/remove"): "analyst",
    ("GET", "/api/sources/{source_id}/fetches"): "viewer",
    ("GET", "/follows"): "viewer",
    ("POST", "/follows"): "viewer",
    ("POST", "/follows/{follow_id}/remove"): "viewer",
    ("POST", "/cases/{case_id}/follow"): "viewer",
    ("GET", "/api/follows"): "viewer",
    ("POST", "/api/follows"): "viewer",
    ("DELETE", "/api/follows/{follow_id}"): "viewer",
    ("GET", "/api/alerts"): "viewer",
    ("GET", "/changes"): "viewer",
    ("GET", "/api/changes"): "viewer",
}


def declared_routes(app) -> set[tuple[str, str]]:
    """(method, path) for every route the app declares, static files left out (HEAD rides along with GET)."""
    from casewatch.web.app import web_routes

    found = set()
    for route in web_routes(app):
        if route.path.startswith("/static") or not route.methods:
            continue
        found.update((method, route.path) for method in route.methods if method != "HEAD")
    return found


def concrete(path: str) -> str:
    """A made-up id for each path parameter."""
    return re.sub(r"\{[^}]+\}", "zz-made-up", path).replace("export.zz-made-up", "export.json")


def call(site, method: str, path: str, role: str):
    headers = site.auth(role) if role != PUBLIC else {}
    if method == "GET":
        return site.client.get(concrete(path), headers=headers, follow_redirects=False)
    return site.client.request(method, concrete(path), headers=headers, data={}, follow_redirects=False)


def test_the_table_lists_every_route_and_no_other(site):
    declared = declared_routes(site.client.app)
    assert declared - ROUTES.keys() == set(), "routes missing from the role table (and from README.md)"
    assert ROUTES.keys() - declared == set(), "the role table lists routes the app no longer has"


@pytest.mark.parametrize("method,path", sorted(ROUTES))
@pytest.mark.parametrize("role", (PUBLIC, *ROLES))
def test_each_route_answers_each_role_as_documented(site, method, path, role):
    got = call(site, method, path, role)
    least = ROUTES[(method, path)]
    if RANK[role] >= RANK[least]:
        assert got.status_code not in (401, 403) and got.status_code < 500, (role, got.status_code, got.text)
    elif role == PUBLIC and path.startswith("/api/"):
        assert got.status_code == 401, got.text
        assert got.json()["error"]["status"] == 401
    elif role == PUBLIC:
        assert got.status_code == 303, got.text
        assert got.headers["location"].startswith("/login?next=")
    else:
        assert got.status_code == 403, (role, got.status_code, got.text)
