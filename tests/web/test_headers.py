"""Security headers on every kind of answer, and the flags of both cookies (the login form's and the session's)."""
from __future__ import annotations

import re

import pytest

from web.site import PASSWORD


def expected_headers() -> dict[str, str]:
    from casewatch.web.app import SECURITY_HEADERS

    return SECURITY_HEADERS


def test_the_security_headers_are_what_the_policy_needs():
    csp = expected_headers()["Content-Security-Policy"]
    for rule in ("default-src 'none'", "script-src 'self'", "frame-ancestors 'none'", "form-action 'self'"):
        assert rule in csp
    assert "unsafe-inline" not in csp and "*" not in csp


@pytest.mark.parametrize("path,role", [("/", "viewer"), ("/login", None), ("/api/cases", "viewer"),
                                       ("/api/cases", None), ("/no-such-page", "viewer"), ("/audit", "viewer")])
def test_every_answer_carries_the_security_headers(site, path, role):
    got = site.client.get(path, headers=site.auth(role) if role else {}, follow_redirects=False)
    for key, value in expected_headers().items():
        assert got.headers.get(key) == value, (path, key)


def test_private_answers_are_not_cached(site):
    for path in ("/", "/api/cases", "/cases/zz-made-up", "/documents", "/documents/zz-made-up", "/search", "/audit",
                 "/upload"):
        assert site.client.get(path, headers=site.auth("admin")).headers.get("cache-control") == "no-store", path


def cookie_named(response, name: str) -> str:
    found = [c for c in response.headers.get_list("set-cookie") if c.startswith(f"{name}=")]
    assert len(found) == 1, response.headers.get_list("set-cookie")
    return found[0]


@pytest.mark.parametrize("scheme", ["http", "https"])
def test_both_cookies_are_httponly_samesite_and_secure_over_https(site, scheme):
    from fastapi.testclient import TestClient

    from casewatch.web.auth import LOGIN_COOKIE, SESSION_COOKIE

    client = TestClient(site.client.app, base_url=f"{scheme}://testserver")
    form = client.get("/login")
    nonce = re.search(r'name="nonce" value="([^"]+)"', form.text).group(1)
    signed_in = client.post("/login", data={"name": "viewer", "password": PASSWORD, "nonce": nonce, "next": "/"},
                            follow_redirects=False)
    assert signed_in.status_code == 303
    for cookie in (cookie_named(form, LOGIN_COOKIE), cookie_named(signed_in, SESSION_COOKIE)):
        flags = {part.strip().lower() for part in cookie.split(";")[1:]}
        assert "httponly" in flags and "samesite=lax" in flags and "path=/" in flags, cookie
        assert ("secure" in flags) == (scheme == "https"), cookie
    for key, value in expected_headers().items():
        assert signed_in.headers.get(key) == value
