"""In a real browser, signed in as each role: every GET route the app declares (read from its own route table, with a
real case and report where the path takes one) answers without a server error, and what the role may open opens."""
from __future__ import annotations

import re

import pytest

from web.site import ROLES, sign_in
from web.test_routes_by_role import RANK, ROUTES

pytestmark = [pytest.mark.slow, pytest.mark.browser]


def _get_routes() -> list[tuple[str, str]]:
    """(path, query) for every GET route; the query fills the parameters the OpenAPI document says are required."""
    from casewatch.settings import Settings
    from casewatch.web import create_app
    from casewatch.web.app import web_routes

    app = create_app(Settings())
    spec = app.openapi()["paths"]
    out = []
    for path in sorted({r.path for r in web_routes(app) if r.methods and "GET" in r.methods
                        and not r.path.startswith("/static")}):
        params = spec.get(path, {}).get("get", {}).get("parameters", [])
        query = "&".join(f"{p['name']}=prison" for p in params if p["in"] == "query" and p.get("required"))
        out.append((path, query))
    return out


def _first_link(page, base: str, listing: str, prefix: str) -> str:
    page.goto(f"{base}{listing}")
    href = page.locator(f"main a[href^='{prefix}']").first.get_attribute("href")
    assert href, f"no link under {prefix} on {listing}"
    return href.split("#")[0].split("?")[0][len(prefix):]


@pytest.fixture(scope="module")
def source_id(server, browser) -> str:
    """A watched source, added through the API by an admin signed in (the examples watch none)."""
    page = browser.new_page()
    sign_in(page, server, "admin")
    csrf = page.locator("input[name=csrf]").first.get_attribute("value")
    made = page.request.post(f"{server}/api/sources", data={"url": "https://velmar-news.example/feed.xml"},
                             headers={"X-CSRF-Token": csrf})
    assert made.status == 201, made.text()
    made_id = str(made.json()["id"])
    page.close()
    return made_id


@pytest.mark.parametrize("role", ROLES)
def test_every_declared_page_and_api_route_answers_each_role(server, browser, source_id, role):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    sign_in(page, server, role)
    ids = {"case_id": _first_link(page, server, "/", "/cases/"),
           "doc_id": _first_link(page, server, "/documents", "/documents/"), "upload_id": "no-such-upload",
           "source_id": source_id}
    seen = []
    for path, query in _get_routes():
        concrete = re.sub(r"\{(\w+)\}", lambda m: ids[m.group(1)], path.replace("export.{fmt}", "export.html"))
        concrete += f"?{query}" if query else ""
        response = page.request.get(f"{server}{concrete}", max_redirects=0)
        seen.append((path, response.status))
        assert response.status < 500, (role, concrete, response.status, response.text()[:500])
        least = ROUTES[("GET", path)]
        if RANK[role] >= RANK[least] and "{upload_id}" not in path:  # no upload made here: 404 is right
            assert response.status in (200, 303), (role, concrete, response.status, response.text()[:300])
        elif RANK[role] < RANK[least]:
            assert response.status == 403, (role, concrete, response.status)
    assert any(p == "/api/docs" for p, _ in seen)
    page.goto(f"{server}/api/docs")
    assert page.locator("section.endpoint").count() >= 10
    assert "Request body" in page.locator("main").inner_text()
    page.close()
